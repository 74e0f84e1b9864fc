"""CTranslate2 is told to use AVX-512 only where the CPU has it, and never against the user."""

import pytest

from appliance.stt import whisper_local

pytestmark = pytest.mark.unit

ZEN4 = {"avx2", "avx512f", "avx512cd", "avx512vl", "avx512dq", "avx512bw", "avx512_vnni"}


def test_a_cpu_with_avx512_gets_it(monkeypatch):
    monkeypatch.delenv("CT2_FORCE_CPU_ISA", raising=False)
    monkeypatch.setattr(whisper_local, "_cpu_flags", lambda: ZEN4)
    assert whisper_local.prefer_avx512()
    assert whisper_local.os.environ["CT2_FORCE_CPU_ISA"] == "AVX512"


def test_a_cpu_without_all_of_it_is_left_to_ctranslate2(monkeypatch):
    # CTranslate2 refuses to load any model when told AVX512 on such a CPU.
    monkeypatch.delenv("CT2_FORCE_CPU_ISA", raising=False)
    monkeypatch.setattr(whisper_local, "_cpu_flags", lambda: ZEN4 - {"avx512bw"})
    assert not whisper_local.prefer_avx512()
    assert "CT2_FORCE_CPU_ISA" not in whisper_local.os.environ


def test_the_users_choice_is_kept(monkeypatch):
    monkeypatch.setenv("CT2_FORCE_CPU_ISA", "AVX2")
    monkeypatch.setattr(whisper_local, "_cpu_flags", lambda: ZEN4)
    assert not whisper_local.prefer_avx512()
    assert whisper_local.os.environ["CT2_FORCE_CPU_ISA"] == "AVX2"


def test_this_machines_flags_are_read():
    assert "fpu" in whisper_local._cpu_flags()

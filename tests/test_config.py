import re

import pytest

from appliance.config import ConfigError, Settings, load_settings

pytestmark = pytest.mark.unit


def test_defaults_need_no_file(monkeypatch):
    monkeypatch.delenv("APPLIANCE_CONFIG", raising=False)
    settings = load_settings()
    assert settings.llm.model == "smollm2-135m"
    assert settings.service.host == "127.0.0.1"


def test_file_values_override_defaults(tmp_path):
    path = tmp_path / "appliance.toml"
    path.write_text('[llm]\nmodel = "qwen2.5-0.5b"\nmax_tokens = 40\n')
    settings = load_settings(path)
    assert settings.llm.model == "qwen2.5-0.5b" and settings.llm.max_tokens == 40


def test_bad_value_names_the_field_and_what_is_allowed(tmp_path):
    path = tmp_path / "appliance.toml"
    path.write_text('[llm]\nmodel = "gpt-9"\n[turns]\nvad_stop_s = -1\n')
    with pytest.raises(ConfigError) as caught:
        load_settings(path)
    message = str(caught.value)
    assert "llm.model" in message and "(smollm2-135m, qwen2.5-0.5b)" in message
    assert "a path to a .gguf file" in message
    assert "turns.vad_stop_s" in message and "greater than or equal to 0.05" in message


def test_misspelt_setting_is_rejected_not_ignored(tmp_path):
    path = tmp_path / "appliance.toml"
    path.write_text("[service]\nprot = 9000\n")
    with pytest.raises(ConfigError, match="service.prot: unknown setting"):
        load_settings(path)


def test_broken_toml_and_missing_file_are_reported(tmp_path):
    path = tmp_path / "appliance.toml"
    path.write_text("[llm\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(path)
    with pytest.raises(ConfigError, match="does not exist"):
        load_settings(tmp_path / "missing.toml")


def test_a_model_may_be_a_path_to_the_users_own_files():
    settings = Settings(llm={"model": "~/models/mine.gguf"}, tts={"voice": "/opt/voice.onnx"},
                        stt={"model": "/opt/whisper-small"})
    assert settings.llm.model == "~/models/mine.gguf"
    assert settings.tts.voice == "/opt/voice.onnx" and settings.stt.model == "/opt/whisper-small"


def test_the_known_model_names_match_the_manifest():
    from appliance.config.models import KNOWN_MODELS
    from appliance.modelstore import ModelStore

    manifest = ModelStore(Settings().models.dir).manifest
    for role, names in KNOWN_MODELS.items():
        assert sorted(names) == sorted(m.name for m in manifest.models if m.role == role)


@pytest.mark.parametrize(("base_url", "says"), [
    ("http://127.0.0.1:99999/v1", "has a port outside 1-65535"),
    ("http://127.0.0.1:0/v1", "has a port outside 1-65535"),
    ("127.0.0.1:8000/v1", "is not an http(s) URL with a host"),
    ("ftp://hub.lan/v1", "is not an http(s) URL with a host"),
])
def test_a_remote_url_the_client_cannot_call_is_refused_at_load(tmp_path, base_url, says):
    path = tmp_path / "appliance.toml"
    path.write_text('[[providers.llm]]\nname = "local"\nkind = "local"\nmodel = "smollm2-135m"\n'
                    f'[[providers.llm]]\nname = "hub"\nkind = "openai"\nmodel = "m"\n'
                    f'base_url = "{base_url}"\n')
    with pytest.raises(ConfigError, match=rf"base_url .* {re.escape(says)}"):
        load_settings(path)

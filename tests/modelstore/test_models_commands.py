from __future__ import annotations

import json
from pathlib import Path

import pytest
from modelstore_support import flip_byte, make_cli, run_cli

pytestmark = pytest.mark.unit


@pytest.fixture(autouse=True)
def _isolated(wheel_cache: Path) -> None:
    """Every CLI run here uses the empty per-test wheel cache."""


def test_fetch_then_fetch_again_reports_already_present(
    models_dir: Path, capsys: pytest.CaptureFixture[str]
):
    assert run_cli("models", "fetch", "silero-vad", "--models-dir", str(models_dir)) == 0
    out = capsys.readouterr().out
    assert out.startswith("silero-vad: fetched 1 file (2.3 MB) in ")
    assert f"from installed pipecat-ai==1.14.0 -> {models_dir / 'silero-vad'}" in out
    assert run_cli("models", "fetch", "silero-vad", "--models-dir", str(models_dir)) == 0
    assert capsys.readouterr().out == (
        f"silero-vad: ok, already present ({models_dir / 'silero-vad'})\n"
    )


def test_list_shows_present_and_missing_models(
    models_dir: Path, capsys: pytest.CaptureFixture[str]
):
    run_cli("models", "fetch", "--quiet", "smart-turn-v3.2", "--models-dir", str(models_dir))
    capsys.readouterr()
    assert run_cli("models", "list", "--models-dir", str(models_dir)) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"models folder: {models_dir}"
    rows = {line.split()[0]: line.split() for line in lines[2:8]}
    assert rows["smart-turn-v3.2"][-1] == "present"
    assert rows["whisper-tiny.en"][-1] == "missing"
    assert rows["qwen2.5-0.5b"][2] == "yes"  # the larger tier, used by default
    assert lines[-1] == (
        f"some default models are not ready; run: appliance models fetch --models-dir {models_dir}"
    )


def test_list_json_has_one_row_per_model(models_dir: Path, capsys: pytest.CaptureFixture[str]):
    assert run_cli("models", "list", "--json", "--models-dir", str(models_dir)) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["name"] for r in rows][:2] == ["silero-vad", "smart-turn-v3.2"]
    assert set(rows[0]) == {"name", "role", "is_default", "size", "state", "path", "description"}
    assert rows[0]["state"] == "missing"
    assert rows[0]["path"] == str(models_dir / "silero-vad")


def test_unknown_model_is_one_error_line_with_exit_code_2(
    models_dir: Path, capsys: pytest.CaptureFixture[str]
):
    assert run_cli("models", "fetch", "whisper-large", "--models-dir", str(models_dir)) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "error: unknown model 'whisper-large'; known models: silero-vad, smart-turn-v3.2, "
        "whisper-tiny.en, whisper-base, smollm2-135m, qwen2.5-0.5b, piper-joe-medium\n"
    )


def test_names_and_all_together_are_refused(models_dir: Path, capsys: pytest.CaptureFixture[str]):
    assert run_cli("models", "fetch", "--all", "silero-vad", "--models-dir", str(models_dir)) == 2
    assert capsys.readouterr().err == "error: give model names or --all, not both\n"


def test_verify_reports_corruption_with_the_force_command(
    models_dir: Path, capsys: pytest.CaptureFixture[str]
):
    run_cli("models", "fetch", "--quiet", "silero-vad", "--models-dir", str(models_dir))
    assert (
        run_cli("models", "verify", "--quiet", "silero-vad", "--models-dir", str(models_dir)) == 0
    )
    assert capsys.readouterr().out.endswith(f"silero-vad: ok ({models_dir / 'silero-vad'})\n")
    flip_byte(models_dir / "silero-vad" / "silero_vad.onnx", 99)
    assert (
        run_cli("models", "verify", "--quiet", "silero-vad", "--models-dir", str(models_dir)) == 2
    )
    err = capsys.readouterr().err
    assert err.startswith("error: model 'silero-vad' in ")
    assert err.endswith(
        f"Run: appliance models fetch --force silero-vad --models-dir {models_dir}\n"
    )


def test_upstream_network_failure_is_one_line_not_a_traceback(
    models_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("APPLIANCE_UPSTREAM_MIRROR", "http://127.0.0.1:9")
    code = run_cli(
        "models", "fetch", "--quiet", "--source", "upstream", "smart-turn-v3.2",
        "--models-dir", str(models_dir),
    )  # fmt: skip
    assert code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("error: model 'smart-turn-v3.2': cannot download http://127.0.0.1:9/")
    assert "Traceback" not in err


def test_models_dir_defaults_to_the_environment_setting(
    models_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    monkeypatch.setenv("APPLIANCE_MODELS_DIR", str(models_dir))
    assert run_cli("models", "fetch", "--quiet", "silero-vad") == 0
    assert (models_dir / "silero-vad" / "silero_vad.onnx").is_file()


def test_models_without_a_subcommand_is_a_usage_error(capsys: pytest.CaptureFixture[str]):
    with pytest.raises(SystemExit) as caught:
        make_cli().parse_args(["models"])
    assert caught.value.code == 2
    assert "fetch,list,verify" in capsys.readouterr().err

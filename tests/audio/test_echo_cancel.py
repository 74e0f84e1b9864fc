"""The sound server's echo canceller: loaded for the kiosk, loaded again after a device comes
back, unloaded at the end; clear errors when there is no sound server."""

import os
import shutil
import subprocess

import pytest

from appliance.apps.kiosk.run import echo_canceller
from appliance.audio import echo_cancel
from appliance.audio.echo_cancel import EchoCancelError, ServerEchoCanceller
from appliance.benchmark.room import VirtualSoundCard
from appliance.config import Settings

pytestmark = pytest.mark.skipif(not shutil.which("pulseaudio"),
                                reason="pulseaudio is not installed "
                                       "(scripts/install-system-deps.sh installs it)")


@pytest.fixture
def card(tmp_path, monkeypatch):
    card = VirtualSoundCard(tmp_path)
    for name in ("HOME", "XDG_RUNTIME_DIR"):  # this process's pactl talks to the card
        monkeypatch.setenv(name, card.env[name])
    for name in ("PULSE_SOURCE", "PULSE_SINK"):
        monkeypatch.delenv(name, raising=False)
    yield card
    card.close()


def _names(kind: str) -> str:
    return subprocess.run(["pactl", "list", "short", kind], capture_output=True, text=True,
                          check=True).stdout


def test_the_canceller_becomes_the_default_devices_and_goes_at_close(card):
    canceller = ServerEchoCanceller()
    canceller.ensure()
    assert echo_cancel.SOURCE in _names("sources") and echo_cancel.SINK in _names("sinks")
    assert os.environ["PULSE_SOURCE"] == echo_cancel.SOURCE
    assert os.environ["PULSE_SINK"] == echo_cancel.SINK
    canceller.ensure()  # a second conversation: the same module, not another
    assert _names("modules").count("module-echo-cancel") == 1
    canceller.close()
    assert echo_cancel.SOURCE not in _names("sources")
    assert "PULSE_SOURCE" not in os.environ and "PULSE_SINK" not in os.environ


def test_after_the_microphone_is_unplugged_and_back_the_canceller_is_loaded_again(card):
    canceller = ServerEchoCanceller()
    canceller.ensure()
    module = next(line.split("\t")[0] for line in _names("modules").splitlines()
                  if "module-pipe-source" in line)
    subprocess.run(["pactl", "unload-module", module], check=True)  # unplugged
    assert echo_cancel.SOURCE not in _names("sources")  # the server dropped it too
    subprocess.run(["pactl", "load-module", "module-pipe-source", "source_name=mic",
                    f"file={card.fifo}", "format=s16le", "rate=16000", "channels=1"],
                   check=True, capture_output=True)
    subprocess.run(["pactl", "set-default-source", "mic"], check=True)
    canceller.ensure()
    assert echo_cancel.SOURCE in _names("sources")
    canceller.close()


def test_a_source_the_user_chose_is_the_one_cleaned(card, monkeypatch):
    monkeypatch.setenv("PULSE_SOURCE", "mic")
    canceller = ServerEchoCanceller()
    canceller.ensure()
    assert "source_master=mic" in subprocess.run(
        ["pactl", "list", "modules"], capture_output=True, text=True, check=True).stdout
    canceller.close()
    assert os.environ["PULSE_SOURCE"] == "mic"  # restored


def test_without_a_sound_server_auto_goes_without_and_true_says_why(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))  # no server there
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("PULSE_SERVER", f"unix:{tmp_path}/none")
    assert echo_canceller(Settings(audio={"echo_cancellation": "auto"})) is None
    assert echo_canceller(Settings(audio={"echo_cancellation": False})) is None
    with pytest.raises(EchoCancelError, match="audio.echo_cancellation = false"):
        echo_canceller(Settings(audio={"echo_cancellation": True}))


def test_without_pactl_the_error_says_what_to_install(monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(EchoCancelError, match="pulseaudio-utils"):
        ServerEchoCanceller().ensure()

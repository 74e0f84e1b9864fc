"""A room's audio through the real wyoming-satellite package, answered by the appliance.

wyoming-satellite pins an older wyoming release, so it runs from its own virtual
environment, as on a satellite box: its microphone is a recording played at
real-time pace, its speaker a file. The appliance connects to it as Home
Assistant would, hears the question, and the reply's audio lands in the file.
"""

import asyncio
import socket
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from appliance.audio.wav import read_wav
from appliance.wyoming.satellite import converse_with_satellite
from tests.remote.servers import free_port

pytestmark = pytest.mark.models
MIC = Path(__file__).parents[1] / "support" / "mic_from_file.py"
EXAMPLE = Path(__file__).parents[2] / "appliance" / "examples" / "what-is-the-capital-of-france.wav"


@pytest.fixture(scope="session")
def satellite_python(tmp_path_factory) -> Path:
    venv = tmp_path_factory.mktemp("satellite") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    done = subprocess.run([str(venv / "bin" / "pip"), "install", "--quiet",
                           "wyoming-satellite==1.0.0"], capture_output=True, text=True)
    assert done.returncode == 0, f"could not install wyoming-satellite: {done.stderr[-1500:]}"
    return venv / "bin" / "python"


def _start_satellite(python: Path, port: int, microphone: Path, speaker: Path):
    """wyoming-satellite as on a satellite box, with files for its microphone and speaker."""
    return subprocess.Popen(
        [str(python), "-m", "wyoming_satellite", "--name", "kitchen",
         "--uri", f"tcp://127.0.0.1:{port}",
         "--mic-command", f"{sys.executable} {MIC} {microphone}",
         "--snd-command", f"sh -c 'cat > {speaker}'", "--snd-command-rate", "22050"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def _wait_for_port(port: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read()
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise AssertionError("wyoming-satellite did not start listening")


async def test_a_question_in_the_satellites_room_is_answered_in_that_room(
        satellite_python, engines, tmp_path):
    question = tmp_path / "question.raw"
    # The built-in example recording: a fixed voice, so the hearing is not what is tested.
    question.write_bytes(np.concatenate([np.zeros(8000, np.int16), read_wav(EXAMPLE)]).tobytes())
    speaker = tmp_path / "speaker.raw"
    port = free_port()
    satellite = _start_satellite(satellite_python, port, question, speaker)
    turns = []
    engines.turn_listeners.append(
        lambda session, kind, record: turns.append(record) if kind == "turn" else None)
    try:
        _wait_for_port(port, satellite)
        talk = asyncio.create_task(converse_with_satellite(engines, f"tcp://127.0.0.1:{port}"))
        async with asyncio.timeout(60):
            while not (turns and speaker.exists() and speaker.stat().st_size > 22050 * 2):
                assert not talk.done(), talk.exception()
                await asyncio.sleep(0.2)
        talk.cancel()
        await asyncio.gather(talk, return_exceptions=True)
    finally:
        engines.turn_listeners.pop()
        satellite.terminate()
        satellite.wait(timeout=10)
    [turn] = turns[:1]
    assert "capital" in turn.transcript.lower()
    assert "paris" in turn.reply.lower()

"""`appliance kiosk` on a real-time virtual sound card (PulseAudio null sink + pipe source).

PulseAudio runs as a private daemon in a temporary HOME; the kiosk reaches it through
PortAudio → ALSA → the pulse plugin, exactly as it would a USB headset. The test speaks
into the microphone FIFO at real-time pace and records what the speaker played.
"""

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from appliance.audio.wav import read_wav
from appliance.benchmark.room import SPEAKER_RATE, VirtualSoundCard
from appliance.benchmark.wer import character_error_rate

pytestmark = [pytest.mark.hw, pytest.mark.models]

EXAMPLE = Path(__file__).parents[2] / "appliance" / "examples" / "what-is-the-capital-of-france.wav"


@pytest.fixture
def sound_card(tmp_path, settings):
    if not shutil.which("pulseaudio"):
        pytest.skip("pulseaudio is not installed (scripts/install-system-deps.sh installs it)")
    card = VirtualSoundCard(tmp_path)
    env = {**card.env, "APPLIANCE_MODELS_DIR": str(settings.models.dir), "PYTHONUNBUFFERED": "1"}
    yield {"env": env, "fifo": card.fifo, "home": tmp_path, "card": card}
    card.close()


def speak_into(fifo: Path, samples: np.ndarray, trailing_silence_s: float) -> None:
    audio = np.concatenate([samples, np.zeros(int(16000 * trailing_silence_s), np.int16)])
    with open(fifo, "wb", buffering=0) as mic:
        due = time.monotonic()
        for i in range(0, len(audio), 320):
            mic.write(audio[i : i + 320].tobytes())
            due += 0.02
            time.sleep(max(0.0, due - time.monotonic()))


def wait_for_line(process, prefix: str, timeout_s: float, lines: list[str]) -> str:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        lines.append(line)
        if line.startswith(prefix):
            return line
    raise AssertionError(f"no line starting {prefix!r}; got {lines}")


def test_kiosk_wakes_on_its_phrase_answers_out_loud_and_ctrl_c_ends_it(sound_card, engines,
                                                                       speak):
    """Talk without the phrase is ignored; "Okay Nabu." then the question is answered."""
    import asyncio

    recording = sound_card["home"] / "speaker.raw"
    recorder = subprocess.Popen(
        [
            "parec",
            "-d",
            "speaker.monitor",
            "--format=s16le",
            f"--rate={SPEAKER_RATE}",
            "--channels=1",
            "--raw",
            str(recording),
        ],
        env=sound_card["env"],
    )
    kiosk = subprocess.Popen(
        [sys.executable, "-m", "appliance.cli", "kiosk"],
        env=sound_card["env"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: list[str] = []
    try:
        listening = wait_for_line(kiosk, "listening", 60, lines)
        question = read_wav(EXAMPLE)
        pause = np.zeros(int(16000 * 0.6), np.int16)
        said = np.concatenate([np.zeros(16000, np.int16), question, np.zeros(3 * 16000, np.int16),
                               speak("Okay Nabu."), pause, question])
        speaker = threading.Thread(target=speak_into, args=(sound_card["fifo"], said, 10))
        speaker.start()
        wait_for_line(kiosk, "[awake]", 30, lines)
        # The question said before the phrase never became a turn.
        assert not [line for line in lines if line.startswith(("you:", "appliance:"))], lines
        heard = wait_for_line(kiosk, "you:", 30, lines)
        answer = wait_for_line(kiosk, "appliance:", 30, lines)
        speaker.join()
        kiosk.send_signal(signal.SIGINT)
        out, err = kiosk.communicate(timeout=20)
    finally:
        kiosk.kill()
        recorder.terminate()
        recorder.wait(timeout=5)

    assert 'say "Okay Nabu", then speak' in listening
    assert "capital of france" in heard.lower() and "nabu" not in heard.lower()
    assert "paris" in answer.lower()
    assert kiosk.returncode == 0 and "bye" in out, err
    assert "Traceback" not in err
    # The speaker really played the answer.
    played = np.frombuffer(recording.read_bytes(), dtype=np.int16)
    import soxr

    played16k = soxr.resample(played.astype(np.float32) / 32768, SPEAKER_RATE, 16000) * 32767
    text = asyncio.run(engines.stt.transcribe(played16k.astype(np.int16).tobytes(), 16000)).text
    reply = answer.split(":", 1)[1].split("[")[0].strip()
    assert character_error_rate(reply, text) <= 0.25, (reply, text)


def test_kiosk_without_a_sound_card_says_so_and_fails(tmp_path, settings):
    env = {k: v for k, v in os.environ.items() if k != "XDG_RUNTIME_DIR"}
    env.update(HOME=str(tmp_path), APPLIANCE_MODELS_DIR=str(settings.models.dir))
    done = subprocess.run(
        [sys.executable, "-m", "appliance.cli", "kiosk"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stderr.startswith("error: no audio input device found")
    assert "Traceback" not in done.stderr
    listed = subprocess.run(
        [sys.executable, "-m", "appliance.cli", "devices"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert listed.returncode == 1 and "no audio devices found" in listed.stdout


def test_a_timer_set_at_the_kiosk_rings_out_loud(sound_card, speak, engines):
    """"Set a timer for five seconds." — and five seconds later the kiosk says so, unasked."""
    import asyncio

    import soxr

    recording = sound_card["home"] / "speaker.raw"
    recorder = subprocess.Popen(
        ["parec", "-d", "speaker.monitor", "--format=s16le", f"--rate={SPEAKER_RATE}",
         "--channels=1", "--raw", str(recording)], env=sound_card["env"])
    kiosk = subprocess.Popen(
        [sys.executable, "-m", "appliance.cli", "kiosk", "--no-wake-word"],
        env=sound_card["env"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines: list[str] = []
    try:
        wait_for_line(kiosk, "listening", 60, lines)
        question = np.concatenate([np.zeros(16000, np.int16),
                                   speak("Set a timer for five seconds.")])
        speaker = threading.Thread(target=speak_into, args=(sound_card["fifo"], question, 12))
        speaker.start()
        wait_for_line(kiosk, "appliance:", 30, lines)
        wait_for_line(kiosk, "appliance:", 20, lines)
        speaker.join()
        kiosk.send_signal(signal.SIGINT)
        _, err = kiosk.communicate(timeout=20)
    finally:
        kiosk.kill()
        recorder.terminate()
        recorder.wait(timeout=5)
    played = np.frombuffer(recording.read_bytes(), dtype=np.int16).astype(np.float32) / 32768
    played16k = (soxr.resample(played, SPEAKER_RATE, 16000) * 32767).astype(np.int16)
    heard = asyncio.run(engines.stt.transcribe(played16k.tobytes(), 16000)).text.lower()
    assert "timer is done" in heard, heard  # the speaker really said it
    said = [line for line in lines if line.startswith("appliance:")]
    assert any("OK, a timer for 5 seconds" in line for line in said), lines
    assert any("Your 5 second timer is done." in line and "[timer]" in line
               for line in said), lines
    assert "Traceback" not in err


def ask_then_stop(kiosk, sound_card, lines: list[str]) -> tuple[str, str]:
    """Ask the built-in question into the microphone; its answer line, then Ctrl-C."""
    question = np.concatenate([np.zeros(16000, np.int16), read_wav(EXAMPLE)])
    speaker = threading.Thread(target=speak_into, args=(sound_card["fifo"], question, 8))
    speaker.start()
    answer = wait_for_line(kiosk, "appliance:", 40, lines)
    speaker.join()
    kiosk.send_signal(signal.SIGINT)
    _, err = kiosk.communicate(timeout=20)
    return answer, err


def test_an_unplugged_sound_card_is_waited_for_and_the_kiosk_talks_again(sound_card, speak):
    """The sound server goes away (every device with it) and comes back: no restart needed."""
    kiosk = subprocess.Popen(
        [sys.executable, "-m", "appliance.cli", "kiosk", "--no-wake-word"],
        env=sound_card["env"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines: list[str] = []
    try:
        wait_for_line(kiosk, "listening", 60, lines)
        sound_card["card"].stop()
        lost = wait_for_line(kiosk, "[device lost]", 30, lines)
        with pytest.raises(subprocess.TimeoutExpired):  # fails at once if the kiosk ends
            kiosk.wait(timeout=3)
        sound_card["card"].start()
        wait_for_line(kiosk, "[device back]", 30, lines)
        answer, err = ask_then_stop(kiosk, sound_card, lines)
    finally:
        kiosk.kill()
    assert "paris" in answer.lower()
    assert "waiting for it to come back" in lost
    assert kiosk.returncode == 0 and "Traceback" not in err


def counted(metrics: str) -> bool:
    """Whether the Prometheus text counts at least one finished turn."""
    return re.search(r"^appliance_turns_total\{[^}]*\} [1-9]", metrics, re.MULTILINE) is not None


def test_serve_with_the_kiosk_answers_the_microphone_into_the_same_metrics_and_audit(
        sound_card):
    """One process: the microphone loop's turns are counted and audited like the service's."""
    import httpx

    from tests.remote.servers import free_port, start_until_ok, stop

    port, token = free_port(), "kiosk-service-token-0123456789"
    env = {**sound_card["env"], "APPLIANCE_API_TOKEN": token}
    service = start_until_ok([sys.executable, "-m", "appliance.cli", "serve", "--kiosk",
                              "--no-wake-word", "--port", str(port)],
                             f"http://127.0.0.1:{port}/readyz", env=env, timeout_s=120)
    base, headers = f"http://127.0.0.1:{port}", {"Authorization": f"Bearer {token}"}
    try:
        deadline = time.monotonic() + 60
        while httpx.get(f"{base}/readyz").json().get("kiosk") != "listening":
            assert time.monotonic() < deadline, "the kiosk never started listening"
            time.sleep(0.2)
        question = np.concatenate([np.zeros(16000, np.int16), read_wav(EXAMPLE)])
        speak_into(sound_card["fifo"], question, 1)
        deadline, turns = time.monotonic() + 60, []
        while not turns and time.monotonic() < deadline:
            speak_into(sound_card["fifo"], np.zeros(16000, np.int16), 0)  # the room, quiet
            turns = httpx.get(f"{base}/audit", params={"kind": "turn"},
                              headers=headers).json()["records"]
        # The audit record and the metrics are written by two listeners of the same turn.
        deadline, metrics = time.monotonic() + 10, ""
        while not counted(metrics) and time.monotonic() < deadline:
            metrics = httpx.get(f"{base}/metrics", headers=headers).text
            time.sleep(0.1)
    finally:
        stop(service)
    log = service.output()
    assert turns, f"the kiosk's turn never reached the audit trail; its log:\n{log}"
    assert "paris" in json.dumps(turns[0]).lower(), (turns[0], log)  # the reply, sensitive part
    assert counted(metrics), metrics
    # Stopped by SIGTERM in time, not killed: uvicorn re-raises the signal once shut down,
    # which systemd counts as a clean stop.
    assert service.returncode in (0, -signal.SIGTERM)


def test_push_to_talk_listens_only_after_enter(sound_card):
    """`--push-to-talk`: talk is ignored until Enter is pressed in the kiosk's terminal."""
    import pty

    terminal, kiosk_side = pty.openpty()
    kiosk = subprocess.Popen(
        [sys.executable, "-m", "appliance.cli", "kiosk", "--push-to-talk"],
        env=sound_card["env"], stdin=kiosk_side, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True)
    os.close(kiosk_side)
    lines: list[str] = []
    question = np.concatenate([np.zeros(16000, np.int16), read_wav(EXAMPLE)])
    try:
        listening = wait_for_line(kiosk, "listening", 60, lines)
        speak_into(sound_card["fifo"], question, 3)
        assert not [line for line in lines if line.startswith("you:")]
        os.write(terminal, b"\n")
        wait_for_line(kiosk, "[awake] key", 10, lines)
        answer, err = ask_then_stop(kiosk, sound_card, lines)
    finally:
        kiosk.kill()
        os.close(terminal)
    assert "press Enter, then speak" in listening
    assert "paris" in answer.lower() and "Traceback" not in err


def test_push_to_talk_without_a_terminal_says_what_to_do(sound_card):
    done = subprocess.run([sys.executable, "-m", "appliance.cli", "kiosk", "--push-to-talk"],
                          env=sound_card["env"], stdin=subprocess.DEVNULL, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 2
    assert "push_to_talk needs a terminal" in done.stderr and "Traceback" not in done.stderr

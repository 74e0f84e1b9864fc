"""The `converse` command end to end, as a user runs it: real models, real audio, a subprocess."""

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from appliance.audio.wav import read_wav, write_wav
from appliance.benchmark.wer import character_error_rate, word_error_rate

pytestmark = pytest.mark.models

QUESTION = "What is the capital of France?"
EXAMPLE = Path(__file__).parents[2] / "appliance" / "examples" / "what-is-the-capital-of-france.wav"


def converse(*args, timeout=120):
    return subprocess.run(
        [sys.executable, "-m", "appliance.cli", "converse", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


def test_spoken_question_gets_a_spoken_answer(tmp_path, engines):
    # A fixed recording (the built-in example): Piper's voice varies from run to run,
    # and one run in a few dozen Whisper base hears its "France" as "friends".
    question = EXAMPLE
    reply_wav = tmp_path / "reply.wav"

    done = converse(question, "--json", "--out", reply_wav)

    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert word_error_rate(QUESTION, result["transcript"]) <= 0.2
    assert "paris" in result["reply"].lower()
    timings = result["timings_ms"]
    assert set(timings) >= {"eot", "stt", "llm_ttft", "tts_ttfb", "voice_to_voice"}
    assert all(isinstance(timings[k], float) and timings[k] > 0 for k in timings)
    # Which provider served each stage, and why (only the local ones are configured).
    route = result["route"]
    assert {route[role]["provider"] for role in ("stt", "llm", "tts")} == {"local"}
    assert all(route[role]["reason"] and route[role]["ms"] > 0 for role in route)
    # The reply audio really says the reply text (Whisper tiny hears "France is" as
    # "Francis", so compare characters, not words).
    heard = asyncio.run(engines.stt.transcribe(read_wav(reply_wav).tobytes(), 16000))
    assert character_error_rate(result["reply"], heard.text) <= 0.2, (result["reply"], heard.text)


def test_human_readable_output_names_each_stage(tmp_path, speak):
    question = tmp_path / "question.wav"
    write_wav(question, speak(QUESTION).tobytes(), 16000)
    done = converse(question, "--out", tmp_path / "reply.wav")
    assert done.returncode == 0, done.stderr
    assert "you said:" in done.stdout and "reply:" in done.stdout
    assert "voice to voice" in done.stdout and "ms" in done.stdout


def rate_stereo_24bit(tmp_path, samples):
    import soundfile
    import soxr

    path = tmp_path / "stereo44k.wav"
    audio = soxr.resample(samples.astype(np.float32) / 32768, 16000, 44100)
    soundfile.write(path, np.stack([audio, audio], axis=1), 44100, subtype="PCM_24")
    return path


def test_stereo_44khz_24bit_recording_is_understood(tmp_path, speak):
    path = rate_stereo_24bit(tmp_path, speak(QUESTION))
    done = converse(path, "--json", "--out", tmp_path / "reply.wav")
    assert done.returncode == 0, done.stderr
    assert word_error_rate(QUESTION, json.loads(done.stdout)["transcript"]) <= 0.2

"""Unusable or odd recordings: each handled or refused clearly, never a traceback or a hang."""

import io
import json
import os
import subprocess
import sys

import numpy as np
import pytest
import soundfile

pytestmark = pytest.mark.models


def converse(path, *extra, timeout=90):
    done = subprocess.run(
        [sys.executable, "-m", "appliance.cli", "converse", str(path), "--json",
         "--out", str(path) + ".reply.wav", *extra],
        capture_output=True, text=True, timeout=timeout, env=dict(os.environ),
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done


def write(path, samples, rate=16000, subtype="PCM_16"):
    soundfile.write(path, samples, rate, subtype=subtype)
    return path


@pytest.mark.parametrize(
    "name, make",
    [
        ("silence", lambda: np.zeros(16000 * 3, dtype=np.float32)),
        ("noise", lambda: np.random.default_rng(7).normal(0, 0.05, 16000 * 3).astype(np.float32)),
    ],
)
def test_no_speech_means_empty_transcript_no_reply_and_success(tmp_path, name, make):
    done = converse(write(tmp_path / f"{name}.wav", make()))
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["transcript"] == "" and result["reply"] == ""
    assert result["reply_audio"] is None


def wav_bytes(samples, subtype="PCM_16"):
    buffer = io.BytesIO()
    soundfile.write(buffer, samples, 16000, format="WAV", subtype=subtype)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("empty", b"", "empty"),
        ("truncated", wav_bytes(np.zeros(16000, dtype=np.float32))[:40], "truncated"),
        ("text", b"This is a text file, not audio.\n" * 20, "not a WAV file"),
        ("nan", wav_bytes(np.full(16000, np.nan, dtype=np.float32), "FLOAT"), "NaN"),
    ],
)
def test_broken_files_are_refused_with_the_reason(tmp_path, name, data, message):
    path = tmp_path / f"{name}.wav"
    path.write_bytes(data)
    done = converse(path, timeout=30)
    assert done.returncode == 2
    assert message in done.stderr and done.stderr.startswith("error:")


def test_ten_minute_recording_is_refused_at_once_with_advice(tmp_path):
    path = write(tmp_path / "long.wav", np.zeros(16000 * 600, dtype=np.int16), subtype="PCM_16")
    done = converse(path, timeout=30)
    assert done.returncode == 2
    assert "longer than" in done.stderr and "--max-seconds" in done.stderr

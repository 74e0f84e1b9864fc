"""Shared fixtures: real models, loaded once per test session, and real synthesized speech."""

import os
import subprocess
import sys
import tempfile

import numpy as np
import pytest
import soxr
from loguru import logger

from appliance.audio.wav import float_to_int16

# pipecat logs every frame at DEBUG; keep test output readable.
logger.remove()
logger.add(sys.stderr, level="WARNING")

LEAD_SILENCE_S = 0.5

# The audit trail, its key and tokens go to a scratch folder, never the user's own.
os.environ.setdefault("APPLIANCE_STATE_DIR", tempfile.mkdtemp(prefix="appliance-test-state-"))




@pytest.fixture(scope="session")
def settings():
    from appliance.config import load_settings
    from appliance.modelstore import ModelStore, ModelStoreError

    settings = load_settings(None)
    store = ModelStore(settings.models.dir)
    try:
        for name in ("silero-vad", "smart-turn-v3.2", "whisper-tiny.en", "whisper-base",
                     "smollm2-135m",
                     "qwen2.5-0.5b", "piper-joe-medium"):
            store.require(name)
    except ModelStoreError as e:
        pytest.exit(f"models are not installed: {e} (or run `make models`)", returncode=2)
    return settings


@pytest.fixture(scope="session")
def engines(settings):
    from appliance.pipeline import load_engines

    return load_engines(settings)


@pytest.fixture(scope="session")
def speak(settings):
    """Synthesize speech with the Piper voice, as 16 kHz int16 with a little room noise before.

    Piper's noise is switched off, so a sentence sounds the same in every run: with it,
    the voice varies from run to run and Whisper base now and then mishears a proper
    noun ("France" as "friends"), which made tests that are not about hearing flaky.
    The benchmarks keep Piper's variety; the tests want repeatable audio.
    """
    from piper import PiperVoice
    from piper.config import SynthesisConfig

    from appliance.modelstore import ModelStore

    store = ModelStore(settings.models.dir)
    store.require("piper-joe-medium")
    onnx = store.file_ending("piper-joe-medium", ".onnx")
    voice = PiperVoice.load(onnx, config_path=onnx.with_name(onnx.name + ".json"))

    steady = SynthesisConfig(noise_scale=0.0, noise_w_scale=0.0)

    def synthesize(text: str, *, lead_s: float = LEAD_SILENCE_S) -> np.ndarray:
        pcm = b"".join(c.audio_int16_bytes for c in voice.synthesize(text, syn_config=steady))
        samples = np.frombuffer(pcm, dtype=np.int16).astype(np.float32) / 32768
        samples = soxr.resample(samples, voice.config.sample_rate, 16000)
        lead = np.zeros(int(16000 * lead_s), dtype=np.float32)
        return float_to_int16(np.concatenate([lead, samples]))

    return synthesize


@pytest.fixture(scope="session")
def espeak(tmp_path_factory):
    """Synthesize speech with espeak-ng (a second, very different voice)."""
    folder = tmp_path_factory.mktemp("espeak")

    def synthesize(text: str, voice: str = "en-us") -> np.ndarray:
        raw = folder / "raw.wav"
        subprocess.run(["espeak-ng", "-v", voice, "-w", str(raw), text], check=True)
        import soundfile

        samples, rate = soundfile.read(raw, dtype="float32")
        samples = soxr.resample(samples, rate, 16000)
        lead = np.zeros(int(16000 * LEAD_SILENCE_S), dtype=np.float32)
        return float_to_int16(np.concatenate([lead, samples]))

    return synthesize

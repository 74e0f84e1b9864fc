"""The benchmark's utterances: a built-in corpus made at run time, or a folder of WAVs.

The built-in corpus is synthesized with the two voices the machine has (the Piper
voice at three speaking rates, and espeak-ng's US and British voices), a third of it
with background noise, so the figures do not flatter one clean voice.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soundfile
import soxr

from appliance.audio.wav import float_to_int16, read_wav

QUESTIONS = [
    "What is the capital of France?",
    "What is the capital of Japan?",
    "What color is the sky?",
    "How many legs does a dog have?",
    "Turn on the kitchen lights.",
    "Set a timer for ten minutes.",
    "What time is it?",
    "Tell me a joke.",
    "What is the weather like today?",
    "Play some relaxing music.",
    "How do I boil an egg?",
    "What is two plus two?",
    "Who wrote Romeo and Juliet?",
    "Remind me to call my mother tomorrow.",
    "What is the largest planet in our solar system?",
    "How far away is the moon?",
    "Stop the music.",
    "What day is it today?",
    "Give me a fun fact about cats.",
    "What is the boiling point of water?",
    "Open the garage door.",
    "How do you say hello in Spanish?",
]
VOICES = ["piper:1.0", "piper:0.85", "piper:1.15", "espeak:en-us", "espeak:en-gb"]


@dataclass(frozen=True)
class Utterance:
    """One recording and what was said in it."""

    name: str
    text: str
    samples: np.ndarray  # 16 kHz mono int16
    voice: str
    noisy: bool
    # For requests with a pause: seconds from the start of the first half's audio to
    # the start of the second half's.
    tail_offset_s: float | None = None


def _piper(voice_onnx: Path, text: str, length_scale: float) -> np.ndarray:
    from piper import PiperVoice, SynthesisConfig

    voice = _piper.cache.setdefault(
        voice_onnx, PiperVoice.load(voice_onnx, config_path=voice_onnx.with_name(
            voice_onnx.name + ".json")))
    config = SynthesisConfig(length_scale=length_scale)
    pcm = b"".join(c.audio_int16_bytes for c in voice.synthesize(text, syn_config=config))
    audio = np.frombuffer(pcm, dtype=np.int16).astype(np.float32) / 32768
    return soxr.resample(audio, voice.config.sample_rate, 16000)


_piper.cache = {}


def _espeak(text: str, voice: str) -> np.ndarray:
    if not shutil.which("espeak-ng"):
        raise RuntimeError("espeak-ng is not installed (apt-get install espeak-ng)")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "say.wav"
        subprocess.run(["espeak-ng", "-v", voice, "-w", str(path), text], check=True)
        audio, rate = soundfile.read(path, dtype="float32")
    return soxr.resample(audio, rate, 16000)


def voice_onnx(settings) -> Path:
    """The Piper voice the built-in corpora are synthesized with.

    The manifest's file: the folder also holds the voice's split halves (see
    appliance.tts.piper_split).
    """
    from appliance.config.models import is_model_path, model_path
    from appliance.modelstore import ModelStore

    if is_model_path(settings.tts.voice):
        return model_path(settings.tts.voice)
    return ModelStore(settings.models.dir).file_ending(settings.tts.voice, ".onnx")


def synthesize(voice_onnx: Path, text: str, voice: str, *, noisy: bool = False,
               rng: np.random.Generator | None = None, lead_s: float = 0.5
               ) -> tuple[np.ndarray, float]:
    """`text` said by `voice` ("piper:1.0", "espeak:en-gb"), after `lead_s` of silence.

    Returns 16 kHz int16 samples and where the speech ends (seconds), which noise
    would hide from an energy detector: a client measures its latency from there.
    """
    engine, variant = voice.split(":")
    audio = (_piper(voice_onnx, text, float(variant)) if engine == "piper"
             else _espeak(text, variant))
    audio = np.concatenate([np.zeros(int(16000 * lead_s), np.float32), audio])
    speech_end_s = speech_end(audio)
    if noisy:
        rng = rng or np.random.default_rng(7)
        level = np.sqrt(np.mean(audio**2)) / 10  # 20 dB below the speech
        audio = audio + rng.normal(0, level, audio.size).astype(np.float32)
    return float_to_int16(audio), speech_end_s


def speech_end(audio: np.ndarray, *, frame: int = 320) -> float:
    """Seconds to the end of the last 20 ms frame within 30 dB of the loudest one."""
    audio = (audio.astype(np.float32) / 32768 if audio.dtype == np.int16
             else audio.astype(np.float32))
    frames = len(audio) // frame
    if not frames:
        return len(audio) / 16000
    rms = np.sqrt(np.mean(audio[:frames * frame].reshape(frames, frame) ** 2, axis=1))
    voiced = np.nonzero(rms > rms.max() * 10 ** (-30 / 20))[0]
    return float((voiced[-1] + 1) * frame / 16000) if voiced.size else len(audio) / 16000


def built_in_corpus(voice_onnx: Path, *, seed: int = 7) -> list[Utterance]:
    """Every question once, voices in rotation, every third one with room noise (~20 dB SNR)."""
    rng = np.random.default_rng(seed)
    utterances = []
    for i, text in enumerate(QUESTIONS):
        voice = VOICES[i % len(VOICES)]
        noisy = i % 3 == 2
        samples, _ = synthesize(voice_onnx, text, voice, noisy=noisy, rng=rng)
        utterances.append(Utterance(f"q{i:02d}", text, samples, voice, noisy))
    return utterances


# Requests said with a hesitation in the middle: the turn must not end at the pause.
PAUSED = [
    ("Set a timer for", "ten minutes."),
    ("What is the capital of", "Japan?"),
    ("Turn on the", "kitchen lights."),
    ("Remind me to call my mother and", "my father tomorrow."),
    ("How do I", "boil an egg?"),
    ("Tell me a joke about", "cats."),
]
PAUSE_S = 0.8


def paused_corpus(voice_onnx: Path, *, pause_s: float = PAUSE_S) -> list[Utterance]:
    """Each PAUSED request with `pause_s` of silence after its first half (Piper voice)."""
    utterances = []
    for i, (head, tail) in enumerate(PAUSED):
        gap = np.zeros(int(16000 * pause_s), np.float32)
        first = _piper(voice_onnx, head, 1.0)
        audio = np.concatenate([np.zeros(8000, np.float32), first, gap,
                                _piper(voice_onnx, tail, 1.0)])
        samples = float_to_int16(audio)
        utterances.append(Utterance(f"pause{i:02d}", f"{head} {tail}", samples, "piper:1.0",
                                    False, tail_offset_s=(len(first) + len(gap)) / 16000))
    return utterances


def folder_corpus(folder: Path) -> list[Utterance]:
    """WAVs listed in `folder/manifest.json`: [{"file": "a.wav", "text": "..."}, ...]."""
    manifest = folder / "manifest.json"
    if not manifest.exists():
        raise FileNotFoundError(
            f"{manifest} not found: a corpus folder needs a manifest.json listing "
            '[{"file": "a.wav", "text": "what was said"}, ...]')
    entries = json.loads(manifest.read_text())
    return [Utterance(Path(e["file"]).stem, e["text"], read_wav(folder / e["file"]),
                      e.get("voice", "recorded"), bool(e.get("noisy", False)))
            for e in entries]

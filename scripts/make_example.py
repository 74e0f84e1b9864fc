"""Synthesize the built-in example question with the Piper voice (run once; the WAV is kept)."""

import sys
from pathlib import Path

import numpy as np
import soxr
from piper import PiperVoice

from appliance.audio.wav import float_to_int16, write_wav

QUESTION = "What is the capital of France?"


def main(voice_onnx: str, out: str) -> None:
    voice = PiperVoice.load(voice_onnx, config_path=voice_onnx + ".json")
    pcm = b"".join(chunk.audio_int16_bytes for chunk in voice.synthesize(QUESTION))
    samples = np.frombuffer(pcm, dtype=np.int16).astype(np.float32) / 32768
    samples = soxr.resample(samples, voice.config.sample_rate, 16000)
    lead = np.zeros(8000, dtype=np.float32)  # half a second of room before speaking
    write_wav(Path(out), float_to_int16(np.concatenate([lead, samples])).tobytes(), 16000)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

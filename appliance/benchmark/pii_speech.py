"""Real speech for the labelled personal-data set: Piper speaks, Whisper base writes it down.

`python -m appliance.benchmark.pii_speech` takes the spoken sentences of
`pii_labelled.jsonl` that hold personal data and no digits (so the voice reads
the words as a person would say them), synthesizes each with the Piper voice,
transcribes it with the appliance's own Whisper base STT and writes the
transcripts, with the same gold values and split, to `pii_whisper.jsonl`.
Tests read that file; they never run Whisper.
"""

from __future__ import annotations

import asyncio
import hashlib
import json

import numpy as np
import soxr

from appliance.audio.wav import float_to_int16
from appliance.benchmark.pii_corpus import DATA_FILE, load

WHISPER_FILE = DATA_FILE.with_name("pii_whisper.jsonl")
SENTENCES = 80


def chosen(items: list[dict], count: int = SENTENCES, *, with_data: bool = True) -> list[dict]:
    """Spoken sentences with no digits, in a fixed pseudo-random order.

    Those with personal data, or (not `with_data`) the hard negatives.
    """
    pool = [i for i in items if i["form"] == "spoken" and bool(i["values"]) == with_data
            and not any(ch.isdigit() for ch in i["text"])]
    pool.sort(key=lambda i: hashlib.sha256(i["id"].encode()).hexdigest())
    return pool[:count]


async def _transcribe_all(items: list[dict]) -> list[dict]:
    from piper import PiperVoice

    from appliance.config import default_models_dir
    from appliance.modelstore import ModelStore
    from appliance.stt.whisper_local import WhisperLocalSTT

    store = ModelStore(default_models_dir())
    onnx = store.file_ending("piper-joe-medium", ".onnx")
    voice = PiperVoice.load(onnx, config_path=onnx.with_name(onnx.name + ".json"))
    stt = WhisperLocalSTT(store.require("whisper-base"), threads=1, workers=1)
    out = []
    try:
        for item in items:
            pcm = b"".join(c.audio_int16_bytes for c in voice.synthesize(item["text"]))
            samples = np.frombuffer(pcm, dtype=np.int16).astype(np.float32) / 32768
            samples = soxr.resample(samples, voice.config.sample_rate, 16000)
            lead = np.zeros(8000, dtype=np.float32)
            # Clipped: resampling can overshoot full scale, and a wrapped sample is a click.
            audio = float_to_int16(np.concatenate([lead, samples])).tobytes()
            transcript = await stt.transcribe(audio, 16000)
            out.append(item | {"id": item["id"] + "-whisper", "said": item["text"],
                               "text": transcript.text, "source": "whisper"})
            print(f"{item['text']!r}\n  -> {transcript.text!r}", flush=True)
    finally:
        await stt.aclose()
    return out


def main() -> None:
    """Speak, transcribe and store the transcripts."""
    items = asyncio.run(_transcribe_all(chosen(load())))
    with WHISPER_FILE.open("w", encoding="utf-8") as out:
        for item in items:
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(f"{len(items)} transcripts written to {WHISPER_FILE}")


if __name__ == "__main__":
    main()

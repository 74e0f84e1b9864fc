"""Real speech for the blind personal-data sets, in several voices, written down by Whisper base.

`python -m appliance.benchmark.pii_blind_speech [blind|blind2|…|blind9]` takes 150
spoken sentences of that set (`pii_blind.jsonl`, `pii_blind2.jsonl`, …) that hold
personal data and no digit characters (so the voice reads words as a person says
them), in the fixed pseudo-random order of `pii_speech.chosen`, speaks each with one
voice chosen by a hash of its id, and transcribes it with the appliance's own Whisper
base STT as `pii_speech` does. The same voices and loop for every set keep the sets'
transcripts comparable. The voices are the Piper voice `pii_speech` uses and several
espeak-ng voices (American, British, female, received pronunciation) at rates of
150 to 175 words a minute: one synthetic voice alone would make the transcripts
depend on how that one voice says numbers and names.

The transcripts, with the gold values and split of the sentence said, go beside the
set (`pii_blind_whisper.jsonl`, …): `text` is what Whisper wrote, `said` the sentence,
`voice` the voice, `id` the sentence's id with "-whisper". An empty transcript is kept
(it leaks nothing). Tests read the files; they never run Whisper. Run it under `nice`:
150 sentences take about two minutes on two cores.

`--negatives` records 60 of the set's spoken hard negatives the same way instead
(`pii_blind_whisper_negatives.jsonl`, …): the rules for Whisper's own shapes must not
mask what Whisper makes of an order number, a price or a famous name either.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import subprocess
from pathlib import Path

import numpy as np
import soxr

from appliance.audio.wav import float_to_int16
from appliance.benchmark.pii_corpus import BLIND_SETS, DATA_FILE, load
from appliance.benchmark.pii_speech import chosen

# Each blind set and its transcripts, side by side in tests/governance.
SET_FILES = {name: DATA_FILE.with_name(f"pii_{name}.jsonl") for name in BLIND_SETS}
SENTENCES = 150
NEGATIVES = 60
RATE = 16000
PIPER = "piper:en_US-joe-medium"
VOICES = (PIPER, "espeak-ng:en-us", "espeak-ng:en-gb", "espeak-ng:en-us+f3",
          "espeak-ng:en-gb-x-rp", "espeak-ng:en-gb+f4")


def voice_for(item: dict) -> tuple[str, int]:
    """The voice and speaking rate (words a minute) for a sentence, fixed by its id."""
    digest = hashlib.sha256(item["id"].encode()).digest()
    return VOICES[digest[0] % len(VOICES)], 150 + digest[1] % 26


def espeak_samples(text: str, voice: str, rate: int) -> np.ndarray:
    """espeak-ng's speech of `text`, resampled by sox to 16 kHz mono, as floats."""
    wav = subprocess.run(["espeak-ng", "-v", voice, "-s", str(rate), "--stdout", text],
                         capture_output=True, check=True).stdout
    pcm = subprocess.run(["sox", "-t", "wav", "-", "-t", "raw", "-r", str(RATE), "-c", "1",
                          "-b", "16", "-e", "signed-integer", "-"],
                         input=wav, capture_output=True, check=True).stdout
    return np.frombuffer(pcm, dtype=np.int16).astype(np.float32) / 32768


def piper_samples(piper, text: str) -> np.ndarray:
    """The Piper voice's speech of `text` at 16 kHz, as `pii_speech` makes it."""
    pcm = b"".join(c.audio_int16_bytes for c in piper.synthesize(text))
    samples = np.frombuffer(pcm, dtype=np.int16).astype(np.float32) / 32768
    return soxr.resample(samples, piper.config.sample_rate, RATE)


async def _transcribe_all(items: list[dict]) -> list[dict]:
    from piper import PiperVoice

    from appliance.config import default_models_dir
    from appliance.modelstore import ModelStore
    from appliance.stt.whisper_local import WhisperLocalSTT

    store = ModelStore(default_models_dir())
    onnx = store.file_ending("piper-joe-medium", ".onnx")
    piper = PiperVoice.load(onnx, config_path=onnx.with_name(onnx.name + ".json"))
    stt = WhisperLocalSTT(store.require("whisper-base"), threads=1, workers=1)
    out = []
    try:
        for item in items:
            voice, rate = voice_for(item)
            samples = (piper_samples(piper, item["text"]) if voice == PIPER
                       else espeak_samples(item["text"], voice.split(":", 1)[1], rate))
            label = voice if voice == PIPER else f"{voice}@{rate}"
            lead = np.zeros(RATE // 2, dtype=np.float32)
            # Clipped: resampling can overshoot full scale, and a wrapped sample is a click.
            audio = float_to_int16(np.concatenate([lead, samples])).tobytes()
            transcript = await stt.transcribe(audio, RATE)
            out.append(item | {"id": item["id"] + "-whisper", "said": item["text"],
                               "text": transcript.text, "source": "whisper", "voice": label})
            print(f"[{label}] {item['text']!r}\n  -> {transcript.text!r}", flush=True)
    finally:
        await stt.aclose()
    return out


def whisper_file(name: str, negatives: bool = False) -> Path:
    """Where the transcripts of blind set `name` (or of its negatives) are kept."""
    data = SET_FILES[name]
    return data.with_name(f"{data.stem}_whisper{'_negatives' if negatives else ''}.jsonl")


def main(argv: list[str] | None = None) -> None:
    """Speak, transcribe and store the transcripts of one blind set."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("set", nargs="?", default="blind", choices=sorted(SET_FILES),
                        help="which blind set to speak (default: blind)")
    parser.add_argument("--negatives", action="store_true",
                        help=f"speak {NEGATIVES} of its hard negatives instead")
    args = parser.parse_args(argv)
    sentences = load(SET_FILES[args.set])
    said = (chosen(sentences, NEGATIVES, with_data=False) if args.negatives
            else chosen(sentences, SENTENCES))
    items = asyncio.run(_transcribe_all(said))
    path = whisper_file(args.set, args.negatives)
    with path.open("w", encoding="utf-8") as out:
        for item in items:
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(f"{len(items)} transcripts written to {path}")


if __name__ == "__main__":
    main()

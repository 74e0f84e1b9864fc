"""Real speech for the third blind personal-data set, in several voices, written by Whisper base.

`python -m appliance.benchmark.pii_blind3_speech` takes 150 spoken sentences of
`pii_blind3.jsonl` that hold personal data and no digit characters (so the voice says
the words a person would say: "double oh four four", "at sign", "full stop"), in the
fixed pseudo-random order of `pii_speech.chosen`. Each is spoken by one voice chosen by a
hash of its id among the Piper voice and the espeak-ng voices of `pii_blind_speech`, and
transcribed by the appliance's own Whisper base STT, exactly as for the first two blind
sets: the same voices and the same transcription loop, imported rather than copied, keep
the three sets' transcripts comparable.

The transcripts go to `pii_blind3_whisper.jsonl` with the gold values, context and split
of the sentence said: `text` is what Whisper wrote, `said` the sentence, `voice` the voice,
`source` "whisper", `id` the sentence's id with "-whisper". Tests read the file; they
never run Whisper. Run it under `nice` (`nice -n 10 python -m ...`).
"""

from __future__ import annotations

import asyncio
import json

from appliance.benchmark.pii_blind3 import DATA_FILE
from appliance.benchmark.pii_blind_speech import _transcribe_all
from appliance.benchmark.pii_corpus import load
from appliance.benchmark.pii_speech import chosen

WHISPER_FILE = DATA_FILE.with_name("pii_blind3_whisper.jsonl")
SENTENCES = 150


def main() -> None:
    """Speak, transcribe and store the transcripts."""
    items = asyncio.run(_transcribe_all(chosen(load(DATA_FILE), SENTENCES)))
    with WHISPER_FILE.open("w", encoding="utf-8") as out:
        for item in items:
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(f"{len(items)} transcripts written to {WHISPER_FILE}")


if __name__ == "__main__":
    main()

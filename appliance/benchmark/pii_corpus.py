"""The labelled personal-data set: sentences typed and as Whisper writes speech, with gold values.

`python -m appliance.benchmark.pii_corpus` regenerates `tests/governance/pii_labelled.jsonl`
from the templates in `pii_templates` with seeded random values. Each line holds the
sentence, its form ("typed" or "spoken"), its split and the personal data in it: per
value its kind, its canonical written form and the tokens that must not survive masking.

The split is fixed by a hash of the template (not of the sentence), so held-out
sentences come from templates never seen while tuning: `dev` about 70 %, `heldout` 30 %.
Transcripts of real speech (Piper voice + Whisper base) are made by `pii_speech` and
kept in their own file, so tests never run Whisper.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from pathlib import Path

from appliance.benchmark import pii_templates as t
from appliance.benchmark.pii_values import VALUE_MAKERS

DATA_FILE = Path(__file__).resolve().parents[2] / "tests" / "governance" / "pii_labelled.jsonl"
SEED = 17
HELDOUT_PERCENT = 30
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def split_of(template: str) -> str:
    """`heldout` or `dev`, by a fixed hash of the template text."""
    digest = hashlib.sha256(template.encode()).digest()
    return "heldout" if digest[0] * 100 // 256 < HELDOUT_PERCENT else "dev"


def _fill(template: str, form: str, rng: random.Random) -> tuple[str, list[dict], str]:
    """The sentence, its values and its context (the sentence without the values)."""
    values: list[dict] = []
    parts: list[str] = []
    context: list[str] = []
    cursor = 0
    for match in _PLACEHOLDER.finditer(template):
        literal = template[cursor:match.start()]
        parts.append(literal)
        context.append(literal)
        value = VALUE_MAKERS[match.group(1)](rng, form)
        parts.append(value["surface"])
        if value["kind"]:
            context.append(" ")
            values.append(value)
        else:  # a hard-negative filler: part of the context
            context.append(value["surface"])
        cursor = match.end()
    parts.append(template[cursor:])
    context.append(template[cursor:])
    return "".join(parts), values, "".join(context)


def build(seed: int = SEED) -> list[dict]:
    """Every labelled sentence, in a stable order."""
    rng = random.Random(seed)
    items: list[dict] = []
    for form, templates, repeats in (("typed", t.TYPED, t.TYPED_REPEATS),
                                      ("spoken", t.SPOKEN, t.SPOKEN_REPEATS)):
        for template in templates:
            for _ in range(repeats if "{" in template else 1):
                text, values, context = _fill(template, form, rng)
                items.append({"text": text, "form": form, "split": split_of(template),
                              "source": "template", "template": template,
                              "context": context, "values": values})
    for form, text in t.HAND_NEGATIVES:
        items.append({"text": text, "form": form, "split": split_of(text),
                      "source": "hand", "template": text, "context": text, "values": []})
    for index, item in enumerate(items):
        item["id"] = f"pii-{index:04d}"
    return items


# The sets written by authors who never saw the masker (`pii_blind*.jsonl`).
BLIND_SETS = ("blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8",
              "blind9", "blind10")
# Who wrote each set, by its ids' prefix: the team that wrote the masker, or a blind author.
SET_NAMES = {"pii": "team", **{name: name for name in BLIND_SETS}}


def set_of(item: dict) -> str:
    """Which labelled set `item` belongs to ("team", "blind", "blind2" …), from its id."""
    prefix = item["id"].split("-")[0]
    return SET_NAMES.get(prefix, prefix)


def load(path: Path = DATA_FILE) -> list[dict]:
    """The labelled sentences stored in `path` (JSON lines)."""
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def main() -> None:
    """Write the labelled set and say how many sentences of each sort it holds."""
    items = build()
    with DATA_FILE.open("w", encoding="utf-8") as out:
        for item in items:
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    for split in ("dev", "heldout"):
        for form in ("typed", "spoken"):
            subset = [i for i in items if i["split"] == split and i["form"] == form]
            negatives = sum(not i["values"] for i in subset)
            print(f"{split:8} {form:7} {len(subset):4} sentences, {negatives:4} negatives")
    print(f"{len(items)} sentences written to {DATA_FILE}")


if __name__ == "__main__":
    main()

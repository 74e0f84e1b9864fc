"""`bench --pii`: recall and false positives of the personal-data masker on the labelled set.

A value counts as caught only if none of it survives masking: no digit beyond
those in the sentence's own context, and none of its words (names, e-mail
parts, street and town, bank letters), written or spelled letter by letter. A
negative sentence counts as a false positive if masking changes it at all.
Figures are per split (dev, held-out), per form (typed, spoken; Whisper's own
transcripts of real speech also on their own) and per kind.

The sentences are the team's generated set (`pii_corpus`) and, when present, the
three blind sets written by authors who never saw the masker (`pii_blind`,
`pii_blind2`, `pii_blind3`), with the Whisper transcripts of each (`pii_speech`,
`pii_blind_speech`).
"""

from __future__ import annotations

import json
import re
import time
from collections import defaultdict
from pathlib import Path

from appliance.benchmark.pii_corpus import BLIND_SETS, DATA_FILE, load, set_of
from appliance.governance.masking import LABELS, PersonalDataMasker

# Beside the team's set: its transcripts, then each blind set, the transcripts of its
# sentences with personal data and those of 60 of its spoken hard negatives.
OTHER_FILES = (DATA_FILE.with_name("pii_whisper.jsonl"), *(
    DATA_FILE.with_name(f"pii_{name}{suffix}.jsonl") for name in BLIND_SETS
    for suffix in ("", "_whisper", "_whisper_negatives")))
# Sets whose held-out halves were read while tuning the masker (blind 1-3, in full, once
# their dev halves were exhausted): their figures are no longer unseen measurements.
TUNED_SETS = frozenset({"team", "blind", "blind2", "blind3"})
RESULTS_FILE = Path(__file__).resolve().parents[2] / "bench" / "results" / "pii-masking.json"
_LABEL = re.compile("|".join(re.escape(label) for label in LABELS.values()))
_NUMBER_WORDS = re.compile(
    r"\b(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|hundred)\b", re.IGNORECASE)


def labelled_items() -> list[dict]:
    """The generated sentences, the three blind sets, and the Whisper transcripts of real speech."""
    items = load(DATA_FILE)
    for path in OTHER_FILES:
        if path.exists():
            items += load(path)
    return items


def _digit_count(text: str) -> int:
    return sum(ch.isdigit() for ch in text) + len(_NUMBER_WORDS.findall(text))


def _has_word(word: str, text: str) -> bool:
    spelled = r"\s".join(re.escape(ch) for ch in word)
    pattern = rf"(?<![\w]){re.escape(word)}(?![\w])"
    if len(word) >= 3:
        pattern += rf"|(?<![\w]){spelled}(?![\w])"
    return re.search(pattern, text, re.IGNORECASE) is not None


def value_leaks(masked: str, value: dict, context: str) -> bool:
    """Whether any digit or word of `value` is still in the masked text."""
    residue = _LABEL.sub(" ", masked)
    if value["digits"] and _digit_count(residue) > _digit_count(context):
        return True
    return any(_has_word(w, residue) and not _has_word(w, context) for w in value["words"])


def score(items: list[dict], masker: PersonalDataMasker) -> dict:
    """Recall per (split, form, kind), false-positive rate per (split, form), and the misses."""
    caught: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
    negatives: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
    misses = []
    for item in items:
        masked = masker.mask(item["text"]).text
        # Whisper's transcripts of real speech are scored on their own, not as "spoken".
        forms = ["whisper"] if item["source"] == "whisper" else [item["form"]]
        if not item["values"]:
            changed = masked != item["text"]
            for form in forms:
                negatives[(item["split"], form)][0] += changed
                negatives[(item["split"], form)][1] += 1
            if changed:
                misses.append({"id": item["id"], "split": item["split"], "kind": "negative",
                               "text": item["text"], "masked": masked})
            continue
        for value in item["values"]:
            leaked = value_leaks(masked, value, item["context"])
            for form in forms:
                for kind in (value["kind"], "all"):
                    caught[(item["split"], form, kind)][0] += not leaked
                    caught[(item["split"], form, kind)][1] += 1
            if leaked:
                misses.append({"id": item["id"], "split": item["split"], "kind": value["kind"],
                               "text": item["text"], "masked": masked})
    return {
        "recall": {"/".join(k): {"caught": c, "values": n, "recall": round(c / n, 4)}
                   for k, (c, n) in sorted(caught.items())},
        "false_positives": {"/".join(k): {"changed": c, "negatives": n, "rate": round(c / n, 4)}
                            for k, (c, n) in sorted(negatives.items())},
        "misses": misses,
    }


def split_figures(report: dict, split: str) -> dict[str, float]:
    """Recall on typed, spoken-as-text, Whisper and all spoken values, and false positives.

    Spoken as text: sentences written in spoken form; Whisper: its transcripts of
    real speech. The false-positive rate is over the split's typed and spoken negatives;
    that of Whisper's transcripts of spoken negatives is on its own.
    """
    def recall(*forms: str) -> float:
        entries = [report["recall"].get(f"{split}/{form}/all") for form in forms]
        caught = sum(e["caught"] for e in entries if e)
        values = sum(e["values"] for e in entries if e)
        return caught / values if values else 1.0

    def changed(*forms: str) -> tuple[float, int]:
        entries = [report["false_positives"].get(f"{split}/{form}") for form in forms]
        total = sum(e["negatives"] for e in entries if e)
        return sum(e["changed"] for e in entries if e) / max(total, 1), total

    rate, negatives = changed("typed", "spoken")
    heard_rate, heard = changed("whisper")
    return {"typed": recall("typed"), "spoken_text": recall("spoken"),
            "whisper": recall("whisper"), "spoken_all": recall("spoken", "whisper"),
            "false_positive_rate": rate, "negatives": negatives,
            "whisper_false_positive_rate": heard_rate, "whisper_negatives": heard}


def time_per_sentence_ms(items: list[dict], masker: PersonalDataMasker, rounds: int = 5) -> float:
    """Mean time to mask one sentence, best of `rounds` passes (the first warms the gazetteers)."""
    masker.mask("warm up: my name is Ann, 1 Main Street, Leeds LS6 2AB")
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        for item in items:
            masker.mask(item["text"])
        best = min(best, time.perf_counter() - started)
    return best * 1000 / len(items)


def main() -> None:
    """Print the figures per set, split, form and kind, and write them to bench/results.

    Only the misses of material already tuned on are written out: the dev halves, and the
    held-out halves of the sets spent on tuning (`TUNED_SETS`). The other held-out halves
    stay unseen, so the next change to the masker can be measured on them again.
    """
    items = labelled_items()
    masker = PersonalDataMasker()
    report = score(items, masker)
    report["ms_per_sentence"] = round(time_per_sentence_ms(items, masker), 3)
    report["misses"] = [m for m in report["misses"]
                        if m["split"] == "dev" or set_of(m) in TUNED_SETS]
    print(f"{'split/form/kind (all sets)':40} {'caught':>7} {'values':>7} {'recall':>7}")
    for key, entry in report["recall"].items():
        print(f"{key:40} {entry['caught']:7} {entry['values']:7} {entry['recall']:7.3f}")
    report["summary"] = {}
    for name in sorted({set_of(i) for i in items}, key=lambda n: (n != "team", n)):
        subset = score([i for i in items if set_of(i) == name], masker)
        report["summary"][name] = {split: split_figures(subset, split)
                                   for split in ("dev", "heldout")}
        for split, f in report["summary"][name].items():
            print(f"{name:7} {split:8} recall typed {f['typed']:.3f}, spoken as text "
                  f"{f['spoken_text']:.3f}, Whisper {f['whisper']:.3f}; false positives "
                  f"{f['false_positive_rate']:.1%} of {f['negatives']}, Whisper "
                  f"{f['whisper_false_positive_rate']:.1%} of {f['whisper_negatives']}")
    print(f"masking: {report['ms_per_sentence']:.3f} ms per sentence on {len(items)} sentences")
    RESULTS_FILE.parent.mkdir(parents=True, exist_ok=True)
    RESULTS_FILE.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n")
    print(f"written to {RESULTS_FILE}")


if __name__ == "__main__":
    main()

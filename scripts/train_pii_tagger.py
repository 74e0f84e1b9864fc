"""Train the personal-data tagger (appliance/governance/tagger.py) on the labelled sets.

Trains on the sets already tuned on (`pii_bench.TUNED_SETS`) and on the dev halves of the
others; their held-out halves, and Whisper's transcripts, stay out, so `appliance bench
--pii` still measures the masker on sentences it never learned from.

    .venv/bin/python scripts/train_pii_tagger.py [--c1 0.05] [--c2 0.01] [--iterations 150]

Writes appliance/governance/data/pii_tagger.crfsuite (deterministic for the same data).
"""

from __future__ import annotations

import argparse
import random
import time
from importlib import resources
from pathlib import Path

import pycrfsuite
from tqdm import tqdm

from appliance.benchmark.pii_bench import TUNED_SETS, labelled_items
from appliance.benchmark.pii_corpus import set_of
from appliance.governance.masking import spans_in_original
from appliance.governance.names import is_title
from appliance.governance.personal_data import find_by_rules
from appliance.governance.spoken import to_written
from appliance.governance.tagger import MODEL_FILE, rule_tags, sentence_features, tokens

TAGS = {"person_name": "NAME", "street_address": "ADDR"}


def training_items(excluded: frozenset[str] = frozenset()) -> list[dict]:
    """Tuned sets whole, other sets' dev halves; never a held-out half still unseen."""
    return [item for item in labelled_items()
            if item["source"] != "whisper" and set_of(item) not in excluded
            and (item["split"] == "dev" or set_of(item) in TUNED_SETS)]


def labelled_sequence(item: dict, *, without_rules: bool = False
                      ) -> tuple[list[dict], list[str]] | None:
    """The features and gold tags of one sentence, in its written form."""
    text = item["text"]
    written = to_written(text)
    gold = []
    for value in item["values"]:
        if value["kind"] not in TAGS:
            continue
        start = text.find(value["surface"])
        if start < 0:
            return None  # a label that does not match its sentence teaches nothing
        (a, b), = spans_in_original(written, text, [(start, start + len(value["surface"]))])
        gold.append((TAGS[value["kind"]], a, b))
    spans = tokens(written)
    found = [(f.kind, f.start, f.end) for f in find_by_rules(written)
             if not (without_rules and f.kind in TAGS)]
    features = sentence_features(written, spans, rule_tags(spans, found))
    labels = []
    for start, end in spans:
        label = next((tag for tag, a, b in gold if a < end and start < b), "O")
        word = written[start:end]
        # Titles identify no one, though some sets label "Dr." with the name.
        labels.append(label if word.strip(",.;:!?") and not is_title(word) else "O")
    return features, labels


def main(argv: list[str] | None = None) -> None:
    """Build the sequences, train, and write the model."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--c1", type=float, default=0.05, help="L1 penalty (sparser model)")
    parser.add_argument("--c2", type=float, default=0.01, help="L2 penalty")
    parser.add_argument("--iterations", type=int, default=150)
    parser.add_argument("--without-rules", type=float, default=1.0, metavar="SHARE",
                        help="share of sentences also learned without the rules' names and "
                             "addresses, so the tagger learns the context, not only the rules")
    parser.add_argument("--negative-weight", type=int, default=3, metavar="TIMES",
                        help="how many times each sentence without personal data is learned")
    parser.add_argument("--exclude", default="", metavar="SETS",
                        help="sets to leave out, comma-separated (to measure on their dev half)")
    parser.add_argument("--out", default=None, metavar="FILE",
                        help="where to write the model (default: the one the masker loads)")
    args = parser.parse_args(argv)
    rng = random.Random(17)
    trainer = pycrfsuite.Trainer(verbose=False)
    skipped = 0
    items = training_items(frozenset(filter(None, args.exclude.split(","))))
    for item in tqdm(items, desc="sentences", unit="sentence"):
        sequence = labelled_sequence(item)
        if sequence is None:
            skipped += 1
            continue
        # Negatives count more: a word masked for nothing costs the user their question.
        for _ in range(1 if item["values"] else args.negative_weight):
            trainer.append(*sequence)
        if rng.random() < args.without_rules:
            trainer.append(*labelled_sequence(item, without_rules=True))
    trainer.set_params({"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations,
                        "feature.possible_transitions": True})
    path = Path(args.out) if args.out else Path(
        str(resources.files("appliance.governance").joinpath(MODEL_FILE)))
    path.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    trainer.train(str(path))
    print(f"trained on {len(items) - skipped} sentences ({skipped} skipped: label not in the "
          f"sentence) in {time.perf_counter() - started:.0f} s; written to {path}")


if __name__ == "__main__":
    main()

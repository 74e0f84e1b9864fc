"""Integrity of the second blind personal-data set and of its Whisper transcripts.

The set is only worth something if its labels are right: valid values, contexts that are
the sentence without its values, digits and words that the bench can find, and a file
that is exactly what the generator writes.
"""

import ipaddress
import re
from collections import Counter

import phonenumbers
import pytest
from stdnum import iban, luhn
from stdnum.us import ssn

from appliance.benchmark import pii_blind2
from appliance.benchmark.pii_bench import _digit_count, _has_word, labelled_items, value_leaks
from appliance.benchmark.pii_blind_speech import PIPER, VOICES
from appliance.benchmark.pii_corpus import load

pytestmark = pytest.mark.unit

WHISPER_FILE = pii_blind2.DATA_FILE.with_name("pii_blind2_whisper.jsonl")
GENERIC = {"street", "road", "avenue", "apartment", "flat", "unit", "suite", "floor", "at",
           "dot", "com", "org", "net", "uk", "co", "box", "dr", "mr", "ms", "mrs"}
EMAIL = re.compile(r"^[a-z0-9][a-z0-9._+-]*@[a-z0-9-]+(\.[a-z0-9-]+)+$")


@pytest.fixture(scope="module")
def items() -> list[dict]:
    return load(pii_blind2.DATA_FILE)


def values_of(items: list[dict]):
    return [(item, value) for item in items for value in item["values"]]


def pieces(item: dict) -> list[str]:
    """The sentence cut into literal text and value surfaces, alternating, literal first."""
    parts, cursor = [], 0
    for value in item["values"]:
        start = item["text"].index(value["surface"], cursor)
        parts += [item["text"][cursor:start], value["surface"]]
        cursor = start + len(value["surface"])
    return parts + [item["text"][cursor:]]


def test_file_is_what_the_generator_writes(items):
    assert items == pii_blind2.build()


def test_ids_sources_forms_and_splits(items):
    assert [i["id"] for i in items] == [f"blind2-{n:04d}" for n in range(len(items))]
    assert {i["source"] for i in items} == {"blind2"}
    assert {i["form"] for i in items} == {"typed", "spoken"}
    for item in items:
        assert item["split"] == pii_blind2.split_of(item["template"])
        assert list(item) == ["text", "form", "split", "source", "template", "context",
                              "values", "id"]
    splits = Counter(i["split"] for i in items)
    assert min(splits["dev"], splits["heldout"]) >= 0.4 * len(items)


def test_sizes(items):
    positives = [i for i in items if i["values"]]
    assert len(items) >= 600
    assert len(positives) >= 380
    assert len(items) - len(positives) >= 220
    forms = Counter(i["form"] for i in positives)
    assert min(forms.values()) >= 0.4 * len(positives)
    kinds = Counter(v["kind"] for _, v in values_of(items))
    assert set(kinds) == set(pii_blind2.KINDS)
    assert min(kinds.values()) >= 35
    cells = Counter((v["kind"], i["form"], i["split"]) for i, v in values_of(items))
    for kind in pii_blind2.KINDS:
        for form in ("typed", "spoken"):
            for split in ("dev", "heldout"):
                assert cells[(kind, form, split)] >= 4, (kind, form, split)


def test_values_are_valid(items):
    for _, value in values_of(items):
        kind, canonical = value["kind"], value["canonical"]
        assert list(value) == ["kind", "surface", "canonical", "digits", "words"]
        if kind == "card":
            assert luhn.is_valid(canonical) and 12 <= len(canonical) <= 19
        elif kind == "us_ssn":
            assert ssn.is_valid(canonical)
        elif kind == "phone":
            assert phonenumbers.is_valid_number(phonenumbers.parse(canonical)), canonical
        elif kind == "iban":
            assert iban.is_valid(canonical), canonical
        elif kind == "ip_address":
            ipaddress.ip_address(canonical)
        elif kind == "email":
            assert EMAIL.match(canonical), canonical
        else:
            assert canonical and canonical.strip() == canonical


def test_context_is_the_sentence_without_its_values(items):
    for item in items:
        parts = pieces(item)
        assert "".join(parts) == item["text"]
        assert "".join(p if n % 2 == 0 else " " for n, p in enumerate(parts)) == item["context"]
        assert item["values"] or item["context"] == item["text"]


def test_digits_are_the_digits_the_value_says(items):
    for item, value in values_of(items):
        surface, digits = value["surface"], value["digits"]
        assert digits == "" or digits.isdigit()
        if item["form"] == "typed":
            assert digits == "".join(ch for ch in surface if ch.isdigit()), surface
        else:
            assert not any(ch.isdigit() for ch in surface)
            assert bool(digits) == (_digit_count(surface) > 0), surface
        if value["kind"] in ("card", "us_ssn", "iban"):
            assert digits == "".join(ch for ch in value["canonical"] if ch.isdigit())


def test_words_are_in_the_sentence_and_not_in_its_context(items):
    for item, value in values_of(items):
        for word in value["words"]:
            assert word.lower() not in GENERIC, word
            assert _has_word(word, value["surface"]), (word, item["text"])
            assert not _has_word(word, item["context"]), (word, item["text"])
        if value["kind"] in ("email", "person_name", "street_address"):
            assert value["words"], item["text"]


def test_the_bench_sees_each_value_left_unmasked_and_none_when_masked(items):
    for item in items:
        parts = pieces(item)
        for n, value in enumerate(item["values"]):
            only = "".join(p if k % 2 == 0 or k == 2 * n + 1 else " "
                           for k, p in enumerate(parts))
            assert value_leaks(only, value, item["context"]), (value, item["text"])
            assert not value_leaks(item["context"], value, item["context"])


def test_spoken_sentences_hold_no_digits(items):
    assert not [i["text"] for i in items if i["form"] == "spoken"
                and any(ch.isdigit() for ch in i["text"])]


def test_whisper_transcripts_keep_the_labels_of_what_was_said(items):
    if not WHISPER_FILE.exists():
        pytest.skip("no Whisper transcripts of blind2 yet")
    by_id = {i["id"]: i for i in items}
    transcripts = load(WHISPER_FILE)
    assert len(transcripts) >= 140
    labels = {PIPER} | {v for v in VOICES if v != PIPER}
    for line in transcripts:
        said = by_id[line["id"].removesuffix("-whisper")]
        assert line["id"] == said["id"] + "-whisper"
        assert line["said"] == said["text"] and said["form"] == "spoken" and said["values"]
        assert line["source"] == "whisper"
        assert line["voice"].split("@")[0] in labels
        for key in ("split", "template", "context", "values", "form"):
            assert line[key] == said[key]
    assert len({line["voice"].split("@")[0] for line in transcripts}) >= 4


def test_the_bench_loads_the_set(items):
    ids = {i["id"] for i in labelled_items()}
    assert {i["id"] for i in items} <= ids
    if WHISPER_FILE.exists():
        assert {line["id"] for line in load(WHISPER_FILE)} <= ids

"""Integrity of the third blind personal-data set and of its Whisper transcripts.

The set is only a fair test if every label is right: values real (checksums pass), each
value standing in its own sentence, its digits and words what the bench will look for,
the context the sentence without the values, and the stored file what the generator
writes. These checks read the files; they never run the masker or Whisper.
"""

from __future__ import annotations

import ipaddress
import re
from collections import Counter

import phonenumbers
import pytest
from stdnum import iban, luhn
from stdnum.us import ssn

from appliance.benchmark import pii_blind3
from appliance.benchmark.pii_bench import _digit_count, _has_word, labelled_items, value_leaks
from appliance.benchmark.pii_blind_speech import VOICES
from appliance.benchmark.pii_corpus import load

pytestmark = pytest.mark.unit

KINDS = {"card", "us_ssn", "phone", "email", "iban", "ip_address", "street_address",
         "person_name"}
VALUE_KEYS = {"kind", "surface", "canonical", "digits", "words"}
ITEM_KEYS = {"text", "form", "split", "source", "template", "context", "values", "id"}
WHISPER_FILE = pii_blind3.DATA_FILE.with_name("pii_blind3_whisper.jsonl")
NOT_WORDS = {"com", "org", "net", "co", "uk", "de", "fr", "za", "nz", "au", "in", "street",
             "road", "lane", "avenue", "drive", "flat", "apt", "suite", "unit", "box", "at",
             "dot", "the", "and", "van", "der", "la", "bin"}

_UNITS = {"zero": "0", "oh": "0", "one": "1", "two": "2", "three": "3", "four": "4",
          "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9"}
_TEENS = {w: str(10 + i) for i, w in enumerate(
    ("ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen").split())}
_TENS = {w: str(i + 2) for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split())}


def said_digits(text: str) -> str:
    """The digits a sentence says in words: "double oh four four", "fourteen twenty", ..."""
    tokens = re.findall(r"[a-z]+", text.lower())
    out: list[str] = []
    repeat = 1
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token in ("double", "triple"):
            repeat = 2 if token == "double" else 3
        elif token in _UNITS:
            out.append(_UNITS[token] * repeat)
            repeat = 1
        elif token in _TEENS:
            out.append(_TEENS[token])
        elif token in _TENS:
            following = tokens[i + 1] if i + 1 < len(tokens) else ""
            if following in _UNITS and following not in ("zero", "oh"):
                out.append(_TENS[token] + _UNITS[following])
                i += 1
            else:
                out.append(_TENS[token] + "0")
        elif token == "hundred" and out:
            out[-1] += "00"
        elif token == "thousand" and out:
            out[-1] += "000"
        else:
            repeat = 1
        i += 1
    return "".join(out)


@pytest.fixture(scope="module")
def items() -> list[dict]:
    return load(pii_blind3.DATA_FILE)


@pytest.fixture(scope="module")
def values(items) -> list[tuple[dict, dict]]:
    return [(item, value) for item in items for value in item["values"]]


def test_file_is_exactly_what_the_generator_writes(items):
    assert items == pii_blind3.build()


def test_schema_ids_and_source(items):
    assert [i["id"] for i in items] == [f"blind3-{n:04d}" for n in range(len(items))]
    for item in items:
        assert set(item) == ITEM_KEYS
        assert item["source"] == "blind3"
        assert item["form"] in ("typed", "spoken")
        for value in item["values"]:
            assert set(value) == VALUE_KEYS
            assert value["kind"] in KINDS
            assert isinstance(value["digits"], str) and value["digits"].isdigit() | (
                value["digits"] == "")
            assert isinstance(value["words"], list)


def test_sizes(items, values):
    with_values = [i for i in items if i["values"]]
    negatives = [i for i in items if not i["values"]]
    assert len(items) >= 600
    assert len(negatives) >= 220
    assert len(with_values) >= 350
    typed = sum(i["form"] == "typed" for i in with_values)
    assert 0.4 <= typed / len(with_values) <= 0.6
    assert sum(i["form"] == "typed" for i in negatives) >= 100
    assert sum(i["form"] == "spoken" for i in negatives) >= 100
    kinds = Counter(v["kind"] for _, v in values)
    assert set(kinds) == KINDS
    assert min(kinds.values()) >= 35, kinds


def test_split_is_by_template_hash_and_about_half(items, values):
    for item in items:
        assert item["split"] == pii_blind3.split_of(item["template"])
    templates = {i["template"]: i["split"] for i in items}
    held = sum(split == "heldout" for split in templates.values()) / len(templates)
    assert 0.4 <= held <= 0.6
    for split in ("dev", "heldout"):
        for form in ("typed", "spoken"):
            subset = [i for i in items if i["split"] == split and i["form"] == form]
            assert any(i["values"] for i in subset) and any(not i["values"] for i in subset)
        kinds = Counter(v["kind"] for i, v in values if i["split"] == split)
        assert set(kinds) == KINDS and min(kinds.values()) >= 8, (split, kinds)


def test_a_template_is_never_in_both_splits(items):
    seen: dict[str, str] = {}
    for item in items:
        assert seen.setdefault(item["template"], item["split"]) == item["split"]


def test_context_is_the_sentence_without_its_values(items):
    for item in items:
        if not item["values"]:
            assert item["context"] == item["text"], item["id"]
            continue
        context, cursor = "", 0
        for value in item["values"]:
            start = item["text"].index(value["surface"], cursor)
            context += item["text"][cursor:start] + " "
            cursor = start + len(value["surface"])
        context += item["text"][cursor:]
        assert context == item["context"], item["id"]


def test_checksums_and_canonical_forms(values):
    for _, value in values:
        kind, canonical = value["kind"], value["canonical"]
        if kind == "card":
            assert canonical.isdigit() and 14 <= len(canonical) <= 16 and luhn.is_valid(canonical)
            assert canonical == value["digits"]
        elif kind == "us_ssn":
            assert re.fullmatch(r"\d{3}-\d{2}-\d{4}", canonical) and ssn.is_valid(canonical)
            assert canonical.replace("-", "") == value["digits"]
        elif kind == "iban":
            assert iban.is_valid(canonical) and canonical == iban.compact(canonical)
            assert "".join(ch for ch in canonical if ch.isdigit()) == value["digits"]
        elif kind == "phone":
            number = phonenumbers.parse(canonical)
            assert phonenumbers.is_valid_number(number), canonical
            assert value["digits"].endswith(phonenumbers.national_significant_number(number))
        elif kind == "ip_address":
            address = ipaddress.ip_address(canonical)
            assert str(address) == canonical
            if address.version == 4:
                assert canonical.replace(".", "") == value["digits"]
        elif kind == "email":
            assert re.fullmatch(r"[a-z0-9._-]+@[a-z0-9-]+(\.[a-z0-9-]+)+", canonical), canonical
        elif kind == "person_name":
            assert value["words"] and not value["digits"]
        else:
            assert value["digits"] and value["words"], canonical


def test_card_issuers_and_iban_countries_vary(values):
    cards = [v["canonical"] for _, v in values if v["kind"] == "card"]
    assert {len(c) for c in cards} == {14, 15, 16}
    assert any(c.startswith("4") for c in cards) and any(c[:2] in ("34", "37") for c in cards)
    assert any(c[:2] in ("51", "52", "53", "54", "55") for c in cards)
    assert any(2221 <= int(c[:4]) <= 2720 for c in cards)
    assert any(3528 <= int(c[:4]) <= 3589 for c in cards)
    assert any(c.startswith(("6011", "65")) or 644 <= int(c[:3]) <= 649 for c in cards)
    assert len({v["canonical"][:2] for _, v in values if v["kind"] == "iban"}) >= 15
    regions = {phonenumbers.region_code_for_number(phonenumbers.parse(v["canonical"]))
               for _, v in values if v["kind"] == "phone"}
    assert len(regions) >= 12


def test_digits_are_what_the_surface_holds(values):
    for item, value in values:
        surface = value["surface"]
        if item["form"] == "typed":
            assert "".join(ch for ch in surface if ch.isdigit()) == value["digits"], surface
        else:
            assert not any(ch.isdigit() for ch in surface), surface
            assert said_digits(surface) == value["digits"], surface
        assert (_digit_count(surface) > 0) == bool(value["digits"]), surface


def test_spoken_sentences_with_values_have_no_digit_characters(items):
    spoken = [i for i in items if i["form"] == "spoken" and i["values"]]
    assert all(not any(ch.isdigit() for ch in i["text"]) for i in spoken)
    assert len(spoken) >= 150


def test_words_are_in_the_sentence_not_in_the_context_and_not_generic(values):
    for item, value in values:
        for word in value["words"]:
            assert len(word) >= 2 and word.lower() not in NOT_WORDS, (item["id"], word)
            assert _has_word(word, item["text"]), (item["id"], word)
            assert not _has_word(word, item["context"]), (item["id"], word)


def test_every_value_is_found_in_its_own_sentence_by_the_bench(values):
    for item, value in values:
        assert value_leaks(item["text"], value, item["context"]), item["id"]
        # on its own too: its digits or words, not those of another value in the sentence
        assert value_leaks(item["context"] + " " + value["surface"], value, item["context"])


def test_negatives_hold_nothing_that_looks_like_a_card_or_an_email(items):
    for item in items:
        if item["values"]:
            continue
        assert "@" not in item["text"]
        for run in re.findall(r"\d[\d -]{11,}\d", item["text"]):
            digits = re.sub(r"\D", "", run)
            assert not (13 <= len(digits) <= 19 and luhn.is_valid(digits)), item["text"]


def test_whisper_transcripts_match_the_sentences_said(items):
    by_id = {i["id"]: i for i in items}
    transcripts = load(WHISPER_FILE)
    assert 140 <= len(transcripts) <= 160
    assert len({t["id"] for t in transcripts}) == len(transcripts)
    voices = Counter()
    for t in transcripts:
        assert t["source"] == "whisper" and t["id"].endswith("-whisper")
        said = by_id[t["id"].removesuffix("-whisper")]
        assert t["said"] == said["text"] and said["form"] == "spoken" and said["values"]
        for key in ("values", "context", "split", "template", "form"):
            assert t[key] == said[key]
        assert isinstance(t["text"], str)
        voice = t["voice"].split("@")[0]
        assert voice in VOICES
        voices[voice] += 1
    assert len(voices) == len(VOICES)


def test_the_bench_reads_both_files():
    items = labelled_items()
    ids = {i["id"] for i in items}
    assert "blind3-0000" in ids
    assert any(i["id"].startswith("blind3-") and i["source"] == "whisper" for i in items)

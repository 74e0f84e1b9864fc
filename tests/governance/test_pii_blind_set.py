"""Integrity of the blind personal-data set: valid values, honest contexts, enough of it.

The set measures the masker from outside, so these checks look only at the data:
values that are real (Luhn, mod 97, SSN rules, numbering plans), contexts that hold
nothing of a value, and every value findable by the bench in its own sentence.
"""

import json
from collections import Counter
from pathlib import Path

import phonenumbers
import pytest
from stdnum import iban, luhn
from stdnum.us import ssn

from appliance.benchmark import pii_blind
from appliance.benchmark.pii_bench import _digit_count, value_leaks

pytestmark = pytest.mark.unit

BLIND_FILE = Path(__file__).with_name("pii_blind.jsonl")
KINDS = {"card", "us_ssn", "phone", "email", "iban", "ip_address", "street_address",
         "person_name"}


@pytest.fixture(scope="module")
def items() -> list[dict]:
    lines = BLIND_FILE.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _values(items: list[dict], kind: str) -> list[dict]:
    return [v for item in items for v in item["values"] if v["kind"] == kind]


def test_file_is_what_the_generator_writes(items):
    assert items == pii_blind.build()


def test_size_forms_and_splits(items):
    assert len(items) >= 600
    assert sum(not item["values"] for item in items) >= 200
    assert {item["split"] for item in items} == {"dev", "heldout"}
    assert {item["form"] for item in items} == {"typed", "spoken"}
    assert {item["source"] for item in items} == {"blind"}
    assert len({item["id"] for item in items}) == len(items)


def test_kinds_and_how_many(items):
    kinds = Counter(v["kind"] for item in items for v in item["values"])
    assert set(kinds) <= KINDS
    assert all(kinds[kind] >= 30 for kind in KINDS)
    assert all(kinds[kind] >= 50 for kind in ("card", "us_ssn", "iban", "phone", "email"))


def test_cards_are_luhn_valid(items):
    for value in _values(items, "card"):
        assert luhn.is_valid(value["canonical"]), value
        assert len(value["canonical"]) in (15, 16)


def test_ibans_are_valid(items):
    for value in _values(items, "iban"):
        assert iban.is_valid(value["canonical"]), value


def test_ssns_are_valid(items):
    for value in _values(items, "us_ssn"):
        assert ssn.is_valid(value["canonical"]), value


def test_phones_are_valid_and_typed_ones_parse(items):
    for item in items:
        for value in item["values"]:
            if value["kind"] != "phone":
                continue
            number = phonenumbers.parse(value["canonical"])
            assert phonenumbers.is_valid_number(number), value
            if item["form"] == "typed":
                region = phonenumbers.region_code_for_number(number)
                typed = phonenumbers.parse(value["surface"], region)
                assert phonenumbers.is_valid_number(typed), value
                assert typed.national_number == number.national_number


def test_context_is_the_sentence_without_its_values(items):
    for item in items:
        text, cursor, context = item["text"], 0, ""
        for value in item["values"]:
            at = text.index(value["surface"], cursor)
            context += text[cursor:at] + " "
            cursor = at + len(value["surface"])
        assert item["context"] == context + text[cursor:], item["id"]


def test_context_holds_no_digit_of_a_value(items):
    for item in items:
        in_values = sum(_digit_count(v["surface"]) for v in item["values"])
        assert _digit_count(item["context"]) == _digit_count(item["text"]) - in_values, item["id"]
        for value in item["values"]:
            assert bool(value["digits"]) == (_digit_count(value["surface"]) > 0), value


def test_every_value_leaks_from_its_unmasked_sentence(items):
    """Otherwise the bench could never count the value as missed."""
    for item in items:
        for value in item["values"]:
            assert value_leaks(item["text"], value, item["context"]), (item["id"], value)


def test_negatives_are_their_own_context(items):
    for item in items:
        if not item["values"]:
            assert item["context"] == item["text"]

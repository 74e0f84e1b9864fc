"""Integrity of the fifth blind personal-data set (car, kitchen and household talk).

The set only measures the masker fairly if every label is right: each value real (its
checksum or numbering plan passes), standing in its own sentence, its digits and words
exactly what the bench looks for, the context the sentence without its values, and the
stored file exactly what the generator writes. These checks read the file; they never
run the masker. The number reader and word matcher here are written again on purpose,
so that a slip in the generator's own cannot pass unnoticed.
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import re
from collections import Counter, defaultdict

import phonenumbers
import pytest
from stdnum import iban, luhn
from stdnum.us import ssn

from appliance.benchmark import pii_blind5

pytestmark = pytest.mark.unit

KINDS = {"card", "us_ssn", "phone", "email", "iban", "ip_address", "street_address",
         "person_name"}
ITEM_KEYS = ["text", "form", "split", "source", "template", "context", "values", "id"]
VALUE_KEYS = ["kind", "surface", "canonical", "digits", "words"]
NOT_WORDS = {"street", "st", "road", "rd", "lane", "avenue", "ave", "drive", "flat", "apt",
             "apartment", "suite", "unit", "room", "box", "po", "at", "dot", "dash",
             "underscore", "com", "net", "org", "co", "uk", "the", "and", "of", "plus",
             "rue", "calle", "via", "ul", "ku", "gu", "ro", "dr", "mr", "mrs", "auntie",
             "uncle", "coach", "pastor", "professor", "house", "plot", "no", "de", "la"}
ENGLISH_STATE_CODES = {"OR", "IN", "OH", "ME", "HI", "OK", "ID", "DE", "LA", "MA", "PA",
                       "AL", "CO", "ON"}

_UNITS = {"zero": "0", "oh": "0", "nought": "0", "one": "1", "two": "2", "three": "3",
          "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9"}
_TEENS = {w: str(10 + i) for i, w in enumerate(
    "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split())}
_TENS = {w: str(2 + i) for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split())}
_SCORER_NUMBER_WORDS = re.compile(
    r"\b(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|hundred)\b", re.IGNORECASE)


def said_digits(text: str) -> str:
    """Digits of a spoken surface: "double oh" 00, "twenty one" 21, "hundred" 00."""
    tokens = re.findall(r"[^\W\d_]+|[^\w\s]", text.lower())
    out, times, i = [], 1, 0
    while i < len(tokens):
        tok = tokens[i]
        if tok in ("double", "triple"):
            times = 2 if tok == "double" else 3
            i += 1
            continue
        if tok in _UNITS:
            out.append(_UNITS[tok] * times)
        elif tok in _TEENS:
            out.append(_TEENS[tok])
        elif tok in _TENS:
            follows = tokens[i + 1] if i + 1 < len(tokens) else ""
            if follows in _UNITS and _UNITS[follows] != "0":
                out.append(_TENS[tok] + _UNITS[follows])
                i += 1
            else:
                out.append(_TENS[tok] + "0")
        elif tok == "hundred":
            out.append("00")
        elif tok == "thousand":
            out.append("000")
        times = 1
        i += 1
    return "".join(out)


def digit_count(text: str) -> int:
    """What the scorer counts: digit characters plus number words."""
    return sum(ch.isdigit() for ch in text) + len(_SCORER_NUMBER_WORDS.findall(text))


def has_word(word: str, text: str) -> bool:
    """The scorer's test: whole token, or spelled with single spaces when 3+ letters."""
    pattern = rf"(?<![\w]){re.escape(word)}(?![\w])"
    if len(word) >= 3:
        pattern += r"|(?<![\w])" + r"\s".join(re.escape(ch) for ch in word) + r"(?![\w])"
    return re.search(pattern, text, re.IGNORECASE) is not None


def without_values(text: str, values: list[dict]) -> str:
    """The sentence with each surface, found in order, replaced by one space."""
    out, pos = [], 0
    for value in values:
        surface = value["surface"]
        pattern = (r"(?<!\w)" if surface[0].isalnum() else "") + re.escape(surface) + \
            (r"(?!\w)" if surface[-1].isalnum() else "")
        match = re.compile(pattern).search(text, pos)
        assert match, f"{surface!r} not found in {text!r}"
        out += [text[pos:match.start()], " "]
        pos = match.end()
    return "".join(out) + text[pos:]


@pytest.fixture(scope="module")
def items() -> list[dict]:
    lines = pii_blind5.DATA_FILE.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def all_values(items: list[dict]):
    for item in items:
        for value in item["values"]:
            yield item, value


def test_file_is_what_the_generator_writes(items):
    stored = pii_blind5.DATA_FILE.read_text(encoding="utf-8")
    assert stored == pii_blind5.dump(pii_blind5.build_items())
    assert pii_blind5.SOURCE == "blind5"
    assert set(pii_blind5.KINDS) == KINDS


def test_schema(items):
    for item in items:
        assert list(item) == ITEM_KEYS
        assert item["form"] in ("typed", "spoken")
        assert item["split"] in ("dev", "heldout")
        assert item["source"] == "blind5"
        for value in item["values"]:
            assert list(value) == VALUE_KEYS
            assert value["kind"] in KINDS
            assert isinstance(value["words"], list)


def test_ids_are_unique_and_in_order(items):
    assert [item["id"] for item in items] == [f"blind5-{i:04d}" for i in range(len(items))]
    assert len({item["text"] for item in items}) == len(items)


def test_size_and_balance(items):
    assert 650 <= len(items) <= 750
    data = [item for item in items if item["values"]]
    negatives = [item for item in items if not item["values"]]
    assert 400 <= len(data) <= 470
    assert 220 <= len(negatives) <= 280
    for group in (data, negatives):
        typed = sum(item["form"] == "typed" for item in group)
        assert 0.4 <= typed / len(group) <= 0.6


def test_values_are_real(items):
    for _, value in all_values(items):
        canonical = value["canonical"]
        if value["kind"] == "card":
            assert canonical.isdigit() and luhn.is_valid(canonical), canonical
        elif value["kind"] == "iban":
            assert iban.is_valid(canonical), canonical
        elif value["kind"] == "us_ssn":
            assert re.fullmatch(r"\d{3}-\d{2}-\d{4}", canonical) and ssn.is_valid(canonical)
        elif value["kind"] == "phone":
            assert phonenumbers.is_valid_number(phonenumbers.parse(canonical)), canonical
        elif value["kind"] == "ip_address":
            assert str(ipaddress.ip_address(canonical)) == canonical
        elif value["kind"] == "email":
            assert re.fullmatch(r"[a-z0-9._+-]+@[a-z0-9-]+(\.[a-z0-9-]+)+", canonical), canonical
        else:
            assert canonical.strip() == canonical and canonical


def test_digits_are_what_the_surface_holds(items):
    for item, value in all_values(items):
        surface = value["surface"]
        if item["form"] == "typed":
            held = re.sub(r"\D", "", surface)
            assert not said_digits(surface), surface
        else:
            held = said_digits(surface)
        assert value["digits"] == held, (surface, value["digits"])


def test_digits_match_the_canonical_value(items):
    for _, value in all_values(items):
        canonical, digits = value["canonical"], value["digits"]
        if value["kind"] in ("card", "us_ssn", "iban", "ip_address"):
            if ":" not in canonical:
                assert digits == re.sub(r"\D", "", canonical), canonical
        elif value["kind"] == "phone":
            number = phonenumbers.parse(canonical)
            assert phonenumbers.national_significant_number(number) in digits, canonical
        elif value["kind"] == "street_address":
            assert digits == re.sub(r"\D", "", canonical), canonical
        elif value["kind"] == "person_name":
            assert digits == ""


def test_spoken_sentences_hold_no_digit_characters(items):
    for item in items:
        if item["form"] == "spoken":
            assert not re.search(r"\d", item["text"]), item["text"]


def test_context_is_the_sentence_without_its_values(items):
    for item in items:
        assert item["context"] == without_values(item["text"], item["values"]), item["id"]
        if not item["values"]:
            assert item["context"] == item["text"]


def test_digit_counts_add_up(items):
    for item in items:
        surfaces = sum(digit_count(v["surface"]) for v in item["values"])
        assert digit_count(item["text"]) == digit_count(item["context"]) + surfaces, item["id"]
        for value in item["values"]:
            assert bool(value["digits"]) == (digit_count(value["surface"]) > 0), value


def test_words_stand_in_the_sentence_and_not_in_the_context(items):
    for item, value in all_values(items):
        for word in value["words"]:
            assert len(word) >= 2 and word.lower() not in NOT_WORDS, (word, value)
            assert word.upper() not in ENGLISH_STATE_CODES, word
            assert not re.fullmatch(r"\d+", word), word
            assert has_word(word, value["surface"]), (word, value["surface"])
            assert has_word(word, item["text"]), (word, item["text"])
            assert not has_word(word, item["context"]), (word, item["context"])


def test_words_cover_names_emails_and_addresses(items):
    for _, value in all_values(items):
        if value["kind"] in ("person_name", "email", "street_address"):
            assert value["words"], value


def test_values_follow_the_template(items):
    slot = re.compile(r"\{(\w+)\}")
    for item in items:
        kinds = [k for k in slot.findall(item["template"]) if k in KINDS]
        assert kinds == [v["kind"] for v in item["values"]], item["id"]


def test_split_is_stable_by_template(items):
    by_template = defaultdict(set)
    for item in items:
        first = hashlib.sha256(item["template"].encode()).digest()[0]
        assert item["split"] == ("heldout" if first < 128 else "dev")
        by_template[item["template"]].add(item["split"])
    assert all(len(splits) == 1 for splits in by_template.values())


def test_both_halves_hold_every_kind_typed_and_spoken(items):
    seen = {(item["split"], item["form"], value["kind"]) for item, value in all_values(items)}
    negatives = {(item["split"], item["form"]) for item in items if not item["values"]}
    for split in ("dev", "heldout"):
        for form in ("typed", "spoken"):
            assert (split, form) in negatives
            for kind in KINDS:
                assert (split, form, kind) in seen, (split, form, kind)


def test_many_templates_each_filled_twice(items):
    fills = Counter(item["template"] for item in items)
    data = {item["template"] for item in items if item["values"]}
    negatives = {item["template"] for item in items if not item["values"]}
    assert len(data) >= 120 and len(negatives) >= 80
    assert min(fills.values()) >= 2


def test_variety_of_regions_countries_and_issuers(items):
    regions = {phonenumbers.region_code_for_number(phonenumbers.parse(v["canonical"]))
               for _, v in all_values(items) if v["kind"] == "phone"}
    countries = {v["canonical"][:2] for _, v in all_values(items) if v["kind"] == "iban"}
    versions = {ipaddress.ip_address(v["canonical"]).version
                for _, v in all_values(items) if v["kind"] == "ip_address"}
    names = {w for _, v in all_values(items) if v["kind"] == "person_name" for w in v["words"]}
    assert len(regions) >= 15 and len(countries) >= 12 and versions == {4, 6}
    assert len(names) >= 150

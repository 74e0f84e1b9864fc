"""Integrity of blind set six: the file is reproducible and every label is exact and valid.

These tests read tests/governance/pii_blind6.jsonl and load its generator by file path (so the
heavy appliance.benchmark package is never imported). They never run the masker.
"""

import hashlib
import importlib.util
import ipaddress
import json
import re
from collections import Counter
from pathlib import Path

import phonenumbers
import pytest
from stdnum import iban as stdnum_iban
from stdnum import luhn
from stdnum.us import ssn as stdnum_ssn

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[2]
GENERATOR = ROOT / "appliance" / "benchmark" / "pii_blind6.py"
DATA = ROOT / "tests" / "governance" / "pii_blind6.jsonl"

KINDS = {"card", "us_ssn", "phone", "email", "iban", "ip_address", "street_address",
         "person_name"}
ITEM_KEYS = ["text", "form", "split", "source", "template", "context", "values", "id"]
VALUE_KEYS = ["kind", "surface", "canonical", "digits", "words"]
NUMERIC_KINDS = {"card", "us_ssn", "phone", "iban", "ip_address", "street_address"}
WORDY_KINDS = {"person_name", "email", "street_address"}
GENERIC = {"street", "st", "road", "rd", "avenue", "ave", "lane", "close", "drive", "way",
           "court", "place", "crescent", "terrace", "apartment", "apt", "flat", "unit", "house",
           "dot", "com", "co", "uk", "org", "net", "at", "dash", "underscore", "the", "and", "of",
           "rue", "calle", "via", "rua", "ul", "city", "county", "state"}
ENGLISH_STATE_CODES = {"or", "in", "oh", "me", "hi", "ok", "id", "ma", "pa", "al", "la", "de",
                       "on", "mo", "mi"}
CARD_PREFIXES = ("4", "51", "52", "53", "54", "55", "22", "23", "24", "25", "26", "27", "34",
                 "37", "6011", "65", "35", "36")

# The scorer's rules, restated here so the labels are checked against what it will do.
NUMBER_WORDS = re.compile(
    r"\b(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|hundred)\b", re.IGNORECASE)


def digit_count(text):
    return sum(ch.isdigit() for ch in text) + len(NUMBER_WORDS.findall(text))


def has_word(word, text):
    spelled = r"\s".join(re.escape(ch) for ch in word)
    pattern = rf"(?<![\w]){re.escape(word)}(?![\w])"
    if len(word) >= 3:
        pattern += rf"|(?<![\w]){spelled}(?![\w])"
    return re.search(pattern, text, re.IGNORECASE) is not None


# An independent reading of spoken numbers, by the labelling rule.
UNITS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine".split())} | {"oh": "0", "nought": "0"}
TEENS = {w: str(10 + i) for i, w in enumerate(
    "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split())}
TENS = {w: str(2 + i) for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split())}


def said_digits(text):
    words = re.findall(r"[a-z]+", text.lower())
    out = ""
    skip = False
    for i, word in enumerate(words):
        if skip:
            skip = False
            continue
        following = words[i + 1] if i + 1 < len(words) else None
        if word in ("double", "triple") and following in UNITS:
            out += UNITS[following] * (2 if word == "double" else 3)
            skip = True
        elif word in TENS:
            if following in UNITS and UNITS[following] != "0":
                out += TENS[word] + UNITS[following]
                skip = True
            else:
                out += TENS[word] + "0"
        elif word in UNITS:
            out += UNITS[word]
        elif word in TEENS:
            out += TEENS[word]
        elif word == "hundred":
            out += "00"
        elif word == "thousand":
            out += "000"
    return out


def only_digits(text):
    return re.sub(r"\D", "", text)


@pytest.fixture(scope="module")
def generator():
    spec = importlib.util.spec_from_file_location("pii_blind6_generator", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def items():
    return [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def values(items):
    return [(item, value) for item in items for value in item["values"]]


def test_file_is_exactly_what_the_generator_writes(generator):
    assert generator.DATA_FILE == DATA
    assert generator.SOURCE == "blind6"
    assert set(generator.KINDS) == KINDS
    assert DATA.read_text(encoding="utf-8") == generator.render(generator.build())


def test_schema(items):
    for item in items:
        assert list(item) == ITEM_KEYS, item["id"]
        assert item["form"] in ("typed", "spoken")
        assert item["split"] in ("dev", "heldout")
        assert item["source"] == "blind6"
        for value in item["values"]:
            assert list(value) == VALUE_KEYS, item["id"]
            assert value["kind"] in KINDS
            assert isinstance(value["words"], list)
            assert re.fullmatch(r"\d*", value["digits"]), item["id"]
            assert all(isinstance(word, str) for word in value["words"])


def test_ids_are_unique_and_in_order(items):
    assert [item["id"] for item in items] == [f"blind6-{i:04d}" for i in range(len(items))]
    assert len({item["text"] for item in items}) == len(items)


def test_sizes_and_balance(items):
    positives = [item for item in items if item["values"]]
    negatives = [item for item in items if not item["values"]]
    assert 650 <= len(items) <= 750
    assert 400 <= len(positives) <= 460
    assert 230 <= len(negatives) <= 280
    typed = sum(item["form"] == "typed" for item in positives)
    assert 0.4 <= typed / len(positives) <= 0.6
    assert {item["form"] for item in negatives} == {"typed", "spoken"}


def test_template_counts(items):
    data = Counter(item["template"] for item in items if item["values"])
    negative = Counter(item["template"] for item in items if not item["values"])
    assert len(data) >= 120
    assert len(negative) >= 80
    assert set(data.values()) == {2}
    assert not set(data) & set(negative)


def test_split_is_fixed_by_the_template_hash(items):
    for item in items:
        first = hashlib.sha256(item["template"].encode()).digest()[0]
        assert item["split"] == ("heldout" if first < 128 else "dev"), item["id"]


def test_every_kind_in_both_halves_and_both_forms(items):
    seen = {(item["split"], item["form"], value["kind"])
            for item in items for value in item["values"]}
    for split in ("dev", "heldout"):
        for form in ("typed", "spoken"):
            for kind in KINDS:
                assert (split, form, kind) in seen, (split, form, kind)
    negatives = {(item["split"], item["form"]) for item in items if not item["values"]}
    assert negatives == {(s, f) for s in ("dev", "heldout") for f in ("typed", "spoken")}


def test_context_is_the_text_with_each_surface_blanked(items):
    placeholder = re.compile(r"\{(" + "|".join(KINDS) + r")\}")
    for item in items:
        context = item["text"]
        for value in item["values"]:
            assert item["text"].count(value["surface"]) == 1, (item["id"], value["surface"])
            assert value["surface"] == value["surface"].strip()
            context = context.replace(value["surface"], " ")
        assert item["context"] == context, item["id"]
        if item["values"]:
            assert placeholder.sub(" ", item["template"]) == item["context"], item["id"]
            kinds = placeholder.findall(item["template"])
            assert kinds == [value["kind"] for value in item["values"]], item["id"]
        else:
            assert not placeholder.search(item["template"]), item["id"]


def test_spoken_sentences_hold_no_digits_and_typed_values_no_number_words(items):
    for item in items:
        if item["form"] == "spoken":
            assert not re.search(r"\d", item["text"]), item["id"]
        else:
            for value in item["values"]:
                assert not NUMBER_WORDS.search(value["surface"]), (item["id"], value)


def test_digits_are_read_from_the_surface(values):
    for item, value in values:
        if item["form"] == "typed":
            expected = only_digits(value["surface"])
        else:
            expected = said_digits(value["surface"])
        assert value["digits"] == expected, (item["id"], value)
        if value["kind"] in NUMERIC_KINDS:
            assert value["digits"], (item["id"], value)
        if value["kind"] == "person_name":
            assert value["digits"] == "", (item["id"], value)


def test_context_loses_every_digit_of_every_value(items):
    for item in items:
        surfaces = sum(digit_count(value["surface"]) for value in item["values"])
        assert digit_count(item["text"]) == digit_count(item["context"]) + surfaces, item["id"]
        for value in item["values"]:
            if value["digits"]:
                assert digit_count(value["surface"]) > 0, (item["id"], value)


def test_words_stand_in_the_sentence_and_not_in_the_context(values):
    for item, value in values:
        if value["kind"] in WORDY_KINDS:
            assert value["words"], (item["id"], value)
        for word in value["words"]:
            assert len(word) >= 2 and not word.isdigit(), (item["id"], word)
            assert word.lower() not in GENERIC, (item["id"], word)
            assert word.lower() not in ENGLISH_STATE_CODES, (item["id"], word)
            assert has_word(word, value["surface"]), (item["id"], word)
            assert has_word(word, item["text"]), (item["id"], word)
            assert not has_word(word, item["context"]), (item["id"], word)


def _letters(text):
    return re.sub(r"[\W\d_]", "", text.casefold())


def test_cards_pass_luhn_with_a_real_issuer_prefix(values):
    for item, value in values:
        if value["kind"] == "card":
            number = value["canonical"]
            assert number.isdigit() and 13 <= len(number) <= 19, item["id"]
            assert luhn.is_valid(number), item["id"]
            assert number.startswith(CARD_PREFIXES), item["id"]
            assert value["digits"] == number, item["id"]


def test_ssns_are_valid(values):
    for item, value in values:
        if value["kind"] == "us_ssn":
            assert re.fullmatch(r"\d{3}-\d{2}-\d{4}", value["canonical"]), item["id"]
            assert stdnum_ssn.is_valid(value["canonical"]), item["id"]
            assert value["digits"] == only_digits(value["canonical"]), item["id"]


def test_phones_are_valid(values):
    for item, value in values:
        if value["kind"] == "phone":
            number = phonenumbers.parse(value["canonical"])
            assert phonenumbers.is_valid_number(number), item["id"]
            e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
            assert value["canonical"] == e164, item["id"]
            national = phonenumbers.national_significant_number(number)
            assert value["digits"].endswith(national), item["id"]
            assert len(value["digits"]) - len(national) <= 4, item["id"]


def test_ibans_are_valid(values):
    for item, value in values:
        if value["kind"] == "iban":
            assert stdnum_iban.is_valid(value["canonical"]), item["id"]
            assert value["canonical"] == value["canonical"].upper().replace(" ", "")
            assert value["digits"] == only_digits(value["canonical"]), item["id"]
            for word in value["words"]:
                assert word.upper() == value["canonical"][4:8], item["id"]


def test_ip_addresses_are_valid(values):
    for item, value in values:
        if value["kind"] == "ip_address":
            address = ipaddress.ip_address(value["canonical"])
            assert str(address) == value["canonical"], item["id"]
            assert value["digits"] == only_digits(value["canonical"]), item["id"]
            if item["form"] == "typed":
                assert value["surface"] == value["canonical"], item["id"]


def test_emails_are_well_formed(values):
    shape = re.compile(r"[a-z0-9._-]+@[a-z0-9-]+(\.[a-z0-9-]+)+")
    for item, value in values:
        if value["kind"] == "email":
            canonical = value["canonical"]
            assert shape.fullmatch(canonical), item["id"]
            assert value["digits"] == only_digits(canonical), item["id"]
            if item["form"] == "typed":
                assert value["surface"].lower().replace(" at ", "@") == canonical, item["id"]
            for word in value["words"]:
                assert _letters(word) in _letters(canonical), (item["id"], word)


def test_addresses_and_names_agree_with_their_canonical_form(values):
    for item, value in values:
        if value["kind"] == "street_address":
            assert value["digits"] == only_digits(value["canonical"]), item["id"]
        if value["kind"] in ("street_address", "person_name"):
            for word in value["words"]:
                assert _letters(word) in _letters(value["canonical"]), (item["id"], word)


def test_names_and_places_are_varied(generator, values):
    assert len(generator.all_given_names()) >= 150
    assert len(generator.all_surnames()) >= 150
    assert len(generator.ADDRESS_BUILDERS) >= 12
    names = {value["canonical"] for _, value in values if value["kind"] == "person_name"}
    addresses = {value["canonical"] for _, value in values if value["kind"] == "street_address"}
    assert len(names) >= 250
    assert len(addresses) >= 90
    assert any("-" in name for name in names)
    assert any(re.match(r"[A-Z]\.", name) for name in names)

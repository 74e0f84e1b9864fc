"""Blind set 4 is intact: the stored file is what its generator writes, every value is real
in form and labelled exactly, and the split is stable. Reads the file only; never masks."""

import hashlib
import importlib.util
import ipaddress
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import phonenumbers
import pytest
from stdnum import iban, luhn
from stdnum.us import ssn

pytestmark = pytest.mark.unit


def _load_generator():
    """The generator loaded from its file alone: the benchmark package's __init__ pulls in
    the whole pipeline (seconds), which these file checks do not need."""
    path = Path(__file__).resolve().parents[2] / "appliance" / "benchmark" / "pii_blind4.py"
    spec = importlib.util.spec_from_file_location("_pii_blind4_standalone", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while building
    spec.loader.exec_module(module)
    return module


pii_blind4 = _load_generator()

TEXT = pii_blind4.DATA_FILE.read_text(encoding="utf-8")
ITEMS = [json.loads(line) for line in TEXT.splitlines()]
POSITIVES = [item for item in ITEMS if item["values"]]
NEGATIVES = [item for item in ITEMS if not item["values"]]
VALUES = [(item, value) for item in ITEMS for value in item["values"]]
ITEM_KEYS = ["text", "form", "split", "source", "template", "context", "values", "id"]
VALUE_KEYS = ["kind", "surface", "canonical", "digits", "words"]
GENERIC = {"street", "road", "avenue", "drive", "lane", "way", "court", "place", "dot", "com",
           "org", "net", "at", "apartment", "apt", "flat", "unit", "rue", "calle", "via", "the",
           "county", "co", "de", "da", "van", "al", "number", "floor", "house", "plot", "block"}
STATE_WORDS = {"or", "in", "oh", "me", "ok", "hi", "id", "la", "ma", "pa", "al", "de", "co"}

ONES = "zero one two three four five six seven eight nine".split()
TEENS = ("ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen "
         "nineteen").split()
TENS = dict(zip("twenty thirty forty fifty sixty seventy eighty ninety".split(), range(2, 10),
                strict=True))
ZEROS = {"oh", "zero", "nought"}


def said_digits(text: str) -> str:
    """Digits of a spoken surface, read independently of the generator's own reader."""
    tokens = re.findall(r"[a-z]+|[,.;:]", text.lower())
    out, i = "", 0
    while i < len(tokens):
        token, nxt = tokens[i], tokens[i + 1] if i + 1 < len(tokens) else ""
        if token in ZEROS:
            out += "0"
        elif token in ONES[1:]:
            out += str(ONES.index(token))
        elif token in TEENS:
            out += str(10 + TEENS.index(token))
        elif token in TENS:
            if nxt in ONES[1:]:
                out += f"{TENS[token]}{ONES.index(nxt)}"
                i += 1
            else:
                out += f"{TENS[token]}0"
        elif token in ("double", "triple") and (nxt in ZEROS or nxt in ONES):
            out += ("0" if nxt in ZEROS else str(ONES.index(nxt))) * (2 if token == "double" else 3)
            i += 1
        elif token == "hundred":
            out += "00"
        elif token == "thousand":
            out += "000"
        i += 1
    return out


def has_word(word: str, text: str) -> bool:
    """The scorer's rule: a whole token, or (3+ letters) spelled with single spaces."""
    pattern = rf"(?<![\w]){re.escape(word)}(?![\w])"
    if len(word) >= 3:
        pattern += r"|(?<![\w])" + r"\s".join(re.escape(ch) for ch in word) + r"(?![\w])"
    return re.search(pattern, text, re.IGNORECASE) is not None


def test_file_is_what_the_generator_writes():
    assert pii_blind4.render() == TEXT


def test_module_constants():
    assert pii_blind4.SOURCE == "blind4"
    assert pii_blind4.DATA_FILE.name == "pii_blind4.jsonl"
    assert set(pii_blind4.KINDS) == {"card", "us_ssn", "phone", "email", "iban", "ip_address",
                                     "street_address", "person_name"}


def test_schema_is_exact():
    for item in ITEMS:
        assert list(item) == ITEM_KEYS
        assert item["form"] in ("typed", "spoken")
        assert item["split"] in ("dev", "heldout")
        assert item["source"] == "blind4"
        for value in item["values"]:
            assert list(value) == VALUE_KEYS
            assert value["kind"] in pii_blind4.KINDS
            assert isinstance(value["words"], list)
            assert value["digits"] == "" or value["digits"].isdigit()


def test_ids_are_unique_and_in_order():
    assert [item["id"] for item in ITEMS] == [f"blind4-{i:04d}" for i in range(len(ITEMS))]
    assert len({item["text"] for item in ITEMS}) == len(ITEMS)


def test_size_and_balance():
    assert 650 <= len(ITEMS) <= 750
    assert 400 <= len(POSITIVES) <= 460
    assert 230 <= len(NEGATIVES) <= 270
    forms = Counter(item["form"] for item in POSITIVES)
    assert abs(forms["typed"] - forms["spoken"]) <= 0.1 * len(POSITIVES)
    assert {item["form"] for item in NEGATIVES} == {"typed", "spoken"}


def test_enough_templates_each_filled_twice():
    fills = Counter(item["template"] for item in POSITIVES)
    assert len(fills) >= 120
    assert set(fills.values()) == {2}
    assert len({item["template"] for item in NEGATIVES}) >= 80


def test_context_and_template_rebuild_the_sentence():
    for item in ITEMS:
        parts = re.split(r"\{(\w+)\}", item["template"])
        literals, kinds = parts[0::2], parts[1::2]
        assert kinds == [value["kind"] for value in item["values"]], item["id"]
        assert not any("{" in part or "}" in part for part in literals)
        surfaces = [value["surface"] for value in item["values"]]
        text = literals[0] + "".join(s + lit for s, lit in zip(surfaces, literals[1:], strict=True))
        context = literals[0] + "".join(" " + lit for lit in literals[1:])
        assert text == item["text"], item["id"]
        assert context == item["context"], item["id"]


def test_context_is_text_with_each_surface_replaced_by_a_space():
    for item in POSITIVES:
        rest, context = item["text"], ""
        for value in item["values"]:
            head, sep, rest = rest.partition(value["surface"])
            assert sep, item["id"]
            context += head + " "
        assert context + rest == item["context"], item["id"]


def test_spoken_sentences_hold_no_digit():
    for item in ITEMS:
        if item["form"] == "spoken":
            assert not re.search(r"\d", item["text"]), item["id"]


def test_digits_are_what_the_surface_holds():
    for item, value in VALUES:
        surface = value["surface"]
        held = re.sub(r"\D", "", surface) if item["form"] == "typed" else said_digits(surface)
        assert held == value["digits"], (item["id"], surface)


def test_every_value_can_be_seen_leaking():
    for item, value in VALUES:
        assert value["digits"] or value["words"], (item["id"], value["surface"])
        if value["kind"] in ("card", "us_ssn", "phone", "iban", "ip_address"):
            assert value["digits"], item["id"]
        if value["kind"] in ("person_name", "email"):
            assert value["words"], item["id"]


def test_words_stand_in_the_sentence_and_not_in_the_context():
    for item, value in VALUES:
        for word in value["words"]:
            assert has_word(word, value["surface"]), (item["id"], word)
            assert has_word(word, item["text"]), (item["id"], word)
            assert not has_word(word, item["context"]), (item["id"], word)


def test_words_are_never_generic():
    for item, value in VALUES:
        for word in value["words"]:
            assert len(word) >= 2 and not word.isdigit(), (item["id"], word)
            assert word.lower() not in GENERIC, (item["id"], word)
            if value["kind"] == "street_address":
                assert word.lower() not in STATE_WORDS, (item["id"], word)


def test_cards_pass_luhn():
    for item, value in VALUES:
        if value["kind"] == "card":
            number = value["canonical"]
            assert number.isdigit() and 13 <= len(number) <= 19, item["id"]
            assert luhn.is_valid(number), item["id"]
            assert value["digits"] == number, item["id"]


def test_ibans_are_valid():
    for item, value in VALUES:
        if value["kind"] == "iban":
            assert iban.is_valid(value["canonical"]), item["id"]
            assert value["canonical"] == iban.compact(value["canonical"])
            assert value["digits"] == re.sub(r"\D", "", value["canonical"]), item["id"]
            for word in value["words"]:
                assert word in value["canonical"][4:], item["id"]


def test_ssns_are_valid():
    for item, value in VALUES:
        if value["kind"] == "us_ssn":
            assert ssn.is_valid(value["canonical"]), item["id"]
            assert value["digits"] == value["canonical"].replace("-", ""), item["id"]


def test_phones_are_valid():
    for item, value in VALUES:
        if value["kind"] == "phone":
            number = phonenumbers.parse(value["canonical"])
            assert phonenumbers.is_valid_number(number), item["id"]
            assert value["canonical"] == phonenumbers.format_number(
                number, phonenumbers.PhoneNumberFormat.E164)
            national = phonenumbers.national_significant_number(number)
            assert value["digits"].endswith(national), item["id"]


def test_ip_addresses_are_valid():
    for item, value in VALUES:
        if value["kind"] == "ip_address":
            address = ipaddress.ip_address(value["canonical"])
            assert str(address) == value["canonical"], item["id"]
            assert value["digits"] == re.sub(r"\D", "", value["canonical"]), item["id"]


def test_names_emails_and_addresses_agree_with_their_canonical_form():
    for item, value in VALUES:
        tokens = {t.lower() for t in re.findall(r"\w+", value["canonical"])}
        if value["kind"] == "email":
            assert re.fullmatch(r"[a-z0-9._+\-]+@[a-z0-9\-]+(\.[a-z0-9\-]+)+",
                                value["canonical"]), item["id"]
        if value["kind"] in ("email", "street_address"):
            assert value["digits"] == re.sub(r"\D", "", value["canonical"]), item["id"]
        for word in value["words"]:
            if value["kind"] == "email":
                assert word.lower() in value["canonical"], (item["id"], word)
            if value["kind"] == "person_name":
                folded = {pii_blind4.fold(t) for t in tokens}
                assert word.lower() in tokens | folded, (item["id"], word)


def test_split_is_stable_by_template_hash():
    for item in ITEMS:
        first = hashlib.sha256(item["template"].encode()).digest()[0]
        assert item["split"] == ("heldout" if first < 128 else "dev"), item["id"]
    splits = defaultdict(set)
    for item in ITEMS:
        splits[item["template"]].add(item["split"])
    assert all(len(s) == 1 for s in splits.values())


def test_both_halves_hold_every_kind_typed_and_spoken():
    seen = {(item["split"], item["form"], value["kind"]) for item, value in VALUES}
    for split in ("dev", "heldout"):
        for form in ("typed", "spoken"):
            for kind in pii_blind4.KINDS:
                assert (split, form, kind) in seen, (split, form, kind)
            assert any(i["split"] == split and i["form"] == form for i in NEGATIVES)


def test_negatives_hold_nothing_personal():
    for item in NEGATIVES:
        assert item["context"] == item["text"] == item["template"], item["id"]

"""Integrity of blind sets 8 to 10: the files, their labels and splits. Never runs the masker."""

import hashlib
import importlib.util
import ipaddress
import json
import re
from collections import Counter
from pathlib import Path

import phonenumbers
import pytest
from stdnum import iban, luhn
from stdnum.us import ssn

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[2]
# Each set: its generator's list of phone regions, and how many data templates it has at least.
SETS = {"blind8": ("PHONE_PREFIXES", 300), "blind9": ("PHONE_REGIONS", 290),
        "blind10": ("PHONE_REGIONS", 290)}

KINDS = {"card", "us_ssn", "phone", "email", "iban", "ip_address", "street_address",
         "person_name"}
ITEM_KEYS = ["text", "form", "split", "source", "template", "context", "values", "id"]
VALUE_KEYS = ["kind", "surface", "canonical", "digits", "words"]
GENERIC = {"street", "st", "road", "rd", "lane", "avenue", "ave", "drive", "way", "close",
           "dot", "com", "at", "apartment", "apt", "flat", "unit", "house", "co", "uk", "net",
           "underscore", "dash", "plus", "van", "de", "der", "la", "bin", "al", "el", "rue",
           "via", "calle", "rua", "ul", "ku", "the", "and", "of", "box", "po", "gate", "mail",
           "org", "sch", "ac", "lgh", "int", "bis", "bus", "bte", "lot"}
WORDY_ABBREVIATIONS = {"or", "in", "oh", "me", "on", "hi", "ok", "id", "al", "la", "ma", "pa",
                       "de", "co", "md", "am", "as", "so", "be", "do"}
NUMBER_WORDS = re.compile(
    r"\b(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|hundred)\b", re.IGNORECASE)

SAID = {"zero": "0", "oh": "0", "nought": "0", "one": "1", "two": "2", "three": "3",
        "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
        "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14",
        "fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18",
        "nineteen": "19", "hundred": "00", "thousand": "000"}
TENS = {"twenty": "2", "thirty": "3", "forty": "4", "fifty": "5", "sixty": "6", "seventy": "7",
        "eighty": "8", "ninety": "9"}


def said_digits(text: str) -> str:
    """Digits in spoken words, by the set's rules, written apart from the generator's."""
    words = re.findall(r"[a-z]+", text.lower())
    out = ""
    repeat = 1
    for i, word in enumerate(words):
        before = words[i - 1] if i else ""
        if word in ("double", "triple"):
            repeat = 2 if word == "double" else 3
            continue
        if word in TENS:
            out += TENS[word]
            after = words[i + 1] if i + 1 < len(words) else ""
            if not (after in SAID and len(SAID[after]) == 1 and SAID[after] != "0"):
                out += "0"
        elif word in SAID:
            if before in TENS and len(SAID[word]) == 1 and SAID[word] != "0":
                out += SAID[word]
            else:
                out += SAID[word] * repeat
        repeat = 1
    return out


def has_word(word: str, text: str) -> bool:
    spelled = r"\s".join(re.escape(ch) for ch in word)
    pattern = rf"(?<![\w]){re.escape(word)}(?![\w])"
    if len(word) >= 3:
        pattern += rf"|(?<![\w]){spelled}(?![\w])"
    return re.search(pattern, text, re.IGNORECASE) is not None


def digit_count(text: str) -> int:
    return sum(ch.isdigit() for ch in text) + len(NUMBER_WORDS.findall(text))


@pytest.fixture(scope="module", params=sorted(SETS))
def source(request) -> str:
    return request.param


def generator_path(source: str) -> Path:
    return ROOT / "appliance" / "benchmark" / f"pii_{source}.py"


def data_path(source: str) -> Path:
    return ROOT / "tests" / "governance" / f"pii_{source}.jsonl"


def load_generator(source: str):
    spec = importlib.util.spec_from_file_location(f"pii_{source}_generator",
                                                  generator_path(source))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def items(source) -> list[dict]:
    return [json.loads(line)
            for line in data_path(source).read_text(encoding="utf-8").splitlines()]


def data_values(items):
    return [(item, value) for item in items for value in item["values"]]


def test_file_is_what_the_generator_writes(items, source):
    generator = load_generator(source)
    assert generator.DATA_FILE == data_path(source)
    assert generator.SOURCE == source
    assert set(generator.KINDS) == KINDS
    assert data_path(source).read_text(encoding="utf-8") == generator.render(
        generator.build_items())


def test_generator_lists_are_rich_enough(source):
    generator = load_generator(source)
    phones, templates = SETS[source]
    assert len(set(generator.GIVEN_NAMES)) >= 150
    assert len(set(generator.SURNAMES)) >= 150
    assert len(set(generator.WORD_GIVEN)) >= 20
    assert len(generator.ADDRESS_BUILDERS) >= 15
    assert len(getattr(generator, phones)) >= 20
    assert len(generator.TYPED_TEMPLATES) + len(generator.SPOKEN_TEMPLATES) >= templates
    assert len(generator.TYPED_NEGATIVES) + len(generator.SPOKEN_NEGATIVES) >= 70


def test_schema_and_ids(items, source):
    for item in items:
        assert list(item) == ITEM_KEYS
        assert item["form"] in ("typed", "spoken")
        assert item["split"] in ("dev", "heldout")
        assert item["source"] == source
        for value in item["values"]:
            assert list(value) == VALUE_KEYS
            assert value["kind"] in KINDS
            assert isinstance(value["digits"], str) and isinstance(value["words"], list)
    ids = [item["id"] for item in items]
    assert len(set(ids)) == len(ids)
    assert ids == [f"{source}-{i:04d}" for i in range(len(items))]
    assert len({item["text"] for item in items}) == len(items)


def test_sizes_and_balance(items, source):
    assert 700 <= len(items) <= 800
    data = [item for item in items if item["values"]]
    negatives = [item for item in items if not item["values"]]
    assert 0.75 <= len(data) / len(items) <= 0.85
    assert 130 <= len(negatives) <= 180
    for group in (data, negatives):
        typed = sum(item["form"] == "typed" for item in group)
        assert 0.4 <= typed / len(group) <= 0.6
    per_template = Counter(item["template"] for item in data)
    assert len(per_template) >= SETS[source][1]
    assert set(per_template.values()) == {2}


def test_values_are_real(items):
    for item, value in data_values(items):
        kind, canonical, digits = value["kind"], value["canonical"], value["digits"]
        if kind == "card":
            assert luhn.is_valid(canonical) and digits == canonical, item["text"]
        elif kind == "iban":
            assert iban.is_valid(canonical) and digits == re.sub(r"\D", "", canonical)
        elif kind == "us_ssn":
            assert ssn.is_valid(canonical) and digits == re.sub(r"\D", "", canonical)
        elif kind == "phone":
            number = phonenumbers.parse(canonical)
            assert phonenumbers.is_valid_number(number), canonical
            extension = number.extension or ""
            assert digits.endswith(str(number.national_number) + extension), item["text"]
        elif kind == "ip_address":
            address = ipaddress.ip_address(canonical)
            assert str(address) == canonical
            assert digits == re.sub(r"\D", "", canonical)
        elif kind == "email":
            assert re.fullmatch(r"[a-z0-9._+-]+@[a-z0-9-]+(\.[a-z0-9-]+)+", canonical)
            assert digits == re.sub(r"\D", "", canonical.split("@")[0])
        elif kind == "street_address":
            assert digits and digits == re.sub(r"\D", "", canonical), item["text"]
        else:
            assert digits == "" and value["words"], item["text"]


def test_digits_really_occur_in_the_surface(items):
    for item, value in data_values(items):
        surface = value["surface"]
        assert surface in item["text"]
        if item["form"] == "typed":
            assert re.sub(r"\D", "", surface) == value["digits"], item["text"]
        else:
            assert said_digits(surface) == value["digits"], (surface, value["digits"])


def test_spoken_items_hold_no_digit_characters(items):
    for item in items:
        if item["form"] == "spoken":
            assert not re.search(r"\d", item["text"]), item["text"]


def test_words_are_in_the_sentence_and_not_in_the_context(items):
    for item, value in data_values(items):
        for word in value["words"]:
            assert len(word) >= 2, (item["text"], word)
            assert word.casefold() not in GENERIC, (item["text"], word)
            assert word.casefold() not in WORDY_ABBREVIATIONS, (item["text"], word)
            assert has_word(word, item["text"]), (item["text"], word)
            assert not has_word(word, item["context"]), (item["text"], word)


def test_context_is_the_sentence_without_the_values(items):
    for item in items:
        out, pos = [], 0
        for value in item["values"]:
            at = item["text"].index(value["surface"], pos)
            out.append(item["text"][pos:at] + " ")
            pos = at + len(value["surface"])
        assert "".join(out) + item["text"][pos:] == item["context"], item["text"]
        surfaces = sum(digit_count(v["surface"]) for v in item["values"])
        assert digit_count(item["text"]) == digit_count(item["context"]) + surfaces


def test_template_is_the_frame_of_the_sentence(items):
    for item in items:
        if not item["values"]:
            assert item["template"] == item["text"] == item["context"]
            continue
        slots = re.findall(r"\{(\w+)\}", item["template"])
        assert slots == [value["kind"] for value in item["values"]], item["text"]
        assert re.sub(r"\{\w+\}", " ", item["template"]) == item["context"]


def test_split_is_stable_and_both_halves_hold_everything(items):
    seen = set()
    for item in items:
        first = hashlib.sha256(item["template"].encode()).digest()[0]
        assert item["split"] == ("heldout" if first < 128 else "dev")
        for value in item["values"]:
            seen.add((item["split"], item["form"], value["kind"]))
        if not item["values"]:
            seen.add((item["split"], item["form"], "negative"))
    for split in ("dev", "heldout"):
        for form in ("typed", "spoken"):
            for kind in KINDS | {"negative"}:
                assert (split, form, kind) in seen, (split, form, kind)

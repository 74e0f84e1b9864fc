"""A second blind personal-data set, by another author, in the situations people really talk in.

Why it exists: a masker measured only on sentences its own team wrote, or on one outside
set, ends up tuned to those phrasings. This set was written by an author who never saw the
masker, its word lists, or the other labelled sets, so it measures the masker on phrasings
nobody tuned it on. Its `heldout` half should only ever be measured; its `dev` half adds
more varied material for tuning.

`python -m appliance.benchmark.pii_blind2` writes `tests/governance/pii_blind2.jsonl`,
seeded and deterministic, in the schema of the other sets: `text`, `form`, `split`,
`source` ("blind2"), `template`, `context` (the sentence with each value replaced by one
space), `values` (per value its `kind`, `surface`, `canonical`, `digits`, `words`) and `id`.

The sentences are situations rather than slot patterns: calling the bank, a pharmacy refill,
a delivery driver, a hotel check-in, a job application, a school form, an insurance claim,
smart-home setup, dictating a contact card, people correcting themselves, values said
first, several values in a row, rambling with fillers, chat in lower case, ALL CAPS.

- "typed" sentences write numbers as digits: what people type and what Whisper writes
  (odd groupings, "4,808,845,216,000,939", "at" left as a word, capitalised names).
- "spoken" sentences hold no digit characters: numbers one by one, in pairs, with "double",
  "triple", "oh", "nought", "hundred" and "thousand"; letters spelled out, sometimes in
  the NATO alphabet after the word itself ("Okafor, O as in oscar, k a f o r").

Values are valid: Luhn card numbers of eight brands and four lengths, US SSNs, IBANs of
eighteen countries in their own BBAN format (with the French and Italian national keys
too), phone numbers of twenty regions that `phonenumbers` accepts, private and public IPv4
and a few IPv6 addresses, street addresses of nine countries and PO boxes, and names of
many cultures and genders (with nicknames and titles).

`digits` are the digits the value says, spoken number words included. `words` are the
tokens that must not survive masking (names, e-mail local parts and domain names, street,
building, suburb and town names, full state names, postcode tokens with letters, IBAN
country codes and bank letters), kept only where they occur in the sentence as the bench
looks for them: whole, or spelled letter by letter. Generic words (street, flat, at, dot,
com ...) and NATO words are never listed.

Hard negatives hold no personal data: order, tracking, booking, policy, claim, membership
and flight numbers with their cue words, prices, quantities, times, scores, maths, room
and gate numbers, a card's last four digits alone (only a full number is a card), famous
people and fictional characters, places in questions, streets without a house number,
businesses ("call Pizza Hut", "text Vodafone": a business is not a person, its name not
personal data), and everyday words that are also names (will, grace, bill, sue, rob).

The split is 50 % `heldout`, 50 % `dev` by a hash of the template, so every fill of a
template falls on the same side.
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import random
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import phonenumbers
from stdnum import iban as stdiban
from stdnum import luhn, numdb
from stdnum.us import ssn as stdssn

DATA_FILE = Path(__file__).resolve().parents[2] / "tests" / "governance" / "pii_blind2.jsonl"
SEED = 4127
FILLS = 2
SOURCE = "blind2"
KINDS = ("card", "us_ssn", "phone", "email", "iban", "ip_address", "street_address",
         "person_name")
_PLACEHOLDER = re.compile(r"\{(\w+)((?::\w+)*)\}")

# --- saying numbers and letters -------------------------------------------------------------

_ONES = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen")
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth",
             7: "seventh", 8: "eighth", 9: "ninth", 10: "tenth", 11: "eleventh", 12: "twelfth",
             14: "fourteenth", 16: "sixteenth", 18: "eighteenth"}
_ZEROS = ("oh", "oh", "zero", "nought")
_NUMBER_WORD = re.compile("(?:" + "|".join(_ONES + _TEENS + _TENS[2:] + (
    "oh", "nought", "hundred", "thousand")) + ")$")
_NATO = dict(zip("abcdefghijklmnopqrstuvwxyz", (
    "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india",
    "juliet", "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra",
    "tango", "uniform", "victor", "whiskey", "x-ray", "yankee", "zulu"), strict=True))


def _cardinal(n: int) -> str:
    """`n` below 10 000 in words, British style: 1205 is "one thousand two hundred and five"."""
    if n < 10:
        return _ONES[n]
    if n < 20:
        return _TEENS[n - 10]
    if n < 100:
        return _TENS[n // 10] + (f" {_ONES[n % 10]}" if n % 10 else "")
    if n < 1000:
        head, rest = f"{_ONES[n // 100]} hundred", n % 100
    else:
        head, rest = f"{_cardinal(n // 1000)} thousand", n % 1000
    if not rest:
        return head
    return f"{head} and {_cardinal(rest)}" if rest < 100 else f"{head} {_cardinal(rest)}"


def _pair(two: str, zero: str) -> str:
    """Two digits as one number, as people group them: "41" forty one, "07" oh seven."""
    if two[0] == "0":
        return f"{zero} {zero if two[1] == '0' else _ONES[int(two[1])]}"
    return _cardinal(int(two))


def _one_by_one(digits: str, zero: str, doubles: bool) -> str:
    """Digit by digit; with `doubles`, repeated digits as "double four", "triple oh"."""
    words = []
    for run in re.finditer(r"(\d)\1*", digits):
        word = zero if run.group(1) == "0" else _ONES[int(run.group(1))]
        left = len(run.group())
        while left:
            if doubles and left == 3:
                words.append(f"triple {word}")
                left = 0
            elif doubles and left >= 2:
                words.append(f"double {word}")
                left -= 2
            else:
                words.append(word)
                left -= 1
    return " ".join(words)


def _in_pairs(group: str, zero: str) -> str:
    """A group said as numbers: "4100" forty one hundred, "2005" two thousand and five."""
    if len(group) in (3, 4) and group[0] != "0" and (group[1:] == "0" * (len(group) - 1)
                                                     or len(group) == 4 and group[1:3] == "00"):
        return _cardinal(int(group))
    if len(group) == 4 and group[0] != "0" and group[2:] == "00":
        return f"{_cardinal(int(group[:2]))} hundred"
    words = []
    if len(group) % 2:
        words.append(_one_by_one(group[0], zero, False))
        group = group[1:]
    words += [_pair(group[i:i + 2], zero) for i in range(0, len(group), 2)]
    return " ".join(words)


def _say_group(group: str, style: str, zero: str) -> str:
    """One group of digits in one of the ways people read numbers out."""
    if style == "pairs" and len(group) > 1:
        return _in_pairs(group, zero)
    return _one_by_one(group, zero, style == "doubles")


def _say_groups(groups: list[str], rng: random.Random) -> str:
    """Groups of digits as one person reads them: one zero word and one habit for all."""
    zero = rng.choice(_ZEROS)
    style = rng.choice(("single", "doubles", "pairs", "mixed"))
    said = [_say_group(g, rng.choice(("single", "doubles", "pairs")) if style == "mixed"
                       else style, zero) for g in groups]
    return rng.choice((", ", " ", ", ", "... ")).join(said)


def _say_house(n: int, rng: random.Random) -> str:
    """A house or box number the ways people say it: 1234 twelve thirty four, 507 five oh seven."""
    if n < 100 or rng.random() < 0.3:
        return _cardinal(n).replace(" and ", rng.choice((" and ", " ")))
    return _in_pairs(str(n), "oh")


def _spell(word: str) -> str:
    """Letter by letter, as people spell a name or a code."""
    return " ".join(word)


def _say_code(code: str, rng: random.Random) -> str:
    """A postcode or reference said aloud: letters spelled, digits one by one ("L S six")."""
    zero = rng.choice(("oh", "zero"))
    parts = []
    for part in code.split():
        runs = re.findall(r"[A-Za-z]+|\d+", part)
        parts.append(" ".join(_one_by_one(r, zero, False) if r.isdigit() else _spell(r)
                              for r in runs))
    return rng.choice((", ", " ")).join(parts)


def _nato(word: str, rng: random.Random) -> str:
    """The word, then its first letter in the NATO alphabet and the rest spelled."""
    how = rng.choice(("as in", "for", "like"))
    return f"{word}, {word[0].upper()} {how} {_NATO[word[0].lower()]}, {_spell(word[1:].lower())}"


# --- one sentence being filled ---------------------------------------------------------------

@dataclass
class _Slot:
    """What every value maker of one sentence shares: the dice, the form and the people."""

    rng: random.Random
    spoken: bool
    people: dict[str, tuple] = field(default_factory=dict)


_GENERIC = {
    "street", "st", "road", "rd", "avenue", "ave", "lane", "ln", "drive", "dr", "court", "ct",
    "way", "place", "pl", "boulevard", "blvd", "terrace", "ter", "close", "crescent", "grove",
    "gardens", "apartment", "apartments", "apt", "flat", "unit", "suite", "floor", "box", "po",
    "north", "south", "western", "new", "cross", "rue", "des", "de", "la", "van", "der", "al",
    "dot", "at", "com", "dash", "underscore", "hyphen", "plus", "and", "the", "number", "mr",
    "ms", "mrs", "miss", "doctor", "mister", "missus", "internet", "hospital", "hotel",
    "primary", "dental",
}


def _occurs(word: str, text: str) -> bool:
    """Whether `word` is in `text`, whole or spelled out letter by letter.

    Stricter than the bench, which also finds "britt" in "b r i t t a n y": a spelled
    word counts here only as a whole run of single letters, so `words` never lists a
    token nobody said.
    """
    if re.search(rf"(?<![\w]){re.escape(word)}(?![\w])", text, re.IGNORECASE):
        return True
    runs = re.finditer(r"(?<!\w)\w(?:\s\w)+(?!\w)", text)
    return len(word) >= 3 and any(r.group()[::2].lower() == word.lower() for r in runs)


def _value(kind: str, surface: str, canonical: str, digits: str | None,
           candidates: list[str]) -> dict:
    """A labelled value; `words` keeps the candidates that really occur in its surface."""
    words: list[str] = []
    for word in candidates:
        if (len(word) >= 2 and word.lower() not in _GENERIC and word not in words
                and _occurs(word, surface)):
            words.append(word)
    if digits is None:
        digits = "".join(ch for ch in surface if ch.isdigit())
    return {"kind": kind, "surface": surface, "canonical": canonical, "digits": digits,
            "words": words}


# --- cards, SSNs -----------------------------------------------------------------------------

# brand: (prefixes, lengths, grouping)
_CARD_BRANDS = {
    "visa": (("4",), (16, 16, 16, 13), None),
    "mc": (("51", "52", "53", "54", "55", "2221", "2400", "2720"), (16,), None),
    "amex": (("34", "37"), (15,), (4, 6, 5)),
    "discover": (("6011", "65", "644"), (16,), None),
    "diners": (("36", "300", "305"), (14,), (4, 6, 4)),
    "jcb": (("3528", "3566", "3589"), (16,), None),
    "unionpay": (("62",), (16, 19), None),
    "maestro": (("6759", "5018", "5038", "6761"), (16, 18, 19), None),
}


def _card_number(brand: str, rng: random.Random) -> tuple[str, tuple[int, ...]]:
    """A Luhn-valid number of `brand` and the way it is printed in groups."""
    prefixes, lengths, grouping = _CARD_BRANDS[brand]
    prefix, length = rng.choice(prefixes), rng.choice(lengths)
    body = prefix + "".join(rng.choice("0123456789") for _ in range(length - len(prefix) - 1))
    number = body + luhn.calc_check_digit(body)
    if grouping is None:
        grouping = (4,) * (length // 4) + ((length % 4,) if length % 4 else ())
    return number, grouping


def _grouped(number: str, sizes: tuple[int, ...]) -> list[str]:
    """`number` cut into groups of `sizes`."""
    groups, cursor = [], 0
    for size in sizes:
        groups.append(number[cursor:cursor + size])
        cursor += size
    return groups


def _odd_groups(number: str, rng: random.Random) -> list[str]:
    """Groups of 2 to 5 digits at random, as Whisper splits a number read with pauses."""
    groups, cursor = [], 0
    while cursor < len(number):
        size = rng.randint(2, 5)
        groups.append(number[cursor:cursor + size])
        cursor += size
    return groups


def _thousands(number: str) -> str:
    """Digits with commas every three from the right, as Whisper writes a long number."""
    head = len(number) % 3 or 3
    return ",".join([number[:head]] + [number[i:i + 3] for i in range(head, len(number), 3)])


def _typed_number(number: str, groups: list[str], style: str, rng: random.Random) -> str:
    """A long number written down: grouped, dashed, run together, Whisper's commas or odd cuts."""
    if style == "commas":
        return _thousands(number)
    if style == "compact":
        return number
    if style == "dashes":
        return "-".join(groups)
    if style == "odd":
        return rng.choice((" ", "-", ", ")).join(_odd_groups(number, rng))
    return " ".join(groups)


def _card(slot: _Slot, opts: tuple[str, ...]) -> dict:
    rng = slot.rng
    brand = next((o for o in opts if o in _CARD_BRANDS),
                 rng.choice(("visa", "visa", "visa", "mc", "mc", "amex", "discover", "diners",
                             "jcb", "unionpay", "maestro")))
    number, sizes = _card_number(brand, rng)
    groups = _grouped(number, sizes)
    if slot.spoken:
        return _value("card", _say_groups(groups, rng), number, number, [])
    style = next((o for o in opts if o in ("commas", "compact", "dashes", "odd", "spaced")),
                 rng.choice(("spaced", "spaced", "spaced", "compact", "dashes", "commas", "odd")))
    return _value("card", _typed_number(number, groups, style, rng), number, None, [])


def _ssn_number(rng: random.Random) -> str:
    """A US SSN that `python-stdnum` accepts (no 000, 666 or 9xx area, no zero group)."""
    while True:
        number = f"{rng.randint(1, 899):03d}{rng.randint(1, 99):02d}{rng.randint(1, 9999):04d}"
        if stdssn.is_valid(number):
            return number


def _ssn(slot: _Slot, opts: tuple[str, ...]) -> dict:
    rng = slot.rng
    number = _ssn_number(slot.rng)
    canonical = stdssn.format(number)
    groups = [number[:3], number[3:5], number[5:]]
    if slot.spoken:
        return _value("us_ssn", _say_groups(groups, rng), canonical, number, [])
    if "whisper" in opts:
        surface = rng.choice((f"{number[:3]}-{number[3:6]}-{number[6:]}",
                              f"{number[:3]} {number[3:5]} {number[5:7]} {number[7:]}",
                              f"{number[:3]}, {number[3:5]}, {number[5:]}", _thousands(number)))
    else:
        surface = rng.choice((canonical, canonical, " ".join(groups), number))
    return _value("us_ssn", surface, canonical, None, [])


# --- phones ----------------------------------------------------------------------------------

# region: starts of national significant numbers people there have (mobiles and main towns)
_PHONE_STARTS = {
    "US": ("212", "415", "312", "617", "206", "305", "512", "720", "404", "503", "702", "919"),
    "CA": ("416", "604", "514", "403", "613", "902"),
    "GB": ("74", "75", "77", "78", "79", "20", "161", "113", "117", "131", "141", "1223"),
    "IE": ("83", "85", "86", "87", "89", "1", "21", "91", "61"),
    "DE": ("151", "152", "160", "170", "171", "176", "30", "89", "40", "221"),
    "FR": ("6", "7", "1", "4", "5"),
    "ES": ("6", "91", "93", "96"),
    "IT": ("320", "333", "347", "380", "02", "06"),
    "NL": ("6", "20", "10", "30"),
    "IN": ("98", "99", "97", "90", "70", "11", "22", "80"),
    "AU": ("4", "2", "3", "7", "8"),
    "NZ": ("21", "22", "27", "9", "4", "3"),
    "ZA": ("82", "83", "72", "71", "21", "11"),
    "NG": ("803", "806", "813", "703", "905", "1"),
    "KE": ("7", "1", "20"),
    "BR": ("119", "219", "319", "113"),
    "MX": ("55", "33", "81"),
    "JP": ("90", "80", "70", "3", "6"),
    "SG": ("8", "9", "6"),
    "PH": ("917", "918", "998", "2"),
}
_LOCAL_REGIONS = ("US", "US", "GB", "GB", "IE", "CA", "AU", "IN")


_PERSONAL_LINES = (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE,
                   phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE)


def _phone_number(region: str, rng: random.Random) -> phonenumbers.PhoneNumber:
    """A mobile or home number of `region` that `phonenumbers` says is valid there.

    Lengths stay near those of the region's example numbers: a valid but unusual length
    (a 13-digit German line) is not what people give out.
    """
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
    usual = [len(phonenumbers.national_significant_number(
        phonenumbers.example_number_for_type(region, kind))) for kind in _PERSONAL_LINES[:2]]
    lengths = [n for n in metadata.general_desc.possible_length
               if min(usual) - 1 <= n <= max(usual) + 1]
    while True:
        start = rng.choice(_PHONE_STARTS[region])
        length = rng.choice(lengths)
        if length <= len(start):
            continue
        nsn = start + "".join(rng.choice("0123456789") for _ in range(length - len(start)))
        number = phonenumbers.parse(f"+{metadata.country_code}{nsn}")
        if (phonenumbers.is_valid_number(number)
                and phonenumbers.region_code_for_number(number) == region
                and phonenumbers.number_type(number) in _PERSONAL_LINES):
            return number


def _phone_groups(written: str) -> list[str]:
    """The digit groups of a formatted number, long ones cut in threes as people read them."""
    groups = []
    for group in re.findall(r"\d+", written):
        while len(group) > 4:
            groups.append(group[:3])
            group = group[3:]
        groups.append(group)
    return groups


def _phone(slot: _Slot, opts: tuple[str, ...]) -> dict:
    rng = slot.rng
    region = next((o for o in opts if o in _PHONE_STARTS),
                  rng.choice(_LOCAL_REGIONS + tuple(_PHONE_STARTS)))
    number = _phone_number(region, rng)
    canonical = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    style = next((o for o in opts if o in ("intl", "national", "e164", "odd")),
                 rng.choice(("intl", "national", "national", "e164", "odd")))
    if style == "national" or (style == "odd" and rng.random() < 0.5):
        written = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    else:
        written = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    digits = "".join(ch for ch in written if ch.isdigit())
    if slot.spoken:
        groups = _phone_groups(written)
        said = _say_groups(groups[1:] if written.startswith("+") else groups, rng)
        if written.startswith("+"):
            code = groups[0]
            code = _one_by_one(code, "oh", False) if len(code) > 2 or rng.random() < 0.5 \
                else _cardinal(int(code))
            said = f"plus {code}{rng.choice((', ', ' '))}{said}"
        return _value("phone", said, canonical, digits, [])
    if style == "e164":
        written = canonical
    elif style == "odd":
        written = ("+" if written.startswith("+") else "") + rng.choice(("-", " ", ", ")).join(
            _odd_groups(digits, rng))
    return _value("phone", written, canonical, None, [])


# --- people, names, e-mail -------------------------------------------------------------------

# first, last, gender (f, m, x for either or not said), nickname
_PEOPLE = (
    ("Aoife", "Byrne", "f", ""), ("Siobhán", "Kavanagh", "f", ""), ("Cian", "Doherty", "m", ""),
    ("Niamh", "Gallagher", "f", ""), ("Oisín", "Flanagan", "m", ""),
    ("Gemma", "Whitfield", "f", ""), ("Callum", "Pritchard", "m", "Cal"),
    ("Rhys", "Llewellyn", "m", ""), ("Eilidh", "MacLeod", "f", ""),
    ("Tyrone", "Jefferson", "m", "Ty"), ("Brittany", "Kowalczyk", "f", "Britt"),
    ("DeShawn", "Carter", "m", ""), ("Maria", "Delgado", "f", ""), ("Kevin", "Nguyen", "m", ""),
    ("Hannah", "Goldberg", "f", ""), ("Oluwaseun", "Adeyemi", "m", "Seun"),
    ("Chiamaka", "Okafor", "f", "Chi"), ("Emeka", "Nwosu", "m", ""),
    ("Folake", "Adebayo", "f", "Fola"), ("Wanjiru", "Kamau", "f", "Wanji"),
    ("Otieno", "Ochieng", "m", ""), ("Akinyi", "Odhiambo", "f", ""), ("Thabo", "Nkosi", "m", ""),
    ("Zanele", "Dlamini", "f", ""), ("Pieter", "van der Merwe", "m", "Piet"),
    ("Priya", "Raghunathan", "f", ""), ("Arjun", "Mehta", "m", ""),
    ("Lakshmi", "Venkatesan", "f", ""), ("Rohan", "Kapoor", "m", ""), ("Ananya", "Iyer", "f", ""),
    ("Harpreet", "Gill", "x", ""), ("Mei", "Chen", "f", ""), ("Wei", "Zhang", "m", ""),
    ("Hiroshi", "Tanaka", "m", ""), ("Yuki", "Sato", "x", ""), ("Min-jun", "Park", "m", ""),
    ("Seo-yeon", "Kim", "f", ""), ("Linh", "Tran", "f", ""), ("Bao", "Pham", "m", ""),
    ("Maricel", "Santos", "f", ""), ("Jericho", "Dela Cruz", "m", "Jek"),
    ("José Luis", "Hernández", "m", "Pepe"), ("Ana Sofía", "Ramírez", "f", ""),
    ("Alejandro", "Gutiérrez", "m", "Alex"), ("Lucía", "Fernández", "f", ""),
    ("João", "Pereira", "m", ""), ("Thiago", "Carvalho", "m", ""),
    ("Fernanda", "Lima", "f", "Nanda"), ("Giulia", "Romano", "f", ""),
    ("Matteo", "Bianchi", "m", ""), ("Lukas", "Schneider", "m", ""), ("Katrin", "Müller", "f", ""),
    ("Jürgen", "Hoffmann", "m", ""), ("Camille", "Lefèvre", "x", ""),
    ("Étienne", "Moreau", "m", ""), ("Małgorzata", "Kowalska", "f", "Gosia"),
    ("Tomasz", "Wiśniewski", "m", "Tomek"), ("Fatima", "Al-Sayed", "f", ""),
    ("Mohammed", "Haddad", "m", "Mo"), ("Youssef", "Benali", "m", ""),
    ("Layla", "Mansour", "f", ""), ("Elif", "Demir", "f", ""), ("Dmitri", "Volkov", "m", "Dima"),
    ("Olga", "Petrova", "f", ""), ("Ingrid", "Johansson", "f", ""), ("Lars", "Eriksen", "m", ""),
    ("Aroha", "Ngata", "f", ""), ("Mikaere", "Tipene", "m", "Mike"),
    ("Kwame", "Mensah", "m", ""), ("Abena", "Owusu", "f", ""), ("Avi", "Rosenthal", "m", ""),
    ("Sam", "Okoro", "x", ""), ("Jordan", "Reyes", "x", ""), ("Robin", "Achterberg", "x", ""),
    ("Elizabeth", "Warwick", "f", "Liz"), ("Robert", "Okonkwo", "m", "Bobby"),
    ("David", "Abramowitz", "m", "Dave"), ("Jessica", "Tremblay", "f", "Jess"),
    ("Ignacio", "Ferrer", "m", "Nacho"), ("Alexandra", "Volkova", "f", "Sasha"),
    ("Grace", "Mwangi", "f", ""), ("Patrick", "O'Sullivan", "m", "Paddy"),
    ("Margaret", "Thornton", "f", "Peggy"), ("Nikhil", "Bhattacharya", "m", "Nik"),
    ("Aisha", "Bello", "f", ""), ("Tariq", "Rahman", "m", ""), ("Noor", "Hussain", "f", ""),
    ("Leilani", "Kahananui", "f", ""), ("Connor", "McAllister", "m", ""),
    ("Sinéad", "Ní Bhriain", "f", ""),
)
_NAME_FIELDS = ("first", "last", "full", "titled")
_PARTICLES = {"van", "der", "de", "la", "del", "da", "al", "bin", "ní", "von"}
_TITLES = {"f": ("Ms", "Mrs", "Ms.", "Mrs.", "Miss"), "m": ("Mr", "Mr.")}
_SPOKEN_TITLES = {"f": ("miss", "missus"), "m": ("mister",)}


def _plain(name: str) -> bool:
    """A name that can be spelled letter by letter: ASCII letters only."""
    return name.isascii() and name.isalpha()


def _fits(person: tuple, needs: set[str]) -> bool:
    """Whether `person` meets what the sentence asks of them (gender, nickname, spellable)."""
    first, last, gender, nick = person
    return (("f" not in needs or gender == "f") and ("m" not in needs or gender == "m")
            and ("titled" not in needs or gender in "fm")
            and ("nick" not in needs or bool(nick))
            and ("spell" not in needs or (_plain(first) and _plain(last))))


def _cast(template: str, rng: random.Random) -> dict[str, tuple]:
    """The people of a sentence: person "a", and "b" where a placeholder says so."""
    needs: dict[str, set[str]] = {}
    for match in _PLACEHOLDER.finditer(template):
        name, opts = match.group(1), set(match.group(2).split(":")[1:])
        if name in _NAME_FIELDS or name == "email":
            need = needs.setdefault("b" if "b" in opts else "a", set())
            need |= opts & {"f", "m", "nick"}
            if opts & {"spell", "nato"}:
                need.add("spell")
            if name == "titled" and "dr" not in opts:
                need.add("titled")
    people: dict[str, tuple] = {}
    for who, need in sorted(needs.items()):
        pool = [p for p in _PEOPLE if _fits(p, need) and p not in people.values()]
        people[who] = rng.choice(pool)
    return people


def _name_words(name: str) -> list[str]:
    """The tokens of a name that identify the person (not "van", "der", "Ní")."""
    return [w for w in name.split() if w.lower() not in _PARTICLES]


def _title(gender: str, doctor: bool, slot: _Slot) -> str:
    """A title the way it is written or said: Dr., Ms, mister."""
    if slot.spoken:
        return "doctor" if doctor else slot.rng.choice(_SPOKEN_TITLES[gender])
    return slot.rng.choice(("Dr.", "Dr")) if doctor else slot.rng.choice(_TITLES[gender])


def _person(slot: _Slot, which: str, opts: tuple[str, ...]) -> dict:
    first, last, gender, nick = slot.people["b" if "b" in opts else "a"]
    if "nick" in opts:
        first = nick
    name = {"first": first, "last": last}.get(which, f"{first} {last}")
    if which == "titled" and "full" not in opts:
        name = last
    surface = name
    if "spell" in opts:
        surface = f"{name}, {_spell(name.lower())}"
    elif "nato" in opts:
        surface = _nato(name, slot.rng)
    if which == "titled":
        surface = f"{_title(gender, 'dr' in opts, slot)} {surface}"
    return _value("person_name", surface, name, "", _name_words(name))


def _fold(name: str) -> str:
    """A name as it goes into an e-mail address: ASCII letters, lower case, no spaces."""
    name = name.lower().replace("ł", "l")
    name = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in name if "a" <= ch <= "z")


_HOME_DOMAINS = ("gmail.com", "gmail.com", "outlook.com", "hotmail.co.uk", "yahoo.com",
                 "icloud.com", "protonmail.com", "gmx.de", "btinternet.com", "eircom.net",
                 "bigpond.com", "xtra.co.nz", "mweb.co.za", "rediffmail.com", "yahoo.co.in",
                 "libero.it", "uol.com.br", "hotmail.fr", "laposte.net")
_WORK_DOMAINS = ("brightwaterdental.ie", "kestrelinsurance.co.uk", "harbourviewhotel.com",
                 "oakfieldprimary.org.uk", "northwind-traders.com", "mercyhospital.org",
                 "ridgeway-plumbing.com", "sunbirdtravel.co.za", "greenfieldvets.co.nz",
                 "tanakadesign.jp", "lakesidelogistics.ca", "wanjiku-law.co.ke")
_TLDS = {"com", "org", "net", "co", "uk", "ie", "de", "fr", "it", "in", "za", "nz", "br",
         "jp", "ca", "ke"}
_SAID_LABELS = {"gmx": "g m x", "uol": "u o l", "btinternet": "b t internet", "mweb": "m web"}


def _local_part(first: str, last: str, nick: str, rng: random.Random) -> str:
    """An address's local part in one of the shapes people choose for theirs."""
    year = str(rng.randint(1962, 2009))
    shapes = (f"{first}.{last}", f"{first}.{last}", f"{first}{last}", f"{first}_{last}",
              f"{first}-{last}", f"{first[0]}.{last}", f"{first[0]}{last}", f"{last}.{first}",
              f"{first}{rng.randint(1, 99)}", f"{first}.{last}{rng.randint(1, 99)}",
              f"{nick or first}{year}", f"{first}.{last}+{rng.choice(('shop', 'school'))}")
    return rng.choice(shapes)


def _say_local(local: str, opts: tuple[str, ...], rng: random.Random) -> str:
    """A local part read aloud: words or spelled letters, numbers, "dot", "underscore"."""
    said = []
    for token in re.findall(r"[a-z]+|\d+|[._+-]", local):
        if token.isdigit():
            said.append(_in_pairs(token, "oh") if rng.random() < 0.7
                        else _one_by_one(token, "oh", False))
        elif token.isalpha():
            spelled = len(token) == 1 or "spell" in opts or rng.random() < 0.15
            said.append(_spell(token) if spelled else token)
        elif token == "." and "drop" in opts:
            continue
        else:
            said.append({".": "dot", "_": "underscore", "+": "plus"}.get(
                token, rng.choice(("dash", "hyphen"))))
    return " ".join(said)


def _say_domain(domain: str) -> str:
    """A domain read aloud: "hotmail dot co dot uk", "northwind dash traders dot com"."""
    labels = [_SAID_LABELS.get(label, label.replace("-", " dash ")) for label in domain.split(".")]
    return " dot ".join(labels)


def _write_email(local: str, domain: str, first: str, last: str, whisper: bool,
                 rng: random.Random) -> str:
    """An address as typed, or as Whisper writes it ("John Smith at gmail.com")."""
    if not whisper:
        return f"{local}@{domain}"
    shapes = [f"{local} at {domain}", f"{local.capitalize()}@{domain}",
              f"{local} at {domain.replace('.', ' dot ')}"]
    if local == f"{first}.{last}":
        shapes.append(f"{first.capitalize()} {last.capitalize()} at {domain}")
    return rng.choice(shapes)


def _email(slot: _Slot, opts: tuple[str, ...]) -> dict:
    rng = slot.rng
    person_first, person_last, _, nick = slot.people["b" if "b" in opts else "a"]
    first, last, nick = _fold(person_first), _fold(person_last), _fold(nick)
    local = _local_part(first, last, nick, rng)
    domain = rng.choice(_WORK_DOMAINS if "work" in opts else _HOME_DOMAINS)
    canonical = f"{local}@{domain}"
    mailbox = local.split("+")[0]  # a "+shop" tag names no one
    candidates = [first, last, *re.split(r"[.-]", mailbox), *re.findall(r"[a-z]+", mailbox),
                  *(part for label in domain.split(".") if label not in _TLDS
                    for part in label.split("-"))]
    digits = "".join(ch for ch in local if ch.isdigit())
    if slot.spoken:
        surface = f"{_say_local(local, opts, rng)} at {_say_domain(domain)}"
        return _value("email", surface, canonical, digits, candidates)
    surface = _write_email(local, domain, first, last, "whisper" in opts, rng)
    return _value("email", surface, canonical, None, candidates)


# --- IBANs -----------------------------------------------------------------------------------

_IBAN_COUNTRIES = ("GB", "GB", "IE", "IE", "DE", "DE", "FR", "ES", "IT", "NL", "BE", "PT",
                   "AT", "CH", "PL", "SE", "DK", "NO", "FI", "LU", "GR")
_BANKS = {"GB": ("NWBK", "BARC", "LOYD", "HBUK", "MIDL", "NAIA", "ABBY", "RBOS", "CLYD"),
          "IE": ("AIBK", "BOFI", "IPBS", "ULSB"),
          "NL": ("ABNA", "INGB", "RABO", "SNSB", "TRIO", "KNAB", "BUNQ", "ASNB")}
_IT_ODD = (1, 0, 5, 7, 9, 13, 15, 17, 19, 21)


def _bban(country: str, rng: random.Random) -> str:
    """A BBAN in the country's registered format; bank letters from real banks' codes."""
    structure = numdb.get("iban").info(country)[0][1]["bban"]
    parts = []
    for size, sort in re.findall(r"(\d+)!([nac])", structure):
        size = int(size)
        if sort == "a" and size == 4 and country in _BANKS:
            parts.append(rng.choice(_BANKS[country]))
        elif sort == "a":
            parts.append("".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(size)))
        else:
            parts.append("".join(rng.choice("0123456789") for _ in range(size)))
    bban = "".join(parts)
    if country == "FR":  # the RIB key: 97 - (89 bank + 15 branch + 3 account) mod 97
        key = 97 - (89 * int(bban[:5]) + 15 * int(bban[5:10]) + 3 * int(bban[10:21])) % 97
        bban = f"{bban[:21]}{key:02d}"
    if country == "IT":  # the CIN letter over bank, branch and account digits
        total = sum(_IT_ODD[int(c)] if i % 2 == 0 else int(c) for i, c in enumerate(bban[1:]))
        bban = chr(65 + total % 26) + bban[1:]
    return bban


def _iban_number(country: str, rng: random.Random) -> str:
    """A valid IBAN: correct BBAN format, check digits, and national checks stdnum knows."""
    while True:
        bban = _bban(country, rng)
        number = country + stdiban.calc_check_digits(f"{country}00{bban}") + bban
        if stdiban.is_valid(number):
            return number


def _say_iban(number: str, rng: random.Random) -> str:
    """An IBAN read aloud in its groups of four: letters spelled, digits in words."""
    zero = rng.choice(_ZEROS)
    style = rng.choice(("single", "doubles", "pairs"))
    said = []
    for group in stdiban.format(number).split():
        runs = []
        for run in re.findall(r"[A-Z]+|\d+", group):
            if run.isdigit():
                runs.append(_say_group(run, style, zero))
            elif run in _BANKS.get(number[:2], ()) and rng.random() < 0.3:
                runs.append(f"{_spell(run)}, as in "
                            + " ".join(_NATO[ch.lower()] for ch in run))
            else:
                runs.append(_spell(run))
        said.append(" ".join(runs))
    return rng.choice((", ", " ")).join(said)


def _iban(slot: _Slot, opts: tuple[str, ...]) -> dict:
    rng = slot.rng
    country = next((o for o in opts if o in _BANKS or o in _IBAN_COUNTRIES),
                   rng.choice(_IBAN_COUNTRIES))
    number = _iban_number(country, rng)
    candidates = [number[:2], *re.findall(r"[A-Z]{2,}", number[4:])]
    digits = "".join(ch for ch in number if ch.isdigit())
    if slot.spoken:
        return _value("iban", _say_iban(number, rng), number, digits, candidates)
    if "compact" in opts:
        surface = number
    elif "whisper" in opts:
        grouped = stdiban.format(number)
        surface = rng.choice((f"{number[:2]} {number[2:4]} {grouped[5:]}",
                              f"{grouped[:4]} {number[4:]}", grouped.replace(" ", "-")))
    else:
        surface = rng.choice((stdiban.format(number), stdiban.format(number), number))
    return _value("iban", surface, number, None, candidates)


# --- IP addresses ----------------------------------------------------------------------------

def _ip_number(sort: str, rng: random.Random) -> str:
    """A private LAN address, a public one, or an IPv6 address of a home network."""
    if sort == "v6":
        prefix, free = rng.choice((("fe80::", 4), ("2a02:8084:", 6), ("2001:4860:", 6)))
        groups = [f"{rng.randint(0, 0xffff):x}" for _ in range(free)]
        return str(ipaddress.ip_address(prefix + ":".join(groups)))
    while True:
        if sort == "private":
            a, b = rng.choice(((192, 168), (10, rng.randint(0, 5)), (172, rng.randint(16, 31))))
        else:
            a, b = rng.choice((23, 31, 45, 62, 81, 86, 91, 104, 109, 145, 151, 185, 212, 217)), \
                rng.randint(0, 255)
        c = rng.choice((0, 1, 1, 2, 10, 50, 86, 178, rng.randint(0, 255)))
        address = ipaddress.ip_address(f"{a}.{b}.{c}.{rng.randint(1, 254)}")
        if address.is_private == (sort == "private") and (sort == "private" or address.is_global):
            return str(address)


def _say_octet(octet: str, style: str, zero: str) -> str:
    """One part of an address: "one ninety two", "one nine two", "one hundred and ninety two"."""
    n = int(octet)
    if style == "digits":
        return _one_by_one(octet, zero, False)
    if style == "cardinal" or n < 100:
        return zero if n == 0 else _cardinal(n)
    return _in_pairs(octet, zero)


def _ip(slot: _Slot, opts: tuple[str, ...]) -> dict:
    rng = slot.rng
    sort = next((o for o in opts if o in ("private", "public", "v6")),
                rng.choice(("private", "private", "public")))
    if slot.spoken and sort == "v6":
        raise ValueError("IPv6 addresses are only written")
    address = _ip_number(sort, rng)
    if not slot.spoken:
        return _value("ip_address", address, address, None, [])
    style = rng.choice(("digits", "natural", "natural", "cardinal"))
    zero = rng.choice(("oh", "zero"))
    dot = rng.choice((" dot ", " dot ", " point "))
    said = dot.join(_say_octet(o, style, zero) for o in address.split("."))
    return _value("ip_address", said, address, address.replace(".", ""), [])


# --- street addresses ------------------------------------------------------------------------

_US_STREETS = ("Maple", "Cedar Ridge", "Magnolia", "Sycamore", "Juniper", "Lakeshore",
               "Willowbrook", "Chestnut", "Dogwood", "Pinecrest", "Bluebonnet", "Hickory",
               "Wisteria", "Cottonwood")
_US_SUFFIXES = (("Street", "St"), ("Avenue", "Ave"), ("Road", "Rd"), ("Boulevard", "Blvd"),
                ("Drive", "Dr"), ("Lane", "Ln"), ("Court", "Ct"), ("Place", "Pl"),
                ("Terrace", "Ter"))
_US_TOWNS = (("Springfield", "IL", "Illinois", "627"), ("Boise", "ID", "Idaho", "837"),
             ("Tucson", "AZ", "Arizona", "857"), ("Sacramento", "CA", "California", "958"),
             ("Worcester", "MA", "Massachusetts", "016"), ("Savannah", "GA", "Georgia", "314"),
             ("Duluth", "MN", "Minnesota", "558"), ("Spokane", "WA", "Washington", "992"),
             ("Provo", "UT", "Utah", "846"), ("Tallahassee", "FL", "Florida", "323"),
             ("Asheville", "NC", "North Carolina", "288"), ("Knoxville", "TN", "Tennessee", "379"),
             ("Milwaukee", "WI", "Wisconsin", "532"), ("Lubbock", "TX", "Texas", "794"))
_UK_STREETS = (("Acacia", "Road"), ("Wellington", "Street"), ("Hawthorn", "Close"),
               ("Kingsley", "Avenue"), ("Blenheim", "Gardens"), ("Elmwood", "Crescent"),
               ("Thistle", "Grove"), ("Cranbrook", "Lane"), ("Ashgrove", "Terrace"),
               ("Albion", "Street"), ("Rosebery", "Place"), ("Mafeking", "Road"))
_UK_TOWNS = (("Leeds", "LS"), ("Manchester", "M"), ("Bristol", "BS"), ("Edinburgh", "EH"),
             ("Glasgow", "G"), ("Cardiff", "CF"), ("Birmingham", "B"), ("Newcastle", "NE"),
             ("Oxford", "OX"), ("Brighton", "BN"), ("Norwich", "NR"), ("Belfast", "BT"),
             ("Sheffield", "S"), ("Nottingham", "NG"))
_IE_STREETS = (("Rathgar", "Road"), ("Clontarf", "Road"), ("Griffith", "Avenue"),
               ("Oakley", "Park"), ("Sundrive", "Road"), ("Ballyhooly", "Road"),
               ("Newcastle", "Road"), ("Castletroy", "Heights"))
_IE_TOWNS = (("Dublin 6", "D06"), ("Dublin 8", "D08"), ("Dublin 9", "D09"), ("Cork", "T12"),
             ("Galway", "H91"), ("Limerick", "V94"), ("Waterford", "X91"), ("Sligo", "F91"),
             ("Kilkenny", "R95"))
_CA_STREETS = ("Sherbourne", "Dundas", "Robson", "Laurier", "Spadina", "Jasper")
_CA_TOWNS = (("Toronto", "ON", "Ontario", "M"), ("Vancouver", "BC", "British Columbia", "V"),
             ("Ottawa", "ON", "Ontario", "K"), ("Montreal", "QC", "Quebec", "H"),
             ("Calgary", "AB", "Alberta", "T"), ("Halifax", "NS", "Nova Scotia", "B"))
_AU_STREETS = ("Glenferrie", "Brunswick", "Wattle", "Coogee Bay", "Oxley", "Jacaranda")
_AU_TOWNS = (("Hawthorn", "VIC", "Victoria", "3122"), ("Fitzroy", "VIC", "Victoria", "3065"),
             ("Coogee", "NSW", "New South Wales", "2034"),
             ("Paddington", "QLD", "Queensland", "4064"),
             ("Fremantle", "WA", "Western Australia", "6160"),
             ("Glenelg", "SA", "South Australia", "5045"))
_NZ_PLACES = (("Karaka", "Ponsonby", "Auckland", "1011"), ("Riccarton", "Ilam", "Christchurch",
                                                             "8041"),
              ("Tinakori", "Thorndon", "Wellington", "6011"),
              ("Kamo", "Kensington", "Whangarei", "0112"))
_IN_PLACES = (("Sai Krupa", "Indiranagar", "Bengaluru", "560038"),
              ("Shanti Kunj", "Andheri", "Mumbai", "400053"),
              ("Lakshmi Nivas", "Adyar", "Chennai", "600020"),
              ("Green Meadows", "Kondapur", "Hyderabad", "500084"))
_DE_PLACES = (("Kastanienallee", "10435", "Berlin"), ("Sedanstraße", "50668", "Köln"),
              ("Lindenstraße", "20099", "Hamburg"), ("Türkenstraße", "80799", "München"))
_FR_PLACES = (("des Lilas", "75019", "Paris"), ("Paradis", "13006", "Marseille"),
              ("Sainte-Catherine", "33000", "Bordeaux"), ("Mercière", "69002", "Lyon"))
_POSTCODE_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
_EIRCODE_CHARS = "ACDEFHKNPRTVWXY0123456789"


def _code_words(code: str) -> list[str]:
    """Tokens of a written postcode that hold letters (LS6, 2AB, D06): they place the home."""
    return [token for token in code.split() if re.search(r"[A-Za-z]", token)]


def _unit(rng: random.Random) -> tuple[str, str]:
    """A flat, apartment, suite, unit or floor, written and said.

    Every part of an address is such a pair, both halves with the same digits, so a spoken
    address knows which digits it says.
    """
    n, letter = rng.randint(1, 24), rng.choice("ABCD")
    suite, floor = rng.choice((110, 210, 305, 1200)), rng.choice((2, 3, 4, 5, 12))
    return rng.choice((
        (f"Apt {n}{letter}", f"apartment {_cardinal(n)} {letter}"),
        (f"Apartment {n}", f"apartment {_cardinal(n)}"),
        (f"#{n}", f"number {_cardinal(n)}"),
        (f"Unit {n}", f"unit {_cardinal(n)}"),
        (f"Suite {suite}", f"suite {_say_house(suite, rng)}"),
        (f"{floor}{ {2: 'nd', 3: 'rd'}.get(floor, 'th')} Floor", f"{_ORDINALS[floor]} floor"),
    ))


def _house(rng: random.Random) -> int:
    """A house number: mostly small, sometimes in the thousands as in American suburbs."""
    return rng.choice((rng.randint(1, 99), rng.randint(1, 99), rng.randint(100, 999),
                       rng.randint(1000, 9999)))


def _us_address(rng: random.Random, short: bool) -> tuple[list[tuple[str, str]], list[str]]:
    street, (suffix, abbr) = rng.choice(_US_STREETS), rng.choice(_US_SUFFIXES)
    town, state, state_name, zip3 = rng.choice(_US_TOWNS)
    n = _house(rng)
    parts = [(f"{n} {street} {rng.choice((suffix, abbr))}",
                      f"{_say_house(n, rng)} {street} {suffix}")]
    words = [*street.split(), town, *state_name.split()]
    if short:
        return parts, words
    if rng.random() < 0.45:
        parts.append(_unit(rng))
    zip_code = zip3 + f"{rng.randint(1, 99):02d}"
    parts.append((town, town))
    parts.append((f"{rng.choice((state, state, state_name))} {zip_code}",
                          f"{state_name} {_one_by_one(zip_code, rng.choice(_ZEROS[:3]), False)}"))
    return parts, words


def _uk_postcode(area: str, rng: random.Random) -> str:
    inward = f"{rng.randint(0, 9)}{rng.choice(_POSTCODE_LETTERS)}{rng.choice(_POSTCODE_LETTERS)}"
    return f"{area}{rng.randint(1, 20)} {inward}"


def _uk_address(rng: random.Random, short: bool) -> tuple[list[tuple[str, str]], list[str]]:
    (street, suffix), (town, area) = rng.choice(_UK_STREETS), rng.choice(_UK_TOWNS)
    n = rng.randint(1, 250)
    parts = []
    if not short and rng.random() < 0.4:
        flat = rng.randint(1, 12)
        parts.append((f"Flat {flat}", f"flat {_cardinal(flat)}"))
    parts.append((f"{n} {street} {suffix}", f"{_say_house(n, rng)} {street} {suffix}"))
    postcode = _uk_postcode(area, rng)
    if not short:
        parts.append((town, town))
        parts.append((postcode, _say_code(postcode, rng)))
    return parts, [street, town, *_code_words(postcode)]


def _ie_address(rng: random.Random) -> tuple[list[tuple[str, str]], list[str]]:
    (street, suffix), (town, key) = rng.choice(_IE_STREETS), rng.choice(_IE_TOWNS)
    n = rng.randint(1, 180)
    code = key + " " + rng.choice(_EIRCODE_CHARS[:15]) + "".join(
        rng.choice(_EIRCODE_CHARS) for _ in range(3))
    town_said = re.sub(r"\d+", lambda m: _cardinal(int(m.group())), town)
    return ([(f"{n} {street} {suffix}", f"{_say_house(n, rng)} {street} {suffix}"),
             (town, town_said), (code, _say_code(code, rng))],
            [street, town.split()[0], *_code_words(code)])


def _ca_address(rng: random.Random) -> tuple[list[tuple[str, str]], list[str]]:
    street, (town, province, province_name, letter) = (rng.choice(_CA_STREETS),
                                                       rng.choice(_CA_TOWNS))
    n = _house(rng)
    code = (f"{letter}{rng.randint(1, 9)}{rng.choice(_POSTCODE_LETTERS)} "
            f"{rng.randint(1, 9)}{rng.choice(_POSTCODE_LETTERS)}{rng.randint(0, 9)}")
    return ([(f"{n} {street} Street", f"{_say_house(n, rng)} {street} Street"),
             (town, town), (f"{province} {code}", f"{province_name} {_say_code(code, rng)}")],
            [street, town, *province_name.split(), *_code_words(code)])


def _au_address(rng: random.Random) -> tuple[list[tuple[str, str]], list[str]]:
    street, (town, state, state_name, code) = rng.choice(_AU_STREETS), rng.choice(_AU_TOWNS)
    n, unit = rng.randint(1, 120), rng.randint(1, 12)
    suffix = rng.choice(("Road", "Street", "Grove"))
    house = rng.choice((
        (f"{unit}/{n} {street} {suffix}",
                 f"unit {_cardinal(unit)}, {_cardinal(n)} {street} {suffix}"),
        (f"Unit {unit}, {n} {street} {suffix}",
                 f"unit {_cardinal(unit)}, {_cardinal(n)} {street} {suffix}"),
        (f"{n} {street} {suffix}", f"{_cardinal(n)} {street} {suffix}")))
    return ([house, (f"{town} {state} {code}",
                             f"{town} {state_name} {_one_by_one(code, 'oh', False)}")],
            [*street.split(), town, *state_name.split()])


def _nz_address(rng: random.Random) -> tuple[list[tuple[str, str]], list[str]]:
    street, suburb, city, code = rng.choice(_NZ_PLACES)
    n = rng.randint(1, 140)
    return ([(f"{n} {street} Street", f"{_say_house(n, rng)} {street} Street"),
             (suburb, suburb),
             (f"{city} {code}", f"{city} {_one_by_one(code, 'oh', False)}")],
            [street, suburb, city])


def _in_address(rng: random.Random) -> tuple[list[tuple[str, str]], list[str]]:
    building, area, city, pin = rng.choice(_IN_PLACES)
    flat, cross = rng.randint(1, 9) * 100 + rng.randint(1, 12), rng.choice((1, 4, 6, 12, 14))
    ending = {1: "st", 2: "nd", 3: "rd"}.get(cross, "th")
    return ([(f"Flat {flat}", f"flat {_say_house(flat, rng)}"),
             (f"{building} Apartments", f"{building} apartments"),
             (f"{cross}{ending} Cross", f"{_ORDINALS[cross]} cross"),
             (area, area),
             (f"{city} {pin}", f"{city} {_say_groups([pin[:3], pin[3:]], rng)}")],
            [*building.split(), area, city])


def _de_address(rng: random.Random) -> tuple[list[tuple[str, str]], list[str]]:
    street, code, city = rng.choice(_DE_PLACES)
    n = rng.randint(1, 160)
    return ([(f"{street} {n}", f"{street} {_cardinal(n)}"),
             (f"{code} {city}", f"{_one_by_one(code, 'oh', False)} {city}")],
            [street, city])


def _fr_address(rng: random.Random) -> tuple[list[tuple[str, str]], list[str]]:
    street, code, city = rng.choice(_FR_PLACES)
    n = rng.randint(1, 90)
    return ([(f"{n} rue {street}", f"{_cardinal(n)} rue {street}"),
             (f"{code} {city}", f"{_one_by_one(code, 'oh', False)} {city}")],
            [*re.split(r"[\s-]", street), city])


def _po_box(rng: random.Random) -> tuple[list[tuple[str, str]], list[str]]:
    town, state, state_name, zip3 = rng.choice(_US_TOWNS)
    box, zip_code = rng.randint(12, 9800), zip3 + f"{rng.randint(1, 99):02d}"
    return ([(f"{rng.choice(('PO Box', 'P.O. Box'))} {box}",
                      f"{rng.choice(('P O box', 'post office box'))} {_say_house(box, rng)}"),
             (town, town),
             (f"{state} {zip_code}", f"{state_name} {_one_by_one(zip_code, 'oh', False)}")],
            [town, *state_name.split()])


def _join_said(parts: list[str], rng: random.Random) -> str:
    """Spoken parts of an address, with a pause (a comma) at least where two numbers meet.

    Run together, "... one hundred and forty" and "five oh six six eight" say another number.
    """
    joined = parts[0]
    for part in parts[1:]:
        meet = _NUMBER_WORD.match(joined.split()[-1]) and _NUMBER_WORD.match(part.split()[0])
        joined += (", " if meet else rng.choice((", ", " ", ", "))) + part
    return joined


_ADDRESS_MAKERS = {"US": _us_address, "UK": _uk_address}
_OTHER_ADDRESS_MAKERS = {"IE": _ie_address, "CA": _ca_address, "AU": _au_address,
                         "NZ": _nz_address, "IN": _in_address, "DE": _de_address,
                         "FR": _fr_address, "po": _po_box}
_COUNTRY_WEIGHTS = ("US", "US", "US", "UK", "UK", "UK", "IE", "IE", "CA", "AU", "NZ", "IN",
                    "DE", "FR")  # a PO box only where the sentence asks for a postal address


def _address(slot: _Slot, opts: tuple[str, ...]) -> dict:
    rng = slot.rng
    country = next((o for o in opts if o in _ADDRESS_MAKERS or o in _OTHER_ADDRESS_MAKERS),
                   rng.choice(_COUNTRY_WEIGHTS if "short" not in opts else ("US", "UK")))
    if country in _ADDRESS_MAKERS:
        parts, words = _ADDRESS_MAKERS[country](rng, "short" in opts)
    else:
        parts, words = _OTHER_ADDRESS_MAKERS[country](rng)
    typed = [t for t, _ in parts]
    canonical = ", ".join(typed)
    digits = "".join(ch for ch in canonical if ch.isdigit())
    if slot.spoken:
        return _value("street_address", _join_said([s for _, s in parts], rng), canonical,
                      digits, words)
    surface = rng.choice((", ", ", ", " ")).join(typed)
    return _value("street_address", surface, canonical, None, words)


# --- hard-negative fillers inside personal sentences -----------------------------------------

def _filler(name: str, slot: _Slot) -> str:
    """A reference, time or last-four that sits beside personal data but is not any."""
    rng, spoken = slot.rng, slot.spoken
    letters = "BCDFGHJKLMNPQRSTVWXZ"
    if name == "flight":
        code, number = rng.choice(("EI", "BA", "FR", "AA", "UA", "LH", "QF", "EK", "KQ")), \
            str(rng.randint(12, 1999))
        return (f"{_spell(code)} {_say_group(number, rng.choice(('single', 'pairs')), 'oh')}"
                if spoken else f"{code}{rng.choice(('', ' '))}{number}")
    if name == "booking":
        code = "".join(rng.choice(letters + "23456789") for _ in range(6))
        return _say_code(code, rng) if spoken else code
    if name in ("claim", "policy"):
        head, digits = ("CLM" if name == "claim" else "POL"), str(rng.randint(10 ** 5, 10 ** 7))
        return (f"{_spell(head)} {_say_group(digits, 'single', 'zero')}" if spoken
                else f"{head}-{rng.randint(18, 25)}-{digits}")
    if name == "time":
        return rng.choice(("seven thirty", "half six", "quarter to nine", "ten fifteen")
                          if spoken else ("7:30", "6pm", "8:45", "10.15"))
    if name == "order":
        digits, style = str(rng.randint(10 ** 6, 10 ** 9)), "single"
    elif name == "room":
        digits, style = str(rng.randint(101, 950)), "pairs"
    else:  # a card's last four digits
        digits, style = f"{rng.randint(0, 9999):04d}", "single"
    return _say_group(digits, style, "oh") if spoken else digits


_MAKERS = {"card": _card, "ssn": _ssn, "phone": _phone, "email": _email, "iban": _iban,
           "ip": _ip, "addr": _address}
_FILLERS = ("flight", "booking", "order", "last4", "room", "claim", "policy", "time")


# --- the sentences ---------------------------------------------------------------------------

TYPED = (
    # the bank, shops, subscriptions
    "Hi, I'm calling about a charge I don't recognise on my card, the number is {card}.",
    "card no {card} exp 09/27",
    "{card:visa} <- thats my card, the visa one",
    "Ok so it's a Mastercard, the long number is {card:mc}, and the name on it is {full}.",
    "PLEASE CHARGE THE DEPOSIT TO {card}",
    "My card number is {card:commas}.",
    "The card ending in {last4} got cancelled, so use {card} for the subscription instead.",
    "pay for the prescription refill with {card:compact} and text the receipt to {phone:US}",
    "Can you save {card:amex} as the default card for {full}?",
    "Uh, it's {card:odd}, sorry, I was reading it off the back.",
    "use the other one. {card:dashes}",
    "Booking {booking} at the harbour hotel, the card to hold the room is {card}.",
    "My debit card was stolen this morning, the number was {card}, please block it now.",
    "For the gym membership use my wife's card, {card}, she said it's fine.",
    "Room {room} is fine, just put it under {full} and charge {card}.",
    "{card:visa:commas}, that's the Visa. Expiry is March next year.",
    # social security
    "For the job application: SSN {ssn}, phone {phone:US}.",
    "My social security number is {ssn}.",
    "my social is {ssn} if they ask again",
    "{ssn} is the SSN on the W-2, not the one on the old form.",
    "THE SSN FOR THE TAX RETURN IS {ssn}",
    "Enroll my daughter {first:f} for the fall semester, her social is {ssn}.",
    "The insurance claim needs my social, {ssn}, and my address, {addr:US}.",
    "Social security, {ssn:whisper}.",
    "employee {full}, ssn {ssn}, start date monday",
    "Please put {ssn} in the box for the spouse's SSN.",
    "Claim {claim}: policyholder {full}, SSN {ssn}.",
    "my social security number is {ssn:whisper} i think, let me check the card",
    # phones
    "Text my flatmate {first} on {phone:GB} and say I'm running late.",
    "New contact: {full}, mobile {phone}, email {email}.",
    "The delivery driver can call me on {phone} when he's outside.",
    "Call the plumber {first:m} back on {phone}.",
    "my number changed, its {phone} now",
    "Guest {full}, phone {phone:intl}, arriving Friday around 10 pm.",
    "{phone}, that's the babysitter {first:f}, save her please.",
    "If anything happens, ring my husband {full:m} at {phone:US}.",
    "whats ur number again? mine's {phone}",
    "My mobile is {phone:odd}.",
    "Please ring me back at {phone:national}, I'm at work until 5.",
    "WhatsApp {first} at {phone:intl} and ask if the keys are under the mat.",
    "Leave the parcel with {full}, number {phone}.",
    "Flight {flight} lands at 7, the driver can reach me on {phone}.",
    "My number is {phone:IN:odd}, you can WhatsApp too.",
    "The physio, {titled:dr}, said to call {phone:AU:national} to rebook.",
    # e-mail
    "My email is {email}.",
    "Send the invoice to {email:work} please.",
    "share the photos with {first} ({email})",
    "cc {email:b} on that one too",
    "School trip form: parent {full}, email {email}, mobile {phone}.",
    "the login is {email} but i forgot the password",
    "EMAIL THE SIGNED LEASE TO {email}",
    "My email is {email:whisper}.",
    "Forward the quote to my accountant, {full:b}, {email:b}.",
    "Can you send the recipe to {email} and to {email:b}?",
    "Booking ref {booking}, guest name {full}, email {email}.",
    "Sorry, it's {email:whisper}, with the dot.",
    # IBANs
    "Please pay the deposit into my account, IBAN {iban}.",
    "My landlord's IBAN is {iban}, account name {full}.",
    "refund to {iban} pls",
    "From next month the salary goes to {iban:DE}.",
    "Transfer 200 euro to {full}, {iban}, reference rent March.",
    "IBAN: {iban:whisper}",
    "The IBAN on the invoice is {iban:compact}, can you check it's the same as last time?",
    "Set up a standing order of £450 to {iban:GB} on the 1st of every month.",
    "Pay the creche fees to {iban} before Friday.",
    "IBAN {iban:IE} name {full}",
    "The insurance payout should go to {iban:NL}, not the old account.",
    "new bank details for the rent: {iban:whisper}, account holder {full}",
    "Bank transfer please, IBAN {iban:FR}, BIC on the invoice.",
    "My IBAN is {iban}, the account is in my name, {full}.",
    "Refund the cancelled flights to {iban:ES}, name on the account {full}.",
    # IP addresses
    "The hallway camera is at {ip:private}, can you add it?",
    "set the printer IP to {ip:private}",
    "my NAS is on {ip:private} and the web page is on port 5000",
    "Someone keeps logging into my account from {ip:public}, block it.",
    "ping {ip}",
    "The router admin page is {ip:private}.",
    "Point the DNS record for my blog at {ip:public}.",
    "home assistant lives at {ip:private}:8123",
    "My IPv6 address is {ip:v6}, is that normal?",
    "The doorbell got a new IP, {ip:private}, after the power cut.",
    "Whitelist {ip:public} for the VPN please, that's my home connection.",
    "hey its {first} lol can u check why my laptop {ip:private} cant see the printer",
    "Both speakers dropped off, {ip:private} and {ip:private}, can you reconnect them?",
    "the game server my son runs is {ip:public}, is port 25565 open?",
    "Add {ip:v6} to the firewall allow list.",
    # addresses
    "Ship it to {addr}.",
    "My new address is {addr:US}.",
    "Delivery for {full}, {addr}. Leave it with the neighbour if no one's in.",
    "Book a taxi from {addr:UK} to the airport for 6.",
    "I moved!! new place is {addr}",
    "The water damage claim is for {addr}, policy {policy}.",
    "Send the replacement card to {addr:po}.",
    "Mailing address for the refund check is {addr:po}, not the house.",
    "Her address is {addr:IN}.",
    "Sorry I said {addr:short} but it's actually {addr:UK}.",
    "My address for the GP registration is {addr:UK}, and my name is {full}.",
    "Deliver to {addr:AU}, buzz on arrival.",
    "The house we're renting in Germany is {addr:DE}.",
    "Ground floor, {addr}, the door is round the back.",
    "my order {order} went to the wrong house, i'm at {addr}",
    "For the school form, home address: {addr:IE}.",
    "Our holiday flat is {addr:FR}, the code for the gate is on the fridge.",
    # names
    "My name is {full}.",
    "This is {first} calling back about my prescription.",
    "Book me in with my dentist {titled:dr} next Tuesday.",
    "Remind me to email {titled} about the parent teacher meeting.",
    "text {first} and {first:b} that dinner is at 8",
    "Table for four under {last}, please.",
    "Call {full} on speaker.",
    "the plumber {full:m} is coming Thursday between 8 and 12",
    "Remind me it's {first:nick}'s birthday on Saturday.",
    "My son's teacher is {titled:f}, can you find her email in my inbox?",
    "Who's {full}? Oh right, my physio.",
    "I'm {first}, {full:b:m}'s flatmate, he asked me to call.",
    "My mother-in-law {full:f} is staying with us, add her to the guest wifi.",
    "Message {first:nick}: running 10 min late, save me a seat.",
    "Add {full} and {full:b} to the five-a-side group chat.",
    "Dr. {last:b} referred me to {titled:dr:full} for the knee.",
    # several values, long, all caps, no punctuation
    "Full name {full}, address {addr}, phone {phone}, email {email}.",
    "ok so um basically I was on hold with the bank for like an hour and they said just put "
    "the card in the app so it's {card} and if it doesn't work call me on {phone} ok",
    "MY NAME IS {full} AND MY NUMBER IS {phone}",
    "omg {first:b} just moved to {addr} we should send flowers",
    "no punctuation just send the contract to {email} and copy {full:b} thanks",
    "{full}, {phone}, {email}. That's the contact card, save it.",
    "Hi this is {full} from {addr:UK}, my IBAN for the refund is {iban:GB}.",
    "The tenant is {full}, IBAN {iban}, and the flat is {addr}.",
    "Patient {full}, card {card}, home {addr:US}, SSN {ssn}.",
    "Camera {ip:private}, NAS {ip:private}, both need a static lease for {first}'s network.",
)

SPOKEN = (
    # the bank, shops, subscriptions
    "yeah hi um I need to pay the balance, the card number is {card}",
    "it's a visa, {card:visa}, expiry oh nine twenty seven",
    "{card} that's the card, the name on it is {full}",
    "okay the long number on the front is {card}, do you need the security code too",
    "put the groceries on my mastercard {card:mc}",
    "so the amex is {card:amex} and it's under my husband's name",
    "the card ending {last4} got declined, so use {card} instead",
    "read it back to me, {card}, yes that's right",
    "charge {card} for the room and the parking",
    "Okay, card number {card}, and the billing address is {addr}.",
    "um the new card is {card} because the old one got cloned",
    # social security
    "my social security number is {ssn}",
    "social is {ssn}",
    "for the school form my son's social is {ssn}",
    "{ssn}, that's my social, do you need anything else",
    "um the s s n on the claim should be {ssn} not the old one",
    "put {ssn} as the social for the beneficiary, {full}",
    "Sure, my social security number is {ssn}, and my date of hire was last June.",
    "the employee's social is {ssn} and her name is {full:f}",
    "my name is {full}, my social is {ssn}, and my phone is {phone:US}",
    "hang on let me get the card out, okay, social security number {ssn}, got it?",
    "my husband's social is {ssn}, he's {full:m}, I'm filling it in for him",
    "the social on my tax form is {ssn}, can you double check it",
    "okay the number you asked for, the social, is {ssn}",
    "uh my ssn, {ssn}, sorry I had to find the card",
    # phones
    "call me back on {phone}",
    "my mobile is {phone:GB}",
    "text {first} on {phone} and tell them the dog's been fed",
    "you can reach me at {phone:US} after six",
    "the delivery guy can ring {phone}",
    "save this number, {phone}, it's {full}, my new landlord",
    "my number is {phone:GB:intl}, that's the uk one",
    "oh and the babysitter is {first:f}, her number is {phone}",
    "add {full} to my contacts, mobile {phone}",
    "if you can't get me try my wife {full:f} on {phone}",
    "My number is {phone:IN:intl}.",
    "whatsapp me on {phone:intl} when you land",
    "flight {flight} lands at {time} and my phone is {phone}",
    "put {full:b} down as the emergency contact, {phone}",
    "the number for my mum's carer {first:f} is {phone:IE}",
    # e-mail
    "my email is {email}",
    "send it to {email:spell}",
    "it's {email:drop}",
    "email the receipt to {email}",
    "my email, {email}, all lower case",
    "cc {full:b} on it, that's {email:b}",
    "for the job application my email is {email:work}",
    "you can send the booking confirmation to {email}",
    "Yeah, it's {email}, no capitals.",
    "contact email for the insurance claim is {email}",
    "my work email is {email:work:drop}",
    "her email is {email:spell}, she's my daughter's teacher",
    "can you share the album with {email} and {email:b}",
    "the email on the booking should be {email}, it was spelled wrong",
    # IBANs
    "my iban is {iban}",
    "please refund it to {iban}",
    "the landlord's iban is {iban}, account name {full}",
    "iban {iban:GB}",
    "pay the deposit into {iban:IE} please",
    "so the account is {iban:DE}, that's my german account",
    "could you set up a transfer to {iban} for three hundred euro",
    "salary should go to {iban} from next month",
    "the iban for {full} is {iban}",
    "send the refund to {iban}, and email the receipt to {email}",
    "Right, the IBAN, {iban:NL}, and the name is {full}.",
    # IP addresses
    "the camera is at {ip:private}",
    "set the printer to {ip:private}",
    "my nas is on {ip:private}",
    "block {ip:public}, someone keeps trying to log in from there",
    "can you ping {ip}",
    "the router is {ip:private}, the default one",
    "the smart plug's ip is {ip:private}, can you add it to the living room",
    "add {ip:public} to the allow list",
    "the server's address is {ip:public}",
    "the camera at {ip:private} and the doorbell at {ip:private} both went offline",
    "So the NAS, its IP is {ip:private}, and the login is {email}.",
    # addresses
    "my address is {addr}",
    "send it to {addr}",
    "I've moved, the new address is {addr:US}",
    "the taxi should pick me up at {addr:UK}",
    "deliver it to {addr}, the side door",
    "the claim is for the house at {addr}",
    "my billing address is {addr}",
    "we're at {addr:AU}, round the back",
    "post it to {addr:po}",
    "the school should mail the forms to {addr:po}, we don't get post at the house",
    "ship the parcel to {full} at {addr}",
    "the new flat is {addr:IE}",
    "no sorry not {addr:short}, it's {addr:US}",
    "my order {order} was meant to go to {addr}",
    "My address in Canada is {addr:CA}.",
    "the hotel can send the lost bag to {addr}",
    # names
    "my name is {full}",
    "hi it's {first}, calling about the refill",
    "book me in with {titled:dr} for a cleaning",
    "my son's teacher is {titled:f}, remind me to email her",
    "call {full}",
    "text {first} and {first:b} that dinner's at eight",
    "the plumber's name is {full:m}",
    "my surname is {last:spell}",
    "my first name is {first:nato}",
    "the reservation is under {last}",
    "remind me that {first:nick}'s birthday is saturday",
    "My flatmate {first} is picking up the keys.",
    "I'm calling on behalf of my mum, {full:f}",
    "it's {full}, I have a booking for two",
    "The name is {last:nato}, first name {first}.",
    "ask {titled:m} if the boiler's fixed",
    # several values, long
    "okay so um my name is {full} and the card is {card} and yeah my email is {email}",
    "uh so it's {first} again my address is {addr} and the number is {phone}",
    "name {full} address {addr} phone {phone}",
    "so basically the card got cloned and I need a new one sent to {addr:US}, "
    "the old number was {card} and my social is {ssn}",
    "right so for the contact card it's {full}, {phone}, and {email}",
    "Hello, this is {full} at {addr:UK}, my IBAN is {iban:GB}.",
)

NEGATIVES_TYPED = (
    "Where's my order? The order number is 4471-2290-1183.",
    "Track parcel 1Z999AA10123456784 please.",
    "My Amazon order 112-4471836-2290174 hasn't arrived.",
    "Booking reference X7K2LM, what time is check-in?",
    "Policy number POL-2024-118832 renews next month, what's the premium?",
    "Claim number 20-4471-889, any update?",
    "membership no 00418823 at the leisure centre expired",
    "Is flight EI 154 on time?",
    "BA287 to San Francisco, what gate?",
    "How much is 3 x £19.99?",
    "Add $42.50 to the grocery budget.",
    "Convert 1500 grams to pounds.",
    "What's 4111 divided by 12?",
    "The lottery numbers were 4, 11, 19, 23, 38 and 42.",
    "Arsenal won 3-1 last night, who scored?",
    "Set an alarm for 6:45 tomorrow.",
    "Remind me at 7pm to put the bins out.",
    "The meeting is on 12/03/2025 at 14:30.",
    "It took 2 hours 45 minutes to get home.",
    "The house was built in 1987.",
    "Room 412 has no hot water.",
    "Which platform for the 10:15 to Cork, is it platform 4?",
    "Is the 46A bus running today?",
    "Put on channel 104.",
    "The Visa ending in 4242 was declined, try the other card.",
    "The last four of the card are 0019.",
    "Is the Mastercard ending 5454 expired?",
    "my card ending 8812 got charged twice",
    "Who played James Bond before Daniel Craig?",
    "Put on Taylor Swift.",
    "Read me the next chapter of Harry Potter.",
    "What did Marie Curie win the Nobel Prize for?",
    "Play Ed Sheeran's new album.",
    "How old is Barack Obama?",
    "Weather in Cork tomorrow?",
    "Directions to the Louvre.",
    "How far is Leeds from Manchester?",
    "Find coffee on Main Street.",
    "Is there parking on Grafton Street?",
    "Call Pizza Hut.",
    "Text Vodafone that I want to cancel.",
    "Call the pharmacy and ask if the refill is ready.",
    "Will it rain tomorrow?",
    "May I have the recipe for banana bread?",
    "We always say grace before dinner.",
    "Pay the electricity bill.",
    "Mark it as done.",
    "That garage will rob you blind.",
    "I'm going to sue them.",
    "Pat the dough into a circle.",
    "Jack up the car before you take the wheel off.",
    "Bob your head to the beat.",
    "Add 2 cups of flour and 250 ml of milk.",
    "Preheat the oven to 180°C.",
    "What's 20% of 85?",
    "Set the thermostat to 21 degrees.",
    "Update my phone to iOS 17.4.1.",
    "Firmware version 3.1.0 is out for the camera.",
    "The wifi password is on the back of the router.",
    "Turn the volume up to 11.",
    "How many km is 26.2 miles?",
    "Open bbc.co.uk",
    "Who wrote Pride and Prejudice?",
    "Is Sherlock Holmes a real person?",
    "Play the Beatles.",
    "What time is it in Tokyo?",
    "Order 2 large pizzas from Domino's.",
    "The gas bill was €87.40 this month.",
    "Set a timer for 25 minutes.",
    "I need 3 tickets for the 8:30 showing.",
    "Is it gate B32 or B34?",
    "Seat 14C is by the window.",
    "The score was 21-17 at half time.",
    "Call my mum.",
    "Text my brother that I'm on the way.",
    "Remind the babysitter to lock the back door.",
    "Is the bank open on Saturday?",
    "What is 192 + 168?",
    "My laptop runs Windows 10 version 22H2.",
    "The recipe serves 4-6 people.",
    "Reserve a table for 6 at 7:30 at Nando's.",
    "My Tesco clubcard has 2,450 points.",
    "Invoice INV-2024-0087 is overdue, remind me tomorrow.",
    "Ticket 55012 won the raffle!",
    "How many calories in 100g of rice?",
    "In an emergency dial 999.",
    "What's the area code for Dublin?",
    "Who is Will Smith married to?",
    "Play the Grace Kelly documentary.",
    "How did Bill Gates make his money?",
    "How tall is Mount Everest in feet?",
    "lol the score was 3 nil",
    "WHAT TIME DOES TESCO CLOSE TONIGHT",
    "TURN OFF THE KITCHEN LIGHTS",
    "whats 15 percent tip on $64",
    "is the 7:05 train to Galway delayed",
    "Tracking number 9400 1000 0000 0000 0000 00 says delivered but it isn't.",
    "My flight is FR 1192, the booking code is QZ8N4T.",
    "Order #A-77821 is delayed again.",
    "The parcel is 42 x 30 x 15 cm and weighs 2.5 kg.",
    "Is 2048 a power of 2?",
    "Convert 72 Fahrenheit to Celsius.",
    "1 tablespoon is how many ml?",
    "The Dow closed at 38,996.39 today.",
    "Set the washing machine to 40 degrees for 1 hour 20.",
    "Take 2 tablets every 8 hours with food.",
    "What year did the Berlin Wall fall?",
    "Navigate to Heathrow Terminal 5.",
    "How long to drive from Boston to New York?",
    "Any good restaurants near Grafton Street?",
    "Show me houses for sale on Elm Street in Springfield.",
    "Who's playing at Wembley on the 14th?",
    "Put on episode 3 of season 2.",
    "The bus to the airport is the 747.",
    "Add a reminder: car service on the 23rd at 9am.",
    "What's the square root of 1764?",
    "The kids' football match finished 4-4.",
    "I ran 5k in 27 minutes 40 seconds.",
    "My account balance is €1,204.55?",
    "Book the dog in at the groomers for Saturday at 11.",
    "Is Apple stock up today?",
    "Who was Mary Seacole?",
    "Tell me a joke about penguins.",
    "Play Frozen for the kids.",
    "How many episodes of Friends are there?",
    "Text Uber support about my lost umbrella.",
    "Call the Holiday Inn in Galway.",
)

NEGATIVES_SPOKEN = (
    "set a timer for twenty five minutes",
    "what's forty one times eleven",
    "is flight e i one five four on time",
    "where's my order, the order number is four four seven one two two nine oh",
    "my booking reference is x seven k two l m",
    "what's the weather in cork",
    "directions to the louvre",
    "how far is leeds from york",
    "play taylor swift",
    "who played james bond",
    "read harry potter and the philosopher's stone",
    "call pizza hut",
    "text vodafone that I'm cancelling",
    "will it rain on saturday",
    "may I have another one",
    "say grace",
    "pay the water bill",
    "mark it as done",
    "pat the dough flat",
    "jack up the car",
    "bob your head to the music",
    "add two cups of flour",
    "convert three hundred and fifty fahrenheit to celsius",
    "the visa ending in four two four two was declined",
    "the last four digits are double oh one nine",
    "my card ending eight eight one two got charged twice",
    "room four twelve has no towels",
    "put on channel one oh four",
    "the score was three one to arsenal",
    "the lottery numbers were four eleven nineteen twenty three thirty eight forty two",
    "what is one ninety two plus one sixty eight",
    "it costs nineteen ninety nine",
    "set the alarm for half six",
    "the meeting's at two thirty on the twelfth",
    "nineteen eighty seven was a good year for music",
    "policy number p o l two oh two four one one eight eight three two",
    "claim number twenty forty four seventy one",
    "membership number double oh four one eight eight two three",
    "which platform is the ten fifteen to dublin",
    "is the forty six a running",
    "what gate is b a two eight seven",
    "how many grams in a pound",
    "what's twenty percent of eighty five",
    "turn the heating up to twenty one degrees",
    "who wrote pride and prejudice",
    "how old is barack obama",
    "what did marie curie discover",
    "play ed sheeran",
    "find coffee on main street",
    "is there parking on grafton street",
    "call the pharmacy",
    "call my mum",
    "text my brother I'm on the way",
    "what time is it in tokyo",
    "order two large pizzas from domino's",
    "I'm going to sue them",
    "that mechanic will rob you blind",
    "the gas bill was eighty seven euro forty",
    "update the phone to seventeen point four point one",
    "the firmware is version three point one point oh",
    "how many kilometres is twenty six point two miles",
    "tracking number one z nine nine nine a a one oh one two three four five six seven eight four",
    "my amazon order hasn't arrived, order one one two four four seven one eight three six",
    "seat fourteen c is by the window",
    "the kids won four nil",
    "what's the square root of sixteen hundred",
    "is two thousand and forty eight a power of two",
    "take two tablets every eight hours",
    "the bus is the seven four seven",
    "put on episode three of season two",
    "remind me about the car service on the twenty third at nine",
    "who's playing at wembley on the fourteenth",
    "show me houses for sale on elm street",
    "navigate to heathrow terminal five",
    "how long to drive from boston to new york",
    "is apple stock up today",
    "who was mary seacole",
    "play frozen for the kids",
    "how many episodes of friends are there",
    "text uber support about my umbrella",
    "call the holiday inn in galway",
    "um what's the uh weather like in auckland tomorrow",
    "okay so like how many cups is five hundred mil",
    "turn off the lights in the kitchen",
    "the dow closed at thirty eight thousand nine hundred",
    "my flight is f r eleven ninety two and the booking code is q z eight n four t",
    "the parcel is forty two by thirty by fifteen centimetres",
    "tell me a joke about penguins",
    "I ran five k in twenty seven minutes",
    "in an emergency dial nine nine nine",
    "what's the area code for dublin",
    "who is will smith married to",
    "play the grace kelly documentary",
    "how did bill gates make his money",
    "how tall is mount everest in feet",
    "what year did the berlin wall fall",
    "the recipe serves four to six people",
    "reserve a table for six at seven thirty at nando's",
    "my tesco clubcard has two thousand four hundred and fifty points",
    "the invoice number is i n v two oh two four oh oh eight seven",
    "ticket five five oh one two won the raffle",
    "how many calories in a hundred grams of rice",
    "Will you remind me at eight?",
    "they said they'd sue the landlord over the damp",
    "play sherlock holmes on audible",
    "the bank said the visa ending in one one one one is fine",
    "what's eleven squared plus forty one",
    "set the washing machine to forty degrees",
    "book the dog in at the groomers on saturday at eleven",
    "my account balance is one thousand two hundred and four euro",
    "the train leaves from platform nine",
    "turn the volume up to eleven",
    "Okay, what's the capital of Kenya?",
    "Hey, how far is it to Brighton from here?",
    "don't let the car wash rob you, it's a tenner at most",
    "mark the calendar for the fourth of july",
    "the doctor's office opens at half eight",
)


# --- building the set ------------------------------------------------------------------------

def split_of(template: str) -> str:
    """`heldout` or `dev`, half and half, by a fixed hash of the template text."""
    return "heldout" if hashlib.sha256(template.encode()).digest()[0] < 128 else "dev"


def _case_of(template: str) -> str:
    """How the writer cased the sentence: "lower" chat, "upper" shouting, or "" as written.

    The values follow: a lower-case chat message has its names in lower case too.
    """
    letters = [ch for ch in _PLACEHOLDER.sub("", template) if ch.isalpha()]
    if letters and all(ch.islower() for ch in letters):
        return "lower"
    if letters and all(ch.isupper() for ch in letters):
        return "upper"
    return ""


def _recase(text: str, case: str) -> str:
    return text.lower() if case == "lower" else text.upper() if case == "upper" else text


def _fill(template: str, spoken: bool, rng: random.Random) -> tuple[str, list[dict], str]:
    """The sentence, its values and its context (the sentence with each value as one space)."""
    slot = _Slot(rng, spoken, _cast(template, rng))
    case = _case_of(template)
    parts: list[str] = []
    context: list[str] = []
    values: list[dict] = []
    cursor = 0
    for match in _PLACEHOLDER.finditer(template):
        literal = _recase(template[cursor:match.start()], case)
        parts.append(literal)
        context.append(literal)
        name, opts = match.group(1), tuple(match.group(2).split(":")[1:])
        if name in _FILLERS:
            filler = _recase(_filler(name, slot), case)
            parts.append(filler)
            context.append(filler)
        else:
            value = (_person(slot, name, opts) if name in _NAME_FIELDS
                     else _MAKERS[name](slot, opts))
            value["surface"] = _recase(value["surface"], case)
            parts.append(value["surface"])
            context.append(" ")
            values.append(value)
        cursor = match.end()
    parts.append(_recase(template[cursor:], case))
    context.append(_recase(template[cursor:], case))
    return "".join(parts), values, "".join(context)


def build(seed: int = SEED) -> list[dict]:
    """Every sentence of the set, in a stable order: typed, spoken, then the negatives."""
    rng = random.Random(seed)
    items: list[dict] = []
    for form, templates in (("typed", TYPED), ("spoken", SPOKEN)):
        for template in templates:
            for _ in range(FILLS):
                text, values, context = _fill(template, form == "spoken", rng)
                items.append({"text": text, "form": form, "split": split_of(template),
                              "source": SOURCE, "template": template, "context": context,
                              "values": values})
    for form, negatives in (("typed", NEGATIVES_TYPED), ("spoken", NEGATIVES_SPOKEN)):
        for text in negatives:
            items.append({"text": text, "form": form, "split": split_of(text),
                          "source": SOURCE, "template": text, "context": text, "values": []})
    for index, item in enumerate(items):
        item["id"] = f"{SOURCE}-{index:04d}"
    return items


def main() -> None:
    """Write the set and say how many sentences and values of each sort it holds."""
    items = build()
    with DATA_FILE.open("w", encoding="utf-8") as out:
        for item in items:
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    for split in ("dev", "heldout"):
        for form in ("typed", "spoken"):
            subset = [i for i in items if i["split"] == split and i["form"] == form]
            negatives = sum(not i["values"] for i in subset)
            kinds = {k: sum(v["kind"] == k for i in subset for v in i["values"]) for k in KINDS}
            print(f"{split:8} {form:7} {len(subset):4} sentences, {negatives:4} negatives, "
                  + ", ".join(f"{k} {n}" for k, n in kinds.items()))
    print(f"{len(items)} sentences written to {DATA_FILE}")


if __name__ == "__main__":
    main()

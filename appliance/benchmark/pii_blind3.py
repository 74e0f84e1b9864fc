"""A third blind personal-data set, by an author who saw neither the masker nor the other sets.

`python -m appliance.benchmark.pii_blind3` writes `tests/governance/pii_blind3.jsonl`.
The generated set (`pii_corpus`) was written alongside the masker, and each earlier
blind set by one author with one way of speaking; a masker tuned until all of them pass
can still fail on phrasings none of them used. This set was written by yet another
author without sight of the masker, its tests or the other sets, from situations chosen
to differ: customer-service call transcripts (agent asks, caller answers with "yeah it's
uh ..."), non-native English ("my number it is ...", "please you send to ..."), forms read
aloud field by field, e-mails dictated with "at sign", "full stop", "all one word",
phone numbers with extensions and country codes said as "double oh four four", cards
followed by expiry and CVV (context, not card values), cards and IBANs typed with dots or
odd spacing, IP addresses with ports, rural routes, house names, Indian, Singaporean,
South African, New Zealand and Australian addresses, and names that are also everyday
words (Will, Grace, Dawn) or carry particles and hyphens (van der Merwe, Okafor-Williams).
Typed sentences also copy Whisper's habits ("4,539,148,803,436,467", "at" kept as a word).

Values are random but real in form: cards pass Luhn with real issuer prefixes, IBANs carry
their country's BBAN layout, national check digits where the country has a public rule
and the IBAN check digits, SSNs pass `stdnum.us.ssn`, phones pass
`phonenumbers.is_valid_number`. Generation is seeded, so the file is reproducible. Each
value records its kind, its surface (as it stands in the sentence), a canonical form, its
digits (spoken number words included) and the words that must not survive masking,
kept only if they occur in the sentence as whole tokens or spelled letter by letter and
not in the rest of it. `context` is the sentence with each value replaced by one space.
Half the templates are held out, by a SHA-256 of the template text. Hard negatives hold
no personal data at all.
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import random
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType
from stdnum import iban as std_iban
from stdnum import luhn
from stdnum.es import ccc as es_ccc
from stdnum.iso7064 import mod_97_10
from stdnum.us import ssn as std_ssn

DATA_FILE = Path(__file__).resolve().parents[2] / "tests" / "governance" / "pii_blind3.jsonl"
SEED = 3_1415
SOURCE = "blind3"
REPEATS = 2  # each template with personal data is filled this many times
KINDS = ("card", "us_ssn", "phone", "email", "iban", "ip_address", "street_address",
         "person_name")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")

# --------------------------------------------------------------------------- numbers said

ONES = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
         "seventeen", "eighteen", "nineteen")
TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def say_digits(digits: str, zero: str = "zero", runs: bool = False) -> str:
    """Digit by digit; with `runs`, "double five" and "triple oh" as the British say."""
    words: list[str] = []
    i = 0
    while i < len(digits):
        word = zero if digits[i] == "0" else ONES[int(digits[i])]
        run = len(digits[i:]) - len(digits[i:].lstrip(digits[i]))
        if runs and run >= 3:
            words += ["triple", word]
            i += 3
        elif runs and run == 2:
            words += ["double", word]
            i += 2
        else:
            words.append(word)
            i += 1
    return " ".join(words)


def say_pair(pair: str, zero: str = "oh") -> str:
    """Two digits as a number: "42" forty two, "05" oh five, "10" ten."""
    tens, ones = int(pair[0]), int(pair[1])
    if pair[0] == "0":
        return f"{zero} {ONES[ones] if ones else zero}"
    if tens == 1:
        return TEENS[ones]
    return TENS[tens] + (f" {ONES[ones]}" if ones else "")


def say_natural(number: str) -> str:
    """A house number, octet or short group as people say it: 1420 fourteen twenty."""
    if number.startswith("0") and len(number) > 1:
        return say_digits(number, "oh")
    if len(number) == 1:
        return ONES[int(number)]
    if len(number) == 2:
        return say_pair(number)
    if len(number) == 3:
        if number[1:] == "00":
            return f"{ONES[int(number[0])]} hundred"
        return f"{ONES[int(number[0])]} {say_pair(number[1:])}"
    if len(number) == 4:
        if number[1:] == "000":
            return f"{ONES[int(number[0])]} thousand"
        if number[2:] == "00":
            return f"{say_pair(number[:2])} hundred"
        return f"{say_pair(number[:2])} {say_pair(number[2:])}"
    return say_digits(number, "oh")


def say_group(group: str, rng: random.Random, style: str) -> str:
    """A group of digits in one of the ways a caller reads them out."""
    if style == "pairs" and len(group) % 2 == 0:
        return " ".join(say_pair(group[i:i + 2]) for i in range(0, len(group), 2))
    if style == "runs":
        return say_digits(group, "oh", runs=True)
    return say_digits(group, "oh" if style == "oh" else "zero")


def _digits_of(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def _spell(word: str, sep: str = " ") -> str:
    return sep.join(ch.upper() for ch in word if ch.isalpha())


# ------------------------------------------------------------------------------- words

GENERIC = {
    "street", "st", "road", "rd", "lane", "ln", "avenue", "ave", "drive", "dr", "close",
    "crescent", "place", "way", "court", "ct", "terrace", "grove", "gardens", "park", "hill",
    "north", "south", "east", "west", "upper", "lower", "old", "new", "the", "apt",
    "apartment", "suite", "flat", "unit", "block", "blk", "box", "rr", "route", "rural",
    "floor", "cross", "main", "boulevard", "blvd", "trail", "circle", "run", "view", "bank",
    "cottage", "house", "lodge", "farm", "mill", "church", "green", "town", "cape", "city",
    "mount", "residency", "apartments", "nagar", "layout", "sector", "phase", "tower",
    "towers", "stage", "number", "hwy", "highway", "rue", "saint", "square", "row",
    "info", "mail", "hello", "contact", "office", "admin", "accounts", "sales", "bookings",
    "reception", "home", "family", "plumbing", "farms", "dental", "design", "law", "studio",
    "com", "org", "net", "co", "uk", "au", "nz", "za", "in", "de", "fr", "jp", "ng", "io",
    "ie", "edu", "gov", "sg", "ca", "mr", "mrs", "ms", "van", "der", "la", "del",
    "bin", "binti", "da", "dos", "ter", "al", "von", "le", "du", "di", "mc", "little", "great",
    "and", "of", "dash", "hyphen", "dot", "at", "hall", "trust", "travel", "consult", "tiles",
    "vets", "coffee", "western", "hills", "salt", "lake", "central", "ring", "society", "die",
    "enclave",
}


def has_word(word: str, text: str) -> bool:
    """`word` in `text` as a whole token or spelled letter by letter (as the bench looks)."""
    spelled = r"\s".join(re.escape(ch) for ch in word)
    pattern = rf"(?<![\w]){re.escape(word)}(?![\w])"
    if len(word) >= 3:
        pattern += rf"|(?<![\w]){spelled}(?![\w])"
    return re.search(pattern, text, re.IGNORECASE) is not None


def _tokens(text: str) -> list[str]:
    """Name-like tokens of `text`, without generic words and particles."""
    out = []
    for token in re.split(r"[\s,\-./@_#()]+", text):
        token = token.strip("'")
        if len(token) >= 2 and token.lower() not in GENERIC and token not in out:
            out.append(token)
    return out


# ------------------------------------------------------------------------------ values


@dataclass
class Value:
    """A value as drawn: its kind, canonical form, surface and digits, and word candidates."""

    kind: str | None
    surface: str
    canonical: str = ""
    digits: str = ""
    words: tuple[str, ...] = ()
    strict: bool = False  # every word candidate must be in the sentence (names)


def _filler(surface: str) -> Value:
    return Value(None, surface)


@dataclass
class Num:
    """A number inside an address or e-mail: written as digits, said in words."""

    digits: str
    style: str = "natural"


Part = str | tuple[str, str] | Num


def _render(parts: list[Part], form: str, rng: random.Random) -> tuple[str, str]:
    """The surface of `parts` in `form` and the digits it holds (said or written)."""
    out: list[str] = []
    digits: list[str] = []
    for part in parts:
        if isinstance(part, Num):
            digits.append(part.digits)
            if form == "typed":
                out.append(part.digits)
            elif part.style == "natural":
                out.append(say_natural(part.digits))
            else:
                out.append(say_group(part.digits, rng, part.style))
        elif isinstance(part, tuple):
            out.append(part[0] if form == "typed" else part[1])
        else:
            out.append(part)
    surface = "".join(out)
    if form == "typed":
        return surface, _digits_of(surface)
    return surface, "".join(digits)


# ---- person names

FIRST = (
    "Priya", "Kwame", "Siobhan", "Tomasz", "Aroha", "Thandiwe", "Oluwaseun", "Dmitri",
    "Ingrid", "Mateus", "Farah", "Yusuf", "Nkechi", "Haruto", "Camille", "Bongani", "Anjali",
    "Rhys", "Eilidh", "Padraig", "Zanele", "Kaveh", "Leilani", "Tariq", "Astrid", "Rangi",
    "Wiremu", "Chiamaka", "Lakshmi", "Ravindra", "Ottilie", "Xiomara", "Saoirse", "Tendai",
    "Folasade", "Anouk", "Kenji", "Yetunde", "Hemi", "Magdalena", "Sipho", "Fergus",
    "Ludmila", "Anselm", "Marisol", "Babajide", "Ekaterina", "Niamh", "Vikram", "Lorcan",
    "Tamsin", "Obinna", "Henrike", "Rosalind", "Ignatius", "Meera", "Cormac", "Adaeze",
)
WORD_FIRST = (
    "Will", "Rose", "Hope", "Grace", "Bill", "Mark", "Faith", "Dawn", "Sunny", "Joy", "Ivy",
    "Holly", "Summer", "Hunter", "Amber", "Pearl", "Frank", "Rusty", "Robin", "Penny",
    "Skye", "Autumn", "Crystal", "Chase", "Lance", "Heather", "Jasmine", "Misty",
)
LAST = (
    "Okonkwo", "Kowalczyk", "Nakamura", "Ramaswamy", "van der Merwe", "de la Cruz",
    "bin Abdullah", "O'Sullivan", "McAllister", "MacGillivray", "Nguyen", "Abernathy",
    "Achterberg", "Oyelaran", "Papadopoulos", "Castellanos-Reyes", "Okafor-Williams",
    "ter Horst", "da Costa", "dos Santos", "Al-Hashimi", "Fitzgerald", "Delacroix",
    "Lindqvist", "Gallagher", "Thistlethwaite", "Ngata", "Pillay", "Naidoo", "Chatterjee",
    "Venkataraman", "Szymanski", "Ferreira", "Oduya", "Brennan-Hughes", "de Vries",
    "O'Driscoll", "McCaffrey", "Van Rensburg", "Mahlangu", "Iwasaki", "Haddad", "Kaczmarek",
    "Baptiste", "Whitfield", "Oyelowo-Grant", "Subramanian", "Tuiasosopo", "Ellingsen",
    "Quigley", "Ahluwalia", "Drummond", "Petrovic", "Amankwah", "Bergstrom", "le Roux",
)
WORD_LAST = ("Baker", "Fisher", "Stone", "Bird", "Young", "Rich", "Moody", "Wood",
             "Hunter", "Field", "Bell", "Marsh")
NICKS = ("Bobby", "Liz", "Jonno", "Gaz", "Mikey", "Tash", "Deepu", "Kiki", "Sully", "Bex",
         "Nana Ama", "Chidi")
SPELLABLE = tuple(n for n in LAST if n.isalpha() and len(n) >= 5)


def _name_value(surface: str, canonical: str) -> Value:
    return Value("person_name", surface, canonical, "", tuple(_tokens(canonical)), True)


def _pick_first(rng: random.Random, words: float = 0.3) -> str:
    return rng.choice(WORD_FIRST) if rng.random() < words else rng.choice(FIRST)


def _pick_last(rng: random.Random) -> str:
    return rng.choice(WORD_LAST) if rng.random() < 0.15 else rng.choice(LAST)


def _make_first(rng: random.Random, form: str) -> Value:
    name = _pick_first(rng, 0.15)
    return _name_value(name, name)


def _make_wfirst(rng: random.Random, form: str) -> Value:
    name = rng.choice(WORD_FIRST)
    return _name_value(name, name)


def _make_last(rng: random.Random, form: str) -> Value:
    name = _pick_last(rng)
    return _name_value(name, name)


def _make_full(rng: random.Random, form: str) -> Value:
    name = f"{_pick_first(rng)} {_pick_last(rng)}"
    return _name_value(name, name)


def _make_wfull(rng: random.Random, form: str) -> Value:
    last = rng.choice(WORD_LAST) if rng.random() < 0.4 else rng.choice(LAST)
    name = f"{rng.choice(WORD_FIRST)} {last}"
    return _name_value(name, name)


def _make_lfirst(rng: random.Random, form: str) -> Value:
    name = _pick_first(rng, 0.25)
    return _name_value(name.lower(), name)


def _make_lfull(rng: random.Random, form: str) -> Value:
    name = f"{_pick_first(rng, 0.2)} {rng.choice(LAST)}"
    return _name_value(name.lower(), name)


def _make_nick(rng: random.Random, form: str) -> Value:
    name = rng.choice(NICKS)
    return _name_value(name, name)


def _make_spelled_last(rng: random.Random, form: str) -> Value:
    """A surname said, then spelled: "Nakamura, N A K A M U R A" (typed as Whisper: N-A-...)."""
    name = rng.choice(SPELLABLE)
    sep = "-" if form == "typed" else " "
    return _name_value(f"{name}, {_spell(name, sep)}", name)


def _make_spelled_first(rng: random.Random, form: str) -> Value:
    name = rng.choice([n for n in FIRST if n.isalpha() and len(n) >= 4])
    sep = "-" if form == "typed" else " "
    return _name_value(f"{name}, {_spell(name, sep)}", name)


# ---- cards

ISSUERS = (  # (prefixes, length, grouping)
    (("4",), 16, (4, 4, 4, 4)),                                        # Visa
    (("51", "52", "53", "54", "55"), 16, (4, 4, 4, 4)),                # Mastercard 5-series
    (tuple(str(p) for p in range(2221, 2721)), 16, (4, 4, 4, 4)),     # Mastercard 2-series
    (("34", "37"), 15, (4, 6, 5)),                                     # American Express
    (("6011", "65", "644", "645", "646", "647", "648", "649"), 16, (4, 4, 4, 4)),  # Discover
    (tuple(str(p) for p in range(3528, 3590)), 16, (4, 4, 4, 4)),     # JCB
    (("36", "300", "301", "302", "303", "304", "305"), 14, (4, 6, 4)),  # Diners 14-digit
)


def card_number(rng: random.Random, issuer: int | None = None) -> tuple[str, tuple[int, ...]]:
    """A Luhn-valid number of a real issuer range, and how it is grouped."""
    prefixes, length, groups = ISSUERS[rng.randrange(len(ISSUERS)) if issuer is None
                                       else issuer]
    body = rng.choice(prefixes)
    body += "".join(rng.choice("0123456789") for _ in range(length - 1 - len(body)))
    number = body + luhn.calc_check_digit(body)
    assert luhn.is_valid(number)
    return number, groups


def _split_groups(number: str, groups: tuple[int, ...]) -> list[str]:
    out, i = [], 0
    for size in groups:
        out.append(number[i:i + size])
        i += size
    return out


def _card_value(rng: random.Random, form: str, style: str, issuer: int | None = None) -> Value:
    number, groups = card_number(rng, issuer)
    chunks = _split_groups(number, groups)
    if form == "spoken":
        how = rng.choice(("zero", "oh", "pairs", "runs", "pairs"))
        sep = rng.choice((", ", " ", ", ", " ... "))
        surface = sep.join(say_group(c, rng, how) for c in chunks)
        return Value("card", surface, number, number)
    if style == "any":
        style = rng.choice(("spaced", "plain", "dashes", "dots", "mixed", "commas"))
    if style == "plain":
        surface = number
    elif style == "dashes":
        surface = "-".join(chunks)
    elif style == "dots":
        surface = ".".join(chunks)
    elif style == "mixed":
        cut = sorted(rng.sample(range(2, len(number) - 1), 2))
        surface = f"{number[:cut[0]]} {number[cut[0]:cut[1]]}  {number[cut[1]:]}"
    elif style == "commas":  # Whisper writes a long number as thousands
        surface = f"{int(number):,}"
    else:
        surface = " ".join(chunks)
    return Value("card", surface, number, number)


def _make_card(rng: random.Random, form: str) -> Value:
    return _card_value(rng, form, "any")


def _make_card_plain(rng: random.Random, form: str) -> Value:
    return _card_value(rng, form, "plain")


def _make_card_dots(rng: random.Random, form: str) -> Value:
    return _card_value(rng, form, "dots")


def _make_card_commas(rng: random.Random, form: str) -> Value:
    return _card_value(rng, form, "commas")


def _make_card_mixed(rng: random.Random, form: str) -> Value:
    return _card_value(rng, form, "mixed")


def _make_card_amex(rng: random.Random, form: str) -> Value:
    return _card_value(rng, form, "spaced", issuer=3)


def _make_card_diners(rng: random.Random, form: str) -> Value:
    return _card_value(rng, form, "spaced", issuer=6)


def _make_card_mc2(rng: random.Random, form: str) -> Value:
    return _card_value(rng, form, rng.choice(("spaced", "plain", "dashes")), issuer=2)


# ---- US social security numbers


def ssn_number(rng: random.Random) -> str:
    """Nine digits that `stdnum.us.ssn` accepts (no 000, 666 or 9xx area, no 00 or 0000)."""
    while True:
        number = f"{rng.randint(1, 899):03d}{rng.randint(1, 99):02d}{rng.randint(1, 9999):04d}"
        if std_ssn.is_valid(number):
            return number


def _ssn_value(rng: random.Random, form: str, style: str) -> Value:
    n = ssn_number(rng)
    canonical = f"{n[:3]}-{n[3:5]}-{n[5:]}"
    if form == "spoken":
        how = rng.choice(("zero", "oh", "oh", "runs"))
        sep = rng.choice((", ", " ", " dash ", ", uh, "))
        if rng.random() < 0.2:
            surface = say_group(n, rng, how)
        else:
            surface = sep.join(say_group(g, rng, how) for g in (n[:3], n[3:5], n[5:]))
        return Value("us_ssn", surface, canonical, n)
    if style == "any":
        style = rng.choice(("dash", "space", "dots", "plain", "odd"))
    surface = {
        "dash": canonical,
        "space": f"{n[:3]} {n[3:5]} {n[5:]}",
        "dots": f"{n[:3]}.{n[3:5]}.{n[5:]}",
        "plain": n,
        "odd": rng.choice((f"{n[:3]}-{n[3:6]}-{n[6:]}", f"{n[:3]}-{n[3:5]}-{n[5:7]} {n[7:]}",
                           f"{n[:5]}-{n[5:]}", f"{n[:3]},{n[3:6]},{n[6:]}")),
    }[style]
    return Value("us_ssn", surface, canonical, n)


def _make_ssn(rng: random.Random, form: str) -> Value:
    return _ssn_value(rng, form, "any")


def _make_ssn_dots(rng: random.Random, form: str) -> Value:
    return _ssn_value(rng, form, "dots")


def _make_ssn_space(rng: random.Random, form: str) -> Value:
    return _ssn_value(rng, form, "space")


def _make_ssn_plain(rng: random.Random, form: str) -> Value:
    return _ssn_value(rng, form, "plain")


# ---- phones

PHONE_REGIONS = ("US", "CA", "GB", "IE", "IN", "AU", "NZ", "ZA", "SG", "DE", "FR", "ES",
                 "IT", "NL", "BR", "MX", "NG", "PH", "JP", "KE", "AE", "PL")


def phone_number(rng: random.Random, region: str, mobile: bool | None = None):
    """A random number valid by `phonenumbers` for `region` (mobile or fixed line)."""
    if mobile is None:
        mobile = rng.random() < 0.6
    kind = PhoneNumberType.MOBILE if mobile else PhoneNumberType.FIXED_LINE
    example = phonenumbers.example_number_for_type(region, kind)
    national = phonenumbers.national_significant_number(example)
    keep = 0 if region in ("US", "CA") else (1 if mobile else 2)
    for _ in range(5000):
        digits = national[:keep] + "".join(rng.choice("0123456789")
                                           for _ in range(len(national) - keep))
        if region in ("US", "CA") and (digits[0] in "01" or digits[3] in "01"
                                       or digits[3:6] == "555"):
            continue
        number = phonenumbers.parse("+" + str(example.country_code) + digits)
        if phonenumbers.is_valid_number(number) and phonenumbers.region_code_for_number(
                number) == region:
            return number
    raise RuntimeError(f"no valid number found for {region}")


def _groups(text: str) -> list[str]:
    return [g for g in re.split(r"\D+", text) if g]


def _phone_value(rng: random.Random, form: str, region: str | None, style: str) -> Value:
    region = region or rng.choice(PHONE_REGIONS)
    number = phone_number(rng, region)
    e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    national = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    intl = phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
    cc = str(number.country_code)
    if style == "any":
        style = rng.choice(("national", "intl", "intl", "e164", "odd", "zerozero"))
    if form == "spoken":
        how = rng.choice(("oh", "zero", "runs", "oh"))
        sep = rng.choice((", ", " ", ", ", ", uh, "))
        if style in ("national", "odd", "dots"):
            groups = _groups(national)
            surface = sep.join(say_group(g, rng, how) for g in groups)
        else:
            groups = _groups(intl)[1:]
            lead = {"zerozero": f"double oh {say_digits(cc)}",
                    "plus": f"plus {say_digits(cc)}"}.get(style, rng.choice(
                        (f"plus {say_digits(cc)}", f"double oh {say_digits(cc)}",
                         f"plus {say_natural(cc)}" if len(cc) == 2 else f"plus {say_digits(cc)}")))
            surface = lead + sep + sep.join(say_group(g, rng, how) for g in groups)
            groups = (["00"] if "double oh" in lead else []) + [cc] + groups
        return Value("phone", surface, e164, "".join(groups))
    if style == "national":
        surface = national
    elif style == "intl":
        surface = intl
    elif style == "e164":
        surface = e164
    elif style == "zerozero":
        surface = "00" + intl[1:]
    elif style == "dots" and region in ("US", "CA"):
        d = str(number.national_number)
        surface = f"{d[:3]}.{d[3:6]}.{d[6:]}"
    elif style == "paren0" and region == "GB":
        rest = intl.split(" ", 1)[1]
        surface = f"+44 (0){rest}"
    else:  # odd grouping, as Whisper sometimes writes a number it heard in one breath
        d = _digits_of(national)
        cut = sorted(rng.sample(range(2, len(d) - 1), 2))
        surface = f"{d[:cut[0]]}-{d[cut[0]:cut[1]]}-{d[cut[1]:]}"
    return Value("phone", surface, e164, _digits_of(surface))


def _make_phone(rng: random.Random, form: str) -> Value:
    return _phone_value(rng, form, None, "any")


def _make_phone_us(rng: random.Random, form: str) -> Value:
    region = rng.choice(("US", "US", "CA"))
    return _phone_value(rng, form, region, rng.choice(("national", "dots", "national", "odd")))


def _make_phone_uk(rng: random.Random, form: str) -> Value:
    return _phone_value(rng, form, "GB", rng.choice(("national", "paren0", "zerozero", "intl")))


def _make_phone_intl(rng: random.Random, form: str) -> Value:
    return _phone_value(rng, form, None, rng.choice(("intl", "zerozero", "plus", "e164")))


def _make_phone_national(rng: random.Random, form: str) -> Value:
    return _phone_value(rng, form, None, "national")


# ---- e-mail addresses

PROVIDERS = ("gmail.com", "yahoo.com", "yahoo.co.uk", "outlook.com", "hotmail.co.uk",
             "laposte.net", "icloud.com", "protonmail.com", "gmx.de", "freenet.de",
             "rediffmail.com",
             "btinternet.com", "xtra.co.nz", "mweb.co.za", "bigpond.com", "sfr.fr",
             "yandex.ru", "shaw.ca", "aol.com", "zoho.in")
COMPANIES = ("kowalski-plumbing.com", "brightwater-farms.co.nz", "harbourview-dental.com.au",
             "tanaka-design.jp", "greenleaf-trust.org", "okafor-law.ng", "mbeya-coffee.co.ke",
             "lindqvist-bygg.se", "ramirez-tiles.mx", "castlegate-vets.co.uk",
             "sunbird-travel.in", "pemberton-hall.ac.uk", "fjordline-consult.no")
ROLES = ("info", "accounts", "bookings", "office", "sales", "hello", "reception")


def _email_parts(rng: random.Random) -> tuple[list[Part], str, str]:
    """The local part as pieces (names, separators, numbers) and the domain."""
    first = rng.choice(FIRST + WORD_FIRST).lower()
    last = rng.choice([n for n in LAST if n.isalpha()] + list(WORD_LAST)).lower()
    year = Num(f"{rng.randint(60, 99)}" if rng.random() < 0.6 else f"{rng.randint(1, 9)}",
               rng.choice(("natural", "zero")))
    pattern = rng.randrange(9)
    dot = (".", " dot ")
    if pattern == 0:
        local: list[Part] = [first, dot, last]
    elif pattern == 1:
        local = [first, last, year]
    elif pattern == 2:
        local = [first[0], dot, last]
    elif pattern == 3:
        local = [first, ("_", " underscore "), last]
    elif pattern == 4:
        local = [first, ("-", " hyphen "), last, year]
    elif pattern == 5:
        local = [first, dot, last, year]
    elif pattern == 6:
        local = [last, first[0]]
    elif pattern == 7:
        local = [rng.choice(NICKS).lower().replace(" ", ""), year]
    else:
        local = [rng.choice(ROLES)]
    domain = rng.choice(COMPANIES) if pattern == 8 or rng.random() < 0.2 else rng.choice(
        PROVIDERS)
    return local, domain, first


def _say_local(local: list[Part], rng: random.Random) -> tuple[str, str, bool]:
    """The local part as dictated: pieces apart, separators and numbers said in words."""
    said, digits, joined = [], "", False
    for previous, part in zip([None, *local], local, strict=False):
        if isinstance(part, tuple):
            said.append(part[1].strip())
            continue
        if previous is not None and not isinstance(previous, tuple):
            joined = True  # two pieces written together: "all one word"
        if isinstance(part, Num):
            said.append(say_natural(part.digits) if part.style == "natural"
                        else say_digits(part.digits, rng.choice(("zero", "oh"))))
            digits += part.digits
        else:
            said.append(part)
    return " ".join(said), digits, joined


def _email_value(rng: random.Random, form: str, style: str) -> Value:
    local, domain, _ = _email_parts(rng)
    typed_local, digits = _render(local, "typed", rng)
    canonical = f"{typed_local}@{domain}"
    label = domain.split(".")[0]
    pieces = [p for p in local if isinstance(p, str)]
    candidates = [typed_local, *_tokens(typed_local), *pieces, label, *_tokens(label)]
    if form == "spoken":
        said_local, digits, joined = _say_local(local, rng)
        at = rng.choice((" at ", " at ", " at sign ", " at the rate ", " at "))
        point = rng.choice((" dot ", " dot ", " point ", " full stop "))
        said_domain = point.join(domain.split(".")).replace("-", rng.choice(
            (" hyphen ", " dash ")))
        surface = said_local + at + said_domain
        tail = rng.random()
        if joined and tail < 0.6:  # not "all one word": "one" would count as a digit
            surface = (f"{said_local}, {rng.choice(('no spaces', 'all together'))},"
                       f"{at}{said_domain}")
        elif tail < 0.3:
            surface += rng.choice((", all lowercase", ", all small letters"))
        return Value("email", surface, canonical, digits, tuple(candidates))
    if style == "any":
        style = rng.choice(("plain", "plain", "caps", "at_word", "spaced_at", "dot_words"))
    if style == "caps":
        surface = canonical.replace(label, label.capitalize(), 1)
        surface = surface[0].upper() + surface[1:]
    elif style == "at_word":  # Whisper heard "at" and kept it a word
        surface = f"{typed_local} at {domain}"
    elif style == "spaced_at":
        surface = f"{typed_local} @ {domain}"
    elif style == "dot_words":
        surface = f"{typed_local.replace('.', ' dot ')} at {domain.replace('.', ' dot ')}"
    else:
        surface = canonical
    return Value("email", surface, canonical, digits, tuple(candidates))


def _make_email(rng: random.Random, form: str) -> Value:
    return _email_value(rng, form, "any")


def _make_email_plain(rng: random.Random, form: str) -> Value:
    return _email_value(rng, form, "plain")


def _make_email_at(rng: random.Random, form: str) -> Value:
    return _email_value(rng, form, rng.choice(("at_word", "dot_words", "spaced_at")))


# ---- IBANs

IBAN_BANKS = {  # countries whose BBAN starts with bank letters
    "GB": ("NWBK", "BARC", "LOYD", "MIDL", "HBUK", "NAIA", "SRLG", "MONZ"),
    "IE": ("AIBK", "BOFI", "IPBS", "ULSB"),
    "NL": ("ABNA", "RABO", "INGB", "TRIO", "KNAB", "SNSB", "BUNQ"),
    "RO": ("BTRL", "RNCB", "BRDE", "INGB", "RZBR"),
    "BG": ("BNBG", "UNCR", "STSA", "FINV"),
    "MT": ("VALL", "MALT", "APSB"),
    "LV": ("HABA", "UNLA", "RIKO", "PARX"),
}
IBAN_COUNTRIES = ("GB", "IE", "NL", "RO", "BG", "MT", "LV", "DE", "FR", "ES", "IT", "BE",
                  "CH", "AT", "PL", "PT", "SE", "NO", "DK", "FI", "AE", "SA", "TR", "GR",
                  "HU", "CZ", "LU", "HR", "SI", "SK", "LT", "EE", "CY", "IS")
_STRUCT = re.compile(r"(\d+)!([nac])")
_IT_ODD = (1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22,
           25, 24, 23)


def _bban_layout(country: str) -> list[tuple[int, str]]:
    info = std_iban._ibandb.info(country + "00")
    return [(int(n), t) for n, t in _STRUCT.findall(info[0][1]["bban"])]


def _it_cin(rest: str) -> str:
    """The Italian CIN letter of ABI + CAB + account."""
    total = 0
    for i, ch in enumerate(rest):
        value = int(ch) if ch.isdigit() else ord(ch) - ord("A")
        total += _IT_ODD[value] if i % 2 == 0 else value
    return chr(ord("A") + total % 26)


def _national_check(country: str, bban: str) -> str:
    """`bban` with the national check digits the country publishes a rule for."""
    if country == "FR":  # RIB key over bank, branch and account
        key = 97 - (89 * int(bban[:5]) + 15 * int(bban[5:10]) + 3 * int(bban[10:21])) % 97
        return bban[:21] + f"{key:02d}"
    if country == "BE":
        check = int(bban[:10]) % 97 or 97
        return bban[:10] + f"{check:02d}"
    if country == "ES":
        return bban[:8] + es_ccc.calc_check_digits(bban) + bban[10:]
    if country == "IT":
        return _it_cin(bban[1:]) + bban[1:]
    if country == "PT":  # NIB: ISO 7064 mod 97-10 over the first 19 digits
        return bban[:19] + mod_97_10.calc_check_digits(bban[:19])
    if country == "PL":  # the eighth digit of the bank branch number
        weights = (3, 9, 7, 1, 3, 9, 7)
        check = (10 - sum(int(d) * w for d, w in zip(bban[:7], weights, strict=True)) % 10) % 10
        return bban[:7] + str(check) + bban[8:]
    if country == "FI":
        return bban[:-1] + luhn.calc_check_digit(bban[:-1])
    return bban


def iban_number(rng: random.Random, country: str) -> str:
    """A valid IBAN of `country`: its BBAN layout, national check digits and IBAN check."""
    for _ in range(2000):
        parts = []
        for size, char in _bban_layout(country):
            if char == "a":
                parts.append("".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(size)))
            else:  # "c" parts are written with digits, as most accounts are
                parts.append("".join(rng.choice("0123456789") for _ in range(size)))
        if country in IBAN_BANKS:
            parts[0] = rng.choice(IBAN_BANKS[country])
        bban = _national_check(country, "".join(parts))
        check = std_iban.calc_check_digits(country + "00" + bban)
        number = country + check + bban
        if std_iban.is_valid(number):
            return number
    raise RuntimeError(f"no valid IBAN for {country}")


def _iban_value(rng: random.Random, form: str, style: str) -> Value:
    country = rng.choice(IBAN_COUNTRIES)
    number = iban_number(rng, country)
    chunks = [number[i:i + 4] for i in range(0, len(number), 4)]
    bank = number[4:8] if country in IBAN_BANKS else ""
    candidates = (country, bank) if bank else (country,)
    if form == "spoken":
        how = rng.choice(("zero", "oh", "runs"))
        said = []
        for chunk in chunks:
            words = []
            for run in re.findall(r"\d+|[A-Z]+", chunk):
                words.append(say_group(run, rng, how) if run.isdigit() else _spell(run))
            said.append(" ".join(words))
        surface = rng.choice((", ", " ", ", ")).join(said)
        return Value("iban", surface, number, _digits_of(number), candidates)
    if style == "any":
        style = rng.choice(("spaced", "spaced", "compact", "dots", "mixed", "lower"))
    if style == "compact":
        surface = number
    elif style == "dots":
        surface = ".".join(chunks)
    elif style == "mixed":
        surface = f"{number[:4]} {number[4:12]} {' '.join(chunks[3:])}"
    elif style == "lower":
        surface = " ".join(chunks).lower()
    else:
        surface = " ".join(chunks)
    return Value("iban", surface, number, _digits_of(number), candidates)


def _make_iban(rng: random.Random, form: str) -> Value:
    return _iban_value(rng, form, "any")


def _make_iban_compact(rng: random.Random, form: str) -> Value:
    return _iban_value(rng, form, rng.choice(("compact", "dots", "mixed")))


# ---- IP addresses


def _ip_value(rng: random.Random, form: str, scope: str) -> Value:
    if scope == "v6":
        groups = [f"{rng.randrange(0x10000):x}" for _ in range(4)]
        prefix = rng.choice(("fe80:", "2001:db8:85a3:", "2a02:c7f:"))
        address = prefix + ":" + ":".join(groups)
        while not _digits_of(address[len(prefix):]):
            groups[0] = f"{rng.randrange(1000, 9999)}"
            address = prefix + ":" + ":".join(groups)
        canonical = str(ipaddress.ip_address(address))
        return Value("ip_address", address, canonical, _digits_of(address))
    if scope == "lan":
        octets = rng.choice((["192", "168", str(rng.choice((0, 1, 1, 2, 10, 50, 178)))],
                             ["10", "0", str(rng.randrange(0, 8))],
                             ["172", str(rng.randrange(16, 32)), str(rng.randrange(0, 256))]))
        octets.append(str(rng.randrange(2, 255)))
    else:
        while True:
            first = rng.randrange(11, 224)
            if first not in (127, 169, 172, 192, 100):
                break
        octets = [str(first)] + [str(rng.randrange(0, 256)) for _ in range(2)] + [
            str(rng.randrange(1, 255))]
    canonical = ".".join(octets)
    if form == "spoken":
        natural = rng.random() < 0.5
        zero = rng.choice(("zero", "oh"))
        dot = rng.choice((" dot ", " dot ", " point "))
        surface = dot.join(say_natural(o) if natural else say_digits(o, zero) for o in octets)
        return Value("ip_address", surface, canonical, "".join(octets))
    return Value("ip_address", canonical, canonical, "".join(octets))


def _make_ip(rng: random.Random, form: str) -> Value:
    return _ip_value(rng, form, rng.choice(("lan", "lan", "public")))


def _make_ip_lan(rng: random.Random, form: str) -> Value:
    return _ip_value(rng, form, "lan")


def _make_ip_public(rng: random.Random, form: str) -> Value:
    return _ip_value(rng, form, "public")


def _make_ip_v6(rng: random.Random, form: str) -> Value:
    return _ip_value(rng, form, "v6" if form == "typed" else "public")


# ---- street addresses

US_STREETS = ("Maple Ridge Drive", "Cottonwood Lane", "Sycamore Street", "Pinecrest Avenue",
              "Hickory Hollow Road", "Larkspur Court", "Willow Bend Drive", "Quail Run Road",
              "Chestnut Street", "Bluebonnet Way", "Magnolia Boulevard", "Tamarack Trail",
              "Sagebrush Circle", "Dogwood Terrace", "Persimmon Lane", "Buckeye Road")
US_TOWNS = (("Dayton", "Ohio", "OH", "454"), ("Eugene", "Oregon", "OR", "974"),
            ("Burlington", "Vermont", "VT", "054"), ("Lincoln", "Nebraska", "NE", "685"),
            ("Paducah", "Kentucky", "KY", "420"), ("Knoxville", "Tennessee", "TN", "379"),
            ("Oshkosh", "Wisconsin", "WI", "549"), ("Duluth", "Minnesota", "MN", "558"),
            ("Ames", "Iowa", "IA", "500"), ("Fayetteville", "Arkansas", "AR", "727"),
            ("Tulsa", "Oklahoma", "OK", "741"), ("Bozeman", "Montana", "MT", "597"),
            ("Boise", "Idaho", "ID", "837"), ("Joplin", "Missouri", "MO", "648"),
            ("Tuscaloosa", "Alabama", "AL", "354"), ("Kalamazoo", "Michigan", "MI", "490"),
            ("Peoria", "Illinois", "IL", "616"), ("Muncie", "Indiana", "IN", "473"),
            ("Wichita", "Kansas", "KS", "672"), ("Flagstaff", "Arizona", "AZ", "860"),
            ("Amarillo", "Texas", "TX", "791"), ("Asheville", "North Carolina", "NC", "288"))
RURAL_TOWNS = (("Millersburg", "Ohio", "446"), ("Hartsville", "Tennessee", "370"),
               ("Ogallala", "Nebraska", "691"), ("Lolo", "Montana", "598"),
               ("Kalona", "Iowa", "523"), ("Batesville", "Arkansas", "725"))
UK_STREETS = ("Wellington Road", "Ashby Crescent", "Cavendish Close", "Featherbed Lane",
              "Larchwood Avenue", "Beaconsfield Terrace", "Pendle View", "Gorsey Bank Road",
              "Elmtree Grove", "Kingsmead Way", "Otley Road", "Fairfax Gardens")
UK_TOWNS = (("Leeds", "LS"), ("Harrogate", "HG"), ("Bristol", "BS"), ("Norwich", "NR"),
            ("Truro", "TR"), ("Carlisle", "CA"), ("Lancaster", "LA"), ("Swindon", "SN"),
            ("Cheltenham", "GL"), ("Inverness", "IV"), ("Aberystwyth", "SY"),
            ("Stockport", "SK"))
HOUSE_NAMES = ("Rose Cottage", "Thornbury House", "Hollybank", "Windrush", "Ashgrove",
               "Brambles", "Pennywell Farm", "Tanglewood", "Glebe Cottage", "Fernlea")
UK_LANES = ("Mill Lane", "Church Lane", "Back Lane", "Pudding Lane", "Gallows Hill",
            "Cuckoo Lane", "Sandpit Lane")
UK_VILLAGES = (("Little Haddon", "OX"), ("Great Missenden", "HP"), ("Ashwell", "SG"),
               ("Chipping Campden", "GL"), ("Much Wenlock", "TF"), ("Bampton", "EX"),
               ("Lower Slaughter", "GL"), ("Kirkby Lonsdale", "LA"))
IN_PLACES = (("Indiranagar", "Bengaluru", "5600"), ("Koregaon Park", "Pune", "4110"),
             ("Adyar", "Chennai", "6000"), ("Banjara Hills", "Hyderabad", "5000"),
             ("Kakkanad", "Kochi", "6820"), ("Salt Lake", "Kolkata", "7000"),
             ("Gomti Nagar", "Lucknow", "2260"), ("Vastrapur", "Ahmedabad", "3800"))
IN_BUILDINGS = ("Sai Krupa Residency", "Lakshmi Nivas", "Prestige Shantiniketan",
                "Gokul Apartments", "Sri Venkateshwara Enclave", "Anand Vihar Society")
SG_STREETS = ("Tampines Street", "Ang Mo Kio Avenue", "Jurong West Street", "Bedok North Road",
              "Bukit Batok Street", "Yishun Ring Road", "Woodlands Drive", "Hougang Avenue")
ZA_PLACES = (("Jacaranda Avenue", "Lynnwood", "Pretoria"), ("Protea Street", "Rondebosch",
                                                             "Cape Town"),
             ("Umgeni Road", "Umhlanga", "Durban"), ("Jan Smuts Avenue", "Parktown",
                                                     "Johannesburg"),
             ("Dorp Street", "Die Boord", "Stellenbosch"), ("Kloof Street", "Gardens",
                                                           "Cape Town"))
NZ_PLACES = (("Pohutukawa Place", "Rototuna", "Hamilton"), ("Kowhai Street", "Sumner",
                                                            "Christchurch"),
             ("Rimu Road", "Karori", "Wellington"), ("Tui Street", "Mount Maunganui",
                                                     "Tauranga"),
             ("Manuka Crescent", "Remuera", "Auckland"), ("Totara Avenue", "Roslyn", "Dunedin"))
AU_PLACES = (("Banksia Street", "Toowong", "QLD", "Queensland", "40"),
             ("Wattle Grove", "Fremantle", "WA", "Western Australia", "61"),
             ("Grevillea Drive", "Ballarat", "VIC", "Victoria", "33"),
             ("Bottlebrush Crescent", "Glenelg", "SA", "South Australia", "50"),
             ("Jarrah Way", "Katoomba", "NSW", "New South Wales", "27"))
CA_PLACES = (("Rue Saint-Denis", "Montreal", "QC", "Quebec", "H2X"),
             ("Whyte Avenue", "Edmonton", "AB", "Alberta", "T6E"),
             ("Quinpool Road", "Halifax", "NS", "Nova Scotia", "B3L"),
             ("Kingsway", "Burnaby", "BC", "British Columbia", "V5H"))


def _postcode_letters(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("ABDEFGHJLNPQRSTUWXYZ") for _ in range(n))


def _uk_postcode(rng: random.Random, area: str) -> tuple[list[Part], list[str]]:
    district = str(rng.randint(1, 29))
    inward_digit = str(rng.randint(1, 9))
    letters = _postcode_letters(rng, 2)
    parts: list[Part] = [(area, _spell(area) + " "), Num(district, "zero"), (" ", ", "),
                         Num(inward_digit, "zero"), (letters, " " + _spell(letters))]
    return parts, [area + district, inward_digit + letters]


def _house(rng: random.Random, low: int = 1, high: int = 240) -> Num:
    if rng.random() < 0.15:
        return Num(str(rng.choice([n for n in range(1000, 9900) if n % 1000])))
    return Num(str(rng.randint(low, high)))


def _address_parts(rng: random.Random, country: str) -> tuple[list[Part], list[str]]:
    """An address as parts, and its words (street, town, state, building, postcode)."""
    if country == "US":
        street = rng.choice(US_STREETS)
        town, state, abbr, zip3 = rng.choice(US_TOWNS)
        zipcode = Num(zip3 + f"{rng.randint(1, 99):02d}", rng.choice(("zero", "oh")))
        unit: list[Part] = []
        u = rng.randrange(5)
        if u == 0:
            letter = rng.choice("ABCDEF")
            unit = [(", Apt ", ", apartment "), Num(str(rng.randint(1, 12))),
                    (letter, " " + letter)]
        elif u == 1:
            unit = [(", Suite ", ", suite "), Num(str(rng.randint(1, 4) * 100 + rng.randint(
                1, 30)))]
        elif u == 2:
            unit = [(" #", " number "), Num(str(rng.randint(2, 40)))]
        state_part: Part = state if (abbr == "OH" or rng.random() < 0.6) else (abbr, state)
        parts = [_house(rng, 10, 9800), f" {street}", *unit, f", {town}, ", state_part, " ",
                 zipcode]
        return parts, [*_tokens(street), *_tokens(town), *_tokens(state)]
    if country == "RR":
        town, state, zip3 = rng.choice(RURAL_TOWNS)
        route = Num(str(rng.randint(1, 9)))
        box = Num(str(rng.randint(10, 399)))
        zipcode = Num(zip3 + f"{rng.randint(1, 99):02d}", "oh")
        lead: Part = rng.choice((("RR ", "rural route "), ("Rural Route ", "rural route ")))
        parts = [lead, route, (" Box ", ", box "), box, f", {town}, {state} ", zipcode]
        return parts, [*_tokens(town), *_tokens(state)]
    if country == "UK":
        street = rng.choice(UK_STREETS)
        town, area = rng.choice(UK_TOWNS)
        code, code_words = _uk_postcode(rng, area)
        flat: list[Part] = []
        if rng.random() < 0.45:
            flat = [("Flat ", "flat "), Num(str(rng.randint(1, 12))), ", "]
        parts = [*flat, _house(rng, 1, 180), f" {street}, {town} ", *code]
        return parts, [*_tokens(street), town, *code_words]
    if country == "HOUSE":
        house = rng.choice(HOUSE_NAMES)
        lane = rng.choice(UK_LANES)
        village, area = rng.choice(UK_VILLAGES)
        code, code_words = _uk_postcode(rng, area)
        parts = [f"{house}, {lane}, {village}, ", *code]
        return parts, [*_tokens(house), *_tokens(lane), *_tokens(village), *code_words]
    if country == "IN":
        locality, city, pin4 = rng.choice(IN_PLACES)
        building = rng.choice(IN_BUILDINGS)
        cross = rng.randint(2, 9)
        ordinal = {2: "2nd", 3: "3rd"}.get(cross, f"{cross}th")
        said_ordinal = ("second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                        "ninth")[cross - 2]
        parts = [("Flat ", "flat "), Num(str(rng.randint(1, 9) * 100 + rng.randint(1, 12))),
                 f", {building}, ", (ordinal, said_ordinal), f" Cross, {locality}, {city} ",
                 Num(pin4 + f"{rng.randint(1, 99):02d}", "zero")]
        return parts, [*_tokens(building), *_tokens(locality), city]
    if country == "SG":
        street = rng.choice(SG_STREETS)
        block = Num(str(rng.randint(101, 899)))
        parts = [("Blk ", "block "), block, f" {street} ", Num(str(rng.randint(1, 9))),
                 (", #", ", number "), Num(f"{rng.randint(2, 25):02d}", "oh"), ("-", " dash "),
                 Num(str(rng.randint(100, 1899))), ", Singapore ",
                 Num(f"{rng.randint(31, 82)}{rng.randint(0, 9999):04d}", "zero")]
        return parts, _tokens(street)
    if country == "ZA":
        street, suburb, city = rng.choice(ZA_PLACES)
        code = Num(f"{rng.randint(1, 8999):04d}", "zero")
        parts = [_house(rng, 1, 120), f" {street}, {suburb}, {city}, ", code]
        return parts, [*_tokens(street), *_tokens(suburb), *_tokens(city)]
    if country == "NZ":
        street, suburb, city = rng.choice(NZ_PLACES)
        code = Num(f"{rng.randint(1000, 9899)}", "zero")
        parts = [_house(rng, 1, 90), f" {street}, {suburb}, {city} ", code]
        return parts, [*_tokens(street), *_tokens(suburb), *_tokens(city)]
    if country == "AU":
        street, suburb, abbr, state, pc = rng.choice(AU_PLACES)
        lead: list[Part] = []
        if rng.random() < 0.5:
            lead = [("Unit ", "unit "), Num(str(rng.randint(1, 14))), ("/", ", ")]
        parts = [*lead, _house(rng, 1, 150), f" {street}, {suburb} ", (abbr, state), " ",
                 Num(pc + f"{rng.randint(0, 99):02d}", "zero")]
        state_words = [w for w in _tokens(state) if w.lower() not in ("australia", "wales")]
        return parts, [*_tokens(street), suburb, *state_words]
    # Canada
    street, city, province, province_name, fsa = rng.choice(CA_PLACES)
    ldu_a, ldu_b = str(rng.randint(0, 9)), str(rng.randint(1, 9))
    letter = _postcode_letters(rng, 1)
    parts = [_house(rng, 100, 4999), f" {street}, {city}, ", (province, province_name), " ",
             (fsa[0], fsa[0] + " "),
             Num(fsa[1], "zero"), (fsa[2], " " + fsa[2]), (" ", ", "), Num(ldu_a, "zero"),
             (letter, f" {letter} "), Num(ldu_b, "zero")]
    province_words = [w for w in _tokens(province_name) if w != "British"]
    return parts, [*_tokens(street), city, *province_words, fsa, ldu_a + letter + ldu_b]


ADDRESS_COUNTRIES = ("US", "US", "RR", "UK", "HOUSE", "IN", "SG", "ZA", "NZ", "AU", "CA")


def _address_value(rng: random.Random, form: str, country: str | None) -> Value:
    parts, words = _address_parts(rng, country or rng.choice(ADDRESS_COUNTRIES))
    canonical, _ = _render(parts, "typed", rng)
    surface, digits = _render(parts, form, rng)
    return Value("street_address", surface, canonical, digits, tuple(words))


def _make_addr(rng: random.Random, form: str) -> Value:
    return _address_value(rng, form, None)


def _make_addr_us(rng: random.Random, form: str) -> Value:
    return _address_value(rng, form, rng.choice(("US", "US", "RR")))


def _make_addr_uk(rng: random.Random, form: str) -> Value:
    return _address_value(rng, form, rng.choice(("UK", "UK", "HOUSE")))


def _make_addr_world(rng: random.Random, form: str) -> Value:
    return _address_value(rng, form, rng.choice(("IN", "SG", "ZA", "NZ", "AU", "CA")))


# ---- context fillers (never personal data)

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
            "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
            "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth",
            "twenty first", "twenty second", "twenty third", "twenty fourth", "twenty fifth",
            "twenty sixth", "twenty seventh", "twenty eighth")


def _make_expiry(rng: random.Random, form: str) -> Value:
    month, year = rng.randint(1, 12), rng.randint(25, 31)
    if form == "typed":
        return _filler(rng.choice((f"{month:02d}/{year}", f"{month:02d}/20{year}",
                                   f"{month:02d}-{year}")))
    return _filler(rng.choice((f"{say_pair(f'{month:02d}')} {say_pair(str(year))}",
                               f"{MONTHS[month - 1]} twenty {say_pair(str(year))}")))


def _make_cvv(rng: random.Random, form: str) -> Value:
    code = f"{rng.randint(0, 999):03d}"
    return _filler(code if form == "typed" else say_digits(code, rng.choice(("zero", "oh"))))


def _make_cvv4(rng: random.Random, form: str) -> Value:
    code = f"{rng.randint(0, 9999):04d}"
    return _filler(code if form == "typed" else say_digits(code, "zero"))


def _make_ext(rng: random.Random, form: str) -> Value:
    ext = str(rng.randint(10, 4999))
    return _filler(ext if form == "typed" else say_natural(ext))


def _make_port(rng: random.Random, form: str) -> Value:
    port = rng.choice(("8080", "554", "443", "8443", "5000", "9000", "32400", "22", "8123"))
    return _filler(port if form == "typed" else say_natural(port))


def _make_dob(rng: random.Random, form: str) -> Value:
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1940, 2005)
    if form == "typed":
        return _filler(rng.choice((f"{month:02d}/{day:02d}/{year}", f"{day}.{month}.{year}",
                                   f"{day} {MONTHS[month - 1]} {year}")))
    yy = str(year)
    said_year = f"{say_pair(yy[:2])} {say_pair(yy[2:])}"
    return _filler(f"the {ORDINALS[day - 1]} of {MONTHS[month - 1]} {said_year}")


def _make_order(rng: random.Random, form: str) -> Value:
    number = str(rng.randint(100000, 99999999))
    return _filler(number if form == "typed" else say_digits(number, rng.choice(("zero", "oh"))))


def _make_amount(rng: random.Random, form: str) -> Value:
    pounds, pence = rng.randint(3, 2400), rng.randint(0, 99)
    if form == "typed":
        return _filler(f"{pounds:,}.{pence:02d}")
    return _filler(f"{say_natural(str(pounds))} and {say_pair(f'{pence:02d}')}")


def _make_last4(rng: random.Random, form: str) -> Value:
    digits = f"{rng.randint(0, 9999):04d}"
    return _filler(digits if form == "typed" else say_digits(digits, "oh"))


MAKERS: dict[str, Callable[[random.Random, str], Value]] = {
    name[len("_make_"):]: fn for name, fn in globals().items() if name.startswith("_make_")
}

# --------------------------------------------------------------------------- templates

TYPED = (
    # cards: call notes, chat, forms; expiry and CVV are context
    "Agent: Can I get the long number on the card? Caller: Yeah it's uh {card}, expiry {expiry}.",
    "card number is {card} exp {expiry} cvv {cvv}",
    "Please charge the deposit to {card_plain}, expiry {expiry}, CVV {cvv}.",
    "my card {card_commas} expiry {expiry}",
    "I want to pay with the Amex, {card_amex}, the CID is {cvv4}.",
    "Can you update the payment card on my account to {card_dots}?",
    "the card it is {card} and the date is {expiry}",
    "Diners Club {card_diners}, security code {cvv}, name on card {full}",
    "pay invoice {order} with {card_mixed} pls",
    "new mastercard {card_mc2} replaces the one ending {last4}",
    "Card: {card} / Exp: {expiry} / Sec: {cvv}",
    "Caller: I read it off the front, {card}, and the three digits are {cvv}.",
    "pls use my other card {card_plain} the old one is blocked",
    "The number, it is {card_dots}, valid until {expiry}.",
    # US social security numbers
    "Social Security number {ssn}, date of birth {dob}.",
    "my social is {ssn_dots}",
    "ssn {ssn_plain} for the W-2 please",
    "For the background check: {full}, SSN {ssn}, DOB {dob}.",
    "please you put my social security {ssn} in the form",
    "Agent: Last thing, the social? Caller: {ssn_space}.",
    "tax form: first name {first}, last name {last}, SSN {ssn}",
    "The social on file should be {ssn}, not the old one.",
    "Applicant {full} (SSN {ssn_dots}) requests a credit freeze.",
    "Caller: my social security is uh {ssn} and the zip is the same as before.",
    # phones
    "call me back on {phone_us} ext. {ext}",
    "my number it is {phone_intl}",
    "Agent: Best callback number? Caller: {phone_national}.",
    "text {first} at {phone}",
    "whatsapp me on {phone_intl} after 6pm",
    "The number is {phone_us}.",
    "office line {phone_us} x{ext}, ask for {full}",
    "Emergency contact: {full}, {phone}",
    "if no answer try my wife {wfirst} on {phone_uk}",
    "ring the surgery back on {phone_uk} and press 2",
    "pls save {lfirst} new number {phone}",
    "Reach our site manager {full} at {phone_intl}, extension {ext}.",
    "Caller: you can get me on {phone_national}, any time after lunch.",
    # e-mail addresses
    "email me at {email}",
    "the mail is {email} please you send the invoice there",
    "my email is {email_at}",
    "Contact: {full} <{email_plain}>",
    "forward it to {email} and cc {email_plain}",
    "Agent: And an email for the receipt? Caller: yeah it's {email_at}",
    "new login for {lfirst}: {email_plain}",
    "please you write to {email} for the documents",
    "send the photos to {email}, thanks",
    "my mail address is {email_at}, all lowercase.",
    # IBANs
    "IBAN: {iban}",
    "please transfer the deposit to {iban_compact}",
    "my iban {iban} account holder {full}",
    "Refund to {iban_compact} please, reference {order}.",
    "Pay rent into {iban}, the landlord is {full}.",
    "the bank account it is {iban} in the name of {last}",
    "Salary goes to {iban_compact} from next month.",
    "Agent: IBAN for the refund? Caller: {iban}.",
    "sepa transfer of {amount} EUR to {iban} today",
    "Beneficiary {full}, account {iban_compact}",
    "pls send the 2nd half to my other account {iban}, ta",
    # IP addresses
    "the NAS is at {ip_lan}",
    "router admin page {ip_lan}:{port}",
    "my home IP is {ip_public}, can you whitelist it",
    "we saw a login from {ip_public} at 3:14 am",
    "ping {ip_lan} and tell me if it answers",
    "the printer got IP {ip_lan} from DHCP",
    "camera stream is rtsp://{ip_lan}:{port}/live",
    "my IPv6 is {ip_v6}",
    "forward port {port} to {ip_lan} on the router",
    "block {ip_public} on the firewall",
    "the doorbell camera sits on {ip_lan}, password unchanged",
    "server {ip_v6} stopped answering",
    # street addresses
    "ship to {addr_us}",
    "deliver to {full}, {addr_uk}",
    "my address is {addr_world}",
    "new address: {addr}",
    "send the parcel to {full}, {addr_world}",
    "Billing address {addr_us}, same as shipping.",
    "we moved to {addr_uk} last week",
    "pls drop the keys at {addr}",
    "i am staying at {addr_world} for the month",
    "Pickup from {addr_us} at 9:30.",
    "Agent: And the postal address? Caller: yeah it's uh {addr_uk}.",
    "address for the certificate {addr_world}",
    # person names
    "Agent: Who should we contact if you're out? Caller: {first}.",
    "remind {wfirst} about the dentist on Friday",
    "tell {lfirst} im running late",
    "my name is {full}",
    "This is {full} calling about my order {order}.",
    "first name: {first}, last name: {last}",
    "Agent: can I take your surname? Caller: yeah it's {spelled_last}.",
    "ask {wfirst} if the flowers arrived",
    "{wfull} said the meeting moved to 3",
    "lol {lfirst} just sent the pics",
    "Dear {full}, your appointment is confirmed.",
    "can u call {nick} and say sorry",
    "Hi, I'm {first}, {last} is my surname, I called yesterday.",
    "the parcel is for Mrs {last}, she lives upstairs",
    "Happy birthday {wfirst}! from all of us",
    "I spoke to {full} in billing and they said it was fixed",
    "Next of kin: {full}, relationship: sibling",
    "message from {lfull}: running 10 mins late",
    "the name of my landlord it is {full}",
    "book a table for {first} at 7",
    "Patient: {last}, {first}. DOB {dob}.",
    # forms with several fields
    "Name: {full}; Phone: {phone}; Email: {email_plain}",
    "{full}, {addr_us}, {phone_us}",
    "first name {wfirst}, last name {last}, date of birth {dob}, social {ssn}",
    "Tenant: {full} / Current address: {addr} / Mobile: {phone}",
    "Payee {full}, IBAN {iban}, email {email}",
    "Ship to {full} at {addr_world}, contact {phone_intl}",
)

SPOKEN = (
    # cards said, then expiry and security code (context)
    "agent: can I get the long number on the card? caller: yeah it's uh {card}, expiry {expiry}",
    "yeah the card number is {card}, expires {expiry}, and the security code is {cvv}",
    "okay so the card it is {card} and the date {expiry}",
    "uh it's an amex, {card_amex}, and the four digits on the front are {cvv4}",
    "can you put it on my visa please, {card}",
    "the number on the card is {card}, the three on the back {cvv}",
    "um I'll read it out, {card}, did you get that",
    "put the deposit on {card}, that's my debit card",
    "it's a diners card, {card_diners}",
    "billing name {full}, card {card}, expiry {expiry}",
    "please you take the payment from the card {card}",
    # social security numbers
    "my social is {ssn}",
    "agent: and your social security number? caller: sure, {ssn}",
    "the social it is {ssn}",
    "social security {ssn}, date of birth {dob}",
    "okay last name {last}, first name {first}, social {ssn}",
    "uh my s s n is {ssn}, do you need the card too",
    "for the tax form my social security number is {ssn}",
    "agent: and the last piece, your social? caller: yeah it's uh {ssn}",
    "his social security number is {ssn}, he's my dependent",
    "first name {wfirst}, last name {last}, date of birth {dob}, social {ssn}",
    # phones
    "you can reach me on {phone}",
    "my number it is {phone_intl}",
    "call me back on {phone_us} extension {ext}",
    "agent: what's the best number to reach you? caller: {phone_national}",
    "my mobile is {phone_uk}",
    "text {first} on {phone}",
    "ring my partner {wfirst} on {phone}",
    "the number is {phone_us}, that's my cell",
    "please you call my son on {phone_intl}",
    "leave a message at {phone_us}",
    "her number is {phone_intl}, she works with {first}",
    "contact name {full}, mobile {phone}",
    # e-mail addresses
    "my email is {email}",
    "the mail is {email}",
    "please you send to {email}",
    "agent: can I get an email address? caller: yeah it's {email}",
    "send it to {email} please",
    "email address, {email}",
    "the email for the receipt, {email}",
    "my work email is {email}, that's for the invoices",
    "name {full}, phone {phone}, email {email}",
    # IBANs
    "my iban is {iban}",
    "please transfer to {iban}",
    "the account, the iban it is {iban}",
    "agent: the iban for the refund? caller: yeah it's uh {iban}",
    "pay it into {iban}, the name is {full}",
    "account holder {full}, iban {iban}",
    "my bank details, iban {iban}",
    "okay the i b a n, {iban}",
    # IP addresses
    "the router is at {ip_lan}",
    "my camera's address is {ip_lan}, port {port}",
    "the nas is on {ip_lan}",
    "can you block {ip_public} on the firewall",
    "the server at {ip_public} keeps timing out",
    "set the printer to {ip_lan}",
    "connect to {ip_lan} port {port}",
    "my public ip is {ip_public}",
    "the baby monitor shows up as {ip_lan} on the network",
    "someone from {ip_v6} tried my password",
    "agent: what does the router page say? caller: it says the gateway is {ip_lan}",
    "the camera in the garden is {ip_lan} and the one at the front is {ip_lan}",
    "please you check the address {ip_public}, it is my office",
    "uh the smart plug, its address is {ip_lan}",
    # street addresses
    "I live at {addr}",
    "the address is {addr_us}",
    "send it to {addr_uk}",
    "deliver to {addr_world}",
    "agent: can I get your postal address? caller: yeah it's uh {addr}",
    "my home address it is {addr_world}",
    "we're at {addr_uk}, the house with the blue door",
    "ship it to {full}, {addr_us}",
    "the pickup is from {addr}",
    "field one, full name, {full}. field two, address, {addr}",
    "I am living now in {addr_world}",
    # person names
    "{first}.",
    "agent: who should we call if you're not in? caller: {first}.",
    "call {wfirst} for me please",
    "remind {wfirst} to pick up the kids",
    "my name is {full}",
    "this is {full}, I'm calling about my booking",
    "first name {first}, last name {spelled_last}",
    "my surname is {spelled_last}",
    "my name it is {spelled_first}",
    "message {wfirst} and tell her I'm running late",
    "tell {first} happy birthday from me",
    "agent: am I speaking with {full}? caller: yes",
    "the booking is under {last}",
    "ask {nick} if they're coming tonight",
    "send a text to {wfull} saying I'm outside",
    "put {full} down as my emergency contact",
    "okay the patient is {full}, date of birth {dob}",
    "yes hello my name is {full} I am calling from the hotel",
    "who should I call? {first}.",
    "it's {wfull}, I had the appointment at ten",
    "agent: and what card will you be paying with today? caller: uh the mastercard, {card_mc2}, "
    "expiry {expiry}, and the code is {cvv}",
    "the long number it is {card}",
    "agent: can you confirm your social for me? caller: uh, {ssn}",
    "my wife her social is {ssn}",
    "please you send the money to my iban {iban}",
    "agent: and the iban? caller: hang on, it's {iban}, sorry, that's the business one",
    "the iban of my landlord is {iban}",
    "my email it is {email}, that's all one word, you write it down?",
    "agent: and the email? caller: {email}",
    "can you ring {first} {last} and tell them the van's ready",
)

TYPED_NEGATIVES = (
    "Where is my order #48213377? It said 3-5 days.",
    "Tracking number 1Z 999 AA1 01 2345 6784 shows delivered but nothing here",
    "Booking reference QX7B2L, flight BA 2216 tomorrow at 07:45.",
    "Policy number POL-0048-221937, claim 7781-22.",
    "My member ID is 8830 2291 4 for the gym, is it still active?",
    "Ticket #INC0049213 is still open after 5 days.",
    "Confirmation code 4F7K9P, check-in is at 3 pm.",
    "Serial number SN 4C02-7781-AB33, model WX-2200.",
    "Model number KDL-55X8500, does it support HDMI 2.1?",
    "Invoice INV-2024-00871 total €1,249.00",
    "The total came to $2,418.67 including tax.",
    "I transferred 4,500 euros last Tuesday.",
    "It costs £1,299.99 or 24 payments of £54.17.",
    "The room is 4.2 m by 3.85 m, about 16 square metres.",
    "Convert 72 degrees Fahrenheit to Celsius.",
    "What is 4111 times 12?",
    "Set a timer for 25 minutes.",
    "Meeting on 14/03/2025 at 10:30 for 90 minutes.",
    "The match ended 3-1 after extra time.",
    "Chelsea won 2 - 0, and England were 287 for 6.",
    "room 1204 please, the lift is broken",
    "extension 22 isn't answering",
    "flight 2216 to Lisbon is delayed 40 minutes",
    "the card ending 4471 was declined",
    "my visa ending in 0093 expired, what now",
    "firmware 2.4.1.8 broke the wifi",
    "upgrade to version 10.0.19045.3693",
    "error 0x80070005 when installing",
    "E-404 on the dishwasher display",
    "HTTP 503 Service Unavailable",
    "Who was Abraham Lincoln?",
    "play Taylor Swift",
    "How old is Keanu Reeves?",
    "Did Sherlock Holmes ever exist?",
    "Play the audiobook of Harry Potter and the Goblet of Fire.",
    "Where is Timbuktu?",
    "How far is Lisbon from Porto?",
    "What's the weather in Wellington tomorrow?",
    "call Pizza Hut",
    "text Vodafone STOP to 87654",
    "Is there parking on Harbour Street?",
    "Is Oxford Street busy on Saturdays?",
    "The bakery on Mill Lane closed down.",
    "Will you mark the bill as paid?",
    "We hope the dawn brings some joy after this week.",
    "I have faith the sunny spell will last.",
    "The rose bush needs pruning before spring.",
    "Say grace before dinner, kids.",
    "Order 5590-2281-7734 was split into two parcels.",
    "Claim reference CLM/2023/448812 was approved.",
    "Booking no. 77120934, 2 adults, 3 nights.",
    "The parcel weighs 2.35 kg and is 40 x 30 x 15 cm.",
    "Add 250 g flour and 175 ml milk.",
    "My resting heart rate is 58 bpm.",
    "Bus 42 leaves at 17:05 from stand 3.",
    "The train to Glasgow is on platform 11.",
    "The year 1969 was the moon landing.",
    "It took 3 hours 45 minutes to get there.",
    "What's 15% of 2,340?",
    "Square root of 1764?",
    "How many feet in 1,500 metres?",
    "Is 7919 a prime number?",
    "The score was 21-17 at half time.",
    "He bowled 4 for 32 in 10 overs.",
    "My PIN reminder letter came, reference 0042 1187.",
    "Account settings > Security > 2FA, code expires in 30 s.",
    "The verification code is 481 907, it says.",
    "Gate B22, seat 14C.",
    "Apartment prices rose 4.7% in 2023.",
    "Turn the thermostat to 21.5 degrees.",
    "The TV is 65 inches, model 65QN90C.",
    "Running iOS 17.4.1 on an iPhone 13.",
    "Python 3.11.9 and numpy 1.26.4 installed.",
    "Error code P0420 on the car.",
    "Kernel 6.1.0-18-amd64 panicked at boot.",
    "SKU 884-221-09 is out of stock.",
    "IMDb rates it 8.7 out of 10.",
    "Who played Gandalf in the films?",
    "Tell me a joke about Batman.",
    "Who is Lionel Messi married to?",
    "Play something by Ed Sheeran.",
    "What did Marie Curie discover?",
    "Is Cristiano Ronaldo still playing?",
    "Read me the news about Elon Musk.",
    "What's Frodo's last name?",
    "When was Nelson Mandela released?",
    "Put on Peppa Pig for the kids.",
    "Where is Kuala Lumpur?",
    "Directions to Heathrow Terminal 5.",
    "Is it raining in Johannesburg?",
    "Time in Auckland right now?",
    "Restaurants near Piccadilly Circus?",
    "Call Domino's.",
    "Email Amazon about the return.",
    "Text Uber support.",
    "Ring the council about the bins.",
    "Book an Airbnb in Lisbon for 4 nights.",
    "Is Tesco on the high street open?",
    "Get me an Uber to Main Street.",
    "What's the speed limit on Park Avenue?",
    "Roadworks on Wellington Road again.",
    "Bill me later please.",
    "Mark this email as spam.",
    "Hope you are well!",
    "I will call you later.",
    "Grace period ends on the 15th.",
    "Rusty nails in the shed.",
    "Pearl earrings 30% off.",
    "Holly and ivy for the wreath.",
    "Amber warning for wind tonight.",
    "Summer holidays start on 22 July.",
    "Frank feedback is welcome.",
    "The crystal vase broke.",
    "Set an alarm for 6:45 am.",
    "Remind me in 2 hours to take the pills.",
    "Add milk, 12 eggs and 2 loaves to the list.",
    "Turn the volume to 35.",
    "Skip to track 7.",
    "my last four are 2291 if that helps",
    "order no 4539 1488 0343 arrived damaged",
    "the box says 192 x 168 x 10 mm",
    "call 999 if it gets worse",
    "Dial 911 only in an emergency.",
    "NHS 111 said to rest.",
    "Version 1.4.22 of the app fixes the login.",
    "My Wi-Fi channel is 36, 80 MHz width.",
    "Subnet mask is 255.255.255.0 by default, right?",
    "Port 8080 is blocked on this network.",
    "Temperature 37.8, pulse 92.",
    "Score on the exam: 87/100.",
    "Lottery numbers 4 11 23 31 38 45 came up.",
)

SPOKEN_NEGATIVES = (
    "where's my order, it's order number four eight two one three three seven seven",
    "the tracking number is one Z nine nine nine A A one",
    "my booking reference is Q X seven B two L",
    "the policy number is P O L double oh four eight",
    "agent: do you have a claim number? caller: yeah it's seven seven eight one dash two two",
    "my member number is eight eight three oh two two nine one",
    "the ticket number is I N C double oh four nine two one three",
    "confirmation code four F seven K nine P",
    "the serial number is four C oh two seven seven eight one",
    "what's the model number, it's K D L fifty five X eighty five hundred",
    "the total came to two thousand four hundred and eighteen dollars",
    "I paid twelve ninety nine for it",
    "it was forty five pounds fifty",
    "transfer four and a half thousand euros",
    "the room is four metres by three point eight five",
    "convert seventy two fahrenheit to celsius",
    "what's forty one eleven times twelve",
    "set a timer for twenty five minutes",
    "the meeting is on the fourteenth of march at half ten",
    "the match finished three one",
    "it ended two nil to the arsenal",
    "room twelve oh four please",
    "put me through to extension twenty two",
    "flight twenty two sixteen to lisbon is delayed",
    "the card ending four four seven one was declined",
    "my visa ending in double oh nine three has expired",
    "the firmware is two point four point one point eight",
    "update to version ten point oh",
    "it shows error code eight oh oh seven oh oh oh five",
    "the washing machine says E four oh four",
    "who was abraham lincoln",
    "play taylor swift",
    "how old is keanu reeves",
    "did sherlock holmes ever exist",
    "play harry potter and the goblet of fire",
    "where is timbuktu",
    "how far is lisbon from porto",
    "what's the weather in wellington tomorrow",
    "call pizza hut",
    "text vodafone",
    "is there parking on harbour street",
    "is oxford street busy on a saturday",
    "the bakery on mill lane closed down",
    "will you mark the bill as paid",
    "we hope the dawn brings a bit of joy",
    "I have faith the sunny spell will last",
    "the rose bush needs cutting back",
    "say grace before dinner",
    "order number five five nine oh, two two eight one, seven seven three four",
    "the claim reference is C L M twenty twenty three",
    "booking number seven seven one two oh nine three four, two adults",
    "the parcel weighs two point three five kilos",
    "add two hundred and fifty grams of flour",
    "my resting heart rate is fifty eight",
    "the forty two bus leaves at five past five",
    "the train to glasgow is on platform eleven",
    "nineteen sixty nine was the moon landing",
    "it took three hours and forty five minutes",
    "what's fifteen percent of two thousand three hundred and forty",
    "what's the square root of seventeen sixty four",
    "how many feet in fifteen hundred metres",
    "is seven nine one nine a prime number",
    "the score was twenty one seventeen at half time",
    "he took four for thirty two",
    "the code it says is four eight one nine oh seven",
    "gate B twenty two, seat fourteen C",
    "turn the heating up to twenty one and a half",
    "the telly is sixty five inches",
    "I'm on iOS seventeen point four point one",
    "the car is showing P oh four two oh",
    "it's out of stock, the S K U is eight eight four two two one",
    "who played gandalf",
    "tell me a joke about batman",
    "who is lionel messi married to",
    "play something by ed sheeran",
    "what did marie curie discover",
    "is cristiano ronaldo still playing",
    "read me the news about elon musk",
    "what's frodo's surname",
    "when was nelson mandela released",
    "put peppa pig on for the kids",
    "where is kuala lumpur",
    "directions to heathrow terminal five",
    "is it raining in johannesburg",
    "what time is it in auckland",
    "restaurants near piccadilly circus",
    "call domino's",
    "email amazon about the return",
    "ring the council about the bins",
    "book an airbnb in lisbon for four nights",
    "is the tesco on the high street open",
    "get me an uber to main street",
    "what's the speed limit on park avenue",
    "bill me later please",
    "mark this one as spam",
    "hope you're well",
    "I will call you later",
    "the grace period ends on the fifteenth",
    "there are rusty nails in the shed",
    "holly and ivy for the wreath",
    "there's an amber warning for wind tonight",
    "the summer holidays start on the twenty second of july",
    "thanks for the frank feedback",
    "set an alarm for six forty five",
    "remind me in two hours to take the tablets",
    "add milk and a dozen eggs to the list",
    "turn the volume up to thirty five",
    "skip to track seven",
    "my last four are two two nine one if that helps",
    "call nine nine nine if it gets worse",
    "dial nine one one only in an emergency",
    "version one point four point twenty two fixes the login",
    "the subnet mask is two five five dot two five five dot two five five dot zero",
    "port eight oh eight oh is blocked",
    "temperature thirty seven point eight",
    "I got eighty seven out of a hundred",
    "the lottery numbers were four, eleven, twenty three, thirty one, thirty eight",
    "agent: do you have your order number? caller: uh yeah it's double two four seven oh nine",
    "agent: and the reference on the letter? caller: it's R F two two nine oh one",
    "my number in the queue is forty seven",
    "it's the hundred and twenty third day of the year",
    "can you turn the oven to one eighty",
    "what year did the titanic sink",
    "my policy it is the gold plan, number three",
)

NEGATIVE_TEMPLATES = (  # hard negatives with a random non-personal number
    ("typed", "Order {order} was refunded: {amount} back to your card."),
    ("typed", "Your card ending {last4} was charged {amount}."),
    ("typed", "Please quote reference {order} when you call."),
    ("spoken", "the order number is {order}"),
    ("spoken", "they charged me {amount} on the card ending {last4}"),
    ("spoken", "agent: what's the reference? caller: it's {order}"),
)


# ------------------------------------------------------------------------------- build


def split_of(template: str) -> str:
    """`heldout` or `dev`, half each, by a SHA-256 of the template text."""
    return "heldout" if hashlib.sha256(template.encode()).digest()[0] >= 128 else "dev"


def _fill(template: str, form: str, rng: random.Random) -> tuple[str, list[dict], str]:
    """The sentence, its values and its context; redrawn until every value can be found."""
    for _ in range(200):
        drawn = [(m, MAKERS[m.group(1)](rng, form)) for m in _PLACEHOLDER.finditer(template)]
        parts, context, cursor = [], [], 0
        for match, value in drawn:
            literal = template[cursor:match.start()]
            parts.append(literal + value.surface)
            context.append(literal + (" " if value.kind else value.surface))
            cursor = match.end()
        parts.append(template[cursor:])
        context.append(template[cursor:])
        text, ctx = "".join(parts), "".join(context)
        values, ok = [], True
        for _, value in drawn:
            if not value.kind:
                continue
            candidates = [w for w in dict.fromkeys(value.words)
                          if len(w) >= 2 and w.lower() not in GENERIC]
            words = [w for w in candidates if has_word(w, text) and not has_word(w, ctx)]
            if (value.strict and words != candidates) or not (value.digits or words):
                ok = False
            values.append({"kind": value.kind, "surface": value.surface,
                           "canonical": value.canonical, "digits": value.digits,
                           "words": words})
        if ok:
            return text, values, ctx
    raise RuntimeError(f"could not fill {template!r}")


def build(seed: int = SEED) -> list[dict]:
    """Every sentence of the set, in a stable order."""
    rng = random.Random(seed)
    items: list[dict] = []
    for form, templates in (("typed", TYPED), ("spoken", SPOKEN)):
        for template in templates:
            for _ in range(REPEATS):
                text, values, context = _fill(template, form, rng)
                items.append({"text": text, "form": form, "split": split_of(template),
                              "source": SOURCE, "template": template, "context": context,
                              "values": values})
    negatives = [("typed", t) for t in TYPED_NEGATIVES] + [
        ("spoken", t) for t in SPOKEN_NEGATIVES] + list(NEGATIVE_TEMPLATES)
    for form, template in negatives:
        text, values, context = _fill(template, form, rng)
        assert not values
        items.append({"text": text, "form": form, "split": split_of(template),
                      "source": SOURCE, "template": template, "context": context,
                      "values": []})
    for index, item in enumerate(items):
        item["id"] = f"blind3-{index:04d}"
    return items


def write(items: list[dict], path: Path = DATA_FILE) -> None:
    """Store `items` as JSON lines."""
    with path.open("w", encoding="utf-8") as out:
        for item in items:
            out.write(json.dumps(item, ensure_ascii=False) + "\n")


def main() -> None:
    """Write the set and say how many sentences and values of each sort it holds."""
    items = build()
    write(items)
    for split in ("dev", "heldout"):
        for form in ("typed", "spoken"):
            subset = [i for i in items if i["split"] == split and i["form"] == form]
            negatives = sum(not i["values"] for i in subset)
            kinds = Counter(v["kind"] for i in subset for v in i["values"])
            print(f"{split:8} {form:7} {len(subset):4} sentences, {negatives:4} negatives, "
                  + ", ".join(f"{k} {kinds[k]}" for k in KINDS))
    print(f"{len(items)} sentences written to {DATA_FILE}")


if __name__ == "__main__":
    main()

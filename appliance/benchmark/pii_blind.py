"""An independent labelled personal-data set, written without sight of the masker.

The appliance's own labelled set (`pii_corpus`) is generated from templates by the
team that wrote the masker, so its recall is not an independent measurement: the
sentences were shaped, knowingly or not, by what the masker already catches. This
set was written the way an outside evaluator would write it: from how people talk
to a voice assistant and how Whisper writes speech down, never from the masker's
code, its patterns, its tests or its output. It is a held-out measurement; tuning
the masker against its misses would spend it.

`python -m appliance.benchmark.pii_blind` writes `tests/governance/pii_blind.jsonl`
(seeded, deterministic), one sentence a line in the schema of `pii_labelled.jsonl`:
`text`, `form` ("typed", or "spoken": written as Whisper writes speech), `split`,
`source` ("blind"), `template`, `context` (the sentence with each personal value
replaced by one space), `values` (kind, surface, canonical, digits, words) and `id`.

Labelling rules, decided before any measurement:
- A value's `digits` are the digits it holds, said or written; its `words` are the
  tokens that identify it (names, e-mail local part and domain name, street, town,
  state name, postcode tokens, IBAN country and bank letters), never generic words
  ("street", "dot", "com", "apartment"), state abbreviations that are also words
  ("OR", "IN", "OH"), single letters, or tokens the sentence does not really hold.
- People asked about in general-knowledge questions or named as artists to play
  (Abraham Lincoln, Taylor Swift) are not the user's personal data: negatives.
- A street or town without a house number or postcode is a place, not an address:
  "restaurants near Main Street" is a negative.
- Order, tracking, flight, booking and invoice numbers, prices, dates and versions
  are hard-negative fillers: they stay in the context, so the bench does not count
  their digits against the masker.
- A spoken number corrected mid-way ("five five five, sorry, five five six ...") is
  one value from its first digit to its last.
The split is fixed by a hash of the template (the sentence frame): half held-out,
half dev.
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import random
import re
import unicodedata
from collections import Counter
from pathlib import Path

import phonenumbers
from phonenumbers import PhoneNumberFormat
from stdnum import iban as stdnum_iban
from stdnum import luhn
from stdnum.es import ccc
from stdnum.us import ssn as stdnum_ssn

DATA_FILE = Path(__file__).resolve().parents[2] / "tests" / "governance" / "pii_blind.jsonl"
SEED = 2604
FILLER_REPEATS = 3  # sentences per hard-negative template with a filler
WRITTEN_SHARE = 0.25  # spoken numbers Whisper writes as digits rather than words
KINDS = ("card", "us_ssn", "phone", "email", "iban", "ip_address", "street_address",
         "person_name")
_SLOT = re.compile(r"\{(\w+)\}")


def split_of(template: str) -> str:
    """`heldout` or `dev`, half and half, by a fixed hash of the template text."""
    return "heldout" if hashlib.sha256(template.encode()).digest()[0] < 128 else "dev"


def said(word: str, text: str) -> bool:
    """Whether `word` is in `text`, whole or spelled letter by letter (as the bench looks)."""
    pattern = rf"(?<!\w){re.escape(word)}(?!\w)"
    if len(word) >= 3:
        pattern += "|" + r"(?<!\w)" + r"\s".join(re.escape(ch) for ch in word) + r"(?!\w)"
    return re.search(pattern, text, re.IGNORECASE) is not None


def _value(kind: str, surface: str, canonical: str, digits: str, candidates=()) -> dict:
    """One gold value; only the candidate words its surface really holds are kept."""
    words: list[str] = []
    for word in candidates:
        fresh = word.lower() not in {w.lower() for w in words}
        if len(word) >= 2 and fresh and said(word, surface):
            words.append(word)
    return {"kind": kind, "surface": surface, "canonical": canonical, "digits": digits,
            "words": words}


def _filler(surface: str) -> dict:
    """A hard-negative filler: it stays in the context."""
    return {"kind": None, "surface": surface}


def _ascii(text: str) -> str:
    """Without accents: how a speech transcript or an e-mail address writes a name."""
    folded = unicodedata.normalize("NFKD", text.replace("ø", "o").replace("ł", "l"))
    return "".join(ch for ch in folded if not unicodedata.combining(ch))


# --- numbers as people say them and as Whisper writes them --------------------------------

_SMALL = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
          "fourteen fifteen sixteen seventeen eighteen nineteen").split()
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def number_words(n: int, british: bool = False) -> str:
    """`n` (below a million) in words: "one thousand two hundred (and) thirty four"."""
    if n < 20:
        return _SMALL[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (f" {_SMALL[ones]}" if ones else "")
    big, rest, unit = (n // 1000, n % 1000, "thousand") if n >= 1000 else (n // 100, n % 100,
                                                                            "hundred")
    head = f"{number_words(big, british)} {unit}"
    if not rest:
        return head
    return head + (" and " if british and rest < 100 else " ") + number_words(rest, british)


def _digit_word(digit: str, zero: str) -> str:
    return zero if digit == "0" else _SMALL[int(digit)]


def say_digits(digits: str, zero: str = "zero", doubles: bool = False) -> str:
    """Digit by digit ("four one one one"); with `doubles`, "double five", "triple seven"."""
    words = []
    i = 0
    while i < len(digits):
        run = 1
        while doubles and run < 3 and i + run < len(digits) and digits[i + run] == digits[i]:
            run += 1
        words.append(("", "double ", "triple ")[run - 1] + _digit_word(digits[i], zero))
        i += run
    return " ".join(words)


def say_pairs(digits: str, zero: str = "oh") -> str:
    """In twos, as people read numbers: "forty one eleven", "twenty three oh one"."""
    if len(digits) in (3, 4) and digits.endswith("00") and digits[0] != "0":
        return f"{number_words(int(digits[:-2]))} hundred"
    head = digits[:len(digits) % 2]
    chunks = ([head] if head else []) + [digits[i:i + 2] for i in range(len(head),
                                                                         len(digits), 2)]
    return " ".join(_say_pair(chunk, zero) for chunk in chunks)


def _say_pair(chunk: str, zero: str) -> str:
    if len(chunk) == 1:
        return _digit_word(chunk, zero)
    if chunk[0] == "0":
        return f"{zero} {_digit_word(chunk[1], zero)}"
    return number_words(int(chunk))


def say_group(group: str, style: str, zero: str, british: bool = False) -> str:
    """One group of digits in a style: digits, doubles, pairs or a whole number."""
    if style == "number" and group[0] != "0" and len(group) <= 4:
        return number_words(int(group), british)
    if style in ("pairs", "number"):
        return say_pairs(group, zero)
    return say_digits(group, zero, doubles=style == "doubles")


def say_groups(groups: list[str], rng: random.Random, zeros=("zero", "oh"),
               styles=("digits", "digits", "doubles", "pairs")) -> str:
    """Groups of digits in words, one style and one word for zero per value."""
    style, zero = rng.choice(styles), rng.choice(zeros)
    sep = rng.choice((", ", ", ", " "))
    return sep.join(say_group(g, style, zero) for g in groups)


def written_digits(groups: list[str], rng: random.Random) -> str:
    """How Whisper writes digits it hears: grouped, run on, with commas, odd dashes, mixed."""
    joined = "".join(groups)
    form = rng.choice(("grouped", "grouped", "dashed", "run", "commas", "regrouped",
                       "spaced", "mixed"))
    if form == "commas" and joined[0] != "0":
        return f"{int(joined):,}"
    if form == "dashed":
        return "-".join(groups)
    if form == "run":
        return joined
    if form == "regrouped":
        cuts = sorted(rng.sample(range(2, len(joined) - 1), min(2, len(joined) - 3)))
        return "-".join(joined[a:b] for a, b in zip([0, *cuts], [*cuts, len(joined)],
                                                     strict=True))
    if form == "spaced":
        return " ".join(joined)
    if form == "mixed":
        return " ".join(d if rng.random() < 0.5 else _digit_word(d, "zero") for d in joined)
    return " ".join(groups)


def spoken_number(groups: list[str], rng: random.Random, zeros=("zero", "oh"),
                  styles=("digits", "digits", "doubles", "pairs")) -> str:
    """A spoken number as Whisper writes it: mostly in words, sometimes in digits."""
    if rng.random() < WRITTEN_SHARE:
        return written_digits(groups, rng)
    return say_groups(groups, rng, zeros, styles)


def spell(letters: str) -> str:
    """Letters one by one, as a transcript writes spelling: "B A R C"."""
    return " ".join(letters.upper())


def _cut(text: str, sizes) -> list[str]:
    out, start = [], 0
    for size in sizes:
        out.append(text[start:start + size])
        start += size
    return out


def _random_digits(rng: random.Random, count: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(count))


# --- cards ----------------------------------------------------------------------------------

_CARD_BRANDS = (  # issuer prefixes, length, how the digits are printed on the card
    (("4",), 16, (4, 4, 4, 4)),  # Visa
    (("51", "52", "53", "54", "55", "2221", "2367", "2720"), 16, (4, 4, 4, 4)),  # Mastercard
    (("34", "37"), 15, (4, 6, 5)),  # American Express
    (("6011", "644", "649", "65"), 16, (4, 4, 4, 4)),  # Discover
)


def card_groups(rng: random.Random) -> list[str]:
    """A Luhn-valid card number of a real brand, cut as the card prints it."""
    prefixes, length, layout = rng.choice(_CARD_BRANDS)
    body = rng.choice(prefixes)
    body += _random_digits(rng, length - 1 - len(body))
    return _cut(body + luhn.calc_check_digit(body), layout)


def card(rng: random.Random, form: str) -> dict:
    """A card number, typed as people type it or spoken."""
    groups = card_groups(rng)
    number = "".join(groups)
    if form == "typed":
        surface = rng.choice((" ".join(groups), " ".join(groups), "-".join(groups), number))
    else:
        surface = spoken_number(groups, rng)
    return _value("card", surface, number, number)


def card_corrected(rng: random.Random, form: str) -> dict:
    """A spoken card number with a false start: "four one one two, no, four one one one ..."."""
    groups = card_groups(rng)
    wrong = groups[0][:-1] + str((int(groups[0][-1]) + 1) % 10)
    surface = (f"{say_digits(wrong)}, no sorry, let me start again, "
               f"{say_groups(groups, rng, styles=('digits',))}")
    return _value("card", surface, "".join(groups), wrong + "".join(groups))


# --- US social security numbers -------------------------------------------------------------

def ssn_number(rng: random.Random) -> str:
    """A valid SSN: no 000, 666 or 9xx area, no 00 group, no 0000 serial."""
    while True:
        number = f"{rng.randint(1, 899):03d}{rng.randint(1, 99):02d}{rng.randint(1, 9999):04d}"
        if stdnum_ssn.is_valid(number):
            return number


def us_ssn(rng: random.Random, form: str) -> dict:
    """An SSN typed in its usual shapes, or said in 3-2-4 groups or other groupings."""
    number = ssn_number(rng)
    groups = _cut(number, (3, 2, 4))
    if form == "typed":
        surface = rng.choice(("-".join(groups), "-".join(groups), "-".join(groups),
                              " ".join(groups), number))
    else:
        grouping = rng.choice((groups, groups, _cut(number, (3, 3, 3)), [number]))
        surface = spoken_number(grouping, rng,
                                styles=("digits", "digits", "doubles", "pairs", "number"))
    return _value("us_ssn", surface, number, number)


# --- phones ---------------------------------------------------------------------------------

_NANP_AREAS = (212, 415, 312, 617, 206, 305, 512, 303, 404, 713, 646, 718, 503, 612, 702, 919,
               602, 215, 704, 808)
_PHONE_PLANS = {  # region: national numbers as patterns (N: digit 2-9, X: any digit)
    "US": tuple(f"{a}NXXXXXX" for a in _NANP_AREAS),
    "CA": tuple(f"{a}NXXXXXX" for a in (416, 604, 514, 613, 403, 902, 780)),
    "GB": ("74XXXXXXXX", "75XXXXXXXX", "77XXXXXXXX", "78XXXXXXXX", "79XXXXXXXX",
           "207XXXXXXX", "208XXXXXXX", "161NXXXXXX", "113NXXXXXX", "131NXXXXXX",
           "121NXXXXXX", "2920XXXXXX", "117NXXXXXX"),
    "DE": ("151XXXXXXXX", "160XXXXXXX", "170XXXXXXX", "176XXXXXXXX", "30NXXXXXXX",
           "89NXXXXXXX", "40NXXXXXXX", "221NXXXXXX"),
    "FR": ("6XXXXXXXX", "75XXXXXXX", "14XXXXXXX", "491XXXXXX"),
    "IN": ("98XXXXXXXX", "97XXXXXXXX", "88XXXXXXXX", "70XXXXXXXX"),
    "AU": ("4XXXXXXXX", "29XXXXXXX", "39XXXXXXX"),
    "IE": ("83XXXXXXX", "85XXXXXXX", "86XXXXXXX", "87XXXXXXX", "1NXXXXXX"),
    "ES": ("6XXXXXXXX", "91XXXXXXX", "93XXXXXXX"),
    "IT": ("347XXXXXXX", "333XXXXXXX", "320XXXXXXX", "06XXXXXXXX"),
    "NL": ("6XXXXXXXX", "20XXXXXXX"),
    "NG": ("803XXXXXXX", "806XXXXXXX", "813XXXXXXX"),
    "BR": ("119XXXXXXXX", "219XXXXXXXX"),
    "MX": ("55XXXXXXXX", "33XXXXXXXX"),
    "PL": ("50XXXXXXX", "60XXXXXXX", "79XXXXXXX"),
    "KE": ("71XXXXXXX", "72XXXXXXX"),
    "JP": ("90XXXXXXXX", "80XXXXXXXX"),
}
_PHONE_WEIGHTS = {"US": 7, "CA": 2, "GB": 6, "DE": 2, "FR": 2, "IN": 3, "AU": 2, "IE": 2,
                  "ES": 1, "IT": 1, "NL": 1, "NG": 1, "BR": 1, "MX": 1, "PL": 1, "KE": 1, "JP": 1}
_ZEROS = {"US": ("oh", "zero"), "CA": ("oh", "zero"), "GB": ("oh", "oh", "nought", "zero"),
          "IE": ("oh", "zero"), "AU": ("oh", "zero")}
_PHONE_STYLES = {"GB": ("digits", "doubles", "doubles"), "IE": ("digits", "doubles"),
                 "AU": ("digits", "doubles"), "FR": ("pairs",),
                 "US": ("digits", "digits", "pairs", "doubles")}


def phone_number(rng: random.Random, region: str) -> phonenumbers.PhoneNumber:
    """A number valid in `region`'s numbering plan (fictional 555 exchanges left out)."""
    code = phonenumbers.country_code_for_region(region)
    while True:
        pattern = rng.choice(_PHONE_PLANS[region])
        national = "".join(rng.choice("23456789") if ch == "N" else
                           rng.choice("0123456789") if ch == "X" else ch for ch in pattern)
        number = phonenumbers.parse(f"+{code}{national}")
        if phonenumbers.is_valid_number(number) and not (code == 1 and national[3:6] == "555"):
            return number


def typed_phones(number: phonenumbers.PhoneNumber, international: bool) -> list[str]:
    """The ways people type this number, local or international, each checked valid."""
    region = phonenumbers.region_code_for_number(number)
    intl = phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
    if international:
        shapes = [intl, phonenumbers.format_number(number, PhoneNumberFormat.E164)]
        if number.country_code != 1:
            shapes.append("00" + intl[1:])
    else:
        national = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
        groups = re.findall(r"\d+", national)
        shapes = [national, national, "-".join(groups), "".join(groups)]
        if region in ("US", "CA", "FR"):
            shapes.append(".".join(groups))
        if number.country_code == 1:
            shapes.append("1-" + "-".join(groups))
    return [s for s in shapes if _parses_as(s, region, number)]


def _parses_as(text: str, region: str, number: phonenumbers.PhoneNumber) -> bool:
    parsed = phonenumbers.parse(text, region)
    return phonenumbers.is_valid_number(parsed) and parsed.national_number == \
        number.national_number


def _regroup(groups: list[str]) -> list[str]:
    """Long runs cut as people say them: six digits as three and three, eight as four and four."""
    out = []
    for group in groups:
        out += _cut(group, (len(group) // 2, len(group) - len(group) // 2)) \
            if len(group) >= 6 else [group]
    return out


def spoken_phone(number: phonenumbers.PhoneNumber, international: bool,
                 rng: random.Random) -> tuple[str, str]:
    """The number said (or written by Whisper), local or with "plus" and the country code."""
    region = phonenumbers.region_code_for_number(number)
    shape = PhoneNumberFormat.INTERNATIONAL if international else PhoneNumberFormat.NATIONAL
    formatted = phonenumbers.format_number(number, shape)
    groups = _regroup(re.findall(r"\d+", formatted))
    digits = "".join(groups)
    if rng.random() < WRITTEN_SHARE:
        return rng.choice((formatted, written_digits(groups, rng))), digits
    zeros = _ZEROS.get(region, ("zero", "oh"))
    styles = _PHONE_STYLES.get(region, ("digits", "digits", "doubles", "pairs"))
    if not international:
        return say_groups(groups, rng, zeros, styles), digits
    code = groups[0]
    said_code = rng.choice((say_digits(code), number_words(int(code))))
    return f"plus {said_code}, {say_groups(groups[1:], rng, zeros, styles)}", digits


def _phone(rng: random.Random, form: str, regions: tuple[str, ...],
           international: bool | None = None) -> dict:
    region = rng.choices(regions, weights=[_PHONE_WEIGHTS[r] for r in regions])[0]
    number = phone_number(rng, region)
    if international is None:
        international = rng.random() < 0.35
    canonical = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    if form == "typed":
        surface = rng.choice(typed_phones(number, international))
        digits = re.sub(r"\D", "", surface)
    else:
        surface, digits = spoken_phone(number, international, rng)
    return _value("phone", surface, canonical, digits)


def phone(rng: random.Random, form: str) -> dict:
    """A phone number from any of many countries, local or international."""
    return _phone(rng, form, tuple(_PHONE_PLANS))


def phone_us(rng: random.Random, form: str) -> dict:
    """A US or Canadian number."""
    return _phone(rng, form, ("US", "CA"), international=False)


def phone_uk(rng: random.Random, form: str) -> dict:
    """A UK mobile or landline, as dialled at home."""
    return _phone(rng, form, ("GB",), international=False)


def phone_intl(rng: random.Random, form: str) -> dict:
    """A number outside North America in international form."""
    return _phone(rng, form, tuple(r for r in _PHONE_PLANS if r not in ("US", "CA")),
                  international=True)


def phone_corrected(rng: random.Random, form: str) -> dict:
    """A spoken US number with a slip: "five five five, sorry, five five six ..."."""
    number = phone_number(rng, "US")
    groups = re.findall(r"\d+", phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL))
    wrong = groups[0][:-1] + str((int(groups[0][-1]) + 1) % 10)
    right = say_groups(groups, rng, ("oh",), ("digits",))
    surface = f"{say_digits(wrong, 'oh')}, sorry, {right}"
    return _value("phone", surface, phonenumbers.format_number(number, PhoneNumberFormat.E164),
                  wrong + "".join(groups))


# --- people ---------------------------------------------------------------------------------

PEOPLE = (  # (first, last): many cultures, a few first names that are also common words
    ("Kwame", "Mensah"), ("Ama", "Owusu"), ("Chidi", "Okonkwo"), ("Ngozi", "Adeyemi"),
    ("Oluwaseun", "Bakare"), ("Abena", "Asante"), ("Kofi", "Boateng"), ("Folake", "Adebayo"),
    ("Emeka", "Nwosu"), ("Yaw", "Darko"), ("Aminata", "Diallo"), ("Moussa", "Traoré"),
    ("Fatoumata", "Keita"), ("Chiamaka", "Eze"), ("Tunde", "Ogunleye"), ("Efua", "Quaye"),
    ("Wanjiru", "Kamau"), ("Baraka", "Otieno"), ("Hope", "Mwangi"),
    ("Priya", "Raghavan"), ("Arjun", "Mehta"), ("Ananya", "Iyer"), ("Rohan", "Deshpande"),
    ("Kavya", "Reddy"), ("Farhan", "Chowdhury"), ("Tahmina", "Begum"), ("Sunil", "Perera"),
    ("Dilani", "Fernando"), ("Harpreet", "Sandhu"), ("Gurpreet", "Kaur"), ("Vikram", "Nair"),
    ("Meera", "Krishnan"), ("Imran", "Qureshi"), ("Ayesha", "Siddiqui"),
    ("Wei", "Zhang"), ("Xiaoling", "Chen"), ("Haruto", "Tanaka"), ("Yui", "Nakamura"),
    ("Min-jun", "Park"), ("Ji-woo", "Kim"), ("Lan", "Nguyen"), ("Minh", "Tran"),
    ("Mei Ling", "Wong"), ("Kenji", "Watanabe"), ("Siti", "Rahmawati"), ("Jia Hui", "Lim"),
    ("Omar", "Haddad"), ("Layla", "Al-Sayed"), ("Youssef", "Benali"), ("Khalid", "Al-Mansouri"),
    ("Rania", "Khoury"), ("Tariq", "Nasser"), ("Noor", "Abdullah"), ("Samira", "El Amrani"),
    ("Hassan", "Farouk"), ("Mariam", "Aziz"), ("Dara", "Rahimi"), ("Shirin", "Tehrani"),
    ("Katarzyna", "Nowak"), ("Dmitri", "Volkov"), ("Agnieszka", "Wiśniewska"),
    ("Oleksandr", "Kovalenko"), ("Milena", "Petrović"), ("Tomasz", "Zieliński"),
    ("Svetlana", "Ivanova"), ("Jakub", "Dvořák"), ("Bogdan", "Popescu"),
    ("Mariana", "Gutiérrez"), ("Alejandro", "Ramírez"), ("Camila", "Rojas"),
    ("Diego", "Fernández"), ("Valentina", "Morales"), ("José Luis", "Castillo"),
    ("Guadalupe", "Hernández"), ("Thiago", "Oliveira"), ("Beatriz", "Souza"),
    ("Joaquín", "Vargas"), ("Ximena", "Salazar"),
    ("Aoife", "Murphy"), ("Siobhán", "O'Sullivan"), ("Niamh", "Kelly"), ("Cian", "Brennan"),
    ("Oisín", "Doherty"), ("Saoirse", "Byrne"), ("Pádraig", "Gallagher"), ("Caoimhe", "Walsh"),
    ("Astrid", "Lindqvist"), ("Sigrid", "Haugen"), ("Bjørn", "Halvorsen"), ("Eero", "Virtanen"),
    ("Freya", "Johansson"), ("Magnus", "Eriksson"), ("Ingrid", "Solberg"), ("Aino", "Korhonen"),
    ("Ahmet", "Yılmaz"), ("Elif", "Demir"), ("Giorgos", "Papadopoulos"), ("Luca", "Bianchi"),
    ("Giulia", "Romano"), ("Camille", "Moreau"), ("Lukas", "Becker"), ("Yael", "Levi"),
    ("Aroha", "Parata"), ("Tane", "Ngata"), ("Grace", "Whitfield"), ("Rose", "Delaney"),
    ("Will", "Ashworth"), ("Bill", "Hartley"), ("Eleanor", "Finch"), ("Jessica", "Pemberton"),
)
_PARTICLES = {"al", "el", "de", "la", "van", "der", "von", "da", "di", "du", "bin"}


def name_words(name: str) -> list[str]:
    """The tokens of a name that identify the person (not particles such as "al" or "de")."""
    tokens = []
    for token in name.split():
        tokens.append(token)
        tokens += [part for part in token.split("-") if len(part) >= 3]
    return [t for t in tokens if t.lower() not in _PARTICLES]


def _name(rng: random.Random, form: str, pick) -> dict:
    first, last = rng.choice(PEOPLE)
    name = pick(first, last)
    surface = _ascii(name) if form == "spoken" else name
    return _value("person_name", surface, name, "", name_words(surface))


def first_name(rng: random.Random, form: str) -> dict:
    """A first name alone, as in "text Kwame" or "hi it's Aoife"."""
    return _name(rng, form, lambda first, last: first)


def full_name(rng: random.Random, form: str) -> dict:
    """A first and last name."""
    return _name(rng, form, lambda first, last: f"{first} {last}")


def last_name(rng: random.Random, form: str) -> dict:
    """A surname, after a title the template holds ("Dr. {last}")."""
    return _name(rng, form, lambda first, last: last)


def first_name_spelled(rng: random.Random, form: str) -> dict:
    """A first name said and then spelled: "Aoife, A O I F E"."""
    first, _ = rng.choice(PEOPLE)
    plain = _ascii(first).replace(" ", "").replace("-", "")
    surface = f"{_ascii(first)}, {rng.choice(('', 'that is ', 'spelled '))}{spell(plain)}"
    return _value("person_name", surface, first, "", [plain, *name_words(_ascii(first))])


# --- e-mail ---------------------------------------------------------------------------------

MAIL_DOMAINS = (
    "gmail.com", "gmail.com", "yahoo.com", "yahoo.co.uk", "outlook.com", "hotmail.co.uk",
    "hotmail.fr", "icloud.com", "proton.me", "gmx.de", "web.de", "orange.fr", "libero.it",
    "rediffmail.com", "btinternet.com", "bigpond.com.au", "eircom.net", "uol.com.br",
    "yandex.ru", "naver.com", "cs.ox.ac.uk", "students.uq.edu.au", "mail.utoronto.ca",
    "tu-berlin.de", "nhs.net", "northwind-traders.com", "acme.io", "lagos-fintech.ng",
    "mensah-partners.com.gh", "kth.se",
)
_GENERIC_LABELS = {"com", "co", "uk", "org", "net", "edu", "ac", "gov", "io", "me", "de", "fr",
                   "it", "es", "ie", "au", "br", "in", "ca", "ng", "gh", "ru", "se", "mail",
                   "students", "nhs", "cs"}


def _local_part(first: str, last: str, rng: random.Random) -> list[tuple[str, str]]:
    """An e-mail local part as pieces: (w)ord, (i)nitial, (n)umber or a separator."""
    f = re.sub(r"[^a-z]", "", _ascii(first).lower())
    s = re.sub(r"[^a-z]", "", _ascii(last).lower())
    number = rng.choice((str(rng.randint(1, 99)), str(rng.randint(1962, 2006))))
    return rng.choice((
        [("w", f), (".", "."), ("w", s)],
        [("w", f), (".", "."), ("w", s)],
        [("i", f[0]), (".", "."), ("w", s)],
        [("w", f), ("w", s), ("n", number)],
        [("w", f), ("_", "_"), ("w", s)],
        [("w", f), ("-", "-"), ("w", s)],
        [("w", s), (".", "."), ("w", f)],
        [("w", f), ("n", number)],
        [("i", f[0]), ("w", s), ("n", number)],
        [("w", f), (".", "."), ("w", s), ("n", number)],
        [("w", f), ("_", "_"), ("i", s[0]), ("n", number)],
    ))


def _say_local(pieces: list[tuple[str, str]], rng: random.Random) -> str:
    spelled = rng.random() < 0.25
    words = []
    for kind, text in pieces:
        if kind == "w":
            words.append(spell(text).lower() if spelled else text)
        elif kind == "i":
            words.append(text)
        elif kind == "n":
            words.append(say_pairs(text) if rng.random() < 0.7 else say_digits(text))
        elif text == ".":
            words.append("dot")
        elif text == "_":
            words.append("underscore")
        else:
            words.append(rng.choice(("hyphen", "dash")))
    return " ".join(words)


def _say_domain(domain: str, rng: random.Random) -> str:
    dash = rng.choice(("dash", "hyphen"))
    return " dot ".join(label.replace("-", f" {dash} ") for label in domain.split("."))


def email(rng: random.Random, form: str) -> dict:
    """An address of many shapes; spoken as "bruno dot patel at gmail dot com"."""
    first, last = rng.choice(PEOPLE)
    pieces = _local_part(first, last, rng)
    domain = rng.choice(MAIL_DOMAINS)
    local = "".join(text for _, text in pieces)
    canonical = f"{local}@{domain}"
    if form == "typed":
        surface = canonical
    elif rng.random() < WRITTEN_SHARE:
        surface = rng.choice((canonical, f"{local} at {domain}"))
    else:
        surface = f"{_say_local(pieces, rng)} at {_say_domain(domain, rng)}"
    labels = [label for label in domain.split(".") if label not in _GENERIC_LABELS]
    words = [local] + [text for kind, text in pieces if kind == "w"]
    words += labels + [part for label in labels for part in label.split("-") if len(part) >= 3]
    return _value("email", surface, canonical, re.sub(r"\D", "", local), words)


# --- IBANs ----------------------------------------------------------------------------------

_IBAN_LAYOUT = {  # BBAN as runs of (n)umbers and (a)lphabetic letters, per the IBAN registry
    "GB": "4a6n8n", "IE": "4a6n8n", "NL": "4a10n", "DE": "8n10n", "FR": "5n5n11n2n",
    "ES": "4n4n2n10n", "IT": "1a5n5n12n", "BE": "3n7n2n", "CH": "5n12n", "AT": "5n11n",
    "PL": "8n16n", "PT": "4n4n11n2n", "SE": "3n16n1n", "DK": "4n9n1n", "NO": "4n6n1n",
    "FI": "3n11n", "LU": "3n13n", "CZ": "4n16n",
}
_BANK_CODES = {"GB": ("BARC", "NWBK", "LOYD", "HBUK", "MIDL", "NAIA", "MONZ", "SRLG"),
               "IE": ("AIBK", "BOFI", "IPBS", "ULSB"),
               "NL": ("ABNA", "INGB", "RABO", "TRIO", "SNSB", "KNAB", "BUNQ")}
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _bban(country: str, rng: random.Random) -> str:
    runs = re.findall(r"(\d+)([an])", _IBAN_LAYOUT[country])
    out = ""
    for index, (size, kind) in enumerate(runs):
        if kind == "n":
            out += _random_digits(rng, int(size))
        elif index == 0 and country in _BANK_CODES:
            out += rng.choice(_BANK_CODES[country])
        else:
            out += "".join(rng.choice(_LETTERS) for _ in range(int(size)))
    return _with_national_check(country, out)


def _with_national_check(country: str, bban: str) -> str:
    """The national check digits some countries put inside the BBAN (Spain, France, Belgium)."""
    if country == "ES":
        return bban[:8] + ccc.calc_check_digits(bban) + bban[10:]
    if country == "FR":
        key = 97 - (89 * int(bban[:5]) + 15 * int(bban[5:10]) + 3 * int(bban[10:21])) % 97
        return bban[:21] + f"{key:02d}"
    if country == "BE":
        return bban[:10] + f"{int(bban[:10]) % 97 or 97:02d}"
    return bban


def iban_number(rng: random.Random) -> str:
    """A valid IBAN (mod 97 and, where stdnum knows it, the national check) of many countries."""
    while True:
        country = rng.choice(tuple(_IBAN_LAYOUT))
        bban = _bban(country, rng)
        number = country + stdnum_iban.calc_check_digits(country + "00" + bban) + bban
        if stdnum_iban.is_valid(number):
            return number


def _say_alnum(group: str, style: str, zero: str) -> str:
    if group.isdigit():
        return say_group(group, style, zero)
    return " ".join(ch if ch.isalpha() else _digit_word(ch, zero) for ch in group)


def spoken_iban(number: str, rng: random.Random) -> str:
    """Letters spelled, check digits and groups of four in words; or as Whisper writes it."""
    groups = stdnum_iban.format(number).split()
    if rng.random() < WRITTEN_SHARE:
        return rng.choice((" ".join(groups), f"{number[:2]} {number[2:4]} {' '.join(groups[1:])}",
                           f"{groups[0]} {''.join(groups[1:])}"))
    style, zero = rng.choice(("digits", "digits", "doubles", "pairs")), rng.choice(("zero", "oh"))
    check = rng.choice((number_words(int(number[2:4])), say_digits(number[2:4], zero)))
    rest = [spell(g) if g.isalpha() else _say_alnum(g, style, zero) for g in groups[1:]]
    return ", ".join([f"{spell(number[:2])} {check}", *rest])


def iban(rng: random.Random, form: str) -> dict:
    """An IBAN, printed in groups of four or run together, or spoken."""
    number = iban_number(rng)
    if form == "typed":
        surface = rng.choice((stdnum_iban.format(number), stdnum_iban.format(number), number))
    else:
        surface = spoken_iban(number, rng)
    letters = [number[:2]] + re.findall(r"[A-Z]{2,}", number[4:])
    return _value("iban", surface, number, re.sub(r"\D", "", number), letters)


# --- IP addresses ---------------------------------------------------------------------------

def ip_number(rng: random.Random) -> ipaddress.IPv4Address:
    """A home-network or public IPv4 address."""
    shape = rng.choice(("home", "home", "ten", "office", "public", "public"))
    if shape == "home":
        octets = (192, 168, rng.choice((0, 1, 1, 2, 10, 100, 178)), rng.randint(2, 254))
    elif shape == "ten":
        octets = (10, rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))
    elif shape == "office":
        octets = (172, rng.randint(16, 31), rng.randint(0, 255), rng.randint(1, 254))
    else:
        first = rng.choice((23, 31, 45, 62, 81, 86, 91, 103, 109, 151, 185, 203, 212))
        octets = (first, rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))
    return ipaddress.IPv4Address(".".join(map(str, octets)))


def ip_v6(rng: random.Random) -> ipaddress.IPv6Address:
    """A global IPv6 address with a run of zero groups, as routers show them."""
    prefix = rng.choice(((0x2a02, 0x0c7c), (0x2600, 0x1700), (0x2001, 0x0db8), (0x2a01, 0x04f8)))
    groups = [*prefix, rng.randint(0, 0xffff), rng.randint(0, 0xffff), 0, 0,
              rng.randint(0, 0xffff), rng.randint(1, 0xffff)]
    return ipaddress.IPv6Address(":".join(f"{g:x}" for g in groups))


def ip_address(rng: random.Random, form: str) -> dict:
    """An IP address; spoken octet by octet with "dot"."""
    if form == "typed" and rng.random() < 0.2:
        address = ip_v6(rng)
        text = address.compressed
        hexes = [g for g in re.split(r"[:]+", text) if re.search(r"[a-f]", g) and len(g) >= 2]
        return _value("ip_address", text, text, re.sub(r"\D", "", text), hexes)
    address = ip_number(rng)
    octets = str(address).split(".")
    if form == "typed" or rng.random() < WRITTEN_SHARE:
        surface = str(address)
    else:
        style, zero = rng.choice(("digits", "digits", "pairs", "number")), rng.choice(("zero",
                                                                                     "oh"))
        surface = " dot ".join(say_group(o, style, zero) for o in octets)
    return _value("ip_address", surface, str(address), "".join(octets))


# --- street addresses -----------------------------------------------------------------------

US_STREETS = ("Maple", "Juniper", "Lakeview", "Hawthorne", "Sycamore", "Delancey", "Brookfield",
              "Chestnut", "Magnolia", "Fairmount", "Linden", "Willow Creek", "Cedar Ridge",
              "Pemberton", "Beaumont", "Riverside", "Kenwood", "Prospect", "Alder", "Wabash",
              "Larkspur", "Martin Luther King Jr")
US_SUFFIXES = (("Street", "St"), ("Avenue", "Ave"), ("Boulevard", "Blvd"), ("Road", "Rd"),
               ("Drive", "Dr"), ("Lane", "Ln"), ("Court", "Ct"), ("Place", "Pl"),
               ("Terrace", "Ter"), ("Circle", "Cir"), ("Parkway", "Pkwy"), ("Way", "Way"))
US_CITIES = (  # city, state, state name, first three ZIP digits
    ("Springfield", "IL", "Illinois", "627"), ("Austin", "TX", "Texas", "787"),
    ("Portland", "OR", "Oregon", "972"), ("Denver", "CO", "Colorado", "802"),
    ("Columbus", "OH", "Ohio", "432"), ("Madison", "WI", "Wisconsin", "537"),
    ("Raleigh", "NC", "North Carolina", "276"), ("Tucson", "AZ", "Arizona", "857"),
    ("Boise", "ID", "Idaho", "837"), ("Albany", "NY", "New York", "122"),
    ("Burlington", "VT", "Vermont", "054"), ("Savannah", "GA", "Georgia", "314"),
    ("Omaha", "NE", "Nebraska", "681"), ("Sacramento", "CA", "California", "958"),
    ("Ann Arbor", "MI", "Michigan", "481"), ("Bellevue", "WA", "Washington", "980"),
    ("Brooklyn", "NY", "New York", "112"), ("Cambridge", "MA", "Massachusetts", "021"),
    ("Santa Fe", "NM", "New Mexico", "875"), ("Bozeman", "MT", "Montana", "597"),
    ("Pittsburgh", "PA", "Pennsylvania", "152"), ("Louisville", "KY", "Kentucky", "402"),
    ("Tulsa", "OK", "Oklahoma", "741"), ("Honolulu", "HI", "Hawaii", "968"),
)
# State abbreviations that are ordinary words, or "oh" (a digit): not evidence of a leak.
_COMMON_STATES = {"IN", "OR", "ME", "OK", "HI", "OH", "LA", "PA", "MA", "CO", "ID", "DE", "AL",
                  "ACT"}
_GENERIC_PLACE = {"new", "north", "south", "west", "east", "jr", "santa"}
UK_STREETS = ("Hyde Park", "Baker", "Ashby", "Harrowgate", "Kensington", "Blenheim", "Cavendish",
              "Ecclesall", "Otley", "Gloucester", "Marlborough", "Sefton", "Grosvenor",
              "Chatsworth", "Mansfield", "Thornhill", "Pendle", "Ravenscroft")
UK_SUFFIXES = (("Road", "Rd"), ("Street", "St"), ("Lane", "Ln"), ("Avenue", "Ave"),
               ("Close", "Cl"), ("Crescent", "Cres"), ("Gardens", "Gdns"), ("Terrace", "Terr"),
               ("Drive", "Dr"), ("Grove", "Gr"), ("Mews", "Mews"))
UK_TOWNS = (  # town, postcode area, districts
    ("Leeds", "LS", 1, 29), ("Manchester", "M", 1, 40), ("Bristol", "BS", 1, 16),
    ("Cardiff", "CF", 10, 24), ("Glasgow", "G", 1, 80), ("Edinburgh", "EH", 1, 17),
    ("Sheffield", "S", 1, 20), ("Nottingham", "NG", 1, 11), ("York", "YO", 10, 32),
    ("Brighton", "BN", 1, 3), ("Oxford", "OX", 1, 4), ("Norwich", "NR", 1, 7),
    ("Belfast", "BT", 1, 17), ("Liverpool", "L", 1, 25), ("Exeter", "EX", 1, 4),
    ("Leicester", "LE", 1, 5), ("Aberdeen", "AB", 10, 25), ("Swansea", "SA", 1, 9),
)
_INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
CA_CITIES = (("Toronto", "ON", "Ontario", "M"), ("Vancouver", "BC", "British Columbia", "V"),
             ("Montreal", "QC", "Quebec", "H"), ("Calgary", "AB", "Alberta", "T"),
             ("Ottawa", "ON", "Ontario", "K"), ("Halifax", "NS", "Nova Scotia", "B"))
CA_STREETS = ("Bloor", "Dundas", "Sherbrooke", "Granville", "Kensington", "Spring Garden",
              "Bank", "Jasper")
AU_SUBURBS = (("Fitzroy", "VIC", "Victoria", "3065"), ("Parramatta", "NSW", "New South Wales",
              "2150"), ("Newtown", "NSW", "New South Wales", "2042"),
              ("Fremantle", "WA", "Western Australia", "6160"), ("Toowong", "QLD", "Queensland",
              "4066"), ("Glenelg", "SA", "South Australia", "5045"),
              ("Sandy Bay", "TAS", "Tasmania", "7005"), ("Braddon", "ACT", "Canberra", "2612"))
AU_STREETS = ("Brunswick", "Church", "Macquarie", "Wattle", "Kooyong", "Hobart")


def _house_number(rng: random.Random, top: int) -> str:
    return str(rng.choice((rng.randint(1, 99), rng.randint(1, 99), rng.randint(100, top))))


def _say_house(number: str, rng: random.Random, british: bool = False) -> str:
    style = rng.choice(("pairs", "pairs", "number", "digits"))
    return say_group(number, style, "oh", british)


def _address_words(*parts: str) -> list[str]:
    words = []
    for part in parts:
        words += [w for w in re.split(r"[\s,]+", part) if w and w.lower() not in _GENERIC_PLACE]
    return words


def us_address(rng: random.Random, form: str) -> dict:
    """A US address: number, street, maybe an apartment or suite, city, state, ZIP."""
    number, street = _house_number(rng, 9800), rng.choice(US_STREETS)
    suffix = rng.choice(US_SUFFIXES)
    city, state, state_name, zip3 = rng.choice(US_CITIES)
    zip_code = zip3 + _random_digits(rng, 2)
    unit_word = rng.choice(("", "", "Apt", "Apartment", "Suite", "Unit", "#"))
    unit_no = "" if not unit_word else rng.choice((
        str(rng.randint(1, 30)), f"{rng.randint(1, 12)}{rng.choice('ABCDF')}",
        str(rng.randint(100, 950))))
    unit_name = "Apartment" if unit_word in ("Apt", "#") else unit_word
    canonical = (f"{number} {street} {suffix[0]}{f', {unit_name} {unit_no}' if unit_no else ''}, "
                 f"{city}, {state} {zip_code}")
    if form == "typed":
        unit = f" #{unit_no}" if unit_word == "#" else f", {unit_word} {unit_no}" if unit_no else ""
        surface = (f"{number} {street} {rng.choice(suffix)}{unit}, {city}, "
                   f"{rng.choice((state, state, state_name))} {zip_code}")
    elif rng.random() < WRITTEN_SHARE:
        surface = canonical.replace(f", {state} ", f", {state_name} ")
    else:
        unit = f" {unit_name.lower()} {_say_unit(unit_no, rng)}" if unit_no else ""
        zip_said = say_digits(zip_code, rng.choice(("oh", "zero")), rng.random() < 0.3)
        surface = (f"{_say_house(number, rng)} {street} {suffix[0].lower()}{unit}, {city}, "
                   f"{state_name}, {zip_said}")
    state_words = [state_name] + ([] if state in _COMMON_STATES else [state])
    return _value("street_address", surface, canonical,
                  number + re.sub(r"\D", "", unit_no) + zip_code,
                  _address_words(street, city, *state_words))


def _say_unit(unit: str, rng: random.Random) -> str:
    """An apartment number said: "four b", "twelve", "two ten"."""
    digits, letter = re.match(r"(\d+)(\D*)", unit).groups()
    said_digits = say_group(digits, rng.choice(("pairs", "digits")), "oh")
    return f"{said_digits} {letter.lower()}" if letter else said_digits


def uk_postcode(rng: random.Random, area: str, low: int, high: int) -> tuple[str, str]:
    """An outward and inward code of a real postcode area: ("LS6", "2AB")."""
    inward = str(rng.randint(1, 9)) + "".join(rng.choice(_INWARD_LETTERS) for _ in range(2))
    return f"{area}{rng.randint(low, high)}", inward


def _say_postcode(outward: str, inward: str) -> str:
    area, district = re.match(r"([A-Z]+)(\d+)", outward).groups()
    return (f"{spell(area)} {number_words(int(district))}, "
            f"{number_words(int(inward[0]))} {spell(inward[1:])}")


def uk_address(rng: random.Random, form: str) -> dict:
    """A UK address: maybe a flat, number, street, town and postcode."""
    number, street = _house_number(rng, 240), rng.choice(UK_STREETS)
    suffix = rng.choice(UK_SUFFIXES)
    town, area, low, high = rng.choice(UK_TOWNS)
    outward, inward = uk_postcode(rng, area, low, high)
    flat = str(rng.randint(1, 12)) if rng.random() < 0.35 else ""
    canonical = f"{'Flat ' + flat + ', ' if flat else ''}{number} {street} {suffix[0]}, " \
                f"{town} {outward} {inward}"
    if form == "typed":
        postcode = rng.choice((f"{outward} {inward}", f"{outward} {inward}",
                               f"{outward}{inward}".lower()))
        surface = (f"{'Flat ' + flat + ', ' if flat else ''}{number} {street} "
                   f"{rng.choice(suffix)}, {town}{rng.choice((' ', ', '))}{postcode}")
    elif rng.random() < WRITTEN_SHARE:
        surface = canonical
    else:
        flat_said = f"flat {number_words(int(flat))}, " if flat else ""
        surface = (f"{flat_said}{_say_house(number, rng, british=True)} {street} "
                   f"{suffix[0].lower()}, {town}, {_say_postcode(outward, inward)}")
    return _value("street_address", surface, canonical, flat + number + outward + inward,
                  _address_words(street, town) + [outward, inward, area, inward[1:]])


def ca_address(rng: random.Random, form: str) -> dict:
    """A Canadian address with its postal code ("M5V 2T6")."""
    number, street = _house_number(rng, 2400), rng.choice(CA_STREETS)
    suffix = rng.choice((("Street", "St"), ("Avenue", "Ave"), ("Road", "Rd")))
    city, province, province_name, letter = rng.choice(CA_CITIES)
    letters = "ABCEGHJKLMNPRSTVXY"
    postal = (f"{letter}{rng.randint(1, 9)}{rng.choice(letters)} "
              f"{rng.randint(0, 9)}{rng.choice(letters)}{rng.randint(0, 9)}")
    unit = str(rng.randint(101, 2405))
    canonical = f"{number} {street} {suffix[0]}, Unit {unit}, {city}, {province} {postal}"
    if form == "typed":
        surface = f"{unit}-{number} {street} {suffix[1]}, {city}, {province} {postal}"
    else:
        said_postal = " ".join(spell(ch) if ch.isalpha() else number_words(int(ch))
                               for ch in postal.replace(" ", ""))
        surface = (f"unit {say_pairs(unit)}, {_say_house(number, rng)} {street} "
                   f"{suffix[0].lower()}, {city}, {province_name}, {said_postal}")
    return _value("street_address", surface, canonical, unit + number +
                  re.sub(r"\D", "", postal), _address_words(street, city, province_name) +
                  postal.split())


def au_address(rng: random.Random, form: str) -> dict:
    """An Australian address: unit, number, street, suburb, state and postcode."""
    number, street = _house_number(rng, 400), rng.choice(AU_STREETS)
    suburb, state, state_name, postcode = rng.choice(AU_SUBURBS)
    unit = str(rng.randint(1, 24))
    canonical = f"Unit {unit}, {number} {street} Street, {suburb} {state} {postcode}"
    if form == "typed":
        surface = rng.choice((canonical, f"{unit}/{number} {street} St, {suburb} {state} "
                                         f"{postcode}"))
    else:
        surface = (f"unit {number_words(int(unit))}, {_say_house(number, rng)} {street} street, "
                   f"{suburb}, {state_name}, {say_digits(postcode, 'oh', True)}")
    return _value("street_address", surface, canonical, unit + number + postcode,
                  _address_words(street, suburb, state_name) +
                  ([] if state in _COMMON_STATES else [state]))


def address(rng: random.Random, form: str) -> dict:
    """An address: mostly US or UK, sometimes Canadian or Australian."""
    maker = rng.choices((us_address, uk_address, ca_address, au_address),
                        weights=(5, 4, 1, 1))[0]
    return maker(rng, form)


# --- hard-negative fillers ------------------------------------------------------------------

def order_number(rng: random.Random, form: str) -> dict:
    """An order number: web-shop style, with dashes, or a plain long run."""
    plain = f"{rng.randint(100, 999)}-{_random_digits(rng, 7)}-{_random_digits(rng, 7)}"
    if form == "typed":
        return _filler(rng.choice((plain, f"#A-{rng.randint(10000, 99999)}",
                                   f"ORD-2026-{_random_digits(rng, 6)}")))
    return _filler(rng.choice((plain, say_groups(_cut(_random_digits(rng, 10), (3, 3, 4)),
                                                 rng))))


def tracking_number(rng: random.Random, form: str) -> dict:
    """A parcel tracking number (UPS, USPS or Royal Mail style)."""
    ups = "1Z" + "".join(rng.choice("0123456789ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(16))
    usps = " ".join(_cut("94" + _random_digits(rng, 20), (4, 4, 4, 4, 4, 2)))
    royal = f"{rng.choice(('AB', 'RN', 'JD'))}{_random_digits(rng, 9)}GB"
    if form == "typed":
        return _filler(rng.choice((ups, usps, royal)))
    return _filler(rng.choice((ups, usps, f"one Z, {say_digits(_random_digits(rng, 8))}")))


def flight_number(rng: random.Random, form: str) -> dict:
    """A flight number: airline letters and up to four digits."""
    airline, digits = rng.choice(("BA", "LH", "AA", "EI", "FR", "UA", "AF")), str(
        rng.randint(2, 2999))
    if form == "typed":
        return _filler(rng.choice((f"{airline}{digits}", f"{airline} {digits}")))
    return _filler(f"{spell(airline)} {say_pairs(digits)}")


def price(rng: random.Random, form: str) -> dict:
    """A price in dollars, pounds or euros."""
    amount = rng.choice((rng.randint(5, 99), rng.randint(100, 2500)))
    if form == "typed":
        cents = rng.choice(("", f".{rng.randint(0, 99):02d}"))
        return _filler(f"{rng.choice('$£€')}{amount:,}{cents}")
    return _filler(f"{number_words(amount)} {rng.choice(('dollars', 'pounds', 'euros'))}")


def date(rng: random.Random, form: str) -> dict:
    """A calendar date, numeric when typed."""
    day, month = rng.randint(1, 28), rng.randint(1, 12)
    if form == "typed":
        return _filler(rng.choice((f"{day:02d}/{month:02d}/2026", f"2026-{month:02d}-{day:02d}",
                                   f"{month}/{day}")))
    months = ("January February March April May June July August September October November "
              "December").split()
    return _filler(f"{months[month - 1]} {number_words(day)}")


VALUE_MAKERS = {
    "card": card, "card_fix": card_corrected, "ssn": us_ssn, "phone": phone,
    "phone_us": phone_us, "phone_uk": phone_uk, "phone_intl": phone_intl,
    "phone_fix": phone_corrected, "email": email, "iban": iban, "ip": ip_address,
    "address": address, "address_us": us_address, "address_uk": uk_address,
    "first": first_name, "full": full_name, "last": last_name, "spelled": first_name_spelled,
    "order": order_number, "tracking": tracking_number, "flight": flight_number,
    "price": price, "date": date,
}

# --- carrier sentences ----------------------------------------------------------------------
# Typed: as people type to an assistant or a form. Spoken: as Whisper writes speech down.

TYPED = {
    "card": (
        "Card number: {card}, exp 08/29",
        "pay with {card}",
        "My card is {card} and the CVV is on the back",
        "use card {card} for the {price} deposit",
        "{card} is the card I want on file",
        "Can you update my billing card to {card}?",
        "new card {card} exp 11/27",
        "The last card I used was {card}, please refund it there.",
        "charge {card} for order {order}",
        "card no. {card}",
        "i want to pay with this card {card} thanks",
        "Booking for Friday. Card: {card}. Name on card is on the booking.",
        "Here's my card for the subscription: {card}",
        '{card} exp 03/28 cvv on file',
        'Could you charge the balance to {card}?',
        'debit card {card}',
        'payment method: {card}',
        "I'd like to use my other card, {card}, for this one",
        'Please keep {card} on file for the room incidentals',
        'my kid used {card} without asking, can you block it?',
        'CARD {card} EXP 0728',
        'pay the {price} balance with {card}',
        'Replace the expired card with {card}',
        'ok the full number is {card}',
    ),
    "us_ssn": (
        "SSN: {ssn}",
        "My social security number is {ssn}",
        "social is {ssn}",
        "ssn {ssn} dob 04/11/1986",
        "For the tax form my SSN is {ssn}.",
        "Please verify my identity, SSN {ssn}.",
        "{ssn} is my social",
        "the employee's social security no. is {ssn}",
        "Update the W-4 with SSN {ssn} please",
        "my ss# is {ssn}",
        "Taxpayer SSN {ssn}, filing jointly",
        "i need to add my son to the plan, his social is {ssn}",
        'SSN#: {ssn}',
        'Social Security No {ssn} - please keep confidential',
        'the ssn on file is wrong, it should be {ssn}',
        'Dependent: SSN {ssn}',
        'Enter {ssn} in the SSN box',
        'social security # {ssn}',
        "My husband's SSN is {ssn}",
        'Can you check if {ssn} is the SSN on my account?',
        'credit check authorization, SSN {ssn}',
        'SSN - {ssn}',
        'for payroll: social security number {ssn}',
        'its {ssn}, my social',
    ),
    "phone": (
        "Call me at {phone}",
        "my number is {phone}",
        "Text {phone} when you get here",
        "Mobile: {phone}",
        "You can reach me on {phone} after 6pm",
        "Please add {phone} as my emergency contact",
        "Change my phone number to {phone_us}.",
        "{phone} is my cell",
        "call my mom at {phone_us}",
        "Can you save {phone_intl} as Grandma's number?",
        "contact no {phone_uk}",
        "whatsapp me on {phone_intl}",
        'pls call {phone} asap',
        'New number: {phone}',
        'Send the code to {phone_us} instead',
        'my landline is {phone_uk}, mobile coming soon',
        'If the delivery driver needs me: {phone}',
        'Update my work phone to {phone}',
        "reach me at {phone_intl} while I'm abroad",
        "Call {phone} and say I'm running late",
        'tel: {phone}',
        'Could you text the address to {phone}?',
        "{phone_intl} - that's my number in Europe",
        "My daughter's phone is {phone_us}",
    ),
    "email": (
        "my email is {email}",
        "Send the receipt to {email}",
        "email: {email}",
        "Please cc {email} on this.",
        "Can you forward the tickets to {email}?",
        "{email} is my work email",
        "update my contact email to {email} thanks",
        "reply to {email} not to my old address",
        "Share the album with {email}",
        "Invite {email} to the meeting at 3pm",
        "my new address is {email}",
        "login: {email}",
        'pls send the invoice to {email}',
        'Contact: {email}',
        'my old account got hacked, use {email} from now on',
        'subscribe {email} to the newsletter',
        'Is {email} on the guest list?',
        'send a calendar invite to {email} and {email}',
        'E-mail address - {email}',
        'Forward all of these to {email}',
        '{email}',
        'unsubscribe {email}',
        'Password reset for {email} please',
        'Can you email my boss at {email}?',
    ),
    "iban": (
        "IBAN: {iban}",
        "Please transfer the deposit to {iban}",
        "my iban is {iban}",
        "Pay the rent into {iban} by the 1st",
        "Bank details: {iban}, BIC on the invoice",
        "refund to IBAN {iban} please",
        "{iban} is my account for the salary",
        "Send {price} to {iban}",
        "Change the direct debit account to {iban}.",
        "account (IBAN) {iban}",
        "Can you set up a standing order to {iban} for £400 a month?",
        "wire it to {iban}, reference INV-2026-0412",
        'IBAN {iban} (name on the account as on the invoice)',
        'please refund into {iban}',
        'Beneficiary IBAN: {iban}',
        'my new bank account is {iban}, please update payroll',
        'Send my deposit back to {iban}',
        'pay {price} into {iban}',
        '{iban}',
        'Is {iban} a valid IBAN?',
        'salary account: {iban}',
        'Transfer to IBAN {iban} ref 4471',
        'Pay the supplier, IBAN {iban}',
        'My IBAN changed to {iban}.',
    ),
    "ip_address": (
        "my IP is {ip}",
        "Block {ip} on the firewall",
        "whitelist {ip} for ssh",
        "Why can't I reach {ip}?",
        "The camera is at {ip}",
        "Login attempt from {ip}, was that me?",
        "ping {ip}",
        "set the printer's address to {ip}",
        "my home IP address: {ip}",
        "{ip} keeps showing up in the router log",
        "Forward port 8080 to {ip}",
        "connect to {ip} port 22",
        "Can't SSH into {ip}, connection refused",
        'static ip {ip}',
        'the NAS lives at {ip}',
        'ban {ip}',
        'Is {ip} a VPN address?',
        'who owns {ip}?',
        'traceroute to {ip}',
        'DNS points to {ip} but the site is down',
        'Assign {ip} to the living room TV',
        'suspicious traffic from {ip} last night',
        'gateway {ip}',
        'My public IP is {ip}, add it to the allowlist',
    ),
    "street_address": (
        "Ship to {address}",
        "my address is {address}",
        "Deliver to {address_us} please",
        "Address: {address}",
        "I moved to {address_uk}",
        "Pick me up at {address}",
        "Send the invoice to {address}.",
        "{address} - leave it by the door",
        "Billing address: {address_us}",
        "book a cab from {address} to the airport at 6am",
        "Update my address to {address}",
        "we live at {address_uk}",
        '{address}',
        'New address: {address_uk}',
        'deliver to {address} between 9 and 5',
        'Please forward my mail to {address_us}',
        'Return address {address}',
        'The party is at {address}, bring snacks',
        'home: {address}',
        'Is {address_uk} in the delivery zone?',
        'ship the replacement to {address_us}',
        'my mum lives at {address}',
        'Change the billing address to {address}',
        'Send a taxi to {address} for 7:30',
    ),
    "person_name": (
        "text {first} that I'm late",
        "Tell {first} I'm on my way",
        "call my sister {first}",
        "This is {full}, calling about my prescription",
        "hi it's {first}",
        "I'm {full} and I have an appointment at 3pm",
        "Book a table for four under {full}",
        "Remind me to email Dr. {last} tomorrow",
        "Add {full} to my contacts",
        "What did {first} say in the last message?",
        "my name is {full}",
        "Mrs {last} will pick up the kids today",
        'Call {full}',
        'send a message to {first}: running 10 min late',
        'is {full} free at 2pm?',
        'Schedule a call with {full} next week',
        'my wife {first} will be picking up the order',
        "Remind me it's {first}'s birthday on Friday",
        "I'm {first}, nice to meet you",
        'Prof. {full} asked me to send this',
        'Share my location with {first}',
        'Who is {first} in my contacts?',
        '{full} here, can you check my booking?',
        'Please tell {full} that the meeting moved to Thursday',
    ),
    "mixed": (
        "Name: {full}, phone: {phone}, email: {email}",
        "I'm {full}, my card number is {card}",
        "Hi this is {first}, call me back on {phone}",
        "Ship to {full}, {address}",
        "{full} / SSN {ssn} / DOB 02/14/1979",
        "Transfer £300 to {full}, IBAN {iban}",
        "email {email} or call {phone}",
        "new employee: {full}, SSN {ssn}, address {address_us}",
        '{full}, {address}, {phone}',
        'contact: {first} {phone_uk} {email}',
        'Account holder {full}, IBAN {iban}, phone {phone}',
        "I'm {full}, my IP is {ip} and I can't log in",
    ),
}

SPOKEN = {
    "card": (
        "My card number is {card}.",
        "It's {card}.",
        "Um, the card is {card}, expiring oh nine twenty eight.",
        "Charge it to {card}, please.",
        "Okay so the number on the card is {card}.",
        "The card number is {card_fix}.",
        "Pay for the pizza with {card}.",
        "{card}, that's my debit card.",
        "I'd like to pay by card, it's {card}.",
        "Card number {card}, expiry March twenty seven.",
        "The credit card is {card} and the name's on the account.",
        "uh can you put it on {card}",
        'Use the card {card}.',
        'The number is {card}, and the expiry is twelve twenty eight.',
        'Okay, card number, {card}.',
        'Put the deposit on {card}.',
        "So it's {card}, got it?",
        'My new card is {card}, can you update it?',
        "Um, like, {card}, that's the whole number.",
        'Charge the hotel to {card}.',
        'Pay with my card, {card}.',
        'I want to block my card, the number is {card}.',
        'The long number on the front is {card}.',
        'Use {card} for the subscription, please.',
    ),
    "us_ssn": (
        "My social is {ssn}.",
        "Social security number {ssn}.",
        "It's {ssn}, that's my social.",
        "Uh, the SSN is {ssn}.",
        "For the application, my social security number is {ssn}.",
        "My wife's social is {ssn}.",
        "Okay, social, {ssn}.",
        "Can you fill in the social security field with {ssn}?",
        "Not just the last part, the whole thing, {ssn}.",
        "My social security is {ssn}, date of birth June fourth, nineteen eighty two.",
        "S S N {ssn}.",
        "yeah it's {ssn}",
        'The social security number is {ssn}.',
        'Um, my social, {ssn}.',
        'Put down {ssn} for the social.',
        'His social is {ssn}.',
        'Okay my S S N is {ssn}.',
        'My social security number, {ssn}, is that enough?',
        'For the credit check my social is {ssn}.',
        "Yeah, the social's {ssn}.",
        'Enter social security number {ssn}.',
        "Uh, I think it's {ssn}, my social.",
        'Her social security number is {ssn}.',
        'Social, {ssn}, and the date of birth is May third.',
    ),
    "phone": (
        "My number is {phone}.",
        "Call me back on {phone}.",
        "Text my mom at {phone_us}.",
        "It's {phone_fix}.",
        "You can reach me at {phone}, any time after six.",
        "Uh, my cell is {phone_us}.",
        "Save this number, {phone}.",
        "The best number to reach me is {phone_intl}.",
        "Dial {phone}.",
        "my mobile is {phone_uk}",
        "Phone number {phone}, that's my work phone.",
        "Call {phone_uk}, and if no one answers, leave a message.",
        'Call me on {phone_uk}.',
        'My phone number is {phone_intl}.',
        "Text {phone} and say I'm late.",
        "Um, you can text me, it's {phone}.",
        'Ring my husband on {phone_uk}.',
        'My cell phone is {phone_us}, call anytime.',
        "The number's {phone}.",
        "Save {phone_intl} as my brother's number.",
        'Send the verification code to {phone}.',
        'Yeah, reach me at {phone_us}.',
        'Give them my number, {phone}.',
        'Update my mobile number to {phone}.',
    ),
    "email": (
        "My email is {email}.",
        "Send it to {email}.",
        "It's {email}.",
        "Um, email address {email}.",
        "Forward the confirmation to {email}, please.",
        "You can email me at {email}.",
        "Add {email} to the invite.",
        "My work email is {email}, all lowercase.",
        "Share the document with {email}.",
        "The email is {email}, did you get that?",
        "Reply to {email}.",
        "uh it's {email}, no capitals",
        'Email it to {email}.',
        'Send the photos to {email}.',
        'My address is {email}.',
        'Uh, my personal email is {email}.',
        'Can you send a copy to {email}?',
        'The login is {email}.',
        "Write to {email} and tell them I'm sick.",
        'My email, {email}.',
        'Send the receipt to {email}, thanks.',
        'CC {email} on that.',
        'My old email was {email}.',
        "It's like, {email}.",
    ),
    "iban": (
        "My IBAN is {iban}.",
        "Transfer it to {iban}.",
        "The account is {iban}.",
        "Um, IBAN {iban}.",
        "Pay the invoice to {iban}, please.",
        "Send two hundred euros to {iban}.",
        "It's {iban}.",
        "Set up a standing order to {iban}, fifty pounds a month.",
        "The IBAN for the refund is {iban}.",
        "Bank account number {iban}.",
        "Okay, the I B A N is {iban}.",
        "Can you pay {iban}? That's my landlord's account.",
        'The IBAN is {iban}.',
        'Pay it into {iban}.',
        'My bank account, {iban}.',
        'Uh, send the refund to {iban}.',
        'Transfer five hundred pounds to {iban}.',
        'Please wire the money to {iban}.',
        'Okay the account number is {iban}.',
        'My new IBAN is {iban}.',
        'Pay my rent to {iban}.',
        'Can you check {iban} is right?',
        'Refund me to {iban}, please.',
        'Send it to I B A N {iban}.',
    ),
    "ip_address": (
        "My IP address is {ip}.",
        "Ping {ip}.",
        "Block {ip}.",
        "The printer is on {ip}.",
        "Can you whitelist {ip}?",
        "Connect to {ip}.",
        "Um, the router's at {ip}.",
        "The server I.P. is {ip}.",
        "My IP is {ip}, I think.",
        "Add {ip} to the allow list.",
        "There were login attempts from {ip}.",
        "Set the camera to {ip}.",
        'Open {ip} in the browser.',
        'The NAS is at {ip}.',
        'Is {ip} my router?',
        'Ban {ip}, please.',
        'Who is {ip}?',
        'The gateway is {ip}.',
        'My public IP is {ip}.',
        'Uh, set a static IP, {ip}.',
        'Scan {ip} for open ports.',
        'Traffic from {ip} looks weird.',
        'Trace the route to {ip}.',
        'SSH into {ip}.',
    ),
    "street_address": (
        "My address is {address}.",
        "Send it to {address}.",
        "Deliver to {address_us}.",
        "Pick me up at {address}.",
        "I live at {address_uk}.",
        "Um, the address is {address}.",
        "Get me a taxi to {address}.",
        "Change my delivery address to {address}.",
        "It's {address}.",
        "Ship it to {address}, please.",
        "Navigate home, {address_us}.",
        "The party's at {address}.",
        'Take me home to {address}.',
        'My new address is {address_uk}.',
        'Send the package to {address}.',
        'Um, deliver it to {address_us}, please.',
        'Directions to {address}.',
        'Her address is {address}.',
        "I'm at {address}, send an ambulance.",
        'Forward my mail to {address}.',
        'Uh, the delivery address is {address_us}.',
        'My mum lives at {address_uk}.',
        'Book a cab to {address}.',
        'The billing address is {address}.',
    ),
    "person_name": (
        "Text {first} that I'm running late.",
        "Tell {first} I'm on my way.",
        "Call my sister {first}.",
        "Hi, it's {first}.",
        "This is {full}.",
        "I'm {full}, I have a reservation.",
        "My name is {full}.",
        "Send a message to {first}, see you at eight.",
        "Um, call {full} on speaker.",
        "Remind me to ring Mrs. {last} tomorrow.",
        "My name is {spelled}.",
        "Book it under {full}, please.",
        'Call {full}.',
        "Message {first}, I'll be there in ten minutes.",
        'Hi, this is {first} calling about the car.',
        'Is {full} coming tonight?',
        'Remind me to call {first} tomorrow.',
        "Uh, my name's {first}.",
        'Share my location with {first}.',
        'Put {full} down for two tickets.',
        "It's {full} here, I'm running late.",
        'Ask {first} if they want pizza.',
        "My name is {full}, I'd like to check in.",
        'Doctor {last} said I should rest.',
    ),
    "mixed": (
        "Hi, this is {full}, my number is {phone}.",
        "My name is {full} and my email is {email}.",
        "Send it to {full} at {address}.",
        "I'm {first}, and my card is {card}.",
        "Pay {full}, IBAN {iban}.",
        "My social is {ssn} and my phone is {phone_us}.",
        "Tell {first} my new number is {phone}.",
        "Email {email}, or call {phone}.",
        'My name is {full}, I live at {address}.',
        'This is {first}, my email is {email} and my number is {phone}.',
        'Card {card}, name {full}.',
        "I'm {full}, my social is {ssn}.",
    ),
}

# Hard negatives: no personal data at all, yet numbers, names of places and famous people,
# and words that are also first names.
NEGATIVES = {
    "typed": (
        "Where is my order #112-4938271-5563019?",
        "Track package 1Z999AA10123456784",
        "my flight BA283 leaves at 7:45",
        "Is flight LH 401 on time?",
        "Booking reference X7K9QL - can you check in for me?",
        "Invoice INV-2026-004512 is overdue",
        "How much is $1,249.99 in euros?",
        "add 3 kilograms of flour to the list",
        "set a timer for 45 minutes",
        "remind me on 12/03/2026 to renew the lease",
        "What happened in 1969?",
        "I'm in room 1204",
        "We board at gate 22",
        "switch to channel 555",
        "When is the next bus 47?",
        "what is 123456 times 789",
        "What's 4111 + 1111?",
        "is the population of Tokyo really 37,400,068?",
        "How far is Leeds from London?",
        "what's the weather in Paris",
        "Will it rain tomorrow?",
        "May I change the alarm to 6:30?",
        "remind me to water the rose bush",
        "Pay the electricity bill on Friday",
        "What's the grace period on my credit card?",
        "I hope it's sunny on Saturday",
        "jack up the volume",
        "mark it done",
        "Who was Abraham Lincoln?",
        "play Taylor Swift",
        "Read me a poem by Emily Dickinson",
        "When did Marie Curie win her second Nobel prize?",
        "what number do I dial for emergencies in the UK, 999 or 112?",
        "Do you have ISBN 978-0-14-044913-6 in stock?",
        "Convert 250 grams to ounces",
        "update firmware to version 4.2.10",
        "Is Python 3.12.4 the latest?",
        "Order 20 units of SKU 88-1643-2205",
        "Pay invoice number 2026 0412 7788 3391",
        "My parcel's tracking number is 9400 1118 9922 3856 4412 30",
        "What's 15% of $84.50?",
        "Set the thermostat to 72",
        "Count from 1 to 20",
        "How many kilometres is 26.2 miles?",
        "The meeting is at 10:30 in conference room B-214",
        "Distance from Earth to the Moon in km",
        "The Eiffel Tower is 330 metres tall, right?",
        "Remind me to take 2 tablets at 8am and 8pm",
        "what's 2^32",
        "Is 7919 a prime number?",
        "the train to Manchester leaves from platform 13 at 14:05",
        "Convert 98.6 F to Celsius",
        "set alarm 05:15 weekdays",
        "Add milk, eggs and 2 loaves of bread",
        "the score was 3-1 to Arsenal",
        "turn on the lights in the kitchen",
        "what's the capital of Australia",
        "how tall is Mount Everest",
        "How old was Queen Elizabeth II when she died?",
        "Play the new album by Beyoncé",
        "Who wrote Pride and Prejudice?",
        "Tell me a joke",
        "what time is it in Sydney",
        "Call the dentist",
        "Order #A-77193 was delivered to the wrong door",
        "My Amazon order 113-9923847-0012836 hasn't arrived",
        "Book a table for 6 at 19:30",
        "The warranty code is WX-4471-PQ-09",
        "Confirmation number 7740128833",
        "Check ticket 0048 2213 9987",
        "Firmware 2.1.0.4 has a bug",
        "Pi to 15 places is 3.141592653589793",
        "Mortgage at 4.25% for 30 years on $350,000",
        "Lottery numbers 4 8 15 16 23 42",
        "Will you remind me at noon?",
        "April showers bring May flowers",
        "Is Jordan in the Middle East?",
        "Mark the email from the bank as read",
        "Set a reminder: Bill due on the 15th",
        "Who is the president of France?",
        "Play Hey Jude by the Beatles",
        "How do I get to Baker Street station?",
        "Is Springfield the capital of Illinois?",
        "Distance from Dublin to Cork",
        "Show me restaurants near Main Street",
        "the recipe needs 250 g butter and 3 eggs",
        "my step count today was 12,482",
        "Zoom meeting ID 845 2210 9931",
        "Error code 0x80070057 when updating",
        "flight AA 2281 to Chicago O'Hare at 6:10",
        "The bill came to £86.40 for 4 people",
        "Set volume to 11",
        "Did the Dow close at 39,807.37 today?",
        "What's 2026 minus 1987?",
        "Royal Mail tracking AB123456789GB",
        "I want roses, lilies and daisies in the bouquet",
        "Is Chelsea playing Liverpool tonight?",
        "How many calories in 2 slices of pizza",
        "sunny with a high of 24 degrees?",
        "Tell me about the Apollo 11 mission",
        "What did Einstein say about time?",
        "Play My Way by Frank Sinatra",
        "Set the oven to 180 degrees for 25 minutes",
        "Who directed Jaws, Steven Spielberg?",
        "How old is Barack Obama?",
        "Is the 1:15 train from Leeds to York delayed?",
        "Ask Alexa... no, just tell me the time",
        "Convert 1,500,000 yen to dollars",
        "Buy 12 AA batteries",
    ),
    "spoken": (
        "Where is my order? The order number is one one two, four nine three eight two seven "
        "one.",
        "Track my parcel, tracking number one Z nine nine nine A A one oh one two three four five "
        "six seven eight four.",
        "My flight is B A two eight three at seven forty five.",
        "Set a timer for twenty five minutes.",
        "Set a timer for 25 minutes.",
        "What's one hundred twenty three thousand four hundred fifty six times seven hundred "
        "eighty nine?",
        "What is 123,456 times 789?",
        "Add three kilograms of flour to the shopping list.",
        "Add two hundred and fifty grams of butter.",
        "Remind me on the twelfth of March, twenty twenty six.",
        "Remind me on March 12th, 2026.",
        "Wake me up at six thirty.",
        "I'm in room twelve oh four.",
        "We're boarding at gate twenty two.",
        "Put on channel five five five.",
        "When's the next number forty seven bus?",
        "How much is twelve hundred dollars in pounds?",
        "How much is $1,249.99 in euros?",
        "What's the weather in Paris?",
        "How far is Leeds from London?",
        "Will it rain tomorrow?",
        "Jack up the volume.",
        "Mark it done.",
        "Who was Abraham Lincoln?",
        "Play Taylor Swift.",
        "Count from one to twenty.",
        "What's the population of India?",
        "India has about one point four billion people, right?",
        "How far is the moon? Like three hundred eighty four thousand kilometres?",
        "Turn the heating up to twenty one degrees.",
        "What's the emergency number in Europe, one one two?",
        "My confirmation number is seven seven four oh one two eight eight three three.",
        "The order number is 112-4938271-5563019.",
        "Invoice number twenty twenty six oh four one two.",
        "The booking reference is X seven K nine Q L.",
        "Pay the electricity bill on Friday.",
        "May I have some music?",
        "Water the roses at seven.",
        "Is it going to be sunny this weekend?",
        "How long is the grace period on my loan?",
        "I hope the train's on time.",
        "Play something by Ed Sheeran.",
        "Tell me about Marie Curie.",
        "When was Nelson Mandela released from prison?",
        "What is nine hundred ninety nine times nine?",
        "Um, what's fifteen percent of eighty four fifty?",
        "Set the thermostat to seventy two.",
        "What year did the Berlin Wall fall, nineteen eighty nine?",
        "Zoom meeting ID eight four five, two two one oh, nine nine three one.",
        "The train leaves from platform thirteen at fourteen oh five.",
        "Convert twenty six point two miles to kilometres.",
        "Is seven nine one nine a prime number?",
        "Uh, how many ounces in two hundred fifty grams?",
        "The lottery numbers are four, eight, fifteen, sixteen, twenty three, forty two.",
        "Read me chapter eleven.",
        "Skip to track nine.",
        "What's the score? Three one to Arsenal?",
        "My step count is twelve thousand four hundred eighty two.",
        "Turn off the lights in the living room.",
        "What's the capital of Australia?",
        "Play Hey Jude by the Beatles.",
        "How do I get to Baker Street station?",
        "Is Springfield the capital of Illinois?",
        "Find restaurants near Main Street.",
        "Bill me later.",
        "Mark, uh, mark that as done.",
        "Will you set an alarm for seven?",
        "Tell me a joke.",
        "What time is it in Sydney?",
        "Order a pizza for eight p.m.",
        "The ticket number is oh oh four eight, two two one three, nine nine eight seven.",
        "Set volume to eleven.",
        "The recipe needs two hundred grams of sugar and three eggs.",
        "What's two to the power of thirty two?",
        "One thousand two hundred and fifty plus three thousand four hundred.",
        "It costs one thousand two hundred forty nine dollars and ninety nine cents.",
        "How old will I be in twenty thirty if I was born in nineteen eighty seven?",
        "Apollo eleven landed in July nineteen sixty nine.",
        "Set the oven to one eighty for twenty five minutes.",
        "How many calories are in two slices of pizza?",
        "Who wrote Pride and Prejudice?",
        "Who directed Jaws, was it Steven Spielberg?",
        "Play My Way by Frank Sinatra.",
        "What's the temperature in Berlin?",
        "Is Jordan in the Middle East?",
        "April showers bring May flowers, what's the rest of it?",
        "I'd like roses, lilies and daisies in the bouquet.",
        "Is Chelsea playing Liverpool tonight?",
        "Firmware version two point one point oh point four.",
        "Update to version 2.1.0.4.",
        "Error code oh x eight oh oh seven oh oh five seven.",
        "My Amazon order, one one three, nine nine two three eight four seven, hasn't arrived.",
        "Pay the four hundred pound deposit.",
        "Let's meet at quarter past three.",
        "The mortgage is three hundred fifty thousand at four point two five percent.",
        "How tall is Mount Everest in feet?",
        "Double the recipe, so four eggs.",
        "Triple shot latte, please.",
        "Nought point five, is that a half?",
        "Hey, can you help me with my homework?",
        "Wow, that's like a hundred and twenty seven degrees.",
        "Play BBC Radio four.",
        "What's the ISBN nine seven eight oh one four oh four four nine one three six for?",
        "Book a table for six at seven thirty.",
        "The Dow closed at thirty nine thousand eight hundred and seven.",
        "Who is the prime minister of the UK?",
        "How old is Barack Obama?",
        "Open the garage door.",
        "Will and Grace is on at nine, record it.",
    ),
}

FILLER_NEGATIVES = {
    "typed": (
        "Where's my order {order}?",
        "track {tracking}",
        "Is flight {flight} delayed?",
        "remind me to pay {price} on {date}",
        "refund of {price} for order {order}",
        "is {flight} landing on {date}?",
    ),
    "spoken": (
        "Where's my order? It's {order}.",
        "Track {tracking}.",
        "Is flight {flight} delayed?",
        "Remind me to pay {price} on {date}.",
        "I was charged {price} twice.",
        "Is {flight} landing on {date}?",
    ),
}


def _fill(template: str, form: str, rng: random.Random) -> tuple[str, list[dict], str]:
    """The sentence, its values and its context (the sentence, each value a space)."""
    lowercase = not any(ch.isupper() for ch in _SLOT.sub("", template))
    text, context, values = [], [], []
    cursor = 0
    for slot in _SLOT.finditer(template):
        literal = template[cursor:slot.start()]
        text.append(literal)
        context.append(literal)
        value = VALUE_MAKERS[slot.group(1)](rng, form)
        if lowercase and value["kind"] in ("person_name", "street_address", "email"):
            value["surface"] = value["surface"].lower()
        text.append(value["surface"])
        if value["kind"]:
            context.append(" ")
            values.append(value)
        else:
            context.append(value["surface"])
        cursor = slot.end()
    text.append(template[cursor:])
    context.append(template[cursor:])
    return "".join(text), values, "".join(context)


def _item(template: str, form: str, rng: random.Random) -> dict:
    text, values, context = _fill(template, form, rng)
    return {"text": text, "form": form, "split": split_of(template), "source": "blind",
            "template": template, "context": context, "values": values}


def build(seed: int = SEED) -> list[dict]:
    """Every sentence of the set, in a stable order, with ids."""
    rng = random.Random(seed)
    items = []
    for form, carriers in (("typed", TYPED), ("spoken", SPOKEN)):
        for templates in carriers.values():
            items += [_item(t, form, rng) for t in templates]
        items += [_item(t, form, rng) for t in NEGATIVES[form]]
        items += [_item(t, form, rng) for t in FILLER_NEGATIVES[form]
                  for _ in range(FILLER_REPEATS)]
    for index, item in enumerate(items):
        item["id"] = f"blind-{index:04d}"
    return items


def summary(items: list[dict]) -> list[str]:
    """How many sentences and values of each sort the set holds."""
    lines = []
    for split in ("dev", "heldout"):
        for form in ("typed", "spoken"):
            subset = [i for i in items if i["split"] == split and i["form"] == form]
            kinds = Counter(v["kind"] for i in subset for v in i["values"])
            lines.append(f"{split:8} {form:7} {len(subset):4} sentences, "
                         f"{sum(not i['values'] for i in subset):4} negatives; values: "
                         + ", ".join(f"{k} {kinds[k]}" for k in KINDS))
    return lines


def main() -> None:
    """Write the set and say what it holds."""
    items = build()
    with DATA_FILE.open("w", encoding="utf-8") as out:
        for item in items:
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    print("\n".join(summary(items)))
    print(f"{len(items)} sentences written to {DATA_FILE}")


if __name__ == "__main__":
    main()

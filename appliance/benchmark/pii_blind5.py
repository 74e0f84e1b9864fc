"""Fifth blind personal-data set: car, kitchen and household talk, written without the masker.

Why it exists: a masker tuned against sentences its own author wrote learns that author's
habits. This set was written by someone who never read the masker, its tests, its results
or the earlier sets' templates, so its figures are an independent measurement. It is
written from situations the earlier sets did not use:

- a car or kitchen voice assistant: "navigate to ...", "call ... on speaker", "read me the
  last message from ...", "share my ETA with ...", "order the usual to ...", the router's
  IP address;
- household admin said aloud: paying a babysitter by bank transfer, splitting bills with
  flatmates, a child's sports club, the vet, the landlord, a parcel redirect, a utility
  account, a gym freeze, a passport renewal (the passport number is context), US tax forms;
- long rambling turns with two or three values, values said before the request, values
  broken by a pause ("four five three nine... um... one four eight eight"), values said
  twice, a surname spelled after it is said;
- names of many cultures, nicknames, titles kept outside the value ("Auntie", "Coach"),
  names as subjects, in lists, with possessives, first names alone;
- addresses of seventeen countries, phones of over twenty regions, IBANs of sixteen
  countries, cards of seven issuers with expiry and CVV nearby (both context), SSNs in
  several groupings, home-network and public IPv4, a few IPv6;
- hard negatives that look like data and are not: order, tracking, flight and invoice
  numbers, prices, times, dates, versions, appliance models and serials, recipe amounts,
  scores, radio frequencies, streets without a house, cities, public figures, brands.

Each sentence is "typed" (numbers in digits, as typed or as Whisper writes speech) or
"spoken" (no digit characters: numbers said one by one, in pairs, with double/triple,
oh/zero/nought, hundred/thousand; letters spelled; "at", "dot", "underscore" in e-mails).

Labelling rules:

- `surface` is the value exactly as it stands; titles ("Dr", "Auntie") and possessive
  "'s" stay outside it. A value broken by a pause keeps the filler inside its surface. A
  spelled surname is its own person_name value.
- `context` is the sentence with each surface replaced by one space, so every other
  number (order numbers, prices, expiry dates, CVVs, passport numbers) stays in it.
- `digits` holds every digit the surface holds, written or said, in order: "double oh"
  gives "00", "fifteen" "15", "twenty one" "21", "hundred" appends "00".
- `words` are the tokens that identify the value and must not survive masking: names,
  e-mail local-part and domain pieces, street names, towns, states and provinces, postcode
  tokens, IBAN country and bank letters. Never generic words (street, flat, dot, com),
  never single letters, never state codes that are English words; each word occurs in the
  sentence as a whole token or spelled letter by letter with single spaces, and not in
  the context.
- Negative templates keep their look-alike fillers as placeholders (`{order}`, `{price}`
  ...), which are not personal kinds, so both fills of a frame fall in the same split.
- `split` is "heldout" when the first byte of the SHA-256 of the template is below 128.

Run `python -m appliance.benchmark.pii_blind5` to rewrite the data file.
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import random
import re
import unicodedata
from pathlib import Path

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType
from stdnum import iban as stdnum_iban
from stdnum import luhn
from stdnum.us import ssn as stdnum_ssn

DATA_FILE = Path(__file__).resolve().parents[2] / "tests" / "governance" / "pii_blind5.jsonl"
SOURCE = "blind5"
KINDS = ("card", "us_ssn", "phone", "email", "iban", "ip_address", "street_address",
         "person_name")
SEED = "blind5-2025"
FILLS = 2

# ---------------------------------------------------------------------------------------
# Numbers said aloud, and read back.

UNIT_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
TEEN_WORDS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
              "seventeen", "eighteen", "nineteen")
TENS_WORDS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
              "ninety")
ZERO_WORDS = ("oh", "zero", "nought")
NUMBER_TOKENS = frozenset(UNIT_WORDS + TEEN_WORDS + TENS_WORDS[2:] + ZERO_WORDS + (
    "double", "triple", "hundred", "thousand"))
_SPOKEN_TOKEN = re.compile(r"[^\W\d_]+|[^\w\s]")


def cardinal(n: int) -> str:
    """0-99 as words, the way a person says a pair of digits."""
    if n < 10:
        return UNIT_WORDS[n]
    if n < 20:
        return TEEN_WORDS[n - 10]
    tens, unit = divmod(n, 10)
    return TENS_WORDS[tens] + (f" {UNIT_WORDS[unit]}" if unit else "")


def say_digit(d: str, zero: str) -> str:
    """One digit, with the speaker's own word for zero."""
    return zero if d == "0" else UNIT_WORDS[int(d)]


def say_single(group: str, zero: str) -> str:
    """Digits one by one: how most people read a number off a card."""
    return " ".join(say_digit(d, zero) for d in group)


def say_doubled(group: str, zero: str) -> str:
    """Digits one by one, but runs said as "double five" or "triple oh"."""
    words, i = [], 0
    while i < len(group):
        run = len(group) - i - len(group[i:].lstrip(group[i]))
        take = 3 if run == 3 or run > 4 else min(run, 2)
        prefix = {1: "", 2: "double ", 3: "triple "}[take]
        words.append(prefix + say_digit(group[i], zero))
        i += take
    return " ".join(words)


def say_pair(pair: str, zero: str) -> str:
    """Two digits as one number ("forty five"), or "oh five" when it starts with zero."""
    if pair == "00":
        return f"double {zero}"
    if pair[0] == "0":
        return f"{zero} {UNIT_WORDS[int(pair[1])]}"
    return cardinal(int(pair))


def say_pairs(group: str, zero: str) -> str:
    """Digits in pairs, a leading single digit first when the count is odd."""
    head = [say_digit(group[0], zero)] if len(group) % 2 else []
    rest = group[len(group) % 2:]
    return " ".join(head + [say_pair(rest[i:i + 2], zero) for i in range(0, len(rest), 2)])


def say_round(group: str, zero: str) -> str:
    """Round groups as "forty five hundred" or "two thousand", else single digits."""
    if len(group) == 4 and group.endswith("000") and group[0] != "0":
        return f"{UNIT_WORDS[int(group[0])]} thousand"
    if len(group) in (3, 4) and group.endswith("00") and group[0] != "0":
        return f"{cardinal(int(group[:-2]))} hundred"
    return say_single(group, zero)


GROUP_STYLES = {"single": say_single, "doubled": say_doubled, "pairs": say_pairs,
                "round": say_round}


def say_group(group: str, style: str, zero: str) -> str:
    """A digit group in one of the ways people say them."""
    return GROUP_STYLES[style](group, zero)


def say_house(number: str) -> str:
    """A house or flat number as said: "twenty seven", "fourteen twenty two", "one oh five"."""
    n = int(number)
    if n < 100:
        return cardinal(n)
    if n < 1000:
        head, rest = divmod(n, 100)
        tail = "hundred" if rest == 0 else say_pair(f"{rest:02d}", "oh")
        return f"{UNIT_WORDS[head]} {tail}"
    if n % 1000 == 0 and n < 10000:
        return f"{UNIT_WORDS[n // 1000]} thousand"
    head, rest = divmod(n, 100)
    tail = "hundred" if rest == 0 else say_pair(f"{rest:02d}", "oh")
    return f"{cardinal(head)} {tail}"


def say_code(code: str, zero: str = "oh") -> str:
    """A postcode or similar: letters spelled, short digit runs as numbers, long ones singly."""
    out = []
    for run in re.findall(r"\d+|[^\W\d_]+|[ /-]", code):
        if run.isdigit():
            short = len(run) <= 2 and run[0] != "0"
            out.append(cardinal(int(run)) if short else say_single(run, zero))
        elif run == " ":
            out.append(",")
        elif run in "-/":
            out.append({"-": "dash", "/": "stroke"}[run])
        else:
            out.append(" ".join(run.upper()))
    return " ".join(out).replace(" ,", ",")


def spoken_digits(text: str) -> str:
    """The digits a spoken surface holds, read back by the labelling rules."""
    tokens = _SPOKEN_TOKEN.findall(text.lower())
    out, repeat, i = [], 1, 0
    while i < len(tokens):
        tok = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if tok in ("double", "triple"):
            repeat = 2 if tok == "double" else 3
            i += 1
            continue
        if tok in ZERO_WORDS or tok in UNIT_WORDS:
            digit = "0" if tok in ZERO_WORDS else str(UNIT_WORDS.index(tok))
            out.append(digit * repeat)
        elif tok in TEEN_WORDS:
            out.append(str(10 + TEEN_WORDS.index(tok)))
        elif tok in TENS_WORDS[2:]:
            tens = str(TENS_WORDS.index(tok))
            if nxt in UNIT_WORDS[1:]:
                out.append(tens + str(UNIT_WORDS.index(nxt)))
                i += 1
            else:
                out.append(tens + "0")
        elif tok in ("hundred", "thousand"):
            out.append("00" if tok == "hundred" else "000")
        repeat = 1
        i += 1
    return "".join(out)


def typed_digits(text: str) -> str:
    """The digit characters of a typed surface."""
    return "".join(ch for ch in text if ch in "0123456789")


def surface_digits(surface: str, form: str) -> str:
    """Digits by the form's rules: characters when typed, number words when spoken."""
    return typed_digits(surface) if form == "typed" else spoken_digits(surface)


# ---------------------------------------------------------------------------------------
# Words: what the scorer looks for.


def has_word(word: str, text: str) -> bool:
    """Whether `word` stands in `text` whole, or spelled letter by letter (3+ letters)."""
    pattern = rf"(?<![\w]){re.escape(word)}(?![\w])"
    if len(word) >= 3:
        spelled = r"\s".join(re.escape(ch) for ch in word)
        pattern += rf"|(?<![\w]){spelled}(?![\w])"
    return re.search(pattern, text, re.IGNORECASE) is not None


ADDRESS_GENERIC = frozenset("""
street st road rd lane ln avenue ave drive dr court ct boulevard blvd terrace place pl way
close crescent grove gardens row square apt apartment unit suite flat room po box house
plot no number rue des du la le les bis allée impasse cours calle carrer del de piso
puerta via viale corso dei della di interno int ul ulica stroke lgh ku gu ro gil dong
daero rua apto da do dos das col colonia ciudad centro nuevo são san santa saint port
and floor door interior city island the of new north south british dash avenida
plaza piazza paseo
""".split())
EMAIL_GENERIC = frozenset("""
at dot dash underscore hyphen plus com net org info edu gov ac co uk de fr it es nl pl se
ch be dk fi no ie ca us au nz za br mx jp kr ng ke in cz ru ae gh sg tr ph pk eg pt
bills school shop club kids family home mail web online al el de van der von da la le
""".split())
NAME_PARTICLES = frozenset("dr mr mrs ms professor auntie uncle coach pastor de van der von "
                           "da al bin el la le".split())
ENGLISH_STATE_CODES = frozenset("OR IN OH ME HI OK ID DE LA MA PA AL CO ON".split())


def letter_runs(tokens: list[str]) -> list[str]:
    """Letters spelled one by one ("K O F I"), joined back into words of 3+ letters."""
    runs, current = [], []
    for tok in tokens + [""]:
        if len(tok) == 1 and tok.isalpha():
            current.append(tok)
            continue
        if len(current) >= 3:
            runs.append("".join(current))
        current = []
    return runs


def surface_words(surface: str, generic: frozenset[str]) -> list[str]:
    """Identifying tokens of a surface: no generic words, numbers or single letters."""
    tokens = re.findall(r"\w+", surface)
    words = [tok for tok in tokens if len(tok) >= 2 and not tok.isdigit()
             and tok.lower() not in generic and tok.lower() not in NUMBER_TOKENS
             and tok.upper() not in ENGLISH_STATE_CODES]
    words += letter_runs(tokens)
    return unique([w for w in words if has_word(w, surface)])


def unique(items: list[str]) -> list[str]:
    """Keep the first of each item, case-insensitively, in order."""
    seen, out = set(), []
    for item in items:
        if item.lower() not in seen:
            seen.add(item.lower())
            out.append(item)
    return out


class Retry(Exception):
    """A fill came out unusable (a word also in the context, say); draw another."""


def make_value(kind: str, surface: str, canonical: str, form: str, expected: str,
               words: list[str]) -> dict:
    """One labelled value; checks that the surface holds exactly the expected digits."""
    digits = surface_digits(surface, form)
    if digits != expected:
        raise AssertionError(f"{kind} {surface!r}: digits {digits} != {expected}")
    if form == "typed" and spoken_digits(surface):
        raise Retry(f"number word inside a typed surface {surface!r}")
    return {"kind": kind, "surface": surface, "canonical": canonical, "digits": digits,
            "words": words}


# ---------------------------------------------------------------------------------------
# Names. Hand-written, culture by culture; given names with surnames of the same culture.

NAMES = {
    "west_african": (
        "Kofi Kwame Ama Akosua Yaw Efua Abena Kwabena Adwoa Chidi Ngozi Emeka Chiamaka "
        "Obinna Adaeze Tunde Folake Yetunde Aminata Ousmane",
        "Mensah Owusu Boateng Asante Appiah Agyeman Okafor Nwosu Okonkwo Adeyemi Balogun "
        "Ogunleye Adebayo Diallo Ndiaye Traoré Abubakar Oyelaran"),
    "east_african": (
        "Wanjiru Njeri Achieng Wambui Baraka Zawadi Amani Neema Abebe Tigist Selamawit "
        "Dawit Makena Chebet",
        "Kamau Mwangi Otieno Odhiambo Wanjala Kiprotich Njoroge Mutua Tesfaye Bekele Girma "
        "Nakato Ssempala Mollel"),
    "south_asian": (
        "Priya Arjun Ananya Rohan Kavya Siddharth Lakshmi Vikram Meera Aditya Farhan Ayesha "
        "Imran Nusrat Harpreet Tharindu Dilani Bishnu",
        "Sharma Iyer Nair Reddy Patel Chatterjee Kulkarni Menon Sandhu Chowdhury Rahman "
        "Hossain Qureshi Siddiqui Perera Jayawardena Thapa Gurung"),
    "east_asian": (
        "Wei Xiaoling Haoran Meilin Yuki Haruto Aiko Kenji Emi Minjun Jiwoo Seoyeon Hyunwoo "
        "Thanh Linh Minh Quang",
        "Wang Chen Zhang Liu Huang Zhou Tanaka Nakamura Suzuki Watanabe Kobayashi Kim Choi "
        "Jung Nguyen Tran Pham Hoang"),
    "middle_eastern": (
        "Omar Layla Yusuf Fatima Karim Nour Rania Tariq Zainab Hassan Reza Shirin Dariush "
        "Emre Elif Zeynep Yael",
        "Haddad Khalil Nasser Al-Masri Mansour Farouk Hosseini Rahimi Tehrani Yilmaz Demir "
        "Kaya Mizrahi Peretz"),
    "slavic": (
        "Aleksandr Dmitri Natalia Olga Katarzyna Tomasz Łukasz Agnieszka Magdalena Jakub "
        "Milena Bogdan Oksana Taras Yulia Ondřej Jelena",
        "Kowalski Nowak Wiśniewska Wójcik Kowalczyk Zieliński Ivanova Petrov Sokolov "
        "Shevchenko Kovalenko Bondarenko Novák Dvořák Jovanović Horvat"),
    "nordic": (
        "Astrid Ingrid Sigrid Lars Bjørn Sven Freya Nils Elin Mikkel Oskar Aino Eero Halvard",
        "Lindqvist Andersson Johansson Nilsson Haugen Solberg Dahl Virtanen Korhonen Mäkinen "
        "Sigurdsson Jónsdóttir Halvorsen Lindgren"),
    "latin_american": (
        "Mateo Valentina Santiago Camila Sofía Diego Lucía Alejandro Ximena Joaquín "
        "Guadalupe Renata Thiago Larissa João Beatriz Rafael Mariana Itzel",
        "García Hernández Rodríguez Gómez Martínez Castillo Vargas Morales Ríos Oliveira "
        "Santos Souza Pereira Carvalho Quispe Mamani Zapata Villanueva"),
    "pacific": (
        "Sione Losana Mele Tevita Alofa Malia Tama Ariki Hemi Aroha Wiremu Kalani Leilani "
        "Vailea",
        "Tuilagi Fifita Taufa Havili Fonoti Leota Tupou Ngata Parata Tipene Kahananui "
        "Kealoha Waqa"),
    "indigenous": (
        "Aiyana Tahoma Kiona Winona Ahanu Tallulah Shandiin Dezba Chenoa Jarrah Kirra Tarni "
        "Yindi",
        "Begay Yazzie Tsosie Benally Etsitty Cornsilk Whitefeather Manuelito Attakai Watego "
        "Mundine Okpik"),
    "european": (
        "Siobhan Niamh Cormac Aoife Declan Eilidh Callum Rhys Carys Margaux Théo Clémence "
        "Jonas Matthias Giulia Lorenzo Álvaro Femke",
        "O'Sullivan Fitzgerald McAllister Gallagher Llewellyn Pritchard MacLeod Lefebvre "
        "Moreau Girard Schneider Hoffmann Bianchi Esposito Etxeberria Iglesias de_Vries "
        "Bakker"),
}
NICKNAMES = ("Sasha Kolya Dima Tomek Pepe Paco Lupe Chuy Kiki Deji Jide Bolu Bunty Mimi "
             "Kojo Nuno Soso").split()
_FOLD = str.maketrans({"ø": "o", "ł": "l", "Ł": "L", "đ": "d", "ß": "ss", "'": "", "_": ""})


def culture_names(culture: str) -> tuple[list[str], list[str]]:
    """Given names and surnames of one culture ("de_Vries" keeps its space as "_")."""
    given, surnames = NAMES[culture]
    return given.split(), [s.replace("_", " ") for s in surnames.split()]


def draw_person(rng: random.Random) -> dict:
    """A person: given name and surname of one culture, written in that culture's order."""
    culture = rng.choice(sorted(NAMES))
    given, surnames = culture_names(culture)
    person = {"given": rng.choice(given), "surname": rng.choice(surnames)}
    full = f"{person['given']} {person['surname']}"
    if culture == "latin_american" and rng.random() < 0.3:
        full += " " + rng.choice([s for s in surnames if s != person["surname"]])
    if culture == "east_asian" and rng.random() < 0.3:
        full = f"{person['surname']} {person['given']}"
    person["full"] = full
    return person


def ascii_fold(text: str) -> str:
    """Plain letters for an e-mail address: "Łukasz" to "lukasz", "Ríos" to "rios"."""
    text = text.translate(_FOLD)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def name_value(surface: str, canonical: str, form: str) -> dict:
    """A person_name value; its words are the name's own tokens or its spelled letters."""
    tokens = surface.split()
    if all(len(tok) == 1 for tok in tokens):
        words = [canonical]
    else:
        words = [tok for tok in tokens if tok.lower() not in NAME_PARTICLES and len(tok) > 1]
    return make_value("person_name", surface, canonical, form, "", words)


def make_person_name(opts: list[str], form: str, rng: random.Random, memory: dict) -> dict:
    """A name: full, first, surname alone, nickname, said again, or the surname spelled."""
    last = memory.get("person_name")
    if "spell" in opts:
        surname = last["surname"] if last else ""
        if not re.fullmatch(r"[A-Za-z]{3,}", surname):
            raise Retry("surname cannot be spelled letter by letter")
        return name_value(" ".join(surname.upper()), surname, form)
    if "again" in opts and last:
        return name_value(last["surface"], last["canonical"], form)
    person = draw_person(rng)
    if "nick" in opts or ("first" in opts and rng.random() < 0.08):
        surface = rng.choice(NICKNAMES)
    elif "first" in opts:
        surface = person["given"]
    elif "surname" in opts:
        surface = person["surname"]
    else:
        surface = person["full"]
    if rng.random() < (0.12 if form == "typed" else 0.06):
        surface = surface.lower()
    memory["person_name"] = {**person, "surface": surface, "canonical": surface}
    return name_value(surface, surface, form)


# ---------------------------------------------------------------------------------------
# Phones: random numbers, kept only when the region's plan says they are valid.

PHONE_REGIONS = ("US CA GB IE DE FR ES IT NL PL SE JP KR BR MX NG KE GH IN AU NZ ZA PH AE "
                 "PK SG TR EG").split()
_PHONE_TYPES = (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE)
_OK_TYPES = _PHONE_TYPES + (PhoneNumberType.FIXED_LINE_OR_MOBILE,)


def random_phone(region: str, rng: random.Random, round_tail: bool = False
                 ) -> phonenumbers.PhoneNumber:
    """A valid mobile or landline number of `region`, drawn digit by digit.

    With `round_tail` it ends in 00, so that it can be said "... forty five hundred".
    """
    example = phonenumbers.example_number_for_type(region, rng.choice(_PHONE_TYPES))
    nsn = phonenumbers.national_significant_number(example)
    for _ in range(2000):
        keep = rng.choice((1, 2))
        digits = nsn[:keep] + "".join(rng.choice("0123456789") for _ in nsn[keep:])
        digits = digits[:-2] + "00" if round_tail else digits
        number = phonenumbers.parse(f"+{example.country_code}{digits}")
        if phonenumbers.is_valid_number(number) and \
                phonenumbers.number_type(number) in _OK_TYPES:
            return number
    raise AssertionError(f"no valid number drawn for {region}")


def phone_typed(number: phonenumbers.PhoneNumber, rng: random.Random) -> str:
    """The number as typed or as Whisper writes it, grouped the local way or oddly."""
    intl = phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
    national = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    styles = [intl, national, phonenumbers.format_number(number, PhoneNumberFormat.E164),
              regroup(typed_digits(national), rng)]
    if number.country_code == 1:
        area, rest = typed_digits(national)[:3], typed_digits(national)[3:]
        styles += [f"{area}.{rest[:3]}.{rest[3:]}", f"{area}-{rest[:3]}-{rest[3:]}"]
    else:
        styles.append("00" + intl[1:])
    return rng.choice(styles)


def regroup(digits: str, rng: random.Random) -> str:
    """Digits in odd groups of three or four, as Whisper sometimes writes a phone."""
    groups, i = [], 0
    while i < len(digits):
        size = rng.choice((3, 4)) if len(digits) - i > 4 else len(digits) - i
        groups.append(digits[i:i + size])
        i += size
    return " ".join(groups)


def phone_spoken(number: phonenumbers.PhoneNumber, rng: random.Random, style: str) -> str:
    """The number said aloud, by the local grouping, with or without the country code."""
    zero = rng.choice(ZERO_WORDS if number.country_code in (44, 353, 61, 64) else ZERO_WORDS[:2])
    if rng.random() < 0.3:
        text = phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
        groups = re.findall(r"\d+", text)
        return ", ".join([f"plus {say_single(groups[0], 'zero')}"] +
                         [say_group(g, style, zero) for g in groups[1:]])
    text = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    return ", ".join(say_group(g, style, zero) for g in re.findall(r"\d+", text))


def with_pause(surface: str, rng: random.Random) -> tuple[str, str]:
    """Break a number at one of its group gaps with a hesitation; returns (surface, filler)."""
    gaps = [m.start() for m in re.finditer(", ", surface)] or \
        [m.start() for m in re.finditer(" ", surface)]
    if not gaps:
        raise Retry("nowhere to pause")
    at = rng.choice(gaps[len(gaps) // 3: max(len(gaps) // 3 + 1, 2 * len(gaps) // 3)])
    width = 2 if surface[at] == "," else 1
    filler = rng.choice(("... um... ", "... uh, hang on... ", ", sorry, ", "... let me see... ",
                         "... er... "))
    return surface[:at] + filler + surface[at + width:], filler


def make_phone(opts: list[str], form: str, rng: random.Random, memory: dict) -> dict:
    """A phone number of the region asked for (or any), maybe with an extension."""
    last = memory.get("phone")
    style = rng.choice(("single", "single", "doubled", "pairs", "round", "round"))
    if "again" in opts and last:
        number = last
    else:
        region = next((o for o in opts if o in PHONE_REGIONS), rng.choice(PHONE_REGIONS))
        number = random_phone(region, rng, round_tail=style == "round")
        memory["phone"] = number
    surface = phone_typed(number, rng) if form == "typed" else phone_spoken(number, rng, style)
    canonical = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    if "ext" in opts:
        ext = str(rng.randint(10, 4999))
        canonical += f" ext. {ext}"
        surface += (rng.choice((f" ext. {ext}", f" x{ext}", f" extension {ext}"))
                    if form == "typed" else f" extension {say_single(ext, 'oh')}")
    if "pause" in opts:
        surface, _ = with_pause(surface, rng)
    return make_value("phone", surface, canonical, form, surface_digits(surface, form), [])


# ---------------------------------------------------------------------------------------
# Payment cards: real issuer prefixes, Luhn check digit.

CARD_ISSUERS = {
    "visa": (("4",), 16),
    "mastercard": (("51", "52", "53", "54", "55", "2221", "2300", "2720"), 16),
    "amex": (("34", "37"), 15),
    "discover": (("6011", "644", "65"), 16),
    "jcb": (("3528", "3541", "3589"), 16),
    "diners": (("36",), 14),
    "unionpay": (("62",), 16),
}
CARD_GROUPS = {15: (4, 6, 5), 14: (4, 6, 4), 16: (4, 4, 4, 4)}


def random_card(issuer: str, rng: random.Random) -> str:
    """A Luhn-valid number with a real prefix and length for the issuer."""
    prefixes, length = CARD_ISSUERS[issuer]
    body = rng.choice(prefixes)
    body += "".join(rng.choice("0123456789") for _ in range(length - 1 - len(body)))
    return body + luhn.calc_check_digit(body)


def split_groups(digits: str, sizes: tuple[int, ...]) -> list[str]:
    """Cut a digit string into groups of the given sizes."""
    out, i = [], 0
    for size in sizes:
        out.append(digits[i:i + size])
        i += size
    return out


def card_typed(number: str, rng: random.Random) -> str:
    """Grouped with spaces or hyphens, run together, or with Whisper's thousands commas."""
    groups = split_groups(number, CARD_GROUPS[len(number)])
    commas = f"{int(number):,}" if number[0] != "0" else number
    return rng.choice((" ".join(groups), " ".join(groups), "-".join(groups), number, commas))


def card_spoken(number: str, rng: random.Random) -> str:
    """Groups said one by one, in pairs, with doubles, or "forty five hundred"."""
    style = rng.choice(("single", "single", "pairs", "doubled", "round"))
    zero = rng.choice(ZERO_WORDS[:2])
    groups = split_groups(number, CARD_GROUPS[len(number)])
    return ", ".join(say_group(g, style, zero) for g in groups)


def make_card(opts: list[str], form: str, rng: random.Random, memory: dict) -> dict:
    """A payment card number, the issuer asked for or any."""
    if "again" in opts and memory.get("card"):
        number = memory["card"]
    else:
        issuer = next((o for o in opts if o in CARD_ISSUERS), rng.choice(sorted(CARD_ISSUERS)))
        number = random_card(issuer, rng)
        memory["card"] = number
    surface = card_typed(number, rng) if form == "typed" else card_spoken(number, rng)
    if "pause" in opts:
        surface, _ = with_pause(surface, rng)
    return make_value("card", surface, number, form, number, [])


# ---------------------------------------------------------------------------------------
# IBANs: BBAN of the country's length and structure, correct check digits.

IBAN_SPECS = {
    "DE": "8n10n", "GB": "4a6n8n", "IE": "4a6n8n", "NL": "4a10n", "FR": "5n5n11n2n",
    "ES": "4n4n1n1n10n", "IT": "1a5n5n12n", "BE": "3n7n2n", "PL": "8n16n", "SE": "3n16n1n",
    "CH": "5n12n", "AT": "5n11n", "PT": "4n4n11n2n", "NO": "4n6n1n", "DK": "4n9n1n",
    "FI": "3n11n", "TR": "5n1n16n", "AE": "3n16n", "GR": "3n4n16n",
}
IBAN_BANKS = {
    "GB": ("NWBK", "BARC", "LOYD", "HBUK", "MIDL", "NAIA", "SRLG"),
    "IE": ("AIBK", "BOFI", "IPBS", "ULSB"),
    "NL": ("ABNA", "INGB", "RABO", "TRIO", "KNAB", "SNSB", "ASNB"),
}


def random_bban(country: str, rng: random.Random) -> str:
    """A BBAN following the country's structure, with real bank codes where letters are."""
    parts = []
    for size, kind in re.findall(r"(\d+)([an])", IBAN_SPECS[country]):
        size = int(size)
        if kind == "a" and country in IBAN_BANKS:
            parts.append(rng.choice(IBAN_BANKS[country]))
        elif kind == "a":
            parts.append("".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(size)))
        else:
            parts.append("".join(rng.choice("0123456789") for _ in range(size)))
    bban = "".join(parts)
    return national_key(country, bban)


def national_key(country: str, bban: str) -> str:
    """Recompute the national check digits where they are simple (French RIB, Portuguese NIB)."""
    if country == "FR":
        bank, branch, account = int(bban[:5]), int(bban[5:10]), int(bban[10:21])
        key = 97 - (89 * bank + 15 * branch + 3 * account) % 97
        return bban[:21] + f"{key:02d}"
    if country == "PT":
        return bban[:19] + f"{98 - int(bban[:19] + '00') % 97:02d}"
    return bban


def random_iban(country: str, rng: random.Random) -> str:
    """An IBAN that stdnum accepts, national checks included (BE, ES, NO)."""
    for _ in range(5000):
        body = random_bban(country, rng)
        number = country + stdnum_iban.calc_check_digits(country + "00" + body) + body
        if stdnum_iban.is_valid(number):
            return number
    raise AssertionError(f"no valid IBAN drawn for {country}")


def iban_typed(number: str, rng: random.Random) -> str:
    """Grouped by four, run together, or in lower case as people sometimes type it."""
    grouped = stdnum_iban.format(number)
    return rng.choice((grouped, grouped, number, grouped.lower()))


def iban_spoken(number: str, rng: random.Random) -> str:
    """Letters spelled, digits said singly, in pairs or with doubles, group by group."""
    style = rng.choice(("single", "single", "pairs", "doubled"))
    zero = rng.choice(ZERO_WORDS[:2])
    groups = stdnum_iban.format(number).split()
    said = []
    for group in groups:
        runs = re.findall(r"\d+|[A-Z]+", group)
        said.append(" ".join(say_group(r, style, zero) if r.isdigit() else " ".join(r)
                             for r in runs))
    return ", ".join(said)


def make_iban(opts: list[str], form: str, rng: random.Random, memory: dict) -> dict:
    """An IBAN of the country asked for (or any); words are its country and bank letters."""
    if "again" in opts and memory.get("iban"):
        number = memory["iban"]
    else:
        country = next((o for o in opts if o in IBAN_SPECS), rng.choice(sorted(IBAN_SPECS)))
        number = random_iban(country, rng)
        memory["iban"] = number
    surface = iban_typed(number, rng) if form == "typed" else iban_spoken(number, rng)
    clean = surface
    if "pause" in opts:
        surface, filler = with_pause(surface, rng)
        clean = surface.replace(filler, " ")
    tokens = re.findall(r"\w+", clean)
    words = [t for t in tokens if len(t) >= 2 and re.search(r"[A-Za-z]", t)
             and t.lower() not in NUMBER_TOKENS]
    words = unique(words + letter_runs(tokens))
    return make_value("iban", surface, number, form, typed_digits(number), words)


# ---------------------------------------------------------------------------------------
# US Social Security numbers.


def random_ssn(rng: random.Random) -> str:
    """An SSN that stdnum accepts: no 000, 666 or 9xx area, no 00 group, no 0000 serial."""
    while True:
        number = f"{rng.randint(1, 899):03d}{rng.randint(1, 99):02d}{rng.randint(1, 9999):04d}"
        if stdnum_ssn.is_valid(number):
            return number


def ssn_surface(number: str, form: str, rng: random.Random) -> str:
    """3-2-4 with hyphens or spaces, run together, or misgrouped in threes."""
    grouping = rng.choice(((3, 2, 4), (3, 2, 4), (3, 3, 3), (9,)))
    groups = split_groups(number, grouping)
    if form == "typed":
        return rng.choice(("-", "-", " ")).join(groups) if len(groups) > 1 else number
    style = rng.choice(("single", "single", "doubled", "pairs"))
    zero = rng.choice(ZERO_WORDS[:2])
    return ", ".join(say_group(g, style, zero) for g in groups)


def make_ssn(opts: list[str], form: str, rng: random.Random, memory: dict) -> dict:
    """A US Social Security number."""
    if "again" in opts and memory.get("us_ssn"):
        number = memory["us_ssn"]
    else:
        number = random_ssn(rng)
        memory["us_ssn"] = number
    surface = ssn_surface(number, form, rng)
    if "pause" in opts:
        surface, _ = with_pause(surface, rng)
    canonical = f"{number[:3]}-{number[3:5]}-{number[5:]}"
    return make_value("us_ssn", surface, canonical, form, number, [])


# ---------------------------------------------------------------------------------------
# IP addresses: home-network IPv4, public IPv4, a few IPv6.


def random_ipv4(kind: str, rng: random.Random) -> str:
    """A private address of a home network, or a public one from a routed block."""
    if kind == "private":
        return rng.choice((
            f"192.168.{rng.choice((0, 1, 2, 4, 8, 10, 50, 86, 100, 178))}.{rng.randint(2, 254)}",
            f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(2, 254)}",
            f"172.{rng.randint(16, 31)}.{rng.randint(0, 255)}.{rng.randint(2, 254)}"))
    first = rng.choice((23, 31, 45, 62, 77, 81, 86, 93, 109, 141, 151, 176, 185, 203, 212))
    return f"{first}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"


def random_ipv6(rng: random.Random) -> str:
    """A global IPv6 address in its compressed form."""
    prefix = rng.choice(("2a02", "2001", "2600", "2804", "2406"))
    groups = [prefix] + [f"{rng.randint(0, 0xFFFF):x}" for _ in range(3)]
    tail = [f"{rng.randint(0, 0xFFFF):x}" for _ in range(rng.choice((1, 2, 4)))]
    groups += ["0"] * (8 - len(groups) - len(tail)) + tail
    return ipaddress.IPv6Address(":".join(groups)).compressed


def say_octet(octet: str, rng: random.Random) -> str:
    """An octet as "one ninety two", "one six eight", "ten" or "two hundred"."""
    n = int(octet)
    if n < 100:
        return rng.choice((cardinal(n), say_single(octet, "zero") if n > 9 else cardinal(n)))
    if rng.random() < 0.4:
        return say_single(octet, "oh")
    return say_house(octet)


def make_ip(opts: list[str], form: str, rng: random.Random, memory: dict) -> dict:
    """An IP address; IPv6 only typed, since nobody reads one aloud to a kitchen speaker."""
    if "v6" in opts and form == "typed":
        address = random_ipv6(rng)
        words = [g for g in re.findall(r"\w+", address) if re.search(r"[a-f]", g)
                 and len(g) >= 2]
        return make_value("ip_address", address, address, form, typed_digits(address), words)
    kind = "private" if "private" in opts else "public" if "public" in opts else \
        rng.choice(("private", "public"))
    address = random_ipv4(kind, rng)
    surface = address if form == "typed" else " dot ".join(
        say_octet(o, rng) for o in address.split("."))
    return make_value("ip_address", surface, address, form, typed_digits(address), [])


# ---------------------------------------------------------------------------------------
# E-mail addresses, often built from the name just said.

EMAIL_DOMAINS = (
    "gmail.com", "gmail.com", "yahoo.co.uk", "outlook.com", "hotmail.fr", "icloud.com",
    "protonmail.ch", "gmx.de", "libero.it", "wp.pl", "seznam.cz", "naver.com", "yandex.ru",
    "bigpond.com", "xtra.co.nz", "rediffmail.com", "uol.com.br", "telenet.be", "ziggo.nl",
    "btinternet.com", "eircom.net", "shaw.ca", "laposte.net", "yahoo.com.mx", "daum.net",
    "qq.com", "163.com", "mweb.co.za", "hotmail.com", "yahoo.com")
EMAIL_TAGS = ("bills", "school", "shop", "club", "kids")


def email_local(person: dict, rng: random.Random) -> list[str]:
    """Local part as pieces: name words, separators, digits, maybe a plus tag."""
    first = ascii_fold(person["given"]).lower()
    last = ascii_fold(person["surname"]).lower().replace(" ", "")
    year = str(rng.choice((rng.randint(70, 99), rng.randint(1975, 2012), rng.randint(1, 99))))
    patterns = (
        [first, ".", last], [first, "_", last], [first + last], [first[0], ".", last],
        [first, ".", last, year], [first, year], [last, ".", first], [first, "-", last],
        [first, ".", last, "+", rng.choice(EMAIL_TAGS)], [last, first[0], year],
        [rng.choice(NICKNAMES).lower(), year])
    return rng.choice(patterns)


def email_domain(person: dict, rng: random.Random) -> str:
    """A mail provider, or now and then a family's own domain."""
    if rng.random() < 0.12:
        last = ascii_fold(person["surname"]).lower().replace(" ", "")
        return f"{last}{rng.choice(('family', 'home', ''))}.{rng.choice(('net', 'se', 'de'))}"
    return rng.choice(EMAIL_DOMAINS)


def email_spoken(pieces: list[str], domain: str, spell: bool, rng: random.Random) -> str:
    """The address said aloud: dot, underscore, dash, at; name pieces spelled if asked."""
    names = {".": "dot", "_": "underscore", "-": "dash", "+": "plus"}
    said = []
    for piece in re.findall(r"[a-z]+|\d+|[._+-]", "".join(pieces)):
        if piece in names:
            said.append(names[piece])
        elif piece.isdigit():
            said.append(rng.choice((say_single(piece, "oh"), say_pairs(piece, "oh"))))
        else:
            said.append(" ".join(piece.upper()) if spell else piece)
    labels = [say_single(p, "oh") if p.isdigit() else p for p in domain.split(".")]
    return " ".join(said) + " at " + " dot ".join(labels)


def make_email(opts: list[str], form: str, rng: random.Random, memory: dict) -> dict:
    """An e-mail address; its words are the local-part and domain-name pieces."""
    last = memory.get("email")
    if "again" in opts and last:
        pieces, domain = last
    else:
        person = memory.get("person_name") if rng.random() < 0.6 else None
        person = person or draw_person(rng)
        pieces, domain = email_local(person, rng), email_domain(person, rng)
        memory["email"] = (pieces, domain)
    local = "".join(pieces)
    canonical = f"{local}@{domain}"
    if form == "typed":
        shown = local.title() if rng.random() < 0.12 and "_" not in local else local
        surface = shown + rng.choice(("@", "@", " at ")) + domain
    else:
        surface = email_spoken(pieces, domain, "spell" in opts, rng)
    words = [w.lower() for w in surface_words(surface, EMAIL_GENERIC)]
    return make_value("email", surface, canonical, form, surface_digits(surface, form), words)


# ---------------------------------------------------------------------------------------
# Street addresses of seventeen countries. An address is a list of parts: plain text,
# ("num", "27") said as a house number, ("code", "S11 8PQ") spelled, ("digs", "10969")
# said digit by digit, or ("alt", typed, spoken) where the two forms differ.

US_PLACES = (("Austin", "TX", "Texas", "787"), ("Tucson", "AZ", "Arizona", "857"),
             ("Madison", "WI", "Wisconsin", "537"), ("Raleigh", "NC", "North Carolina", "276"),
             ("Minneapolis", "MN", "Minnesota", "554"), ("Sacramento", "CA", "California", "958"),
             ("Oakland", "CA", "California", "946"), ("Brooklyn", "NY", "New York", "112"),
             ("Savannah", "GA", "Georgia", "314"), ("Tacoma", "WA", "Washington", "984"),
             ("Ann Arbor", "MI", "Michigan", "481"), ("Richmond", "VA", "Virginia", "232"),
             ("Nashville", "TN", "Tennessee", "372"), ("Albuquerque", "NM", "New Mexico", "871"),
             ("Flagstaff", "AZ", "Arizona", "860"), ("Duluth", "MN", "Minnesota", "558"))
US_STREETS = ("Maple Cedar Willow Magnolia Juniper Sycamore Hawthorne Alder Bluebonnet "
              "Chestnut Linden Dogwood Laurel Pinecrest Briarwood Kenwood Ridgeview Lakeshore "
              "Ashford Cottonwood").split()
US_SUFFIXES = (("Street", "St"), ("Avenue", "Ave"), ("Drive", "Dr"), ("Lane", "Ln"),
               ("Court", "Ct"), ("Boulevard", "Blvd"), ("Terrace", "Terrace"),
               ("Place", "Pl"), ("Way", "Way"), ("Road", "Rd"))
UK_PLACES = (("Sheffield", "S11"), ("Leeds", "LS6"), ("Bristol", "BS7"), ("Cardiff", "CF24"),
             ("Glasgow", "G12"), ("Norwich", "NR2"), ("Leicester", "LE2"), ("Brighton", "BN1"),
             ("York", "YO10"), ("Exeter", "EX4"), ("Belfast", "BT9"), ("Edinburgh", "EH6"),
             ("Derby", "DE22"), ("Coventry", "CV5"), ("Swansea", "SA2"))
UK_STREETS = ("Rowan Road", "Albert Terrace", "Beech Grove", "Clarendon Street",
              "Heathfield Avenue", "Kingsley Close", "Ashby Road", "Tennyson Street",
              "Cromwell Road", "Gladstone Street", "Harcourt Drive", "Linthorpe Road",
              "Mapperley Road", "Whitworth Road", "Penrose Avenue", "Hartington Road",
              "Belvoir Street", "Delamere Road")
CA_PLACES = (("Halifax", "NS", "Nova Scotia", "B3H"), ("Winnipeg", "MB", "Manitoba", "R3M"),
             ("Calgary", "AB", "Alberta", "T2N"), ("Vancouver", "BC", "British Columbia", "V6K"),
             ("Ottawa", "Ontario", "Ontario", "K1S"), ("Toronto", "Ontario", "Ontario", "M6J"),
             ("Saskatoon", "SK", "Saskatchewan", "S7N"), ("Regina", "SK", "Saskatchewan", "S4T"),
             ("Edmonton", "AB", "Alberta", "T6E"))
CA_STREETS = ("Tamarack Drive", "Spruce Avenue", "Birchwood Crescent", "Larch Street",
              "Osborne Street", "Kensington Road", "Bronson Avenue", "Ossington Avenue",
              "Whyte Avenue")
IE_PLACES = (("Dublin", "3", "D03"), ("Dublin", "8", "D08"), ("Cork", "", "T12"),
             ("Galway", "", "H91"), ("Limerick", "", "V94"), ("Waterford", "", "X91"),
             ("Kilkenny", "", "R95"), ("Sligo", "", "F91"))
IE_STREETS = ("Clontarf Road", "Griffith Avenue", "Ranelagh Road", "Shandon Street",
              "Dominick Street", "Ballybane Road", "Mallow Road", "Patrick Street",
              "Ennis Road", "Parnell Street")
DE_PLACES = (("Berlin", "10"), ("Hamburg", "22"), ("München", "80"), ("Köln", "50"),
             ("Leipzig", "04"), ("Freiburg", "79"), ("Dresden", "01"), ("Bremen", "28"),
             ("Stuttgart", "70"))
DE_STREETS = ("Lindenstraße", "Kastanienallee", "Goethestraße", "Schillerweg",
              "Bergmannstraße", "Eichendorffstraße", "Uhlandstraße", "Gneisenaustraße",
              "Hölderlinweg", "Brunnenstraße", "Akazienweg", "Körnerstraße")
NL_PLACES = (("Amsterdam", "10"), ("Utrecht", "35"), ("Rotterdam", "30"), ("Groningen", "97"),
             ("Eindhoven", "56"), ("Leiden", "23"), ("Haarlem", "20"), ("Nijmegen", "65"))
NL_STREETS = ("Prinsengracht", "Keizersgracht", "Oudegracht", "Vondelstraat", "Javastraat",
              "Herengracht", "Zeestraat", "Kruisstraat", "Biltstraat", "Molenstraat")
FR_PLACES = (("Lyon", "6900"), ("Paris", "750"), ("Marseille", "130"), ("Toulouse", "310"),
             ("Nantes", "440"), ("Lille", "590"), ("Bordeaux", "330"), ("Montpellier", "340"))
FR_STREETS = ("rue des Lilas", "rue Oberkampf", "rue Paradis", "cours Julien",
              "rue de la Roquette", "avenue Jean Jaurès", "allée des Tilleuls",
              "impasse des Acacias", "rue Sainte-Catherine", "boulevard Voltaire")
ES_PLACES = (("Madrid", "280"), ("Barcelona", "080"), ("Sevilla", "410"), ("València", "460"),
             ("Bilbao", "480"), ("Granada", "180"), ("Zaragoza", "500"))
ES_STREETS = ("Calle de Toledo", "Carrer de Mallorca", "Calle Feria", "Calle Ercilla",
              "Calle Elvira", "Calle del Pez", "Carrer de Verdi", "Calle Alfonso")
IT_PLACES = (("Torino", "101"), ("Milano", "201"), ("Roma", "001"), ("Bologna", "401"),
             ("Napoli", "801"), ("Firenze", "501"), ("Genova", "161"))
IT_STREETS = ("Via Garibaldi", "Via Zamboni", "Via Palestro", "Corso Buenos Aires",
              "Viale Trastevere", "Via dei Mille", "Via Mazzini", "Via Cavour")
PL_PLACES = (("Gdańsk", "80"), ("Kraków", "31"), ("Warszawa", "00"), ("Wrocław", "50"),
             ("Poznań", "61"), ("Łódź", "90"), ("Lublin", "20"))
PL_STREETS = ("Długa", "Floriańska", "Hoża", "Ruska", "Półwiejska", "Piotrkowska",
              "Mokotowska", "Słowackiego", "Grunwaldzka")
SE_PLACES = (("Göteborg", "41"), ("Stockholm", "11"), ("Malmö", "21"), ("Uppsala", "75"),
             ("Umeå", "90"), ("Lund", "22"))
SE_STREETS = ("Storgatan", "Drottninggatan", "Kungsgatan", "Vasagatan", "Linnégatan",
              "Tegnérgatan", "Sveavägen", "Karlavägen", "Södermannagatan")
JP_PLACES = (("Tokyo", "Shinjuku", "Nishi-Shinjuku", "160"),
             ("Tokyo", "Setagaya", "Sangenjaya", "154"),
             ("Tokyo", "Meguro", "Nakameguro", "153"), ("Osaka", "Kita", "Umeda", "530"),
             ("Kyoto", "Sakyo", "Shimogamo", "606"), ("Sapporo", "Chuo", "Odori", "060"),
             ("Fukuoka", "Hakata", "Gion", "812"))
KR_PLACES = (("Seoul", "Gangnam", "Teheran", "06"), ("Seoul", "Mapo", "Yanghwa", "04"),
             ("Busan", "Haeundae", "Haeundaehaebyeon", "48"), ("Seoul", "Jongno", "Yulgok", "03"),
             ("Daegu", "Suseong", "Dalgubeol", "42"), ("Incheon", "Yeonsu", "Convensia", "22"))
BR_PLACES = (("São Paulo", "SP", "Rua Augusta", "Consolação", "01"),
             ("São Paulo", "SP", "Rua Harmonia", "Vila Madalena", "05"),
             ("Rio de Janeiro", "RJ", "Rua Visconde de Pirajá", "Ipanema", "22"),
             ("Belo Horizonte", "MG", "Rua Pernambuco", "Funcionários", "30"),
             ("Recife", "PE", "Rua da Aurora", "Boa Vista", "50"),
             ("Porto Alegre", "RS", "Rua Padre Chagas", "Moinhos", "90"),
             ("Curitiba", "PR", "Rua Mateus Leme", "Centro Cívico", "80"))
MX_PLACES = (("Ciudad de México", "CDMX", "Calle Durango", "Roma", "06"),
             ("Ciudad de México", "CDMX", "Calle Ámsterdam", "Condesa", "06"),
             ("Guadalajara", "Jalisco", "Avenida Chapultepec", "Americana", "44"),
             ("Monterrey", "Nuevo León", "Calle Padre Mier", "Obispado", "64"),
             ("Oaxaca", "Oaxaca", "Calle Macedonio Alcalá", "Jalatlaco", "68"),
             ("Puebla", "Puebla", "Calle Reforma", "Analco", "72"))
NG_PLACES = (("Lagos", "Victoria Island", "Adeola Odeku Street", "101241"),
             ("Lagos", "Ikoyi", "Awolowo Road", "101233"),
             ("Lagos", "Yaba", "Herbert Macaulay Way", "101212"),
             ("Abuja", "Wuse", "Aminu Kano Crescent", "900288"),
             ("Ibadan", "Bodija", "Awolowo Avenue", "200284"),
             ("Port Harcourt", "GRA", "Aba Road", "500272"))
KE_PLACES = (("Nairobi", "Westlands", "Riverside Drive", "00800"),
             ("Nairobi", "Kilimani", "Argwings Kodhek Road", "00100"),
             ("Nairobi", "Lavington", "Gitanga Road", "00603"),
             ("Mombasa", "Nyali", "Mombasa-Malindi Road", "80100"),
             ("Kisumu", "Milimani", "Oginga Odinga Street", "40100"),
             ("Nakuru", "Milimani", "Kenyatta Avenue", "20100"))


def rnum(rng: random.Random, low: int, high: int) -> str:
    """A house or flat number; now and then a round one ("twelve hundred", "two thousand")."""
    n = rng.randint(low, high)
    if n >= 1000 and rng.random() < 0.25:
        n = max(low, n // 100 * 100)
    return str(n)


def addr_us(rng: random.Random, pobox: bool = False) -> list:
    """US: number, street, optional apartment, town, state, ZIP or ZIP+4; or a PO box."""
    town, code, state, zip3 = rng.choice(US_PLACES)
    zipcode = zip3 + f"{rng.randint(1, 99):02d}"
    tail = [f", {town}, ", ("alt", code, state), " ", ("digs", zipcode)]
    if rng.random() < 0.3:
        tail += [("alt", "-", " dash "), ("digs", f"{rng.randint(1, 9999):04d}")]
    if pobox:
        return ["PO Box ", ("num", rnum(rng, 100, 9999))] + tail
    name = rng.choice(US_STREETS)
    full, short = rng.choice(US_SUFFIXES)
    parts = [("num", rnum(rng, 1, 9999)), f" {name} ", ("alt", rng.choice((full, short)), full)]
    if rng.random() < 0.5:
        unit = rng.choice((("Apt ", ("code", f"{rng.randint(1, 9)}{rng.choice('ABCD')}")),
                           ("Apt ", ("num", rnum(rng, 1, 40))),
                           ("Unit ", ("num", rnum(rng, 1, 24))),
                           ("Suite ", ("num", rnum(rng, 100, 450)))))
        parts += [", ", ("alt", unit[0], unit[0].replace("Apt", "apartment")), unit[1]]
    return parts + tail


def addr_uk(rng: random.Random) -> list:
    """UK: optional flat, number, street, town, postcode."""
    town, outward = rng.choice(UK_PLACES)
    inward = f"{rng.randint(0, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"
    inward += rng.choice("ABDEFGHJLNPQRSTUWXYZ")
    parts = []
    if rng.random() < 0.45:
        parts += [("alt", "Flat ", "flat "), ("num", rnum(rng, 1, 12)), ", "]
    return parts + [("num", rnum(rng, 1, 240)), f" {rng.choice(UK_STREETS)}, {town}",
                    ("alt", " ", ", "), ("code", f"{outward} {inward}")]


def addr_ca(rng: random.Random) -> list:
    """Canada: unit, number, street, town, province, postal code."""
    town, code, province, fsa = rng.choice(CA_PLACES)
    ldu = f"{rng.randint(0, 9)}{rng.choice('ABCEGHJKLMNPRSTVWXYZ')}{rng.randint(0, 9)}"
    parts = [("alt", "Unit ", "unit "), ("num", rnum(rng, 1, 30)), ", "] \
        if rng.random() < 0.4 else []
    return parts + [("num", rnum(rng, 1, 3999)), f" {rng.choice(CA_STREETS)}, {town}, ",
                    ("alt", code, province), " ", ("code", f"{fsa} {ldu}")]


def addr_ie(rng: random.Random) -> list:
    """Ireland: number, street, town (Dublin with its district), Eircode."""
    town, district, routing = rng.choice(IE_PLACES)
    unique_id = "".join(rng.choice("0123456789ACDEFHKNPRTVWXY") for _ in range(4))
    parts = [("num", rnum(rng, 1, 180)), f" {rng.choice(IE_STREETS)}, {town}"]
    if district:
        parts += [" ", ("num", district)]
    return parts + [", ", ("code", f"{routing} {unique_id}")]


def addr_de(rng: random.Random) -> list:
    """Germany: street and number, then postcode and town."""
    town, prefix = rng.choice(DE_PLACES)
    return [f"{rng.choice(DE_STREETS)} ", ("num", rnum(rng, 1, 140)), ", ",
            ("digs", prefix + f"{rng.randint(100, 999)}"), f" {town}"]


def addr_nl(rng: random.Random) -> list:
    """Netherlands: street and number, four-digit postcode with two letters, town."""
    town, prefix = rng.choice(NL_PLACES)
    letters = "".join(rng.choice("BCDFGHJKLMNPRTVWXZ") for _ in range(2))
    return [f"{rng.choice(NL_STREETS)} ", ("num", rnum(rng, 1, 480)), ", ",
            ("code", f"{prefix}{rng.randint(10, 99)} {letters}"), f" {town}"]


def addr_fr(rng: random.Random) -> list:
    """France: optional apartment, number, street, postcode, town."""
    town, prefix = rng.choice(FR_PLACES)
    postcode = prefix + str(rng.randint(0, 9)) * (5 - len(prefix))
    parts = [("alt", "appartement ", "apartment "), ("num", rnum(rng, 1, 60)), ", "] \
        if rng.random() < 0.3 else []
    return parts + [("num", rnum(rng, 1, 120)), f" {rng.choice(FR_STREETS)}, ",
                    ("digs", postcode), f" {town}"]


def addr_es(rng: random.Random) -> list:
    """Spain: street, number, floor, postcode, town."""
    town, prefix = rng.choice(ES_PLACES)
    return [f"{rng.choice(ES_STREETS)} ", ("num", rnum(rng, 1, 220)), ", piso ",
            ("num", rnum(rng, 1, 8)), ", ", ("digs", prefix + f"{rng.randint(1, 50):02d}"),
            f" {town}"]


def addr_it(rng: random.Random) -> list:
    """Italy: street and number, optional interno, CAP, town."""
    town, prefix = rng.choice(IT_PLACES)
    parts = [f"{rng.choice(IT_STREETS)} ", ("num", rnum(rng, 1, 160))]
    if rng.random() < 0.4:
        parts += [", interno ", ("num", rnum(rng, 1, 20))]
    return parts + [", ", ("digs", prefix + f"{rng.randint(10, 99)}"), f" {town}"]


def addr_pl(rng: random.Random) -> list:
    """Poland: ul. street, building/flat, postcode with a hyphen, town."""
    town, prefix = rng.choice(PL_PLACES)
    return [("alt", "ul. ", "ulica "), f"{rng.choice(PL_STREETS)} ", ("num", rnum(rng, 1, 90)),
            ("alt", "/", " flat "), ("num", rnum(rng, 1, 40)), ", ",
            ("code", f"{prefix}-{rng.randint(0, 999):03d}"), f" {town}"]


def addr_se(rng: random.Random) -> list:
    """Sweden: street and number, optional lgh, postcode in 3+2, town."""
    town, prefix = rng.choice(SE_PLACES)
    parts = [f"{rng.choice(SE_STREETS)} ", ("num", rnum(rng, 1, 90))]
    if rng.random() < 0.35:
        parts += [", lgh ", ("num", str(rng.choice((1001, 1102, 1203, 1304, 1401))))]
    return parts + [", ", ("code", f"{prefix}{rng.randint(1, 9)} {rng.randint(10, 99)}"),
                    f" {town}"]


def addr_jp(rng: random.Random) -> list:
    """Japan, western order: room, chome-banchi-go, district, ward, city, postcode."""
    city, ward, district, prefix = rng.choice(JP_PLACES)
    block = f"{rng.randint(1, 5)}-{rng.randint(1, 30)}-{rng.randint(1, 20)}"
    parts = [("alt", "Room ", "room "), ("num", str(rng.choice((102, 203, 305, 401, 702)))),
             ", "] if rng.random() < 0.5 else []
    return parts + [("code", block), f" {district}, {ward}",
                    ("alt", "-ku", " ku"), f", {city} ",
                    ("code", f"{prefix}-{rng.randint(1, 99):04d}")]


def addr_kr(rng: random.Random) -> list:
    """South Korea, road address: apartment, number, road, district, city, postcode."""
    city, district, road, prefix = rng.choice(KR_PLACES)
    return [("alt", "Apt ", "apartment "), ("num", str(rng.choice((302, 1203, 805, 1501)))),
            ", ", ("num", rnum(rng, 1, 400)), f" {road}", ("alt", "-ro", " ro"),
            f", {district}", ("alt", "-gu", " gu"), f", {city} ",
            ("digs", prefix + f"{rng.randint(100, 999)}")]


def addr_br(rng: random.Random) -> list:
    """Brazil: street, number, apartment, neighbourhood, city - state, CEP."""
    city, state, street, hood, prefix = rng.choice(BR_PLACES)
    return [f"{street}, ", ("num", rnum(rng, 10, 2400)), ", apto ", ("num", rnum(rng, 11, 94)),
            f", {hood}, {city}", ("alt", " - ", ", "), f"{state}, ",
            ("code", f"{prefix}{rng.randint(100, 999)}-{rng.randint(0, 999):03d}")]


def addr_mx(rng: random.Random) -> list:
    """Mexico: street, number, interior, colonia, postcode, city, state."""
    city, state, street, colonia, prefix = rng.choice(MX_PLACES)
    return [f"{street} ", ("num", rnum(rng, 1, 400)), ", int. ", ("num", rnum(rng, 1, 12)),
            f", Col. {colonia}, ", ("digs", prefix + f"{rng.randint(100, 999)}"),
            f" {city}, {state}"]


def addr_ng(rng: random.Random) -> list:
    """Nigeria: plot or house number, street, area, city, sometimes the postcode."""
    city, area, street, postcode = rng.choice(NG_PLACES)
    parts = [rng.choice(("Plot ", "No. ", "")), ("num", rnum(rng, 1, 90)), f" {street}, {area}",
             f", {city}"]
    return parts + ([" ", ("digs", postcode)] if rng.random() < 0.5 else [])


def addr_ke(rng: random.Random) -> list:
    """Kenya: house or apartment, street, area, city, and a P.O. Box with postcode."""
    city, area, street, postcode = rng.choice(KE_PLACES)
    parts = [rng.choice(("House ", "Apartment ")), ("code", f"{rng.choice('ABCD')}"
                                                            f"{rng.randint(1, 12)}"),
             f", {street}, {area}, {city}"]
    if rng.random() < 0.5:
        return parts + [", ", ("alt", "P.O. Box ", "P O Box "), ("num", rnum(rng, 100, 9999)),
                        ("alt", "-", " dash "), ("digs", postcode)]
    return parts + [" ", ("digs", postcode)]


ADDRESS_MAKERS = {"US": addr_us, "UK": addr_uk, "CA": addr_ca, "IE": addr_ie, "DE": addr_de,
                  "NL": addr_nl, "FR": addr_fr, "ES": addr_es, "IT": addr_it, "PL": addr_pl,
                  "SE": addr_se, "JP": addr_jp, "KR": addr_kr, "BR": addr_br, "MX": addr_mx,
                  "NG": addr_ng, "KE": addr_ke}


def render_part(part, form: str, zero: str) -> tuple[str, str]:
    """One address part as (text, digits it holds)."""
    if isinstance(part, str):
        return part, ""
    tag, value = part[0], part[1]
    if tag == "alt":
        return (part[1] if form == "typed" else part[2]), ""
    digits = typed_digits(value)
    if form == "typed":
        return value, digits
    said = {"num": say_house, "code": lambda v: say_code(v, zero),
            "digs": lambda v: say_single(v, zero)}[tag](value)
    return said, digits


def make_street_address(opts: list[str], form: str, rng: random.Random, memory: dict) -> dict:
    """A street address of the country asked for (or any)."""
    country = next((o for o in opts if o in ADDRESS_MAKERS), rng.choice(sorted(ADDRESS_MAKERS)))
    parts = addr_us(rng, pobox=True) if "pobox" in opts else ADDRESS_MAKERS[country](rng)
    zero = rng.choice(ZERO_WORDS if country in ("UK", "IE") else ZERO_WORDS[:2])
    rendered = [render_part(p, form, zero) for p in parts]
    typed = "".join(render_part(p, "typed", zero)[0] for p in parts)
    surface = "".join(text for text, _ in rendered)
    expected = "".join(digits for _, digits in rendered)
    return make_value("street_address", surface, typed, form, expected,
                      surface_words(surface, ADDRESS_GENERIC))


MAKERS = {"person_name": make_person_name, "phone": make_phone, "email": make_email,
          "card": make_card, "iban": make_iban, "us_ssn": make_ssn, "ip_address": make_ip,
          "street_address": make_street_address}


# ---------------------------------------------------------------------------------------
# Look-alike fillers for the hard negatives: numbers and names that are not personal data.


def say_number(n: int) -> str:
    """A quantity as said: "two hundred and twenty", "twelve thousand four hundred"."""
    if n < 100:
        return cardinal(n)
    if n < 1000:
        head, rest = divmod(n, 100)
        return f"{UNIT_WORDS[head]} hundred" + (f" and {cardinal(rest)}" if rest else "")
    head, rest = divmod(n, 1000)
    tail = "" if not rest else f" and {cardinal(rest)}" if rest < 100 else f" {say_number(rest)}"
    return f"{say_number(head)} thousand{tail}"


def say_year(year: int) -> str:
    """A year as "nineteen ninety eight", "two thousand and six", "twenty twenty four"."""
    if 2000 <= year < 2010:
        return "two thousand" + (f" and {UNIT_WORDS[year - 2000]}" if year > 2000 else "")
    head, rest = divmod(year, 100)
    return f"{cardinal(head)} {say_pair(f'{rest:02d}', 'oh') if rest else 'hundred'}"


def say_alnum(code: str) -> str:
    """A code read out character by character: letters spelled, digits one by one."""
    out = []
    for ch in code:
        if ch.isdigit():
            out.append(say_digit(ch, "oh"))
        elif ch.isalpha():
            out.append(ch.upper())
        elif ch in "-/":
            out.append("dash")
    return " ".join(out)


def rand_code(rng: random.Random, pattern: str) -> str:
    """A code from a pattern: A a capital, 9 a digit, anything else kept."""
    pick = {"A": "ABCDEFGHJKLMNPRSTUVWXYZ", "9": "0123456789"}
    return "".join(rng.choice(pick[ch]) if ch in pick else ch for ch in pattern)


CODE_FILLERS = {
    "order": ("99999999", "999-9999999-9999999", "ORD-999999", "9999999"),
    "tracking": ("1Z9AA99999999999999", "JJD999999999999", "RB999999999GB", "TBA999999999999"),
    "booking": ("A9AAA9", "AAA99A", "9AA9AA"),
    "invoice": ("INV-2024-99999", "INV-99999", "2025/99999"),
    "ref": ("99999-9", "A/9999/24", "REF 999999"),
    "model": ("AA99A999AA", "AAA9AAA99A", "AA-99A9"),
    "serial": ("SN 9A9A-99999-A", "999999999999", "AA9999999999"),
    "voucher": ("AAAA-99AA", "AAAAAA99"),
    "isbn": ("978-9-999-99999-9",),
    "meeting": ("999 9999 9999", "999 999 9999"),
}


def code_filler(name: str, rng: random.Random, spoken: bool) -> str:
    """Order, tracking, flight numbers and the like, typed or read out."""
    code = rand_code(rng, rng.choice(CODE_FILLERS[name]))
    if not spoken:
        return code
    if name in ("order", "meeting") and rng.random() < 0.5:
        return ", ".join(say_pairs(g, "oh") for g in re.findall(r"\d+", code)) \
            if code.replace(" ", "").replace("-", "").isdigit() else say_alnum(code)
    return say_alnum(code)


NUMERIC_FILLERS = {
    "minutes": (3, 90, "{}", "{}"), "people": (2, 9, "{}", "{}"),
    "percent": (5, 95, "{}%", "{} percent"), "steps": (2000, 18000, "{:,}", "{}"),
    "celsius": (17, 24, "{} degrees", "{} degrees"), "km": (12, 480, "{} km", "{} kilometres"),
    "miles": (5, 300, "{} miles", "{} miles"), "psi": (30, 38, "{} psi", "{} psi"),
    "eggs": (2, 6, "{}", "{}"), "count": (2, 5, "{}", "{}"), "platform": (1, 14, "{}", "{}"),
    "bus": (4, 390, "{}", "{}"), "channel": (2, 120, "{}", "{}"), "level": (1, 6, "{}", "{}"),
    "bay": (10, 480, "{}", "{}"), "num": (3, 19, "{}", "{}"), "gas": (2, 9, "{}", "{}"),
    "grams": (50, 400, "{} g", "{} grams"), "weight": (4, 9, "{} kg", "{} kilos"),
    "prog": (1, 12, "{}", "{}"), "episode": (1, 24, "{}", "{}"), "season": (1, 9, "{}", "{}"),
}


def numeric_filler(name: str, rng: random.Random, spoken: bool) -> str:
    """A plain quantity in its unit."""
    low, high, typed, said = NUMERIC_FILLERS[name]
    n = rng.randint(low, high)
    return said.format(say_number(n)) if spoken else typed.format(n)


def price_filler(rng: random.Random, spoken: bool) -> str:
    """A price in one of several currencies."""
    whole, cents = rng.randint(2, 480), rng.choice((0, 0, 50, 99, 25, 75, 40))
    currency = rng.choice((("£", "pounds"), ("$", "dollars"), ("€", "euros")))
    if spoken:
        tail = f" {cardinal(cents)}" if cents else ""
        return f"{say_number(whole)} {currency[1]}{tail}"
    return f"{currency[0]}{whole}" + (f".{cents:02d}" if cents else "")


def temp_filler(rng: random.Random, spoken: bool) -> str:
    """An oven temperature."""
    if rng.random() < 0.5:
        c = rng.choice((160, 170, 180, 190, 200, 220, 240))
        return f"{say_number(c)} degrees" if spoken else rng.choice((f"{c}°C", f"{c} degrees"))
    f = rng.choice((325, 350, 375, 400, 425, 450))
    return f"{say_number(f)} fahrenheit" if spoken else f"{f}°F"


def time_filler(rng: random.Random, spoken: bool) -> str:
    """A clock time."""
    hour, minute = rng.randint(1, 12), rng.choice((0, 10, 15, 20, 30, 40, 45, 50))
    if not spoken:
        return rng.choice((f"{hour}:{minute:02d}", f"{hour}:{minute:02d} pm",
                           f"{hour + 12 if hour < 12 else hour}:{minute:02d}"))
    if minute == 0:
        return f"{cardinal(hour)} o'clock"
    if minute in (15, 30, 45):
        return {15: f"quarter past {cardinal(hour)}", 30: f"half past {cardinal(hour)}",
                45: f"quarter to {cardinal(hour % 12 + 1)}"}[minute]
    return f"{cardinal(hour)} {cardinal(minute)}"


MONTHS = ("January February March April May June July August September October November "
          "December").split()
ORDINALS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
            "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
            "nineteenth twentieth").split()


def date_filler(rng: random.Random, spoken: bool) -> str:
    """A calendar date."""
    day, month = rng.randint(1, 28), rng.randint(1, 12)
    if spoken:
        said = ORDINALS[day - 1] if day <= 20 else f"twenty {ORDINALS[day - 21]}"
        return rng.choice((f"the {said} of {MONTHS[month - 1]}", f"{MONTHS[month - 1]} {said}"))
    suffix = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd"}.get(day, "th")
    return rng.choice((f"{day:02d}/{month:02d}", f"{day} {MONTHS[month - 1]}",
                       f"{MONTHS[month - 1]} {day}{suffix}", f"2025-{month:02d}-{day:02d}"))


def year_filler(rng: random.Random, spoken: bool) -> str:
    """A year."""
    year = rng.randint(1966, 2024)
    return say_year(year) if spoken else str(year)


def version_filler(rng: random.Random, spoken: bool) -> str:
    """A firmware or app version, sometimes four parts like an IP address."""
    parts = [rng.randint(1, 12), rng.randint(0, 20), rng.randint(0, 9)]
    if rng.random() < 0.4:
        parts.append(rng.randint(1, 40))
    if spoken:
        return " point ".join(say_number(p) for p in parts)
    return ".".join(str(p) for p in parts)


def freq_filler(rng: random.Random, spoken: bool) -> str:
    """An FM frequency."""
    whole, tenth = rng.randint(88, 107), rng.randint(0, 9)
    return f"{cardinal(whole)} point {UNIT_WORDS[tenth]}" if spoken else f"{whole}.{tenth}"


def score_filler(rng: random.Random, spoken: bool) -> str:
    """A match score."""
    a, b = rng.randint(0, 5), rng.randint(0, 4)
    if spoken:
        return f"{cardinal(a)} {'nil' if b == 0 else cardinal(b)}"
    return rng.choice((f"{a}-{b}", f"{a}–{b}"))


def flight_filler(rng: random.Random, spoken: bool) -> str:
    """A flight number: airline code and one to four digits."""
    airline, number = rng.choice(AIRLINES), str(rng.randint(1, 2999))
    if spoken:
        return f"{' '.join(airline)} {rng.choice((say_single(number, 'oh'), say_house(number)))}"
    return airline + rng.choice((" ", "")) + number


def cup_year_filler(rng: random.Random, spoken: bool) -> str:
    """A year there was a men's football World Cup."""
    year = rng.choice(range(1966, 2023, 4))
    return say_year(year) if spoken else str(year)


AIRLINES = ("BA", "LH", "KQ", "EK", "AF", "NH", "QF", "ET", "KL", "AA")


def words_filler(options: str) -> callable:
    """A filler drawn from a list of names, the same typed and spoken."""
    choices = options.split("|")
    return lambda rng, spoken: rng.choice(choices)


def amount_filler(rng: random.Random, spoken: bool) -> str:
    """A recipe amount."""
    n = rng.choice((2, 3, 4, 100, 150, 200, 250, 300, 500))
    unit = ("tablespoons", "tbsp") if n < 10 else rng.choice((("grams", "g"), ("ml", "ml")))
    return f"{say_number(n)} {unit[0]}" if spoken else f"{n} {unit[1]}"


def qty_filler(rng: random.Random, spoken: bool) -> str:
    """A shopping quantity."""
    n = rng.randint(2, 6)
    unit = rng.choice(("litres", "pints", "cartons", "bottles"))
    return f"{say_number(n)} {unit}" if spoken else f"{n} {unit}"


def cups_filler(rng: random.Random, spoken: bool) -> str:
    """Cups in a recipe, fractions included."""
    typed, said = rng.choice((("1 1/2", "one and a half"), ("2", "two"), ("3/4", "three quarters"),
                              ("1/3", "a third"), ("2 1/4", "two and a quarter")))
    return said if spoken else typed


FILLERS = {
    "price": price_filler, "temp": temp_filler, "time": time_filler, "date": date_filler,
    "year": year_filler, "version": version_filler, "freq": freq_filler,
    "score": score_filler, "amount": amount_filler, "qty": qty_filler, "cups": cups_filler,
    "city": words_filler("Lagos|Osaka|Bergen|Valparaíso|Kraków|Nairobi|Manchester|Toronto|"
                         "Seoul|Guadalajara|Accra|Auckland|Lyon|Porto|Hanoi|Tbilisi|Cusco"),
    "street_only": words_filler("Elm Street|the High Street|Oxford Road|Main Street|"
                                "Kurfürstendamm|Queen Street|Sunset Boulevard|Gran Vía|"
                                "Nanjing Road|Market Street|the ring road"),
    "brand": words_filler("Domino's|Tesco|Tim Hortons|Trader Joe's|IKEA|Wendy's|Carrefour|"
                          "Lidl|Jollibee|Dr. Oetker|Uniqlo|Woolworths|Marks & Spencer|"
                          "Ben & Jerry's|Chick-fil-A"),
    "celebrity": words_filler("Serena Williams|Chimamanda Ngozi Adichie|Wangari Maathai|"
                              "Bong Joon-ho|Lionel Messi|Angélique Kidjo|Greta Thunberg|"
                              "Nelson Mandela|Frida Kahlo|Haruki Murakami|Usain Bolt|"
                              "Marie Curie|Malala Yousafzai|Eliud Kipchoge|Tove Jansson|"
                              "Miriam Makeba|Celia Cruz|Zlatan Ibrahimović"),
    "artist": words_filler("Burna Boy|Björk|Fela Kuti|Shakira|A. R. Rahman|BTS|Adele|"
                           "Youssou N'Dour|Stromae|Bad Bunny|Taylor Swift|Tems|Sade"),
    "song": words_filler("Essence by Wizkid|Jóga by Björk|Water No Get Enemy by Fela Kuti|"
                         "Hips Don't Lie by Shakira|Jai Ho by A. R. Rahman|Dynamite by BTS|"
                         "Someone Like You by Adele|7 Seconds by Youssou N'Dour|"
                         "Alors on danse by Stromae|Smooth Operator by Sade|"
                         "Pata Pata by Miriam Makeba|Last Last by Burna Boy"),
    "flight": flight_filler, "cup_year": cup_year_filler,
    "team": words_filler("Arsenal|Celtic|Boca Juniors|Kaizer Chiefs|Al Ahly|Lakers|"
                         "Ajax|All Blacks|Galatasaray"),
    "company": words_filler("Toyota|Safaricom|Nestlé|Samsung|Siemens|Shopify|Tata|Nokia"),
    "road": words_filler("M25|A40|I-95|N7|A1|M62"),
}
for _name in CODE_FILLERS:
    FILLERS[_name] = lambda rng, spoken, _n=_name: code_filler(_n, rng, spoken)
for _name in NUMERIC_FILLERS:
    FILLERS[_name] = lambda rng, spoken, _n=_name: numeric_filler(_n, rng, spoken)
SPOKEN_ROADS = {"M25": "M twenty five", "A40": "A forty", "I-95": "I ninety five", "N7": "N seven",
                "A1": "A one", "M62": "M sixty two"}


def fill(name: str, rng: random.Random, form: str) -> str:
    """A look-alike filler in the sentence's form (a spoken one never holds a digit)."""
    text = FILLERS[name](rng, form == "spoken")
    if form == "spoken":
        text = SPOKEN_ROADS.get(text, text).replace("7 Seconds", "Seven Seconds")
    return text


# ---------------------------------------------------------------------------------------
# Templates. `{kind}` or `{kind:options}` takes a personal value; any other `{name}` takes
# a look-alike filler. Options pick a country or region, a part of a name ("first",
# "surname", "nick"), "spell" (spell the last surname or address), "again" (say the last
# value of that kind once more), "pause" (break it with a hesitation) or "ext".

TYPED_DATA = (
    # In the car.
    "navigate to {street_address:US}",
    "Navigate to {street_address:UK}, avoid the M62 if you can",
    "take me to {street_address:DE} please, fastest route",
    "hey car, directions to {street_address:NL}, we need to be there by 14:30",
    "add a stop at {street_address:FR} on the way, it's the bakery pickup",
    "reroute to {street_address:ES}, the hotel changed our booking",
    "navigate to {street_address:KR} tomorrow at 9, set it as the first trip",
    "how long to {street_address:IE} if I leave at 7:45?",
    "Call {person_name} on speaker",
    "call {person_name:first} on speaker, the mobile not the office",
    "read me the last message from {person_name:first}",
    "Read me the last 3 texts from {person_name}",
    "share my ETA with {person_name:first} and {person_name:first}",
    "share my ETA with {person_name} on {phone:US}",
    "text {phone} that I'm about 15 min away",
    "what's the wifi password for the router at {ip_address:private}",
    "the car hotspot says the gateway is {ip_address:private}, connect the dashcam to it",
    "order the usual to {street_address}",
    "order the usual from Luigi's to {street_address:IT}, 2 large, no olives",
    "remind me when I get near {street_address:CA} to drop off the tent",
    "ring {person_name:first}'s mum on {phone:NG}, she's expecting us at 6",
    "call the pediatrician's office at {phone:US,ext}",
    # In the kitchen.
    "set a 12 minute timer, then call {person_name} on {phone:IE}",
    "send the shopping list to {email}",
    "email the lasagne recipe to {email} and {email}",
    "{person_name:first} wants the jollof recipe, send it to {email}",
    "add {person_name:first}'s birthday to the calendar, 23 May, she's turning 7",
    "{person_name:first} picked up the keys from the garage, tell {person_name:first} to "
    "stop looking",
    # Paying the babysitter.
    "pay the babysitter {person_name} 45 euros, IBAN {iban:DE}",
    "transfer €60 to {person_name:first}, the IBAN is {iban:NL}, reference babysitting 3 "
    "evenings",
    "{iban:FR} is {person_name}'s account, send the 80 for Saturday",
    "send 120 euro to {iban:ES} for the nanny, concepto semana 12",
    "the babysitter gave me {iban:BE,pause} for the transfer",
    "pay {person_name} 40 euros, IBAN {iban:AT}, I'll repeat, {iban:again}",
    # Flatmates.
    "split the electricity bill 3 ways, {person_name:first} pays into {iban:IE}",
    "{person_name:first} owes me £23.40 for the wifi, my account is {iban:GB}",
    "flatmates are {person_name:first}, {person_name:first} and {person_name:first}, each "
    "owes 112.50",
    "send my share of the takeaway, 14.75, to {person_name:first}, IBAN {iban:PL}",
    "my IBAN for the rent split is {iban:IT}",
    "the rent goes to {iban:SE}, 6,400 kronor by the 27th",
    "{iban:PT} — that's for the water bill, 31.20 each",
    "pay my share, 560 kroner, into {iban:NO}",
    # Child's sports club.
    "register {person_name} for under 9s football, parent contact {phone} and {email}",
    "the swim club form wants {person_name:first}'s birthday, 14/05/2016, and our address "
    "{street_address:CA}",
    "sign {person_name:first} up for judo, emergency contact {person_name} {phone:AU}",
    # The vet.
    "book the vet for Biscuit Thursday 4:15, owner {person_name}, mobile {phone:AU}",
    "tell the vet our new address is {street_address:SE}",
    "Dr {person_name:surname} at the vet said call back on {phone:NZ}",
    # The landlord.
    "my landlord is {person_name}, the number is {phone:PL}",
    "save the landlord's email as {email}",
    "the landlord wants the deposit, 1,200, to {iban:DE} by the 1st",
    "Mr {person_name:surname} the landlord lives at {street_address:US}",
    # Parcels, utilities, the gym, the passport.
    "redirect parcel 7731 0042 to {street_address:UK}",
    "change delivery for order 114-2250983-7719 to {street_address:US}",
    "redirect my DHL parcel JJD000390007 to my sister {person_name:first} at "
    "{street_address:DE}",
    "change the gas account 88201934 to {person_name}, pay with card {card}",
    "the electricity company needs meter reading 04521 and my email {email}",
    "set up the direct debit for the water bill from {iban:GB}, account ref 55120-3",
    "freeze my gym membership for 2 months, member {person_name}, new card {card}",
    "cancel the gym, membership 30044817, the email on file is {email}",
    "renewing passport 533380006, applicant {person_name}, address {street_address:UK}, "
    "phone {phone:GB}",
    "the passport form wants a daytime phone, put {phone:US}, old passport no. 561203948",
    # Tax forms.
    "for the 1040 my SSN is {us_ssn} and {person_name:first}'s is {us_ssn}",
    "the W-9 asks for a social, put {us_ssn}",
    "{person_name}, SSN {us_ssn}, filing jointly for 2024",
    "the daycare FSA form needs my SSN {us_ssn} and their EIN 12-3456789",
    "my social is {us_ssn:pause} yeah",
    "SSN {us_ssn}, I'll say it again, {us_ssn:again}",
    # Cards.
    "pay the water bill with {card}, expiry 08/28, CVV 431",
    "my card is {card:pause}, exp 11/27",
    "use the Amex {card:amex}, security code 7731",
    "book the cinema, 2 adults at 19:40, card {card}, the 3-digit code is 902",
    "{card}, expires 03/29, that's the grocery card",
    "the new Visa is {card:visa}, the old one's cut up",
    # Rambling, values first, repeats, spelling.
    "ok so it's {person_name}, {phone}, and the address is {street_address}, got that?",
    "{street_address:JP}, save that as my cousin's address",
    "{email}, add that to {person_name:first}'s contact",
    "{phone:KR}, that's {person_name}'s new number, update it",
    "my number is {phone:IN}, I'll repeat, {phone:again}",
    "the surname is {person_name:surname}, {person_name:spell}",
    "it's {person_name}, {person_name:spell}, at {street_address:KE}",
    "so {person_name:first} is coming with {person_name} and they're staying at "
    "{street_address:MX}",
    "put {person_name} down for the car pool, {phone:ZA}, pickup from {street_address}",
    # Names with titles, as subjects, in lists.
    "call Dr {person_name:surname} back about the results",
    "remind me Auntie {person_name:first} lands at 9:20",
    "Coach {person_name:surname} moved practice to 5:30, the schedule comes from {email}",
    "Pastor {person_name} needs the hall key by 7",
    "Professor {person_name:surname}'s office hours moved to room 214",
    "Uncle {person_name:nick} says he'll bring the grill",
    "tell {person_name:first} the car's at 40% battery",
    "{person_name}'s flight gets in at 11, send the pickup details to {email}",
    "invite {person_name:first}, {person_name:first}, {person_name:first} and "
    "{person_name:first} to the barbecue",
    # IP addresses.
    "block {ip_address:public} on the router, it keeps hitting the NAS",
    "the camera's at {ip_address:private} and the doorbell's at {ip_address:private}",
    "my IPv6 is {ip_address:v6}, is that right?",
    "forward port 8123 to {ip_address:private}",
    "who is {ip_address:public}? it logged into my account 4 times",
    "the printer moved to {ip_address}, update the kitchen tablet",
    "whitelist {ip_address:v6} for the home server",
    # More phones and e-mails.
    "call the plumber {person_name:first} on {phone:FR}",
    "WhatsApp {person_name:first} on {phone:BR} and say happy birthday",
    "my brother's new number in Lagos is {phone:NG}",
    "save {phone:JP} under {person_name}",
    "{phone:SG} is {person_name:first}'s work line",
    "{person_name:first} has a new number, {phone:AE}",
    "the school office is {phone:KE}, or ask for {person_name:first} on {phone:GH}",
    "{person_name}'s email is {email}",
    # More addresses.
    "my parents live at {street_address:BR}",
    "send the wedding invite to {street_address:PL}",
    "the Airbnb is at {street_address:JP}, check in from 15:00",
    "{street_address:NG} — that's where the party is",
    "my grandma's at {street_address:KE}, post the photos there",
    "send the tax papers to {street_address:US,pobox}",
)

SPOKEN_DATA = (
    # In the car.
    "navigate to {street_address:US}",
    "um navigate to {street_address:UK} please",
    "take me to {street_address:DE}",
    "hey can you navigate to {street_address:MX} and avoid the tolls",
    "add a stop at {street_address:FR} on the way",
    "how long will it take to get to {street_address:IT}",
    "remind me when I'm near {street_address:NL} to return the drill",
    "call {person_name} on speaker",
    "read me the last message from {person_name:first}",
    "read me the last two messages from {person_name}",
    "share my ETA with {person_name:first} and {person_name}",
    "text {phone} and say I'm running about ten minutes late",
    "call {phone:GB} on speaker",
    "ring {person_name:first}'s dad on {phone:GH}",
    "what's the wifi password for the router at {ip_address:private}",
    "the router is at {ip_address:private} and the password's on the sticker",
    "order the usual to {street_address}",
    "order the usual pad thai to {street_address:CA} for two people",
    # In the kitchen.
    "send the shopping list to {email}",
    "email the banana bread recipe to {email}",
    "set a timer for twenty minutes and then call {person_name:first}",
    "{person_name:first} and {person_name:first} are coming over for dinner on Saturday so "
    "that's six of us",
    "{person_name:first} took the last of the milk, add milk to the list",
    "remind {person_name:first} to take the chicken out of the freezer at four",
    # Paying the babysitter.
    "pay the babysitter {person_name} forty five euros to {iban:DE}",
    "her IBAN is {iban:NL} and it's sixty euros for Friday",
    "so the IBAN is {iban:FR,pause}, that's for {person_name}",
    "transfer eighty euros to {iban:IT}, reference babysitting",
    "IBAN {iban:ES}, I'll say it again, {iban:again}",
    "{iban:BE}, that's the babysitter's account, send her fifty",
    # Flatmates.
    "split the gas bill three ways and send {person_name:first}'s share to {iban:IE}",
    "{person_name:first} owes me twelve pounds fifty, my account is {iban:GB}",
    "me {person_name:first} and {person_name:first} are splitting the internet, it's thirty "
    "each",
    "pay my half of the rent into {iban:PL}",
    "send two hundred kronor to {iban:SE} for the cleaning",
    "{iban:FI}, that's where the sauna money goes",
    "move a hundred francs to {iban:CH} for the parking",
    "pay {person_name:first} back, the IBAN is {iban:TR}",
    # Child's sports club.
    "register {person_name} for the under elevens rugby, my number is {phone} and my email "
    "is {email}",
    "sign {person_name:first} up for swimming and use my email {email}",
    "the club needs our address, it's {street_address:IE}",
    # The vet.
    "book the vet for the cat, owner's name is {person_name}, mobile {phone:AU}",
    "the vet is Doctor {person_name:surname}, the number is {phone:NZ}",
    # The landlord.
    "my landlord is {person_name} and the number is {phone:PL}",
    "the landlord lives at {street_address:ES}",
    # Parcels, utilities, the gym, the passport.
    "redirect the parcel to {street_address:UK}, it's the one arriving Thursday",
    "change the name on the electricity account to {person_name}",
    "pay the internet bill with {card}",
    "freeze my gym membership for two months, it's under {person_name}",
    "the gym has my old card, the new one is {card:pause}",
    "for the passport renewal my address is {street_address:UK} and my number is {phone:GB}",
    "passport number is five three three, three eight oh, oh oh six, and my phone is "
    "{phone:US}",
    # Tax forms.
    "my social security number is {us_ssn}",
    "my SSN is {us_ssn} and my partner {person_name:first}'s is {us_ssn}",
    "it's {us_ssn:pause}, that's the social for the W two",
    "{person_name}, social {us_ssn}, for the tax return",
    "social is {us_ssn}, again that's {us_ssn:again}",
    # Cards.
    "my card number is {card:pause}",
    "card number {card}, expiry oh nine twenty seven, security code three one two",
    "use the amex, {card:amex}, the code is four four one seven",
    "the card is {card}, I'll repeat, {card:again}",
    "{card}, it expires twelve twenty eight",
    # Rambling, values first, repeats, spelling.
    "okay so it's {person_name}, {phone}, and she's at {street_address}",
    "{street_address:KR}, can you save that as {person_name:first}'s address",
    "{email}, add that to {person_name:first}'s contact card",
    "{phone:IN}, that's {person_name}'s number, save it",
    "my surname is {person_name:surname}, {person_name:spell}",
    "it's {person_name}, {person_name:spell}, and the email is {email:spell}",
    "my number is {phone}, um, yeah that's {phone:again}",
    "{person_name:first} is picking up {person_name:first} from practice and then going to "
    "{street_address}",
    # Names with titles, as subjects, in lists.
    "call Doctor {person_name:surname} back",
    "remind me that Auntie {person_name:first} is landing at nine twenty",
    "coach {person_name:surname} moved training to half five",
    "Pastor {person_name:surname} wants the keys back by seven",
    "Professor {person_name}'s lecture is in room two fourteen",
    "Uncle {person_name:nick} is bringing the grill",
    "{person_name:first} picked up the keys",
    "send {person_name:first} the photos at {email}",
    "{person_name}'s birthday is on the twelfth, remind me a week before",
    "invite {person_name:first}, {person_name:first} and {person_name:first} to the barbecue",
    # IP addresses.
    "block {ip_address:public} on the router",
    "the camera is at {ip_address:private}",
    "forward port eighty eighty to {ip_address:private}",
    "my laptop's IP is {ip_address}",
    "which device is {ip_address:private}",
    "something at {ip_address:public} keeps trying to log in",
    # More phones and e-mails.
    "save {phone:DE} as {person_name}",
    "call {person_name:first} on {phone:FR}",
    "WhatsApp {phone:BR} and say happy birthday",
    "call {phone:KE} on speaker",
    "my brother's number is {phone:NG}",
    "text {phone:MX} that the gate code is four four seven one",
    "the school's number is {phone:ZA}",
    "{phone:JP}, that's {person_name:first}'s number in Osaka",
    "call {phone:US,ext}",
    "ring {phone:PK} and ask for {person_name:first}",
    "my email is {email}",
    "forward the invoice to {email}",
    "it's {email}, all lower case",
    # More addresses.
    "my parents live at {street_address:BR}",
    "send the invitation to {street_address:PL}",
    "our new address is {street_address:SE}",
    "the Airbnb is at {street_address:JP}",
    "the party is at {street_address:NG}",
    "Grandma lives at {street_address:KE}",
    "send the forms to {street_address:US,pobox}",
)

TYPED_NEGATIVE = (
    "where's my order {order}?",
    "track parcel {tracking}",
    "is flight {flight} on time?",
    "my booking reference is {booking}, when does check-in open",
    "add invoice {invoice} to the expenses sheet, total {price}",
    "preheat the oven to {temp}",
    "set a timer for {minutes} minutes",
    "what was the score in the {team} game last night, was it {score}?",
    "tune to {freq} FM",
    "the dishwasher {model} is showing error E24",
    "serial number on the fridge is {serial}, is it still under warranty?",
    "update the thermostat to firmware {version}",
    "how many grams is {cups} cups of flour",
    "is there traffic on {street_only}?",
    "what's the weather in {city} on {date}?",
    "play {song}",
    "how old is {celebrity}?",
    "remind me to buy {qty} of milk",
    "convert {price} to yen",
    "how far is {city} from {city}?",
    "set an alarm for {time}",
    "what's {num} times {num}?",
    "the recipe says {amount} of butter and {amount} of sugar, halve it",
    "book a table for {people} at {time} on {date}",
    "when was {celebrity} born?",
    "order from {brand} again, same as order {order}",
    "is the {brand} on {street_only} open until {time}?",
    "take the {road} and skip the town centre",
    "the train from platform {platform} leaves at {time}",
    "bus {bus} is {minutes} minutes late again",
    "my step count today was {steps}",
    "turn the heating up to {celsius}",
    "the washing machine has {minutes} minutes left on programme {prog}",
    "lower the volume to {percent}",
    "what's {percent} of {price}?",
    "the tyre pressure should be {psi}, front and back",
    "range says {km} left, find a charger on the way to {city}",
    "any news about {company} shares today?",
    "tell me about {celebrity}'s early life",
    "join meeting {meeting}, passcode is on the invite",
    "we parked in bay {bay}, level {level}",
    "is ISBN {isbn} in the library?",
    "voucher code {voucher} didn't work at checkout",
    "how long do I boil {eggs} eggs for soft yolks",
    "set the oven to gas mark {gas}",
    "who won the {cup_year} World Cup?",
    "play the {year} album by {artist}",
    "the kettle model {model} keeps tripping the fuse",
    "put on channel {channel}",
    "add {qty} of oat milk to the list",
    "the router firmware is {version}, is there anything newer",
    "invoice {invoice} is for {price}, due {date}",
    "traffic on {street_only} or the {road}, which is quicker?",
    "what time does {brand} close on {date}?",
    "how many calories in {grams} of rice",
    "order {order} arrived with {count} items missing",
    "reference {ref} is on the council letter, what's it about",
    "play season {season} episode {episode} of the baking show",
    "the turkey weighs {weight}, how long at {temp}?",
    "flight {flight} to {city}, which terminal?",
    "what's the time in {city} right now",
    "the {brand} delivery is {minutes} minutes out, order {order}",
    "play a podcast about {celebrity} from {year}",
)

SPOKEN_NEGATIVE = (
    "where's my order {order}",
    "track parcel {tracking}",
    "is flight {flight} on time",
    "my booking reference is {booking}",
    "add invoice {invoice} to the expenses, it was {price}",
    "preheat the oven to {temp}",
    "set a timer for {minutes} minutes",
    "what was the {team} score, was it {score}",
    "tune to {freq} FM",
    "the dishwasher model {model} is beeping",
    "the serial number on the fridge is {serial}",
    "update the thermostat to version {version}",
    "how many grams is {cups} cups of flour",
    "is there traffic on {street_only}",
    "what's the weather in {city} on {date}",
    "play {song}",
    "how old is {celebrity}",
    "remind me to buy {qty} of milk",
    "convert {price} to yen",
    "how far is {city} from {city}",
    "set an alarm for {time}",
    "what's {num} times {num}",
    "the recipe says {amount} of butter",
    "book a table for {people} at {time}",
    "when was {celebrity} born",
    "order from {brand} again",
    "is {brand} on {street_only} still open",
    "take the {road} and skip the town centre",
    "which platform is the {time} train, is it {platform}",
    "the number {bus} bus is {minutes} minutes late",
    "how many steps have I done, is it over {steps}",
    "turn the heating up to {celsius}",
    "how long is left on the washing machine, it said {minutes} minutes",
    "set the volume to {percent}",
    "what's {percent} of {price}",
    "the tyre pressure should be {psi}",
    "how far to the next charger, the range says {km}",
    "what's happening with {company} shares",
    "tell me something about {celebrity}",
    "join meeting {meeting}",
    "we're parked on level {level} bay {bay}",
    "voucher code {voucher} isn't working",
    "how long do I boil {eggs} eggs",
    "gas mark {gas} please",
    "who won the World Cup in {cup_year}",
    "play {artist}'s album from {year}",
    "the kettle model {model} keeps cutting out",
    "put channel {channel} on",
    "add {qty} of oat milk",
    "the router firmware says {version}",
    "invoice {invoice} is due {date}",
    "is it quicker to take {street_only} or the {road}",
    "what time does {brand} close",
    "how many calories are in {grams} of rice",
    "my order {order} came with {count} things missing",
    "play season {season} episode {episode}",
    "the turkey is {weight}, how long at {temp}",
    "flight {flight} to {city}, which terminal",
    "what time is it in {city}",
    "the {brand} delivery is {minutes} minutes away",
    "remind me at {time} on {date} to put the bins out",
    "play a podcast about {celebrity} from {year}",
)


# ---------------------------------------------------------------------------------------
# Rendering and building.

_SLOT = re.compile(r"\{(\w+)(?::([\w,]+))?\}")


def template_of(frame: str) -> str:
    """The frame with options dropped: `{phone:GB,ext}` becomes `{phone}`."""
    return _SLOT.sub(lambda m: "{" + m.group(1) + "}", frame)


def split_of(template: str) -> str:
    """Stable split: half the templates by hash are held out, values and fillers aside."""
    return "heldout" if hashlib.sha256(template.encode()).digest()[0] < 128 else "dev"


def render(frame: str, form: str, rng: random.Random) -> tuple[str, str, list[dict]]:
    """Fill one frame: the sentence, its context (values as one space) and its values."""
    text, context, values, memory, pos = [], [], [], {}, 0
    for match in _SLOT.finditer(frame):
        literal = frame[pos:match.start()]
        text.append(literal)
        context.append(literal)
        kind, opts = match.group(1), (match.group(2) or "").split(",")
        if kind in MAKERS:
            value = MAKERS[kind](opts, form, rng, memory)
            values.append(value)
            text.append(value["surface"])
            context.append(" ")
        else:
            filler = fill(kind, rng, form)
            text.append(filler)
            context.append(filler)
        pos = match.end()
    text.append(frame[pos:])
    context.append(frame[pos:])
    return "".join(text), "".join(context), values


def check(text: str, context: str, values: list[dict], form: str) -> None:
    """Refuse a fill whose labels the scorer could misread."""
    if form == "spoken" and re.search(r"\d", text):
        raise AssertionError(f"digit in a spoken sentence: {text!r}")
    for value in values:
        for word in value["words"]:
            if not has_word(word, text) or has_word(word, context):
                raise Retry(f"word {word!r} not clean in {text!r}")
        if value["surface"] not in text:
            raise AssertionError(f"surface missing: {value['surface']!r}")


def fill_frame(frame: str, form: str, index: int, seen: set[str]) -> dict:
    """One item from a frame, drawing again until its labels are clean and it is new."""
    for attempt in range(60):
        rng = random.Random(f"{SEED}|{form}|{frame}|{index}|{attempt}")
        try:
            text, context, values = render(frame, form, rng)
            check(text, context, values, form)
        except Retry:
            continue
        if text not in seen:
            seen.add(text)
            template = template_of(frame)
            return {"text": text, "form": form, "split": split_of(template), "source": SOURCE,
                    "template": template, "context": context, "values": values}
    raise AssertionError(f"could not fill {frame!r}")


def build_items() -> list[dict]:
    """Every item, each frame filled FILLS times, in a seeded shuffle, with ids."""
    seen: set[str] = set()
    items = []
    for form, frames in (("typed", TYPED_DATA), ("spoken", SPOKEN_DATA),
                         ("typed", TYPED_NEGATIVE), ("spoken", SPOKEN_NEGATIVE)):
        for frame in frames:
            items += [fill_frame(frame, form, i, seen) for i in range(FILLS)]
    random.Random(SEED).shuffle(items)
    for number, item in enumerate(items):
        item["id"] = f"{SOURCE}-{number:04d}"
    return items


def dump(items: list[dict]) -> str:
    """The file's text: one JSON object a line."""
    return "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items)


def main() -> None:
    """Write the data file."""
    items = build_items()
    DATA_FILE.write_text(dump(items), encoding="utf-8")
    print(f"wrote {len(items)} items to {DATA_FILE}")


if __name__ == "__main__":
    main()

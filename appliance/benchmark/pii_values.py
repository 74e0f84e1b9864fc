"""Random personal data and hard-negative fillers for the labelled set, typed or as spoken.

Each maker takes a seeded `random.Random` and the form ("typed" or "spoken") and
returns the surface text, the kind (None for a negative filler), the canonical
value and the tokens that must not survive masking: its digits and its words.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

import phonenumbers
from stdnum import iban as iban_module
from stdnum import luhn

DIGIT_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen")
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
FIRST_NAMES = """Bruno Keiko Ahmed Maria Priya Liam Sofia Oluwaseun Chen Fatima Lukas Aisha Diego
    Hannah Mateo Ingrid Rahul Elena Tomasz Grace Kwame Yuki Noah Amara Sven Leila Omar Claire
    Dmitri Nadia Pablo Zara Felix Mei Jonas Chloe Arjun Olivia Kenji Isabel Tariq Freya""".split()
LAST_NAMES = """Patel Moreau Sullivan Nguyen Okafor Schmidt Rossi Kowalski Haddad Johansson Tanaka
    Garcia Murphy Fischer Singh Dubois Novak Brennan Costa Lindqvist Mensah Alvarez Becker Kim
    Fitzgerald Ivanova Oyelaran Whitfield Castellano Hughes Bergstrom Delgado Nakamura
    Reyes""".split()
DOMAINS = ("gmail.com", "outlook.com", "yahoo.com", "hotmail.co.uk", "icloud.com", "proton.me",
           "acme-corp.com", "fastmail.fm", "web.de", "orange.fr")
US_PLACES = (("Portland", "OR", "Oregon", "972"), ("Austin", "TX", "Texas", "787"),
             ("Denver", "CO", "Colorado", "802"), ("Springfield", "IL", "Illinois", "627"),
             ("San Diego", "CA", "California", "921"), ("Columbus", "OH", "Ohio", "432"),
             ("Raleigh", "NC", "North Carolina", "276"), ("Boise", "ID", "Idaho", "837"),
             ("Madison", "WI", "Wisconsin", "537"), ("Tucson", "AZ", "Arizona", "857"),
             ("Buffalo", "NY", "New York", "142"), ("Salem", "MA", "Massachusetts", "019"))
UK_PLACES = (("Leeds", "LS"), ("Manchester", "M"), ("Bristol", "BS"), ("Glasgow", "G"),
             ("Cardiff", "CF"), ("Oxford", "OX"), ("Brighton", "BN"), ("Sheffield", "S"))
STREETS = ("Main", "Elm", "Oak", "Maple", "Cedar", "Hawthorne", "Baker", "Church", "Victoria",
           "Park", "Lincoln", "Sunset", "Willow", "Mill", "Station", "Highland", "Grove")
SUFFIXES = ("Street", "Avenue", "Road", "Drive", "Lane", "Boulevard", "Court", "Way", "Place")


def number_words(value: int) -> str:
    """0-999 as words ("four twenty two" style for hundreds, as people say house numbers)."""
    if value < 10:
        return DIGIT_WORDS[value]
    if value < 20:
        return _TEENS[value - 10]
    if value < 100:
        tens, unit = divmod(value, 10)
        return _TENS[tens] + (f" {DIGIT_WORDS[unit]}" if unit else "")
    hundreds, rest = divmod(value, 100)
    if rest == 0:
        return f"{DIGIT_WORDS[hundreds]} hundred"
    return f"{DIGIT_WORDS[hundreds]} " + (f"oh {DIGIT_WORDS[rest]}" if rest < 10
                                         else number_words(rest))


def say_digits(digits: str, rng: random.Random, *, oh: float = 0.5, double: float = 0.3) -> str:
    """Digits read one by one: "five oh three", now and then "double five"."""
    words, index = [], 0
    while index < len(digits):
        ch = digits[index]
        word = "oh" if ch == "0" and rng.random() < oh else DIGIT_WORDS[int(ch)]
        if index + 1 < len(digits) and digits[index + 1] == ch and rng.random() < double:
            words.append(f"double {word}")
            index += 2
            continue
        words.append(word)
        index += 1
    return " ".join(words)


def say_groups(groups: list[str], rng: random.Random, separator: str = ", ") -> str:
    """Digit groups read one by one with a pause (Whisper's comma) between groups."""
    return separator.join(say_digits(g, rng) for g in groups)


def _value(kind: str | None, surface: str, canonical: str, words: list[str] | None = None) -> dict:
    digits = "".join(ch for ch in canonical if ch.isdigit()) if kind else ""
    return {"kind": kind, "surface": surface, "canonical": canonical, "digits": digits,
            "words": sorted({w for w in (words or []) if len(w) > 1})}


def _rand_digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def _chunks(text: str, size: int) -> list[str]:
    return [text[i:i + size] for i in range(0, len(text), size)]


def card(rng: random.Random, form: str) -> dict:
    """A Luhn-valid Visa, Mastercard, Discover or Amex number."""
    prefix, length = rng.choice((("4", 16), ("4", 16), ("51", 16), ("55", 16), ("6011", 16),
                                 ("37", 15), ("34", 15)))
    body = prefix + _rand_digits(rng, length - len(prefix) - 1)
    digits = body + luhn.calc_check_digit(body)
    groups = [digits[:4], digits[4:10], digits[10:]] if length == 15 else _chunks(digits, 4)
    if form == "typed":
        style = rng.choice(("space", "dash", "plain", "space"))
        surface = {"space": " ".join(groups), "dash": "-".join(groups), "plain": digits}[style]
    else:
        style = rng.choice(("commas", "commas", "groups", "words", "flat"))
        surface = {"commas": f"{int(digits):,}", "groups": " ".join(groups),
                   "words": say_groups(groups, rng),
                   "flat": say_digits(digits, rng, double=0)}[style]
    return _value("card", surface, digits)


def ssn(rng: random.Random, form: str) -> dict:
    """A US social security number with a valid area, group and serial."""
    area = rng.choice([a for a in range(1, 900) if a != 666])
    digits = f"{area:03d}{rng.randint(1, 99):02d}{rng.randint(1, 9999):04d}"
    groups = [digits[:3], digits[3:5], digits[5:]]
    if form == "typed":
        surface = rng.choice(("-".join(groups), " ".join(groups), digits, "-".join(groups)))
    else:
        style = rng.choice(("groups", "groups", "pair", "whisper", "flat"))
        surface = {"groups": say_groups(groups, rng),
                   "pair": f"{say_digits(groups[0], rng)} {number_words(int(groups[1]))} "
                           f"{say_digits(groups[2], rng)}",
                   "whisper": "-".join(groups),
                   "flat": say_digits(digits, rng, double=0)}[style]
    return _value("us_ssn", surface, digits)


def _valid_number(rng: random.Random, region: str, pattern: str) -> phonenumbers.PhoneNumber:
    while True:
        national = "".join(_rand_digits(rng, 1) if ch == "x" else ch for ch in pattern)
        number = phonenumbers.parse(national, region)
        if phonenumbers.is_valid_number(number):
            return number


def phone_us(rng: random.Random, form: str) -> dict:
    """A valid North American number."""
    number = _valid_number(rng, "US", rng.choice(("503xxxxxxx", "212xxxxxxx", "617xxxxxxx",
                                                    "415xxxxxxx", "720xxxxxxx", "312xxxxxxx")))
    digits = str(number.national_number)
    groups = [digits[:3], digits[3:6], digits[6:]]
    if form == "typed":
        surface = rng.choice((f"({groups[0]}) {groups[1]}-{groups[2]}", "-".join(groups),
                              ".".join(groups), f"+1 {' '.join(groups)}", digits))
    else:
        style = rng.choice(("groups", "groups", "flat", "whisper", "whisper_paren"))
        surface = {"groups": say_groups(groups, rng), "flat": say_digits(digits, rng),
                   "whisper": "-".join(groups),
                   "whisper_paren": f"({groups[0]}) {groups[1]}-{groups[2]}"}[style]
    return _value("phone", surface, digits)


_INTL = (("DE", "30xxxxxxxx"), ("DE", "151xxxxxxxx"), ("FR", "6xxxxxxxx"), ("ES", "6xxxxxxxx"),
         ("IT", "3xxxxxxxxx"), ("IN", "98xxxxxxxx"), ("AU", "4xxxxxxxx"), ("NL", "6xxxxxxxx"),
         ("GB", "20xxxxxxxx"), ("GB", "7700xxxxxx"), ("GB", "113xxxxxxx"), ("IE", "87xxxxxxx"))


def phone_intl(rng: random.Random, form: str) -> dict:
    """A valid number outside North America, with its country code."""
    region, pattern = rng.choice(_INTL)
    number = _valid_number(rng, region, pattern)
    formatted = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    groups = formatted.lstrip("+").replace("-", " ").split(" ")
    if form == "typed":
        surface = rng.choice((formatted, formatted.replace(" ", "-"), "+" + "".join(groups)))
    else:
        style = rng.choice(("words", "words", "whisper"))
        surface = (formatted if style == "whisper"
                   else "plus " + say_groups(groups, rng))
    return _value("phone", surface, "".join(groups))


def phone_uk_national(rng: random.Random, form: str) -> dict:
    """A valid UK number as said at home: with the trunk 0 ("oh seven seven double oh …")."""
    number = _valid_number(rng, "GB", rng.choice(("7xxxxxxxxx", "20xxxxxxxx", "113xxxxxxx",
                                                  "161xxxxxxx")))
    national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    groups = national.split(" ")
    if form == "typed":
        surface = rng.choice((national, "".join(groups)))
    else:
        surface = rng.choice((national, say_groups(groups, rng, ", ")))
    return _value("phone", surface, "".join(groups))


def email(rng: random.Random, form: str) -> dict:
    """A name-based address: bruno.patel@gmail.com, k.moreau56@outlook.com."""
    first, last = rng.choice(FIRST_NAMES).lower(), rng.choice(LAST_NAMES).lower()
    number = str(rng.randint(1, 99)) if rng.random() < 0.4 else ""
    style = rng.choice(("dot", "plain", "initial", "underscore", "dot"))
    first_part = first[0] if style == "initial" else first
    joiner = {"dot": ".", "underscore": "_"}.get(style, "")
    if style == "initial" and rng.random() < 0.5:
        joiner = "."
    local = f"{first_part}{joiner}{last}{number}"
    domain = rng.choice(DOMAINS)
    canonical = f"{local}@{domain}"
    words = [first, last, *domain.split(".")[:-1]]
    if form == "typed":
        return _value("email", canonical, canonical, words)
    spell = rng.random() < 0.25
    said_first = " ".join(first_part) if spell else first_part
    said_last = " ".join(last) if spell else last
    said_joiner = {".": " dot ", "_": " underscore ", "": " "}[joiner]
    said_number = f" {number_words(int(number))}" if number else ""
    said_domain = domain.replace(".", " dot ")
    style = rng.choice(("words", "words", "half", "whisper"))
    if style == "half":
        surface = f"{local} at {domain}"
    elif style == "whisper":
        surface = canonical
    else:
        surface = f"{said_first}{said_joiner}{said_last}{said_number} at {said_domain}"
    return _value("email", surface, canonical, words)


_IBAN_SHAPES = (("GB", "AAAA" + "9" * 14), ("DE", "9" * 18), ("FR", "9" * 23),
                ("NL", "AAAA" + "9" * 10),
                ("ES", "9" * 20), ("IT", "A" + "9" * 22), ("IE", "AAAA" + "9" * 14))


def iban(rng: random.Random, form: str) -> dict:
    """A valid IBAN, in groups of four, split otherwise, unbroken or spelled out."""
    country, shape = rng.choice(_IBAN_SHAPES)
    while True:  # a real account also passes its country's own check (Spain, France, …)
        bban = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") if ch == "A"
                       else _rand_digits(rng, 1) for ch in shape)
        check = iban_module.calc_check_digits(f"{country}00{bban}")
        compact = f"{country}{check}{bban}"
        if iban_module.is_valid(compact):
            break
    groups = _chunks(compact, 4)
    letters = re.findall(r"[A-Z]{2,}", compact)
    if form == "typed":
        style = rng.choice(("groups", "plain", "odd", "groups"))
        if style == "odd":  # a digit group split otherwise than 4-4-4
            head, rest = compact[:4], compact[4:]
            surface = f"{head} " + " ".join(_chunks(rest, rng.choice((3, 5, 6))))
        else:
            surface = " ".join(groups) if style == "groups" else compact
        return _value("iban", surface, compact, letters)
    style = rng.choice(("spelled", "spelled", "whisper"))
    if style == "whisper":
        return _value("iban", " ".join(groups), compact, letters)
    said_check = (f"{rng.choice(('zero', 'oh'))} {DIGIT_WORDS[int(check)]}" if check < "10"
                  else number_words(int(check)))
    said = [f"{' '.join(country)} {said_check}"]
    for group in _chunks(bban, 4):
        said.append(" ".join(ch if ch.isalpha() else DIGIT_WORDS[int(ch)] for ch in group))
    return _value("iban", ", ".join(said), compact, letters)


def ip_address(rng: random.Random, form: str) -> dict:
    """A private or public IPv4 address."""
    parts = [rng.choice((10, 192, 172, 84)), rng.randint(0, 255), rng.randint(0, 255),
             rng.randint(2, 254)]
    canonical = ".".join(map(str, parts))
    return _value("ip_address", canonical, canonical)


def _house_number(rng: random.Random, form: str) -> tuple[str, str]:
    number = rng.choice((rng.randint(1, 99), rng.randint(100, 999), rng.randint(1000, 9999)))
    if form == "spoken" and number < 1000 and rng.random() < 0.4:
        return number_words(number), str(number)
    return str(number), str(number)


def address_us(rng: random.Random, form: str) -> dict:
    """A US street address with city, state and ZIP code."""
    said_number, number = _house_number(rng, form)
    street, suffix = rng.choice(STREETS), rng.choice(SUFFIXES)
    city, code, state, zip_head = rng.choice(US_PLACES)
    zip_code = f"{zip_head}{rng.randint(1, 99):02d}"
    state_text = rng.choice((code, state)) if form == "typed" else state
    tail = rng.choice((f", {city}, {state_text} {zip_code}", f", {city}, {state_text}",
                       f" in {city}, {state_text} {zip_code}"))
    surface = f"{said_number} {street} {suffix}{tail}"
    canonical = f"{number} {street} {suffix}{tail.replace(' in ', ', ', 1)}"
    words = [street.lower(), *city.lower().split(), *state_text.lower().split()]
    return _value("street_address", surface, canonical, words)


def address_uk(rng: random.Random, form: str) -> dict:
    """A UK address: house number, street, town and postcode ("Leeds LS6 2AB")."""
    said_number, number = _house_number(rng, form)
    street = rng.choice(STREETS)
    suffix = rng.choice(("Road", "Street", "Lane", "Close", "Crescent"))
    city, area = rng.choice(UK_PLACES)
    postcode = (f"{area}{rng.randint(1, 19)} {rng.randint(1, 9)}"
                f"{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}")
    surface = f"{said_number} {street} {suffix}, {city} {postcode}"
    words = [street.lower(), city.lower(), *re.findall(r"[a-z]{2,}", postcode.lower())]
    return _value("street_address", surface, f"{number} {street} {suffix}, {city} {postcode}",
                  words)


def full_name(rng: random.Random, form: str) -> dict:
    """A first and last name."""
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    surface = f"{first} {last}"
    return _value("person_name", surface, surface, [first.lower(), last.lower()])


def first_name(rng: random.Random, form: str) -> dict:
    """A first name alone."""
    first = rng.choice(FIRST_NAMES)
    return _value("person_name", first, first, [first.lower()])


def _filler(choices: Callable[[random.Random], str]) -> Callable[[random.Random, str], dict]:
    def make(rng: random.Random, form: str) -> dict:
        surface = choices(rng)
        return _value(None, surface, surface)
    return make


FILLERS = {
    "order": _filler(lambda r: r.choice((
        f"{r.randint(100, 999)}-{_rand_digits(r, 7)}-{_rand_digits(r, 7)}",
        _rand_digits(r, 10), f"{r.randint(10**7, 10**8 - 1)}", f"#{r.randint(10**5, 10**6)}",
        f"{r.randint(100, 999)}-{r.randint(100, 999)}-{r.randint(1000, 9999)}"))),
    "tracking": _filler(lambda r: r.choice((
        "1Z" + "".join(r.choice("0123456789ABCDEFGHJKLMNPRSTVWXY") for _ in range(16)),
        " ".join(_chunks("9400" + _rand_digits(r, 18), 4)), _rand_digits(r, 12),
        f"{_rand_digits(r, 4)} {_rand_digits(r, 4)} {_rand_digits(r, 4)}", _rand_digits(r, 9)))),
    "price": _filler(lambda r: r.choice((f"${r.randint(1, 9999):,}", f"${r.randint(1, 999)}.99",
                                         f"£{r.randint(100, 99999):,}",
                                         f"${r.randint(10**6, 10**9):,}"))),
    "quantity": _filler(lambda r: f"{r.randint(2, 500)} " + r.choice((
        "kilograms", "pounds", "grams", "litres", "miles", "kilometres", "feet", "people"))),
    "big": _filler(lambda r: f"{r.randint(10**5, 10**10):,}"),
    "time": _filler(lambda r: f"{r.randint(1, 12)}:{r.choice(('00', '15', '30', '45'))}"
                              + r.choice((" a.m.", " p.m.", ""))),
    "date": _filler(lambda r: r.choice((
        f"{r.randint(1, 12)}/{r.randint(1, 28)}/20{r.randint(10, 30)}",
                                        f"March {r.randint(1, 28)}, 20{r.randint(10, 30)}",
        f"20{r.randint(10, 30)}-0{r.randint(1, 9)}-{r.randint(10, 28)}"))),
    "flight": _filler(lambda r: f"{r.choice(('BA', 'UA', 'LH', 'AF', 'DL', 'KL'))}"
                                f"{r.choice(('', ' '))}{r.randint(10, 9999)}"),
    "model": _filler(lambda r: r.choice((f"RTX {r.randint(20, 50)}90", f"WD-{r.randint(10, 99)}",
                                         f"XPS {r.randint(13, 17)} {r.randint(9000, 9999)}",
                                         f"SM-G{r.randint(900, 999)}U",
                                         f"{r.randint(1000, 9999)}-{r.randint(100, 999)}"))),
    "year": _filler(lambda r: str(r.randint(1900, 2030))),
}

VALUE_MAKERS: dict[str, Callable[[random.Random, str], dict]] = {
    "card": card, "ssn": ssn, "phone": phone_us, "phone_intl": phone_intl,
    "phone_uk": phone_uk_national, "email": email, "iban": iban, "ip": ip_address,
    "address": address_us, "address_uk": address_uk, "name": full_name, "first": first_name,
    **FILLERS,
}

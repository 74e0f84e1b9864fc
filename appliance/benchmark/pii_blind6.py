"""Blind set six: personal data in care, travel, work, neighbourhood, elderly and teenage talk.

Why it exists: a masker measured only on sentences written by people who have read it will look
better than it is, because those sentences drift toward what it already catches. This set was
written by an author who never saw the masker, its patterns, its earlier test sets or its
results, so the recall and false-positive rates it gives are an independent measurement.

Situations, none of them used by earlier sets:

- health and care: booking a GP or clinic, a carer's rota, a prescription for a parent, a
  hospital discharge note read aloud, a dentist recall, a counsellor, a hearing clinic;
- travel: passenger details, a hotel guest list, an airport pickup sign, lost luggage, a hotel
  refund, a transfer driver, emergency contacts abroad;
- work and study: forwarding a CV, a colleague's contact card, a conference badge, a
  supervisor's e-mail, paying a freelancer or translator by IBAN, payroll onboarding, a VPN log;
- neighbours and community: a neighbours' group chat, a lost-dog poster, a parcel left next
  door, a babysitting circle, a book club, a community fridge;
- elderly users speaking slowly and formally, and teenagers texting in slang and lower case.

Names come from hand-written lists of many cultures and ages (words that are also names,
double-barrelled and hyphenated surnames, initials, nicknames); addresses come from 22
countries. Each data template is filled twice, each negative template three times, all from
one seeded `random.Random`, so the file is the same on every run.

Labelling rules:

- `surface` is the value exactly as it stands in `text`, and it stands there exactly once;
  `context` is `text` with every surface replaced by one space, so every number that is not
  personal (times, doses, ward, seat, booking and NHS numbers) stays in the context.
- `digits` holds every digit of the surface in order, written or said: "double oh" gives
  "00", "fifteen" gives "15", "twenty one" gives "21", "hundred" appends "00", "thousand"
  appends "000". Spoken values are only read in ways this rule turns back into their digits.
- `words` are the tokens that identify the value: names, e-mail local part and domain name
  pieces, street names, towns, regions, postcode tokens, IBAN bank letters. Never generic words
  (street, road, flat, dot, com, at), single letters or two-letter region codes that are also
  English words; only tokens standing in the sentence whole or spelled letter by letter with
  single spaces, and never tokens that the context also holds.
- Negatives hold no personal data at all: order, tracking, flight, booking, invoice,
  appointment, NHS and hospital numbers, prices, doses, blood pressure, dates, times, years,
  versions, model numbers, seats, gates, platforms, public figures, films, songs, brands,
  shops, hospitals, cities alone and streets without a house number. Their templates carry
  named slots for these (`{order}`, `{dose}`, ...); no slot name is ever a kind.
- `split` is "heldout" when the first byte of the SHA-256 of `template` is below 128, so both
  fills of a template always land in the same half.
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import random
import re
import string
import unicodedata
from pathlib import Path

import phonenumbers
from stdnum import iban as stdnum_iban
from stdnum import luhn
from stdnum.us import ssn as stdnum_ssn

DATA_FILE = Path(__file__).resolve().parents[2] / "tests" / "governance" / "pii_blind6.jsonl"
SOURCE = "blind6"
KINDS = ("card", "us_ssn", "phone", "email", "iban", "ip_address", "street_address", "person_name")
SEED = 606_2026
DATA_FILLS = 2
NEGATIVE_FILLS = 3

# ---------------------------------------------------------------------------------------------
# The scorer's notion of a leak, copied so the generator can refuse labels it could not score.

_NUMBER_WORDS = re.compile(
    r"\b(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|hundred)\b", re.IGNORECASE)


def _digit_count(text: str) -> int:
    """Digits plus number words, as the scorer counts what may be left of a number."""
    return sum(ch.isdigit() for ch in text) + len(_NUMBER_WORDS.findall(text))


def _has_word(word: str, text: str) -> bool:
    """Whether `word` stands in `text` whole, or spelled letter by letter with single spaces."""
    spelled = r"\s".join(re.escape(ch) for ch in word)
    pattern = rf"(?<![\w]){re.escape(word)}(?![\w])"
    if len(word) >= 3:
        pattern += rf"|(?<![\w]){spelled}(?![\w])"
    return re.search(pattern, text, re.IGNORECASE) is not None


# ---------------------------------------------------------------------------------------------
# Numbers said aloud, and the rule that turns them back into digits.

_UNITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen")
_TENS = {2: "twenty", 3: "thirty", 4: "forty", 5: "fifty", 6: "sixty", 7: "seventy",
         8: "eighty", 9: "ninety"}
_SAY_UNIT = {word: str(i) for i, word in enumerate(_UNITS)} | {"oh": "0", "nought": "0"}
_SAY_TEEN = {word: str(10 + i) for i, word in enumerate(_TEENS)}
_SAY_TENS = {word: str(tens) for tens, word in _TENS.items()}


def spoken_digits(text: str) -> str:
    """The digits a spoken surface holds, by the labelling rule in the module docstring."""
    tokens = re.findall(r"[a-z]+", text.lower())
    out, i = [], 0
    while i < len(tokens):
        token = tokens[i]
        after = tokens[i + 1] if i + 1 < len(tokens) else ""
        if token in ("double", "triple") and after in _SAY_UNIT:
            out.append(_SAY_UNIT[after] * (2 if token == "double" else 3))
            i += 2
            continue
        if token in _SAY_TENS and after in _SAY_UNIT and _SAY_UNIT[after] != "0":
            out.append(_SAY_TENS[token] + _SAY_UNIT[after])
            i += 2
            continue
        if token in _SAY_UNIT:
            out.append(_SAY_UNIT[token])
        elif token in _SAY_TEEN:
            out.append(_SAY_TEEN[token])
        elif token in _SAY_TENS:
            out.append(_SAY_TENS[token] + "0")
        elif token == "hundred":
            out.append("00")
        elif token == "thousand":
            out.append("000")
        i += 1
    return "".join(out)


class _Voice:
    """One speaker reading one value: a fixed word for zero, and a habit about repeats."""

    def __init__(self, rng: random.Random, plain: bool = False):
        self.rng = rng
        self.plain = plain
        self.zero = rng.choice(("oh", "oh", "oh", "zero", "nought"))
        self.doubles = rng.random() < 0.6

    def unit(self, digit: str) -> str:
        """A single digit, with this speaker's zero."""
        return self.zero if digit == "0" else _UNITS[int(digit)]

    def single(self, digits: str) -> str:
        """Digit by digit, saying "double" and "triple" for runs if this speaker does."""
        out, i = [], 0
        while i < len(digits):
            run = 1
            while i + run < len(digits) and digits[i + run] == digits[i] and run < 3:
                run += 1
            word = self.unit(digits[i])
            if self.doubles and run == 3:
                out.append(f"triple {word}")
            elif self.doubles and run == 2:
                out.append(f"double {word}")
            else:
                out.extend([word] * run)
            i += run
        return " ".join(out)

    def pair(self, two: str) -> str:
        """Two digits as people pair them in phone numbers and years: "oh five", "forty two"."""
        first, second = two
        if first == "0":
            if second == "0":
                return f"double {self.zero}" if self.doubles else f"{self.zero} {self.zero}"
            return f"{self.zero} {_UNITS[int(second)]}"
        if first == "1":
            return _TEENS[int(second)]
        return _TENS[int(first)] + ("" if second == "0" else " " + _UNITS[int(second)])

    def number(self, digits: str) -> str:
        """A short number read whole, the way house numbers are said: "four twenty two"."""
        if self.plain or digits[0] == "0" and len(digits) > 2:
            return self.single(digits)
        if len(digits) == 1:
            return self.unit(digits)
        if len(digits) == 2:
            return self.pair(digits)
        if len(digits) == 3:
            if digits[1:] == "00":
                return f"{self.unit(digits[0])} hundred"
            return f"{self.unit(digits[0])} {self.pair(digits[1:])}"
        if len(digits) == 4:
            if digits[1:] == "000":
                return f"{self.unit(digits[0])} thousand"
            if digits[2:] == "00":
                return f"{self.pair(digits[:2])} hundred"
            return f"{self.pair(digits[:2])} {self.pair(digits[2:])}"
        return self.single(digits)

    def group(self, digits: str) -> str:
        """One group of a longer number: digit by digit, in pairs, or whole if it is short."""
        if self.plain:
            return self.single(digits)
        choices = [self.single(digits), self.single(digits)]
        if len(digits) <= 4 and digits[0] != "0":
            choices.append(self.number(digits))
        if len(digits) % 2 == 0:
            choices.append(" ".join(self.pair(digits[i:i + 2]) for i in range(0, len(digits), 2)))
        said = self.rng.choice(choices)
        return said if spoken_digits(said) == digits else self.single(digits)

    def groups(self, groups: list[str], sep: str) -> str:
        """Several groups with pauses between; falls back to single digits if pairs would merge."""
        said = sep.join(self.group(g) for g in groups)
        if spoken_digits(said) != "".join(groups):
            said = sep.join(self.single(g) for g in groups)
        return said

    def code(self, text: str) -> str:
        """A code read aloud: letters spelled, digit runs as groups, spaces as pauses."""
        out = ""
        for run in re.findall(r"[A-Za-z]+|\d+|[^A-Za-z\d]+", text):
            if run.isdigit():
                out += self.group(run) + " "
            elif run.isalpha():
                out += " ".join(run.lower()) + " "
            else:
                out = out.rstrip() + _SEPARATOR_WORDS.get(run.strip(), ",") + " "
        return out.strip()


_SEPARATOR_WORDS = {"": ",", "-": " dash", "/": " slash", ".": " dot", ",": ","}


def _spell(letters: str) -> str:
    """Letters said one by one, as people spell a name or a code."""
    return " ".join(letters.lower())


class _Retry(Exception):
    """A fill that cannot be labelled cleanly; the caller draws again."""


# ---------------------------------------------------------------------------------------------
# Names, hand-written, grouped by culture so most people get a plausible pairing.

def _names(text: str) -> tuple[str, ...]:
    """A comma-separated list, so names with spaces ("de Vries") stay whole."""
    return tuple(name.strip() for name in text.split(",") if name.strip())


_GIVEN = {
    "british": _names("Abigail, Oliver, Isla, Freddie, Poppy, Harrison, Jasmine, Tyler, Chloe, "
                      "Archie, Evie, Amelia, Toby, Megan, Callum, Lauren"),
    "word": _names("Hope, Grace, Faith, Joy, Summer, Hunter, Blessing, Precious, Patience, "
                   "Honour, Ivy, Hazel, River, Sunny, Storm, Robin"),
    "celtic": _names("Siobhán, Niamh, Oisín, Ciarán, Aoife, Eilidh, Hamish, Morag, Rhys, Bethan, "
                     "Dafydd, Cerys, Seamus, Róisín"),
    "west_african": _names("Chiamaka, Oluwaseun, Adebayo, Ngozi, Chukwuemeka, Folake, Kwame, "
                           "Ama, Kofi, Yaw, Abena, Tunde, Funmilayo, Ikechukwu, Efua, Kwabena"),
    "east_south_african": _names("Wanjiru, Otieno, Achieng, Baraka, Zawadi, Makena, Thandiwe, "
                                 "Sipho, Lerato, Tshepo, Nomvula, Mandla"),
    "south_asian": _names("Anjali, Priya, Rohan, Arjun, Deepika, Harpreet, Gurpreet, Sanjay, "
                          "Lakshmi, Karthik, Farhana, Imran, Nusrat, Tahmina, Venkatesh, Aditi"),
    "east_asian": _names("Wei, Xiaoling, Jun, Mei, Haruto, Yui, Sakura, Hiroshi, Minjun, Seo-yeon, "
                         "Ji-woo, Thu, Minh, Linh, Hana"),
    "mena": _names("Yusuf, Fatima, Omar, Layla, Karim, Amira, Tariq, Noor, Mehmet, Elif, Reza, "
                   "Shirin, Hamza, Yasmin"),
    "european": _names("Łukasz, Agnieszka, Wojciech, Zofia, Björn, Ingrid, Astrid, Lars, Matteo, "
                       "Giulia, Chiara, Luca, Dimitris, Eleni, Klaus, Anneliese, Pieter, Sanne, "
                       "Émile, Margaux, Zoë"),
    "iberian_latam": _names("Sofía, Javier, Inés, Mateus, Beatriz, João, Valentina, Santiago, "
                            "Ximena, Diego, Guadalupe, Camila, María José"),
    "pacific": _names("Aroha, Tane, Mere, Wiremu, Malia, Sione, Maricel, Jericho, Divina, Rodel"),
}
_SURNAMES = {
    "british": _names("Pemberton, Ashby, Whitlock, Hargreaves, Fairweather, Thistlethwaite, "
                      "Blackwood, Cartwright, Ramsbottom, Pickering, Allsop, Greenhalgh, "
                      "Kettlewell, Baker, Cook, Wood, Fox, Rice, Young, Long, Bell, Stone, Green, "
                      "Price, Marsh, Wells, Lamb, Sweet, Friend, Moon, Hill, Godwin"),
    "word": _names("Baker, Cook, Wood, Fox, Stone, Bell, Sweet, Friend, Moon, Lamb"),
    "celtic": _names("O'Sullivan, McAllister, MacLeod, Gallagher, Quinlan, Pritchard, Llewellyn, "
                     "Cadwaladr, Ní Bhriain, O'Dowd, Fitzgerald"),
    "west_african": _names("Okafor, Okonkwo, Adeyemi, Mensah, Boateng, Asante, Oyelaran, "
                           "Nwachukwu, Eze, Ogunleye, Adjei, Owusu, Abiodun, Ekwueme"),
    "east_south_african": _names("Mwangi, Otieno, Kamau, Njoroge, Wanjala, Chebet, Dlamini, "
                                 "Ndlovu, Mokoena, Botha, Khumalo, Odhiambo"),
    "south_asian": _names("Raghunathan, Patel, Sharma, Chaudhry, Bhattacharya, Krishnamurthy, "
                          "Sandhu, Gill, Begum, Rahman, Hossain, Iyer, Menon, Siddiqui, Naidoo"),
    "east_asian": _names("Zhang, Wang, Chen, Liu, Huang, Tanaka, Yamamoto, Sato, Nakamura, Kim, "
                         "Park, Choi, Nguyen, Tran, Pham"),
    "mena": _names("Al-Amin, Haddad, Khoury, Hassan, Yilmaz, Demir, Karimi, Hosseini, Benali, "
                   "El-Sayed, Mansour"),
    "european": _names("Kowalczyk, Wiśniewski, Nowak, Lindqvist, Johansson, Halvorsen, Rossi, "
                       "Bianchi, Esposito, Papadopoulos, Müller, Schneider, de Vries, "
                       "van den Berg, Dubois, Lefèvre, Janssen"),
    "iberian_latam": _names("Fernández, Moreno, Oliveira, Santos, Hernández, Ramírez, Castillo, "
                            "Villanueva, Gonçalves, Ortega"),
    "pacific": _names("Ngata, Tuhiwai, Fifita, Tupou, Dela Cruz, Bautista, Macaraeg, Soliman"),
}
_BARRELLED = _names("Ashby-Clarke, Pemberton-Smythe, Fforde-Hastings, Carter-Okafor, "
                    "Hughes-Mensah, García-López, Lloyd-Jenkins, Mensah-Bonsu, Wright-Patel, "
                    "Sandhu-Reid, Boateng-Ellis, Kowalska-Nowak, Hamilton Smith, "
                    "Armitage-Nwosu")
_OLD_GIVEN = _names("Winifred, Ethel, Mabel, Doris, Edna, Marjorie, Gladys, Harold, Cyril, "
                    "Reginald, Wilfred, Dorothy, Violet, Albert, Stanley, Beryl, Norman, Eileen, "
                    "Bernard, Hilda")
_YOUNG_GIVEN = _names("Nevaeh, Jayden, Kai, Amara, Zain, Aaliyah, Mateo, Luna, Ayaan, Maeve, "
                      "Theo, Ezra, Zuri, Leo, Mila, Esme, Remi, Arlo, Rayan, Ottilie")
_NICKNAMES = _names("Bex, Jaz, Tobes, Deji, Sully, Kiki, Lulu, Frankie, Alfie, Stevie, Tash, "
                    "Benji, Ollie, Kez, Nonso, Dami, Tayo, Bubs, Jojo, Rosie")
_NAME_PARTICLES = {"de", "van", "der", "den", "von", "da", "dos", "das", "del", "della", "di",
                   "du", "la", "le", "al", "el", "bin", "ibn", "ní", "nic", "ap"}


def all_given_names() -> set[str]:
    """Every given name the set can draw, for the test that the lists are wide enough."""
    names = set(_OLD_GIVEN) | set(_YOUNG_GIVEN) | set(_NICKNAMES)
    for group in _GIVEN.values():
        names |= set(group)
    return names


def all_surnames() -> set[str]:
    """Every surname the set can draw, for the test that the lists are wide enough."""
    names = set(_BARRELLED)
    for group in _SURNAMES.values():
        names |= set(group)
    return names


_MALE = set(_names(
    "Oliver, Freddie, Harrison, Tyler, Archie, Toby, Callum, Hunter, Oisín, Ciarán, Hamish, Rhys, "
    "Dafydd, Seamus, Adebayo, Chukwuemeka, Kwame, Kofi, Yaw, Tunde, Ikechukwu, Kwabena, Otieno, "
    "Baraka, Sipho, Tshepo, Mandla, Rohan, Arjun, Sanjay, Karthik, Imran, Venkatesh, Haruto, "
    "Hiroshi, Minjun, Yusuf, Omar, Karim, Tariq, Mehmet, Reza, Hamza, Łukasz, Wojciech, Björn, "
    "Lars, Matteo, Luca, Dimitris, Klaus, Pieter, Émile, Javier, Mateus, João, Santiago, Diego, "
    "Tane, Wiremu, Sione, Jericho, Rodel, Harold, Cyril, Reginald, Wilfred, Albert, Stanley, "
    "Norman, Bernard, Jayden, Zain, Mateo, Ayaan, Theo, Ezra, Leo, Arlo, Rayan, Tobes, Deji, "
    "Sully, Alfie, Benji, Ollie, Nonso, Tayo"))
_UNISEX = set(_names("Oluwaseun, Jun, Wei, Minh, Kai, Remi, River, Sunny, Storm, Robin, Dami, "
                     "Kez, Frankie, Stevie, Jojo, Bubs, Blessing, Honour"))


def _fits(given: str, gender: str) -> bool:
    """Whether a given name suits the gender a sentence implies ("my son", "her number")."""
    if not gender or given in _UNISEX:
        return True
    return (given in _MALE) == (gender == "m")


def _pick_given(rng: random.Random, pool: tuple[str, ...], gender: str) -> str:
    """A given name from the pool that fits the sentence's pronouns."""
    return rng.choice([name for name in pool if _fits(name, gender)])


def _draw_person(rng: random.Random, style: str, gender: str = "") -> tuple[str, str]:
    """A given name and surname; mostly from one culture, sometimes mixed, as families are."""
    culture = rng.choice(sorted(_GIVEN))
    given = _pick_given(rng, _GIVEN[culture], gender)
    if style == "old":
        given = _pick_given(rng, _OLD_GIVEN, gender)
        culture = rng.choice(("british", "british", "celtic", culture))
    elif style in ("young", "kid"):
        given = _pick_given(rng, _YOUNG_GIVEN, gender)
    elif style == "nick":
        given = _pick_given(rng, _NICKNAMES, gender)
    roll = rng.random()
    if style == "barrel" or roll < 0.1:
        surname = rng.choice(_BARRELLED)
    elif roll < 0.25:
        surname = rng.choice(_SURNAMES[rng.choice(sorted(_SURNAMES))])
    else:
        surname = rng.choice(_SURNAMES[culture])
    return given, surname


def _name_words(surface: str) -> list[str]:
    """Name tokens: split at spaces, hyphens and dots; no initials, no particles."""
    words = []
    for token in re.split(r"[\s\-.]+", surface):
        token = token.strip("',")
        if len(token) >= 2 and token.lower() not in _NAME_PARTICLES:
            words.append(token)
    return words


def _render_name(rng: random.Random, style: str, form: str, state: dict) -> tuple:
    """A person's name in the requested shape; remembers the person for "{email.own}".

    A style may end in "_f" or "_m" (or be just "f" or "m") when the sentence's pronouns fix
    the person's gender.
    """
    style, _, gender = style.rpartition("_") if style[-2:] in ("_f", "_m") else (style, "", "")
    if style in ("f", "m"):
        style, gender = "", style
    if style == "spell":
        surname = state["person"][1] if state.get("person") else ""
        if not re.fullmatch(r"[A-Za-z]{3,}", surname):
            raise _Retry
        return _spell(surname), surname, [surname]
    given, surname = _draw_person(rng, style, gender)
    state["person"] = (given, surname)
    full = f"{given} {surname}"
    if style in ("given", "kid", "nick"):
        surface = canonical = given
    elif style == "surname":
        surface = canonical = surname
    elif style == "initials":
        middle = rng.choice("ABCDEFGHJKLMNPRSTW")
        glue = rng.choice((". ", "."))
        surface = canonical = f"{given[0]}{glue}{middle}. {surname}"
    else:
        canonical = full
        surface = {"lower": full.lower(), "upper": full.upper()}.get(style, full)
        if form == "spoken" and style not in ("upper",) and rng.random() < 0.15:
            surface = full.lower()
    return surface, canonical, _name_words(surface)


# ---------------------------------------------------------------------------------------------
# E-mail addresses built from the person they belong to.

_FREEMAIL = ("gmail.com", "outlook.com", "hotmail.co.uk", "yahoo.com", "icloud.com", "proton.me",
             "btinternet.com", "gmx.de", "orange.fr", "libero.it", "rediffmail.com",
             "yahoo.co.in", "uol.com.br", "xtra.co.nz", "bigpond.com", "sky.com",
             "virginmedia.com", "talktalk.net", "aol.com", "hotmail.com")
_WORKMAIL = ("northgate-physio.co.uk", "brightwellcare.org", "harbourviewdental.com",
             "okoro-legal.ng", "lumenlabs.io", "kestrelfreight.co.uk", "meridian-travel.com",
             "sheffield.ac.uk", "uct.ac.za", "ucd.ie", "tum.de", "cardiffmet.ac.uk",
             "fernhill-gp.nhs.uk", "tidewater-clinic.com", "quaysidestudio.co")
_SUFFIXES = ("co.uk", "ac.uk", "nhs.uk", "com.br", "co.in", "co.nz", "ac.za", "com", "org", "net",
             "me", "de", "fr", "it", "io", "ng", "ie", "co")
_EMAIL_GENERIC = {"com", "co", "uk", "org", "net", "ac", "edu", "gov", "nhs", "me", "io", "mail",
                  "www", "info"}
_FOLD = str.maketrans({"Ł": "L", "ł": "l", "ø": "o", "ß": "ss"})


def _fold(text: str) -> str:
    """Lower-case ASCII, as people write their names in an address: no accents or spaces."""
    plain = unicodedata.normalize("NFKD", text.translate(_FOLD)).encode("ascii", "ignore")
    return re.sub(r"[^a-z-]", "", plain.decode().lower())


def _local_part(rng: random.Random, given: str, surname: str, teen: bool) -> str:
    """A local part in one of the shapes real people pick."""
    g, s = _fold(given).replace("-", ""), _fold(surname)
    if teen:
        return rng.choice((f"{g}_{s[:1]}{rng.randint(1, 99):02d}", f"{g}.{rng.randint(2005, 2012)}",
                           f"{g}{s[:3]}", f"{g}{s[:3]}{rng.randint(1, 99):02d}"))
    digits = f"{rng.randint(1, 99)}"
    return rng.choice((f"{g}.{s}", f"{g}.{s}", f"{g}{s}", f"{g}_{s}", f"{g[0]}{s}",
                       f"{g}.{s}{digits}", f"{s}.{g}", f"{g}{digits}", f"{g[0]}.{s}"))


def _split_domain(domain: str) -> tuple[str, str]:
    """The name part of a domain and its public suffix."""
    for suffix in _SUFFIXES:
        if domain.endswith("." + suffix):
            return domain[:-len(suffix) - 1], suffix
    raise ValueError(domain)


def _render_email(rng: random.Random, style: str, form: str, state: dict) -> tuple:
    """An e-mail address; "own" and "teen" belong to the last person named, if any."""
    person = state.get("person") if style in ("own", "teen") else None
    if person is None:
        person = _draw_person(rng, "nick" if style == "teen" else "")
    pool = _WORKMAIL if style == "work" or rng.random() < 0.2 else _FREEMAIL
    local = _local_part(rng, *person, teen=style == "teen")
    domain = rng.choice(pool)
    name, _suffix = _split_domain(domain)
    canonical = f"{local}@{domain}"
    if form == "typed":
        shape = rng.random()
        shown = local
        if shape < 0.15:
            shown = re.sub(r"[a-z]+", lambda m: m.group().capitalize(), local)
        surface = f"{shown} at {domain}" if 0.9 < shape else f"{shown}@{domain}"
        words = [t for t in re.findall(r"\w+", shown) + re.findall(r"\w+", name)
                 if len(t) >= 2 and not t.isdigit() and t.lower() not in _EMAIL_GENERIC]
        return surface, canonical, words
    voice = _Voice(rng)
    said, words = [], []
    for run in re.findall(r"[a-z]+|\d+|[._-]", local):
        if run.isdigit():
            said.append(voice.group(run))
        elif run in "._-":
            said.append({".": "dot", "_": "underscore", "-": "dash"}[run])
        elif len(run) <= 5 and rng.random() < 0.3:
            said.append(_spell(run))
            if len(run) >= 3:
                words.append(run)
        else:
            said.append(run)
            if len(run) >= 2:
                words.append(run)
    said.append("at")
    said.append(domain.replace(".", " dot ").replace("-", " dash "))
    words += [t for t in re.split(r"[.-]", name) if len(t) >= 2 and t not in _EMAIL_GENERIC]
    words = [w for w in words if w not in _EMAIL_GENERIC]
    return " ".join(said), canonical, words


# ---------------------------------------------------------------------------------------------
# Phone numbers: drawn inside each country's real mobile ranges, then checked.

_PHONE_PREFIXES = {
    "GB": ("74", "75", "77", "78", "79"),
    "US": ("212", "415", "312", "617", "206", "503", "702", "919", "404", "713", "305", "614"),
    "CA": ("416", "604", "506", "902", "514", "306"),
    "IE": ("83", "85", "86", "87", "89"),
    "AU": ("4",),
    "NZ": ("21", "22", "27"),
    "IN": ("98", "97", "94", "88", "70"),
    "NG": ("803", "806", "813", "703", "905", "802"),
    "KE": ("70", "71", "72", "79", "11"),
    "ZA": ("72", "82", "83", "71", "60"),
    "DE": ("151", "160", "170", "176", "157"),
    "FR": ("6", "7"),
    "ES": ("6",),
    "IT": ("3",),
    "NL": ("6",),
    "PL": ("50", "60", "66", "69", "72", "79"),
    "PT": ("91", "92", "93", "96"),
    "BR": ("119", "219", "419", "319"),
    "MX": ("55", "33", "81"),
    "JP": ("90", "80", "70"),
    "PH": ("917", "918", "927", "995"),
    "SE": ("70", "72", "73", "76"),
    "GH": ("24", "20", "54", "55"),
}
_PHONE_REGIONS = ("GB",) * 6 + ("US",) * 4 + ("IE", "IE") + tuple(sorted(_PHONE_PREFIXES))
_PHONE_TYPES = {phonenumbers.PhoneNumberType.MOBILE,
                phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE}
_FMT = phonenumbers.PhoneNumberFormat


def _phone_number(rng: random.Random, region: str) -> phonenumbers.PhoneNumber:
    """A random number of the region's mobile length and prefix, valid per phonenumbers."""
    example = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
    length = len(phonenumbers.national_significant_number(example))
    code = phonenumbers.country_code_for_region(region)
    for _ in range(1000):
        prefix = rng.choice(_PHONE_PREFIXES[region])
        nsn = prefix + "".join(rng.choice(string.digits) for _ in range(length - len(prefix)))
        number = phonenumbers.parse(f"+{code}{nsn}")
        if phonenumbers.is_valid_number(number) and \
                phonenumbers.number_type(number) in _PHONE_TYPES:
            return number
    raise RuntimeError(f"no valid number for {region}")


def _typed_phone(rng: random.Random, number: phonenumbers.PhoneNumber, region: str) -> str:
    """A phone number the way people type it: national, international, squashed or regrouped."""
    national = phonenumbers.format_number(number, _FMT.NATIONAL)
    international = phonenumbers.format_number(number, _FMT.INTERNATIONAL)
    digits = re.sub(r"\D", "", national)
    first = rng.randint(3, len(digits) - 6)
    cut = (first, rng.randint(first + 3, len(digits) - 3))
    regrouped = f"{digits[:cut[0]]} {digits[cut[0]:cut[1]]} {digits[cut[1]:]}"
    options = [national, national, international, international,
               phonenumbers.format_number(number, _FMT.E164), digits, regrouped,
               "-".join(re.findall(r"\d+", national))]
    if region == "GB":
        options.append(f"+44 (0){digits[1:5]} {digits[5:]}")
    return rng.choice(options)


def _render_phone(rng: random.Random, style: str, form: str, state: dict) -> tuple:
    """A mobile number, typed in a common layout or read aloud in groups."""
    region = style.upper() if style else rng.choice(_PHONE_REGIONS)
    number = _phone_number(rng, region)
    canonical = phonenumbers.format_number(number, _FMT.E164)
    if form == "typed":
        return _typed_phone(rng, number, region), canonical, []
    sep = rng.choice((", ", " ", " "))
    for plain in (False, True):
        voice = _Voice(rng, plain=plain)
        if rng.random() < 0.7:
            groups = re.findall(r"\d+", phonenumbers.format_number(number, _FMT.NATIONAL))
            said = voice.groups(groups, sep)
        else:
            groups = re.findall(r"\d+", phonenumbers.format_number(number, _FMT.INTERNATIONAL))
            said = "plus " + voice.single(groups[0]) + sep + voice.groups(groups[1:], sep)
        if spoken_digits(said) == "".join(groups):
            return said, canonical, []
    raise _Retry


# ---------------------------------------------------------------------------------------------
# Payment cards, SSNs, IBANs and IP addresses.

_CARD_BRANDS = (  # prefixes, length, grouping, weight
    (("4",), 16, (4, 4, 4, 4), 4),
    (("51", "52", "53", "54", "55", "2221", "2345", "2490", "2720"), 16, (4, 4, 4, 4), 3),
    (("34", "37"), 15, (4, 6, 5), 1),
    (("6011", "65"), 16, (4, 4, 4, 4), 1),
    (("3528", "3530", "3566", "3589"), 16, (4, 4, 4, 4), 1),
    (("36",), 14, (4, 6, 4), 1),
)


def _card_number(rng: random.Random, style: str) -> tuple[str, tuple[int, ...]]:
    """A Luhn-valid number with a real issuer prefix, and how that issuer groups it."""
    brands = [b for b in _CARD_BRANDS if style != "amex" or b[0][0] == "34"]
    prefixes, length, grouping, _ = rng.choices(brands, weights=[b[3] for b in brands])[0]
    body = rng.choice(prefixes)
    body += "".join(rng.choice(string.digits) for _ in range(length - len(body) - 1))
    return body + luhn.calc_check_digit(body), grouping


def _chunks(digits: str, sizes: tuple[int, ...]) -> list[str]:
    """Cuts a digit string into groups of the given sizes."""
    out, at = [], 0
    for size in sizes:
        out.append(digits[at:at + size])
        at += size
    return out


def _render_card(rng: random.Random, style: str, form: str, state: dict) -> tuple:
    """A card number: grouped, squashed, dashed, or with Whisper's thousands commas."""
    number, grouping = _card_number(rng, style)
    groups = _chunks(number, grouping)
    if form == "typed":
        surface = rng.choice((" ".join(groups), " ".join(groups), "-".join(groups), number,
                              f"{int(number):,}"))
        return surface, number, []
    return _Voice(rng).groups(groups, rng.choice((", ", " "))), number, []


def _render_ssn(rng: random.Random, style: str, form: str, state: dict) -> tuple:
    """A US social security number that stdnum accepts, in the usual three groups."""
    while True:
        area = rng.randint(1, 899)
        number = f"{area:03d}{rng.randint(1, 99):02d}{rng.randint(1, 9999):04d}"
        if stdnum_ssn.is_valid(number):
            break
    groups = _chunks(number, (3, 2, 4))
    canonical = "-".join(groups)
    if form == "typed":
        return rng.choice((canonical, canonical, " ".join(groups), number)), canonical, []
    return _Voice(rng).groups(groups, rng.choice((", ", " "))), canonical, []


_IBAN_LAYOUTS = {  # country: letters in the bank code, digits after them
    "GB": (4, 14), "IE": (4, 14), "NL": (4, 10), "IT": (1, 22), "DE": (0, 18), "FR": (0, 23),
    "ES": (0, 20), "BE": (0, 12), "PT": (0, 21), "PL": (0, 24), "CH": (0, 17), "AT": (0, 16),
    "SE": (0, 20), "NO": (0, 11), "DK": (0, 14), "FI": (0, 14), "GR": (0, 23),
}
_BANK_CODES = {
    "GB": ("NWBK", "BARC", "LOYD", "HBUK", "MIDL", "MONZ", "SRLG", "NAIA"),
    "IE": ("AIBK", "BOFI", "IPBS", "ULSB"),
    "NL": ("ABNA", "RABO", "INGB", "TRIO", "ASNB", "SNSB", "KNAB", "BUNQ"),
}
_IBAN_COUNTRIES = ("GB", "GB", "GB", "IE", "NL", "NL", "DE", "DE") + tuple(sorted(_IBAN_LAYOUTS))


def _iban_number(rng: random.Random, country: str) -> str:
    """An IBAN with the right BBAN length and check digits; national checks by retrying."""
    letters, digits = _IBAN_LAYOUTS[country]
    for _ in range(5000):
        if country in _BANK_CODES:
            bank = rng.choice(_BANK_CODES[country])
        else:
            bank = "".join(rng.choice(string.ascii_uppercase) for _ in range(letters))
        bban = bank + "".join(rng.choice(string.digits) for _ in range(digits))
        rearranged = bban + country + "00"
        check = 98 - int("".join(str(int(ch, 36)) for ch in rearranged)) % 97
        number = f"{country}{check:02d}{bban}"
        if stdnum_iban.is_valid(number):
            return number
    raise RuntimeError(country)


def _render_iban(rng: random.Random, style: str, form: str, state: dict) -> tuple:
    """An IBAN in print groups of four, squashed, or read aloud with its letters spelled."""
    number = _iban_number(rng, style.upper() if style else rng.choice(_IBAN_COUNTRIES))
    groups = [number[i:i + 4] for i in range(0, len(number), 4)]
    bank = number[4:8] if _IBAN_LAYOUTS[number[:2]][0] == 4 else ""
    if form == "typed":
        shape = rng.random()
        if shape < 0.25:
            return number, number, []
        surface = " ".join(groups)
        if shape > 0.85:
            return surface.lower(), number, [bank.lower()] if bank else []
        return surface, number, [bank] if bank else []
    sep = rng.choice((", ", " "))
    for plain in (False, True):
        said = sep.join(_Voice(rng, plain=plain).code(g) for g in groups)
        if spoken_digits(said) == re.sub(r"\D", "", number):
            return said, number, [bank] if bank else []
    raise _Retry


_PUBLIC_FIRST_OCTETS = (23, 31, 46, 62, 77, 81, 86, 91, 102, 109, 141, 151, 176, 185, 193, 203,
                        212, 217)


def _ip_number(rng: random.Random, style: str, form: str) -> str:
    """A public or home-network IPv4 address, or (typed only) a public IPv6 address."""
    roll = rng.random()
    if style == "v6" or (style == "" and form == "typed" and roll < 0.1):
        hextets = [0x2A02, rng.choice((0xC7F, 0x8010, 0x6B8))] + [
            rng.choice((0, 0, rng.randint(1, 0xFFFF))) for _ in range(6)]
        return str(ipaddress.IPv6Address(":".join(f"{h:x}" for h in hextets)))
    if style == "lan" or roll < 0.4:
        r = rng.randint
        return rng.choice((f"192.168.{r(0, 20)}.{r(2, 254)}",
                           f"10.{r(0, 255)}.{r(0, 255)}.{r(2, 254)}",
                           f"172.{r(16, 31)}.{r(0, 255)}.{r(2, 254)}"))
    octets = [rng.choice(_PUBLIC_FIRST_OCTETS)] + [rng.randint(0, 255) for _ in range(2)]
    return ".".join(str(o) for o in octets + [rng.randint(1, 254)])


def _render_ip(rng: random.Random, style: str, form: str, state: dict) -> tuple:
    """An IP address; spoken ones are read octet by octet with "dot" between."""
    address = _ip_number(rng, style, form)
    if form == "typed":
        return address, address, []
    voice = _Voice(rng)
    whole = rng.random() < 0.5
    said = " dot ".join(voice.number(o) if whole else voice.single(o) for o in address.split("."))
    return said, address, []


# ---------------------------------------------------------------------------------------------
# Street addresses from 22 countries. Each builder writes a small markup: #...# marks a
# number said as a number, @...@ a postcode read as a code; plain text is names and glue.

_ADDRESS_GENERIC = {
    "street", "st", "road", "rd", "avenue", "ave", "lane", "ln", "close", "drive", "dr", "way",
    "court", "ct", "place", "pl", "crescent", "cres", "terrace", "grove", "gardens", "square",
    "parade", "boulevard", "blvd", "apartment", "apartments", "apt", "flat", "unit", "suite",
    "house", "plot", "floor", "block", "rue", "des", "du", "de", "la", "le", "les", "impasse",
    "allée", "calle", "avenida", "plaza", "via", "viale", "corso", "dei", "delle", "della", "del",
    "di", "rua", "travessa", "das", "dos", "da", "do", "ul", "co", "county", "city", "state",
    "north", "south", "east", "west", "new", "old", "nuevo", "centro", "col", "brgy", "ku",
    "the", "of", "and", "los", "las", "san", "santa", "na", "el", "town", "bay", "lake", "hills",
    "village", "layout", "residency", "island",
}
_UNSAFE_CODES = {"OR", "IN", "OH", "ME", "HI", "OK", "ID", "MA", "PA", "AL", "LA", "DE", "ON",
                 "SO", "TO", "IT", "AS", "AT", "BE", "DO", "GO", "IS", "MI", "MO", "NO", "US",
                 "WE", "AM", "AN", "UP", "MG", "PR", "PE", "BA", "SC", "RS", "CO", "MY", "BY"}


def _pc(rng: random.Random, prefix: str, digits: int) -> str:
    """A numeric postcode starting with a town's real prefix."""
    return prefix + "".join(rng.choice(string.digits) for _ in range(digits - len(prefix)))


def _letters(rng: random.Random, count: int, alphabet: str = string.ascii_uppercase) -> str:
    """Random capital letters, for postcodes."""
    return "".join(rng.choice(alphabet) for _ in range(count))


_GB_STREETS = _names("Alder, Kingfisher, Bramley, Hawthorn, Foxglove, Larkspur, Chantry, "
                     "Wheatsheaf, Beckett, Tannery, Orchard, Sycamore, Coppice, Brunswick, "
                     "Pelham, Quarry, Ropewalk, Fairfield, Ashgrove")
_GB_TYPES = _names("Road, Close, Lane, Avenue, Street, Crescent, Way, Terrace, Grove, Gardens")
_GB_TOWNS = (("Harrogate", "HG"), ("Stockport", "SK"), ("Bristol", "BS"), ("Norwich", "NR"),
             ("Swansea", "SA"), ("Kendal", "LA"), ("Truro", "TR"), ("Dundee", "DD"),
             ("Inverness", "IV"), ("Leicester", "LE"), ("Carlisle", "CA"), ("Reading", "RG"),
             ("Wolverhampton", "WV"), ("Brighton", "BN"), ("Belfast", "BT"), ("Hereford", "HR"),
             ("Lincoln", "LN"))


def _address_gb(rng: random.Random) -> str:
    """United Kingdom: optional flat, house number, street, town, postcode."""
    town, area = rng.choice(_GB_TOWNS)
    inward = _letters(rng, 2, "ABDEFGHJLNPRSTUWXYZ")
    postcode = f"{area}{rng.randint(1, 9)} {rng.randint(1, 9)}{inward}"
    flat = f"Flat #{rng.randint(1, 12)}#, " if rng.random() < 0.2 else ""
    street = f"{rng.choice(_GB_STREETS)} {rng.choice(_GB_TYPES)}"
    return f"{flat}#{rng.randint(1, 180)}# {street}, {town} @{postcode}@"


_IE_STREETS = _names("Oakpark Avenue, Sandymount Road, Cregg Lane, Shantalla Road, "
                     "Ballincollig Road, Castlegate Street, Bóthar na Trá")
_IE_TOWNS = (("Galway", "Galway", "H91"), ("Cork", "Cork", "T12"), ("Ennis", "Clare", "V95"),
             ("Castlebar", "Mayo", "F23"), ("Letterkenny", "Donegal", "F92"),
             ("Killarney", "Kerry", "V93"), ("Athlone", "Westmeath", "N37"),
             ("Kilkenny", "Kilkenny", "R95"))


def _address_ie(rng: random.Random) -> str:
    """Ireland: number, street, town, county, Eircode."""
    town, county, key = rng.choice(_IE_TOWNS)
    unique = rng.choice("ACDEFHKNPRTVWXY") + _letters(rng, 3, "ACDEFHKNPRTVWXY0123456789")
    return f"#{rng.randint(1, 90)}# {rng.choice(_IE_STREETS)}, {town}, Co. {county}, " \
           f"@{key} {unique}@"


_US_STREETS = _names("Maple, Juniper, Magnolia, Chestnut, Cottonwood, Laurel, Bluebonnet, "
                     "Sagebrush, Hickory, Dogwood, Aspen, Mesquite, Cypress")
_US_TYPES = _names("Street, Avenue, Drive, Lane, Court, Boulevard, Road, Way")
_US_CITIES = (("Springfield", "Illinois", "IL", "627"), ("Eugene", "Oregon", "OR", "974"),
              ("Tucson", "Arizona", "AZ", "857"), ("Savannah", "Georgia", "GA", "314"),
              ("Duluth", "Minnesota", "MN", "558"), ("Albany", "New York", "NY", "122"),
              ("Boise", "Idaho", "ID", "837"), ("Asheville", "North Carolina", "NC", "288"),
              ("Burlington", "Vermont", "VT", "054"), ("Fresno", "California", "CA", "937"),
              ("El Paso", "Texas", "TX", "799"), ("Dayton", "Ohio", "OH", "454"),
              ("Portland", "Maine", "ME", "041"), ("Trenton", "New Jersey", "NJ", "086"))


def _address_us(rng: random.Random) -> str:
    """United States: number, street, optional apartment, city, state, ZIP."""
    city, state, abbreviation, prefix = rng.choice(_US_CITIES)
    apartment = f", Apt #{rng.randint(1, 30)}{rng.choice('ABCD')}#" if rng.random() < 0.25 else ""
    region = abbreviation if rng.random() < 0.5 else state
    return f"#{rng.randint(12, 9800)}# {rng.choice(_US_STREETS)} {rng.choice(_US_TYPES)}" \
           f"{apartment}, {city}, {region} @{_pc(rng, prefix, 5)}@"


_CA_STREETS = _names("Birchwood, Tamarack, Spruce, Willowdale, Lakeshore, Cedarbrae")
_CA_CITIES = (("Moncton", "New Brunswick", "NB", "E1C"), ("Halifax", "Nova Scotia", "NS", "B3H"),
              ("Kelowna", "British Columbia", "BC", "V1Y"),
              ("Saskatoon", "Saskatchewan", "SK", "S7K"), ("Sherbrooke", "Quebec", "QC", "J1H"),
              ("Thunder Bay", "Ontario", "ON", "P7B"), ("Red Deer", "Alberta", "AB", "T4N"))


def _address_ca(rng: random.Random) -> str:
    """Canada: number, street, city, province, postal code."""
    city, province, abbreviation, area = rng.choice(_CA_CITIES)
    local = f"{rng.randint(1, 9)}{_letters(rng, 1, 'ABCEGHJKLMNPRSTVWXYZ')}{rng.randint(0, 9)}"
    region = abbreviation if rng.random() < 0.6 else province
    kind = rng.choice(("Street", "Avenue", "Drive", "Crescent"))
    return f"#{rng.randint(1, 999)}# {rng.choice(_CA_STREETS)} {kind}, {city}, {region} " \
           f"@{area} {local}@"


_AU_STREETS = _names("Banksia, Wattle, Jacaranda, Bottlebrush, Kookaburra, Acacia, Waratah, "
                     "Grevillea")
_AU_TOWNS = (("Fremantle", "WA", "6160"), ("Ballarat", "VIC", "3350"),
             ("Toowoomba", "QLD", "4350"), ("Wollongong", "NSW", "2500"),
             ("Launceston", "TAS", "7250"), ("Glenelg", "SA", "5045"), ("Katherine", "NT", "0850"))


def _address_au(rng: random.Random) -> str:
    """Australia: optional unit, number, street, suburb, state, postcode."""
    town, state, postcode = rng.choice(_AU_TOWNS)
    unit = f"Unit #{rng.randint(1, 20)}#, " if rng.random() < 0.25 else ""
    kind = rng.choice(("Street", "Avenue", "Parade", "Crescent", "Road"))
    return f"{unit}#{rng.randint(1, 140)}# {rng.choice(_AU_STREETS)} {kind}, {town} {state} " \
           f"@{postcode}@"


_NZ_STREETS = _names("Kowhai, Totara, Rimu, Pohutukawa, Kauri, Manuka, Matai")
_NZ_TOWNS = (("Karori", "Wellington", "6012"), ("Ponsonby", "Auckland", "1011"),
             ("Riccarton", "Christchurch", "8011"), ("Roslyn", "Dunedin", "9010"),
             ("Frankton", "Hamilton", "3204"), ("Whataupoko", "Gisborne", "4010"))


def _address_nz(rng: random.Random) -> str:
    """New Zealand: number, street, suburb, city, postcode."""
    suburb, city, postcode = rng.choice(_NZ_TOWNS)
    kind = rng.choice(("Street", "Road", "Terrace", "Crescent"))
    return f"#{rng.randint(1, 160)}# {rng.choice(_NZ_STREETS)} {kind}, {suburb}, {city} " \
           f"@{postcode}@"


_IN_STREETS = _names("Lavelle, Sankey, Kasturba, Rajaji, Tilak, Infantry, Cunningham")
_IN_BUILDINGS = _names("Sai Krupa Apartments, Nandanam Residency, Sree Gokulam, Shanti Niketan")
_IN_CITIES = (("Bengaluru", "Indiranagar", "5600"), ("Chennai", "Adyar", "6000"),
              ("Pune", "Kothrud", "4110"), ("Kochi", "Kadavanthra", "6820"),
              ("Jaipur", "Malviya Nagar", "3020"), ("Kolkata", "Salt Lake", "7000"),
              ("Hyderabad", "Banjara Hills", "5000"))


def _address_in(rng: random.Random) -> str:
    """India: flat and building, number, road, area, city, PIN."""
    city, area, prefix = rng.choice(_IN_CITIES)
    flat = f"Flat #{rng.randint(1, 9)}0{rng.randint(1, 8)}#, {rng.choice(_IN_BUILDINGS)}, " \
        if rng.random() < 0.5 else ""
    return f"{flat}#{rng.randint(1, 120)}# {rng.choice(_IN_STREETS)} Road, {area}, {city} " \
           f"@{_pc(rng, prefix, 6)}@"


_NG_STREETS = _names("Adeola Odeku, Akin Adesola, Bode Thomas, Herbert Macaulay, Ogunlana, "
                     "Aminu Kano, Ozumba Mbadiwe")
_NG_AREAS = (("Lagos", "Surulere"), ("Lagos", "Yaba"), ("Lagos", "Ikeja GRA"),
             ("Abuja", "Wuse"), ("Abuja", "Maitama"), ("Ibadan", "Bodija"),
             ("Enugu", "Independence Layout"), ("Port Harcourt", "Rumuola"))


def _address_ng(rng: random.Random) -> str:
    """Nigeria: number, street, area, city."""
    city, area = rng.choice(_NG_AREAS)
    kind = rng.choice(("Street", "Crescent", "Close", "Way"))
    return f"#{rng.randint(1, 60)}# {rng.choice(_NG_STREETS)} {kind}, {area}, {city}"


_KE_STREETS = _names("Ngong, Argwings Kodhek, Riverside, Othaya, Mbaazi, Gitanga, Lenana")
_KE_AREAS = (("Nairobi", "Westlands"), ("Nairobi", "Kilimani"), ("Nairobi", "Lavington"),
             ("Nairobi", "Karen"), ("Mombasa", "Nyali"), ("Kisumu", "Milimani"))


def _address_ke(rng: random.Random) -> str:
    """Kenya: house number, road, area, city."""
    city, area = rng.choice(_KE_AREAS)
    return f"House #{rng.randint(1, 80)}#, {rng.choice(_KE_STREETS)} Road, {area}, {city}"


_ZA_STREETS = _names("Protea, Umbilo, Marula, Kiepersol, Aloe, Jacaranda")
_ZA_TOWNS = (("Durban", "Morningside", "4001"), ("Cape Town", "Observatory", "7925"),
             ("Johannesburg", "Melville", "2092"), ("Pretoria", "Brooklyn", "0181"),
             ("Gqeberha", "Walmer", "6070"), ("Bloemfontein", "Westdene", "9301"))


def _address_za(rng: random.Random) -> str:
    """South Africa: number, street, suburb, city, code."""
    city, suburb, code = rng.choice(_ZA_TOWNS)
    kind = rng.choice(("Street", "Avenue", "Road", "Crescent"))
    return f"#{rng.randint(1, 120)}# {rng.choice(_ZA_STREETS)} {kind}, {suburb}, {city}, @{code}@"


_DE_STREETS = _names("Linden, Kastanien, Ahorn, Birken, Holunder, Amsel, Mühlen, Rosen, Eichen")
_DE_CITIES = (("Berlin", "10"), ("Leipzig", "04"), ("Freiburg", "79"), ("Münster", "48"),
              ("Bremen", "28"), ("Kassel", "34"), ("Rostock", "18"), ("Regensburg", "93"))


def _address_de(rng: random.Random) -> str:
    """Germany: street and number, postcode, city."""
    city, prefix = rng.choice(_DE_CITIES)
    street = rng.choice(_DE_STREETS) + rng.choice(("straße", "weg", "allee", "ring"))
    return f"{street} #{rng.randint(1, 90)}#, @{_pc(rng, prefix, 5)}@ {city}"


_FR_STREETS = _names("rue des Lilas, rue des Tanneurs, avenue des Capucins, rue des Marronniers, "
                     "allée des Peupliers, rue de la Verrerie, impasse des Charmilles")
_FR_CITIES = (("Lyon", "6900"), ("Nantes", "4400"), ("Lille", "5900"), ("Rennes", "3500"),
              ("Montpellier", "3400"), ("Dijon", "2100"), ("Toulouse", "3100"))


def _address_fr(rng: random.Random) -> str:
    """France: number, street, postcode, city."""
    city, prefix = rng.choice(_FR_CITIES)
    return f"#{rng.randint(1, 80)}# {rng.choice(_FR_STREETS)}, @{_pc(rng, prefix, 5)}@ {city}"


_ES_STREETS = _names("Calle de los Almendros, Calle del Olivo, Calle Jazmín, Calle Mayor, "
                     "Avenida de la Constitución, Calle Zurbano")
_ES_CITIES = (("Madrid", "280"), ("Sevilla", "410"), ("Valencia", "460"), ("Bilbao", "480"),
              ("Granada", "180"), ("Zaragoza", "500"))


def _address_es(rng: random.Random) -> str:
    """Spain: street, number, postcode, city."""
    city, prefix = rng.choice(_ES_CITIES)
    return f"{rng.choice(_ES_STREETS)}, #{rng.randint(1, 120)}#, @{_pc(rng, prefix, 5)}@ {city}"


_IT_STREETS = _names("Via dei Tigli, Via dei Ciliegi, Via Ghislanzoni, Corso Vercelli, "
                     "Via Solferino, Viale Oberdan, Via Marsala")
_IT_CITIES = (("Milano", "201"), ("Torino", "101"), ("Bologna", "401"), ("Bari", "701"),
              ("Firenze", "501"), ("Palermo", "901"))


def _address_it(rng: random.Random) -> str:
    """Italy: street and number, CAP, city."""
    city, prefix = rng.choice(_IT_CITIES)
    return f"{rng.choice(_IT_STREETS)} #{rng.randint(1, 140)}#, @{_pc(rng, prefix, 5)}@ {city}"


_NL_STREETS = _names("Linde, Eiken, Kastanje, Vogel, Bloemen, Merel, Iepen")
_NL_CITIES = (("Utrecht", "35"), ("Groningen", "97"), ("Leiden", "23"), ("Haarlem", "20"),
              ("Eindhoven", "56"), ("Zwolle", "80"))


def _address_nl(rng: random.Random) -> str:
    """Netherlands: street and number, postcode with two letters, city."""
    city, prefix = rng.choice(_NL_CITIES)
    street = rng.choice(_NL_STREETS) + rng.choice(("straat", "laan", "gracht", "singel"))
    postcode = f"{_pc(rng, prefix, 4)} {_letters(rng, 2, 'BCDEGHJKLMNPRTVWXZ')}"
    return f"{street} #{rng.randint(1, 200)}#, @{postcode}@ {city}"


_PL_STREETS = _names("Kwiatowa, Lipowa, Słoneczna, Ogrodowa, Mickiewicza, Piękna, Długa")
_PL_CITIES = (("Kraków", "3"), ("Gdańsk", "8"), ("Wrocław", "5"), ("Poznań", "6"), ("Łódź", "9"),
              ("Lublin", "2"))


def _address_pl(rng: random.Random) -> str:
    """Poland: street, house/flat, postcode, city."""
    city, prefix = rng.choice(_PL_CITIES)
    code = _pc(rng, prefix, 5)
    return f"ul. {rng.choice(_PL_STREETS)} #{rng.randint(1, 60)}/{rng.randint(1, 40)}#, " \
           f"@{code[:2]}-{code[2:]}@ {city}"


_PT_STREETS = _names("Rua das Flores, Rua do Almada, Rua de Santa Catarina, Travessa do Carmo, "
                     "Rua da Alegria, Avenida da Boavista")
_PT_CITIES = (("Porto", "40"), ("Lisboa", "11"), ("Coimbra", "30"), ("Braga", "47"),
              ("Faro", "80"))


def _address_pt(rng: random.Random) -> str:
    """Portugal: street, number, postcode, city."""
    city, prefix = rng.choice(_PT_CITIES)
    code = f"{_pc(rng, prefix, 4)}-{rng.randint(0, 999):03d}"
    return f"{rng.choice(_PT_STREETS)}, #{rng.randint(1, 400)}#, @{code}@ {city}"


_BR_STREETS = _names("Rua das Palmeiras, Rua Padre Chagas, Rua Augusta, Rua dos Andradas, "
                     "Rua Visconde de Pirajá")
_BR_CITIES = (("Curitiba", "PR", "Batel", "80"), ("Porto Alegre", "RS", "Moinhos de Vento", "90"),
              ("Recife", "PE", "Boa Viagem", "51"), ("Belo Horizonte", "MG", "Savassi", "30"),
              ("Salvador", "BA", "Rio Vermelho", "41"), ("Florianópolis", "SC", "Lagoa", "88"))


def _address_br(rng: random.Random) -> str:
    """Brazil: street, number, neighbourhood, city and state, CEP."""
    city, state, bairro, prefix = rng.choice(_BR_CITIES)
    cep = f"{_pc(rng, prefix, 5)}-{rng.randint(0, 999):03d}"
    return f"{rng.choice(_BR_STREETS)}, #{rng.randint(1, 1500)}#, {bairro}, {city} - {state}, " \
           f"@{cep}@"


_MX_STREETS = _names("Calle Tulipanes, Calle Jacarandas, Avenida Hidalgo, Calle Morelos, "
                     "Calle Durango")
_MX_COLONIAS = _names("Roma Norte, Condesa, Del Valle, Chapultepec, Providencia, Jardines")
_MX_CITIES = (("Ciudad de México", "CDMX", "06"), ("Guadalajara", "Jalisco", "44"),
              ("Monterrey", "Nuevo León", "64"), ("Puebla", "Puebla", "72"),
              ("Mérida", "Yucatán", "97"))


def _address_mx(rng: random.Random) -> str:
    """Mexico: street and number, colonia, postcode, city, state."""
    city, state, prefix = rng.choice(_MX_CITIES)
    return f"{rng.choice(_MX_STREETS)} #{rng.randint(1, 300)}#, Col. {rng.choice(_MX_COLONIAS)}, " \
           f"@{_pc(rng, prefix, 5)}@ {city}, {state}"


_JP_PLACES = (("Tokyo", "Meguro", "Nakameguro", "153"), ("Tokyo", "Suginami", "Koenji", "166"),
              ("Tokyo", "Taito", "Yanaka", "110"), ("Osaka", "Kita", "Tenjinbashi", "530"),
              ("Kyoto", "Shimogyo", "Karasuma", "600"), ("Sapporo", "Chuo", "Maruyama", "064"))


def _address_jp(rng: random.Random) -> str:
    """Japan: block numbers, district, ward, city, postcode."""
    city, ward, district, prefix = rng.choice(_JP_PLACES)
    block = f"{rng.randint(1, 5)}-{rng.randint(1, 25)}-{rng.randint(1, 12)}"
    return f"#{block}# {district}, {ward}-ku, {city} @{prefix}-{rng.randint(0, 9999):04d}@"


_PH_STREETS = _names("Mabini, Sampaguita, Narra, Kalayaan, Maginhawa, Rizal")
_PH_PLACES = (("Quezon City", "Teachers Village"), ("Makati", "Poblacion"), ("Cebu City", "Lahug"),
              ("Davao City", "Buhangin"), ("Pasig", "Kapitolyo"), ("Iloilo City", "Jaro"))


def _address_ph(rng: random.Random) -> str:
    """Philippines: number, street, barangay, city."""
    city, barangay = rng.choice(_PH_PLACES)
    return f"#{rng.randint(1, 250)}# {rng.choice(_PH_STREETS)} St., Brgy. {barangay}, {city}"


_SE_STREETS = _names("Lind, Björk, Kvarn, Hamn, Sjö, Skol, Tall")
_SE_CITIES = (("Uppsala", "75"), ("Göteborg", "41"), ("Malmö", "21"), ("Umeå", "90"),
              ("Västerås", "72"))


def _address_se(rng: random.Random) -> str:
    """Sweden: street and number, postcode, city."""
    city, prefix = rng.choice(_SE_CITIES)
    code = _pc(rng, prefix, 5)
    street = rng.choice(_SE_STREETS) + rng.choice(("gatan", "vägen"))
    return f"{street} #{rng.randint(1, 60)}#, @{code[:3]} {code[3:]}@ {city}"


ADDRESS_BUILDERS = {
    "gb": _address_gb, "ie": _address_ie, "us": _address_us, "ca": _address_ca,
    "au": _address_au, "nz": _address_nz, "in": _address_in, "ng": _address_ng,
    "ke": _address_ke, "za": _address_za, "de": _address_de, "fr": _address_fr,
    "es": _address_es, "it": _address_it, "nl": _address_nl, "pl": _address_pl,
    "pt": _address_pt, "br": _address_br, "mx": _address_mx, "jp": _address_jp,
    "ph": _address_ph, "se": _address_se,
}
_ADDRESS_COUNTRIES = ("gb",) * 5 + ("us",) * 3 + ("ie", "ie") + tuple(ADDRESS_BUILDERS)
_MARKUP = re.compile(r"(#[^#]*#|@[^@]*@)")


def _plain_words(text: str) -> list[str]:
    """Street, town and region tokens, without generic words or ambiguous two-letter codes."""
    words = []
    for token in re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", text):
        if token.lower() in _ADDRESS_GENERIC or len(token) < 2 or token in _UNSAFE_CODES:
            continue
        words.append(token)
    return words


def _code_words(code: str) -> list[str]:
    """Postcode tokens that hold a letter and stand whole when typed."""
    return [t for t in re.findall(r"\w+", code)
            if re.search(r"[A-Za-z]", t) and len(t) >= 2 and t not in _UNSAFE_CODES]


def _speak_markup(markup: str, voice: _Voice) -> str:
    """The spoken form of an address: numbers said, postcodes read, names left as they are."""
    out = []
    for part in _MARKUP.split(markup):
        if part.startswith("#"):
            said = []
            for run in re.findall(r"\d+|[A-Za-z]+|[-/]", part[1:-1]):
                if run.isdigit():
                    said.append(voice.number(run))
                elif run.isalpha():
                    said.append(_spell(run))
                else:
                    said.append({"-": "dash", "/": "slash"}[run])
            out.append(" ".join(said))
        elif part.startswith("@"):
            out.append(voice.code(part[1:-1]))
        else:
            out.append(part)
    return "".join(out)


_REGION_NAMES = {abbreviation: name for _, name, abbreviation, _ in _US_CITIES + _CA_CITIES}


def _say_regions(markup: str) -> str:
    """Says US states and Canadian provinces in full, as nobody says "I D" for Idaho."""
    pattern = re.compile(r"\b(" + "|".join(_REGION_NAMES) + r")\b")
    return "".join(part if part[:1] in "#@" else pattern.sub(lambda m: _REGION_NAMES[m[1]], part)
                   for part in _MARKUP.split(markup))


def _render_address(rng: random.Random, style: str, form: str, state: dict) -> tuple:
    """A street address from the requested or a random country, typed or read aloud."""
    markup = ADDRESS_BUILDERS[style or rng.choice(_ADDRESS_COUNTRIES)](rng)
    if form == "spoken":
        markup = _say_regions(markup)
    parts = _MARKUP.split(markup)
    canonical = "".join(p[1:-1] if p[:1] in "#@" else p for p in parts)
    plain = " ".join(p for p in parts if p[:1] not in "#@")
    words = _plain_words(plain)
    if form == "typed":
        words += [w for p in parts if p.startswith("@") for w in _code_words(p[1:-1])]
        shape = rng.random()
        if shape < 0.15:
            return canonical.lower(), canonical, [w.lower() for w in words]
        if shape < 0.25:
            return canonical.replace(", ", " "), canonical, words
        return canonical, canonical, words
    lower = rng.random() < 0.2
    for plain_voice in (False, True):
        said = _speak_markup(markup, _Voice(rng, plain=plain_voice))
        if spoken_digits(said) == re.sub(r"\D", "", canonical):
            if lower:
                return said.lower(), canonical, [w.lower() for w in words]
            return said, canonical, words
    raise _Retry


_RENDERERS = {
    "person_name": _render_name, "email": _render_email, "phone": _render_phone,
    "card": _render_card, "us_ssn": _render_ssn, "iban": _render_iban,
    "ip_address": _render_ip, "street_address": _render_address,
}
_ALIASES = {"name": "person_name", "phone": "phone", "email": "email", "addr": "street_address",
            "card": "card", "ssn": "us_ssn", "iban": "iban", "ip": "ip_address"}
_SLOT = re.compile(r"\{(name|phone|email|addr|card|ssn|iban|ip)(?:\.(\w+))?\}")
_DECOY_SLOT = re.compile(r"\{([a-z]+)\d?\}")


# ---------------------------------------------------------------------------------------------
# Data templates. Slots: {name}, {name.given|surname|initials|nick|lower|upper|old|young|kid|
# barrel|spell}, each optionally ending "_f"/"_m" (or just {name.f}) where pronouns fix gender;
# {email}, {email.own|work|teen}, {phone}, {phone.<region>}, {addr}, {addr.<country>}, {card},
# {card.amex}, {ssn}, {iban}, {iban.<country>}, {ip}, {ip.lan|v6}.
# Everything else in a data template is context and stays in it, numbers included.

_TYPED = (
    # health and care
    "Book me in with Dr {name.surname} at Larchfield Surgery, mobile {phone.gb} if they need me",
    "email mum's repeat prescription request for {name.f} to {email}, she's on 5mg amlodipine",
    "Carer rota for Dad this week: {name.given} Mon/Wed ({phone}), {name.given} Thu-Sun",
    "Read me the discharge note again: patient {name}, discharged to {addr.gb}, review in 6 weeks",
    "Dentist recall is due for {name.kid}, the practice still has our old address {addr}",
    "Send the physio referral to {email.work} and say it's for {name}",
    "Next of kin: {name}, {phone}, lives at {addr}",
    "Pay the carer's invoice for {name} with card {card}, expiry 09/27",
    "text {name.given} that the district nurse comes at 10:30 tomorrow and to ring me on {phone}",
    "The Medicare form for Dad needs his social security number, it's {ssn}",
    "Pharmacy delivery for {name} to {addr}, NHS no. 485 777 3456",
    "Save the hospice nurse as {name}, {phone}, {email.own}",
    "My sister {name.given_f} will collect Mum from Ward 7B at 2pm, her number is {phone}",
    "forward the blood test results from 12/03 to {email} and copy in Dr {name.surname}",
    "Pay the osteopath {name} £65 for session 3 of 6, IBAN {iban}",
    "New patient form: {name}, {addr}, tel {phone}",
    "The care agency portal locked me out, it says too many attempts from {ip}",
    "Counsellor {name} has a direct line on {phone}, sessions are Thursdays at 5",
    "Put the £45 dental deposit for {name} on {card}",
    "Hearing clinic letters should go to {name.old}, {addr.gb}",
    "Mum's GP wants her new address for the records: {addr.ie}",
    "Add {name.f} to the carers' group chat, number {phone}, she covers nights",
    "US clinic intake asks for my SSN: {ssn}. Member ID is ZQH-448120.",
    "dad's eye test reminder: he's {name.old_m} and the optician emails {email.own}",
    # travel
    "Passenger 1: {name}, mobile {phone}. Passenger 2: {name}. Booking ref QX7TPM",
    "Add {name} to the hotel guest list for room 214 and send the confirmation to {email.own}",
    "Airport pickup sign should say {name.upper}, flight EK 29 lands 06:40",
    "Lost luggage claim: deliver the bag to {addr.de} and call {phone} first, tag BA417233",
    "Emergency contact while we're in Lisbon: {name}, {phone}",
    "Pay for the ferry with {card}, booking K7QZPL, 2 adults 1 car",
    "Hotel said the refund of €180 goes to IBAN {iban} in the name of {name}",
    "Our Airbnb host {name.given} says the flat is at {addr.nl}, door code 4471",
    "Give the transfer driver this address: {addr.es}",
    "email the itinerary to {email} and {email}",
    "Travel insurance claim for {name}, policy HX-220918, paid with card {card}",
    "Taxi from the airport to {addr}, driver can reach me on {phone}",
    "Seat 23A is for {name} and 23B for {name}",
    "Car hire excess went on my Amex {card.amex}, need to dispute it",
    "Visa application for my husband wants his SSN ({ssn}) and current address {addr.us}",
    "The hostel WiFi blocked {ip}, can you write to reception",
    "Save our guide in Nairobi as {name}, {phone.ke}",
    "Guest list for the villa: {name}, {name} and little {name.kid}",
    "Pay the tour deposit of 250 EUR to {iban}, reference TRIP-0912",
    "Boarding pass shows {name.initials}, seat 14C, is that OK for the booking?",
    # work and study
    "Forward my CV to {email.work} and mention that {name} referred me",
    "New contact: {name}, Senior Analyst, m. {phone}, e. {email.own}",
    "Conference badge should read: {name} – University of Leeds",
    "My supervisor is Prof. {name.f}, her email is {email.own}",
    "Invoice for {name}, 12 hours at £40, please pay to {iban}",
    "Payroll onboarding for {name}: SSN {ssn}, home address {addr.us}",
    "W-9 for the freelance illustrator {name}, SSN {ssn}",
    "VPN keeps dropping and the log shows my address as {ip}, ticket INC0048812",
    "Whitelist {ip} and {ip} on the lab firewall for {name}'s project",
    "Post the reference letter for {name} to {addr.in}",
    "External examiner for the viva is Dr {name}, {email.own}",
    "New starter {name} joins on the 3rd, mobile {phone}",
    "Pay the translator {name} €420 to {iban}",
    "Expense claim: 2 nights at the Hilton £238, paid on {card}",
    "Intern {name.young} asked us to courier the laptop to {addr.ca}",
    "Zoom dial-in for {name.given} is {phone}, meeting ID 845 2291 0073",
    "cc {email} on the grant report, v2.3 is final",
    "Teaching assistant {name} wants the marks sent to {email.own} by Friday",
    "Set up the direct debit for the co-working desk: {name}, IBAN {iban}",
    "The build server only accepts SSH from {ip}, ask {name.given} to add mine",
    "Freelancer invoice INV-2025-0117 from {name}, pay £1,250 to {iban}",
    "Mentor: {name}, {phone}, prefers WhatsApp",
    "Fill the W-4 for {name}, SSN {ssn}, start date 06/02",
    "Conference dinner: seat {name} next to {name.barrel}, table 4",
    # neighbours and community
    "Add {name.f} from no. 12 to the Elm Road group chat, her number is {phone}",
    "LOST DOG - Biscuit, brown spaniel, very friendly. Please call {name.given} on {phone}",
    "Parcel left with {name} at {addr}",
    "Babysitting circle: {name.given_f} owes 3 hours, text her on {phone}",
    "Neighbourhood watch meeting at {name}'s, {addr}, 7pm Thursday",
    "Message {name.given} at {email} about the street party on 14 June",
    "Allotment lift share: {name}, {phone}",
    "Pay {name} back £36 for the bulk compost order, IBAN {iban}",
    "Community fridge volunteer sign-up: {name}, {email.own}, {phone}",
    "Key holder for number 9 while they're away is {name}, {phone}",
    "The new couple at {addr} are {name} and {name}",
    "Lost cat found! Contact {name} at {email} or pop round to {addr}",
    "Book club this month is at {name.given}'s, {addr}, bring a plate",
    "Chip in for the Christmas lights: send to {name} on {iban}",
    "School run rota: {name.given} Mon, {name.given} Tue, call {phone} if late",
    "Repair café volunteer {name} said to email {email.own} for the 2nd Sat slot",
    # elderly users
    "Please write to my granddaughter {name.young_f} at {addr} to thank her for the flowers.",
    "I wish to cancel the card {card}; it belonged to my late husband, {name.old_m}.",
    "Kindly telephone my son {name.given_m} on {phone} and tell him I am quite well.",
    "My late husband's pension letter went to {addr}; his social security number was {ssn}.",
    "Would you be so good as to email {email} with the photographs of the 1962 wedding?",
    "The gentleman from church, {name.old_m}, has kindly offered a lift; his number is {phone}.",
    "Please pay the window cleaner, {name}, £18 from my account to {iban}.",
    "Mrs {name.surname} next door has my spare key, she lives at {addr}.",
    # teenagers
    "omg text {name.lower_f} her number is {phone}",
    "my ip is {ip} dont even try it lol",
    "bestie's addy is {addr} send the hoodie there pls",
    "{name.nick_m} said his snap got banned so email him at {email.teen}",
    "lmaooo {name.given_f} gave me {phone} but its her mums",
    "can u use my card {card} for the tix ill pay u back",
    "sub to my channel and email {email.teen} for collabs",
    "send it to my paypal {email.teen} ty",
    "{name.lower} and {name.lower} r coming to mine 2nite, im at {addr}",
    "wats the number for {name.nick} again... oh wait its {phone}",
    "our smp server ip is {ip}:25565 dont leak it",
    "mum says send the IBAN for the school trip, its {iban} under {name}",
    "ngl {name.lower_f} is so annoying, her email is literally {email.own}",
    "my ssn for the job app is {ssn} is that safe??",
    "@ {name.nick} ur parcel came to mine, {addr}",
    "telehealth app says my connection from {ip.v6} isnt allowed, clinic code RX-77",
)

_SPOKEN = (
    # health and care
    "um I'd like to book an appointment with doctor {name.surname} please, my number is {phone}",
    "the repeat prescription is for my mother {name.f}, that's {name.spell}, it goes to {addr}",
    "tell the carer {name.given_f} that dad needs his two hundred milligram tablets at eight "
    "and she can call me on {phone}",
    "reading the discharge note, patient {name}, discharged home to {addr}, "
    "follow up in six weeks",
    "remind me the dentist recall for {name.kid} is due, they sent it to {addr}",
    "send the referral letter to {email.work}",
    "put {name.f} down as next of kin, her number's {phone}",
    "pay the carer's invoice with my card, it's {card}",
    "the district nurse is {name.f}, her mobile is {phone}",
    "for the medicare paperwork my father's social security number is {ssn}",
    "the pharmacy needs mum's address, it's {addr}",
    "save the hospice nurse as {name}, email {email.own}",
    "my brother {name.given_m} is picking dad up from ward seven, call him on {phone}",
    "forward my blood results to {email} please",
    "pay the physio {name.f} sixty five pounds, her IBAN is {iban}",
    "I'm registering as a new patient, my name is {name} and I live at {addr}",
    "the clinic portal says my IP address is {ip}, is that right",
    "book the counsellor {name.f} for Thursday at five, her direct line is {phone}",
    "take the dentist deposit off my card {card}",
    "my blood pressure was one forty over ninety this morning, tell the nurse at {email}",
    "my dad's name is {name.old_m} and his address is {addr}",
    "the insurance nurse needs my social, it's {ssn}",
    # travel
    "the booking is for two passengers, {name} and {name}, and my mobile is {phone}",
    "add {name} to the hotel guest list and send the confirmation to {email.own}",
    "the pickup sign at the airport should say {name}",
    "lost luggage, please deliver the bag to {addr.it} and ring me on {phone} first",
    "while we're in Spain the emergency contact is {name}, on {phone}",
    "pay for the ferry with card number {card}",
    "the hotel will refund us to the IBAN {iban}",
    "our host {name.given} says the apartment is at {addr.nl}",
    "tell the driver to take us to {addr.es}",
    "email the itinerary to {email}",
    "the travel insurance claim is for {name}, the card we used was {card}",
    "the taxi should drop me at {addr.de}, the driver can call {phone}",
    "my social security number for the passport renewal is {ssn}",
    "the hostel wifi says my IP is {ip}",
    "save our guide as {name}, number {phone}",
    "the villa guests are {name}, {name} and little {name.kid}",
    "send the tour deposit to {iban}, the reference is trip nine twelve",
    "my daughter is flying alone, her emergency contact abroad is {name}, that's {name.spell}",
    "the passenger name on the ticket is {name.initials}",
    "the booking is under {name.barrel}, two adults",
    # work and study
    "forward my CV to {email.work} and say {name} referred me",
    "add a new contact, {name}, mobile {phone}, email {email.own}",
    "the conference badge should say {name}",
    "my supervisor is professor {name.f}, her email is {email.own}",
    "pay the freelancer {name.f}, her IBAN is {iban}",
    "for payroll, the new hire {name} has social security number {ssn}",
    "the VPN says my address is {ip} and it keeps dropping",
    "whitelist {ip} on the lab firewall",
    "post the reference for {name} to {addr}",
    "the external examiner is doctor {name}, email {email.own}",
    "our new starter {name} can be reached on {phone}",
    "pay the translator four hundred and twenty euros to {iban}",
    "the expense was paid on my corporate card {card}",
    "courier the laptop to the intern at {addr}",
    "the dial in number for {name.given} is {phone}",
    "copy {email} on the grant report",
    "the freelance editor's invoice says pay {iban}, account name {name}",
    "for the W nine form, my social is {ssn}",
    "the build server only lets in {ip}",
    "my mentor is {name.f}, she's on {phone}",
    "my colleague {name}'s contact card, phone {phone}, email {email.own}",
    # neighbours and community
    "add {name.f} from number twelve to the street group, her number is {phone}",
    "lost dog, brown spaniel called Biscuit, if found please call {name.given} on {phone}",
    "a parcel was left with {name} at {addr}",
    "for the babysitting circle, {name.given_f} owes three hours, text her on {phone}",
    "the neighbourhood watch meeting is at {name}'s house, {addr}",
    "message {name.given} at {email} about the street party",
    "the allotment lift share is {name}, on {phone}",
    "pay {name.f} back for the compost, her IBAN is {iban}",
    "volunteer sign up for the community fridge, {name}, {email.own}",
    "the key holder for number nine is {name}, {phone}",
    "the new family moved into {addr.ke}",
    "found a cat, contact {name} at {email}",
    "book club is at {name.given}'s this month, {addr}",
    "send the Christmas lights money to {iban}",
    "school run, if I'm late call {name.given} on {phone}",
    "the babysitter is {name.young_f}, she's on {phone}",
    # elderly users
    "I should like to send a birthday card to my granddaughter {name.young_f}, "
    "she lives at {addr}",
    "I need to cancel my late husband's card, the number is {card}",
    "would you kindly ring my son {name.given_m}, his number is {phone}",
    "my late husband {name.old_m}, his social security number was {ssn}",
    "please could you send an email to {email}, it's my nephew",
    "the gentleman from the church is {name.old_m}, and his telephone number is {phone}",
    "I would like to pay the window cleaner, {name}, from my account to {iban}",
    "Mrs {name.surname} next door has the spare key, at {addr}",
    "my late husband's account was in the name of {name.old_m}, and the address was {addr}",
    "oh dear, I can never remember, my daughter's email is {email}",
    "the lady who does my shopping is {name.f}, and her number, let me see, is {phone}",
    "my granddaughter {name.young_f} gave me her email, it's {email.own}",
    "the dentist wants a card on file, it's {card}",
    "the bank asked for my mum's social, which is {ssn}",
    # teenagers
    "text {name.lower_f} her number is {phone}",
    "my IP is {ip} don't even try it",
    "bestie's address is {addr.se}, send the hoodie there",
    "{name.nick_m}'s snap got banned so email him at {email.teen}",
    "use my card for the tickets, it's {card}",
    "email me at {email.teen} for collabs",
    "send it to my paypal, it's {email.teen}",
    "{name.lower} and {name.lower} are coming to mine tonight, I'm at {addr}",
    "the server IP is {ip}, don't leak it",
    "mum says the IBAN for the school trip is {iban}",
    "my social for the job application is {ssn}, is that safe to say",
    "yo {name.nick}, your parcel came to mine, {addr}",
    "the gaming pc is on {ip.lan} and the console is {ip.lan}",
    # more care and travel
    "the dentist recall letter should go to {name}, {addr}",
    "write to the hospital about {name}, at {addr.jp}",
    "the emergency contact abroad is my cousin {name}, {phone}",
)

# ---------------------------------------------------------------------------------------------
# Hard negatives: no personal data, but numbers, codes and names of things that look like it.

_TYPED_NEGATIVE = (
    "Where's order {order}? It said delivered yesterday",
    "track parcel {track} please",
    "Is {flight} on time today?",
    "What gate is {flight} leaving from, still {gate}?",
    "Check me in for booking {bookref}",
    "Mark invoice {invoice} as paid, total {price}",
    "Move appointment ref {apptref} to {date} at {time}",
    "the NHS number on the letter is {nhs}, is that what they need?",
    "Hospital number {mrn}, outpatients clinic at {time}",
    "Take {dose} of ibuprofen every {hours} hours with food",
    "BP this morning {bp}, pulse {pulse}",
    "Remind me to take {dose} at {time}",
    "How much is a return to {city} on {date}?",
    "Which platform is the {time} to Bristol? Still platform {platform}?",
    "I'm in seat {seat}, can I swap to a window?",
    "Play {tune}",
    "How old is {celeb}?",
    "Who won the World Cup in {year}?",
    "Update the app to {version}",
    "Is the {model} still under warranty?",
    "Add {count} eggs and {count2} pints of milk to the shopping list",
    "What's the weather in {city} on {date}?",
    "Is {road} closed today?",
    "Directions to {hospital} please",
    "Is {shop} on {road} open after {time}?",
    "Set a timer for {minutes} minutes",
    "Convert {price} to euros",
    "Room {room} at {hotel} has no hot water",
    "My bag tag says {bagtag}, any update?",
    "Ward {ward}, bed {bed}, visiting ends at {time}",
    "The label says {dose} twice daily for {days} days",
    "Dental check-up {date} {time}, ref {apptref}",
    "Talk is in room {room} at {time}, slides are {version}",
    "Router firmware {firmware} is out, should I install it?",
    "Step goal is {steps}, how am I doing?",
    "Order {order} from {shop} came to {price}",
    "The {model} keeps tripping the fuse",
    "Who directed {film}?",
    "Is the emergency number in {country} {emergency}?",
    "Book {count} seats for {film} at {time}, row {row}",
    "Temperature is {temp}, should I call 111?",
    "The {time} from platform {platform} is delayed {minutes} mins",
    "Invoice {invoice} is due {date}, total {price}",
    "Dose went up from {dose} to {dose2}",
)

_SPOKEN_NEGATIVE = (
    "where's my order, the number is {order}",
    "track my parcel {track}",
    "is flight {flight} on time",
    "what gate is {flight}, is it still gate {gate}",
    "check me in for booking {bookref}",
    "mark invoice {invoice} as paid, it was {price}",
    "move my appointment to {date} at {time}",
    "the NHS number on the letter is {nhs}",
    "my hospital number is {mrn}",
    "take {dose} of paracetamol every {hours} hours",
    "blood pressure was {bp} and pulse {pulse}",
    "remind me to take {dose} at {time}",
    "how much is a train to {city} on {date}",
    "is the {time} to Bristol still on platform {platform}",
    "I'm in seat {seat}, can I move",
    "play {tune}",
    "how old is {celeb}",
    "who won the world cup in {year}",
    "update the app to version {version}",
    "is my {model} still under warranty",
    "add {count} eggs and {count2} pints of milk",
    "what's the weather like in {city} on {date}",
    "is {road} closed",
    "directions to {hospital}",
    "is {shop} open after {time}",
    "set a timer for {minutes} minutes",
    "convert {price} to euros",
    "there's no hot water in room {room} at {hotel}",
    "my bag tag number is {bagtag}",
    "she's on ward {ward}, bed {bed}",
    "the label says {dose} twice a day for {days} days",
    "my dental check up is on {date} at {time}",
    "the talk is in room {room} at {time}",
    "should I install router firmware {firmware}",
    "my step goal is {steps}",
    "order {order} from {shop} was {price}",
    "who directed {film}",
    "what's the emergency number in {country}, is it {emergency}",
    "book {count} tickets for {film} at {time}",
    "my temperature is {temp}, should I call one one one",
    "the {time} from platform {platform} is delayed by {minutes} minutes",
    "the dose went up from {dose} to {dose2}",
    "how many calories in {count} slices of toast",
    "what year did {film} come out, was it {year}",
)

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_ORDINALS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
             "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
             "twentieth").split()
_ORDINALS = _ORDINALS + [f"twenty {o}" for o in _ORDINALS[:9]] + ["thirtieth"]
_CELEBRITIES = _names("David Attenborough, Serena Williams, Chimamanda Ngozi Adichie, "
                      "Lionel Messi, Dolly Parton, Shah Rukh Khan, Kylian Mbappé, "
                      "Malala Yousafzai, Keanu Reeves, Marie Curie, Nelson Mandela, Frida Kahlo")
_TUNES = (("Hello by Adele", "hello by Adele"), ("Vossi Bop by Stormzy", "vossi bop by Stormzy"),
          ("Last Last by Burna Boy", "last last by Burna Boy"),
          ("22 by Taylor Swift", "twenty two by Taylor Swift"),
          ("Dreams by Fleetwood Mac", "dreams by Fleetwood Mac"),
          ("Free Mind by Tems", "free mind by Tems"),
          ("Dancing Queen by ABBA", "dancing queen by ABBA"),
          ("Dynamite by BTS", "dynamite by BTS"), ("Tum Hi Ho by Arijit Singh", "tum hi ho"),
          ("7 Rings by Ariana Grande", "seven rings by Ariana Grande"),
          ("Gorilla by Little Simz", "gorilla by Little Simz"))
_FILMS = (("Apollo 13", "Apollo thirteen"), ("Ocean's Eleven", "Ocean's Eleven"),
          ("1917", "nineteen seventeen"), ("2001: A Space Odyssey", "two thousand and one"),
          ("Spirited Away", "Spirited Away"), ("The Godfather Part II", "the godfather part two"),
          ("Toy Story 3", "toy story three"), ("Slumdog Millionaire", "slumdog millionaire"),
          ("Jurassic Park", "jurassic park"), ("Se7en", "seven"))
_MODELS = (("SM-G991B", "galaxy s twenty one"), ("WH-1000XM5", "w h one thousand x m five"),
           ("KE-4412", "k e forty four twelve"), ("A2849", "a twenty eight forty nine"),
           ("XPS 13 9310", "x p s thirteen"), ("HD-7720", "h d seventy seven twenty"),
           ("Series 7 watch", "series seven watch"))
_DOSES = (("200mg", "two hundred milligrams"), ("400 mg", "four hundred milligrams"),
          ("2.5ml", "two and a half mils"), ("500mg", "five hundred milligrams"),
          ("10 units", "ten units"), ("1g", "one gram"), ("75mcg", "seventy five micrograms"),
          ("5 ml", "five mils"), ("20mg", "twenty milligrams"), ("0.5mg", "half a milligram"))
_EMERGENCY = (("999", "nine nine nine"), ("112", "one one two"), ("911", "nine one one"),
              ("000", "triple zero"), ("111", "one one one"))
_PLACES = {
    "city": _names("Nairobi, Lisbon, Osaka, Edinburgh, Toronto, Lagos, Kraków, Melbourne, "
                   "Mumbai, Seville, Auckland, Dublin"),
    "country": _names("Spain, the UK, the US, Australia, Kenya, Germany, Portugal, Japan"),
    "road": _names("Oxford Street, Bath Road, the Strand, Princes Street, Ngong Road, "
                   "Fifth Avenue, Abbey Road, Deansgate, Kurfürstendamm, Sunset Boulevard"),
    "hospital": _names("St Thomas' Hospital, Addenbrooke's, the Royal Infirmary, "
                       "Great Ormond Street Hospital, the Mayo Clinic, Groote Schuur, "
                       "Moorfields Eye Hospital, Queen Elizabeth Hospital, Aga Khan Hospital"),
    "shop": _names("Boots, Specsavers, Lidl, Tesco Express, Superdrug, Holland & Barrett, Argos, "
                   "Waterstones, Greggs"),
    "hotel": _names("the Premier Inn, the Hilton, the Ibis, the Marriott, the Travelodge"),
    "row": tuple("ABCDEFGHJK"),
}


def _nhs_number(rng: random.Random) -> str:
    """A ten-digit number with a valid NHS mod-11 check digit: a record, not one of the kinds."""
    while True:
        body = [rng.randint(0, 9) for _ in range(9)]
        check = 11 - sum(d * (10 - i) for i, d in enumerate(body)) % 11
        if check == 11:
            check = 0
        if check != 10:
            digits = "".join(map(str, body)) + str(check)
            return f"{digits[:3]} {digits[3:6]} {digits[6:]}"


def _not_luhn(rng: random.Random, length: int) -> str:
    """A long reference number that fails Luhn, so it is fairly a reference and not a card."""
    while True:
        digits = str(rng.randint(1, 9)) + "".join(rng.choice(string.digits)
                                                  for _ in range(length - 1))
        if not luhn.is_valid(digits):
            return digits


def _decoy_typed(rng: random.Random, slot: str) -> str:
    """A typed non-personal number or name for a negative template's slot."""
    r = rng.randint
    return {
        "order": lambda: rng.choice((f"#{r(100, 999)}-{_not_luhn(rng, 7)}-{r(1000000, 9999999)}",
                                     f"ORD-{r(10000000, 99999999)}", _not_luhn(rng, 10))),
        "track": lambda: rng.choice((f"1Z{_letters(rng, 3)}{r(100, 999)}{_not_luhn(rng, 10)}",
                                     f"{_letters(rng, 2)}{r(100000000, 999999999)}GB",
                                     f"JD{_not_luhn(rng, 16)}")),
        "flight": lambda: f"{rng.choice(('BA', 'EK', 'KL', 'FR', 'QR', 'ET', 'KQ', 'LH'))} "
                          f"{r(1, 2999)}",
        "gate": lambda: f"{rng.choice('ABCDE')}{r(1, 48)}",
        "bookref": lambda: _letters(rng, 2) + str(r(1, 9)) + _letters(rng, 3),
        "invoice": lambda: f"INV-{r(2022, 2026)}-{r(1, 999):04d}",
        "apptref": lambda: f"APT-{r(10000, 99999)}",
        "price": lambda: rng.choice((f"£{r(2, 99)}.{r(0, 99):02d}", f"${r(1000, 4000):,}.00",
                                     f"£{r(5, 300)}", f"₹{r(1000, 9000):,}")),
        "dose": lambda: rng.choice(_DOSES)[0],
        "bp": lambda: f"{r(105, 165)}/{r(60, 100)}",
        "pulse": lambda: str(r(52, 98)),
        "date": lambda: rng.choice((f"{r(1, 28):02d}/{r(1, 12):02d}/{r(2024, 2026)}",
                                    f"{r(1, 28)} {rng.choice(_MONTHS)}",
                                    f"{r(2024, 2026)}-{r(1, 12):02d}-{r(1, 28):02d}")),
        "time": lambda: rng.choice((f"{r(1, 12)}:{rng.choice((0, 15, 30, 45, 10, 50)):02d}",
                                    f"{r(6, 11)}am", f"{r(13, 22)}:{r(0, 59):02d}")),
        "year": lambda: str(r(1954, 2022)),
        "version": lambda: rng.choice((f"{r(1, 19)}.{r(0, 14)}.{r(0, 9)}",
                                       f"v{r(1, 9)}.{r(0, 30)}")),
        "firmware": lambda: f"{r(1, 9)}.{r(0, 12)}.{r(0, 40)}.{r(1, 200)}",
        "model": lambda: rng.choice(_MODELS)[0],
        "seat": lambda: f"{r(1, 45)}{rng.choice('ABCDEF')}",
        "platform": lambda: str(r(1, 16)),
        "room": lambda: str(r(101, 1520)),
        "ward": lambda: f"{r(1, 30)}{rng.choice('ABC')}",
        "bed": lambda: str(r(1, 28)),
        "nhs": lambda: _nhs_number(rng),
        "mrn": lambda: rng.choice((f"MRN {r(10000000, 99999999)}", f"RX{r(1000000, 9999999)}")),
        "bagtag": lambda: f"{_letters(rng, 2)}{r(100000, 999999)}",
        "count": lambda: str(r(2, 12)),
        "steps": lambda: rng.choice(("10,000", "8,500", "12000", "6,000")),
        "minutes": lambda: str(r(5, 90)),
        "hours": lambda: str(rng.choice((4, 6, 8, 12))),
        "days": lambda: str(r(3, 14)),
        "temp": lambda: f"{r(36, 40)}.{r(0, 9)}",
        "emergency": lambda: rng.choice(_EMERGENCY)[0],
        "celeb": lambda: rng.choice(_CELEBRITIES),
        "tune": lambda: rng.choice(_TUNES)[0],
        "film": lambda: rng.choice(_FILMS)[0],
    }.get(slot, lambda: rng.choice(_PLACES[slot]))()


def _say_year(voice: _Voice, year: int) -> str:
    """A year as people say it: "nineteen eighty seven", "two thousand and six", "twenty twelve"."""
    if year == 2000:
        return "two thousand"
    if 2000 < year < 2010:
        return f"two thousand and {_UNITS[year - 2000]}"
    digits = str(year)
    return f"{voice.pair(digits[:2])} {voice.pair(digits[2:])}"


def _decoy_spoken(rng: random.Random, slot: str) -> str:
    """The same kinds of decoys as people say them, with no digit characters."""
    voice = _Voice(rng)
    r = rng.randint

    def said(number: int) -> str:
        return voice.number(str(number))

    return {
        "order": lambda: voice.groups([_not_luhn(rng, 4), _not_luhn(rng, 4)], " "),
        "track": lambda: voice.code(f"{_letters(rng, 2)}{r(10000000, 99999999)}"),
        "flight": lambda: voice.code(f"{rng.choice(('BA', 'EK', 'KL', 'FR', 'QR', 'LH'))}")
                          + " " + said(r(1, 2999)),
        "gate": lambda: f"{rng.choice('abcde')} {said(r(1, 48))}",
        "bookref": lambda: voice.code(_letters(rng, 2) + str(r(1, 9)) + _letters(rng, 3)),
        "invoice": lambda: said(r(1000, 9999)),
        "apptref": lambda: voice.group(str(r(10000, 99999))),
        "price": lambda: rng.choice((f"{said(r(2, 99))} pounds {said(r(10, 99))}",
                                     f"{said(r(11, 99))} hundred dollars",
                                     f"{said(r(5, 300))} pounds", f"{said(r(2, 99))} rupees")),
        "dose": lambda: rng.choice(_DOSES)[1],
        "bp": lambda: f"{said(r(105, 165))} over {said(r(60, 99))}",
        "pulse": lambda: said(r(52, 98)),
        "date": lambda: rng.choice((f"the {rng.choice(_ORDINALS)} of {rng.choice(_MONTHS)}",
                                    f"{rng.choice(_MONTHS)} {rng.choice(_ORDINALS)}")),
        "time": lambda: rng.choice((f"half past {said(r(1, 12))}", f"quarter to {said(r(1, 12))}",
                                    f"{said(r(1, 12))} {said(r(10, 59))}",
                                    f"{said(r(1, 12))} o'clock")),
        "year": lambda: _say_year(voice, r(1954, 2022)),
        "version": lambda: f"{said(r(1, 19))} point {said(r(0, 14))}",
        "firmware": lambda: " point ".join(said(r(0, 12)) for _ in range(4)),
        "model": lambda: rng.choice(_MODELS)[1],
        "seat": lambda: f"{said(r(1, 45))} {rng.choice('abcdef')}",
        "platform": lambda: said(r(1, 16)),
        "room": lambda: said(r(101, 1520)),
        "ward": lambda: f"{said(r(1, 30))} {rng.choice('abc')}",
        "bed": lambda: said(r(1, 28)),
        "nhs": lambda: voice.groups(re.findall(r"\d+", _nhs_number(rng)), ", "),
        "mrn": lambda: voice.groups([str(r(1000, 9999)), str(r(1000, 9999))], " "),
        "bagtag": lambda: voice.code(f"{_letters(rng, 2)}{r(100000, 999999)}"),
        "count": lambda: said(r(2, 12)),
        "steps": lambda: rng.choice(("ten thousand", "eight and a half thousand",
                                     "twelve thousand")),
        "minutes": lambda: said(r(5, 90)),
        "hours": lambda: said(rng.choice((4, 6, 8, 12))),
        "days": lambda: said(r(3, 14)),
        "temp": lambda: f"{said(r(36, 40))} point {said(r(1, 9))}",
        "emergency": lambda: rng.choice(_EMERGENCY)[1],
        "celeb": lambda: rng.choice(_CELEBRITIES),
        "tune": lambda: rng.choice(_TUNES)[1],
        "film": lambda: rng.choice(_FILMS)[1],
    }.get(slot, lambda: rng.choice(_PLACES[slot]))()


# ---------------------------------------------------------------------------------------------
# Filling templates and checking that each label is one the scorer can use.

def _split(template: str) -> str:
    """The half a template belongs to, fixed by its hash so both fills go together."""
    return "heldout" if hashlib.sha256(template.encode()).digest()[0] < 128 else "dev"


def _stored_template(template: str) -> str:
    """The frame as stored: each value slot becomes its kind, decoy slots stay named."""
    return _SLOT.sub(lambda m: "{" + _ALIASES[m.group(1)] + "}", template)


def _dedupe(words: list[str]) -> list[str]:
    """Words in order, each once regardless of case."""
    seen, out = set(), []
    for word in words:
        if word.lower() not in seen:
            seen.add(word.lower())
            out.append(word)
    return out


def _value(kind: str, surface: str, canonical: str, words: list[str], form: str) -> dict:
    """A labelled value; its digits are read from the surface by the labelling rule."""
    digits = re.sub(r"\D", "", surface) if form == "typed" else spoken_digits(surface)
    return {"kind": kind, "surface": surface, "canonical": canonical, "digits": digits,
            "words": _dedupe(words)}


def _clean(text: str, context: str, values: list[dict], form: str) -> bool:
    """Whether a fill can be scored exactly: every value found once, nothing left in context."""
    if form == "spoken" and re.search(r"\d", text):
        return False
    for value in values:
        surface = value["surface"]
        if text.count(surface) != 1 or surface != surface.strip():
            return False
        if form == "typed" and _NUMBER_WORDS.search(surface):
            return False
        if value["kind"] in ("person_name", "email", "street_address") and not value["words"]:
            return False
        for word in value["words"]:
            if not _has_word(word, surface) or not _has_word(word, text) \
                    or _has_word(word, context):
                return False
    counted = _digit_count(context) + sum(_digit_count(v["surface"]) for v in values)
    return _digit_count(text) == counted


def _attempt(template: str, form: str, rng: random.Random) -> tuple[str, str, list[dict]]:
    """One fill of a data template: the sentence, its context and its values."""
    text = context = ""
    values, state, at = [], {}, 0
    for match in _SLOT.finditer(template):
        text += template[at:match.start()]
        context += template[at:match.start()]
        kind = _ALIASES[match.group(1)]
        surface, canonical, words = _RENDERERS[kind](rng, match.group(2) or "", form, state)
        text += surface
        context += " "
        values.append(_value(kind, surface, canonical, words, form))
        at = match.end()
    return text + template[at:], context + template[at:], values


def _item(text: str, form: str, template: str, context: str, values: list[dict]) -> dict:
    """One line of the set, keys in the documented order; the id is added at the end."""
    stored = _stored_template(template)
    return {"text": text, "form": form, "split": _split(stored), "source": SOURCE,
            "template": stored, "context": context, "values": values}


def _fill(template: str, form: str, rng: random.Random, seen: set[str]) -> dict:
    """A clean, new fill of a data template; draws again until every label is exact."""
    for _ in range(400):
        try:
            text, context, values = _attempt(template, form, rng)
        except _Retry:
            continue
        if text not in seen and _clean(text, context, values, form):
            seen.add(text)
            return _item(text, form, template, context, values)
    raise RuntimeError(f"cannot fill {template!r}")


def _fill_negative(template: str, form: str, rng: random.Random, seen: set[str]) -> dict:
    """A new fill of a negative template, its slots filled with decoys of the right form."""
    decoy = _decoy_typed if form == "typed" else _decoy_spoken
    for _ in range(400):
        text = _DECOY_SLOT.sub(lambda m: decoy(rng, m.group(1)), template)
        if text in seen or (form == "spoken" and re.search(r"\d", text)):
            continue
        seen.add(text)
        return _item(text, form, template, text, [])
    raise RuntimeError(f"cannot fill {template!r}")


def build() -> list[dict]:
    """Every item of the set, in a fixed order, from one seeded generator."""
    rng = random.Random(SEED)
    seen: set[str] = set()
    items = []
    for form, templates in (("typed", _TYPED), ("spoken", _SPOKEN)):
        for template in templates:
            items += [_fill(template, form, rng, seen) for _ in range(DATA_FILLS)]
    for form, templates in (("typed", _TYPED_NEGATIVE), ("spoken", _SPOKEN_NEGATIVE)):
        for template in templates:
            items += [_fill_negative(template, form, rng, seen) for _ in range(NEGATIVE_FILLS)]
    for number, item in enumerate(items):
        item["id"] = f"{SOURCE}-{number:04d}"
    return items


def render(items: list[dict]) -> str:
    """The file's text: one JSON object a line."""
    return "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items)


def main() -> None:
    """Write the set to DATA_FILE."""
    items = build()
    DATA_FILE.write_text(render(items), encoding="utf-8")
    print(f"wrote {len(items)} items to {DATA_FILE}")


if __name__ == "__main__":
    main()

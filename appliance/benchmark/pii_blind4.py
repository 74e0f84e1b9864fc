"""Blind set 4: labelled sentences with personal data, written without sight of the masker.

Why it exists:
    The masker's own corpus and the earlier blind sets could have been tuned against. This set
    is an independent measurement: its author never read the masker's code, its recall test,
    its benchmark results, its corpus templates or the earlier blind sets, so what it finds
    missed is what real users say and the masker was never shaped around.

What it covers:
    Everyday voice-assistant requests that name a person with no cue word (reminders, calendar,
    messages, shopping lists, navigation, family talk, "did X reply?"), with names from Yoruba,
    Igbo, Akan, Kenyan, Vietnamese, Korean, Chinese, Arabic, Turkish, Polish, Hungarian,
    Finnish, Nordic, German, Dutch, Greek, Brazilian, Mexican, Maori, Hawaiian, Irish,
    Scottish, Welsh, Hindi, Tamil, Bengali, Filipino and Thai lists, hyphenated and
    multi-part names, names in small letters and names that are also words (Hope, Frank).
    Addresses of twenty shapes (US with unit and ZIP+4, Canada, UK, Irish Eircodes, German,
    Dutch, French, Spanish, Italian, Nordic, Japanese blocks, Brazil, Mexico, Kenya, Nigeria,
    Poland, Hungary, Turkey, Korea, Vietnam, the Philippines, Thailand) and house number plus
    street alone, said for rides, deliveries, parties and returned parcels. Cards with expiry
    and CVV beside them, phones of 34 regions with extensions, e-mails with dots,
    underscores, digits, plus tags and country domains, IBANs of 22 countries, SSNs and
    IPv4/IPv6 addresses. Hard negatives look like data and are not: order, tracking, flight,
    booking and invoice numbers, prices, quantities, times, dates, versions, model numbers,
    scores, famous people, brands, cities and streets without a house number.

Labelling rules:
    "typed" sentences hold numbers as digits (as typed, or as Whisper writes speech down);
    "spoken" sentences hold no digit at all. A value's `surface` is exactly its text in the
    sentence and `context` is the sentence with each surface replaced by one space, so every
    other number (prices, times, expiry dates, CVVs, phone extensions) stays in the context.
    `digits` are all digits the surface holds, said as words or written ("double oh" is 00,
    "twenty one" is 21, "hundred" appends 00, "thousand" 000). `words` are the tokens that
    identify the value and must not survive masking: names, e-mail local part and domain name
    pieces, street names, towns, state and province names, postcode tokens and IBAN bank
    letters; never generic words (street, rue, apartment, dot, com), single letters,
    particles (van, da, Al) or state abbreviations, and only tokens that stand in the
    sentence as whole tokens or spelled letter by letter and are absent from the context.
    Extensions, expiry dates and CVVs are context, not part of the value. Famous people asked
    about in general-knowledge questions are public, so they are not personal data.
    A template goes to "heldout" when the first byte of its SHA-256 is below 128, so both
    fillings of a frame always land in the same split.
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import random
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType
from stdnum import iban as stdnum_iban
from stdnum import luhn
from stdnum.us import ssn as stdnum_ssn

DATA_FILE = Path(__file__).resolve().parents[2] / "tests" / "governance" / "pii_blind4.jsonl"
SOURCE = "blind4"
KINDS = ("card", "us_ssn", "phone", "email", "iban", "ip_address", "street_address", "person_name")
SEED = 4_2024_0404
FILLS = 2
ATTEMPTS = 200

# --------------------------------------------------------------------------- numbers in words

ONES = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen")
TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
ZERO_WORDS = ("oh", "zero", "nought")
DIGITS = "0123456789"


def say_pair(pair: str) -> str:
    """Two digits as said in a pair, so cards and years can be read the way people do."""
    tens, unit = int(pair[0]), int(pair[1])
    if tens == 0:
        return "double oh" if unit == 0 else f"oh {ONES[unit]}"
    if tens == 1:
        return TEENS[unit]
    return TENS[tens] if unit == 0 else f"{TENS[tens]} {ONES[unit]}"


def say_each(digits: str, rng: random.Random, zero: str = "oh") -> str:
    """Digits one by one with "double" and "triple" for runs, as phone numbers are read out."""
    words, i = [], 0
    while i < len(digits):
        digit, run = digits[i], 1
        while i + run < len(digits) and digits[i + run] == digit and run < 3:
            run += 1
        word = zero if digit == "0" else ONES[int(digit)]
        if run == 3 and rng.random() < 0.5:
            words.append(f"triple {word}")
        elif run >= 2 and rng.random() < 0.6:
            run = 2
            words.append(f"double {word}")
        else:
            run = 1
            words.append(word)
        i += run
    return " ".join(words)


def say_pairs(digits: str) -> str:
    """A group read in pairs: 4539 is "forty five thirty nine", 1100 "eleven hundred"."""
    head = ""
    if len(digits) % 2:
        head, digits = ("oh" if digits[0] == "0" else ONES[int(digits[0])]), digits[1:]
    pairs = [digits[i:i + 2] for i in range(0, len(digits), 2)]
    words = [say_pair(p) for p in pairs]
    if not head and len(pairs) == 2 and pairs[1] == "00" and pairs[0][0] != "0":
        words = [words[0], "hundred"]
    return " ".join(w for w in (head, *words) if w)


def say_number(digits: str) -> str:
    """A house, flat or street number as said: 221 "two twenty one", 2000 "two thousand"."""
    value = int(digits)
    if digits != str(value) or value >= 10000:
        return " ".join("oh" if d == "0" else ONES[int(d)] for d in digits)
    if value < 10:
        return ONES[value]
    if value < 100:
        return say_pair(digits)
    if value < 1000:
        hundreds, rest = divmod(value, 100)
        if rest == 0:
            return f"{ONES[hundreds]} hundred"
        return f"{ONES[hundreds]} {say_pair(digits[1:])}"
    if value % 1000 == 0:
        return f"{ONES[value // 1000]} thousand"
    return say_pairs(digits)


def say_group(digits: str, rng: random.Random) -> str:
    """One group of a long number, read one by one or in pairs, as different people do."""
    if len(digits) in (2, 4) and rng.random() < 0.4:
        return say_pairs(digits)
    return say_each(digits, rng, zero=rng.choice(("oh", "oh", "oh", "zero")))


def spell(word: str) -> str:
    """Letters spelled out with single spaces, the way a name is spelled on the phone."""
    return " ".join(ch.upper() for ch in word if ch.isalnum())


def say_code(code: str, rng: random.Random, house: bool = False) -> str:
    """An alphanumeric code (postcode, flat, IBAN group): letters spelled, numbers said.

    House and flat numbers ("44A") are said as numbers; codes mostly digit by digit.
    """
    parts = []
    for run in re.findall(r"\d+|[^\W\d_]+", code):
        if run.isdigit():
            natural = run[0] != "0" and (house or (len(run) <= 2 and rng.random() < 0.4))
            parts.append(say_number(run) if natural else say_each(run, rng))
        else:
            parts.append(spell(run))
    return " ".join(parts)


def spoken_digits(text: str) -> str:
    """The digits a spoken phrase holds under the labelling rule (commas end a number)."""
    tokens = re.findall(r"[a-z]+|[,.;:!?]", text.lower())
    digits, i = [], 0
    while i < len(tokens):
        token = tokens[i]
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        if token in ZERO_WORDS:
            digits.append("0")
        elif token in ONES[1:]:
            digits.append(str(ONES.index(token)))
        elif token in TEENS:
            digits.append(str(10 + TEENS.index(token)))
        elif token in TENS[2:]:
            if following in ONES[1:]:
                digits.append(f"{TENS.index(token)}{ONES.index(following)}")
                i += 1
            else:
                digits.append(f"{TENS.index(token)}0")
        elif token in ("double", "triple") and (following in ZERO_WORDS or following in ONES):
            digit = "0" if following in ZERO_WORDS else str(ONES.index(following))
            digits.append(digit * (2 if token == "double" else 3))
            i += 1
        elif token == "hundred":
            digits.append("00")
        elif token == "thousand":
            digits.append("000")
        i += 1
    return "".join(digits)


def typed_digits(text: str) -> str:
    """The digit characters of a typed surface, in order."""
    return re.sub(r"\D", "", text)


def has_word(word: str, text: str) -> bool:
    """Whether `word` stands in `text` as a whole token or spelled letter by letter."""
    spelled = r"\s".join(re.escape(ch) for ch in word)
    pattern = rf"(?<![\w]){re.escape(word)}(?![\w])"
    if len(word) >= 3:
        pattern += rf"|(?<![\w]){spelled}(?![\w])"
    return re.search(pattern, text, re.IGNORECASE) is not None


_FOLD = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "ı": "i", "đ": "d",
                       "Đ": "D", "æ": "ae", "Æ": "Ae", "ð": "d", "þ": "th"})


def fold(text: str) -> str:
    """Drop diacritics, as Whisper often does when it writes a foreign name down."""
    text = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def _rand_digits(rng: random.Random, count: int) -> str:
    return "".join(rng.choice(DIGITS) for _ in range(count))


# --------------------------------------------------------------------------- values


@dataclass
class Value:
    """One personal value, rendered both typed and spoken so either form can carry it."""

    kind: str
    typed: str
    spoken: str
    canonical: str
    said: str  # the digits the spoken surface must hold
    candidates: tuple[str, ...] = ()


@dataclass
class Person:
    """A person drawn from one culture's lists, so given name and surname belong together."""

    given: str
    surname: str
    long: str


# Particles and generic tokens never count as identifying words.
PARTICLES = frozenset("da de do dos das van der den von ó ní mac nic dela ap al el bin te".split())
GENERIC = frozenset("""
street st road rd avenue ave drive dr lane ln way court ct place pl crescent close terrace
boulevard blvd circle trail grove gardens mews lawn park heights apt apartment unit flat suite
floor door block blk lot plot house room rue allée impasse bis calle carrer avenida via viale
corso piazza rua apto col colonia int interior no número number de del la las los le les des du
di dei della da do dos das the of and co county north south east west ouest est nord sud island
city village estate homes site box po ku gu ro daero gil dong to machi chome suji soi moo nuea
thanon mueang caddesi sokak bulvarı mah daire út utca ul m gate gata gatan allé tie katu lgh tv
straße strasse weg allee am an im hẻm số ngõ phường quận thành phố tp centro barrio cep saint
sainte san santa são święty new fort piso puerta interno em emelet ap sector bóthar na bp
""".split())
EMAIL_GENERIC = frozenset("com org net co uk de fr me it pl br nz ie fi hu mx ng ke kr vn at dot "
                          "web orange mail family example".split())


def _tokens(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def _word_candidates(*texts: str, generic: frozenset[str] = GENERIC) -> tuple[str, ...]:
    """Identifying tokens of some texts: no digits-only, single letters or generic words."""
    out = []
    for text in texts:
        for token in _tokens(text):
            low = token.lower()
            if len(token) >= 2 and not token.isdigit() and low not in generic:
                if low not in PARTICLES and low not in ONES and token not in out:
                    out.append(token)
    return tuple(out)


# ---- people

def _c(givens: str, surnames: str, style: str) -> tuple[list[str], list[str], str]:
    return givens.split(", "), surnames.split(", "), style


CULTURES = {
    "yoruba": _c("Oluwaseun, Adebayo, Folake, Titilayo, Oluwadamilare, Yetunde, Babatunde, "
                 "Morenike",
                 "Adeyemi, Ogunleye, Balogun, Olatunji, Akinola, Adebisi, Oyelaran", "middle"),
    "igbo": _c("Chidinma, Nkechi, Obinna, Chukwuemeka, Ifeoma, Ngozi, Ikenna, Nnamdi",
               "Okonkwo, Nwachukwu, Okafor, Ezeani, Nwosu, Obiora, Anyanwu", "middle"),
    "akan": _c("Kwame, Akosua, Kofi, Efua, Yaw, Abena", "Mensah, Asante, Boateng, Owusu, Appiah, "
               "Ofori", "middle"),
    "kenyan": _c("Wanjiru, Otieno, Achieng, Kamau, Njeri, Baraka", "Mwangi, Kariuki, Odhiambo, "
                 "Wambui, Kiprono, Chebet", "middle"),
    "vietnamese": _c("Minh Anh, Thanh Huong, Quang, Bao Ngoc, Linh, Tuan, Phuong",
                     "Nguyen, Tran, Pham, Hoang, Vu, Dang, Bui", "east"),
    "korean": _c("Ji-woo, Min-jun, Seo-yeon, Hyun-woo, Ha-eun, Jae-won, Soo-ah",
                 "Kim, Park, Choi, Jung, Kang, Yoon, Lim", "east"),
    "chinese": _c("Wei, Jing, Xiuying, Zhiwei, Yuxuan, Haoran, Meiling",
                  "Wang, Zhang, Liu, Chen, Zhou, Huang, Xu", "east"),
    "arabic": _c("Youssef, Fatima, Omar, Layla, Khalid, Mariam, Hamza, Noor",
                 "Al-Masri, Haddad, Khoury, Abdullah, El-Amin, Nasser, Mansour", "middle"),
    "turkish": _c("Emre, Elif, Mehmet, Zeynep, Burak, Ayşe, Oğuz, Selin",
                  "Yılmaz, Kaya, Demir, Şahin, Çelik, Aydın, Öztürk", "middle"),
    "polish": _c("Katarzyna, Wojciech, Agnieszka, Łukasz, Małgorzata, Krzysztof, Zofia",
                 "Kowalski, Wiśniewska, Nowak, Wójcik, Kamińska, Lewandowski, Zielińska", "middle"),
    "hungarian": _c("Zsófia, Bence, Eszter, Levente, Réka, Gergő, Dóra",
                    "Nagy, Kovács, Szabó, Tóth, Horváth, Varga, Farkas", "east"),
    "finnish": _c("Aino, Eero, Sanna, Juha, Kaisa, Tuomas, Ilmari",
                  "Virtanen, Korhonen, Mäkinen, Nieminen, Hämäläinen, Laine, Heikkinen", "middle"),
    "nordic": _c("Ingrid, Solveig, Henrik, Sigrid, Torbjørn, Astrid",
                 "Halvorsen, Johansen, Bakke, Lindqvist, Sørensen, Haugland", "middle"),
    "german": _c("Anneliese, Friedrich, Liesel, Jannik, Birgit, Wolfgang",
                 "Schreiber, Hoffmann, Brandt, Schäfer, Kühn, Vogel", "middle"),
    "dutch": _c("Sanne, Joost, Maarten, Femke, Thijs, Lieke",
                "van der Berg, de Vries, Bakker, Visser, van Dijk, Jansen", "middle"),
    "greek": _c("Eleni, Dimitrios, Katerina, Giorgos, Vasiliki, Panagiotis",
                "Papadopoulos, Georgiou, Nikolaidis, Karagiannis, Vlachou", "middle"),
    "brazilian": _c("João, Luana, Thiago, Gabriela, Rafaela, Mateus, Thaís",
                    "da Silva, Oliveira, Santos, Pereira, Carvalho, de Souza, Rodrigues", "double"),
    "mexican": _c("Ximena, Alejandro, Guadalupe, Itzel, Santiago, Fernanda, Jesús",
                  "Hernández, García-López, Ramírez, Torres, Cruz, Mendoza, Villaseñor", "double"),
    "maori": _c("Aroha, Tāne, Wiremu, Mere, Hēmi, Ngaio, Rāwiri",
                "Parata, Ngata, Tamihana, Horomona, Tipene, Karaka, Te Rangi", "middle"),
    "hawaiian": _c("Kalani, Leilani, Keoni, Mahina, Kekoa, Noelani, Makoa",
                   "Kahananui, Akana, Kealoha, Kamakau, Nakoa, Kahale", "middle"),
    "irish": _c("Siobhan, Caoimhe, Niamh, Oisín, Tadhg, Saoirse, Ruairí",
                "Ó Súilleabháin, Ní Dhomhnaill, Mac Cárthaigh, O'Donoghue, Breathnach, Ó Briain",
                "middle"),
    "scottish": _c("Eilidh, Iain, Morag, Ruaridh, Catriona, Hamish, Kirsty",
                   "MacLeod, Fraser, Urquhart, Macdonald, Sinclair, Munro, McAllister", "middle"),
    "welsh": _c("Rhiannon, Dafydd, Cerys, Gruffydd, Angharad, Iolo, Bethan",
                "Llewellyn, ap Rhys, Pritchard, Vaughan, Prosser, Bowen", "middle"),
    "hindi": _c("Priya, Rohan, Aditi, Vikram, Ananya, Rahul, Kavita",
                "Sharma, Verma, Agarwal, Chaturvedi, Mishra, Joshi, Srivastava", "middle"),
    "tamil": _c("Karthik, Meenakshi, Senthil, Lakshmi, Arun, Yazhini, Murugan",
                "Subramanian, Ramasamy, Venkatesan, Krishnan, Palaniappan, Annamalai", "middle"),
    "bengali": _c("Sourav, Rituparna, Arnab, Tanushree, Debashish, Mousumi, Anirban",
                  "Chatterjee, Banerjee, Mukherjee, Bhattacharya, Ganguly, Chowdhury", "middle"),
    "filipino": _c("Jericho, Luzviminda, Rizalino, Maricel, Jomar, Divina, Bayani",
                   "dela Cruz, Macapagal, Villanueva, Bautista, Dimaculangan, Mercado", "middle"),
    "thai": _c("Somchai, Nattaya, Kittipong, Siriporn, Anong, Thanawat, Ploy",
               "Srisuk, Chaiyaporn, Wongsawat, Rattanakorn, Sukprasert, Phromma", "middle"),
}
CULTURE_NAMES = tuple(CULTURES)
# Given names that are also ordinary English words; templates make clear they are people.
WORD_NAMES = ("Hope", "Summer", "Frank", "Bill", "Rose", "Jack", "Amber", "Victor", "Grace",
              "Faith", "Penny", "Joy", "Dawn", "Sandy", "Hunter", "Autumn", "Honey", "Sunny")
WORD_SURNAMES = ("Whitfield", "Abernathy", "Castellano", "Delacroix", "Pennington", "Ashby",
                 "Holloway", "Okoro", "Lindgren", "Marchetti")
VIET_MIDDLES = ("Thi", "Van", "Duc", "Minh", "Ngoc")


def _long_name(rng: random.Random, culture: str, given: str, surname: str) -> str:
    """A three-part name in the culture's own shape (middle name, two surnames, family first)."""
    givens, surnames, style = CULTURES[culture]
    if style == "double":
        other = rng.choice([s for s in surnames if s != surname])
        return f"{given} {surname} {other}"
    if style == "east":
        if culture == "vietnamese":
            return f"{surname} {rng.choice(VIET_MIDDLES)} {given}"
        if culture == "hungarian":
            return f"{surname} {given} {rng.choice([g for g in givens if g != given])}"
        return f"{surname} {given}"
    middle = rng.choice([g for g in givens if g != given])
    return f"{given} {middle} {surname}"


def _person(rng: random.Random, style: str) -> Person:
    """Draw a person; "multi" insists on a hyphenated, particle or multi-part name."""
    if style == "wordname":
        given, surname = rng.choice(WORD_NAMES), rng.choice(WORD_SURNAMES)
        return Person(given, surname, f"{given} {surname}")
    while True:
        culture = rng.choice(CULTURE_NAMES)
        givens, surnames, _ = CULTURES[culture]
        given, surname = rng.choice(givens), rng.choice(surnames)
        if style != "multi" or re.search(r"[ '\-]", given + surname):
            return Person(given, surname, _long_name(rng, culture, given, surname))


def _spelled_name(rng: random.Random, person: Person) -> tuple[str, str]:
    """A name followed by its spelling, as people dictate an unusual name: (surface, canonical)."""
    if rng.random() < 0.5 and re.fullmatch(r"[A-Za-z]{3,}", fold(person.surname)):
        full = f"{person.given} {person.surname}"
        return f"{fold(full)}, {spell(fold(person.surname))}", full
    plain = fold(person.given)
    return f"{plain}, {spell(plain)}", person.given


def make_name(rng: random.Random, style: str) -> tuple[Value, Person]:
    """A person's name in the requested shape, typed and spoken."""
    person = _person(rng, style)
    shape = rng.choice(("first", "full", "full", "full3")) if style == "any" else style
    text = {"first": person.given, "full": f"{person.given} {person.surname}",
            "full3": person.long, "multi": f"{person.given} {person.surname}",
            "wordname": rng.choice((person.given, person.given, person.long))}.get(
        shape, f"{person.given} {person.surname}")
    spoken = fold(text) if rng.random() < 0.35 else text
    canonical = text
    if shape == "spelled":
        spoken, canonical = _spelled_name(rng, person)
        text = canonical
    candidates = _word_candidates(text, spoken, generic=frozenset())
    return Value("person_name", text, spoken, canonical, "", candidates), person


# ---- addresses


@dataclass(frozen=True)
class Seg:
    """A piece of an address: its typed text, its spoken text and the words it identifies by."""

    typed: str
    spoken: str
    words: tuple[str, ...] = ()


CUT = Seg("", "", ("<cut>",))  # where house number and street end, for partial addresses


def _t(text: str, spoken: str | None = None) -> Seg:
    return Seg(text, text if spoken is None else spoken)


def _w(text: str, spoken: str | None = None) -> Seg:
    said = text if spoken is None else spoken
    return Seg(text, said, _word_candidates(text, said))


def _n(rng: random.Random, digits: str, mode: str = "house") -> Seg:
    said = say_number(digits) if mode == "house" else say_group(digits, rng)
    return Seg(digits, said)


def _code(rng: random.Random, code: str, word: bool = True) -> Seg:
    words = (code,) if word and len(code) >= 2 and re.search(r"[A-Za-z]", code) else ()
    return Seg(code, say_code(code, rng, house=not word), words)


def _named(rng: random.Random, text: str, spoken: str | None = None) -> list[Seg]:
    """A street or area name that may hold a number ("Calle 60", "Wuse 2", "Quận 3")."""
    said = spoken or text
    if not re.search(r"\d", text):
        return [_w(text, said)]
    segs = []
    for part, said_part in zip(re.split(r"(\d+)", text), re.split(r"(\d+)", said), strict=True):
        if part.isdigit():
            segs.append(_n(rng, part))
        elif part:
            segs.append(_w(part, said_part))
    return segs


def _house(rng: random.Random, top: int = 9999) -> str:
    """House numbers skew small, as they do on real streets."""
    roll = rng.random()
    if roll < 0.4 or top < 100:
        return str(rng.randint(1, min(99, top)))
    if roll < 0.8 or top < 1000:
        return str(rng.randint(100, min(999, top)))
    return str(rng.randint(1000, top))


def _maybe_fold(rng: random.Random, text: str) -> str:
    return fold(text) if rng.random() < 0.4 else text


US_STREETS = ("Maple Ridge", "Juniper Hollow", "Whitcomb", "Tamarack", "Larkspur", "Bellflower",
              "Cottonwood Creek", "Sagebrush", "Hawthorne", "Persimmon", "Magnolia Bend",
              "Wexford", "Chickasaw", "Sycamore Knoll", "Alder Glen", "Pinecrest")
US_TYPES = ("Drive", "Lane", "Avenue", "Street", "Court", "Way", "Boulevard", "Place", "Terrace",
            "Circle", "Road", "Trail")
# (town, state, abbreviation, ZIP prefix); no abbreviation where it is an English word or "OH".
US_TOWNS = (("Columbus", "Ohio", "", "432"), ("Boise", "Idaho", "ID", "837"),
            ("Tacoma", "Washington", "WA", "984"), ("Albuquerque", "New Mexico", "NM", "871"),
            ("Savannah", "Georgia", "GA", "314"), ("Duluth", "Minnesota", "MN", "558"),
            ("Chattanooga", "Tennessee", "TN", "374"), ("Eugene", "Oregon", "", "974"),
            ("Flagstaff", "Arizona", "AZ", "860"), ("Burlington", "Vermont", "VT", "054"),
            ("Lafayette", "Louisiana", "LA", "705"), ("Ann Arbor", "Michigan", "MI", "481"),
            ("Bozeman", "Montana", "MT", "597"), ("Asheville", "North Carolina", "NC", "288"),
            ("Tulsa", "Oklahoma", "", "741"), ("Fort Collins", "Colorado", "CO", "805"))


def _us_unit(rng: random.Random) -> list[Seg]:
    label, said = rng.choice(((", Apt ", ", apartment "), (", Apt. ", ", apartment "),
                              (" #", ", number "), (", Unit ", ", unit ")))
    unit = rng.choice((str(rng.randint(1, 40)), f"{rng.randint(1, 9)}{rng.choice('ABCDEF')}",
                       str(rng.randint(101, 412))))
    return [_t(label, said), _code(rng, unit, word=False)]


def addr_us(rng: random.Random, mods: set[str]) -> list[Seg]:
    """A US address, sometimes with a unit, state name or abbreviation, and ZIP+4."""
    town, state, abbr, zip_prefix = rng.choice(US_TOWNS)
    segs = [_n(rng, _house(rng)), _t(" "), _w(rng.choice(US_STREETS)),
            _t(f" {rng.choice(US_TYPES)}"), CUT]
    if "unit" in mods or rng.random() < 0.2:
        segs += _us_unit(rng)
    segs += [_t(", "), _w(town), _t(", ")]
    if abbr and rng.random() < 0.6:
        segs.append(Seg(abbr, state, _word_candidates(state)))
    else:
        segs.append(_w(state))
    segs += [_t(" "), _n(rng, zip_prefix + _rand_digits(rng, 2), "code")]
    if "zip4" in mods:
        segs += [_t("-", ", "), _n(rng, _rand_digits(rng, 4), "code")]
    return segs


CA_PLACES = (("Toronto", "Ontario", "ON", "M"), ("Ottawa", "Ontario", "ON", "K"),
             ("Hamilton", "Ontario", "ON", "L"), ("Vancouver", "British Columbia", "BC", "V"),
             ("Edmonton", "Alberta", "AB", "T"), ("Halifax", "Nova Scotia", "NS", "B"),
             ("Winnipeg", "Manitoba", "MB", "R"), ("Saskatoon", "Saskatchewan", "SK", "S"),
             ("Montréal", "Québec", "QC", "H"))
CA_STREETS = ("Bathurst Street", "Lakeshore Road", "Ravine Crescent", "Tecumseh Road",
              "Portage Avenue", "Whyte Avenue", "Spadina Avenue", "Dufferin Street",
              "Quinpool Road", "Wellington Crescent")
QC_STREETS = ("rue Beaubien Est", "avenue Laurier Ouest", "boulevard Rosemont", "rue Fleury Est",
              "avenue Papineau")
POSTCODE_LETTERS = "ABCEGHJKLMNPRSTVWXYZ"


def addr_ca(rng: random.Random, mods: set[str]) -> list[Seg]:
    """A Canadian address; Québec writes "1820, rue Fleury", others "1204-55 Bathurst Street"."""
    town, province, abbr, first = rng.choice(CA_PLACES)
    house = _house(rng, 4999)
    if abbr == "QC":
        segs = [_n(rng, house), _t(", ", " "), _w(rng.choice(QC_STREETS)), CUT]
        if rng.random() < 0.5:
            segs += [_t(", app. ", ", apartment "), _n(rng, str(rng.randint(1, 12)))]
    elif rng.random() < 0.4:
        segs = [_n(rng, str(rng.randint(101, 2408))), _t("-", ", "), _n(rng, house), _t(" "),
                _w(rng.choice(CA_STREETS)), CUT]
    else:
        segs = [_n(rng, house), _t(" "), _w(rng.choice(CA_STREETS)), CUT]
    segs += [_t(", "), _w(town), _t(", ")]
    segs.append(Seg(abbr, province, _word_candidates(province)) if rng.random() < 0.6
                else _w(province))
    fsa = f"{first}{rng.randint(1, 9)}{rng.choice(POSTCODE_LETTERS)}"
    ldu = f"{rng.randint(0, 9)}{rng.choice(POSTCODE_LETTERS)}{rng.randint(0, 9)}"
    return segs + [_t(" "), _code(rng, fsa), _t(" ", ", "), _code(rng, ldu)]


UK_STREETS = ("Cranbrook", "Wellesley", "Tollgate", "Pembury", "Hencroft", "Blenheim",
              "Ravensworth", "Kingsdown", "Ashburnham", "Fernhill", "Coldharbour", "Whinmoor")
UK_TYPES = ("Road", "Grove", "Close", "Avenue", "Street", "Crescent", "Terrace", "Gardens",
            "Lane", "Mews")
UK_TOWNS = (("Ilford", "IG"), ("Leeds", "LS"), ("Cardiff", "CF"), ("Bristol", "BS"),
            ("Norwich", "NR"), ("York", "YO"), ("Derby", "DE"), ("Swindon", "SN"),
            ("Glasgow", "G"), ("Brighton", "BN"), ("Exeter", "EX"), ("Sheffield", "S"))
UK_INWARD = "ABDEFGHJLNPQRSTUWXYZ"


def addr_uk(rng: random.Random, mods: set[str]) -> list[Seg]:
    """A UK address: optional flat, number and street, town and full postcode."""
    town, area = rng.choice(UK_TOWNS)
    segs = []
    if rng.random() < 0.3:
        flat = rng.choice((str(rng.randint(1, 12)), f"{rng.randint(1, 4)}{rng.choice('ABC')}"))
        segs += [_t("Flat ", "flat "), _code(rng, flat, word=False), _t(", ")]
    segs += [_n(rng, _house(rng, 400)), _t(" "), _w(rng.choice(UK_STREETS)),
             _t(f" {rng.choice(UK_TYPES)}"), CUT, _t(", "), _w(town), _t(" ", ", ")]
    outward = f"{area}{rng.randint(1, 28)}"
    inward = f"{rng.randint(1, 9)}{rng.choice(UK_INWARD)}{rng.choice(UK_INWARD)}"
    return segs + [_code(rng, outward), _t(" ", ", "), _code(rng, inward)]


IE_PLACES = (("Ballincollig", "Cork", "P31"), ("Ennis", "Clare", "V95"),
             ("Castlebar", "Mayo", "F23"), ("Navan", "Meath", "C15"),
             ("Rathmines", "Dublin", "D06"), ("Tralee", "Kerry", "V92"),
             ("Athlone", "Westmeath", "N37"), ("Letterkenny", "Donegal", "F92"))
IE_ESTATES = ("Ashgrove Lawn", "Meadowbrook Park", "Cnoc na Gréine", "Oakfield Drive",
              "Glenville Heights", "Ard Aoibhinn", "Cois Abhann", "Sruthán Close")
EIRCODE_CHARS = "0123456789ACDEFHKNPRTVWXY"


def addr_ie(rng: random.Random, mods: set[str]) -> list[Seg]:
    """An Irish address ending in an Eircode (routing key plus a unique identifier)."""
    town, county, key = rng.choice(IE_PLACES)
    unique = rng.choice("ACDEFHKNPRTVWXY") + "".join(rng.choice(EIRCODE_CHARS) for _ in range(3))
    segs = [_n(rng, str(rng.randint(1, 160))), _t(" "), _w(rng.choice(IE_ESTATES)), CUT,
            _t(", "), _w(town), _t(", ")]
    segs.append(_t("Co. ", "County ") if rng.random() < 0.6 else _t("County "))
    return segs + [_w(county), _t(", "), _code(rng, key), _t(" ", ", "), _code(rng, unique)]


DE_STREETS = ("Lindenstraße", "Schillerstraße", "Gneisenaustraße", "Kastanienallee",
              "Bergmannstraße", "Eichendorffweg", "Rosenheimer Straße", "Am Weidendamm",
              "Sonnenallee", "Tulpenweg")
DE_TOWNS = (("Berlin", "10"), ("Berlin", "12"), ("Leipzig", "04"), ("Köln", "50"),
            ("Freiburg", "79"), ("Münster", "48"), ("Bremen", "28"), ("Dresden", "01"),
            ("Kassel", "34"))


def addr_de(rng: random.Random, mods: set[str]) -> list[Seg]:
    """A German address: street, then number (sometimes "7a"), then PLZ and town."""
    street = rng.choice(DE_STREETS)
    town, plz = rng.choice(DE_TOWNS)
    house = _house(rng, 220) + (rng.choice("abc") if rng.random() < 0.2 else "")
    segs = [_w(street, fold(street) if rng.random() < 0.5 else street), _t(" "),
            _code(rng, house, word=False), CUT, _t(", ")]
    return segs + [_n(rng, plz + _rand_digits(rng, 3), "code"), _t(" "), _w(town)]


NL_STREETS = ("Prinsengracht", "Herengracht", "Vondelstraat", "Zwanestraat",
              "Witte de Withstraat", "Oudegracht", "Biltstraat", "Lange Voorhout")
NL_TOWNS = (("Amsterdam", "10"), ("Rotterdam", "30"), ("Utrecht", "35"), ("Groningen", "97"),
            ("Haarlem", "20"), ("Eindhoven", "56"), ("Leiden", "23"), ("Den Haag", "25"))
NL_LETTERS = "ABCEGHJKLMNPRTVWXZ"


def addr_nl(rng: random.Random, mods: set[str]) -> list[Seg]:
    """A Dutch address: "Prinsengracht 263-1, 1016 GV Amsterdam"."""
    town, prefix = rng.choice(NL_TOWNS)
    segs = [_w(rng.choice(NL_STREETS)), _t(" "), _n(rng, _house(rng, 600))]
    roll = rng.random()
    if roll < 0.3:
        segs += [_t("-", " dash "), _n(rng, str(rng.randint(1, 4)))]
    elif roll < 0.5:
        segs.append(_code(rng, rng.choice("ABC"), word=False))
    postcode = f"{rng.choice(NL_LETTERS)}{rng.choice(NL_LETTERS)}"
    return segs + [CUT, _t(", "), _n(rng, prefix + _rand_digits(rng, 2), "code"), _t(" ", ", "),
                   _code(rng, postcode), _t(" ", ", "), _w(town)]


FR_STREETS = ("rue des Lilas", "avenue Jean Jaurès", "boulevard de la Croix-Rousse",
              "rue du Faubourg Saint-Denis", "impasse des Glycines", "allée des Tilleuls",
              "rue Victor Hugo", "chemin des Vignes")
FR_TOWNS = (("Lyon", "69"), ("Toulouse", "31"), ("Nantes", "44"), ("Bordeaux", "33"),
            ("Lille", "59"), ("Marseille", "13"), ("Rennes", "35"), ("Montpellier", "34"))


def addr_fr(rng: random.Random, mods: set[str]) -> list[Seg]:
    """A French address: number, "rue ...", then code postal and town."""
    town, dept = rng.choice(FR_TOWNS)
    segs = []
    if rng.random() < 0.3:
        segs += [_t("Appartement ", "appartement "), _n(rng, str(rng.randint(1, 40))), _t(", ")]
    segs += [_n(rng, str(rng.randint(1, 180)))]
    if rng.random() < 0.2:
        segs.append(_t(" bis"))
    segs += [_t(" "), _w(rng.choice(FR_STREETS)), CUT, _t(", ")]
    return segs + [_n(rng, dept + "0" + _rand_digits(rng, 2), "code"), _t(" "), _w(town)]


ES_STREETS = ("Calle de Alcalá", "Carrer de Mallorca", "Calle Sierpes", "Avenida del Puerto",
              "Calle Larios", "Calle Ercilla", "Carrer de Verdi", "Calle San Vicente Ferrer")
ES_TOWNS = (("Madrid", "28"), ("Barcelona", "08"), ("Sevilla", "41"), ("Valencia", "46"),
            ("Málaga", "29"), ("Bilbao", "48"))


def addr_es(rng: random.Random, mods: set[str]) -> list[Seg]:
    """A Spanish address: street, number, floor and door, then postcode and town."""
    town, prefix = rng.choice(ES_TOWNS)
    segs = [_w(rng.choice(ES_STREETS)), _t(" ", ", number "), _n(rng, str(rng.randint(1, 240))),
            CUT]
    if rng.random() < 0.6:
        segs += [_t(", ", ", floor "), _n(rng, str(rng.randint(1, 8))), _t("º ", ", door "),
                 _code(rng, rng.choice("ABCD"), word=False)]
    return segs + [_t(", "), _n(rng, prefix + "0" + _rand_digits(rng, 2), "code"), _t(" "),
                   _w(town)]


IT_STREETS = ("Via Garibaldi", "Via dei Mille", "Via Zamboni", "Corso Buenos Aires",
              "Via Toledo", "Via Nazionale", "Viale Monza", "Via Cavour")
IT_TOWNS = (("Milano", "201"), ("Napoli", "801"), ("Bologna", "401"), ("Torino", "101"),
            ("Firenze", "501"), ("Palermo", "901"), ("Genova", "161"))


def addr_it(rng: random.Random, mods: set[str]) -> list[Seg]:
    """An Italian address: "Via Garibaldi 27, int. 5, 20121 Milano"."""
    town, prefix = rng.choice(IT_TOWNS)
    segs = [_w(rng.choice(IT_STREETS)), _t(" "), _n(rng, str(rng.randint(1, 190))), CUT]
    if rng.random() < 0.4:
        segs += [_t(", int. ", ", interno "), _n(rng, str(rng.randint(1, 24)))]
    return segs + [_t(", "), _n(rng, prefix + _rand_digits(rng, 2), "code"), _t(" "), _w(town)]


def _addr_no(rng: random.Random) -> list[Seg]:
    street = rng.choice(("Storgata", "Thorvald Meyers gate", "Kongens gate", "Markveien",
                         "Bygdøy allé"))
    town, prefix = rng.choice((("Oslo", "0"), ("Bergen", "5"), ("Trondheim", "7"),
                               ("Tromsø", "9")))
    house = str(rng.randint(1, 90)) + (rng.choice("ABC") if rng.random() < 0.4 else "")
    return [_w(street, _maybe_fold(rng, street)), _t(" "), _code(rng, house, word=False), CUT,
            _t(", "), _n(rng, prefix + _rand_digits(rng, 3), "code"), _t(" "),
            _w(town, _maybe_fold(rng, town))]


def _addr_se(rng: random.Random) -> list[Seg]:
    street = rng.choice(("Drottninggatan", "Vasagatan", "Götgatan", "Kungsgatan",
                         "Södra Förstadsgatan"))
    town, prefix = rng.choice((("Stockholm", "11"), ("Göteborg", "41"), ("Malmö", "21"),
                               ("Uppsala", "75")))
    segs = [_w(street, _maybe_fold(rng, street)), _t(" "), _n(rng, str(rng.randint(1, 120))), CUT]
    if rng.random() < 0.5:
        segs += [_t(", lgh ", ", flat "), _n(rng, f"{rng.randint(11, 16)}0{rng.randint(1, 6)}",
                                             "code")]
    return segs + [_t(", "), _n(rng, prefix + _rand_digits(rng, 1), "code"), _t(" "),
                   _n(rng, _rand_digits(rng, 2), "code"), _t(" "),
                   _w(town, _maybe_fold(rng, town))]


def _addr_fi(rng: random.Random) -> list[Seg]:
    street = rng.choice(("Mannerheimintie", "Hämeenkatu", "Aleksanterinkatu", "Puistokatu",
                         "Fredrikinkatu"))
    town, prefix = rng.choice((("Helsinki", "00"), ("Tampere", "33"), ("Turku", "20"),
                               ("Oulu", "90")))
    segs = [_w(street, _maybe_fold(rng, street)), _t(" "), _n(rng, str(rng.randint(1, 80))), CUT]
    if rng.random() < 0.6:
        segs += [_t(" "), _code(rng, rng.choice("ABC"), word=False), _t(" "),
                 _n(rng, str(rng.randint(1, 40)))]
    return segs + [_t(", "), _n(rng, prefix + rng.choice(("1", "2", "5")) + "00", "code"),
                   _t(" "), _w(town)]


def _addr_dk(rng: random.Random) -> list[Seg]:
    street = rng.choice(("Nørrebrogade", "Vesterbrogade", "Jægersborggade", "Strandvejen",
                         "Østerbrogade"))
    town, code = rng.choice((("København N", "2200"), ("Aarhus C", "8000"),
                             ("Odense C", "5000"), ("Aalborg", "9000")))
    segs = [_w(street, _maybe_fold(rng, street)), _t(" "), _n(rng, str(rng.randint(1, 160))), CUT]
    if rng.random() < 0.6:
        side = rng.choice((("tv.", "left"), ("th.", "right")))
        segs += [_t(", ", ", floor "), _n(rng, str(rng.randint(1, 5))),
                 _t(f". {side[0]}", f" {side[1]}")]
    return segs + [_t(", "), _n(rng, code, "code"), _t(" "), _w(town, _maybe_fold(rng, town))]


def addr_nordic(rng: random.Random, mods: set[str]) -> list[Seg]:
    """A Norwegian, Swedish, Finnish or Danish address, street first."""
    return rng.choice((_addr_no, _addr_se, _addr_fi, _addr_dk))(rng)


JP_PLACES = (("Higashi-Azabu", "Minato-ku", "Tokyo", "106"), ("Jingumae", "Shibuya-ku", "Tokyo",
             "150"), ("Nishiki", "Naka-ku", "Nagoya", "460"), ("Shinsaibashi-suji", "Chuo-ku",
             "Osaka", "542"), ("Gion-machi", "Higashiyama-ku", "Kyoto", "605"),
             ("Tenjin", "Chuo-ku", "Fukuoka", "810"), ("Motomachi", "Naka-ku", "Yokohama", "231"))


def addr_jp(rng: random.Random, mods: set[str]) -> list[Seg]:
    """A Japanese block address (chome-banchi-go), in either Western or Japanese order."""
    district, ward, city, prefix = rng.choice(JP_PLACES)
    chome, banchi, go = str(rng.randint(1, 6)), str(rng.randint(1, 30)), str(rng.randint(1, 20))
    block = [_n(rng, chome), _t("-", " chome "), _n(rng, banchi), _t("-", " dash "), _n(rng, go)]
    if rng.random() < 0.3:
        block += [_t("-", ", room "), _n(rng, f"{rng.randint(1, 12)}0{rng.randint(1, 9)}")]
    zip_code = [_n(rng, prefix, "code"), _t("-", " "), _n(rng, _rand_digits(rng, 4), "code")]
    d, w = _w(district, district.replace("-", " ")), _w(ward, ward.replace("-", " "))
    if rng.random() < 0.5:
        return block + [_t(" "), d, CUT, _t(", "), w, _t(", "), _w(city), _t(" ", ", ")] + zip_code
    return ([_t("〒", "postcode ")] + zip_code
            + [_t(" ", ", "), _w(city), _t(", "), w, _t(", "), d, _t(" ")] + block)


BR_PLACES = (("Rua Oscar Freire", "Jardim Paulista", "São Paulo", "SP", "014"),
             ("Avenida Atlântica", "Copacabana", "Rio de Janeiro", "RJ", "220"),
             ("Rua da Bahia", "Lourdes", "Belo Horizonte", "MG", "301"),
             ("Rua Padre Chagas", "Moinhos de Vento", "Porto Alegre", "RS", "905"),
             ("Rua das Flores", "Centro", "Curitiba", "PR", "800"),
             ("Rua Chile", "Comércio", "Salvador", "BA", "400"))


def addr_br(rng: random.Random, mods: set[str]) -> list[Seg]:
    """A Brazilian address: street, number, flat, bairro, city - UF and CEP."""
    street, bairro, city, uf, prefix = rng.choice(BR_PLACES)
    segs = [_w(street), _t(", ", " "), _n(rng, str(rng.randint(10, 2400))), CUT]
    if rng.random() < 0.6:
        segs += [_t(", apto ", ", apartment "), _n(rng, str(rng.randint(11, 184)))]
    segs += [_t(", "), _w(bairro), _t(", "), _w(city), _t(f" - {uf}, ", ", CEP ")]
    return segs + [_n(rng, prefix + _rand_digits(rng, 2), "code"), _t("-", ", "),
                   _n(rng, _rand_digits(rng, 3), "code")]


MX_PLACES = (("Calle Río Lerma", "Cuauhtémoc", "Ciudad de México", "CDMX", "065"),
             ("Avenida Vallarta", "Arcos Vallarta", "Guadalajara", "Jal.", "444"),
             ("Calle Macedonio Alcalá", "Centro", "Oaxaca de Juárez", "Oax.", "680"),
             ("Calle Padre Mier", "Barrio Antiguo", "Monterrey", "N.L.", "640"),
             ("Calle 60", "Centro", "Mérida", "Yuc.", "970"))


def addr_mx(rng: random.Random, mods: set[str]) -> list[Seg]:
    """A Mexican address: "Calle ... No. 232, Int. 4, Col. ..., 06500 Ciudad de México"."""
    street, colonia, city, state, prefix = rng.choice(MX_PLACES)
    segs = _named(rng, street) + [_t(" No. ", " number "), _n(rng, str(rng.randint(1, 1800))), CUT]
    if rng.random() < 0.4:
        segs += [_t(", Int. ", ", interior "), _n(rng, str(rng.randint(1, 12)))]
    segs += [_t(", Col. ", ", colonia "), _w(colonia), _t(", ")]
    return segs + [_n(rng, prefix + _rand_digits(rng, 2), "code"), _t(" "), _w(city),
                   _t(f", {state}", "")]


KE_PLACES = (("Muthangari Drive", "Lavington", "Nairobi"), ("Ngong Road", "Kilimani", "Nairobi"),
             ("Kindaruma Road", "Kilimani", "Nairobi"), ("Nyali Road", "Nyali", "Mombasa"),
             ("Oginga Odinga Street", "Milimani", "Kisumu"),
             ("Riverside Drive", "Westlands", "Nairobi"),
             ("Kenyatta Avenue", "Milimani", "Nakuru"))


def addr_ke(rng: random.Random, mods: set[str]) -> list[Seg]:
    """A Kenyan address: house or flat in a named court, road, estate and town."""
    street, area, town = rng.choice(KE_PLACES)
    label = rng.choice((("House ", "house "), ("Plot ", "plot "), ("Apartment ", "apartment ")))
    unit = (f"{rng.randint(1, 9)}{rng.choice('ABCD')}" if label[0] == "Apartment "
            else str(rng.randint(1, 120)))
    segs = [_t(*label), _code(rng, unit, word=False), _t(", ")]
    if label[0] == "Apartment ":
        segs += [_w(rng.choice(("Tsavo Court", "Amani Gardens", "Jacaranda Court"))), _t(", ")]
    return segs + [_w(street), CUT, _t(", "), _w(area), _t(", "), _w(town)]


NG_PLACES = (("Adeola Odeku Street", "Victoria Island", "Lagos"),
             ("Awolowo Road", "Ikoyi", "Lagos"),
             ("Aminu Kano Crescent", "Wuse 2", "Abuja"), ("Ogui Road", "Ogui", "Enugu"),
             ("Allen Avenue", "Ikeja", "Lagos"), ("Ahmadu Bello Way", "Barnawa", "Kaduna"),
             ("Awolowo Avenue", "Bodija", "Ibadan"))


def addr_ng(rng: random.Random, mods: set[str]) -> list[Seg]:
    """A Nigerian address: "15 Adeola Odeku Street", or "Plot 7, ...", area and town."""
    street, area, town = rng.choice(NG_PLACES)
    roll = rng.random()
    if roll < 0.3:
        segs = [_t("Plot ", "plot "), _n(rng, str(rng.randint(1, 1500))), _t(", "), _w(street)]
    elif roll < 0.5:
        segs = [_t("Flat ", "flat "), _n(rng, str(rng.randint(1, 12))), _t(", Block ", ", block "),
                _code(rng, rng.choice("ABCDE"), word=False), _t(", "),
                _n(rng, str(rng.randint(1, 90))), _t(" "), _w(street)]
    else:
        segs = [_n(rng, str(rng.randint(1, 90))), _t(" "), _w(street)]
    return segs + [CUT, _t(", ")] + _named(rng, area) + [_t(", "), _w(town)]


PL_PLACES = (("Marszałkowska", "Warszawa", "00"), ("Piotrkowska", "Łódź", "90"),
             ("Floriańska", "Kraków", "31"), ("Długa", "Gdańsk", "80"),
             ("Świdnicka", "Wrocław", "50"), ("Święty Marcin", "Poznań", "61"))


def addr_pl(rng: random.Random, mods: set[str]) -> list[Seg]:
    """A Polish address: "ul. Marszałkowska 84/92 m. 15, 00-514 Warszawa"."""
    street, town, prefix = rng.choice(PL_PLACES)
    segs = [_t("ul. ", ""), _w(street, _maybe_fold(rng, street)), _t(" "),
            _n(rng, str(rng.randint(1, 140)))]
    if rng.random() < 0.3:
        segs += [_t("/", " slash "), _n(rng, str(rng.randint(1, 99)))]
    segs.append(CUT)
    if rng.random() < 0.6:
        segs += [_t(" m. ", ", flat "), _n(rng, str(rng.randint(1, 60)))]
    return segs + [_t(", "), _n(rng, prefix, "code"), _t("-", " "),
                   _n(rng, _rand_digits(rng, 3), "code"), _t(" "), _w(town, _maybe_fold(rng, town))]


HU_STREETS = (("Andrássy", "út"), ("Király", "utca"), ("Váci", "utca"), ("Kossuth Lajos", "utca"),
              ("Rákóczi", "út"), ("Bartók Béla", "út"))
HU_TOWNS = (("Budapest", "1"), ("Debrecen", "40"), ("Szeged", "67"), ("Pécs", "76"))


def addr_hu(rng: random.Random, mods: set[str]) -> list[Seg]:
    """A Hungarian address, town first or last: "Andrássy út 52, 1062 Budapest"."""
    (name, kind), (town, prefix) = rng.choice(HU_STREETS), rng.choice(HU_TOWNS)
    zip_seg = _n(rng, prefix + _rand_digits(rng, 4 - len(prefix)), "code")
    street = [_w(name, _maybe_fold(rng, name)), _t(f" {kind} "), _n(rng, str(rng.randint(1, 120)))]
    if rng.random() < 0.5:
        return street + [CUT, _t(", "), zip_seg, _t(" "), _w(town)]
    return [_w(town), _t(", ")] + street + [CUT, _t(", "), zip_seg]


TR_PLACES = (("Bağdat Caddesi", "Kadıköy", "İstanbul", "347"),
             ("Atatürk Bulvarı", "Çankaya", "Ankara", "066"),
             ("Kıbrıs Şehitleri Caddesi", "Alsancak", "İzmir", "352"),
             ("Şair Nefi Sokak", "Moda", "İstanbul", "347"),
             ("Tunalı Hilmi Caddesi", "Kavaklıdere", "Ankara", "066"))


def addr_tr(rng: random.Random, mods: set[str]) -> list[Seg]:
    """A Turkish address: "Bağdat Caddesi No: 245 D: 8, Kadıköy, 34710 İstanbul"."""
    street, district, city, prefix = rng.choice(TR_PLACES)
    segs = [_w(street, _maybe_fold(rng, street)), _t(" No: ", " number "),
            _n(rng, str(rng.randint(1, 400))), CUT]
    if rng.random() < 0.7:
        segs += [_t(" D: ", ", flat ") if rng.random() < 0.5 else _t(" Daire ", ", flat "),
                 _n(rng, str(rng.randint(1, 30)))]
    segs += [_t(", "), _w(district, _maybe_fold(rng, district)), _t(", ")]
    return segs + [_n(rng, prefix + _rand_digits(rng, 2), "code"), _t(" "), _w(city, fold(city))]


KR_PLACES = (("Teheran-ro", "Gangnam-gu", "Seoul", "06"), ("Haeundae-ro", "Haeundae-gu", "Busan",
             "48"), ("Dongseong-ro", "Jung-gu", "Daegu", "41"), ("Sejong-daero", "Jongno-gu",
             "Seoul", "03"), ("Olympic-ro", "Songpa-gu", "Seoul", "05"))


def addr_kr(rng: random.Random, mods: set[str]) -> list[Seg]:
    """A Korean road-name address, in English order or Korean order with a dong-ho flat."""
    road, gu, city, prefix = rng.choice(KR_PLACES)
    road_seg, gu_seg = _w(road, road.replace("-", " ")), _w(gu, gu.replace("-", " "))
    number = _n(rng, str(rng.randint(1, 520)))
    zip_seg = _n(rng, prefix + _rand_digits(rng, 3), "code")
    if rng.random() < 0.5:
        return [number, _t(" "), road_seg, CUT, _t(", "), gu_seg, _t(", "), _w(city), _t(" ", ", "),
                zip_seg]
    flat = [_t(", Apt ", ", apartment "), _n(rng, str(rng.randint(101, 112)), "code"),
            _t("-", " dash "), _n(rng, f"{rng.randint(2, 25)}0{rng.randint(1, 4)}")]
    return [_w(city), _t(", "), gu_seg, _t(", "), road_seg, _t(" "), number, CUT] + flat


VN_PLACES = (("Hàng Bài", "Hoàn Kiếm", "Hà Nội", "Hanoi"),
             ("Lê Văn Sỹ", "Quận 3", "Hồ Chí Minh", "Ho Chi Minh City"),
             ("Trần Phú", "Hải Châu", "Đà Nẵng", "Da Nang"),
             ("Nguyễn Huệ", "Quận 1", "Hồ Chí Minh", "Saigon"))


def addr_vn(rng: random.Random, mods: set[str]) -> list[Seg]:
    """A Vietnamese address, sometimes down an alley: "Hẻm 45/12 Lê Văn Sỹ, Quận 3"."""
    street, district, city, said_city = rng.choice(VN_PLACES)
    spoken = rng.random() < 0.5
    if rng.random() < 0.4:
        segs = [_t("Hẻm ", "alley "), _n(rng, str(rng.randint(2, 300))), _t("/", " slash "),
                _n(rng, str(rng.randint(1, 60)))]
    else:
        segs = [_t("Số ", "number "), _n(rng, str(rng.randint(1, 250)))]
    segs += [_t(" "), _w(street, fold(street) if spoken else street), CUT, _t(", ")]
    segs += _named(rng, district, fold(district) if spoken else district)
    return segs + [_t(", "), _w(city, said_city)]


PH_PLACES = (("Rada Street", "Legaspi Village", "Makati City", "1229"),
             ("Katipunan Avenue", "Loyola Heights", "Quezon City", "1108"),
             ("Osmeña Boulevard", "Capitol Site", "Cebu City", "6000"),
             ("Sampaguita Street", "Camella Homes", "Las Piñas", "1740"),
             ("Ilang-Ilang Street", "Moonwalk Village", "Parañaque", "1709"))


def addr_ph(rng: random.Random, mods: set[str]) -> list[Seg]:
    """A Philippine address: "Unit 5B, 118 Rada Street" or "Blk 4 Lot 12, Sampaguita St."."""
    street, area, city, zip_code = rng.choice(PH_PLACES)
    if rng.random() < 0.5:
        segs = [_t("Blk ", "block "), _n(rng, str(rng.randint(1, 40))), _t(" Lot ", " lot "),
                _n(rng, str(rng.randint(1, 60))), _t(", "), _w(street)]
    else:
        segs = [_t("Unit ", "unit "), _code(rng, f"{rng.randint(2, 30)}{rng.choice('ABCD')}",
                                            word=False), _t(", "),
                _n(rng, str(rng.randint(1, 400))), _t(" "), _w(street)]
    return segs + [CUT, _t(", "), _w(area), _t(", "), _w(city), _t(" ", ", "),
                   _n(rng, zip_code, "code")]


TH_PLACES = (("Soi Sukhumvit 31", "Khlong Toei Nuea", "Watthana", "Bangkok", "10110"),
             ("Nimmanhaemin Road Soi 9", "Su Thep", "Mueang Chiang Mai", "Chiang Mai", "50200"),
             ("Soi Ari 4", "Samsen Nai", "Phaya Thai", "Bangkok", "10400"),
             ("Thanon Rat Uthit", "Patong", "Kathu", "Phuket", "83150"))


def addr_th(rng: random.Random, mods: set[str]) -> list[Seg]:
    """A Thai address: "99/12 Soi Sukhumvit 31, Khlong Toei Nuea, Watthana, Bangkok 10110"."""
    street, sub, district, province, zip_code = rng.choice(TH_PLACES)
    segs = [_n(rng, str(rng.randint(1, 300)))]
    segs += ([_t("/", " slash "), _n(rng, str(rng.randint(1, 80)))] if rng.random() < 0.6
             else [_t(" Moo ", " moo "), _n(rng, str(rng.randint(1, 12))), _t(",")])
    segs += [_t(" ")] + _named(rng, street) + [CUT, _t(", "), _w(sub), _t(", "), _w(district)]
    return segs + [_t(", "), _w(province), _t(" ", ", "), _n(rng, zip_code, "code")]


ADDRESS_BUILDERS = {"us": addr_us, "ca": addr_ca, "uk": addr_uk, "ie": addr_ie, "de": addr_de,
                    "nl": addr_nl, "fr": addr_fr, "es": addr_es, "it": addr_it,
                    "nordic": addr_nordic, "jp": addr_jp, "br": addr_br, "mx": addr_mx,
                    "ke": addr_ke, "ng": addr_ng, "pl": addr_pl, "hu": addr_hu, "tr": addr_tr,
                    "kr": addr_kr, "vn": addr_vn, "ph": addr_ph, "th": addr_th}
PARTIAL_FROM = ("us", "uk", "ca", "de", "nl", "fr", "it", "ng", "ie", "es", "pl")


def make_address(rng: random.Random, style: str, mods: set[str]) -> Value:
    """An address of the requested shape; "partial" keeps house number and street only."""
    if style == "partial":
        segs = ADDRESS_BUILDERS[rng.choice(PARTIAL_FROM)](rng, set())
        segs = segs[:segs.index(CUT)]
    else:
        builder = ADDRESS_BUILDERS.get(style) or ADDRESS_BUILDERS[rng.choice(tuple(
            ADDRESS_BUILDERS))]
        segs = [s for s in builder(rng, mods) if s is not CUT]
    canonical = "".join(s.typed for s in segs)
    spoken = "".join(s.spoken for s in segs)
    typed = canonical
    if "lower" in mods:
        typed = canonical.lower().replace(",", "") if rng.random() < 0.6 else canonical.lower()
    words = tuple(dict.fromkeys(w for s in segs for w in s.words))
    return Value("street_address", typed, spoken, canonical, typed_digits(canonical), words)


# ---- cards

CARD_NETWORKS = ("visa", "visa", "visa", "mastercard", "mastercard", "amex", "discover", "jcb",
                 "unionpay", "diners")


def _card_prefix(rng: random.Random, network: str) -> tuple[str, int]:
    """A real issuer prefix (IIN range) and the length that network uses."""
    return {
        "visa": ("4", 16),
        "mastercard": (rng.choice((str(rng.randint(51, 55)), str(rng.randint(2221, 2720)))), 16),
        "amex": (rng.choice(("34", "37")), 15),
        "discover": (rng.choice(("6011", "65", str(rng.randint(644, 649)))), 16),
        "jcb": (str(rng.randint(3528, 3589)), 16),
        "unionpay": ("62", 16),
        "diners": ("36", 14),
    }[network]


def _card_groups(number: str) -> list[str]:
    sizes = {15: (4, 6, 5), 14: (4, 6, 4)}.get(len(number), (4, 4, 4, 4))
    groups, start = [], 0
    for size in sizes:
        groups.append(number[start:start + size])
        start += size
    return groups


def make_card(rng: random.Random, style: str) -> Value:
    """A Luhn-valid card number with a real prefix, written and read the ways people do."""
    network = style if style in ("visa", "amex") else rng.choice(CARD_NETWORKS)
    prefix, length = _card_prefix(rng, network)
    body = prefix + _rand_digits(rng, length - len(prefix) - 1)
    number = body + luhn.calc_check_digit(body)
    groups = _card_groups(number)
    shape = style if style in ("commas", "plain") else rng.choice(
        ("spaces", "spaces", "spaces", "dashes", "plain", "commas", "halves"))
    typed = {"spaces": " ".join(groups), "dashes": "-".join(groups), "plain": number,
             "commas": f"{int(number):,}", "halves": f"{number[:8]} {number[8:]}"}[shape]
    joiner = rng.choice((", ", " "))
    spoken = joiner.join(say_group(g, rng) for g in groups)
    return Value("card", typed, spoken, number, number)


# ---- IBANs

# BBAN structure per country (n digits, a upper-case letters), after ISO 13616.
IBAN_BBAN = {"DE": "8n10n", "GB": "4a14n", "NL": "4a10n", "IE": "4a14n", "FR": "23n",
             "ES": "20n", "IT": "1a22n", "BE": "12n", "AT": "16n", "CH": "17n", "PL": "24n",
             "SE": "20n", "NO": "11n", "FI": "14n", "DK": "14n", "PT": "21n", "TR": "22n",
             "HU": "24n", "GR": "23n", "RO": "4a16n", "SA": "20n", "LU": "16n"}
BANK_LETTERS = {"GB": ("NWBK", "BARC", "LOYD", "HBUK", "MIDL", "SRLG", "MONZ"),
                "IE": ("AIBK", "BOFI", "IPBS", "ULSB"),
                "NL": ("ABNA", "RABO", "INGB", "TRIO", "SNSB", "KNAB", "BUNQ"),
                "RO": ("BTRL", "RNCB", "BRDE", "INGB")}
IBAN_COUNTRIES = tuple(IBAN_BBAN)


def _iban_check(country: str, bban: str) -> str:
    """ISO 7064 mod 97-10 check digits over the BBAN, country code and "00"."""
    number = int("".join(str(int(ch, 36)) for ch in bban + country + "00"))
    return f"{98 - number % 97:02d}"


def _iban(rng: random.Random, country: str) -> str:
    """A random IBAN; retried until national checks (Spain, Belgium, Norway...) also pass."""
    for _ in range(5000):
        bban = ""
        for count, letter in re.findall(r"(\d+)([na])", IBAN_BBAN[country]):
            if letter == "n":
                bban += _rand_digits(rng, int(count))
            elif country in BANK_LETTERS:
                bban += rng.choice(BANK_LETTERS[country])
            else:
                bban += "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXZ") for _ in range(int(count)))
        number = f"{country}{_iban_check(country, bban)}{bban}"
        if stdnum_iban.is_valid(number):
            return number
    raise RuntimeError(f"no valid IBAN for {country}")


def make_iban(rng: random.Random, style: str) -> Value:
    """An IBAN of one of 22 countries, in groups of four or run together."""
    number = _iban(rng, rng.choice(IBAN_COUNTRIES))
    groups = [number[i:i + 4] for i in range(0, len(number), 4)]
    compact = style == "compact" or (style == "any" and rng.random() < 0.3)
    typed = number if compact else " ".join(groups)
    spoken = ", ".join(say_code(g, rng) for g in groups)
    letters = tuple(BANK_LETTERS[number[:2]]) if number[:2] in BANK_LETTERS else ()
    words = tuple(w for w in letters if w in number[4:8])
    return Value("iban", typed, spoken, number, typed_digits(number), words)


# ---- SSNs


def make_ssn(rng: random.Random, style: str) -> Value:
    """A US SSN that stdnum accepts (no 000, 666 or 9xx area, no 00 group or 0000 serial)."""
    while True:
        number = (f"{rng.randint(1, 899):03d}-{rng.randint(1, 99):02d}-"
                  f"{rng.randint(1, 9999):04d}")
        if stdnum_ssn.is_valid(number):
            break
    groups = number.split("-")
    shape = style if style in ("dashes", "plain", "spaces") else rng.choice(
        ("dashes", "dashes", "dashes", "plain", "spaces"))
    typed = {"dashes": number, "plain": "".join(groups), "spaces": " ".join(groups)}[shape]
    spoken = ", ".join(say_group(g, rng) for g in groups)
    return Value("us_ssn", typed, spoken, number, "".join(groups))


# ---- phones

PHONE_REGIONS = ("US", "CA", "GB", "IE", "DE", "FR", "NL", "ES", "IT", "PT", "PL", "HU", "FI",
                 "SE", "NO", "DK", "TR", "BR", "MX", "CO", "NG", "KE", "GH", "IN", "JP", "KR",
                 "VN", "PH", "TH", "CN", "AE", "AT", "CH", "BE")


def _phone_number(rng: random.Random, region: str) -> phonenumbers.PhoneNumber:
    """A random number that phonenumbers holds valid for `region`, built on a real prefix."""
    kind = rng.choice((PhoneNumberType.MOBILE, PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE))
    example = (phonenumbers.example_number_for_type(region, kind)
               or phonenumbers.example_number(region))
    nsn = phonenumbers.national_significant_number(example)
    for _ in range(2000):
        keep = rng.randint(1, 3)
        candidate = nsn[:keep] + _rand_digits(rng, len(nsn) - keep)
        number = phonenumbers.parse(f"+{example.country_code}{candidate}")
        if (phonenumbers.is_valid_number(number)
                and phonenumbers.region_code_for_number(number) == region):
            return number
    raise RuntimeError(f"no valid phone number for {region}")


def _phone_typings(number: phonenumbers.PhoneNumber, rng: random.Random) -> dict[str, str]:
    """The ways a number gets typed: international, national, E.164, hyphens, odd groups."""
    intl = phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
    national = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    nsn = phonenumbers.national_significant_number(number)
    nat_digits = typed_digits(national)
    forms = {"intl": intl, "national": national, "e164": e164,
             "hyphens": re.sub(r"[ ]", "-", intl)}
    size = len(nat_digits)
    if size >= 8:
        first = 4 if size >= 11 and rng.random() < 0.5 else (3 if size >= 9 else 2)
        second = rng.randint(first + 3, size - 3)
        forms["regrouped"] = rng.choice((" ", ".", "-")).join(
            (nat_digits[:first], nat_digits[first:second], nat_digits[second:]))
    if national.startswith("0") and not nsn.startswith("0"):
        code = f"+{number.country_code}"
        forms["paren0"] = f"{code} (0){intl[len(code):]}"
    return {k: v for k, v in forms.items() if typed_digits(v).endswith(nsn)}


def make_phone(rng: random.Random, style: str) -> Value:
    """A phone number of one of 34 regions, typed or read out in groups."""
    region = style.upper() if style.upper() in PHONE_REGIONS else rng.choice(PHONE_REGIONS)
    number = _phone_number(rng, region)
    forms = _phone_typings(number, rng)
    if style == "intl":
        shape = rng.choice([k for k in ("intl", "e164", "hyphens", "paren0") if k in forms])
    elif style == "local":
        shape = rng.choice([k for k in ("national", "regrouped") if k in forms])
    else:
        shape = rng.choice(tuple(forms))
    typed = forms[shape]
    international = style == "intl" or (style != "local" and rng.random() < 0.5)
    base = forms["intl"] if international else forms["national"]
    groups = re.findall(r"\d+", base)
    said = ", ".join(say_group(g, rng) for g in groups[1 if international else 0:])
    if international:
        said = f"plus {say_each(groups[0], rng)}, {said}"
    canonical = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    return Value("phone", typed, said, canonical, "".join(groups))


# ---- e-mails

DOMAINS = (("gmail.com", "gmail dot com"), ("outlook.com", "outlook dot com"),
           ("yahoo.co.uk", "yahoo dot co dot uk"), ("proton.me", "proton dot me"),
           ("icloud.com", "icloud dot com"), ("gmx.de", "gmx dot de"),
           ("web.de", "web dot de"), ("orange.fr", "orange dot fr"),
           ("libero.it", "libero dot it"), ("wp.pl", "wp dot pl"),
           ("naver.com", "naver dot com"), ("uol.com.br", "uol dot com dot br"),
           ("hotmail.com", "hotmail dot com"), ("xtra.co.nz", "xtra dot co dot nz"),
           ("eircom.net", "eircom dot net"), ("freemail.hu", "freemail dot hu"),
           ("example.org", "example dot org"), ("yandex.com", "yandex dot com"))
PLUS_TAGS = ("shopping", "school", "bills", "news", "travel", "kids")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z]", "", fold(text).lower())


def _local_part(rng: random.Random, person: Person) -> tuple[list[str], str]:
    """Local-part pieces and their separators, e.g. (["aroha", "parata"], ".")."""
    given, surname = _slug(person.given), _slug(person.surname.split()[-1])
    number = rng.choice((str(rng.randint(1, 99)), str(rng.randint(1960, 2012))))
    shape = rng.choice(("dot", "dot", "joined", "initial", "underscore", "reverse", "number",
                        "dotnumber", "dash"))
    return {
        "dot": ([given, surname], "."), "joined": ([given + surname], ""),
        "initial": ([given[0], surname], "."), "underscore": ([given, surname], "_"),
        "reverse": ([surname, given], "."), "number": ([given + number], ""),
        "dotnumber": ([given, surname + number], "."), "dash": ([given, surname], "-"),
    }[shape]


def _say_piece(piece: str, rng: random.Random, spelled: bool) -> str:
    """A local-part piece aloud: letters as a word or spelled, trailing digits as a number."""
    letters, digits = re.fullmatch(r"([a-z]*)(\d*)", piece).groups()
    said = spell(letters).lower() if spelled or len(letters) == 1 else letters
    if digits:
        said += " " + (say_number(digits) if rng.random() < 0.6 else say_each(digits, rng))
    return said.strip()


def make_email(rng: random.Random, style: str, person: Person | None) -> Value:
    """An e-mail address, often built from the name said earlier in the same sentence."""
    person = person or _person(rng, "any")
    pieces, sep = _local_part(rng, person)
    local = sep.join(pieces)
    tag = rng.choice(PLUS_TAGS) if style == "plus" else ""
    domain, domain_said = rng.choice(DOMAINS)
    if rng.random() < 0.15:
        domain = f"{_slug(person.surname.split()[-1])}.{rng.choice(('net', 'fi', 'ie', 'de'))}"
        domain_said = domain.replace(".", " dot ")
    canonical = f"{local}{'+' + tag if tag else ''}@{domain}"
    typed = canonical
    if style == "atword" or (style == "any" and rng.random() < 0.2):
        typed = canonical.replace("@", " at ")
    elif style == "caps":
        typed = ".".join(p.capitalize() for p in local.split(".")) + canonical[len(local):]
    spelled = style == "spelled" or rng.random() < 0.25
    sep_said = {".": " dot ", "_": " underscore ", "-": " dash ", "": " "}[sep]
    spoken = sep_said.join(_say_piece(p, rng, spelled) for p in pieces)
    if tag:
        spoken += f" plus {tag}"
    spoken += f" at {domain_said}"
    candidates = [local, *pieces, *(re.sub(r"\d", "", p) for p in pieces),
                  *(p for p in domain.split(".")[:-1])]
    words = _word_candidates(" ".join(candidates), generic=EMAIL_GENERIC)
    return Value("email", typed, spoken, canonical, typed_digits(canonical), words)


# ---- IP addresses

PUBLIC_FIRST_OCTETS = (24, 31, 37, 45, 62, 73, 81, 86, 91, 98, 103, 109, 142, 151, 176, 185,
                       203, 212)
IPV6_PREFIXES = ("2a02", "2a01", "2604", "2607", "2a00", "2400", "2001")


def _ipv4(rng: random.Random, public: bool) -> str:
    while True:
        if public:
            text = f"{rng.choice(PUBLIC_FIRST_OCTETS)}." + ".".join(
                str(rng.randint(0, 255)) for _ in range(2)) + f".{rng.randint(1, 254)}"
        else:
            text = rng.choice((f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}",
                               f"172.{rng.randint(16, 31)}.{rng.randint(0, 255)}",
                               f"192.168.{rng.choice((0, 1, 1, 2, 10, 50, 178))}"))
            text += f".{rng.randint(2, 254)}"
        address = ipaddress.ip_address(text)
        if address.is_global == public and address.is_private != public:
            return text


def _ipv6(rng: random.Random) -> str:
    while True:
        hextets = [rng.choice(IPV6_PREFIXES)] + [f"{rng.randint(0, 0xFFFF):x}" for _ in range(3)]
        text = str(ipaddress.ip_address(":".join(hextets) + f"::{rng.randint(1, 0xFFF):x}"))
        if ipaddress.ip_address(text).is_global:
            return text


def _say_ipv4(text: str, rng: random.Random) -> str:
    natural = rng.random() < 0.5
    return " dot ".join(say_number(o) if natural else say_each(o, rng, zero=rng.choice(
        ("zero", "oh"))) for o in text.split("."))


def _say_ipv6(text: str) -> str:
    said = [" ".join(ONES[int(c)] if c.isdigit() else c.upper() for c in h) for h in
            text.split(":")]
    return " colon ".join(said).replace("colon  colon", "double colon")


def make_ip(rng: random.Random, style: str) -> Value:
    """A private or public IPv4 address, or a global IPv6 address."""
    if style == "v6":
        text = _ipv6(rng)
        return Value("ip_address", text, _say_ipv6(text), text, typed_digits(text))
    public = style == "public" or (style == "any" and rng.random() < 0.5)
    text = _ipv4(rng, public)
    return Value("ip_address", text, _say_ipv4(text, rng), text, typed_digits(text))


# --------------------------------------------------------------------------- sentences

PLACEHOLDER = re.compile(r"\{(\w+)(?::([^}]*))?\}")


def make_value(kind: str, style: str, rng: random.Random, people: list[Person]) -> Value:
    """One value of `kind` in the template's style ("full", "uk+unit", "v6"...)."""
    base, *mods = style.split("+")
    if kind == "person_name":
        value, person = make_name(rng, base)
        people.append(person)
        return value
    if kind == "street_address":
        return make_address(rng, base, set(mods))
    if kind == "email":
        person = people[-1] if people and rng.random() < 0.7 else None
        return make_email(rng, base, person)
    makers = {"card": make_card, "iban": make_iban, "us_ssn": make_ssn, "phone": make_phone,
              "ip_address": make_ip}
    return makers[kind](rng, base)


def _checked_value(kind: str, style: str, rng: random.Random, people: list[Person]) -> Value:
    """A value whose spoken surface holds no digit and says exactly the digits it should."""
    for _ in range(ATTEMPTS):
        value = make_value(kind, style, rng, people)
        if not re.search(r"\d", value.spoken) and spoken_digits(value.spoken) == value.said:
            return value
    raise RuntimeError(f"cannot say a {kind} ({style}) unambiguously")


def split_of(template: str) -> str:
    """Heldout or dev by the template's hash, so a frame never sits in both halves."""
    return "heldout" if hashlib.sha256(template.encode()).digest()[0] < 128 else "dev"


def label(value: Value, surface: str, form: str) -> dict:
    """The stored label of one value as it stands in a sentence."""
    words = []
    for word in value.candidates:
        if has_word(word, surface) and word.lower() not in (w.lower() for w in words):
            words.append(word)
    digits = typed_digits(surface) if form == "typed" else spoken_digits(surface)
    return {"kind": value.kind, "surface": surface, "canonical": value.canonical,
            "digits": digits, "words": words}


def fill(source: str, form: str, rng: random.Random) -> dict | None:
    """One sentence from a template, or None when a value's word also stands in the context."""
    text, context, values, people, pos = [], [], [], [], 0
    for match in PLACEHOLDER.finditer(source):
        literal = source[pos:match.start()]
        kind, style = match.group(1), match.group(2) or "any"
        value = _checked_value(kind, style, rng, people)
        surface = value.typed if form == "typed" else value.spoken
        if "lower" in style.split("+"):
            surface = surface.lower()
        text += [literal, surface]
        context += [literal, " "]
        values.append(label(value, surface, form))
        pos = match.end()
    text.append(source[pos:])
    context.append(source[pos:])
    sentence, ctx = "".join(text), "".join(context)
    for value in values:
        if any(has_word(w, ctx) for w in value["words"]) or not (value["digits"] or value["words"]):
            return None
    surfaces = [v["surface"].lower() for v in values]
    if len(set(surfaces)) < len(surfaces):
        return None
    template = PLACEHOLDER.sub(lambda m: "{" + m.group(1) + "}", source)
    return {"text": sentence, "form": form, "split": split_of(template), "source": SOURCE,
            "template": template, "context": ctx, "values": values}


def negative(text: str, form: str) -> dict:
    """A hard negative: no personal data, so its context is the whole sentence."""
    return {"text": text, "form": form, "split": split_of(text), "source": SOURCE,
            "template": text, "context": text, "values": []}


# --------------------------------------------------------------------------- templates

TYPED_TEMPLATES = (
    # People named with no cue: reminders, calendar, messages, shopping, navigation, family.
    "remind me tuesday that {person_name:first} owes me lunch",
    "put lunch with {person_name:full} on Friday at 12:30",
    "Tell {person_name:first} I'm running late, be there in 10.",
    "add a birthday card for {person_name:first} to the shopping list",
    "how long to drive to {person_name:first}'s from here?",
    "My kid {person_name:first} has a fever of 38.5, should I call the doctor?",
    "did {person_name:first} reply?",
    "text {person_name:full} happy 40th birthday!!",
    "Schedule a call with {person_name:full} and {person_name:full} for 3pm tomorrow.",
    "remind me to pick up {person_name:first} from swim practice at 5:15",
    "add {person_name:full3} to the guest list for Saturday",
    "call {person_name:first} on speaker",
    "cancel my 4 o'clock with {person_name:full}",
    "read me the last message from {person_name:first}",
    "Reminder: {person_name:first}'s parents arrive on the 14th",
    "move {person_name:first}'s dentist appointment to next Wednesday",
    "note that {person_name:first} is allergic to peanuts",
    "Order flowers for {person_name:full}, budget around 40 euros.",
    "my partner {person_name:first} will pick up the car at 6",
    "ask {person_name:first} if they want pizza or curry tonight",
    "remind me to thank {person_name:full} for the reference letter",
    "ok so {person_name:first+lower} said they'd bring the salad lol",
    "put {person_name:first}'s football match on the family calendar for 10am",
    "start a group chat with {person_name:first}, {person_name:first} and {person_name:first}",
    "Play the voicemail {person_name:full} left this morning.",
    "remind me that {person_name:wordname} starts the new job on Monday",
    "{person_name:wordname} and I are going hiking tomorrow, what's the forecast?",
    "tell {person_name:wordname} dinner is ready",
    "My godchild {person_name:full3} graduates on June 12.",
    "hey can you let {person_name:full+lower} know the meeting moved to 2",
    "Book a table for 4 under the name {person_name:full}.",
    "my partner's cousin {person_name:full} is staying from the 3rd to the 9th",
    "invite {person_name:multi} to the book club on Thursday",
    "whens {person_name:first+lower} landing? flight gets in around 9",
    "set a reminder for 7:30 to video call {person_name:multi}",
    "did {person_name:wordname} ever send the pictures from the wedding?",
    # Addresses said for rides, deliveries, parties, returns and moves.
    "Send the package to {street_address:us}.",
    "book an uber to {street_address:us+unit} for 7:45",
    "the party is at {street_address:uk}, bring a bottle!",
    "I have to return this parcel to {street_address:de}",
    "directions to {street_address:partial}",
    "We moved! New address: {street_address:ca}",
    "grandma's card goes to {street_address:ie}",
    "get me a taxi to {street_address:nl} at 6am",
    "ship the replacement headphones to {street_address:fr}",
    "we're staying with friends at {street_address:es} next week",
    "how far is {street_address:it} from the train station?",
    "{person_name:first}'s birthday party is at {street_address:nordic} on Saturday at 4",
    "pickup from {street_address:jp}, drop-off at Haneda terminal 3",
    "the courier needs to collect the box from {street_address:br}",
    "my cousin lives at {street_address:mx}",
    "deliver the fridge to {street_address:ke} between 9 and 11",
    "the wedding reception is at {street_address:ng}",
    "forward my mail to {street_address:pl} until March",
    "the airbnb is at {street_address:hu}, check-in from 3pm",
    "send the invitation to {person_name:full}, {street_address:tr}",
    "add {street_address:kr} as a stop",
    "how do i get to {street_address:vn} by motorbike",
    "my tita lives at {street_address:ph}",
    "my friend's condo is {street_address:th}, we're there till the 20th",
    "im at {street_address:us+lower} come get me",
    "meet me outside {street_address:partial} in 10 min",
    "set home to {street_address:us+zip4}",
    "is there parking near {street_address:partial}? thats where {person_name:first+lower} lives",
    "new address for {person_name:full}: {street_address:any}",
    "the return label says {street_address:uk}, ref RT-88412",
    "order 2 large margheritas to {street_address:partial}",
    "how much is a cab from the airport to {street_address:any}",
    # Phones.
    "save {person_name:full}'s number: {phone:any}",
    "call {phone:us}",
    "the plumber said to text him at {phone:any}",
    "mum's new mobile is {phone:gb}",
    "WhatsApp {phone:intl} and say we landed",
    "if you need me I'm on {phone:any} ext. 214",
    "{person_name:first} has a new number: {phone:any}",
    "who called me from {phone:any} at 3:12?",
    "set my emergency contact to {person_name:first}, {phone:any}",
    "call back {phone:local}",
    # E-mails.
    "email the itinerary to {email:any}",
    "add {email:any} to the family calendar",
    "my login is {email:plus}",
    "send the receipt to {person_name:full} at {email:any}",
    "forward it to {email:atword} please",
    "cc {email:any} on the reply about the school trip",
    "share the shopping list with {email:any}",
    "invite {email:any} to the zoom at 19:30",
    "my new email is {email:caps}",
    # Cards, with expiry and CVV as context.
    "use card {card:any} exp 09/28 cvv 331",
    "my new visa is {card:visa}, expiry 11/27",
    "add a card: {card:any}, valid thru 04/29, security code 812",
    "the number is {card:commas} and it expires March 2027",
    "pay the gas bill of 84.20 with {card:any}",
    "update my payment card to {card:amex}, 4 digit code 7741",
    "card on file should be {card:any} not the old one ending 4410",
    # IBANs.
    "send 250 euros to {person_name:full}, IBAN {iban:grouped}",
    "my salary goes into {iban:any}",
    "rent transfer to {iban:compact}, reference FLAT 12B",
    "pay {person_name:first} back for the concert tickets, iban is {iban:any}",
    "change the direct debit account to {iban:grouped}",
    "is {iban:any} a valid iban?",
    # SSNs.
    "my social is {us_ssn:any}",
    "fill in SSN {us_ssn:dashes} on the W-4 form",
    "{person_name:full}'s social security number is {us_ssn:any}",
    "the daycare wants {person_name:first}'s SSN, it's {us_ssn:any}",
    "ssn {us_ssn:plain} dob 04/12/1988",
    "the tax guy needs my ssn: {us_ssn:spaces}",
    # IP addresses.
    "my home ip is {ip_address:public}",
    "ssh into {ip_address:private} and restart the nas",
    "block {ip_address:any} on the router",
    "the camera is at {ip_address:private} port 8080",
    "where is {ip_address:public} located?",
    "add {ip_address:v6} to the firewall allow list",
)

SPOKEN_TEMPLATES = (
    # People named with no cue.
    "remind me on Thursday that {person_name:first} still has my drill",
    "put coffee with {person_name:full} in the calendar for Friday morning",
    "tell {person_name:first} I'm stuck in traffic and I'll be about ten minutes",
    "add a get well soon card for {person_name:first} to my list",
    "how long will it take to drive to {person_name:first}'s place",
    "my youngest {person_name:first} has a temperature of thirty eight point five",
    "has {person_name:first} replied yet",
    "send a message to {person_name:full} saying congratulations on the new baby",
    "set up a video call with {person_name:first} and {person_name:first} for half past seven",
    "remind me to collect {person_name:first} from ballet at a quarter past five",
    "add {person_name:full} to the guest list",
    "ring {person_name:first}",
    "cancel my four o'clock with {person_name:full}",
    "read out the last text from {person_name:first}",
    "{person_name:first}'s flight lands at nine twenty, remind me an hour before",
    "my other half {person_name:first} needs the car on Tuesday",
    "the new neighbour is called {person_name:spelled}, save that as a note",
    "note that {person_name:first} can't eat gluten",
    "order a bunch of flowers for {person_name:full}",
    "remind me to thank {person_name:full} for the lift",
    "is {person_name:first} coming to the party on Saturday",
    "make a group chat called book club with {person_name:first}, {person_name:first} and "
    "{person_name:first}",
    "play the voicemail from {person_name:full}",
    "remind me that {person_name:wordname} is coming round for dinner",
    "{person_name:wordname} says the dog needs a walk before six",
    "my grandchild {person_name:full3} turns seven on Sunday",
    "how many days until {person_name:first}'s birthday",
    "navigate to {person_name:full}'s house",
    "book a table for six under {person_name:full}",
    "remind me to pay {person_name:first} back the fifty quid",
    "when did I last speak to {person_name:first}",
    "text {person_name:first} and {person_name:first} that practice is cancelled",
    "add {person_name:spelled} to my contacts",
    "my physio {person_name:full} moved my session to Wednesday",
    "let {person_name:wordname} know I've left the keys under the mat",
    "send {person_name:multi} a thank you card",
    # Addresses.
    "send the parcel to {street_address:us}",
    "get me a ride to {street_address:us+unit}",
    "the party's at {street_address:uk}, bring snacks",
    "I need to send this back to {street_address:de}",
    "take me to {street_address:partial}",
    "we've moved, the new address is {street_address:ca}",
    "send Granny's card to {street_address:ie}",
    "book a taxi to {street_address:nl}",
    "ship it to {street_address:fr} please",
    "we're staying at {street_address:es} until Sunday",
    "how far is {street_address:it} from the beach",
    "{person_name:first}'s barbecue is at {street_address:nordic}",
    "pick me up from {street_address:jp}",
    "the courier has to collect from {street_address:br}",
    "my aunt lives at {street_address:mx}",
    "deliver the sofa to {street_address:ke}",
    "the engagement party is at {street_address:ng}",
    "forward my post to {street_address:pl}",
    "our holiday flat is at {street_address:hu}",
    "post the invitation to {person_name:full} at {street_address:tr}",
    "add {street_address:kr} as the next stop",
    "how do I get to {street_address:vn}",
    "my lola lives at {street_address:ph}",
    "the condo we rented is at {street_address:th}",
    "drop me at {street_address:partial}, the one with the blue door",
    "set my home address to {street_address:us+zip4}",
    "where can I park near {street_address:partial}",
    "{person_name:full} has moved to {street_address:any}",
    "order a pizza to {street_address:partial}",
    "the returned parcel should go back to {street_address:any}",
    "the sleepover is at {person_name:first}'s, that's {street_address:uk}",
    # Phones.
    "save {person_name:full}'s number, it's {phone:any}",
    "dial {phone:us} on speaker",
    "the electrician said to text him on {phone:any}",
    "my mum's new mobile is {phone:gb}",
    "send a whatsapp to {phone:intl} saying we've landed",
    "you can reach me on {phone:any} extension two one four",
    "{person_name:first} has a new number, {phone:any}",
    "who rang me from {phone:any}",
    "make {person_name:first} my emergency contact, {phone:any}",
    "ring back {phone:local}",
    # E-mails.
    "email the tickets to {email:any}",
    "share the calendar with {email:any}",
    "my username is {email:plus}",
    "send the receipt to {person_name:first}, the email is {email:any}",
    "forward the photos to {email:spelled}",
    "copy in {email:any} on that reply",
    "add {email:any} to the family group",
    "invite {email:any} to the zoom call at half seven",
    "send the recipe to {email:any}",
    # Cards.
    "pay with card {card:any}, expiry oh nine twenty eight, security code three three one",
    "my new visa is {card:visa}, it expires in November twenty seven",
    "add a card, the number is {card:any}, valid until April twenty nine",
    "the long number on the front is {card:any}",
    "pay the electric bill with {card:any}",
    "update my card to {card:amex}, the four digit code is seven seven four one",
    "use {card:any} for the cinema tickets",
    # IBANs.
    "send two hundred and fifty euros to {person_name:full}, the IBAN is {iban:any}",
    "my wages go into {iban:any}",
    "pay the rent to {iban:any}, reference flat twelve",
    "pay {person_name:first} back to {iban:any}",
    "change the direct debit to {iban:any}",
    "is {iban:any} a proper IBAN",
    # SSNs.
    "my social's {us_ssn:any}",
    "put {us_ssn:any} as the social security number",
    "the social security number for {person_name:full} is {us_ssn:any}",
    "the nursery needs {person_name:first}'s social, it's {us_ssn:any}",
    "social security {us_ssn:any}, date of birth April the twelfth",
    # IP addresses.
    "my home IP is {ip_address:public}",
    "connect to {ip_address:private} and reboot the NAS",
    "block {ip_address:any} on the wifi router",
    "the doorbell camera is on {ip_address:private}",
    "where is {ip_address:public} located",
    "whitelist {ip_address:v6}",
)

NEGATIVES_TYPED = (
    "where is my order 114-7783920-5521003?",
    "track parcel 1Z999AA10123456784",
    "is flight BA2490 on time",
    "check in for LH 401 departing 14:35",
    "booking reference QXT7PL, how many bags can I take?",
    "pay invoice INV-2024-00871 for $1,249.00",
    "add 2 kg of potatoes and 500 g of minced beef",
    "set a timer for 25 minutes",
    "wake me at 6:45 tomorrow",
    "who won the 2022 world cup final",
    "did Arsenal win 3-1 last night?",
    "convert 350 fahrenheit to celsius",
    "how tall was Abraham Lincoln",
    "play 1989 by Taylor Swift",
    "who painted the Mona Lisa?",
    "restaurants near Main Street",
    "is Baker Street station step free?",
    "what's the weather in Nairobi this weekend",
    "update the thermostat firmware to version 4.12.0",
    "my tv model is QN65Q80C, is there an update",
    "when is the next number 73 bus",
    "double the recipe: 1.5 cups flour, 2 tsp baking powder, 250 ml milk",
    "what's 15% of 84.50",
    "how many calories in 250 ml of whole milk",
    "set the oven to 200 degrees for 40 minutes",
    "is ISBN 978-0-14-103614-4 available at the library",
    "USPS tracking 9400 1118 9922 3857 4210 58",
    "what year did the Berlin Wall fall",
    "play the 1812 Overture",
    "how far is Lisbon from Porto",
    "what's the exchange rate for 100 euros to yen",
    "turn the living room lights to 40 percent",
    "the meeting is in conference room 4B at 10:30",
    "Apollo 11 landed in 1969, right?",
    "who won the 2018 Tour de France",
    "how old is Serena Williams",
    "set an alarm for 07:15 on weekdays",
    "what's 12 times 17",
    "the recipe says 3 eggs and 180 g of sugar",
    "convert 5 ft 11 in to centimetres",
    "renew my 12 month subscription for 45.99",
    "my iphone 15 keeps restarting since ios 17.4.1",
    "router model AX5400, firmware 1.1.0.152, is that the latest?",
    "lottery numbers were 4 12 19 27 33 41",
    "how many people live in Tokyo",
    "add Ben & Jerry's cookie dough to the list",
    "is Wendy's open late",
    "directions to the nearest Lidl",
    "play some Frank Sinatra",
    "who was Grace Hopper?",
    "I hope it doesn't rain tomorrow",
    "summer holidays start on 22 July",
    "buy a bottle of rosé and a 6 pack of amber ale",
    "where do I keep the car jack",
    "pay the water bill of 63.20",
    "mark the 3rd as a holiday",
    "what time is dawn on Saturday",
    "is the M25 busy right now",
    "what's the population of Lagos",
    "how do you say good morning in Yoruba",
    "what time does the 10:52 to Brighton leave",
    "convert 4,808,845 yen to pounds",
    "I need 16 screws, 4 x 40 mm",
    "final score was 104-98 in overtime",
    "what's the speed limit on the A40",
    "order #48213 still hasn't shipped",
    "what's the emergency number in Europe, 112?",
    "set the kitchen timer for 1 hour 30 minutes",
    "the sale ends 31/12/2025",
    "read chapter 11 from page 243",
    "play episode 7 of season 3",
    "does bus route 38 go past the museum",
    "how many steps did I walk today, goal is 10,000",
    "what's the capital of Burkina Faso",
    "boiling point of water at 2,000 metres",
    "tickets are £12.50 each and we need 4",
    "is the 2019 Toyota Corolla hybrid reliable",
    "tell me a joke about Napoleon",
    "when did Queen Elizabeth II die",
    "how many goals did Pelé score",
    "play something by Fela Kuti",
    "who wrote Things Fall Apart",
    "what did Marie Curie discover",
    "navigate to Heathrow terminal 5",
    "take me to the Louvre",
    "find a pharmacy on Oxford Street",
    "is Calle Mayor pedestrian only",
    "the kids want to go to Legoland on the 14th",
    "banking app version 8.3.2 keeps crashing",
    "in 2 hours remind me to take the bread out",
    "the parcel weighs 2.4 kg and is 40 x 30 x 15 cm",
    "washing machine WM14T790GB shows error E18",
    "4 star hotel for 120 euros a night, is that good",
    "switch to channel 104",
    "what's the price of bitcoin today",
    "remind me to water the plants every 3 days",
    "buy 12 eggs, 2 litres of milk and 1 loaf",
    "who is the prime minister of New Zealand",
    "play Bad Bunny",
    "how long is the drive from Leeds to York",
    "opening hours for IKEA Wembley",
    "average temperature in Helsinki in February",
    "convert 1,500,000 rupees to dollars",
    "Celtic v Rangers kicks off at 19:45",
    "Tesco delivery slot 8-9pm please",
    "book a table at Dishoom for 7:30, 4 people",
    "is gate B32 far from security",
    "flight confirmation K7Y2QP, can I pick a seat?",
    "what's 2 to the power of 32",
    "set the thermostat to 21.5",
    "how many ounces in 750 ml",
    "how much is a 2 bed flat to rent in Bristol",
    "the fund returned 7.2% in 2023",
    "set a reminder for the 1st of every month to pay rent",
    "how long do I boil 4 eggs",
    "is the 5:40 ferry to Dún Laoghaire running",
    "Mercedes C 220 d fuel consumption",
    "play BBC Radio 4",
    "download the 3.2 GB update tonight",
    "add 3 x AA batteries",
    "is the Samsung Galaxy S24 waterproof",
    "a marathon is 42.195 km, right?",
    "show me photos from 2019",
    "who sang Dancing Queen",
    "what's on at the Odeon at 8",
    "set a 90 second plank timer",
    "how much protein in 100 g of tofu",
    "Manchester United vs Liverpool ended 2-2, who scored?",
    "is PS5 model CFI-1216A the disc version",
    "add a bottle of Jack Daniel's for the party",
)

NEGATIVES_SPOKEN = (
    "where's my order, it's four four seven one nine two",
    "is flight B A two four nine oh on time",
    "set a timer for twenty five minutes",
    "wake me up at six forty five tomorrow",
    "what was the score in the world cup final in twenty twenty two",
    "how old was Abraham Lincoln when he died",
    "play Shake It Off by Taylor Swift",
    "who painted The Starry Night",
    "find restaurants near Main Street",
    "is King Street closed to traffic today",
    "what's the weather going to be like in Accra this weekend",
    "update the speaker to version four point twelve",
    "when's the next number seventy three bus",
    "I need one and a half cups of flour and two teaspoons of baking powder",
    "what's fifteen percent of eighty four fifty",
    "preheat the oven to two hundred degrees",
    "my tracking number is nine four double oh one one one eight nine nine two two",
    "what year did the Berlin Wall come down",
    "play the eighteen twelve overture",
    "how far is Kraków from Warsaw",
    "change a hundred euros into yen",
    "dim the bedroom lights to forty percent",
    "the meeting's in room four B at half past ten",
    "Apollo eleven landed in nineteen sixty nine didn't it",
    "who won the Tour de France in twenty eighteen",
    "how old is Roger Federer",
    "set an alarm for seven fifteen on weekdays",
    "what's twelve times seventeen",
    "the recipe needs three eggs and a hundred and eighty grams of sugar",
    "I'm five foot eleven, what's that in centimetres",
    "my phone's on iOS seventeen point four point one and keeps crashing",
    "the router firmware is one point one point oh point one five two",
    "the lottery numbers were four, twelve, nineteen, twenty seven, thirty three and forty one",
    "how many people live in Jakarta",
    "add Ben and Jerry's to the shopping list",
    "is Tim Hortons open this late",
    "directions to the nearest Aldi",
    "play some Frank Ocean",
    "who was Ada Lovelace",
    "I hope the weather holds for Sunday",
    "summer's nearly over isn't it",
    "pick up a bottle of rosé and some amber ale",
    "how do I jack up the car to change a tyre",
    "the water bill came to sixty three pounds twenty",
    "mark the third as a bank holiday",
    "is the M six busy",
    "what's the population of Lagos right now",
    "how do you say thank you in Maori",
    "what time does the ten fifty two to Brighton leave",
    "convert four million eight hundred thousand yen into pounds",
    "I need sixteen screws, forty millimetres long",
    "the final score was a hundred and four to ninety eight",
    "what's the speed limit on the A forty",
    "order number four eight two one three hasn't arrived",
    "what's the emergency number in Europe, is it one one two",
    "set a timer for an hour and a half",
    "the sale finishes on the thirty first of December",
    "read chapter eleven, starting at page two forty three",
    "play episode seven of season three",
    "does the thirty eight bus go past the museum",
    "how many steps have I done today, my goal's ten thousand",
    "what's the capital of Mongolia",
    "tickets are twelve fifty each and we need four",
    "is the twenty nineteen Toyota Corolla any good",
    "tell me a fun fact about Cleopatra",
    "when did Nelson Mandela become president",
    "how many goals did Pelé score in his career",
    "put on some Miriam Makeba",
    "who wrote Half of a Yellow Sun",
    "what did Marie Curie win the Nobel prize for",
    "take me to Heathrow terminal five",
    "navigate to the Eiffel Tower",
    "find a chemist on Oxford Street",
    "is Grafton Street busy today",
    "the kids want to go to Legoland on the fourteenth",
    "in two hours remind me to take the bread out",
    "the parcel weighs two point four kilos",
    "the washing machine is showing error E eighteen",
    "switch over to channel one oh four",
    "what's bitcoin worth today",
    "remind me to water the plants every three days",
    "we need a dozen eggs, two litres of milk and a loaf",
    "who's the president of Brazil",
    "play Burna Boy",
    "how long does it take to drive from Leeds to York",
    "what time does IKEA close tonight",
    "how cold does Helsinki get in February",
    "convert one and a half million rupees to dollars",
    "what time does Celtic against Rangers kick off",
    "book the eight to nine delivery slot",
    "get a table at Dishoom for half seven, four people",
    "is gate B thirty two far from security",
    "what's two to the power of thirty two",
    "set the heating to twenty one and a half",
    "how many ounces in seven hundred and fifty millilitres",
    "how much does a two bed flat cost to rent in Bristol",
    "remind me on the first of every month to pay the rent",
    "how long should I boil four eggs",
    "is the five forty ferry running",
    "play BBC Radio four",
    "add a pack of triple A batteries",
    "is the Galaxy S twenty four waterproof",
    "show me my photos from twenty nineteen",
    "who sang Waterloo",
    "what's showing at the Odeon at eight",
    "start a ninety second plank timer",
    "how much protein is in a hundred grams of tofu",
    "what's the time in Seoul right now",
    "when's Eurovision this year",
    "skip to track twelve",
    "how tall is Mount Kilimanjaro",
    "what's Beyoncé's latest album",
    "how do you spell necessary",
    "how many teaspoons in a tablespoon",
    "what's the weather in Bangkok",
    "set the washing machine to forty degrees",
    "turn the volume down to three",
    "what's the score in the cricket",
    "how many days until Christmas",
    "who discovered penicillin",
    "what's seven hundred and fifty grams in pounds",
    "put the heating on for thirty minutes",
    "find flights to Lisbon under a hundred pounds",
    "remind me to take the bins out at eight",
    "my booking reference is Q X T seven P L",
    "the invoice number is triple seven oh four two",
)


# --------------------------------------------------------------------------- build


def _fresh(source: str, form: str, rng: random.Random, seen: set[str]) -> dict:
    """Fill a template until the sentence is new and its labels are clean."""
    for _ in range(ATTEMPTS):
        item = fill(source, form, rng)
        if item is not None and item["text"] not in seen:
            seen.add(item["text"])
            return item
    raise RuntimeError(f"cannot fill {source!r}")


def build_items() -> list[dict]:
    """Every sentence of the set, in a fixed order from a fixed seed."""
    rng = random.Random(SEED)
    items: list[dict] = []
    seen: set[str] = set()
    for form, templates in (("typed", TYPED_TEMPLATES), ("spoken", SPOKEN_TEMPLATES)):
        for source in templates:
            items += [_fresh(source, form, rng, seen) for _ in range(FILLS)]
    for form, sentences in (("typed", NEGATIVES_TYPED), ("spoken", NEGATIVES_SPOKEN)):
        items += [negative(text, form) for text in sentences]
    for index, item in enumerate(items):
        item["id"] = f"{SOURCE}-{index:04d}"
    return items


def render() -> str:
    """The JSON Lines text of the set, exactly as stored."""
    return "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in build_items())


def main() -> None:
    """Write the set and print how many sentences each form and split holds."""
    text = render()
    DATA_FILE.write_text(text, encoding="utf-8")
    items = [json.loads(line) for line in text.splitlines()]
    counts: dict[tuple, int] = {}
    for item in items:
        key = (item["form"], item["split"], bool(item["values"]))
        counts[key] = counts.get(key, 0) + 1
    print(f"wrote {len(items)} sentences to {DATA_FILE}")
    for key in sorted(counts):
        print(*key, counts[key])


if __name__ == "__main__":
    main()

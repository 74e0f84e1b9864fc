"""Blind set 7: personal data in small-business and sensitive-moment requests.

Why it exists: the masker's own corpus was written by people who knew what the masker
catches, so its score on that corpus says little about the sentences real users say. This
set was written from scratch by an author who never read the masker, its rules, its corpus
or its results, so a score on it is an independent measurement.

What it covers: what people ask a voice assistant while running a small business or side
hustle, and in hard moments. A market trader taking a card payment by phone, a plumber's
job notes, a tutor invoicing parents to an IBAN, a landlord's tenant list, an online seller's
shipping labels, a wedding planner's guest list, a funeral arrangement, a lost wallet reported
to the police (cards and SSN), a home network set up for a relative (IPs, router, NAS), a
small-office IT ticket, a dating-app safety check-in, a domestic emergency, plus cleaners,
photographers, bakers, hairdressers, driving instructors, bookkeepers, sitters and hosts.
Names come in many cultures and shapes (titles, surname first, possessives, quotes, names
that are ordinary words, hyphenated and multi-part names); addresses come from 20 countries.
Every sentence is "typed" (numbers as digits, as people type and as Whisper writes speech)
or "spoken" (no digit characters: numbers said one by one, in pairs, with double, triple,
oh, nought, hundred; letters spelled; "at", "dot", "dash", "underscore" in e-mails).
Hard negatives hold no personal data at all: order, invoice, tracking, ticket, case and
crime reference numbers, prices, quantities, times, dates, years, software versions, MAC
addresses, ports, model and serial numbers, public figures, brands, shops, places alone and
streets without a house number.

Labelling rules:
- `surface` is the value exactly as it stands in the sentence; `context` is the sentence
  with each surface replaced by one space, so every number that is not personal stays in it.
- `digits` holds every digit the surface holds, written or said, in order: "double oh"
  gives "00", "fifteen" gives "15", "twenty one" gives "21", "hundred" appends "00".
- `words` holds the tokens that identify the value and must not survive masking: names,
  e-mail local part and domain name pieces, street names, towns, state names, postcode
  tokens and IBAN bank letters. Never generic words (street, road, dot, com, flat), never
  single letters or name particles (van, de, bin), never state abbreviations that are also
  English words. Each word occurs in the sentence as a whole token or spelled letter by
  letter, and never in the context.
- Titles (Mr, Dr, Rev) stay in the context; they identify no one.
- `split` is "heldout" when the first byte of sha256(template) is below 128, else "dev",
  so both fills of a template land in the same half.

Run `python -m appliance.benchmark.pii_blind7` to write tests/governance/pii_blind7.jsonl.
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
from stdnum import iban as std_iban
from stdnum import luhn
from stdnum.us import ssn as std_ssn

DATA_FILE = Path(__file__).resolve().parents[2] / "tests" / "governance" / "pii_blind7.jsonl"
SOURCE = "blind7"
KINDS = (
    "card", "us_ssn", "phone", "email", "iban", "ip_address", "street_address", "person_name",
)
SEED = 7_0707
FILLS = 2

# ---------------------------------------------------------------------------------------
# Names, hand-written: many cultures, some accented, some that are ordinary English words.

GIVEN_NAMES = (
    "Tomasz", "Leilani", "Amara", "Siobhán", "Kwame", "Priya", "Mateo", "Ingrid", "Yusuf",
    "Mei", "Oluwaseun", "Dmitri", "Aroha", "Fatima", "Björn", "Chiara", "Thabo", "Nadia",
    "Rafael", "Keiko", "Aisling", "Emeka", "Lucía", "Hamid", "Saoirse", "Tariq", "Ngozi",
    "Jorge", "Anneliese", "Kofi", "Ravi", "Zainab", "Mikhail", "Ximena", "Declan", "Wanjiru",
    "Hiroshi", "Folasade", "Luca", "Agnieszka", "Bongani", "Esperanza", "Farid", "Greta",
    "Hyun-woo", "Imogen", "Jelena", "Kemal", "Lars", "Magdalena", "Nikhil", "Olamide", "Pilar",
    "Quentin", "Rangi", "Sunita", "Teodor", "Ulla", "Valentina", "Wiremu", "Xiu", "Yaw",
    "Zofia", "Adaeze", "Bartosz", "Caoimhe", "Dagny", "Eamon", "Feng", "Gulnara", "Haruto",
    "Ifeoma", "Joaquín", "Kalani", "Lindiwe", "Marisol", "Njeri", "Oisín", "Paulo", "Radhika",
    "Sefa", "Tuan", "Uchenna", "Vikram", "Wen", "Yara", "Zoltan", "Ahmed", "Beatriz",
    "Ciarán", "Dilnoza", "Efua", "Fionnuala", "Gabriel", "Hana", "Ikaika", "Jamal", "Kaveh",
    "Leila", "Malakai", "Noor", "Orla", "Rania", "Sione", "Tamsin", "Uzma", "Veronika",
    "Wojciech", "Yetunde", "Zara", "Anil", "Bronwyn", "Catalina", "Dorota", "Elif", "Florin",
    "Gwen", "Henrik", "Isabela", "Jun", "Kiri", "Lorenzo", "Mbali", "Nasrin", "Odhiambo",
    "Parveen", "Rhiannon", "Santiago", "Thandiwe", "Ugne", "Vusi", "Wiktoria", "Yasmin",
    "Zeynep", "Arjun", "Bridget", "Callum", "Deepa", "Eilidh", "Fergus", "Giulia", "Hemi",
    "Inês", "Jasper", "Kateryna", "Lachlan", "Maeve", "Nuno", "Oksana", "Pranav", "Rosalind",
    "Soraya", "Torben", "Viktor", "Whetu", "Yoshiko", "Zanele", "Alejandro", "Colm",
    "Delphine", "Eero", "Faisal", "Gintaras", "Halima", "Ilse", "Jaroslav", "Kamala", "Lwazi",
    "Mirela", "Nkechi", "Otieno", "Pascale", "Reuben", "Sakura", "Tadhg", "Ulrich", "Vaea",
    "Wairimu", "Yohannes", "Zhen", "Anahera", "Bashir", "Cosmin", "Dunja", "Esi", "Filipa",
)

SURNAMES = (
    "Kowalski", "Okafor", "Nguyen", "Mensah", "Patel", "Fernández", "Lindqvist", "Al-Hashimi",
    "Chen", "Adeyemi", "Volkov", "Ngata", "Haddad", "Johansson", "Romano", "Dlamini",
    "Petrenko", "Silva", "Tanaka", "Brennan", "Eze", "Ruiz", "Rahimi", "Gallagher", "Qureshi",
    "Obi", "Castillo", "Vogel", "Boateng", "Iyer", "Bello", "Sokolov", "Herrera", "Doyle",
    "Kamau", "Watanabe", "Adebayo", "Ricci", "Nowak", "Ndlovu", "Morales", "Karimi", "Becker",
    "Hughes", "Papadopoulos", "Lindgren", "Oyelaran", "Rossi", "Wiśniewska", "Mahlangu",
    "Ortega", "Sato", "Yilmaz", "Kelly", "Takahashi", "Mwangi", "Esposito", "Kaczmarek",
    "Achterberg", "Bianchi", "Cárdenas", "Dubois", "Eriksen", "Fitzgerald", "Grünewald",
    "Horvath", "Ibrahim", "Jankowski", "Kapoor", "Lemaire", "Moreau", "Nakamura", "Oduya",
    "Paredes", "Quispe", "Reyes", "Szabo", "Tiwari", "Ulloa", "Varga", "Xu", "Yamamoto",
    "Zielinski", "Abernethy", "Bhattacharya", "Chukwu", "Delacroix", "Ekwueme", "Farouk",
    "Gonçalves", "Hakimi", "Ivanova", "Jaramillo", "Kiplagat", "Laurent", "Mbeki", "Nwosu",
    "Olsen", "Pereira", "Quinlan", "Rautenbach", "Sandoval", "Tupou", "Uribe", "Vasquez",
    "Wójcik", "Yadav", "Zapata", "Aziz", "Bergström", "Ceballos", "Dhillon", "Estrada",
    "Fofanah", "Gavrilov", "Halvorsen", "Iwu", "Juárez", "Koroma", "Lungu", "Mahmoud", "Nkosi",
    "Onyango", "Przybylski", "Rahman", "Sithole", "Tavares", "Uddin", "Vidal", "Wanyama",
    "Yeboah", "Zhou", "Afolabi", "Brannigan", "Demir", "Eklund", "Fairweather", "Gutiérrez",
    "Hosseini", "Ishikawa", "Jovanović", "Kuznetsova", "Lombardi", "Mukherjee", "Nikolaidis",
    "O'Sullivan", "Pham", "Rasmussen", "Sandhu", "Tembo", "Uzoma", "Valdés", "Waititi", "Yoon",
    "Zaragoza", "Acheampong", "Bondarenko", "Chowdhury", "Dimitrov", "Engström", "Falconer",
    "Gallo", "Ismail", "Jensen", "Khumalo", "Lopes", "Macharia", "Navarro", "Ochieng",
    "Ramírez", "Schäfer", "Tran", "Ueda", "Zulu", "D'Souza", "O'Connor", "McAllister",
    "MacLeod", "Fitzpatrick", "Kahale", "Tuilagi", "Moana", "Ferreira", "Agarwal", "Lefebvre",
)

# Given names and surnames that are also ordinary English words.
WORD_GIVEN = (
    "Hope", "Faith", "Rose", "Will", "Grant", "Sky", "Amber", "Summer", "Dawn", "Joy", "Ivy",
    "Hunter", "Autumn", "Bill", "Pearl", "Violet", "River", "Sunny", "Chance", "Honor",
)
WORD_SURNAMES = (
    "Baker", "Fisher", "Young", "Hill", "Wood", "Brown", "Little", "Long", "Church", "Rich",
    "Moody", "Bird", "Cook", "Hall", "Marsh", "Frost", "Love", "King", "Parsons", "Weaver",
)

# Hyphenated and multi-part names of many cultures, as (given names, surname).
MULTI_NAMES = (
    ("Thi Lan", "Nguyen"), ("Oluwaseun", "Adeyemi-Bakare"), ("María del Carmen", "Ruiz Ortega"),
    ("Jan-Willem", "van der Berg"), ("Siobhán", "Ní Bhriain"), ("Kwame", "Mensah-Bonsu"),
    ("Aroha", "Te Whata"), ("Mohammed", "bin Rashid Al-Amri"), ("Ana Sofía", "de la Cruz"),
    ("João Pedro", "dos Santos Silva"), ("Anh Thu", "Tran"), ("Wei Ling", "Tan"),
    ("Hye-jin", "Park"), ("Jean-Baptiste", "Nkurunziza"), ("Mary-Kate", "O'Donnell"),
    ("Chidi", "Okonkwo-Eze"), ("Anna-Lena", "Schmidt-Hoffmann"), ("Luis Fernando", "Ibarra Soto"),
    ("Pádraig", "Ó Súilleabháin"), ("Abdul Rahman", "Al-Sayed"), ("Leilani", "Kahananui"),
    ("Sione", "Tupou-Fifita"), ("Fatima Zahra", "El Amrani"), ("Pieter", "de Villiers"),
    ("Rajesh Kumar", "Venkataraman"), ("Guðrún", "Sigurðardóttir"), ("Kalani", "Akana-Keola"),
    ("Seo-yeon", "Kim"), ("Tendai", "Mutasa-Moyo"), ("Ximena", "Quispe Mamani"),
    ("Olga", "Nowak-Wiśniewska"), ("Hamid", "Karimi-Rad"), ("Nana Akua", "Owusu-Ansah"),
    ("Marie-Claire", "Dubois-Lemaire"), ("Tiare", "Maraea-Teriitahi"), ("Ayşe Nur", "Çelik"),
)

# Name particles: part of a name, yet identifying no one on their own.
PARTICLES = frozenset({
    "van", "der", "den", "de", "del", "della", "la", "le", "da", "dos", "das", "di", "du",
    "von", "bin", "binti", "al", "el", "ibn", "ni", "ní", "nic", "te", "ó", "o", "y", "ter",
})

# Words that name a kind of place, never a place: never labels.
GENERIC = frozenset({
    "street", "st", "road", "rd", "lane", "ln", "avenue", "ave", "drive", "dr", "way", "close",
    "court", "ct", "place", "pl", "crescent", "terrace", "grove", "boulevard", "blvd", "park",
    "rue", "impasse", "chemin", "calle", "carrer", "avenida", "via", "viale", "corso", "rua",
    "ul", "ulica", "flat", "apt", "apartment", "apto", "unit", "house", "col", "colonia", "ku",
    "des", "dei", "do", "am", "san", "santa", "saint", "new", "north", "south", "east", "west",
    "city", "town", "island", "centro", "norte", "ciudad", "apartments", "residency", "society",
    "co", "the", "of", "and", "cape", "western", "eastern", "northern", "southern", "towers",
    "hills", "enclave", "layout",
}) | PARTICLES

# ---------------------------------------------------------------------------------------
# Addresses, hand-written, from 20 countries.

US_STREETS = (
    "Catalpa Avenue", "Bluebonnet Lane", "Wexford Court", "Kalakaua Avenue", "Pinecrest Way",
    "Delancey Street", "Magnolia Terrace", "Whitlock Avenue", "Larkin Street", "Sycamore Drive",
    "Tamarack Road", "Chickasaw Drive", "Hollister Street", "Brandywine Lane",
)
# (city, state, abbreviation or None when it is an English word or absent, ZIP prefix)
US_CITIES = (
    ("Austin", "Texas", "TX", "787"), ("Newark", "New Jersey", "NJ", "071"),
    ("Sacramento", "California", "CA", "958"), ("Tampa", "Florida", "FL", "336"),
    ("Spokane", "Washington", "WA", "992"), ("Savannah", "Georgia", "GA", "314"),
    ("Tucson", "Arizona", "AZ", "857"), ("Durham", "North Carolina", "NC", "277"),
    ("Lansing", "Michigan", "MI", "489"), ("Duluth", "Minnesota", "MN", "558"),
    ("Honolulu", "Hawaii", None, "968"), ("Columbus", "Ohio", None, "432"),
    ("Portland", "Oregon", None, "972"), ("Richmond", "Virginia", "VA", "232"),
    ("Knoxville", "Tennessee", "TN", "379"), ("Madison", "Wisconsin", "WI", "537"),
    ("Albuquerque", "New Mexico", "NM", "871"), ("Boise", "Idaho", None, "837"),
)
UK_STREETS = (
    "Larkspur Lane", "Cheviot Road", "Ravensworth Terrace", "Mafeking Street",
    "Thornbury Close", "Coldharbour Lane", "Wellesley Road", "Pemberton Crescent",
    "Gorsedd Avenue", "Kirkstall Road", "Albemarle Way", "Hebden Grove",
)
UK_TOWNS = (
    ("Leeds", "LS"), ("Bristol", "BS"), ("Manchester", "M"), ("Glasgow", "G"), ("Cardiff", "CF"),
    ("Norwich", "NR"), ("Brighton", "BN"), ("York", "YO"), ("Swansea", "SA"),
    ("Leicester", "LE"), ("Aberdeen", "AB"), ("Belfast", "BT"), ("Sheffield", "S"),
    ("Exeter", "EX"),
)
IE_STREETS = (
    "Corrib Park", "Glenageary Avenue", "Ardnacrusha Road", "Shandon Street", "Ballybane Road",
    "Knocknacarra Drive", "Inchicore Road", "Clonskeagh Road",
)
IE_TOWNS = (
    ("Galway", "H91"), ("Cork", "T12"), ("Limerick", "V94"), ("Dublin", "D08"),
    ("Sligo", "F91"), ("Kilkenny", "R95"), ("Waterford", "X91"),
)
CA_STREETS = (
    "Rue Saint-Denis", "Commercial Drive", "Kensington Road", "Spring Garden Road",
    "Portage Avenue", "Whyte Avenue", "Gladstone Avenue",
)
# (city, province, abbreviation or None, first half of the postal code)
CA_CITIES = (
    ("Montréal", "Quebec", "QC", "H2X"), ("Toronto", "Ontario", None, "M5T"),
    ("Vancouver", "British Columbia", "BC", "V5L"), ("Calgary", "Alberta", "AB", "T2N"),
    ("Halifax", "Nova Scotia", "NS", "B3J"), ("Winnipeg", "Manitoba", "MB", "R3C"),
    ("Ottawa", "Ontario", None, "K1S"),
)
AU_STREETS = (
    "Wattle Street", "Brunswick Street", "Jacaranda Crescent", "Bellbird Close",
    "Kookaburra Way", "Banksia Road", "Glenferrie Road",
)
AU_TOWNS = (
    ("Fitzroy", "Victoria", "VIC", "3065"), ("Newtown", "New South Wales", "NSW", "2042"),
    ("Paddington", "Queensland", "QLD", "4064"), ("Fremantle", "Western Australia", None, "6160"),
    ("Hobart", "Tasmania", "TAS", "7000"), ("Glenelg", "South Australia", None, "5045"),
)
NZ_STREETS = ("Kowhai Street", "Ponsonby Road", "Karangahape Road", "Tui Crescent", "Rimu Street")
NZ_TOWNS = (
    ("Rotorua", "3010"), ("Dunedin", "9016"), ("Whanganui", "4500"), ("Nelson", "7010"),
    ("Napier", "4110"),
)
DE_STREETS = (
    "Lindenstraße", "Kastanienallee", "Am Wiesengrund", "Goethestraße", "Bergmannstraße",
    "Auguststraße", "Holunderweg",
)
DE_TOWNS = (
    ("Berlin", "101"), ("Hamburg", "200"), ("München", "803"), ("Köln", "506"),
    ("Leipzig", "041"), ("Freiburg", "790"), ("Bremen", "281"), ("Dresden", "010"),
)
FR_STREETS = (
    "rue des Lilas", "avenue Jean Jaurès", "boulevard Voltaire", "rue de la Roquette",
    "impasse des Tilleuls", "chemin des Vignes", "rue Mouffetard",
)
FR_TOWNS = (
    ("Lyon", "6900"), ("Paris", "7501"), ("Marseille", "1300"), ("Toulouse", "3100"),
    ("Nantes", "4400"), ("Lille", "5900"), ("Rennes", "3500"),
)
NL_STREETS = (
    "Prinsengracht", "Overtoom", "Witte de Withstraat", "Oudegracht", "Zeedijk", "Javastraat",
    "Vondelstraat",
)
NL_TOWNS = (
    ("Amsterdam", "10"), ("Rotterdam", "30"), ("Utrecht", "35"), ("Den Haag", "25"),
    ("Groningen", "97"), ("Haarlem", "20"), ("Eindhoven", "56"),
)
ES_STREETS = (
    "Calle de Alcalá", "Carrer de Verdi", "Calle del Pez", "Carrer de Blai", "Calle Feria",
    "Avenida de la Constitución",
)
ES_TOWNS = (
    ("Madrid", "280"), ("Barcelona", "080"), ("Sevilla", "410"), ("Valencia", "460"),
    ("Bilbao", "480"), ("Granada", "180"), ("Málaga", "290"),
)
IT_STREETS = (
    "Via Garibaldi", "Via dei Mille", "Corso Vittorio Emanuele", "Via San Vitale",
    "Viale Monza", "Via Toledo",
)
IT_TOWNS = (
    ("Torino", "101"), ("Bologna", "401"), ("Napoli", "801"), ("Milano", "201"),
    ("Firenze", "501"), ("Palermo", "901"),
)
PL_STREETS = (
    "ul. Długa", "ul. Piotrkowska", "ul. Floriańska", "ul. Mickiewicza", "ul. Ogrodowa",
    "ul. Świętojańska",
)
PL_TOWNS = (
    ("Gdańsk", "80"), ("Łódź", "90"), ("Kraków", "31"), ("Poznań", "60"), ("Wrocław", "50"),
    ("Gdynia", "81"),
)
IN_BUILDINGS = (
    "Sai Krupa Apartments", "Kaveri Enclave", "Shanti Niketan Society", "Lakshmi Residency",
    "Gulmohar Towers", "Anand Vihar",
)
IN_TOWNS = (
    ("Indiranagar", "Bengaluru", "5600"), ("Koregaon Park", "Pune", "4110"),
    ("Andheri West", "Mumbai", "4000"), ("Banjara Hills", "Hyderabad", "5000"),
    ("Adyar", "Chennai", "6000"), ("Ballygunge", "Kolkata", "7000"),
)
PH_STREETS = (
    "Mabini Street", "Kalayaan Avenue", "Katipunan Avenue", "Maginhawa Street", "Gorordo Avenue",
)
PH_TOWNS = (
    ("Malate", "Manila", "1004"), ("Diliman", "Quezon City", "1101"),
    ("Poblacion", "Makati", "1210"), ("Lahug", "Cebu City", "6000"),
)
ZA_STREETS = ("Jacaranda Avenue", "Vilakazi Street", "Bree Street", "Florida Road", "Juta Street")
ZA_TOWNS = (
    ("Melville", "Johannesburg", "2092"), ("Observatory", "Cape Town", "7925"),
    ("Morningside", "Durban", "4001"), ("Hatfield", "Pretoria", "0083"),
)
KE_STREETS = ("Kindaruma Road", "Ngong Road", "Argwings Kodhek Road", "Lenana Road")
KE_TOWNS = (
    ("Kilimani", "Nairobi"), ("Westlands", "Nairobi"), ("Nyali", "Mombasa"),
    ("Milimani", "Kisumu"),
)
NG_STREETS = (
    "Adeola Odeku Street", "Awolowo Road", "Allen Avenue", "Ogui Road", "Aminu Kano Crescent",
)
NG_TOWNS = (
    ("Victoria Island", "Lagos"), ("Ikoyi", "Lagos"), ("Ikeja", "Lagos"), ("Wuse", "Abuja"),
    ("Independence Layout", "Enugu"),
)
MX_STREETS = ("Calle Durango", "Calle Hidalgo", "Avenida Álvaro Obregón", "Calle Ámsterdam")
MX_TOWNS = (
    ("Roma Norte", "06700", "Ciudad de México"), ("Condesa", "06140", "Ciudad de México"),
    ("Americana", "44160", "Guadalajara"), ("Del Valle", "03100", "Ciudad de México"),
)
BR_STREETS = (
    "Rua Augusta", "Rua Oscar Freire", "Avenida Atlântica", "Rua das Laranjeiras", "Rua da Bahia",
)
BR_TOWNS = (
    ("São Paulo", "SP", "01304"), ("Rio de Janeiro", "RJ", "22021"),
    ("Belo Horizonte", "MG", "30130"), ("Curitiba", "PR", "80010"),
)
JP_AREAS = (
    ("Jingumae", "Shibuya", "Tokyo", "150"), ("Nishiki", "Naka", "Nagoya", "460"),
    ("Namba", "Chuo", "Osaka", "542"), ("Gion", "Higashiyama", "Kyoto", "605"),
    ("Tenjin", "Chuo", "Fukuoka", "810"),
)

# ---------------------------------------------------------------------------------------
# Spoken numbers.

_UNITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = (
    "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen",
)
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_UNIT_VALUE = {w: i for i, w in enumerate(_UNITS)} | {"oh": 0, "nought": 0}
_TEEN_VALUE = {w: 10 + i for i, w in enumerate(_TEENS)}
_TENS_VALUE = {w: i for i, w in enumerate(_TENS) if w}


def spoken_digits(text: str) -> str:
    """Digits a spoken surface holds, by the labelling rules; checks every spoken label."""
    tokens = re.findall(r"[a-z]+", text.lower())
    out: list[str] = []
    i = 0
    while i < len(tokens):
        word = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if word in ("double", "triple") and nxt in _UNIT_VALUE:
            out.append(str(_UNIT_VALUE[nxt]) * (2 if word == "double" else 3))
            i += 2
            continue
        if word in _TENS_VALUE and _UNIT_VALUE.get(nxt, 0) > 0:
            out.append(f"{_TENS_VALUE[word]}{_UNIT_VALUE[nxt]}")
            i += 2
            continue
        if word in _TENS_VALUE:
            out.append(f"{_TENS_VALUE[word]}0")
        elif word in _TEEN_VALUE:
            out.append(str(_TEEN_VALUE[word]))
        elif word in _UNIT_VALUE:
            out.append(str(_UNIT_VALUE[word]))
        elif word == "hundred":
            out.append("00")
        elif word == "thousand":
            out.append("000")
        i += 1
    return "".join(out)


def _say_two(n: int) -> str:
    """A number below 100 as words, the way people say a pair of digits."""
    if n < 10:
        return _UNITS[n]
    if n < 20:
        return _TEENS[n - 10]
    return _TENS[n // 10] + ("" if n % 10 == 0 else " " + _UNITS[n % 10])


def _zero_word(rng: random.Random) -> str:
    """People say 0 as oh, zero or nought; one choice per number keeps it natural."""
    return rng.choice(("oh", "oh", "oh", "zero", "nought"))


def _say_each(digits: str, rng: random.Random) -> str:
    """Digit by digit, with "double" and "triple" for runs, as phone numbers are read."""
    zero = _zero_word(rng)
    words: list[str] = []
    i = 0
    while i < len(digits):
        run = len(digits[i:]) - len(digits[i:].lstrip(digits[i]))
        word = zero if digits[i] == "0" else _UNITS[int(digits[i])]
        if run >= 3 and rng.random() < 0.5:
            words.append("triple " + word)
            i += 3
        elif run >= 2 and rng.random() < 0.6:
            words.append("double " + word)
            i += 2
        else:
            words.append(word)
            i += 1
    return " ".join(words)


def _say_pairs(digits: str, rng: random.Random) -> str:
    """In pairs ("five forty eight"), with "oh five" for a pair that starts with 0."""
    zero = _zero_word(rng)
    words = []
    if len(digits) % 2:
        words.append(zero if digits[0] == "0" else _UNITS[int(digits[0])])
        digits = digits[1:]
    for i in range(0, len(digits), 2):
        pair = digits[i:i + 2]
        if pair == "00":
            words.append("double " + zero)
        elif pair[0] == "0":
            words.append(f"{zero} {_UNITS[int(pair[1])]}")
        else:
            words.append(_say_two(int(pair)))
    return " ".join(words)


def _say_hundreds(digits: str) -> str | None:
    """Said as hundreds ("five hundred", "twelve hundred"), only for groups ending in 00."""
    if 3 <= len(digits) <= 4 and digits.endswith("00") and digits[0] != "0":
        return _say_two(int(digits[:-2])) + " hundred"
    return None


def say_digits(digits: str, rng: random.Random) -> str:
    """A digit group said the way people say it; falls back to one by one when ambiguous."""
    options = [_say_each(digits, rng), _say_each(digits, rng), _say_pairs(digits, rng)]
    hundreds = _say_hundreds(digits)
    if hundreds:
        options.append(hundreds)
    spoken = rng.choice(options)
    if spoken_digits(spoken) != digits:
        spoken = " ".join(_UNITS[int(d)] for d in digits)
    return spoken


def say_house(n: int, rng: random.Random) -> str:
    """A house number as said aloud: "forty seven", "two twenty one", "twelve hundred"."""
    text = str(n)
    options = [" ".join(_UNITS[int(d)] for d in text)]
    if n < 100:
        options = [_say_two(n)] * 3
    elif n < 1000:
        head, tail = _UNITS[int(text[0])], int(text[1:])
        options.append(f"{head} hundred" if tail == 0 else
                       f"{head} oh {_UNITS[tail]}" if tail < 10 else f"{head} {_say_two(tail)}")
    elif n < 10000:
        head, tail = _say_two(int(text[:2])), int(text[2:])
        options.append(f"{head} hundred" if tail == 0 else
                       f"{head} oh {_UNITS[tail]}" if tail < 10 else f"{head} {_say_two(tail)}")
    spoken = rng.choice(options)
    if spoken_digits(spoken) != text:
        spoken = " ".join(_UNITS[int(d)] for d in text)
    return spoken


def say_number(n: int) -> str:
    """A quantity in words ("two hundred and forty"), for the numbers in negatives."""
    if n < 100:
        return _say_two(n)
    if n < 1000:
        rest = n % 100
        return _UNITS[n // 100] + " hundred" + (f" and {_say_two(rest)}" if rest else "")
    rest = n % 1000
    return _say_two(n // 1000) + " thousand" + (f" {say_number(rest)}" if rest else "")


def spell(text: str) -> str:
    """Letters spelled out one by one with single spaces, as callers spell names."""
    return " ".join(ch.upper() for ch in text if ch.isalnum())


# ---------------------------------------------------------------------------------------
# Values.


class _Retry(Exception):
    """A fill that cannot satisfy the labelling rules; the template is filled again."""


def fold(text: str) -> str:
    """ASCII spelling for spoken text: a transcript rarely carries accents."""
    text = text.replace("ß", "ss").replace("ł", "l").replace("Ł", "L").replace("ð", "d")
    text = text.replace("ı", "i")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _value(kind: str, surface: str, canonical: str, digits: str, words) -> dict:
    """One labelled value in the schema's key order, words deduplicated in order."""
    unique = list(dict.fromkeys(words))
    return {"kind": kind, "surface": surface, "canonical": canonical, "digits": digits,
            "words": unique}


def _typed_digits(surface: str) -> str:
    """Every digit character of a typed surface."""
    return re.sub(r"\D", "", surface)


def _name_words(text: str, skip: frozenset = GENERIC) -> list[str]:
    """Identifying tokens of a place (or, with skip=PARTICLES, a person): no single letters."""
    tokens = re.split(r"[\s,.\-'/]+", text)
    return [t for t in tokens if len(t) >= 2 and t.isalpha() and t.casefold() not in skip]


def _pick_person(style: str, rng: random.Random, state: dict) -> tuple[str, str]:
    """A person not yet used in this sentence; multi-part names for a fifth of full names."""
    for _ in range(50):
        if style in ("word", "wordfirst"):
            person = (rng.choice(WORD_GIVEN), rng.choice(WORD_SURNAMES))
        elif style == "multi" or (style in ("", "surfirst", "caps") and rng.random() < 0.2):
            person = rng.choice(MULTI_NAMES)
        else:
            person = (rng.choice(GIVEN_NAMES), rng.choice(SURNAMES))
        used = state.setdefault("used", set())
        if person[0] not in used and person[1] not in used:
            used.update(person)
            return person
    raise _Retry


def _name_surface(style: str, given: str, surname: str) -> tuple[str, str]:
    """The surface and canonical form of a name in one of the sentence shapes."""
    full = f"{given} {surname}"
    shapes = {
        "first": (given, given), "wordfirst": (given, given), "sur": (surname, surname),
        "surfirst": (f"{surname}, {given}", full), "lower": (full.lower(), full),
        "caps": (full.upper(), full),
        "initial": (f"{given[0]}. {surname}", f"{given[0]}. {surname}"),
    }
    return shapes.get(style, (full, full))


def _spelled_name(form: str, state: dict) -> dict:
    """The last name said, spelled letter by letter, as callers do after saying it."""
    given, surname = state["person"]
    target = given if state.get("said") in ("first", "wordfirst") else surname
    plain = fold(target)
    if not plain.isalpha() or len(plain) < 3 or form != "spoken":
        raise _Retry
    return _value("person_name", spell(plain), target, "", [plain])


def person_value(style: str, form: str, rng: random.Random, state: dict) -> dict:
    """A person's name in the requested shape; "again" repeats the last person's name."""
    if style == "spelled":
        return _spelled_name(form, state)
    if style in ("again", "againsur"):
        given, surname = state["person"]
        part = given if style == "again" else surname
        surface = part if form == "typed" else fold(part)
        return _value("person_name", surface, part, "", _name_words(surface, PARTICLES))
    given, surname = _pick_person(style, rng, state)
    state["person"], state["said"] = (given, surname), style
    surface, canonical = _name_surface(style, given, surname)
    if style == "initial" and form == "spoken":
        surface = f"{given[0]} {surname}"
    if form == "spoken":
        surface = fold(surface)
    return _value("person_name", surface, canonical, "", _name_words(surface, PARTICLES))


# E-mail.

PERSONAL_DOMAINS = (
    "gmail.com", "outlook.com", "yahoo.co.uk", "proton.me", "icloud.com", "hotmail.fr",
    "posteo.de", "gmx.net", "yahoo.com.au", "rediffmail.com", "sympatico.ca", "libero.it", "wp.pl",
    "uol.com.br", "hotmail.com", "fastmail.fm", "xtra.co.nz", "eircom.net",
)
TRADES = (
    "plumbing", "tutoring", "cakes", "photo", "cleaning", "electrics", "events", "lettings",
    "catering", "studio", "crafts", "flowers",
)
TLDS = frozenset({
    "com", "co", "uk", "me", "fr", "de", "net", "au", "it", "pl", "br", "ca", "nz", "fm",
    "org", "ie", "io", "shop",
})


def _email_person(style: str, rng: random.Random, state: dict) -> tuple[str, str]:
    """Usually the person just named, since people give their own address."""
    if "person" in state and style != "rand" and rng.random() < 0.7:
        return state["person"]
    return (rng.choice(GIVEN_NAMES), rng.choice(SURNAMES))


def _slug(name: str, last: bool) -> str:
    """A name piece as it appears in an address: first or last part, ASCII, lower case."""
    parts = [p for p in re.split(r"[\s\-']+", fold(name).lower()) if p not in PARTICLES]
    return parts[-1] if last else parts[0]


def _email_parts(given: str, surname: str, rng: random.Random) -> list[tuple[str, str]]:
    """The local part as (type, text) pieces: names, initials, separators and numbers."""
    g, s = _slug(given, last=False), _slug(surname, last=True)
    num = str(rng.choice((rng.randint(1, 99), rng.randint(1970, 2009), rng.randint(100, 999))))
    shapes = (
        [("name", g), ("sep", "."), ("name", s)],
        [("name", g), ("name", s)],
        [("init", g[0]), ("sep", "."), ("name", s)],
        [("name", g), ("sep", "_"), ("name", s), ("num", num)],
        [("name", g), ("num", num)],
        [("name", s), ("sep", "."), ("name", g), ("num", num)],
        [("name", g), ("sep", "-"), ("name", s)],
        [("name", g), ("sep", "."), ("init", s[0]), ("num", num)],
    )
    return rng.choice(shapes)


def _email_domain(style: str, surname: str, rng: random.Random) -> list[str]:
    """Domain labels: a personal mail provider or a one-person business."""
    if style == "biz" or (style == "" and rng.random() < 0.3):
        trade = rng.choice(TRADES)
        name = _slug(surname, last=True)
        label = rng.choice((f"{name}{trade}", f"{name}-{trade}", f"{trade}by{name}"))
        return [label, rng.choice(("com", "co.uk", "ie", "de", "pl", "com.au", "shop"))]
    return [rng.choice(PERSONAL_DOMAINS)]


def _domain_words(labels: list[str]) -> list[str]:
    """Domain name pieces that identify: no top-level labels, no trade word standing alone."""
    words = []
    for label in ".".join(labels).split("."):
        for piece in label.split("-"):
            if piece not in TLDS and piece not in TRADES and len(piece) >= 2:
                words.append(piece)
    return words


def _say_domain(domain: str, rng: random.Random) -> str:
    """Said as "gmail dot com" or "okafor dash plumbing dot co dot uk"; "p l" spelled."""
    spoken = []
    for label in domain.split("."):
        if len(label) == 2 and label not in ("co", "me"):
            spoken.append(spell(label).lower())
        else:
            spoken.append(label.replace("-", " dash "))
    return " dot ".join(spoken)


def email_value(style: str, form: str, rng: random.Random, state: dict) -> dict:
    """An e-mail address, typed as written or said with "at", "dot", "dash", "underscore"."""
    given, surname = _email_person(style, rng, state)
    parts = _email_parts(given, surname, rng)
    domain = ".".join(_email_domain(style, surname, rng))
    local = "".join(text for _, text in parts)
    canonical = f"{local}@{domain}"
    digits = "".join(text for kind, text in parts if kind == "num")
    domain_words = _domain_words([domain])
    if form == "typed":
        surface = canonical.capitalize() if rng.random() < 0.15 else canonical
        local_words = [t for t in re.findall(r"[a-z0-9]+", local)
                       if sum(ch.isalpha() for ch in t) >= 2]
        return _value("email", surface, canonical, digits, local_words + domain_words)
    sep_words = {".": "dot", "_": "underscore", "-": "dash"}
    spoken, words = [], []
    for kind, text in parts:
        if kind == "name":
            words.append(text)
            spoken.append(spell(text).lower() if rng.random() < 0.15 else text)
        elif kind == "init":
            spoken.append(text)
        elif kind == "sep":
            spoken.append(sep_words[text])
        else:
            spoken.append(say_digits(text, rng))
    surface = " ".join(spoken) + " at " + _say_domain(domain, rng)
    return _value("email", surface, canonical, digits, words + domain_words)


# Phone numbers: random national numbers behind real prefixes, kept only when valid.

PHONE_PREFIXES = {
    "US": ("212", "312", "415", "503", "617", "702", "713", "808", "919", "206", "404"),
    "CA": ("416", "604", "514", "403", "902", "613"),
    "GB": ("74", "75", "77", "78", "79"), "IE": ("83", "85", "86", "87", "89"),
    "AU": ("40", "41", "42", "43", "45"), "NZ": ("21", "22", "27"),
    "DE": ("151", "160", "170", "171", "176"), "FR": ("6", "7"), "NL": ("6",),
    "ES": ("6",), "IT": ("32", "33", "34", "35"), "PL": ("5", "6", "7", "8"),
    "IN": ("9", "8", "7"), "NG": ("803", "806", "813", "903"), "KE": ("70", "71", "72"),
    "ZA": ("72", "73", "82", "83"), "PH": ("905", "917", "927"), "MX": ("55", "33", "81"),
    "BR": ("119", "219", "319"), "JP": ("90", "80", "70"),
}
PHONE_REGIONS = tuple(PHONE_PREFIXES)


def _phone_number(region: str, rng: random.Random) -> phonenumbers.PhoneNumber:
    """A random mobile number in the region that phonenumbers accepts as valid."""
    example = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
    length = len(str(example.national_number))
    for _ in range(1000):
        prefix = rng.choice(PHONE_PREFIXES[region])
        nsn = prefix + "".join(rng.choice("0123456789") for _ in range(length - len(prefix)))
        number = phonenumbers.parse(f"+{example.country_code}{nsn}")
        if phonenumbers.is_valid_number(number):
            return number
    raise RuntimeError(f"no valid number for {region}")


def _typed_phone(number: phonenumbers.PhoneNumber, intl: bool, rng: random.Random) -> str:
    """The number as people type it: standard formats, odd groupings, dots and dashes."""
    fmt = phonenumbers.PhoneNumberFormat
    international = phonenumbers.format_number(number, fmt.INTERNATIONAL)
    options = [international, phonenumbers.format_number(number, fmt.E164),
               international.replace(" ", "-", 1)]
    if not intl:
        national = phonenumbers.format_number(number, fmt.NATIONAL)
        digits = _typed_digits(national)
        cut = rng.randint(3, 5)
        options += [national, national, digits, f"{digits[:cut]} {digits[cut:]}",
                    f"{digits[:3]}-{digits[3:6]}-{digits[6:]}",
                    f"{digits[:3]}.{digits[3:6]}.{digits[6:]}"]
    return rng.choice(options)


def _spoken_phone(number: phonenumbers.PhoneNumber, intl: bool, rng: random.Random):
    """The number as said: group by group, with "plus" and the country code when given."""
    fmt = phonenumbers.PhoneNumberFormat
    text = phonenumbers.format_number(number, fmt.INTERNATIONAL if intl else fmt.NATIONAL)
    groups = re.findall(r"\d+", text)
    joiner = rng.choice((", ", " ", " "))
    spoken = joiner.join(say_digits(g, rng) for g in groups)
    return ("plus " + spoken if intl else spoken), "".join(groups)


def phone_value(style: str, form: str, rng: random.Random, state: dict) -> dict:
    """A valid mobile number from one of 20 regions, typed or spoken."""
    region = style.upper() if style.upper() in PHONE_PREFIXES else rng.choice(PHONE_REGIONS)
    number = _phone_number(region, rng)
    canonical = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    intl = style == "intl" or rng.random() < 0.3
    if form == "typed":
        surface = _typed_phone(number, intl, rng)
        return _value("phone", surface, canonical, _typed_digits(surface), [])
    surface, digits = _spoken_phone(number, intl, rng)
    return _value("phone", surface, canonical, digits, [])


# Payment cards.

def _card_number(style: str, rng: random.Random) -> str:
    """A Luhn-valid number behind a real issuer prefix (Visa, Mastercard, Amex, ...)."""
    if style == "amex":
        prefix, length = rng.choice(("34", "37")), 15
    elif style == "visa":
        prefix, length = "4", 16
    else:
        prefix = rng.choice((
            "4", "4", "4", "4", str(rng.randint(51, 55)), str(rng.randint(2221, 2720)),
            "6011", "65", str(rng.randint(3528, 3589)),
        ))
        length = 16
    body = prefix + "".join(rng.choice("0123456789") for _ in range(length - 1 - len(prefix)))
    return body + luhn.calc_check_digit(body)


def _card_groups(number: str) -> list[str]:
    """Groups as printed on the card: 4-6-5 for Amex, 4-4-4-4 otherwise."""
    if len(number) == 15:
        return [number[:4], number[4:10], number[10:]]
    return [number[i:i + 4] for i in range(0, len(number), 4)]


def card_value(style: str, form: str, rng: random.Random, state: dict) -> dict:
    """A card number, typed in groups, run together or with Whisper's thousands commas."""
    number = _card_number(style, rng)
    groups = _card_groups(number)
    if form == "typed":
        surface = rng.choice((
            " ".join(groups), " ".join(groups), "-".join(groups), number, f"{int(number):,}",
        ))
    else:
        surface = rng.choice((", ", " ", ". ")).join(say_digits(g, rng) for g in groups)
    return _value("card", surface, number, number, [])


# IBANs.

GB_BANKS = ("NWBK", "BARC", "LOYD", "HBUK", "MIDL", "SRLG")
IE_BANKS = ("AIBK", "BOFI", "IPBS")
NL_BANKS = ("ABNA", "RABO", "INGB", "TRIO", "KNAB", "BUNQ")
IBAN_BBAN = {  # country: (bank codes or (), digits after them, leading letter)
    "GB": (GB_BANKS, 14, False), "IE": (IE_BANKS, 14, False), "NL": (NL_BANKS, 10, False),
    "DE": ((), 18, False), "FR": ((), 23, False), "ES": ((), 20, False),
    "IT": ((), 22, True), "BE": ((), 12, False), "PL": ((), 24, False),
    "AT": ((), 16, False), "PT": ((), 21, False), "CH": ((), 17, False),
    "FI": ((), 14, False), "LT": ((), 16, False),
}


def _iban_number(country: str, rng: random.Random) -> str:
    """A random IBAN with correct check digits and BBAN, kept only when stdnum accepts it."""
    banks, count, letter = IBAN_BBAN[country]
    for _ in range(5000):
        bban = (rng.choice(banks) if banks else "") + ("X" if letter else "")
        bban += "".join(rng.choice("0123456789") for _ in range(count))
        number = country + std_iban.calc_check_digits(country + "00" + bban) + bban
        if std_iban.is_valid(number):
            return number
    raise RuntimeError(f"no valid IBAN for {country}")


def _say_iban(number: str, rng: random.Random) -> str:
    """Group by group: letters spelled, digit runs said the way people say them."""
    groups = [number[i:i + 4] for i in range(0, len(number), 4)]
    spoken = []
    for group in groups:
        runs = re.findall(r"[A-Z]+|\d+", group)
        spoken.append(" ".join(spell(r) if r.isalpha() else say_digits(r, rng) for r in runs))
    return rng.choice((", ", " ")).join(spoken)


def iban_value(style: str, form: str, rng: random.Random, state: dict) -> dict:
    """An IBAN from one of 14 countries; bank letters are words when they stand alone."""
    country = style.upper() if style.upper() in IBAN_BBAN else rng.choice(tuple(IBAN_BBAN))
    number = _iban_number(country, rng)
    bank = IBAN_BBAN[country][0] and number[4:8]
    if form == "typed":
        grouped = std_iban.format(number)
        surface = rng.choice((grouped, grouped, number, grouped.lower()))
        words = [bank] if bank and surface.upper() == grouped else []
    else:
        surface = _say_iban(number, rng)
        words = [bank] if bank else []
    return _value("iban", surface, number, _typed_digits(number), words)


# US Social Security numbers.

def _ssn_number(rng: random.Random) -> str:
    """A random SSN that stdnum accepts: no 000, 666 or 9xx area, no 00 group or 0000 serial."""
    while True:
        ssn = f"{rng.randint(1, 899):03d}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}"
        if std_ssn.is_valid(ssn):
            return ssn


def ssn_value(style: str, form: str, rng: random.Random, state: dict) -> dict:
    """An SSN with dashes, spaces or none when typed; group by group when spoken."""
    ssn = _ssn_number(rng)
    groups = ssn.split("-")
    if form == "typed":
        surface = rng.choice((ssn, ssn, " ".join(groups), "".join(groups), ".".join(groups)))
    else:
        surface = rng.choice((", ", " ")).join(say_digits(g, rng) for g in groups)
    return _value("us_ssn", surface, ssn, "".join(groups), [])


# IP addresses.

def _home_net(rng: random.Random, state: dict) -> str:
    """The first three octets of the home network; one network per sentence."""
    if "net" not in state:
        r = rng.randint
        state["net"] = rng.choice((f"192.168.{r(0, 20)}", f"192.168.{r(0, 20)}", "10.0.0",
                                   f"10.{r(0, 30)}.{r(0, 9)}", f"172.{r(16, 31)}.{r(0, 9)}"))
    return state["net"]


def _ip_address(style: str, rng: random.Random, state: dict) -> ipaddress._BaseAddress:
    """A home-network, router, public or IPv6 address of the kind people read off a screen."""
    r = rng.randint
    if style == "router":
        return ipaddress.ip_address(f"{_home_net(rng, state)}.{rng.choice((1, 1, 1, 254))}")
    if style in ("public", "v6"):
        while True:
            if style == "v6":
                address = ipaddress.IPv6Address((0x2A02 << 112) | rng.getrandbits(100))
            else:
                address = ipaddress.IPv4Address(f"{r(1, 223)}.{r(0, 255)}.{r(0, 255)}.{r(1, 254)}")
            if address.is_global and not address.is_multicast:
                return address
    used = state.setdefault("hosts", set())
    host = rng.choice([n for n in range(2, 254) if n not in used])
    used.add(host)
    return ipaddress.ip_address(f"{_home_net(rng, state)}.{host}")


def _say_octet(n: int, rng: random.Random) -> str:
    """One octet: "one ninety two", "one six eight", "two hundred", "one oh five"."""
    if n < 100:
        return _say_two(n)
    text = str(n)
    options = [" ".join(_UNITS[int(d)] for d in text), say_house(n, rng)]
    return rng.choice(options)


def ip_value(style: str, form: str, rng: random.Random, state: dict) -> dict:
    """An IP address, written as usual or said octet by octet with "dot"."""
    address = _ip_address(style, rng, state)
    canonical = str(address)
    if form == "typed":
        return _value("ip_address", canonical, canonical, _typed_digits(canonical), [])
    if address.version == 6:
        raise _Retry
    spoken = " dot ".join(_say_octet(int(o), rng) for o in canonical.split("."))
    return _value("ip_address", spoken, canonical, _typed_digits(canonical), [])


# Street addresses, built from pieces that each know their typed and spoken shape.

def _piece(lead, typed, spoken=None, words=None, core=False, spoken_words=None) -> dict:
    """One part of an address: its separator, typed text, spoken text and its words."""
    words = _name_words(typed) if words is None else list(words)
    spoken = fold(typed) if spoken is None else spoken
    if spoken_words is None:
        spoken_words = [fold(w) for w in words]
    return {"lead": lead, "typed": typed, "spoken": spoken, "words": words,
            "spoken_words": spoken_words, "core": core}


def _num(lead: str, n: int, rng: random.Random, prefix: str = "", said: str = "") -> dict:
    """A house, flat or unit number: "Flat 3" typed, "flat three" spoken."""
    spoken_prefix = said or prefix.lower()
    return _piece(lead, f"{prefix}{n}", f"{spoken_prefix}{say_house(n, rng)}", [], core=True)


def _street(lead: str, name: str, rng: random.Random) -> dict:
    """A street name; typed sometimes abbreviated (Rd, St, Ave), never labelled by its type."""
    typed = name
    if rng.random() < 0.3:
        for full, short in ((" Street", " St"), (" Road", " Rd"), (" Avenue", " Ave"),
                            (" Lane", " Ln"), (" Drive", " Dr")):
            typed = typed.replace(full, short)
    return _piece(lead, typed, fold(name), _name_words(name), core=True)


def _code(lead: str, code: str, rng: random.Random) -> dict:
    """A postcode: tokens with letters are words; spoken letter by letter and digit by digit."""
    runs = re.findall(r"[A-Za-z]+|\d+", code)
    spoken = " ".join(spell(r) if r.isalpha() else say_digits(r, rng) for r in runs)
    words = [t for t in code.split() if re.search(r"[A-Za-z]", t) and len(t) >= 2]
    return _piece(lead, code, spoken, words, spoken_words=[])


def _region(lead: str, name: str, abbr: str | None, rng: random.Random) -> dict:
    """A state or province: abbreviated when typed if the abbreviation is not a word."""
    if abbr and rng.random() < 0.6:
        return _piece(lead, abbr, fold(name), [abbr], spoken_words=_name_words(fold(name)))
    return _piece(lead, name)


def _letters(rng: random.Random, count: int, pool: str = "ABDEFGHJLNPQRSTUWXYZ") -> str:
    """Random postcode letters from the letters postcodes actually use."""
    return "".join(rng.choice(pool) for _ in range(count))


def _house(rng: random.Random) -> int:
    """House numbers from short to four-digit ones."""
    return rng.choice((rng.randint(1, 40), rng.randint(2, 99), rng.randint(100, 999),
                       rng.randint(1000, 9899)))


def _addr_us(rng):
    """United States: number, street, optional apartment, city, state or its code, ZIP."""
    street = rng.choice(US_STREETS)
    city, state, abbr, zip3 = rng.choice(US_CITIES)
    pieces = [_num("", _house(rng), rng), _street(" ", street, rng)]
    if rng.random() < 0.2:
        pieces.append(_num(" ", rng.randint(1, 40), rng, "Apt ", "apartment "))
    return pieces + [_piece(", ", city), _region(", ", state, abbr, rng),
                     _code(" ", zip3 + f"{rng.randint(1, 99):02d}", rng)]


def _addr_gb(rng):
    """United Kingdom: optional flat, number, street, town, postcode with letters."""
    town, area = rng.choice(UK_TOWNS)
    pieces, lead = [], ""
    if rng.random() < 0.3:
        pieces, lead = [_num("", rng.randint(1, 12), rng, "Flat ")], ", "
    code = f"{area}{rng.randint(1, 28)} {rng.randint(1, 9)}{_letters(rng, 2)}"
    street = _street(" ", rng.choice(UK_STREETS), rng)
    return pieces + [_num(lead, rng.randint(1, 240), rng), street, _piece(", ", town),
                     _code(" ", code, rng)]


def _addr_ie(rng):
    """Ireland: number, street, town or Dublin district, Eircode."""
    town, key = rng.choice(IE_TOWNS)
    pool = "ACDEFHKNPRTVWXY"
    unique = f"{rng.choice(pool)}{rng.randint(1, 9)}{rng.choice(pool)}{rng.randint(1, 9)}"
    place = _piece(", ", town)
    if town == "Dublin":
        place = _piece(", ", "Dublin 8", "Dublin eight", ["Dublin"])
    return [_num("", rng.randint(1, 160), rng), _street(" ", rng.choice(IE_STREETS), rng), place,
            _code(", ", f"{key} {unique}", rng)]


def _addr_ca(rng):
    """Canada: number, street, city, province or its code, postal code."""
    city, province, abbr, fsa = rng.choice(CA_CITIES)
    code = f"{fsa} {rng.randint(1, 9)}{_letters(rng, 1, 'ABCEGHJKLMNPRSTVXY')}{rng.randint(0, 9)}"
    return [_num("", _house(rng), rng), _street(" ", rng.choice(CA_STREETS), rng),
            _piece(", ", city), _region(", ", province, abbr, rng), _code(" ", code, rng)]


def _addr_au(rng):
    """Australia: optional unit, number, street, suburb, state or its code, postcode."""
    town, state, abbr, post = rng.choice(AU_TOWNS)
    pieces, lead = [], ""
    if rng.random() < 0.25:
        pieces, lead = [_num("", rng.randint(1, 20), rng, "Unit ")], ", "
    street = _street(" ", rng.choice(AU_STREETS), rng)
    return pieces + [_num(lead, rng.randint(1, 300), rng), street, _piece(", ", town),
                     _region(" ", state, abbr, rng), _code(" ", post, rng)]


def _addr_nz(rng):
    """New Zealand: number, street, town, postcode."""
    town, post = rng.choice(NZ_TOWNS)
    return [_num("", rng.randint(1, 220), rng), _street(" ", rng.choice(NZ_STREETS), rng),
            _piece(", ", town), _code(" ", post, rng)]


def _addr_de(rng):
    """Germany: street, number after it, postcode before the town."""
    town, prefix = rng.choice(DE_TOWNS)
    return [_street("", rng.choice(DE_STREETS), rng), _num(" ", rng.randint(1, 140), rng),
            _code(", ", f"{prefix}{rng.randint(10, 99)}", rng), _piece(" ", town)]


def _addr_fr(rng):
    """France: number, street (lower-case type), postcode, town."""
    town, prefix = rng.choice(FR_TOWNS)
    return [_num("", rng.randint(1, 180), rng), _street(" ", rng.choice(FR_STREETS), rng),
            _code(", ", f"{prefix}{rng.randint(0, 9)}", rng), _piece(" ", town)]


def _addr_nl(rng):
    """Netherlands: street, number, postcode with two letters, town."""
    town, prefix = rng.choice(NL_TOWNS)
    code = f"{prefix}{rng.randint(10, 99)} {_letters(rng, 2, 'BCEGHJKLMNPRTVWXZ')}"
    return [_street("", rng.choice(NL_STREETS), rng), _num(" ", rng.randint(1, 480), rng),
            _code(", ", code, rng), _piece(" ", town)]


def _addr_es(rng):
    """Spain: street, number, postcode, town."""
    town, prefix = rng.choice(ES_TOWNS)
    return [_street("", rng.choice(ES_STREETS), rng),
            _num(rng.choice((" ", ", ")), rng.randint(1, 160), rng),
            _code(", ", f"{prefix}{rng.randint(1, 52):02d}", rng), _piece(" ", town)]


def _addr_it(rng):
    """Italy: street, number, postcode, town."""
    town, prefix = rng.choice(IT_TOWNS)
    return [_street("", rng.choice(IT_STREETS), rng), _num(" ", rng.randint(1, 200), rng),
            _code(", ", f"{prefix}{rng.randint(10, 99)}", rng), _piece(" ", town)]


def _addr_pl(rng):
    """Poland: street, house/flat, postcode with a dash, town."""
    town, prefix = rng.choice(PL_TOWNS)
    house, flat = rng.randint(1, 90), rng.randint(1, 40)
    number = _piece(" ", f"{house}/{flat}",
                    f"{say_house(house, rng)} flat {say_house(flat, rng)}", [], core=True)
    code = f"{prefix}-{rng.randint(1, 999):03d}"
    return [_street("", rng.choice(PL_STREETS), rng), number, _code(", ", code, rng),
            _piece(" ", town)]


def _addr_in(rng):
    """India: flat, building, locality, city, PIN code."""
    locality, city, prefix = rng.choice(IN_TOWNS)
    return [_num("", rng.randint(1, 12) * 100 + rng.randint(1, 12), rng, "Flat "),
            _piece(", ", rng.choice(IN_BUILDINGS), core=True), _piece(", ", locality),
            _piece(", ", city), _code(" ", f"{prefix}{rng.randint(10, 99)}", rng)]


def _addr_ph(rng):
    """Philippines: number, street, district, city, ZIP."""
    district, city, post = rng.choice(PH_TOWNS)
    return [_num("", _house(rng), rng), _street(" ", rng.choice(PH_STREETS), rng),
            _piece(", ", district), _piece(", ", city), _code(" ", post, rng)]


def _addr_za(rng):
    """South Africa: number, street, suburb, city, postal code."""
    suburb, city, post = rng.choice(ZA_TOWNS)
    return [_num("", rng.randint(1, 260), rng), _street(" ", rng.choice(ZA_STREETS), rng),
            _piece(", ", suburb), _piece(", ", city), _code(", ", post, rng)]


def _addr_ke(rng):
    """Kenya: house number, road, suburb, city; no postcode, as people give it."""
    suburb, city = rng.choice(KE_TOWNS)
    return [_num("", rng.randint(1, 60), rng, "House "),
            _street(", ", rng.choice(KE_STREETS), rng), _piece(", ", suburb), _piece(", ", city)]


def _addr_ng(rng):
    """Nigeria: number, street, area, city."""
    area, city = rng.choice(NG_TOWNS)
    return [_num("", rng.randint(1, 120), rng), _street(" ", rng.choice(NG_STREETS), rng),
            _piece(", ", area), _piece(", ", city)]


def _addr_mx(rng):
    """Mexico: street, number, colonia, postcode, city."""
    colonia, post, city = rng.choice(MX_TOWNS)
    return [_street("", rng.choice(MX_STREETS), rng), _num(" ", _house(rng), rng),
            _piece(", ", f"Col. {colonia}", f"Colonia {fold(colonia)}"), _code(", ", post, rng),
            _piece(" ", city)]


def _addr_br(rng):
    """Brazil: street, number, optional apartment, city, state code, CEP."""
    city, state, post = rng.choice(BR_TOWNS)
    pieces = [_street("", rng.choice(BR_STREETS), rng), _num(", ", _house(rng), rng)]
    if rng.random() < 0.5:
        pieces.append(_num(", ", rng.randint(11, 140), rng, "apto ", "apartment "))
    return pieces + [_piece(", ", city), _piece(" - ", state, "", [state], spoken_words=[]),
                     _code(", ", f"{post}-{rng.randint(0, 999):03d}", rng)]


def _addr_jp(rng):
    """Japan: block numbers, district, ward, city, postcode."""
    area, ward, city, prefix = rng.choice(JP_AREAS)
    parts = [rng.randint(1, 4), rng.randint(1, 30), rng.randint(1, 20)]
    block = _piece("", "-".join(map(str, parts)), " ".join(say_house(p, rng) for p in parts), [],
                   core=True)
    return [block, _piece(" ", area, core=True), _piece(", ", f"{ward}-ku", f"{ward} ku"),
            _piece(", ", city), _code(" ", f"{prefix}-{rng.randint(1, 99):04d}", rng)]


ADDRESS_BUILDERS = {
    "us": _addr_us, "gb": _addr_gb, "ie": _addr_ie, "ca": _addr_ca, "au": _addr_au,
    "nz": _addr_nz, "de": _addr_de, "fr": _addr_fr, "nl": _addr_nl, "es": _addr_es,
    "it": _addr_it, "pl": _addr_pl, "in": _addr_in, "ph": _addr_ph, "za": _addr_za,
    "ke": _addr_ke, "ng": _addr_ng, "mx": _addr_mx, "br": _addr_br, "jp": _addr_jp,
}


SHORT_COUNTRIES = tuple(c for c in ADDRESS_BUILDERS if c not in ("in", "jp"))


def _join(pieces: list[dict], key: str) -> str:
    """Pieces joined by their own separators; a piece with no spoken text is left out."""
    parts = [p for p in pieces if p[key]]
    return "".join((p["lead"] if i else "") + p[key] for i, p in enumerate(parts))


def address_value(style: str, form: str, rng: random.Random, state: dict) -> dict:
    """A street address from one of 20 countries; "short" keeps house number and street."""
    countries = SHORT_COUNTRIES if style == "short" else tuple(ADDRESS_BUILDERS)
    country = style if style in ADDRESS_BUILDERS else rng.choice(countries)
    pieces = ADDRESS_BUILDERS[country](rng)
    if style == "short":
        pieces = [p for p in pieces if p["core"]]
    canonical = _join(pieces, "typed")
    digits = _typed_digits(canonical)
    if form == "typed":
        surface = canonical.lower() if rng.random() < 0.15 else canonical
        words = [w for p in pieces for w in p["words"]]
    else:
        surface = _join(pieces, "spoken")
        words = [w for p in pieces for w in p["spoken_words"]]
    if form == "spoken" and spoken_digits(surface) != digits:
        raise _Retry
    return _value("street_address", surface, canonical, digits, words)


MAKERS = {
    "card": card_value, "us_ssn": ssn_value, "phone": phone_value, "email": email_value,
    "iban": iban_value, "ip_address": ip_value, "street_address": address_value,
    "person_name": person_value,
}

# ---------------------------------------------------------------------------------------
# Templates. A slot is {kind} or {kind:style}; the stored template keeps only {kind}.
# Typed templates write every number as digits; spoken ones hold no digit characters.

TYPED_TEMPLATES = (
    # A market trader taking card payments by phone.
    "Take a card payment of £38.50 for the honey: card number {card}, name on the card "
    "{person_name}.",
    "ok card is {card} and she says her name's {person_name:first}, mobile {phone:gb}",
    "Customer wants 2 crates of apples delivered, paying by card {card}, deliver to "
    "{street_address:gb}",
    "note for saturday stall - {person_name} paid the £120 deposit by phone with {card}, "
    "call back on {phone}",
    "Charge {card:amex} for the wreath (£65). Customer is Mrs {person_name:sur}, {phone}.",
    "Run {card} again for £14.99, the reader timed out. It's {person_name:first}'s card",
    "Phone order from {person_name:multi}: 6 jars of chutney, card {card}, ship to "
    "{street_address}",
    # A plumber's and an electrician's job notes.
    "New job: leaking boiler at {street_address}, ask for {person_name}, number {phone}.",
    "Remind me Thursday 9am to go to {street_address:short} and fix the tap, customer's "
    "mobile is {phone}",
    "{person_name:first}'s bathroom refit - address {street_address}, budget £4,500, start "
    "3 March",
    "add customer: Mr {person_name:sur}, {street_address}, tel {phone}, prefers mornings",
    "Who was the lady at {street_address:short} with the broken radiator? I think it was "
    "{person_name:word}",
    "Send {person_name}'s invoice for the 3 radiators to {email}",
    "Quote for {person_name:initial}: rewire 2-bed flat at {street_address}, £3,200 + VAT",
    "Job sheet 118 - {street_address:us}, {person_name}, 2 outlets and a ceiling fan",
    # A tutor invoicing parents.
    "Invoice the {person_name:sur} family for 8 maths lessons at €30 each, pay to {iban}.",
    "Email {email} and tell {person_name:first} my bank details are {iban}",
    "Put my IBAN {iban} at the bottom of the invoice for {person_name}",
    "Did {person_name:surfirst} pay for March? The transfer should come from {iban:de}",
    "Piano pupil {person_name:first}, age 9; mum is {person_name}, {phone}, lessons Tuesdays "
    "at 4pm",
    "Term invoice: 12 sessions x £25 = £300. Parent: {person_name}, {email}. Pay to {iban:gb}",
    "Refund {person_name:word} for the 2 cancelled lessons to {iban}",
    # A landlord's tenants.
    "Tenants at {street_address}: {person_name}, {person_name} and {person_name:first}.",
    "Flat 2 tenant {person_name} says the rent left {iban} on the 1st, check the account",
    "Add to the tenant list: {person_name:surfirst}, {phone}, {email}, moved in 01/09/2024",
    "Remind me to return the £950 deposit to {person_name} at {iban}",
    "Which tenant lives at {street_address:short}? Is it {person_name:first} or "
    "{person_name:first}?",
    "Rent arrears letter to {person_name:caps}, {street_address}, 2 months owed",
    # An online seller shipping parcels.
    "Ship order #48213 to {person_name}, {street_address}",
    "Print a shipping label: {person_name:caps}, {street_address}, phone {phone}",
    "buyer {person_name:lower} wants it sent to {street_address} instead, same order 7731",
    "Customer {email} says the parcel never arrived at {street_address}",
    "DM from {person_name:first}: can you post 2 candles to {street_address} by Friday?",
    "Courier needs a contact number for {person_name}: {phone:intl}",
    "Combine orders 551 and 552, both for {person_name:surfirst}, {street_address}",
    "{street_address:jp} - is that enough for the customs form? Recipient {person_name}",
    # A wedding planner's guest list.
    "Guest list update: {person_name:surfirst} +1, vegetarian, address {street_address}",
    "Send the save-the-date to {email} and {email}",
    "Is Rev {person_name:sur} still doing the ceremony at 2pm?",
    "Change {person_name}'s RSVP to no, mobile is {phone}",
    "'{person_name}' is spelled wrong on the place card, fix it",
    "Invitations still to post: {person_name}, {street_address}; {person_name}, "
    "{street_address}",
    "Bride's mum {person_name:multi} wants 120 favours, call her on {phone}",
    "The cake maker's invoice says pay {person_name} at {iban}, 50% now",
    # Arranging a funeral.
    "Call the funeral home about Dad, {person_name}, the service is Friday at 11",
    "Mum's full name for the death notice: {person_name:multi}, late of {street_address}",
    "Send flowers to {street_address} with a card saying 'thinking of you, "
    "{person_name:first}'",
    "The funeral director needs next of kin: {person_name}, {phone}, {email}",
    "Remind me to ring Dr {person_name:sur} about the death certificate",
    "Who's collecting Nana's ashes - {person_name:first} or {person_name}?",
    "Donations in memory of {person_name} can go to {iban}",
    # A lost or stolen wallet, reported to the bank and the police.
    "Report stolen wallet: Visa {card:visa}, my social security card was in it too, {us_ssn}",
    "I need to freeze card {card} right now, it was in the wallet",
    "Police report: {person_name}, {street_address:us}, SSN {us_ssn}, crime ref CR-2024-0418",
    "What do I tell the officer? My social is {us_ssn} and the missing cards are {card} and "
    "{card}",
    "Draft an email to my bank: card {card} lost on the 73 bus, account holder {person_name}",
    "Someone used my SSN {us_ssn} to open a store card at {street_address:us}, I never lived "
    "there",
    "fraud alert for {person_name:surfirst}, social {us_ssn}, phone {phone:us}",
    "Found a wallet with a card for {person_name} ({card}), hand it in at the station on "
    "Main St?",
    # A home network set up for a relative.
    "Set up Grandma's NAS at {ip_address} so she can see the photos",
    "Mum's router is at {ip_address:router}, the printer got {ip_address} and the TV "
    "{ip_address}",
    "Why can't I ping {ip_address} from my laptop?",
    "Forward port 32400 to {ip_address} for Dad's Plex server",
    "Uncle {person_name:first}'s public IP is {ip_address:public}, add it to the allow list",
    "Give the doorbell camera a static address, {ip_address}, gateway {ip_address:router}",
    "ssh admin@{ip_address} and reboot it",
    "Grandad's tablet shows {ip_address:v6}, is that right?",
    "my brother {person_name:first} set the mesh base to {ip_address:router}, leave it",
    # A small-office IT ticket.
    "Ticket: {person_name} ({email}) can't connect to the VPN from {ip_address:public}",
    "New starter {person_name:surfirst}: create an account, laptop will be {ip_address}",
    "Printer on {ip_address} is offline again, let {email} know",
    "Block {ip_address:public}, it tried 400 logins on {person_name:first}'s mailbox",
    "Reset the password for {email} and call {person_name:first} back on {phone}",
    "Firewall logged {ip_address:v6} hitting the NAS at 03:12",
    "INC-20931 raised by {person_name:initial}: shared drive on {ip_address} won't map",
    # A dating-app safety check-in.
    "I'm meeting {person_name:first} at 8 at the bar on {street_address:short}, if I don't "
    "text by 10 call {phone}",
    "Share my location with {person_name:first}. Date's name is {person_name}, number {phone}",
    "If something's off: his profile says {person_name:first}, 34, and the number he gave me "
    "is {phone}",
    "Tell {person_name:first} I'm at {street_address} with the guy from the app, "
    "{person_name}",
    # A domestic emergency.
    "Call my sister {person_name:first}, her number is {phone}",
    "Help my dad fell, send an ambulance to {street_address}",
    "Emergency contact is my neighbour {person_name}, {phone}, they have a spare key",
    "My son {person_name:first} is missing, last seen near {street_address:short} at 4pm, his "
    "mobile is {phone}",
    "{phone} - that's {person_name:wordfirst}, call her if I can't talk",
    "Ring 999 and give them {street_address:gb}, the flat above the chip shop",
    # Side hustles: cleaning, photography, cakes, hair, driving lessons, tax returns, sitting.
    "Clean at {street_address} every other Wednesday, £15 an hour, pay to {iban}",
    "Send {person_name:first} the 240 edited photos and the invoice to {email}, IBAN {iban}",
    "Cake order: 3 tiers, collection Saturday, {person_name} {phone}",
    "Pick up {person_name:first} from {street_address} at 7:45 for lesson 12",
    "Client {person_name:surfirst}, SSN {us_ssn}, two W-2s, file by April 15",
    "Add dependent {person_name}, SSN {us_ssn}, born 2016",
    "The sitter for Friday is {person_name}, she lives at {street_address}, mobile {phone}",
    "Catering deposit from {person_name} came from {iban}: 150 burgers for the 14th",
    "Invoice 2025-031 for {person_name:sur} & Sons, bank {iban}, due in 30 days",
    "Dog walks: Biscuit (owner {person_name}) at 12, Pepper at {street_address:short} at 2",
    # Hard moments: hospital, identity theft, bereavement, custody, refuge, welfare checks.
    "Mum's been admitted to ward 7, her name is {person_name}, home address {street_address}",
    "Someone opened a credit card in my name with SSN {us_ssn}; I live at {street_address:us}",
    "Close Dad's account {iban}, it was in the name of {person_name}",
    "Handover with {person_name:first} at 5 outside {street_address:short}; her solicitor is "
    "Ms {person_name:sur}, {phone}",
    "I'm staying with {person_name} at {street_address} for now, don't share this",
    "Can the police do a welfare check on {person_name:multi}, {street_address}? Not answering "
    "{phone} since Sunday",
    # Short questions, lists and fragments.
    "Is {phone} {person_name:first}'s new number?",
    "Who lives at {street_address}?",
    "Whose card is {card}? Found it on the counter after the market closed at 5",
    "Deliveries today: 1) {street_address} 2) {street_address} 3) {street_address}",
    "{person_name:surfirst} - balance £45, pays cash",
    "{email}",
    "SSN for the W-9: {us_ssn}",
)

SPOKEN_TEMPLATES = (
    # A market trader taking card payments by phone.
    "take a card payment for thirty eight pounds fifty, the card number is {card}, name on the "
    "card {person_name}",
    "okay so her card is {card} and she said her name's {person_name:first}, mobile "
    "{phone:gb}",
    "card number {card}, that's for the two crates, and the name is {person_name:surfirst}",
    "the lady on the phone, {person_name}, wants to pay with {card:amex}, run it for sixty five",
    "charge {person_name:first}'s card {card} for the deposit and text the receipt to {phone}",
    "phone order from {person_name:multi}, six jars of chutney, card {card}",
    "um the card is {card}, the reader failed, try it again for fourteen ninety nine",
    # A plumber's job notes.
    "new job, leaking boiler at {street_address}, ask for {person_name}, number is {phone}",
    "remind me Thursday at nine to go to {street_address:short} and fix the tap",
    "text {phone} and say I'm running twenty minutes late",
    "add a customer, Mr {person_name:sur}, {street_address}, phone {phone}",
    "the lady at {street_address:short} with the radiator, was that {person_name:word}",
    "call {person_name} back on {phone} about the quote for the bathroom",
    "{person_name:first} {person_name:againsur}, that's {person_name:spelled}, at "
    "{street_address}",
    "job for tomorrow morning, {street_address:us}, customer is {person_name}",
    # A tutor invoicing parents.
    "invoice the {person_name:sur} family for eight lessons at thirty euros and put my IBAN "
    "{iban}",
    "email {email} and tell {person_name:first} the bank details are {iban}",
    "did {person_name} pay for March, it should come from {iban:nl}",
    "new pupil {person_name:first}, mum is {person_name}, her number's {phone}",
    "my IBAN is {iban}, put that on all the invoices",
    "send the term invoice to {email}, twelve sessions at twenty five pounds",
    # A landlord's tenants.
    "tenants at {street_address} are {person_name} and {person_name}",
    "add {person_name:surfirst} to the tenant list, phone {phone}, email {email}",
    "remind me to give the deposit back to {person_name}, nine hundred and fifty pounds, to "
    "{iban}",
    "the flat at {street_address:short}, who's in there, is it {person_name:first}",
    "send the inspection notice to {email} for Friday at ten",
    "the old landlord {person_name} gave a reference, her number is {phone}",
    # An online seller shipping parcels.
    "ship order four eight two one three to {person_name}, {street_address}",
    "print a label for {person_name}, {street_address}, phone {phone}",
    "the buyer {person_name:first} wants it sent to {street_address} instead",
    "customer {email} says the parcel never came to {street_address}",
    "my return address is {street_address}, put it on every label",
    "parcel for {person_name}, {street_address:jp}, customs says gift",
    "the courier wants a number for {person_name:sur}, it's {phone:intl}",
    # A wedding planner's guest list.
    "add {person_name} and {person_name:first} to table six",
    "guest list, {person_name:surfirst} plus one, vegetarian, address {street_address}",
    "send the save the date to {email}",
    "is Reverend {person_name:sur} still doing the ceremony at two",
    "seat {person_name:first} away from {person_name}, they broke up last year",
    "change {person_name}'s RSVP to no, her mobile's {phone}",
    "the bride's mum {person_name:multi} wants a hundred and twenty favours",
    "it's {person_name:first}, {person_name:spelled}, the place card is wrong",
    # Arranging a funeral.
    "call the funeral home about Dad, {person_name}, the service is Friday at eleven",
    "Mum's full name for the notice is {person_name:multi}, late of {street_address}",
    "send the flowers to {street_address} and sign it from {person_name:first}",
    "next of kin is {person_name}, {phone}",
    "remind me to call Doctor {person_name:sur} about the certificate",
    "donations in memory of {person_name} go to {iban}",
    "the funeral director's email is {email}, and he needs to speak to {person_name:first}",
    # A lost or stolen wallet.
    "my wallet's been stolen, the Visa was {card:visa} and my social security card, {us_ssn}",
    "freeze card {card} right now please",
    "for the police report my name is {person_name}, I live at {street_address:us}, social "
    "{us_ssn}",
    "the officer asked for my social, it's {us_ssn}, and the cards were {card} and {card}",
    "somebody used my social security number {us_ssn} to open an account",
    "I lost my purse on the bus, cancel card {card}, it's under {person_name}",
    "report a found wallet, the card says {person_name}, number {card}",
    # A home network set up for a relative.
    "set up Grandma's NAS on {ip_address} so she can see the photos",
    "Mum's router is {ip_address:router}, and the printer is {ip_address}",
    "why can't I ping {ip_address}",
    "forward port thirty two four hundred to {ip_address} for Dad's Plex",
    "my uncle {person_name:first}'s public IP is {ip_address:public}, add it to the allow list",
    "give the camera the static address {ip_address}, gateway {ip_address:router}",
    "log into {ip_address} as admin and restart it",
    "what device is on {ip_address} at Nana's house",
    # A small-office IT ticket.
    "new ticket, {person_name} can't get on the VPN from {ip_address:public}, email is {email}",
    "the printer on {ip_address} is offline again, let {person_name:first} know",
    "block {ip_address:public}, it tried four hundred logins on {person_name:first}'s mailbox",
    "reset the password for {email} and ring {person_name:first} back on {phone}",
    "new starter {person_name:surfirst}, their laptop will be {ip_address}",
    "{person_name:initial} says the shared drive on {ip_address} won't map",
    # A dating-app safety check-in.
    "I'm meeting {person_name:first} at eight at the bar on {street_address:short}, if I don't "
    "text by ten call {phone}",
    "share my location with {person_name:first}, the date's name is {person_name}, his "
    "number's {phone}",
    "safety note, date with {person_name} tonight, he's picking me up from {street_address}",
    "his profile says {person_name:first}, thirty four, and the number he gave me is {phone}",
    "if I don't check in by eleven call {person_name:first} on {phone}",
    "tell {person_name:first} I'm at {street_address} with {person_name} from the app",
    # A domestic emergency.
    "call my sister {person_name:first}, her number is {phone}",
    "help, my dad fell, send an ambulance to {street_address}",
    "text {person_name:first} and {person_name:first}, come to {street_address} now",
    "my emergency contact is my neighbour {person_name}, {phone}",
    "my son {person_name:first} is missing, last seen near {street_address:short}, his mobile "
    "is {phone}",
    "{phone}, that's {person_name:wordfirst}, call her if I can't talk",
    "please call {person_name:multi}, she's on {phone}, tell her it's about Mum",
    # Side hustles.
    "clean at {street_address} every other Wednesday, fifteen pounds an hour, pay to {iban}",
    "send {person_name:first} the photos and the invoice to {email}, IBAN {iban}",
    "cake order, three tiers, collection Saturday, {person_name}, {phone}",
    "book {person_name} for a cut and colour at half ten, number {phone}",
    "pick up {person_name:first} from {street_address} at quarter to eight for the lesson",
    "client {person_name:surfirst}, social security number {us_ssn}, two W two forms",
    "add a dependent, {person_name}, social {us_ssn}",
    "the babysitter is {person_name}, she lives at {street_address}",
    "catering deposit from {person_name} came from {iban}",
    "guest {person_name} checks in at three, text the door code to {phone}",
    # Hard moments.
    "Mum's been admitted, her name is {person_name}, and her address is {street_address}",
    "someone opened a credit card with my social {us_ssn}, I live at {street_address:us}",
    "close Dad's account {iban}, it's in the name of {person_name}",
    "the handover with {person_name:first} is at five outside {street_address:short}",
    "I'm staying with {person_name} at {street_address}, don't tell anyone",
    "can someone check on {person_name}, {street_address}, she's not answering {phone}",
    # Short questions, lists and fragments.
    "is {phone} {person_name:first}'s new number",
    "who lives at {street_address}",
    "whose card is {card}, it was left on the stall",
    "deliveries today, first {street_address}, then {street_address}",
    "{person_name:surfirst}, owes forty five pounds, pays cash",
    "my email is {email}",
    "the social on the W nine is {us_ssn}",
    "this is {person_name:first} {person_name:againsur}, {person_name:spelled}, I'm calling "
    "about my late husband's account {iban}",
    "the tax client's social is {us_ssn}, spouse {person_name}, same address "
    "{street_address:us}",
    "the NAS at Dad's is {ip_address} and the router is {ip_address:router}, password's on "
    "the fridge",
)

# ---------------------------------------------------------------------------------------
# Hard negatives: numbers and names that are not personal data. A decoy slot is <name>.

MUSICIANS = (
    "Taylor Swift", "Dolly Parton", "Bob Marley", "Adele", "Ed Sheeran", "Burna Boy",
    "Shakira", "Bad Bunny", "Fela Kuti", "Miriam Makeba", "Freddie Mercury", "Elton John",
    "Stevie Wonder", "Kate Bush", "Angélique Kidjo", "Bruce Springsteen",
)
ATHLETES = (
    "Serena Williams", "Lionel Messi", "Usain Bolt", "Eliud Kipchoge", "Katie Taylor",
    "Roger Federer", "Simone Biles", "Virat Kohli", "Megan Rapinoe",
)
OTHER_FIGURES = (
    "Barack Obama", "David Attenborough", "Nelson Mandela", "Marie Curie", "Frida Kahlo",
    "Jacinda Ardern", "Wangari Maathai", "Keanu Reeves",
)
PUBLIC_FIGURES = MUSICIANS + ATHLETES + OTHER_FIGURES
SHOPS = (
    "Screwfix", "Tesco", "Aldi", "Lidl", "Ikea", "Greggs", "Bunnings", "Home Depot", "Walmart",
    "Boots", "Woolworths", "Carrefour", "Costco", "Dunnes Stores", "Pick n Pay",
)
PLATFORMS = ("Etsy", "eBay", "Vinted", "Depop", "Shopify", "Facebook Marketplace", "Amazon")
COURIERS = ("Royal Mail", "DHL", "An Post", "FedEx", "Australia Post", "Evri", "UPS")
VENDORS = ("Netgear", "Synology", "TP-Link", "Asus", "Ubiquiti", "Google Nest", "Eero")
PLACES = (
    "Galway", "Lagos", "Nairobi", "Manchester", "Krakow", "Osaka", "Lyon", "Porto", "Auckland",
    "Hobart", "Guadalajara", "Cebu", "Durban", "Montreal", "Bristol", "Valencia", "Accra",
)
STREETS = (
    "Oxford Street", "Grafton Street", "Princes Street", "Collins Street", "Queen Street",
    "Market Street", "Long Street", "Baker Street", "Las Ramblas", "Church Road", "High Street",
)
ROUTERS = (
    "Archer AX55", "Deco X20", "RT-AX58U", "Nighthawk R7000", "Orbi RBK752", "FRITZ!Box 7590",
)
DEVICES = (
    "DS220+ NAS", "TS-253D NAS", "EcoTank ET-2850 printer", "LaserJet M110we printer",
    "GS308 switch", "TL-SG108E switch",
)
BOILERS = ("Greenstar 30i", "ecoTEC plus 832", "Baxi 600 Combi 24", "Ideal Logic C30")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "March", "April", "June", "August", "October", "December")


def _d(rng: random.Random, count: int) -> str:
    """A run of random digits."""
    return "".join(rng.choice("0123456789") for _ in range(count))


def _not_card(digits: str) -> str:
    """A long reference number that is not Luhn-valid, so it cannot pass for a card."""
    if luhn.is_valid(digits):
        digits = digits[:-1] + str((int(digits[-1]) + 1) % 10)
    return digits


def _typed_decoy(name: str, rng: random.Random) -> str:
    """A non-personal value written the way it is typed."""
    r = rng.randint
    year = r(2019, 2026)
    choices = {
        "order": (f"#{_d(rng, 5)}", f"ORD-{_d(rng, 6)}", f"A-{r(1000, 9999)}"),
        "invoice": (f"INV-{year}-{_d(rng, 4)}", f"{year}-{r(1, 300):03d}"),
        "tracking": (f"1Z{_letters(rng, 6)}{_d(rng, 10)}", f"QF{_d(rng, 9)}GB",
                     "JJD" + _not_card(_d(rng, 18))),
        "crime_ref": (f"CR/{_d(rng, 7)}/{year % 100}", f"MPS-{year}-{_d(rng, 6)}"),
        "case": (_not_card(_d(rng, 8)), f"CAS-{_d(rng, 7)}"),
        "ticket": (f"INC{_d(rng, 7)}", f"#{_d(rng, 5)}"),
        "price": (f"£{r(2, 90)}.{r(0, 99):02d}", f"${r(1000, 4999):,}.{r(0, 99):02d}",
                  f"€{r(20, 900)}", f"R{r(50, 950)}", f"₹{r(1000, 9999):,}"),
        "pct": (f"{r(5, 25)}%",), "qty": (str(r(2, 400)),), "small": (str(r(2, 12)),),
        "time": (f"{r(6, 11)}:{rng.choice(('00', '15', '30', '45'))}", f"{r(1, 11)}am",
                 f"{r(13, 21)}:{rng.choice(('05', '20', '40'))}"),
        "date": (f"{r(1, 28):02d}/{r(1, 12):02d}/{year}", f"{r(1, 28)} {rng.choice(MONTHS)}",
                 f"{year}-{r(1, 12):02d}-{r(1, 28):02d}"),
        "year": (str(r(1975, 2026)),),
        "version": (f"{r(1, 17)}.{r(0, 9)}.{r(0, 20)}", f"v{r(1, 5)}.{r(0, 12)}.{r(0, 9)}"),
        "build": (f"10.0.{r(19041, 26100)}.{r(1000, 5000)}",),
        "mac": (":".join(f"{r(0, 255):02X}" for _ in range(6)),
                "-".join(f"{r(0, 255):02x}" for _ in range(6))),
        "port": (str(rng.choice((22, 443, 8080, 8443, 32400, 51820, 3389, 5000, 1883))),),
        "router": ROUTERS, "device": DEVICES, "boiler": BOILERS,
        "cheap": (f"£{r(2, 30)}.{r(0, 99):02d}", f"€{r(3, 40)}", f"${r(2, 25)}.{r(0, 9)}9"),
        "later_year": (str(r(2026, 2031)),),
        "serial": (f"SN {_letters(rng, 2)}{_d(rng, 6)}-{_letters(rng, 1)}",),
        "figure": PUBLIC_FIGURES, "musician": MUSICIANS, "athlete": ATHLETES, "shop": SHOPS,
        "platform": PLATFORMS, "courier": COURIERS, "vendor": VENDORS, "place": PLACES,
        "street": STREETS, "weekday": WEEKDAYS, "temp": (str(r(17, 23)),),
        "flight": (f"{rng.choice(('BA', 'EI', 'FR', 'KQ', 'QF'))} {r(100, 2999)}",),
        "sku": (f"SKU-{_d(rng, 4)}-{_letters(rng, 1)}",), "reading": (_d(rng, 5),),
    }
    return rng.choice(choices[name])


def _spoken_decoy(name: str, rng: random.Random) -> str:
    """A non-personal value said aloud, with no digit characters."""
    r = rng.randint
    choices = {
        "order": (say_digits(_d(rng, 5), rng), f"A {say_number(r(100, 999))}"),
        "invoice": (say_digits(_d(rng, 4), rng),),
        "tracking": (f"Q F {say_digits(_d(rng, 9), rng)} G B",),
        "crime_ref": (f"C R {say_digits(_d(rng, 7), rng)}",),
        "case": (say_digits(_d(rng, 8), rng),),
        "ticket": (f"I N C {say_digits(_d(rng, 6), rng)}",),
        "price": (f"{say_number(r(2, 90))} pounds {say_number(r(10, 99))}",
                  f"{say_number(r(100, 900))} euros", f"{say_number(r(2, 99))} dollars"),
        "pct": (f"{say_number(r(5, 25))} percent",), "qty": (say_number(r(2, 400)),),
        "small": (say_number(r(2, 12)),),
        "time": (f"half past {say_number(r(1, 11))}", f"quarter to {say_number(r(1, 11))}",
                 f"{say_number(r(6, 11))} thirty", f"{say_number(r(1, 11))} o'clock"),
        "date": (f"the {rng.choice(('third', 'ninth', 'fourteenth', 'twenty first'))} of "
                 f"{rng.choice(MONTHS)}", f"next {rng.choice(WEEKDAYS)}"),
        "year": (f"twenty {say_number(r(10, 26))}", f"nineteen {say_number(r(75, 99))}"),
        "version": (f"{say_number(r(1, 17))} point {say_number(r(0, 9))}",
                    f"{say_number(r(1, 5))} point {say_number(r(0, 9))} point "
                    f"{say_number(r(0, 9))}"),
        "port": ("eighty eighty", "four four three", "twenty two", "thirty two four hundred"),
        "router": ("Nighthawk", "Orbi", "Deco", "Eero Pro", "Archer"),
        "cheap": (f"{say_number(r(2, 30))} pounds", f"{say_number(r(3, 40))} euros"),
        "later_year": (f"twenty {say_number(r(26, 31))}",),
        "figure": PUBLIC_FIGURES, "musician": MUSICIANS, "athlete": ATHLETES, "shop": SHOPS,
        "platform": PLATFORMS, "courier": COURIERS, "vendor": VENDORS, "place": PLACES,
        "street": STREETS, "weekday": WEEKDAYS, "temp": (say_number(r(17, 23)),),
        "flight": (f"{spell(rng.choice(('BA', 'EI', 'FR', 'KQ')))} {say_number(r(100, 999))}",),
        "reading": (say_digits(_d(rng, 5), rng),),
    }
    return fold(rng.choice(choices[name]))


TYPED_NEGATIVES = (
    "Where's order <order>? The customer says it hasn't shipped.",
    "Mark invoice <invoice> as paid, <price> received.",
    "Track parcel <tracking> please",
    "Add <qty> jars of honey to Saturday's stock list",
    "What's <pct> of <price>?",
    "Convert <price> to yen",
    "Set a reminder for <time> to open the stall",
    "The crime reference number is <crime_ref>, write it down",
    "Police gave me reference <crime_ref> for the stolen van",
    "Is there a fee for card payments under <cheap>?",
    "How much VAT is on <price>?",
    "Log ticket <ticket>: printer jammed again on floor <small>",
    "The router's MAC address is <mac>, is that normal?",
    "Whitelist MAC <mac> on the guest network",
    "Open port <port> on the firewall for the game server",
    "Update the NAS firmware to <version>",
    "What's new in <vendor> firmware <version>?",
    "The boiler is a <boiler>, serial <serial>, showing error F28",
    "Play something by <musician>",
    "How old is <figure>?",
    "Who is <figure> married to?",
    "Is <shop> open on <weekday>?",
    "How far is <place> from <place>?",
    "Is parking free on <street> after <time>?",
    "What's the weather in <place> on <date>?",
    "Book the van for <date>, pick up at <time>",
    "Total for the wedding flowers was <price> for <small> tables",
    "The funeral is at <time> on <date> at the crematorium",
    "Reprint receipt <order> for <price>",
    "Case number <case> - when will the insurer call back?",
    "Ticket <ticket> is still open after <small> days",
    "Refund <price> on order <order>",
    "Order <qty> copies of the <year> price list",
    "Remind me the shop lease renews in <later_year>",
    "The office printer is an <device>, serial number <serial>",
    "Rent is <price> a month, due on the 1st",
    "Divide <price> between <small> people",
    "Restock <qty> units of <sku>",
    "The electricity meter reading is <reading>",
    "Our Wi-Fi has been slow since the <vendor> update to <version>",
    "Put on <musician>'s new album",
    "Turn the heating to <temp> degrees at <time>",
    "The table plan has <small> tables of <small>",
    "Best route from <street> to <street>?",
    "What time does <shop> on <street> close?",
    "Print <qty> shipping labels for today's orders",
    "Charge the <price> delivery fee to order <order>",
    "What year did <athlete> retire?",
    "Rate for <small> hours of tutoring at <cheap> an hour?",
    "Build <build> failed on the office PC",
    "Set the NAS backup to run at <time> every <weekday>",
    "Is the <router> any good for a shop with <small> card readers?",
    "Is <place> in the same time zone as <place>?",
    "Flight <flight> lands at <time>",
    "Add <qty> chairs to hall booking <order>",
    "Police said case <case> is closed",
    "Lost property gave me ticket <ticket> for the wallet",
    "How much to post a parcel to <place> with <courier>?",
    "Visiting hours at the hospice end at <time>",
    "Sold <qty> candles on <platform> in <year>, is that good?",
    "The camera firmware <version> broke port <port>",
    "Did <musician> play in <place> in <year>?",
    "Change the plumbing quote from <price> to <price>",
    "Pay the <price> parking fine, reference <crime_ref>",
    "<shop> order <order> arrives <date>",
)

SPOKEN_NEGATIVES = (
    "where's order <order>, the customer says it hasn't shipped",
    "mark invoice <invoice> as paid",
    "track parcel <tracking>",
    "add <qty> jars of honey to Saturday's stock",
    "what's <pct> of <price>",
    "convert <price> to yen",
    "set a reminder for <time> to open the stall",
    "the crime reference number is <crime_ref>",
    "how much VAT is on <price>",
    "open port <port> on the firewall",
    "update the router firmware to version <version>",
    "play something by <musician>",
    "how old is <figure>",
    "is <shop> open on <weekday>",
    "how far is <place> from <place>",
    "is parking free on <street> after <time>",
    "what's the weather in <place> on <weekday>",
    "book the van for <date> at <time>",
    "the flowers came to <price> for <small> tables",
    "the funeral's at <time> on <date>",
    "case number <case>, when will they call back",
    "refund <price> on order <order>",
    "rent is <price> a month",
    "split <price> between <small> people",
    "set the backup to run at <time> every <weekday>",
    "turn the heating to <temp> degrees",
    "flight <flight> lands at <time>",
    "put on <musician>'s new album",
    "ticket <ticket> is still open",
    "the meter reading is <reading>",
    "sold <qty> candles this month at <cheap> each",
    "what's the postage to <place> with <courier>",
    "remind me the lease renews in <later_year>",
    "print <qty> shipping labels",
    "update the <router> router to <version>",
    "is <shop> on <street> still open",
    "who sang with <musician> in <year>",
    "the police reference is <crime_ref>, the bike was stolen on <weekday>",
    "add <qty> chairs to the hall booking for <date>",
    "how much is <price> plus <pct>",
    "timer for <small> minutes",
    "the visiting hours end at <time>",
    "the order number was <order>, it came to <price>",
    "what time does <shop> close on <weekday>",
    "is <place> far from <place>",
    "play the new <musician> song",
    "log a ticket, the printer on floor <small> is jammed",
    "tutoring is <cheap> an hour for <small> hours",
    "directions to <street> in <place>",
    "the wedding's on <date> at <time>, <qty> guests",
    "move the delivery of order <order> to <weekday>",
    "open port <port> for the camera",
    "how many <shop> stores are in <place>",
    "invoice <invoice> is overdue by <small> days",
    "who won in <year>, was it <athlete>",
    "the parcel <tracking> is stuck in <place>",
    "set the thermostat to <temp> at <time>",
    "what's <price> in dollars",
    "the bus leaves <street> at <time>",
    "case <case> is closed, the insurer paid <price>",
)

# ---------------------------------------------------------------------------------------
# Filling and checking.

_SLOT = re.compile(r"\{(\w+)(?::(\w+))?\}")
_DECOY = re.compile(r"<(\w+)>")
_NUMBER_WORDS = re.compile(
    r"\b(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|hundred)\b", re.IGNORECASE)


def has_word(word: str, text: str) -> bool:
    """Whether a word stands in the text as a whole token or spelled letter by letter."""
    spelled = r"\s".join(re.escape(ch) for ch in word)
    pattern = rf"(?<![\w]){re.escape(word)}(?![\w])"
    if len(word) >= 3:
        pattern += rf"|(?<![\w]){spelled}(?![\w])"
    return re.search(pattern, text, re.IGNORECASE) is not None


def digit_count(text: str) -> int:
    """Digit characters plus number words, as the leak scorer counts them."""
    return sum(ch.isdigit() for ch in text) + len(_NUMBER_WORDS.findall(text))


def rebuild_context(text: str, values: list[dict]) -> str | None:
    """The sentence with each surface, in order, replaced by one space; None if one is missing."""
    out, pos = [], 0
    for value in values:
        at = text.find(value["surface"], pos)
        if at < 0:
            return None
        out.append(text[pos:at] + " ")
        pos = at + len(value["surface"])
    return "".join(out) + text[pos:]


def _labels_hold(text: str, context: str, values: list[dict], form: str) -> bool:
    """Every rule a label must meet; a fill that breaks one is drawn again."""
    if rebuild_context(text, values) != context:
        return False
    if form == "spoken" and re.search(r"\d", text):
        return False
    for value in values:
        said = spoken_digits(value["surface"]) if form == "spoken" else value["surface"]
        if _typed_digits(said) != value["digits"]:
            return False
        if any(not has_word(w, text) or has_word(w, context) for w in value["words"]):
            return False
    return digit_count(text) == digit_count(context) + sum(
        digit_count(v["surface"]) for v in values)


def fill(template: str, form: str, rng: random.Random) -> tuple[str, str, list[dict]]:
    """One sentence from a template: its text, its context and its labelled values."""
    for _ in range(200):
        state: dict = {}
        text, context, values, pos = [], [], [], 0
        try:
            for slot in _SLOT.finditer(template):
                value = MAKERS[slot[1]](slot[2] or "", form, rng, state)
                literal = template[pos:slot.start()]
                text += [literal, value["surface"]]
                context += [literal, " "]
                values.append(value)
                pos = slot.end()
        except _Retry:
            continue
        text_s, context_s = "".join(text) + template[pos:], "".join(context) + template[pos:]
        if _labels_hold(text_s, context_s, values, form):
            return text_s, context_s, values
    raise RuntimeError(f"cannot fill {template!r}")


def fill_negative(frame: str, form: str, rng: random.Random) -> str:
    """A negative sentence: each decoy slot filled with a non-personal value."""
    decoy = _typed_decoy if form == "typed" else _spoken_decoy
    return _DECOY.sub(lambda m: decoy(m[1], rng), frame)


def split_of(template: str) -> str:
    """Half by template hash, so both fills of a template stay together."""
    return "heldout" if hashlib.sha256(template.encode()).digest()[0] < 128 else "dev"


def _item(text, form, template, context, values) -> dict:
    """One item in the schema's key order."""
    return {"text": text, "form": form, "split": split_of(template), "source": SOURCE,
            "template": template, "context": context, "values": values}


def _data_items(rng: random.Random, seen: set[str]) -> list[dict]:
    """Each data template filled FILLS times, no sentence twice."""
    items = []
    for form, templates in (("typed", TYPED_TEMPLATES), ("spoken", SPOKEN_TEMPLATES)):
        for template in templates:
            stored = _SLOT.sub(lambda m: "{" + m[1] + "}", template)
            for _ in range(FILLS):
                text, context, values = fill(template, form, rng)
                while text in seen:
                    text, context, values = fill(template, form, rng)
                seen.add(text)
                items.append(_item(text, form, stored, context, values))
    return items


def _negative_items(rng: random.Random, seen: set[str]) -> list[dict]:
    """Each negative frame filled FILLS times; the sentence is its own template."""
    items = []
    for form, frames in (("typed", TYPED_NEGATIVES), ("spoken", SPOKEN_NEGATIVES)):
        for frame in frames:
            for _ in range(FILLS):
                text = fill_negative(frame, form, rng)
                while text in seen:
                    text = fill_negative(frame, form, rng)
                seen.add(text)
                items.append(_item(text, form, text, text, []))
    return items


def build_items() -> list[dict]:
    """The whole set, deterministic for SEED, shuffled and numbered."""
    rng = random.Random(SEED)
    seen: set[str] = set()
    items = _data_items(rng, seen) + _negative_items(rng, seen)
    rng.shuffle(items)
    for i, item in enumerate(items):
        item["id"] = f"{SOURCE}-{i:04d}"
    return items


def render(items: list[dict]) -> str:
    """The JSON-lines text the set is stored as."""
    return "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items)


def main() -> None:
    """Write the set to DATA_FILE."""
    items = build_items()
    DATA_FILE.write_text(render(items), encoding="utf-8")
    print(f"wrote {len(items)} items to {DATA_FILE}")


if __name__ == "__main__":
    main()

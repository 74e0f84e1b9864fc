"""Blind set 9: personal data read back, dictated and listed in work and daily life.

Why it exists: the masker's own corpus was written by people who knew what the masker
catches, so its score on that corpus says little about the sentences real users say. This
set was written from scratch by an author who never read the masker, its rules, its corpus
or its results, so a score on it is an independent measurement.

What it covers: situations the earlier sets touched little. A receptionist or call-centre
agent reads details back to a caller; people dictate notes to self, draft messages and
e-mails; calendar invites carry attendees; work and HR requests (payroll, new starters,
expense claims, IT tickets, hand-overs); landlords and letting agents; dating and social
plans; gig work (drivers, couriers, cleaners, tutors, dog walkers); legal aid and
immigration forms; charity donations; car hire and parking fines; hotel check-in; school
admissions; pharmacy and prescriptions; sports rosters; wedding and party guest lists;
lost and found; neighbourhood groups.
Names come from cultures the earlier sets hardly used (Kazakh, Uzbek, Pashto, Bengali,
Sinhala, Tamil, Nepali, Burmese, Khmer, Lao, Malay, Fijian, Native American, Quechua and
Aymara, Amazigh, Wolof, Fula, Malagasy, Basque, Breton, Icelandic, Baltic, Albanian,
Serbian and Croatian, Bulgarian, Hebrew and Yiddish, Caribbean) mixed with common English
names; names that are ordinary words (Summer, River, Faith, Ray, Dawn, Sunny, Rocky, Bill,
Jack, Amber, Hunter, Crystal); nicknames; initials ("J. R. Perera"); lower case; names with
apostrophes and hyphens (O'Neill, Al-Amin, Jean-Baptiste); names at the start of a sentence
with no cue; names as the object of verbs (remind, invite, cc, pay, loop in, page, ping,
DM, notify, hand over to, sign off as). Phones are drawn from 57 regions, in the layouts people
type ("(415) 555-0134", "+44 7700 900123", "0044 ...", "07700-900-123", "+33 6 12 34 56 78",
"ext." and "x" extensions) and the odd groupings Whisper writes ("0-7-4-0-2 ...", commas);
spoken digit by digit, in pairs, with double, triple, oh, zero, nought, "plus" or "double oh"
before the country code. Cards are typed in groups, run together and in Whisper's comma
formatting ("4,808,845,216,000,939"). IBANs are drawn from 45 countries; street addresses from
38 countries with ZIP+4, UK, Canadian, Eircode, Dutch, CEP, Japanese, PIN and Australian
postcodes, flats and units, Colombian "Calle 93 # 11-26" numbering, rural routes and PO boxes.
Every sentence is "typed" (numbers as digits) or "spoken" (no digit characters at all).
Hard negatives hold no personal data at all: order, tracking, confirmation, invoice, ticket,
claim, case, policy and membership numbers (some long runs that look like phones or cards),
prices, quantities, times, dates, years, flight and train numbers, versions, serial and model
numbers, product codes, lottery and raffle numbers, bus routes, rooms and gates,
temperatures and doses, MAC addresses, public resolvers (8.8.8.8), famous people, fictional
characters, bands, brands, shops, restaurants, teams, places alone, streets without a house
number and person-like words that are not people ("Will it snow", "grace period",
"summer holidays", "rosé or red", "jack the car up", "amber warning").

Labelling rules:
- `surface` is the value exactly as it stands in the sentence; `context` is the sentence
  with each surface replaced by one space, so every number that is not personal stays in it.
- `digits` holds every digit the surface holds, written or said, in order: "double oh"
  gives "00", "fifteen" gives "15", "twenty one" gives "21", "hundred" appends "00".
  A phone extension belongs to the phone, so its digits come last; a "00" or "double oh"
  said before a country code belongs to the phone too.
- `words` holds the tokens that identify the value and must not survive masking: names,
  e-mail local part and domain name pieces, street names, towns, state names, postcode
  tokens and IBAN bank letters. Never generic words (street, road, box, dot, com, flat),
  never single letters or name particles (van, de, bin, le), never state abbreviations that
  are also English words, never plus-address tags. Each word occurs in the sentence as a
  whole token or spelled letter by letter, and never in the context.
- Titles (Mr., Ms, Dr., Coach) stay in the context; they identify no one. So do pet names.
- `split` is "heldout" when the first byte of sha256(template) is below 128, else "dev",
  so both fills of a template land in the same half.

Run `python -m appliance.benchmark.pii_blind9` to write tests/governance/pii_blind9.jsonl.
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
from phonenumbers import PhoneNumberType
from stdnum import iban as std_iban
from stdnum import luhn, numdb
from stdnum.us import ssn as std_ssn

DATA_FILE = Path(__file__).resolve().parents[2] / "tests" / "governance" / "pii_blind9.jsonl"
SOURCE = "blind9"
KINDS = (
    "card", "us_ssn", "phone", "email", "iban", "ip_address", "street_address", "person_name",
)
SEED = 9_1909
FILLS = 2

# ---------------------------------------------------------------------------------------
# Names, hand-written for this set.

GIVEN_NAMES = (
    # Kazakh, Uzbek
    "Aigerim", "Yerlan", "Dinara", "Aruzhan", "Daniyar", "Askar", "Zhanar", "Dilnoza",
    "Jasur", "Sardor", "Gulnora", "Bekzod", "Nodira", "Shahzoda",
    # Pashto, Bengali
    "Zarmina", "Wahid", "Malalai", "Naveed", "Spogmai", "Jawad", "Palwasha", "Tanvir",
    "Nusrat", "Rakib", "Sharmin", "Anirban", "Debolina", "Farzana",
    # Sinhala, Tamil, Nepali
    "Kasun", "Dilani", "Nuwan", "Chamari", "Tharindu", "Sanduni", "Lahiru", "Murugan",
    "Tamilselvi", "Kalaivani", "Vignesh", "Thenmozhi", "Arulmozhi", "Sushila", "Bishal",
    "Anjali", "Prakash", "Sabina", "Dipendra", "Pemba", "Lhakpa",
    # Burmese, Khmer, Lao, Malay, Fijian
    "Thiri", "Zaw", "Hnin", "Kyaw", "Thandar", "Sokha", "Chenda", "Vuthy", "Sreymom",
    "Bopha", "Rithy", "Souksavanh", "Khamla", "Bounmy", "Phonsavanh", "Vilayphone", "Nurul",
    "Hafiz", "Siti", "Amirul", "Haziq", "Syafiqah", "Azlan", "Litia", "Seru", "Vilisoni",
    "Mereoni", "Josaia", "Sereana", "Waisale",
    # Native American, Quechua and Aymara
    "Winona", "Kiona", "Dyani", "Ahanu", "Nizhoni", "Kaya", "Wayra", "Nayra", "Amaru",
    "Sumaq", "Illari", "Killa",
    # Amazigh, Wolof, Fula, Malagasy
    "Tiziri", "Massinissa", "Idir", "Tafsut", "Yuba", "Dihya", "Tanina", "Moussa", "Fatou",
    "Ndeye", "Modou", "Awa", "Cheikh", "Babacar", "Hamadou", "Binta", "Aissatou", "Oumou",
    "Mamadou", "Kadiatou", "Hery", "Voahangy", "Fanja", "Tiana", "Mialy", "Rivo", "Nirina",
    # Basque, Breton, Icelandic, Baltic
    "Ainhoa", "Unai", "Gorka", "Itziar", "Aitor", "Nahia", "Maialen", "Gwenaëlle", "Yann",
    "Maël", "Nolwenn", "Erwan", "Soazig", "Tugdual", "Sigrún", "Guðrún", "Einar",
    "Hrafnhildur", "Ragnar", "Þóra", "Snorri", "Rūta", "Mindaugas", "Eglė", "Kristaps",
    "Ilze", "Jānis", "Līga", "Kadri", "Tõnu", "Triin",
    # Albanian, Serbian and Croatian, Bulgarian
    "Arbër", "Besnik", "Drita", "Elira", "Fatos", "Lindita", "Blerim", "Dragana", "Nikola",
    "Jelena", "Ivana", "Zoran", "Vesna", "Dražen", "Milica", "Radostina", "Todor",
    "Desislava", "Stoyan", "Boyana", "Hristo", "Tsvetelina",
    # Hebrew and Yiddish, Caribbean
    "Shira", "Avraham", "Moshe", "Rivka", "Yossi", "Tzipora", "Mendel", "Golda", "Noa",
    "Chaim", "Faigy", "Wideline", "Roodline", "Fabiola", "Kemar", "Shericka", "Latoya",
    "Dwayne", "Marlon", "Keisha", "Nadège",
    # Common English names
    "Emily", "Oliver", "Sophie", "Daniel", "Jessica", "Michael", "Sarah", "Tom", "Lucy",
    "Ryan", "Megan", "Kevin", "Brittany", "Tyler", "Ashley", "Connor", "Katie", "James",
    "Hannah", "Liam", "Olivia", "Noah", "Emma", "George", "Amelia", "Jacob", "Charlotte",
)

SURNAMES = (
    "Akhmetova", "Zhaksybekov", "Abenova", "Serikbayev", "Nurlanuly", "Kassymova",
    "Karimova", "Yusupov", "Rakhimov", "Tursunova", "Abdullayev", "Ergasheva",
    "Durrani", "Khattak", "Afridi", "Popalzai", "Wardak", "Mohmand", "Stanikzai",
    "Chowdhury", "Hossain", "Rahman", "Mukherjee", "Bhattacharya", "Sarkar", "Talukdar",
    "Perera", "Jayasuriya", "Wickramasinghe", "Fernando", "Bandara", "Gunawardena",
    "Dissanayake", "Ramasamy", "Sivakumar", "Annamalai", "Velusamy", "Kandasamy",
    "Shrestha", "Gurung", "Tamang", "Thapa", "Adhikari", "Sherpa", "Magar",
    "Chea", "Sok", "Keo", "Heng", "Meas", "Chhim", "Prak", "Vongsavath", "Sisouphanh",
    "Phommachanh", "Keomany", "Inthavong", "Souvannavong",
    "Naivalu", "Nawaqa", "Vakacegu", "Qalilawa", "Ravuvu", "Tikoisuva", "Baleilevuka",
    "Begay", "Yazzie", "Benally", "Tsosie", "Harjo", "Deschenie", "Manuelito",
    "Mamani", "Quispe", "Condori", "Huanca", "Choque", "Yupanqui", "Apaza", "Ticona",
    "Amrouche", "Ouali", "Boukhris", "Ouchene", "Lounes", "Ndiaye", "Diop", "Faye",
    "Mbaye", "Sarr", "Gueye", "Seck", "Diallo", "Bah", "Barry", "Sow", "Balde", "Jalloh",
    "Rakotomalala", "Randriamampionona", "Razafindrakoto", "Rasoanaivo", "Andrianarivo",
    "Rakotonirina",
    "Goikoetxea", "Arrieta", "Zubizarreta", "Urrutia", "Elizondo", "Agirre", "Larrañaga",
    "Bengoetxea", "Kergoat", "Tanguy", "Guivarc'h", "Quéré", "Morvan",
    "Jónsdóttir", "Sigurðsson", "Einarsdóttir", "Magnússon", "Guðmundsdóttir", "Ólafsson",
    "Kazlauskas", "Petrauskienė", "Jankauskas", "Bērziņš", "Ozoliņa", "Kalniņš", "Tamm",
    "Saar", "Kask", "Sepp",
    "Hoxha", "Berisha", "Krasniqi", "Gashi", "Shehu", "Dervishi", "Kelmendi",
    "Jovanović", "Petrović", "Horvat", "Kovačević", "Babić", "Marković", "Nikolić",
    "Dimitrov", "Georgieva", "Petkov", "Ivanova", "Stoyanov", "Todorova", "Angelov",
    "Rosenblum", "Katz", "Shapiro", "Goldfarb", "Weissman", "Horowitz", "Feldstein",
    "Mizrachi", "Toussaint", "Desrosiers", "Augustin", "Beckford", "Brathwaite",
    "Ramdial", "Persad",
    "Smith", "Jones", "Taylor", "Brown", "Williams", "Johnson", "Davies", "Evans", "Walker",
    "Robinson", "Wright", "Harris", "Edwards", "Turner", "Hughes", "Parker", "Morgan",
    "Cooper", "Ward", "Foster", "Mitchell", "Russell", "Barnes",
)

# Surnames (and a few given names) with apostrophes and hyphens.
APOS_SURNAMES = (
    "O'Neill", "O'Sullivan", "O'Callaghan", "D'Souza", "D'Angelo", "N'Diaye", "Al-Amin",
    "Al-Hashimi", "Jean-Baptiste", "Pierre-Louis", "Ben-David", "Bello-Osagie",
    "Clarke-Bailey", "Ní Bhriain", "Abu-Zayd", "Jean-Charles",
)
APOS_GIVEN = (
    "Anne-Sophie", "Mary-Kate", "Abdul-Rahman", "Jean-Marc", "Marie-Claire", "Li-Na",
    "Sun-Hee", "Jo-Ann",
)

# Given names and surnames that are also ordinary English words.
WORD_GIVEN = (
    "Summer", "River", "Faith", "Joy", "Ray", "Dawn", "Sunny", "Rocky", "Bill", "Rose",
    "Jack", "Amber", "Hunter", "Crystal", "Autumn", "Ivy", "Cliff", "Rusty", "Misty", "Star",
    "Cherry", "Melody", "Miles", "Destiny", "Blossom", "Clay", "Forrest", "Sky",
)
WORD_SURNAMES = (
    "Baker", "Cook", "Fisher", "Brooks", "Young", "Short", "Moon", "Gold", "Frost", "Winter",
    "Bird", "King", "Knight", "Bishop", "Love", "Day", "Marsh", "Heath", "Cotton", "Potter",
    "Weaver", "Hunt", "Best", "Sweet", "Rich", "Wolf", "Lovejoy", "Morning",
)

# Nicknames and short forms people use in chat and speech.
NICKNAMES = (
    "Bazza", "Shaz", "Macca", "Stevo", "Trish", "Babs", "Izzy", "Lexi", "Robbo", "Hazza",
    "Chaz", "Rach", "Kiki", "Tito", "Beto", "Misha", "Zhenya", "Gabi", "Dani", "Mags",
    "Dilly", "Nuwi", "Sokky", "Fafa", "Gigi", "Bri",
)

# Multi-part names, as (given names, surname).
MULTI_NAMES = (
    ("Thiri", "Aung Myint"), ("Zaw", "Min Htet"), ("Hnin", "Ei Phyu"), ("Kyaw", "Zin Oo"),
    ("Thandar", "Hlaing Win"), ("Azlan", "bin Yusof"), ("Syafiqah", "binti Rosli"),
    ("Nur Izzati", "binti Kamal"), ("Dyani", "Kills Crow"), ("Winona", "Running Water"),
    ("María José", "Quispe Mamani"), ("Juan Evo", "Condori Apaza"),
    ("Ainhoa", "Zubizarreta Urrutia"), ("Anne-Sophie", "Le Bihan"), ("Erwan", "Le Goff"),
    ("Jean-Baptiste", "Pierre-Louis"), ("Abdul Rahman", "Al-Hashimi"),
    ("Sigrún Ósk", "Einarsdóttir"), ("Mary-Kate", "O'Sullivan"), ("Hamadou", "Bah Diallo"),
    ("Ndeye Fatou", "Ndiaye"), ("Tsvetelina", "Georgieva-Petkova"), ("Pemba", "Lhamu Sherpa"),
    ("Rivo", "Andrianarivo Rakotonirina"), ("Mendel", "ben Yosef Katz"),
    ("Ratu Josaia", "Vakacegu"), ("Gulnora", "Tursunova-Karimova"),
)

# Name particles: part of a name, yet identifying no one on their own.
PARTICLES = frozenset({
    "van", "der", "den", "de", "del", "della", "la", "le", "da", "dos", "das", "di", "du",
    "von", "bin", "binti", "al", "el", "ibn", "ni", "ní", "nic", "te", "ó", "o", "y", "ter",
    "mac", "st", "ben", "bat", "abu", "ratu",
})

# Words that name a kind of place, never a place: never labels.
GENERIC = frozenset({
    "street", "st", "road", "rd", "lane", "ln", "avenue", "ave", "av", "drive", "dr", "way",
    "close", "court", "ct", "place", "pl", "crescent", "terrace", "grove", "boulevard", "blvd",
    "park", "rue", "quai", "cours", "calle", "carrer", "kale", "avenida", "via", "corso",
    "rua", "ul", "ulica", "flat", "apt", "apartment", "apto", "unit", "suite", "house",
    "col", "colonia", "ku", "des", "dei", "do", "am", "san", "santa", "saint", "sainte",
    "new", "north", "south", "east", "west", "city", "town", "the", "of", "and", "co",
    "gate", "gata", "gasse", "straße", "strasse", "box", "po", "site", "comp", "county",
    "cottage", "farm", "barn", "bis", "ter", "bus", "bte", "piso", "depto", "int", "plot",
    "no", "nagar", "tower", "heights", "apartments", "residency", "enclave", "layout",
    "gardens", "trail", "walk", "hill", "bay", "point", "old", "upper", "lower", "great",
    "little", "market", "main", "estate", "floor", "route", "rural", "delivery", "station",
    "lot", "jalan", "lorong", "lebuh", "marg", "carrera", "transversal", "gatvė",
    "prospektas", "alėja", "allé", "rr", "hc", "rmb", "highway", "valley",
    "ridge", "crest", "private", "bag", "mail", "roadside", "stair", "door", "green",
}) | PARTICLES

# ---------------------------------------------------------------------------------------
# Addresses, hand-written, from 38 countries.

US_STREETS = (
    "Magnolia Boulevard", "Sycamore Street", "Larkspur Lane", "Hickory Ridge Road",
    "Tamarack Drive", "Catalpa Court", "Osage Avenue", "Bluebonnet Lane", "Kalamath Street",
    "Ponderosa Way", "Shenandoah Drive", "Wildflower Lane", "Cedar Crest Road",
    "Chickasaw Avenue", "Tecumseh Street",
)
# (city, state, abbreviation or None when it is an English word, ZIP prefix)
US_CITIES = (
    ("Missoula", "Montana", "MT", "598"), ("Santa Fe", "New Mexico", "NM", "875"),
    ("Duluth", "Minnesota", "MN", "558"), ("Savannah", "Georgia", "GA", "314"),
    ("Spokane", "Washington", "WA", "992"), ("Knoxville", "Tennessee", "TN", "379"),
    ("Madison", "Wisconsin", "WI", "537"), ("Albuquerque", "New Mexico", "NM", "871"),
    ("Eugene", "Oregon", None, "974"), ("Cheyenne", "Wyoming", "WY", "820"),
    ("Sioux Falls", "South Dakota", "SD", "571"), ("Chattanooga", "Tennessee", "TN", "374"),
    ("Tucson", "Arizona", "AZ", "857"), ("Ann Arbor", "Michigan", "MI", "481"),
    ("Durham", "North Carolina", "NC", "277"), ("Honolulu", "Hawaii", None, "968"),
    ("Little Rock", "Arkansas", "AR", "722"), ("Gallup", "New Mexico", "NM", "873"),
    ("Portland", "Maine", None, "041"), ("Billings", "Montana", "MT", "591"),
    ("Jackson", "Mississippi", "MS", "392"), ("Tulsa", "Oklahoma", None, "741"),
)
US_RURAL = (
    ("Kayenta", "Arizona", "AZ", "860"), ("Chinle", "Arizona", "AZ", "865"),
    ("Pine Ridge", "South Dakota", "SD", "577"), ("Hatch", "New Mexico", "NM", "879"),
    ("Walhalla", "North Dakota", "ND", "582"), ("Ozark", "Arkansas", "AR", "729"),
)
UK_STREETS = (
    "Hawthorn Avenue", "Mayfield Road", "Pemberton Street", "Cavendish Road", "Larkhill Lane",
    "Fairfax Crescent", "Wellington Terrace", "Chantry Close", "Beechwood Grove",
    "Gladstone Road", "Alderley Road", "Sefton Drive", "Wollaton Street",
)
UK_TOWNS = (
    ("York", "YO"), ("Bristol", "BS"), ("Leeds", "LS"), ("Sheffield", "S"), ("Norwich", "NR"),
    ("Exeter", "EX"), ("Aberdeen", "AB"), ("Swansea", "SA"), ("Belfast", "BT"),
    ("Leicester", "LE"), ("Brighton", "BN"), ("Glasgow", "G"), ("Edinburgh", "EH"),
    ("Manchester", "M"), ("Birmingham", "B"), ("Durham", "DH"), ("London", "NW"),
    ("London", "W"), ("Luton", "LU"), ("Cardiff", "CF"),
)
UK_RURAL = (
    # (house name, its identifying words, village, post town, postcode area)
    ("Kestrel Barn", ("Kestrel",), "Malham", "Skipton", "BD"),
    ("Ivy House", ("Ivy",), "Blakeney", "Holt", "NR"),
    ("The Granary", ("Granary",), "Painswick", "Stroud", "GL"),
    ("Hafod Farm", ("Hafod",), "Llangrannog", "Llandysul", "SA"),
    ("Bryn Awel", ("Bryn", "Awel"), "Llanberis", "Caernarfon", "LL"),
    ("Meadowside", ("Meadowside",), "Alnmouth", "Alnwick", "NE"),
)
IE_STREETS = (
    "Clonliffe Road", "Shandon Street", "Barrack Street", "Newcastle Road", "Ballybane Road",
    "Sligo Road", "Mallow Road", "Ennis Road",
)
IE_TOWNS = (
    ("Sligo", "F91"), ("Kilkenny", "R95"), ("Limerick", "V94"), ("Wexford", "Y35"),
    ("Castlebar", "F23"), ("Clonmel", "E91"), ("Waterford", "X91"), ("Carlow", "R93"),
    ("Rathmines", "D06"),
)
IE_RURAL = (
    # (townland, village, county, routing key)
    ("Carrowkeel", "Collooney", "Sligo", "F91"), ("Coolea", "Ballyvourney", "Cork", "P12"),
    ("Meenacladdy", "Dunlewey", "Donegal", "F92"), ("Kilmihil", "Kilrush", "Clare", "V15"),
    ("Mountain Stage", "Glenbeigh", "Kerry", "V93"), ("Tullycross", "Renvyle", "Galway", "H91"),
)
IE_EIRCODE = "ACDEFHKNPRTVWXY"
CA_STREETS = (
    "Spadina Avenue", "Portage Avenue", "Whyte Avenue", "Rue Saint-Denis", "Commercial Drive",
    "Bank Street", "Quinpool Road", "Water Street", "Elgin Street",
)
# (city, province, abbreviation or None, first half of the postal code)
CA_CITIES = (
    ("Winnipeg", "Manitoba", "MB", "R3C"), ("Halifax", "Nova Scotia", "NS", "B3H"),
    ("Ottawa", "Ontario", None, "K1P"), ("Montréal", "Quebec", "QC", "H2X"),
    ("Calgary", "Alberta", "AB", "T2P"), ("St. John's", "Newfoundland and Labrador", "NL",
                                          "A1C"),
    ("Whitehorse", "Yukon", "YT", "Y1A"), ("Moncton", "New Brunswick", "NB", "E1C"),
    ("Thunder Bay", "Ontario", None, "P7B"), ("Iqaluit", "Nunavut", "NU", "X0A"),
)
CA_RURAL = (
    ("Vegreville", "Alberta", "AB", "T9C"), ("Melfort", "Saskatchewan", "SK", "S0E"),
    ("Baddeck", "Nova Scotia", "NS", "B0E"), ("Neepawa", "Manitoba", "MB", "R0J"),
)
CA_LETTERS = "ABCEGHJKLMNPRSTVXY"
AU_STREETS = (
    "Jacaranda Crescent", "Banksia Street", "Grey Street", "Hindley Street", "Sturt Street",
    "Kookaburra Close", "Wattle Grove", "Bellbird Avenue", "Yarra Street",
)
AU_TOWNS = (
    ("Fitzroy", "Victoria", "VIC", "3065"), ("Newtown", "New South Wales", "NSW", "2042"),
    ("Fremantle", "Western Australia", None, "6160"), ("Paddington", "Queensland", "QLD", "4064"),
    ("Glenelg", "South Australia", "SA", "5045"), ("Hobart", "Tasmania", "TAS", "7000"),
    ("Darwin", "Northern Territory", "NT", "0800"), ("Ballarat", "Victoria", "VIC", "3350"),
)
AU_PO_TOWNS = (
    ("Alice Springs", "Northern Territory", "NT", "0870"), ("Dubbo", "New South Wales", "NSW",
                                                            "2830"),
    ("Cairns", "Queensland", "QLD", "4870"), ("Albany", "Western Australia", None, "6330"),
)
NZ_STREETS = (
    "Karangahape Road", "Ponsonby Road", "Riccarton Road", "Rimu Street", "Totara Avenue",
    "Kowhai Drive", "Hinemoa Street",
)
NZ_TOWNS = (
    ("Dunedin", "9016"), ("Napier", "4110"), ("Nelson", "7010"), ("Rotorua", "3010"),
    ("Palmerston North", "4410"), ("Whanganui", "4500"), ("Auckland", "1021"),
)
NZ_RURAL = (
    ("Te Mata Road", "Havelock North", "4294"), ("Waitomo Valley Road", "Otorohanga", "3977"),
    ("Kaimai Road", "Katikati", "3178"), ("Riwaka Valley Road", "Motueka", "7198"),
)
DE_STREETS = (
    "Goethestraße", "Lindenstraße", "Bergmannstraße", "Am Sonnenhang", "Ahornweg",
    "Königsallee", "Wilhelmstraße", "Lessingstraße",
)
DE_TOWNS = (
    ("Leipzig", "04"), ("Dresden", "01"), ("Freiburg", "79"), ("Bremen", "28"), ("Köln", "50"),
    ("Augsburg", "86"), ("Rostock", "18"), ("Regensburg", "93"), ("Düsseldorf", "40"),
)
AT_STREETS = ("Neubaugasse", "Sporgasse", "Landstraße", "Maria-Theresien-Straße", "Schmiedgasse")
AT_TOWNS = (
    ("Wien", "1070"), ("Klagenfurt", "9020"), ("Bregenz", "6900"), ("Villach", "9500"),
    ("Wels", "4600"),
)
CH_STREETS = (
    "Marktgasse", "Limmatquai", "Rue de Lausanne", "Via Nassa", "Freie Strasse",
    "Gerechtigkeitsgasse",
)
CH_TOWNS = (
    ("Winterthur", "8400"), ("Fribourg", "1700"), ("Lugano", "6900"), ("St. Gallen", "9000"),
    ("Thun", "3600"), ("Sion", "1950"),
)
FR_STREETS = (
    "rue du Faubourg Saint-Antoine", "avenue Jean Jaurès", "rue de Siam", "rue Mouffetard",
    "cours Mirabeau", "rue Nationale", "rue de Brest",
)
FR_TOWNS = (
    ("Nantes", "44000"), ("Rennes", "35000"), ("Lille", "59000"), ("Toulouse", "31000"),
    ("Brest", "29200"), ("Quimper", "29000"), ("Aix-en-Provence", "13100"), ("Lorient", "56100"),
)
BE_STREETS = ("Kouter", "Steenstraat", "Rue Neuve", "Avenue Louise", "Bondgenotenlaan",
              "Rue de Fer")
BE_TOWNS = (
    ("Brugge", "8000"), ("Mechelen", "2800"), ("Charleroi", "6000"), ("Hasselt", "3500"),
    ("Ixelles", "1050"), ("Mons", "7000"),
)
NL_STREETS = (
    "Oudegracht", "Prinsengracht", "Witte de Withstraat", "Zeedijk", "Vismarkt",
    "Lange Nieuwstraat", "Molenstraat",
)
NL_TOWNS = (
    ("Utrecht", "35"), ("Groningen", "97"), ("Haarlem", "20"), ("Eindhoven", "56"),
    ("Rotterdam", "30"), ("Arnhem", "68"), ("Den Haag", "25"),
)
NL_LETTERS = "BCEGHJKLMNPRTVWXZ"
ES_STREETS = (
    "Calle de Alcalá", "Carrer de Verdi", "Calle San Fernando", "Avenida de la Constitución",
    "Kale Nagusia", "Calle Estafeta", "Calle Mayor de Triana",
)
ES_TOWNS = (
    ("Bilbao", "480"), ("Donostia", "200"), ("Sevilla", "410"), ("Valencia", "460"),
    ("Granada", "180"), ("Gijón", "332"), ("Vitoria-Gasteiz", "010"),
)
PT_STREETS = (
    "Rua do Almada", "Rua Ferreira Borges", "Avenida dos Aliados", "Rua da Rosa",
    "Rua de Santo António", "Rua Direita",
)
PT_TOWNS = (
    ("Aveiro", "3800"), ("Setúbal", "2900"), ("Évora", "7000"), ("Viseu", "3500"),
    ("Funchal", "9000"), ("Guimarães", "4800"),
)
IT_STREETS = (
    "Via dei Mille", "Via Garibaldi", "Corso Vittorio Emanuele", "Via Toledo",
    "Via Saragozza", "Via Tornabuoni", "Via Solferino",
)
IT_TOWNS = (
    ("Napoli", "801"), ("Bologna", "401"), ("Torino", "101"), ("Firenze", "501"),
    ("Palermo", "901"), ("Lecce", "731"), ("Bergamo", "241"),
)
PL_STREETS = (
    "ul. Piotrkowska", "ul. Długa", "ul. Świętojańska", "ul. Floriańska", "ul. Mickiewicza",
    "ul. Półwiejska",
)
PL_TOWNS = (
    ("Łódź", "90"), ("Gdańsk", "80"), ("Gdynia", "81"), ("Kraków", "31"), ("Poznań", "61"),
    ("Wrocław", "50"),
)
SE_STREETS = ("Vasagatan", "Hornsgatan", "Sveavägen", "Östra Hamngatan", "Södra Förstadsgatan")
SE_TOWNS = (
    ("Västerås", "72"), ("Örebro", "70"), ("Lund", "22"), ("Linköping", "58"),
    ("Helsingborg", "25"),
)
NO_STREETS = ("Bogstadveien", "Storgata", "Torggata", "Nordre gate", "Kirkegata")
NO_TOWNS = (
    ("Drammen", "3"), ("Kristiansand", "4"), ("Bodø", "8"), ("Ålesund", "6"),
    ("Lillehammer", "2"),
)
DK_STREETS = ("Frederiksberg Allé", "Amagerbrogade", "Østerbrogade", "Algade", "Vestergade")
DK_TOWNS = (
    ("Roskilde", "4000"), ("Vejle", "7100"), ("Horsens", "8700"), ("Kolding", "6000"),
    ("Frederiksberg", "1820"),
)
FI_STREETS = (
    "Hämeenkatu", "Mannerheimintie", "Aleksanterinkatu", "Kauppakatu", "Puistokatu",
    "Rautatienkatu",
)
FI_TOWNS = (
    ("Tampere", "33"), ("Helsinki", "00"), ("Turku", "20"), ("Oulu", "90"),
    ("Jyväskylä", "40"), ("Kuopio", "70"),
)
IS_STREETS = (
    "Laugavegur", "Skólavörðustígur", "Hverfisgata", "Tryggvagata", "Hafnarstræti",
    "Brekkugata",
)
IS_TOWNS = (
    ("Reykjavík", "101"), ("Kópavogur", "200"), ("Akureyri", "600"), ("Hafnarfjörður", "220"),
    ("Selfoss", "800"), ("Ísafjörður", "400"),
)
LT_STREETS = (
    "Pilies gatvė", "Gedimino prospektas", "Laisvės alėja", "Vilniaus gatvė",
    "Didžioji gatvė", "Tilžės gatvė",
)
LT_TOWNS = (("Vilnius", "01"), ("Kaunas", "44"), ("Klaipėda", "91"), ("Šiauliai", "76"))
HR_STREETS = ("Ilica", "Vlaška ulica", "Marmontova", "Korzo", "Radićeva", "Frankopanska")
HR_TOWNS = (
    ("Zagreb", "10000"), ("Split", "21000"), ("Rijeka", "51000"), ("Osijek", "31000"),
    ("Zadar", "23000"),
)
IN_BUILDINGS = (
    "Sai Krupa Apartments", "Green Meadows", "Shanti Niketan", "Lotus Residency",
    "Kaveri Enclave", "Sagar Darshan",
)
IN_TOWNS = (
    ("Whitefield", "Bengaluru", "5600"), ("Salt Lake", "Kolkata", "7000"),
    ("Kothrud", "Pune", "4110"), ("Andheri West", "Mumbai", "4000"),
    ("Velachery", "Chennai", "6000"), ("Banjara Hills", "Hyderabad", "5000"),
    ("Gomti Nagar", "Lucknow", "2260"), ("Vyttila", "Kochi", "6820"),
)
JP_AREAS = (
    ("Jingumae", "Shibuya", "Tokyo", "150"), ("Gion", "Higashiyama", "Kyoto", "605"),
    ("Namba", "Chuo", "Osaka", "542"), ("Sannomiya", "Chuo", "Kobe", "650"),
    ("Kokubuncho", "Aoba", "Sendai", "980"), ("Hondori", "Naka", "Hiroshima", "730"),
)
MY_STREETS = (
    "Jalan Telawi", "Jalan Ampang", "Jalan Gasing", "Lebuh Chulia", "Jalan Tun Razak",
    "Lorong Kurau",
)
MY_TOWNS = (
    # (area or None, postcode, city, state or None)
    ("Bangsar", "59100", "Kuala Lumpur", None), (None, "46000", "Petaling Jaya", "Selangor"),
    (None, "10200", "George Town", "Penang"), ("Likas", "88400", "Kota Kinabalu", "Sabah"),
    ("Greentown", "30450", "Ipoh", "Perak"), (None, "80000", "Johor Bahru", "Johor"),
)
ZA_STREETS = (
    "Vilakazi Street", "Florida Road", "Long Street", "Lilian Ngoyi Street", "Voortrekker Road",
    "Oxford Road",
)
ZA_TOWNS = (
    ("Observatory", "Cape Town", "7925"), ("Melville", "Johannesburg", "2092"),
    ("Morningside", "Durban", "4001"), ("Hatfield", "Pretoria", "0083"),
    ("Walmer", "Gqeberha", "6070"), ("Orlando East", "Soweto", "1804"),
)
NG_STREETS = (
    "Allen Avenue", "Adeola Odeku Street", "Isaac John Street", "Ahmadu Bello Way",
    "Ogui Road", "Toyin Street",
)
NG_TOWNS = (("Ikeja", "Lagos"), ("Lekki", "Lagos"), ("Wuse", "Abuja"), ("Sabon Gari", "Kano"),
            ("Independence Layout", "Enugu"))
KE_STREETS = (
    "Ngong Road", "Argwings Kodhek Road", "Waiyaki Way", "Lenana Road", "Kimathi Street",
    "Digo Road",
)
KE_TOWNS = (
    ("Kilimani", "Nairobi"), ("Westlands", "Nairobi"), ("Nyali", "Mombasa"),
    ("Milimani", "Kisumu"), ("Runda", "Nairobi"),
)
MX_STREETS = (
    "Calle Álvaro Obregón", "Calle Durango", "Avenida Vallarta", "Calle Hidalgo",
    "Calle Allende", "Calle Macedonio Alcalá",
)
MX_TOWNS = (
    ("Roma Norte", "06700", "Ciudad de México"), ("Condesa", "06140", "Ciudad de México"),
    ("Del Valle", "03100", "Ciudad de México"), ("Americana", "44160", "Guadalajara"),
    ("Jalatlaco", "68080", "Oaxaca"),
)
BR_STREETS = (
    "Rua Oscar Freire", "Avenida Atlântica", "Rua da Consolação", "Rua Padre Chagas",
    "Avenida Sete de Setembro", "Rua Barata Ribeiro",
)
BR_TOWNS = (
    # (neighbourhood, city, state code, CEP prefix)
    ("Copacabana", "Rio de Janeiro", "RJ", "22040"), ("Batel", "Curitiba", "PR", "80420"),
    ("Savassi", "Belo Horizonte", "MG", "30140"), ("Adrianópolis", "Manaus", "AM", "69057"),
    ("Nazaré", "Belém", "PA", "66035"), ("Moinhos de Vento", "Porto Alegre", "RS", "90570"),
)
AR_STREETS = (
    "Avenida de Mayo", "Calle Florida", "Avenida Cabildo", "Calle Gorriti",
    "Calle Humberto Primo",
)
AR_TOWNS = (("Buenos Aires", "C"), ("La Plata", "B"), ("Salta", "A"), ("Bariloche", "R"),
            ("Tucumán", "T"))
CL_STREETS = (
    "Avenida Providencia", "Calle Merced", "Calle Esmeralda", "Avenida Italia",
    "Calle Almirante Montt",
)
CL_TOWNS = (
    ("Providencia", "Santiago", "750"), ("Ñuñoa", "Santiago", "775"),
    ("Cerro Alegre", "Valparaíso", "236"), ("Barrio Universitario", "Concepción", "403"),
)
CO_PLACES = (
    ("Chicó", "Bogotá"), ("Chapinero", "Bogotá"), ("El Poblado", "Medellín"),
    ("Laureles", "Medellín"), ("San Fernando", "Cali"), ("Getsemaní", "Cartagena"),
)
PH_STREETS = (
    "Mabini Street", "Katipunan Avenue", "Rizal Avenue", "Osmeña Boulevard", "Legazpi Street",
    "Maginhawa Street",
)
PH_TOWNS = (
    ("Loyola Heights", "Quezon City", "1108"), ("Kapitolyo", "Pasig", "1603"),
    ("Malate", "Manila", "1004"), ("Lahug", "Cebu City", "6000"),
    ("Marikina Heights", "Marikina", "1810"),
)
KZ_STREETS = (
    "Dostyk Avenue", "Abay Avenue", "Tole Bi Street", "Kabanbay Batyr Avenue",
    "Zheltoksan Street", "Kunayev Street",
)
KZ_TOWNS = (("Almaty", "050"), ("Astana", "010"), ("Shymkent", "160"), ("Karaganda", "100"))
NP_STREETS = ("Jhamsikhel Marg", "Lazimpat Road", "Durbar Marg", "Pulchowk Road", "Lakeside Road")
NP_TOWNS = (("Lalitpur", "44700"), ("Kathmandu", "44600"), ("Pokhara", "33700"),
            ("Bhaktapur", "44800"))
LK_STREETS = ("Galle Road", "Duplication Road", "Peradeniya Road", "Temple Road", "Horton Place")
LK_TOWNS = (("Colombo", "00300"), ("Kandy", "20000"), ("Galle", "80000"), ("Negombo", "11500"),
            ("Jaffna", "40000"))
FJ_TOWNS = ("Suva", "Nadi", "Lautoka", "Labasa", "Savusavu")

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
    if len(digits) == 4 and digits.endswith("000") and digits[0] != "0":
        return _UNITS[int(digits[0])] + " thousand"
    if len(digits) == 4 and digits[1] == "0":
        return None
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
    elif n < 10000 and text[1:] == "000":
        options.append(f"{_UNITS[int(text[0])]} thousand")
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


_FOLD = str.maketrans({
    "ß": "ss", "ł": "l", "Ł": "L", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "ø": "o",
    "Ø": "O", "æ": "ae", "Æ": "Ae", "œ": "oe", "ı": "i", "đ": "d", "Đ": "D",
})


def fold(text: str) -> str:
    """ASCII spelling for spoken text: a transcript rarely carries accents."""
    text = text.translate(_FOLD).replace("º", "").replace("ª", "")
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
    tokens = re.split(r"[\s,.\-'/#]+", text)
    return [t for t in tokens if len(t) >= 2 and t.isalpha() and t.casefold() not in skip]


# Person names. Styles: "" full name, first, sur, surfirst ("Surname, Given"), lower,
# lowerfirst, caps, initial ("J. Perera"), initials ("J. R. Perera"), apos (apostrophe or
# hyphen), word, wordfirst, multi, nick, spelled, again, againsur.

def _pick_person(style: str, rng: random.Random, state: dict) -> tuple[str, str]:
    """A person not yet used in this sentence; multi-part names for some full names."""
    for _ in range(50):
        if style in ("word", "wordfirst"):
            person = (rng.choice(WORD_GIVEN), rng.choice(WORD_SURNAMES + SURNAMES))
        elif style == "nick":
            person = (rng.choice(NICKNAMES), rng.choice(SURNAMES))
        elif style == "apos":
            given = rng.choice(APOS_GIVEN) if rng.random() < 0.3 else rng.choice(GIVEN_NAMES)
            person = (given, rng.choice(APOS_SURNAMES))
        elif style == "multi" or (style in ("", "surfirst", "caps", "lower")
                                  and rng.random() < 0.15):
            person = rng.choice(MULTI_NAMES)
        elif style in ("", "sur", "surfirst", "lower", "initial", "initials") \
                and rng.random() < 0.12:
            person = (rng.choice(GIVEN_NAMES), rng.choice(APOS_SURNAMES))
        elif style in ("first", "lowerfirst") and rng.random() < 0.15:
            person = (rng.choice(WORD_GIVEN), rng.choice(SURNAMES))
        elif style == "sur" and rng.random() < 0.12:
            person = (rng.choice(GIVEN_NAMES), rng.choice(WORD_SURNAMES))
        else:
            person = (rng.choice(GIVEN_NAMES), rng.choice(SURNAMES))
        used = state.setdefault("used", set())
        if person[0] not in used and person[1] not in used:
            used.update(person)
            return person
    raise _Retry


_INITIALS = "ABCDEFGHJKLMNPRSTVW"


def _name_surface(style: str, given: str, surname: str, rng: random.Random) -> tuple[str, str]:
    """The surface and canonical form of a name in one of the sentence shapes."""
    full = f"{given} {surname}"
    if style == "initials":
        middle = rng.choice(_INITIALS.replace(given[0], ""))
        text = f"{given[0]}. {middle}. {surname}"
        return text, text
    shapes = {
        "first": (given, given), "wordfirst": (given, given), "nick": (given, given),
        "lowerfirst": (given.lower(), given), "sur": (surname, surname),
        "surfirst": (f"{surname}, {given}", full), "lower": (full.lower(), full),
        "caps": (full.upper(), full),
        "initial": (f"{given[0]}. {surname}", f"{given[0]}. {surname}"),
    }
    return shapes.get(style, (full, full))


def _spelled_name(form: str, state: dict) -> dict:
    """The last name said, spelled letter by letter, as callers do after saying it."""
    given, surname = state["person"]
    target = given if state.get("said") in ("first", "wordfirst", "nick") else surname
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
    surface, canonical = _name_surface(style, given, surname, rng)
    if style in ("initial", "initials") and form == "spoken":
        surface = surface.replace(".", "")
    if form == "spoken":
        surface = fold(surface)
    words = _name_words(surface, PARTICLES)
    if not words:
        raise _Retry
    return _value("person_name", surface, canonical, "", words)


# E-mail. Styles: "" usually the person just named, rand, biz (a one-person business),
# work (an employer's domain), sub (a school, club or family subdomain), plus, spell (the
# local part spelled out letter by letter when spoken).

PERSONAL_DOMAINS = (
    "gmail.com", "yahoo.com", "hotmail.com", "outlook.fr", "mail.ru", "inbox.lv", "abv.bg",
    "gmx.net", "libero.it", "wanadoo.fr", "telenet.be", "xs4all.nl", "kpnmail.nl",
    "rogers.com", "sympatico.ca", "iinet.net.au", "xtra.co.nz", "eircom.net", "sky.com",
    "talktalk.net", "rediffmail.com", "fastmail.com", "posteo.de", "sapo.pt", "uol.com.br",
    "yahoo.co.jp", "daum.net", "mail.kz", "yandex.kz", "proton.me", "icloud.com",
    "hotmail.fr", "btopenworld.com", "ntlworld.com", "cox.net", "optonline.net",
    "yahoo.com.ph", "inbox.lt", "siol.net", "gmail.com", "gmail.com", "outlook.com",
)
COMPANIES = (
    "northwindlogistics", "kestrelsoftware", "brightwaterhealth", "meridianlegal",
    "harbourviewhotels", "oakhavenschools", "bluefincatering", "silverbirchcare",
    "tidewaterenergy", "copperleafdesign", "lanternpharmacy", "quayside-lettings",
)
WORK_TLDS = ("com", "co.uk", "org", "io", "ie", "com.au", "de", "ca", "nz", "org.uk")
TRADES = (
    "tutoring", "cleaning", "couriers", "lettings", "catering", "photography", "weddings",
    "plumbing", "florist", "bakes", "legal", "immigration", "massage", "drivingschool",
)
SCHOOLS = (
    "stcolumbas", "westbrookacademy", "hillcrestprimary", "maplewoodhigh", "rivermeadschool",
    "ashbourneacademy",
)
CLUBS = ("tigersnetball", "harbourrfc", "northsiderunners", "cityjuniors", "lakesidecycling",
         "stmarysyouth")
PLUS_TAGS = ("hr", "payroll", "tickets", "dating", "wedding", "charity", "pharmacy",
             "parking", "hotel", "school", "lettings", "receipts")
TLDS = frozenset({
    "com", "co", "uk", "me", "fr", "de", "net", "au", "it", "pl", "br", "ca", "nz", "org",
    "ie", "io", "shop", "at", "ch", "be", "nl", "cz", "ru", "in", "sch", "ac", "edu", "family",
    "name", "email", "lv", "bg", "kz", "lt", "jp", "ph", "pt", "es", "is", "fj", "lk", "np",
})
# Domain labels that name no one: providers' generic parts, school and club sub-labels.
DOMAIN_GENERIC = frozenset({
    "mail", "email", "online", "parents", "pupils", "students", "staff", "members", "home",
    "me", "admissions", "office", "team", "inbox",
}) | TLDS


def _email_person(style: str, rng: random.Random, state: dict) -> tuple[str, str]:
    """Usually the person just named, since people give their own address."""
    if "person" in state and style not in ("rand",) and rng.random() < 0.7:
        return state["person"]
    return (rng.choice(GIVEN_NAMES), rng.choice(SURNAMES))


def _slug(name: str, last: bool) -> str:
    """A name piece as it appears in an address: first or last part, ASCII, lower case."""
    plain = fold(name).lower().replace("'", "")
    parts = [p for p in re.split(r"[\s\-.]+", plain) if p and p not in PARTICLES]
    return parts[-1] if last else parts[0]


def _email_parts(style: str, given: str, surname: str, rng: random.Random):
    """The local part as (type, text) pieces: names, initials, separators, numbers, tags."""
    g, s = _slug(given, last=False), _slug(surname, last=True)
    num = str(rng.choice((rng.randint(1, 99), rng.randint(1970, 2010), rng.randint(100, 999))))
    if style == "work":
        return rng.choice((
            [("name", g), ("sep", "."), ("name", s)], [("init", g[0]), ("name", s)],
            [("name", g), ("sep", "_"), ("name", s)], [("name", g)],
            [("name", s), ("sep", "."), ("name", g)],
        ))
    shapes = [
        [("name", g), ("sep", "."), ("name", s)],
        [("name", g), ("name", s)],
        [("name", g), ("sep", "."), ("init", s[0])],
        [("init", g[0]), ("sep", "."), ("name", s)],
        [("name", g), ("sep", "_"), ("name", s), ("num", num)],
        [("name", s), ("sep", "."), ("name", g), ("num", num)],
        [("name", g), ("sep", "-"), ("name", s)],
        [("name", g), ("num", num)],
        [("name", s), ("name", g)],
        [("init", g[0]), ("name", s), ("num", num)],
        [("name", g), ("sep", "."), ("name", s), ("sep", "_"), ("num", num)],
        [("name", g), ("sep", "_"), ("init", s[0]), ("sep", "_"), ("num", num)],
    ]
    if style == "plus":
        base = rng.choice((shapes[0], shapes[1], shapes[6], shapes[7], shapes[8]))
        return base + [("plus", "+"), ("tag", rng.choice(PLUS_TAGS))]
    return rng.choice(shapes)


def _email_domain(style: str, surname: str, rng: random.Random) -> str:
    """A personal provider, an employer, a one-person business, or a subdomain."""
    name = _slug(surname, last=True)
    if style == "work":
        return rng.choice(COMPANIES) + "." + rng.choice(WORK_TLDS)
    if style == "biz" or (style == "" and rng.random() < 0.12):
        trade = rng.choice(TRADES)
        label = rng.choice((f"{name}{trade}", f"{name}-{trade}", f"{trade}with{name}"))
        return label + "." + rng.choice(("com", "co.uk", "ie", "com.au", "co.nz", "shop", "ca"))
    if style == "sub" or (style == "" and rng.random() < 0.1):
        return rng.choice((
            f"parents.{rng.choice(SCHOOLS)}.org.uk", f"admissions.{rng.choice(SCHOOLS)}.sch.uk",
            f"mail.{name}.family", f"home.{name}.me", f"members.{rng.choice(CLUBS)}.org",
            f"staff.{rng.choice(SCHOOLS)}.ac.uk", f"{name}.email",
        ))
    return rng.choice(PERSONAL_DOMAINS)


def _domain_words(domain: str) -> list[str]:
    """Domain name pieces that identify: no top-level or generic labels, no lone trade."""
    words = []
    for label in domain.split("."):
        for piece in label.split("-"):
            if piece not in DOMAIN_GENERIC and piece not in TRADES and len(piece) >= 2:
                words.append(piece)
    return words


def _say_domain(domain: str, rng: random.Random) -> str:
    """Said as "gmail dot com" or "perera dash legal dot co dot uk"; "k z" spelled."""
    spoken = []
    dash = rng.choice((" dash ", " dash ", " hyphen "))
    for label in domain.split("."):
        if len(label) <= 2 and label not in ("co", "me"):
            spoken.append(spell(label).lower())
        elif label.isdigit():
            raise _Retry
        else:
            spoken.append(label.replace("-", dash))
    return " dot ".join(spoken)


def email_value(style: str, form: str, rng: random.Random, state: dict) -> dict:
    """An e-mail address, typed as written or said with "at", "dot", "dash", "underscore"."""
    given, surname = _email_person(style, rng, state)
    parts = _email_parts(style, given, surname, rng)
    domain = _email_domain(style, surname, rng)
    local = "".join(text for _, text in parts)
    canonical = f"{local}@{domain}"
    digits = "".join(text for kind, text in parts if kind == "num")
    domain_words = _domain_words(domain)
    if form == "typed":
        surface = canonical
        if rng.random() < 0.1:
            surface = canonical.capitalize()
        elif rng.random() < 0.08:
            surface = local.capitalize() + "@" + ".".join(
                lab.capitalize() if i == 0 else lab for i, lab in enumerate(domain.split(".")))
        tokens, current = [], ""
        for kind, text in parts:
            if kind in ("sep", "plus"):
                tokens.append(current)
                current = ""
            else:
                current += text if kind != "tag" else ""
        tokens.append(current)
        names = {text for kind, text in parts if kind == "name"}
        local_words = [t for t in tokens if any(n in t for n in names)]
        return _value("email", surface, canonical, digits, local_words + domain_words)
    sep_words = {".": "dot", "_": "underscore", "-": rng.choice(("dash", "dash", "hyphen")),
                 "+": "plus"}
    spelled_all = style == "spell"
    spoken, words = [], []
    for kind, text in parts:
        if kind == "name":
            words.append(text)
            spoken.append(spell(text).lower() if spelled_all or rng.random() < 0.12 else text)
        elif kind == "init":
            spoken.append(text)
        elif kind == "tag":
            spoken.append(" ".join(text) if len(text) <= 2 else text)
        elif kind in ("sep", "plus"):
            spoken.append(sep_words[text])
        else:
            spoken.append(say_digits(text, rng))
    at = rng.choice((" at ", " at ", " at ", " at sign "))
    surface = " ".join(spoken) + at + _say_domain(domain, rng)
    return _value("email", surface, canonical, digits, words + domain_words)


# Phone numbers: random numbers near each region's example number, kept only when
# phonenumbers says they are valid mobiles (or landlines). Styles: a region code, intl,
# land (a home or office landline), ext (with an extension), whisper (odd typed grouping).

PHONE_REGIONS = (
    "US", "CA", "GB", "IE", "AU", "NZ", "FR", "DE", "ES", "IT", "NL", "BE", "CH", "PL", "SE",
    "NO", "FI", "IS", "LT", "LV", "EE", "AL", "RS", "HR", "BG", "IL", "TR", "KZ", "UZ", "PK",
    "AF", "BD", "LK", "NP", "MM", "KH", "LA", "MY", "FJ", "PE", "BO", "MA", "DZ", "SN", "MG",
    "JM", "HT", "TT", "IN", "PH", "NG", "KE", "ZA", "BR", "MX", "JP", "GN",
)
LAND_REGIONS = ("GB", "US", "IE", "FR", "DE", "AU", "CA", "NL", "IN", "ES", "IT", "NZ")
_MOBILE = (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE)
_FIXED = (PhoneNumberType.FIXED_LINE, PhoneNumberType.FIXED_LINE_OR_MOBILE)


def _phone_number(region: str, rng: random.Random, land: bool = False):
    """A random number of the region's kind that phonenumbers accepts as valid."""
    kind = PhoneNumberType.FIXED_LINE if land else PhoneNumberType.MOBILE
    example = phonenumbers.example_number_for_type(region, kind)
    nsn = phonenumbers.national_significant_number(example)
    wanted = _FIXED if land else _MOBILE
    for _ in range(4000):
        keep = min(rng.choice((1, 2, 2, 3, 3)), len(nsn) - 5)
        tail = "".join(rng.choice("0123456789") for _ in range(len(nsn) - keep))
        number = phonenumbers.parse(f"+{example.country_code}{nsn[:keep]}{tail}")
        if phonenumbers.is_valid_number(number) and phonenumbers.number_type(number) in wanted:
            return number
    raise RuntimeError(f"no valid number for {region}")


def _odd_groups(digits: str, rng: random.Random, joiner: str) -> str:
    """Digits cut at random places, as a transcriber groups a number it heard."""
    groups, i = [], 0
    while i < len(digits):
        size = rng.choice((2, 3, 3, 4, 4, 5))
        if len(digits) - i - size == 1:
            size += 1
        groups.append(digits[i:i + size])
        i += size
    return joiner.join(groups)


def _typed_phone(number, intl: bool, style: str, rng: random.Random) -> str:
    """The number as people type it and as Whisper writes it."""
    fmt = phonenumbers.PhoneNumberFormat
    international = phonenumbers.format_number(number, fmt.INTERNATIONAL)
    national = phonenumbers.format_number(number, fmt.NATIONAL)
    cc = str(number.country_code)
    nat_groups = re.findall(r"\d+", national)
    nat_digits = "".join(nat_groups)
    if style == "whisper":
        return rng.choice((
            "-".join(nat_digits), _odd_groups(nat_digits, rng, ", "),
            _odd_groups(nat_digits, rng, "-"), _odd_groups(nat_digits, rng, " "),
            "+" + cc + " " + _odd_groups(str(number.national_number), rng, ", "),
        ))
    if intl:
        groups = re.findall(r"\d+", international)
        options = [international, international, international,
                   phonenumbers.format_number(number, fmt.E164),
                   "00" + international[1:], "+" + "-".join(groups),
                   f"(+{cc}) " + " ".join(groups[1:])]
        if number.country_code in (44, 49, 61, 64, 353, 43, 41, 31, 32) and len(groups) > 2:
            options.append(f"+{cc} (0){' '.join(groups[1:])}")
        if number.country_code == 1:
            options += [f"+1 ({groups[1]}) {groups[2]}-{groups[3]}",
                        f"1-{groups[1]}-{groups[2]}-{groups[3]}"]
        return rng.choice(options)
    options = [national, national, national, nat_digits, "-".join(nat_groups),
               ".".join(nat_groups) if len(nat_groups) > 2 else national,
               ", ".join(nat_groups), _odd_groups(nat_digits, rng, " ")]
    if number.country_code == 1:
        a, b, c = nat_groups
        options += [f"{a}-{b}-{c}", f"{a}-{b}-{c}", f"{a}.{b}.{c}", f"({a}) {b} {c}"]
    if number.country_code == 33:
        options += [".".join(re.findall(r"\d\d", nat_digits))]
    return rng.choice(options)


def _spoken_phone(number, intl: bool, rng: random.Random) -> tuple[str, str]:
    """The number as said: group by group or straight through, with a country prefix."""
    fmt = phonenumbers.PhoneNumberFormat
    text = phonenumbers.format_number(number, fmt.INTERNATIONAL if intl else fmt.NATIONAL)
    groups = re.findall(r"\d+", text)
    lead, lead_digits = "", ""
    if intl:
        cc, groups = groups[0], groups[1:]
        zero = rng.choice(("oh", "zero"))
        prefix = rng.choice(("plus", "plus", "plus", f"double {zero}", f"{zero} {zero}"))
        lead = f"{prefix} {say_digits(cc, rng)}, " if rng.random() < 0.4 else \
            f"{prefix} {say_digits(cc, rng)} "
        lead_digits = ("" if prefix == "plus" else "00") + cc
    if rng.random() < 0.25:
        body = _say_each("".join(groups), rng)
    else:
        joiner = rng.choice((", ", " ", " ", ", "))
        body = joiner.join(say_digits(g, rng) for g in groups)
    return lead + body, lead_digits + "".join(groups)


def phone_value(style: str, form: str, rng: random.Random, state: dict) -> dict:
    """A valid number from one of 57 regions, typed or spoken, sometimes with an extension."""
    land = style in ("land", "ext")
    if land:
        region = rng.choice(LAND_REGIONS)
    elif style.upper() in PHONE_REGIONS:
        region = style.upper()
    else:
        region = rng.choice(PHONE_REGIONS)
    number = _phone_number(region, rng, land=land)
    canonical = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    intl = style == "intl" or rng.random() < 0.3
    ext = str(rng.choice((rng.randint(2, 99), rng.randint(100, 999), rng.randint(1000, 4999))))
    if style == "ext":
        canonical += f" ext. {ext}"
    if form == "typed":
        surface = _typed_phone(number, intl, style, rng)
        if style == "ext":
            surface += rng.choice((" ext. ", " ext ", " x", " x ", ", ext. ", " Ext. ",
                                   ", extension ")) + ext
        return _value("phone", surface, canonical, _typed_digits(surface), [])
    surface, digits = _spoken_phone(number, intl, rng)
    if style == "ext":
        surface += rng.choice((" extension ", ", extension ", ", ext ")) + say_digits(ext, rng)
        digits += ext
    return _value("phone", surface, canonical, digits, [])


# Payment cards. Styles: "", visa, amex, mc, disc, jcb, diners, whisper (comma formatting).

def _card_number(style: str, rng: random.Random) -> str:
    """A Luhn-valid number behind a real issuer prefix."""
    r = rng.randint
    issuers = {
        "visa": (("4", 16),), "amex": ((rng.choice(("34", "37")), 15),),
        "mc": ((str(r(51, 55)), 16), (str(r(2221, 2720)), 16)),
        "disc": (("6011", 16), (str(r(644, 649)), 16), ("65", 16)),
        "jcb": ((str(r(3528, 3589)), 16),), "diners": (("36", 14), (str(r(300, 305)), 14)),
        "up": (("62" + str(r(10, 99)), 16),),
    }
    if style in issuers:
        prefix, length = rng.choice(issuers[style])
    else:
        prefix, length = rng.choice(
            issuers["visa"] * 4 + issuers["mc"] * 2 + issuers["amex"] + issuers["disc"]
            + issuers["jcb"] + issuers["up"])
    body = prefix + "".join(rng.choice("0123456789") for _ in range(length - 1 - len(prefix)))
    return body + luhn.calc_check_digit(body)


def _card_groups(number: str) -> list[str]:
    """Groups as printed on the card: 4-6-5 for Amex, 4-6-4 for Diners, 4-4-4-4 otherwise."""
    if len(number) == 15:
        return [number[:4], number[4:10], number[10:]]
    if len(number) == 14:
        return [number[:4], number[4:10], number[10:]]
    return [number[i:i + 4] for i in range(0, len(number), 4)]


def card_value(style: str, form: str, rng: random.Random, state: dict) -> dict:
    """A card number, typed in groups, run together or with Whisper's commas; or said."""
    number = _card_number("" if style == "whisper" else style, rng)
    groups = _card_groups(number)
    if form == "typed":
        if style == "whisper":
            surface = rng.choice((f"{int(number):,}", ", ".join(groups), ". ".join(groups)))
        else:
            surface = rng.choice((
                " ".join(groups), " ".join(groups), " ".join(groups), "-".join(groups),
                number, number, f"{int(number):,}", ", ".join(groups),
            ))
    elif rng.random() < 0.15:
        surface = _say_each(number, rng)
    else:
        surface = rng.choice((", ", " ", " ", ". ")).join(say_digits(g, rng) for g in groups)
    return _value("card", surface, number, number, [])


# IBANs, built from each country's BBAN structure in python-stdnum's registry.

IBAN_COUNTRIES = (
    "GB", "IE", "NL", "RO", "LV", "DE", "FR", "ES", "IT", "BE", "PL", "AT", "PT", "CH", "SE",
    "NO", "DK", "FI", "LU", "CZ", "HR", "GR", "SI", "SK", "HU", "LT", "EE", "IS", "AL", "RS",
    "BG", "IL", "TR", "KZ", "MT", "CY", "ME", "MK", "BA", "GE", "AZ", "AE", "QA", "JO", "UA",
)
IBAN_BANKS = {
    "GB": ("BARC", "LOYD", "NWBK", "HBUK", "SRLG", "RBOS"),
    "IE": ("IPBS", "AIBK", "BOFI", "TRWI"), "NL": ("ABNA", "RABO", "TRIO", "KNAB", "BUNQ"),
    "RO": ("RZBR", "BACX", "CECE", "PIRB"), "LV": ("RIKO", "NDEA", "LATB"),
    "BG": ("UNCR", "STSA", "FINV", "BPBI"), "MT": ("VALL", "MALT", "APSB"),
    "AZ": ("NABZ", "AIIB", "PAHA"), "QA": ("QNBA", "DOHB", "CBQA"), "JO": ("ARAB", "CBJO"),
    "GE": ("TB", "BG"),
}
_IBAN_DB = numdb.get("iban")
_IBAN_PART = re.compile(r"(\d+)!([nac])")


def _iban_structure(country: str) -> list[tuple[int, str]]:
    """The BBAN's parts as (length, n/a/c) pairs."""
    info = _IBAN_DB.info(country)[0][1]
    return [(int(n), kind) for n, kind in _IBAN_PART.findall(info["bban"])]


def _iban_number(country: str, rng: random.Random) -> str:
    """A random IBAN with correct check digits and BBAN, kept only when stdnum accepts it."""
    parts = _iban_structure(country)
    for _ in range(20000):
        bban = ""
        for i, (count, kind) in enumerate(parts):
            if kind == "a" and i == 0 and country in IBAN_BANKS:
                bban += rng.choice([b for b in IBAN_BANKS[country] if len(b) == count])
            elif kind == "a":
                bban += "".join(rng.choice("ABCDEFGHKLMNPRSTUVXZ") for _ in range(count))
            else:
                bban += "".join(rng.choice("0123456789") for _ in range(count))
        number = country + std_iban.calc_check_digits(country + "00" + bban) + bban
        if std_iban.is_valid(number):
            return number
    raise RuntimeError(f"no valid IBAN for {country}")


def _iban_bank(number: str) -> str:
    """The bank letters when the BBAN starts with four of them, else empty."""
    first = _iban_structure(number[:2])[0]
    return number[4:8] if first == (4, "a") else ""


def _say_iban(number: str, rng: random.Random) -> str:
    """Group by group: letters spelled, digit runs said the way people say them."""
    size = rng.choice((4, 4, 4, 3))
    groups = [number[i:i + size] for i in range(0, len(number), size)]
    if size != 4:
        groups = [number[:4]] + [number[4:][i:i + size] for i in range(0, len(number) - 4, size)]
    spoken = []
    for group in groups:
        runs = re.findall(r"[A-Z]+|\d+", group)
        spoken.append(" ".join(spell(r) if r.isalpha() else say_digits(r, rng) for r in runs))
    return rng.choice((", ", " ", " ")).join(spoken)


def iban_value(style: str, form: str, rng: random.Random, state: dict) -> dict:
    """An IBAN from one of 45 countries; bank letters are words when they stand alone."""
    country = style.upper() if style.upper() in IBAN_COUNTRIES else rng.choice(IBAN_COUNTRIES)
    number = _iban_number(country, rng)
    bank = _iban_bank(number)
    if form == "typed":
        grouped = std_iban.format(number)
        surface = rng.choice((grouped, grouped, grouped, number, number, grouped.lower()))
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
    """An SSN with dashes, spaces or none when typed; group by group or straight when said."""
    ssn = _ssn_number(rng)
    groups = ssn.split("-")
    if form == "typed":
        surface = rng.choice((ssn, ssn, ssn, " ".join(groups), "".join(groups),
                              ", ".join(groups), " - ".join(groups)))
    elif rng.random() < 0.2:
        surface = _say_each("".join(groups), rng)
    else:
        surface = rng.choice((", ", " ", " dash ", ", ")).join(say_digits(g, rng) for g in groups)
    return _value("us_ssn", surface, ssn, "".join(groups), [])


# IP addresses of the user's own devices. Styles: "" a device on the home network, router,
# wan (the home connection's public address), v6 (a device's IPv6 address, typed only).

def _home_net(rng: random.Random, state: dict) -> str:
    """The first three octets of the home network; one network per sentence."""
    if "net" not in state:
        r = rng.randint
        state["net"] = rng.choice((f"192.168.{rng.choice((0, 1, 1, 2, 8, 50, 68, 100, 178))}",
                                   f"192.168.{r(0, 254)}", "10.0.1", f"10.{r(0, 50)}.{r(0, 9)}",
                                   f"172.{r(16, 31)}.{r(0, 30)}"))
    return state["net"]


V6_PREFIXES = (0x2A02_0C7F, 0x2A00_1110, 0x2600_1700, 0x2001_0BB6, 0x2A01_4B00, 0x2405_6580)


def _ip_address(style: str, rng: random.Random, state: dict):
    """A home-network, router, home connection or IPv6 address read off a screen."""
    r = rng.randint
    if style == "router":
        return ipaddress.ip_address(f"{_home_net(rng, state)}.{rng.choice((1, 1, 1, 254, 254))}")
    if style == "wan":
        while True:
            address = ipaddress.IPv4Address(f"{r(2, 223)}.{r(0, 255)}.{r(0, 255)}.{r(1, 254)}")
            if address.is_global and not address.is_multicast:
                return address
    if style == "v6":
        if rng.random() < 0.25:
            return ipaddress.IPv6Address((0xFD << 120) | (rng.getrandbits(56) << 64)
                                         | rng.randint(1, 0xFFFF))
        prefix = (rng.choice(V6_PREFIXES) << 32) | rng.getrandbits(32)
        host = rng.choice((rng.randint(1, 0xFFFF), rng.getrandbits(64)))
        return ipaddress.IPv6Address((prefix << 64) | host)
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
    """An IP address, written as usual or said octet by octet with "dot" or "point"."""
    address = _ip_address(style, rng, state)
    canonical = str(address)
    if form == "typed":
        surface = canonical.upper() if address.version == 6 and rng.random() < 0.2 else canonical
        return _value("ip_address", surface, canonical, _typed_digits(canonical), [])
    if address.version == 6:
        raise _Retry
    dot = rng.choice((" dot ", " dot ", " dot ", " point "))
    spoken = dot.join(_say_octet(int(o), rng) for o in canonical.split("."))
    return _value("ip_address", spoken, canonical, _typed_digits(canonical), [])


# Street addresses, built from pieces that each know their typed and spoken shape.

def _piece(lead, typed, spoken=None, words=None, core=False, spoken_words=None,
           slead=None) -> dict:
    """One part of an address: its separators, typed text, spoken text and its words."""
    words = _name_words(typed) if words is None else list(words)
    spoken = fold(typed) if spoken is None else spoken
    if spoken_words is None:
        spoken_words = [fold(w) for w in words]
    return {"lead": lead, "slead": lead if slead is None else slead, "typed": typed,
            "spoken": spoken, "words": words, "spoken_words": spoken_words, "core": core}


def _num(lead: str, n: int, rng: random.Random, prefix: str = "", said: str = "",
         suffix: str = "", slead: str | None = None) -> dict:
    """A house, flat or box number: "Apt 3" or "42b" typed, "apartment three", "forty two b"."""
    spoken_prefix = said or prefix.lower()
    typed_suffix = suffix.upper() if suffix and rng.random() < 0.5 else suffix
    spoken = f"{spoken_prefix}{say_house(n, rng)}" + (f" {suffix}" if suffix else "")
    return _piece(lead, f"{prefix}{n}{typed_suffix}", spoken, [], core=True, slead=slead)


_ABBREVIATIONS = ((" Street", " St"), (" Road", " Rd"), (" Avenue", " Ave"), (" Lane", " Ln"),
                  (" Drive", " Dr"), (" Boulevard", " Blvd"), ("Avenida ", "Av. "),
                  (" Crescent", " Cres"), (" Court", " Ct"))


def _street(lead: str, name: str, rng: random.Random) -> dict:
    """A street name; typed sometimes abbreviated (Rd, St, Ave), never labelled by its type."""
    typed = name
    if rng.random() < 0.3:
        for full, short in _ABBREVIATIONS:
            typed = typed.replace(full, short)
    spoken = fold(name).replace("ul. ", "ulica ")
    return _piece(lead, typed, spoken, _name_words(name), core=True)


def _code(lead: str, code: str, rng: random.Random, slead: str | None = None,
          words: list | None = None) -> dict:
    """A postcode: tokens with letters are words; spoken letter by letter and digit by digit."""
    runs = re.findall(r"[A-Za-z]+|\d+", code)
    spoken = " ".join(spell(r) if r.isalpha() else say_digits(r, rng) for r in runs)
    if words is None:
        words = [t for t in code.split() if re.search(r"[A-Za-z]", t) and len(t) >= 2]
    return _piece(lead, code, spoken, words, spoken_words=[], slead=slead)


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
    return rng.choice((rng.randint(1, 30), rng.randint(2, 99), rng.randint(100, 999),
                       rng.randint(1000, 9899)))


def _suffix(rng: random.Random, want: str) -> str:
    """A house-number letter ("42b"): always when asked for, otherwise now and then."""
    return rng.choice("abcd") if want == "suffix" or rng.random() < 0.07 else ""


def _flat(want: str, rng: random.Random, share: float = 0.25) -> bool:
    """Whether this address has a flat, unit or apartment number."""
    return want == "flat" or rng.random() < share


def _addr_us(rng, want=""):
    """United States: number, street, optional apartment or suite, city, state, ZIP or ZIP+4."""
    city, state, abbr, zip3 = rng.choice(US_CITIES)
    house = _house(rng) if rng.random() < 0.85 else rng.randint(10000, 29999)
    pieces = [_num("", house, rng, suffix=_suffix(rng, want)),
              _street(" ", rng.choice(US_STREETS), rng)]
    if _flat(want, rng, 0.25):
        prefix, said = rng.choice((("Apt ", "apartment "), ("Apt. ", "apartment "),
                                   ("Suite ", "suite "), ("#", "number "), ("Unit ", "unit ")))
        pieces.append(_num(rng.choice((" ", ", ")), rng.randint(1, 60), rng, prefix, said,
                           rng.choice(("", "", "a", "b"))))
    zipcode = zip3 + f"{rng.randint(1, 99):02d}"
    if rng.random() < 0.35:
        zipcode += f"-{rng.randint(1, 9999):04d}"
    return pieces + [_piece(", ", city), _region(", ", state, abbr, rng),
                     _code(" ", zipcode, rng)]


def _gb_code(area: str, rng: random.Random) -> str:
    """A UK postcode in the area: district, space, sector digit and two letters."""
    return f"{area}{rng.randint(1, 24)} {rng.randint(0, 9)}{_letters(rng, 2)}"


def _addr_gb(rng, want=""):
    """United Kingdom: optional flat, number, street, town, postcode with letters."""
    town, area = rng.choice(UK_TOWNS)
    pieces, lead = [], ""
    if _flat(want, rng, 0.3):
        flat = _num("", rng.randint(1, 16), rng, rng.choice(("Flat ", "Flat ", "Apartment ")),
                    suffix=rng.choice(("", "", "a", "b")))
        pieces, lead = [flat], ", "
    return pieces + [_num(lead, rng.randint(1, 260), rng, suffix=_suffix(rng, want)),
                     _street(" ", rng.choice(UK_STREETS), rng), _piece(", ", town),
                     _code(rng.choice((" ", ", ")), _gb_code(area, rng), rng)]


def _eircode(key: str, rng: random.Random) -> str:
    """An Eircode: routing key and a four-character unique identifier."""
    pool = IE_EIRCODE
    unique = f"{rng.choice(pool)}{rng.randint(1, 9)}{rng.choice(pool)}{rng.randint(1, 9)}"
    return f"{key} {unique}"


def _addr_ie(rng, want=""):
    """Ireland: optional apartment, number, street, town or Dublin district, Eircode."""
    town, key = rng.choice(IE_TOWNS)
    pieces, lead = [], ""
    if _flat(want, rng, 0.2):
        pieces, lead = [_num("", rng.randint(1, 40), rng, "Apt ", "apartment ")], ", "
    place = _piece(", ", town)
    if town == "Rathmines":
        place = _piece(", ", "Rathmines, Dublin 6", "Rathmines, Dublin six",
                       ["Rathmines", "Dublin"])
    return pieces + [_num(lead, rng.randint(1, 180), rng, suffix=_suffix(rng, want)),
                     _street(" ", rng.choice(IE_STREETS), rng), place,
                     _code(", ", _eircode(key, rng), rng)]


def _ca_code(fsa: str, rng: random.Random) -> str:
    """A Canadian postal code: the forward sortation area and digit-letter-digit."""
    return f"{fsa} {rng.randint(1, 9)}{_letters(rng, 1, CA_LETTERS)}{rng.randint(0, 9)}"


def _addr_ca(rng, want=""):
    """Canada: unit-number ("1204-88 Spadina") or number, street, city, province, postal code."""
    city, province, abbr, fsa = rng.choice(CA_CITIES)
    house = _house(rng) if rng.random() < 0.6 else rng.randint(10, 400)
    if _flat(want, rng, 0.3):
        unit = rng.randint(101, 2408)
        number = _piece("", f"{unit}-{house}",
                        f"unit {say_house(unit, rng)}, {say_house(house, rng)}", [], core=True)
    else:
        number = _num("", house, rng)
    return [number, _street(" ", rng.choice(CA_STREETS), rng), _piece(", ", city),
            _region(rng.choice((", ", " ")), province, abbr, rng),
            _code(rng.choice(("  ", " ", ", ")), _ca_code(fsa, rng), rng, slead=" ")]


def _addr_au(rng, want=""):
    """Australia: unit/number or number, street, suburb, state or its code, postcode."""
    town, state, abbr, post = rng.choice(AU_TOWNS)
    house = rng.randint(1, 320)
    if _flat(want, rng, 0.3):
        unit = rng.randint(1, 24)
        number = _piece("", f"{unit}/{house}", f"unit {say_house(unit, rng)}, "
                        f"{say_house(house, rng)}", [], core=True)
    else:
        number = _num("", house, rng, suffix=_suffix(rng, want))
    return [number, _street(" ", rng.choice(AU_STREETS), rng), _piece(", ", town),
            _region(" ", state, abbr, rng), _code(" ", post, rng)]


def _addr_nz(rng, want=""):
    """New Zealand: flat/number or number, street, town, postcode."""
    town, post = rng.choice(NZ_TOWNS)
    house = rng.randint(1, 240)
    if _flat(want, rng, 0.25):
        flat = rng.randint(1, 9)
        number = _piece("", f"{flat}/{house}", f"flat {say_house(flat, rng)}, "
                        f"{say_house(house, rng)}", [], core=True)
    else:
        number = _num("", house, rng, suffix=_suffix(rng, want))
    return [number, _street(" ", rng.choice(NZ_STREETS), rng), _piece(", ", town),
            _code(" ", post, rng)]


def _addr_de(rng, want=""):
    """Germany: street, number after it, postcode before the town."""
    town, prefix = rng.choice(DE_TOWNS)
    return [_street("", rng.choice(DE_STREETS), rng),
            _num(" ", rng.randint(1, 160), rng, suffix=_suffix(rng, want)),
            _code(", ", f"{prefix}{rng.randint(100, 999)}", rng), _piece(" ", town)]


def _addr_at(rng, want=""):
    """Austria: street, number/stair/door, postcode, town."""
    town, post = rng.choice(AT_TOWNS)
    house = rng.randint(1, 90)
    if _flat(want, rng, 0.5):
        stair, door = rng.randint(1, 4), rng.randint(1, 24)
        number = _piece(" ", f"{house}/{stair}/{door}",
                        f"{say_house(house, rng)} stair {say_house(stair, rng)} door "
                        f"{say_house(door, rng)}", [], core=True)
    else:
        number = _num(" ", house, rng)
    return [_street("", rng.choice(AT_STREETS), rng), number, _code(", ", post, rng),
            _piece(" ", town)]


def _addr_ch(rng, want=""):
    """Switzerland: street, number, postcode, town."""
    town, post = rng.choice(CH_TOWNS)
    return [_street("", rng.choice(CH_STREETS), rng), _num(" ", rng.randint(1, 140), rng),
            _code(", ", post, rng), _piece(" ", town)]


def _addr_fr(rng, want=""):
    """France: number (sometimes bis or ter), street, postcode, town."""
    town, post = rng.choice(FR_TOWNS)
    n = rng.randint(1, 210)
    if rng.random() < 0.2:
        extra = rng.choice(("bis", "ter"))
        number = _piece("", f"{n} {extra}", f"{say_house(n, rng)} {extra}", [], core=True)
    else:
        number = _num("", n, rng)
    return [number, _street(rng.choice((" ", ", ")), rng.choice(FR_STREETS), rng),
            _code(", ", post, rng), _piece(" ", town)]


def _addr_be(rng, want=""):
    """Belgium: street, number, optional box, postcode, town."""
    town, post = rng.choice(BE_TOWNS)
    pieces = [_street("", rng.choice(BE_STREETS), rng), _num(" ", rng.randint(1, 220), rng)]
    if _flat(want, rng, 0.3):
        pieces.append(_num(" ", rng.randint(1, 14), rng, rng.choice(("bus ", "bte ")), "box "))
    return pieces + [_code(", ", post, rng), _piece(" ", town)]


def _addr_nl(rng, want=""):
    """Netherlands: street, number with a letter or floor, postcode with two letters, town."""
    town, prefix = rng.choice(NL_TOWNS)
    house = rng.randint(1, 420)
    if want != "suffix" and _flat(want, rng, 0.25):
        floor, said = rng.choice((("hs", "huis"), ("bis", "bis"), ("bv", "beneden")))
        number = _piece(" ", f"{house}-{floor}", f"{say_house(house, rng)} {said}", [], core=True)
    else:
        number = _num(" ", house, rng, suffix=_suffix(rng, want))
    code = f"{prefix}{rng.randint(10, 99)} {_letters(rng, 2, NL_LETTERS)}"
    return [_street("", rng.choice(NL_STREETS), rng), number, _code(", ", code, rng),
            _piece(rng.choice((" ", "  ")), town, slead=" ")]


def _addr_es(rng, want=""):
    """Spain: street, number, optional floor and door, postcode, town."""
    town, prefix = rng.choice(ES_TOWNS)
    pieces = [_street("", rng.choice(ES_STREETS), rng),
              _num(rng.choice((" ", ", ")), rng.randint(1, 180), rng)]
    if _flat(want, rng, 0.5):
        floor, door = rng.randint(1, 9), rng.choice(("A", "B", "C", "izda.", "dcha."))
        said = {"izda.": "left", "dcha.": "right"}.get(door, door)
        pieces.append(_piece(", ", f"{floor}º {door}", f"floor {say_house(floor, rng)} {said}",
                             [], core=True))
    return pieces + [_code(", ", f"{prefix}{rng.randint(1, 52):02d}", rng), _piece(" ", town)]


def _addr_pt(rng, want=""):
    """Portugal: street, number, optional floor and side, postcode with a dash, town."""
    town, prefix = rng.choice(PT_TOWNS)
    pieces = [_street("", rng.choice(PT_STREETS), rng), _num(", ", rng.randint(1, 320), rng)]
    if _flat(want, rng, 0.4):
        floor = rng.randint(1, 9)
        side, said = rng.choice((("Esq.", "left"), ("Dto.", "right"), ("Frente", "front")))
        pieces.append(_piece(", ", f"{floor}º {side}", f"floor {say_house(floor, rng)} {said}",
                             [], core=True))
    code = f"{prefix}-{rng.randint(1, 999):03d}"
    return pieces + [_code(", ", code, rng), _piece(" ", town)]


def _addr_it(rng, want=""):
    """Italy: street, number, optional interior, postcode, town."""
    town, prefix = rng.choice(IT_TOWNS)
    pieces = [_street("", rng.choice(IT_STREETS), rng),
              _num(rng.choice((" ", ", ")), rng.randint(1, 220), rng)]
    if _flat(want, rng, 0.3):
        pieces.append(_num(", ", rng.randint(1, 30), rng, "int. ", "interno "))
    return pieces + [_code(", ", f"{prefix}{rng.randint(10, 99)}", rng), _piece(" ", town)]


def _addr_pl(rng, want=""):
    """Poland: street, house/flat, postcode with a dash, town."""
    town, prefix = rng.choice(PL_TOWNS)
    house, flat = rng.randint(1, 120), rng.randint(1, 60)
    if _flat(want, rng, 0.7):
        number = _piece(" ", f"{house}/{flat}",
                        f"{say_house(house, rng)} flat {say_house(flat, rng)}", [], core=True)
    else:
        number = _num(" ", house, rng)
    code = f"{prefix}-{rng.randint(1, 999):03d}"
    return [_street("", rng.choice(PL_STREETS), rng), number, _code(", ", code, rng),
            _piece(" ", town)]


def _addr_se(rng, want=""):
    """Sweden: street, number, optional flat (lgh), postcode in two groups, town."""
    town, prefix = rng.choice(SE_TOWNS)
    pieces = [_street("", rng.choice(SE_STREETS), rng),
              _num(" ", rng.randint(1, 90), rng, suffix=_suffix(rng, want))]
    if _flat(want, rng, 0.3):
        pieces.append(_num(", ", rng.randint(11, 15) * 100 + rng.randint(1, 9), rng, "lgh ",
                           "flat "))
    code = f"{prefix}{rng.randint(1, 9)} {rng.randint(10, 99)}"
    return pieces + [_code(", ", code, rng), _piece(" ", town)]


def _addr_no(rng, want=""):
    """Norway: street, number with optional letter, postcode, town."""
    town, prefix = rng.choice(NO_TOWNS)
    return [_street("", rng.choice(NO_STREETS), rng),
            _num(" ", rng.randint(1, 90), rng, suffix=_suffix(rng, want)),
            _code(", ", f"{prefix}{rng.randint(100, 999)}", rng), _piece(" ", town)]


def _addr_dk(rng, want=""):
    """Denmark: street, number, optional floor and side, postcode, town."""
    town, post = rng.choice(DK_TOWNS)
    pieces = [_street("", rng.choice(DK_STREETS), rng), _num(" ", rng.randint(1, 140), rng)]
    if _flat(want, rng, 0.5):
        floor = rng.randint(1, 5)
        side, said = rng.choice((("tv.", "left"), ("th.", "right"), ("mf.", "middle")))
        pieces.append(_piece(", ", f"{floor}. {side}", f"floor {say_house(floor, rng)} {said}",
                             [], core=True))
    return pieces + [_code(", ", post, rng), _piece(" ", town)]


def _addr_fi(rng, want=""):
    """Finland: street, number with stairwell letter and flat, postcode, town."""
    town, prefix = rng.choice(FI_TOWNS)
    house = rng.randint(1, 80)
    if _flat(want, rng, 0.6):
        stair, flat = rng.choice("ABCD"), rng.randint(1, 40)
        number = _piece(" ", f"{house} {stair} {flat}",
                        f"{say_house(house, rng)} {stair} {say_house(flat, rng)}", [], core=True)
    else:
        number = _num(" ", house, rng)
    return [_street("", rng.choice(FI_STREETS), rng), number,
            _code(", ", f"{prefix}{rng.randint(1, 9)}{rng.choice('00000123456789')}0", rng),
            _piece(" ", town)]


def _addr_is(rng, want=""):
    """Iceland: street, number, postcode, town."""
    town, post = rng.choice(IS_TOWNS)
    return [_street("", rng.choice(IS_STREETS), rng),
            _num(" ", rng.randint(1, 120), rng, suffix=_suffix(rng, want)),
            _code(", ", post, rng), _piece(" ", town)]


def _addr_lt(rng, want=""):
    """Lithuania: street, house-flat, LT postcode, town."""
    town, prefix = rng.choice(LT_TOWNS)
    house = rng.randint(1, 90)
    if _flat(want, rng, 0.5):
        flat = rng.randint(1, 60)
        number = _piece(" ", f"{house}-{flat}",
                        f"{say_house(house, rng)} flat {say_house(flat, rng)}", [], core=True)
    else:
        number = _num(" ", house, rng)
    code = f"LT-{prefix}{rng.randint(100, 999)}"
    return [_street("", rng.choice(LT_STREETS), rng), number, _code(", ", code, rng, words=[]),
            _piece(" ", town)]


def _addr_hr(rng, want=""):
    """Croatia: street, number, postcode, town."""
    town, post = rng.choice(HR_TOWNS)
    return [_street("", rng.choice(HR_STREETS), rng),
            _num(" ", rng.randint(1, 200), rng, suffix=_suffix(rng, want)),
            _code(", ", post, rng), _piece(" ", town)]


def _addr_in(rng, want=""):
    """India: flat, tower, building, locality, city, PIN code."""
    locality, city, prefix = rng.choice(IN_TOWNS)
    pieces = [_num("", rng.randint(1, 14) * 100 + rng.randint(1, 12), rng, "Flat ")]
    if rng.random() < 0.4:
        tower = rng.choice("ABCDE")
        pieces.append(_piece(", ", f"Tower {tower}", f"tower {tower}", [], core=True))
    return pieces + [_piece(", ", rng.choice(IN_BUILDINGS), core=True), _piece(", ", locality),
                     _piece(", ", city),
                     _code(rng.choice((" ", " - ", ", ")), f"{prefix}{rng.randint(10, 99)}", rng,
                           slead=" ")]


def _addr_jp(rng, want=""):
    """Japan: block numbers, district, ward, city, postcode."""
    area, ward, city, prefix = rng.choice(JP_AREAS)
    parts = [rng.randint(1, 6), rng.randint(1, 25), rng.randint(1, 18)]
    block = _piece("", "-".join(map(str, parts)),
                   " dash ".join(say_house(p, rng) for p in parts), [], core=True)
    code = f"{prefix}-{rng.randint(1, 99):04d}"
    if rng.random() < 0.3:
        return [_code("", code, rng), _piece(" ", f"{city}-shi" if city != "Tokyo" else city,
                                             fold(city), [city]),
                _piece(", ", f"{ward}-ku", f"{ward} ku", [ward]), _piece(", ", area, core=True),
                dict(block, lead=" ", slead=" ")]
    return [block, _piece(" ", area, core=True), _piece(", ", f"{ward}-ku", f"{ward} ku"),
            _piece(", ", city), _code(" ", code, rng)]


def _addr_my(rng, want=""):
    """Malaysia: number, street, area, postcode, city, state."""
    area, post, city, state = rng.choice(MY_TOWNS)
    pieces = [_num("", rng.randint(1, 120), rng, rng.choice(("No. ", "", "No ")), "number "),
              _street(", " if rng.random() < 0.6 else " ", rng.choice(MY_STREETS), rng)]
    if area:
        pieces.append(_piece(", ", area))
    pieces += [_code(", ", post, rng), _piece(" ", city)]
    if state:
        pieces.append(_piece(", ", state))
    return pieces


def _addr_za(rng, want=""):
    """South Africa: number, street, suburb, city, postal code."""
    suburb, city, post = rng.choice(ZA_TOWNS)
    return [_num("", rng.randint(1, 280), rng), _street(" ", rng.choice(ZA_STREETS), rng),
            _piece(", ", suburb), _piece(", ", city), _code(", ", post, rng)]


def _addr_ng(rng, want=""):
    """Nigeria: number or plot, street, area, city."""
    area, city = rng.choice(NG_TOWNS)
    if rng.random() < 0.3:
        number, lead = _num("", rng.randint(1, 1600), rng, "Plot ", "plot "), ", "
    else:
        number, lead = _num("", rng.randint(1, 140), rng), " "
    return [number, _street(lead, rng.choice(NG_STREETS), rng), _piece(", ", area),
            _piece(", ", city)]


def _addr_ke(rng, want=""):
    """Kenya: house or apartment, road, suburb, city."""
    suburb, city = rng.choice(KE_TOWNS)
    if _flat(want, rng, 0.3):
        house = _num("", rng.randint(1, 30), rng, "Apartment ", "apartment ", rng.choice("abc"))
    else:
        house = _num("", rng.randint(1, 70), rng, "House ", "house ")
    return [house, _street(", ", rng.choice(KE_STREETS), rng), _piece(", ", suburb),
            _piece(", ", city)]


def _addr_mx(rng, want=""):
    """Mexico: street, number, optional interior, colonia, postcode, city."""
    colonia, post, city = rng.choice(MX_TOWNS)
    pieces = [_street("", rng.choice(MX_STREETS), rng), _num(" ", rng.randint(1, 2400), rng)]
    if _flat(want, rng, 0.3):
        pieces.append(_num(", ", rng.randint(1, 30), rng, "int. ", "interior "))
    return pieces + [_piece(", ", f"Col. {colonia}", f"Colonia {fold(colonia)}"),
                     _code(", ", f"C.P. {post}" if rng.random() < 0.3 else post, rng, words=[]),
                     _piece(" ", city)]


def _addr_br(rng, want=""):
    """Brazil: street, number, optional apartment, neighbourhood, city, state code, CEP."""
    hood, city, state, post = rng.choice(BR_TOWNS)
    pieces = [_street("", rng.choice(BR_STREETS), rng), _num(", ", _house(rng), rng)]
    if _flat(want, rng, 0.5):
        pieces.append(_num(", ", rng.randint(11, 1804), rng, rng.choice(("apto ", "ap. ")),
                           "apartment "))
    state_words = [state] if state.lower() not in WORDY else []
    return pieces + [_piece(", ", hood), _piece(", ", city),
                     _piece(" - ", state, "", state_words, spoken_words=[]),
                     _code(", ", f"{post}-{rng.randint(0, 999):03d}", rng)]


def _addr_ar(rng, want=""):
    """Argentina: street, number, optional floor and flat, CPA postcode, city."""
    city, letter = rng.choice(AR_TOWNS)
    pieces = [_street("", rng.choice(AR_STREETS), rng), _num(" ", rng.randint(100, 4999), rng)]
    if _flat(want, rng, 0.5):
        floor, flat = rng.randint(1, 16), rng.choice("ABCDEF")
        pieces.append(_piece(", ", f"piso {floor}, depto {flat}",
                             f"floor {say_house(floor, rng)}, flat {flat}", [], core=True))
    code = f"{letter}{rng.randint(1000, 9499)}{_letters(rng, 3, 'ABCDEFGHJKLMNPQRSTUVWXYZ')}"
    return pieces + [_code(", ", code, rng), _piece(" ", city)]


def _addr_cl(rng, want=""):
    """Chile: street, number, optional depto, comuna, city, optional postcode."""
    comuna, city, prefix = rng.choice(CL_TOWNS)
    pieces = [_street("", rng.choice(CL_STREETS), rng), _num(" ", rng.randint(100, 3999), rng)]
    if _flat(want, rng, 0.5):
        pieces.append(_num(", ", rng.randint(1, 22) * 100 + rng.randint(1, 12), rng, "depto ",
                           "apartment "))
    pieces += [_piece(", ", comuna), _piece(", ", city)]
    if rng.random() < 0.4:
        pieces.append(_code(", ", f"{prefix}{rng.randint(0, 9999):04d}", rng))
    return pieces


def _addr_co(rng, want=""):
    """Colombia: numbered streets and crossings ("Calle 93 # 11-26"), area, city."""
    hood, city = rng.choice(CO_PLACES)
    road = rng.choice(("Calle", "Carrera", "Calle", "Carrera", "Transversal", "Avenida Calle"))
    n1, n2, n3 = rng.randint(1, 140), rng.randint(1, 120), rng.randint(1, 99)
    letter = rng.choice(("", "", "", "A", "B", " Bis"))
    typed = f"{road} {n1}{letter} # {n2}-{n3:02d}" if rng.random() < 0.8 else \
        f"{road} {n1}{letter} No. {n2}-{n3:02d}"
    said_letter = {"": "", " Bis": " bis"}.get(letter, " " + letter)
    spoken = (f"{road.lower()} {say_house(n1, rng)}{said_letter} number {say_house(n2, rng)} "
              f"dash {say_digits(f'{n3:02d}', rng)}")
    return [_piece("", typed, spoken, [], core=True), _piece(", ", hood), _piece(", ", city)]


def _addr_ph(rng, want=""):
    """Philippines: optional unit, number, street, district, city, ZIP."""
    district, city, post = rng.choice(PH_TOWNS)
    pieces, lead = [], ""
    if _flat(want, rng, 0.3):
        pieces, lead = [_num("", rng.randint(1, 40), rng, "Unit ", suffix=rng.choice("abc"))], ", "
    return pieces + [_num(lead, _house(rng), rng), _street(" ", rng.choice(PH_STREETS), rng),
                     _piece(", ", district), _piece(", ", city), _code(" ", post, rng)]


def _addr_kz(rng, want=""):
    """Kazakhstan: number, street, optional apartment, city, six-digit postcode."""
    city, prefix = rng.choice(KZ_TOWNS)
    pieces = [_num("", rng.randint(1, 240), rng), _street(" ", rng.choice(KZ_STREETS), rng)]
    if _flat(want, rng, 0.6):
        pieces.append(_num(", ", rng.randint(1, 180), rng, rng.choice(("apt ", "apt. ", "kv. ")),
                           "apartment "))
    return pieces + [_piece(", ", city), _code(" ", f"{prefix}{rng.randint(0, 999):03d}", rng)]


def _addr_np(rng, want=""):
    """Nepal: house number, street, town, postcode."""
    town, post = rng.choice(NP_TOWNS)
    return [_num("", rng.randint(1, 400), rng, rng.choice(("House No. ", "House ", "")),
                 "house "),
            _street(", ", rng.choice(NP_STREETS), rng), _piece(", ", town),
            _code(" ", post, rng)]


def _addr_lk(rng, want=""):
    """Sri Lanka: number (sometimes with a slash), street, town, postcode."""
    town, post = rng.choice(LK_TOWNS)
    n = rng.randint(1, 400)
    if rng.random() < 0.3:
        sub = rng.randint(1, 9)
        number = _piece("", f"No. {n}/{sub}", f"number {say_house(n, rng)} stroke "
                        f"{say_house(sub, rng)}", [], core=True)
    else:
        number = _num("", n, rng, rng.choice(("No. ", "No ", "")), "number ")
    return [number, _street(", ", rng.choice(LK_STREETS), rng), _piece(", ", town),
            _code(" ", post, rng)]


ADDRESS_BUILDERS = {
    "us": _addr_us, "gb": _addr_gb, "ie": _addr_ie, "ca": _addr_ca, "au": _addr_au,
    "nz": _addr_nz, "de": _addr_de, "at": _addr_at, "ch": _addr_ch, "fr": _addr_fr,
    "be": _addr_be, "nl": _addr_nl, "es": _addr_es, "pt": _addr_pt, "it": _addr_it,
    "pl": _addr_pl, "se": _addr_se, "no": _addr_no, "dk": _addr_dk, "fi": _addr_fi,
    "is": _addr_is, "lt": _addr_lt, "hr": _addr_hr, "in": _addr_in, "jp": _addr_jp,
    "my": _addr_my, "za": _addr_za, "ng": _addr_ng, "ke": _addr_ke, "mx": _addr_mx,
    "br": _addr_br, "ar": _addr_ar, "cl": _addr_cl, "co": _addr_co, "ph": _addr_ph,
    "kz": _addr_kz, "np": _addr_np, "lk": _addr_lk,
}
# Addresses weighted towards the countries most users live in.
COUNTRY_WEIGHTS = {"us": 6, "gb": 5, "ca": 2, "au": 2, "ie": 2, "in": 2}
SHORT_COUNTRIES = tuple(c for c in ADDRESS_BUILDERS if c not in ("in", "jp", "co", "my"))
SUFFIX_COUNTRIES = ("gb", "ie", "au", "nz", "nl", "de", "no", "se", "us", "is", "hr")
FLAT_COUNTRIES = ("gb", "ie", "us", "ca", "au", "nz", "at", "be", "es", "pt", "it", "se",
                  "dk", "ke", "mx", "br", "ar", "ph", "pl", "fi", "lt", "cl", "kz")


def _box_label(rng: random.Random) -> tuple[str, str]:
    """How a PO box is written and said."""
    return rng.choice((("PO Box ", "PO box "), ("P.O. Box ", "P O box "),
                       ("PO Box ", "post office box "), ("POB ", "P O box "),
                       ("Box ", "box ")))


def _addr_pobox(rng, want=""):
    """A PO box with its town and postcode, in one of nine countries."""
    typed, said = _box_label(rng)
    n = rng.choice((rng.randint(1, 99), rng.randint(100, 999), rng.randint(1000, 9999)))
    country = rng.choice(("us", "us", "au", "nz", "ca", "za", "ke", "fj", "gb", "ie"))
    if country == "ke":
        box = _num("", rng.randint(10000, 69999), rng, "P.O. Box ", said)
        post = rng.choice(("00100", "00200", "80100", "40100", "00606"))
        return [box, _code("-", post, rng, slead=", "),
                _piece(", ", rng.choice(("Nairobi", "Mombasa", "Kisumu", "Eldoret")))]
    box = _num("", n, rng, typed, said)
    if country == "us":
        city, state, abbr, zip3 = rng.choice(US_CITIES)
        code = zip3 + f"{rng.randint(1, 99):02d}"
        if rng.random() < 0.4:
            code += f"-{rng.randint(1, 9999):04d}"
        return [box, _piece(", ", city), _region(", ", state, abbr, rng), _code(" ", code, rng)]
    if country == "au":
        town, state, abbr, post = rng.choice(AU_PO_TOWNS)
        return [box, _piece(", ", town), _region(" ", state, abbr, rng), _code(" ", post, rng)]
    if country == "nz":
        town, post = rng.choice((("Dunedin", "9054"), ("Napier", "4140"), ("Rotorua", "3046"),
                                 ("Nelson", "7042")))
        return [box, _piece(", ", town), _code(" ", post, rng)]
    if country == "ca":
        city, province, abbr, fsa = rng.choice(CA_CITIES)
        return [box, _piece(", ", city), _region(", ", province, abbr, rng),
                _code(" ", _ca_code(fsa, rng), rng)]
    if country == "za":
        suburb, city, post = rng.choice(ZA_TOWNS)
        return [box, _piece(", ", suburb), _piece(", ", city), _code(", ", post, rng)]
    if country == "fj":
        return [box, _piece(", ", rng.choice(FJ_TOWNS)), _piece(", ", "Fiji")]
    if country == "gb":
        town, area = rng.choice(UK_TOWNS)
        return [box, _piece(", ", town), _code(" ", _gb_code(area, rng), rng)]
    town, key = rng.choice(IE_TOWNS[:-1])
    return [box, _piece(", ", town), _code(", ", _eircode(key, rng), rng)]


def _addr_rural(rng, want=""):
    """A rural address: a named house, a townland, a rural route or a roadside mail box."""
    country = rng.choice(("gb", "ie", "ca", "nz", "us", "us", "au"))
    if country == "gb":
        house, words, village, town, area = rng.choice(UK_RURAL)
        code = f"{area}{rng.randint(1, 19)} {rng.randint(0, 9)}{_letters(rng, 2)}"
        return [_piece("", house, fold(house), list(words)), _piece(", ", village),
                _piece(", ", town), _code(" ", code, rng)]
    if country == "ie":
        townland, village, county, key = rng.choice(IE_RURAL)
        return [_piece("", townland), _piece(", ", village),
                _piece(", ", f"Co. {county}", f"County {county}", [county]),
                _code(", ", _eircode(key, rng), rng)]
    if country == "ca":
        town, province, abbr, fsa = rng.choice(CA_RURAL)
        return [_num("", rng.randint(1, 8), rng, "RR ", "R R "),
                _num(", ", rng.randint(1, 40), rng, "Site ", "site "),
                _num(", ", rng.randint(1, 70), rng, "Comp ", "compartment "),
                _piece(", ", town), _region(", ", province, abbr, rng),
                _code(" ", _ca_code(fsa, rng), rng)]
    if country == "nz":
        road, town, post = rng.choice(NZ_RURAL)
        return [_num("", rng.randint(100, 2600), rng), _street(" ", road, rng),
                _num(", ", rng.randint(1, 9), rng, "RD ", "R D "), _piece(", ", town),
                _code(" ", post, rng)]
    if country == "us":
        town, state, abbr, zip3 = rng.choice(US_RURAL)
        route = rng.choice((
            [_num("", rng.randint(1, 9), rng, "RR ", "rural route "),
             _num(" ", rng.randint(1, 400), rng, "Box ", "box ")],
            [_num("", rng.randint(10, 90), rng, "HC ", "H C "),
             _num(" ", rng.randint(1, 300), rng, "Box ", "box ")],
            [_num("", rng.randint(1000, 29999), rng),
             _num(" ", rng.randint(2, 60), rng, "County Road ", "county road ")],
        ))
        return route + [_piece(", ", town), _region(", ", state, abbr, rng),
                        _code(" ", zip3 + f"{rng.randint(1, 99):02d}", rng)]
    town, state, abbr, post = rng.choice(AU_PO_TOWNS)
    return [_num("", rng.randint(100, 2900), rng, "RMB ", "R M B "),
            _street(", ", rng.choice(("Wirrimbi Road", "Bundarra Road", "Mitchell Highway")),
                    rng),
            _piece(", ", town), _region(" ", state, abbr, rng), _code(" ", post, rng)]


def _join(pieces: list[dict], key: str) -> str:
    """Pieces joined by their own separators; a piece with no spoken text is left out."""
    lead = "lead" if key == "typed" else "slead"
    parts = [p for p in pieces if p[key]]
    return "".join((p[lead] if i else "") + p[key] for i, p in enumerate(parts))


def _pick_country(rng: random.Random) -> str:
    """A country for an address with no country asked for."""
    countries = list(ADDRESS_BUILDERS)
    weights = [COUNTRY_WEIGHTS.get(c, 1) for c in countries]
    return rng.choices(countries, weights)[0]


def address_value(style: str, form: str, rng: random.Random, state: dict) -> dict:
    """A street address from one of 38 countries, or a PO box, or a rural address.

    Styles: a country code; short (house number and street only); pobox; rural;
    suffix (a house number with a letter); flat (with a flat, unit or apartment).
    """
    want = style if style in ("suffix", "flat") else ""
    if style == "pobox":
        pieces = _addr_pobox(rng)
    elif style == "rural":
        pieces = _addr_rural(rng)
    else:
        if style in ADDRESS_BUILDERS:
            country = style
        elif style == "suffix":
            country = rng.choice(SUFFIX_COUNTRIES)
        elif style == "flat":
            country = rng.choice(FLAT_COUNTRIES)
        elif style == "short":
            country = rng.choice(SHORT_COUNTRIES)
        else:
            country = _pick_country(rng)
        pieces = ADDRESS_BUILDERS[country](rng, want)
    if style == "short":
        pieces = [p for p in pieces if p["core"]]
    canonical = _join(pieces, "typed")
    digits = _typed_digits(canonical)
    if not digits:
        raise _Retry
    if form == "typed":
        surface = canonical.lower() if rng.random() < 0.1 else canonical
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
    # A receptionist or call-centre agent reading details back.
    "Just to confirm, I have the name as {person_name} and the best number as {phone}, is "
    "that right?",
    "Reading that back: card {card}, name on the card {person_name:caps}, billing address "
    "{street_address}.",
    "Sorry, was that {email} or {email}? The line's really bad.",
    "So the delivery address is {street_address:flat} and a contact number of {phone:ext}, "
    "lovely.",
    "Thanks Mrs {person_name:sur}, I've changed the account email to {email:plus}.",
    "Let me read the social back to you: {us_ssn}. Is that correct?",
    "Caller {person_name}, policy holder at {street_address:us}, wants a call back on "
    "{phone:us} after 4pm",
    "Right, so that's {phone:whisper}, and it's {person_name:first} speaking?",
    "The caller gave her mobile as {phone:intl} and her surname as {person_name:sur}",
    "Table booked under {person_name:initials}, contact {email}, party of 6 at 7:45",
    # Notes to self and dictated messages.
    "Note to self: {person_name:first} owes me €40 for the taxi, her IBAN is {iban}",
    "note to self - ask {person_name:lowerfirst} about the van on thurs",
    "Draft a message to {person_name}: Hi, invoice attached, please pay to {iban} by the "
    "30th. Thanks!",
    "Draft an email to {email}, subject 'keys', body: the spare set is with "
    "{person_name:first} at {street_address:short}",
    "Take a note: new plumber is {person_name}, {phone}, recommended by {person_name:first} "
    "next door",
    "Dictation: Dear Mr. {person_name:sur}, thank you for your letter of 3 May regarding "
    "{street_address}.",
    "Write this down before I forget - {phone} - it's the number {person_name:wordfirst} gave "
    "me at the bus stop",
    "Memo: {person_name:surfirst} from accounts wants all receipts by Friday",
    "Voice note for {person_name:nick}: running 10 mins late, order me a flat white",
    # Calendar invites with attendees.
    "Create an invite for Tue 10:30, attendees {email}, {email} and {email}",
    "Schedule a 1:1 with {person_name} on Friday at 2pm and add {person_name:first} as "
    "optional",
    "Move standup to 9:15 and cc {person_name:initials}",
    "Calendar: dinner at {street_address} 7:30pm with {person_name:first} & "
    "{person_name:first}",
    "Add {email:work} to the Q3 review invite, room 4B",
    "Send a Teams invite to {person_name:apos} for Thursday 3-3:30, agenda: budget",
    "Block out Wed 12-1 for lunch with {person_name:wordfirst} near her office, "
    "{street_address:short}",
    # Work and HR.
    "Payroll form for {person_name}: SSN {us_ssn}, home address {street_address:us}",
    "New starter Monday is {person_name:apos}, personal email {email}, mobile {phone}",
    "Expense claim from {person_name:initials}: £86.40 taxi, reimburse to {iban:gb}",
    "IT ticket #48213: {person_name:first}'s laptop can't reach the printer at {ip_address}",
    "Update the emergency contact for {person_name:surfirst} to {person_name}, {phone}",
    "loop in {person_name:lowerfirst} from payroll on the P60 thread",
    "Hand over to {person_name} while I'm on leave; her direct line is {phone:ext}",
    "Sign the letter off as {person_name:initials}, Head of Facilities",
    "Forward the rota to {email:work} and {email:work}",
    "My payslip still goes to {street_address}, I moved to {street_address} in January",
    "Reference check: candidate {person_name}, referee {person_name} on {phone:intl}",
    "ping {person_name:lowerfirst} on slack re the 3pm deploy",
    "Page {person_name:first} - the build box at {ip_address} is down again",
    "My home IP is {ip_address:wan}, please allow it on the VPN, ticket IT-20931",
    "Direct deposit change for {person_name}: new IBAN {iban}, from the next pay run",
    "1099 for {person_name:caps}, SSN {us_ssn}, 2 jobs in 2024",
    "Notify {person_name} and {person_name:first} that the fire drill is at 11",
    # Landlords and letting agents.
    "Letting agent {person_name} says the holding deposit goes to {iban:gb} by Fri",
    "Tell the landlord, Mr. {person_name:sur}, the boiler at {street_address:flat} is leaking "
    "again",
    "Tenancy renewal for {street_address}, tenants {person_name} and {person_name}",
    "email {email} and ask if the flat at {street_address:short} is still available",
    "Rent receipt: received $1,450 from {person_name:lower} for {street_address:us}",
    "Check-out inspection at {street_address:nl} on the 2nd, agent is {person_name:first}, "
    "{phone:nl}",
    "The landlady {person_name:word} wants the rent paid to {iban:de} now, not cash",
    # Dating and social plans.
    "Date with {person_name:first} tomorrow at 8, meeting at {street_address:short}",
    "{person_name:wordfirst} from the app gave me her number {phone}, save it",
    "dm {person_name:nick} and ask if she's still up for bowling sat",
    "Share my live location with {person_name:first} till 11pm, first date nerves lol",
    "Speed dating match #7: {person_name}, {email}",
    # Gig work.
    "Pickup for {person_name:first} at {street_address}, drop at {street_address}, fare £18.50",
    "Courier note: ring {phone} on arrival and ask for {person_name:initial}",
    "Cleaner booking: {person_name}, 3 hrs Tue at {street_address}, pay £45 to {iban}",
    "Tutor invoice - 4 lessons for {person_name:first}, pay {person_name} at {iban}",
    "Rider payout should go to {iban}, account name {person_name:caps}",
    "Dog walker this week is {person_name:word}, {phone}, keys in the lockbox at "
    "{street_address:short}",
    "Driver {person_name:first} says he's outside {street_address:suffix}, silver Corolla",
    # Legal aid and immigration.
    "Legal aid form: applicant {person_name:multi}, address {street_address}, tel "
    "{phone:intl}",
    "Visa sponsor: {person_name}, {street_address:gb}, {email}",
    "I-130: petitioner SSN {us_ssn}, beneficiary {person_name}, mailing address "
    "{street_address:pobox}",
    "Our solicitor is {person_name:initials}, {email:biz}, ref LA/2291",
    "The Home Office letter for {person_name:apos} went to {street_address}, not our new place",
    "Interpreter for the hearing: {person_name}, Pashto and Dari, {phone}",
    # Charity donations.
    "Donate £25 a month to the hospice from {card}",
    "Gift Aid declaration: {person_name}, {street_address:gb}",
    "Sponsor {person_name:first} £10 for the half marathon, use {card:visa}",
    "Bake sale money goes to the charity account {iban}, account name {person_name}",
    "Cancel my $15 monthly donation on card {card:mc}",
    # Car hire and parking fines.
    "Car hire pickup under {person_name}, licence address {street_address}, card {card}",
    "PCN ZY40381276 was sent to {street_address}; the driver at the time was {person_name}",
    "Appeal the parking fine - registered keeper {person_name:surfirst}, {email}",
    "Add {person_name} as second driver on booking HX7Q2L",
    "The rental company will charge {card:amex} for the €120 excess",
    # Hotel check-in.
    "Check-in for {person_name}, 2 nights, card {card}, room 417",
    "Guest {person_name:initial} in 1208 wants a 6:30 wake-up call, mobile {phone}",
    "Hotel needs the billing address for {card}: {street_address}",
    "Reservation for {person_name:multi}, arriving 22:40, contact {email}",
    # School admissions.
    "Admission form: child {person_name}, parent {person_name}, address {street_address}",
    "Email admissions at {email:sub} that {person_name:first} has accepted the place",
    "In-year transfer for {person_name:lowerfirst}, year 7, we moved to {street_address:gb}",
    "School bus pass for {person_name:first}, stop at {street_address:short}, parent mobile "
    "{phone}",
    # Pharmacy and prescriptions.
    "Is the prescription for {person_name} ready? Collect by 6",
    "Repeat prescription for {person_name:first}: amoxicillin 500mg, deliver to "
    "{street_address}",
    "Pharmacist {person_name:first} rang from {phone:land} about the 20mg dose",
    "Pharmacy benefits form: member {person_name}, SSN {us_ssn}",
    "Pay for Dad's inhalers with {card}, the pharmacy has him as {person_name:caps}",
    # Sports team rosters.
    "U14 roster: {person_name:first} (GK), {person_name:first}, {person_name:first}, "
    "{person_name:nick}, {person_name:first}",
    "Add {person_name:apos} to the netball squad, parent contact {phone}",
    "Match fees £6 each - pay into {iban} with your surname, e.g. {person_name:sur}",
    "Kit order: shirt 10 {person_name:sur}, shirt 7 {person_name:sur}, shirt 23 "
    "{person_name:sur}",
    # Wedding and party guest lists.
    "Guest list: {person_name}, {person_name} (+1), {person_name:multi}",
    "RSVP from {person_name:initials} - 2 adults, 1 vegan",
    "Send the save-the-date to {street_address} for {person_name:word} and family",
    "Wedding gift transfers to {iban}, account name {person_name}",
    "Hen do: {person_name:nick}, {person_name:first}, {person_name:lowerfirst} + me. Airbnb "
    "is {street_address}",
    # Lost and found.
    "Found a wallet with {card} and a library card for {person_name}",
    "Lost keys! if found call {phone} or drop them at {street_address:short}",
    "Lost dog Pepper - contact {person_name:first} on {phone}",
    "Lost property emailed {email} about a bag with {person_name:lower}'s passport in it",
    # Neighbourhood groups.
    "Neighbourhood watch: white van outside {street_address:short} again, tell "
    "{person_name:first}",
    "Add {person_name} from no. 14 to the street WhatsApp, {phone}",
    "Street party road closure: organiser {person_name}, {street_address}, {email}",
    "Bin rota: {person_name:sur} (42), {person_name:sur} (44), {person_name:sur} (46)",
    "The allotment gate code changed, text {person_name:word} on {phone} for it",
    # Names with no cue and names as objects of verbs.
    "{person_name} is picking up the cake at 4",
    "{person_name:first} {person_name:againsur} and I are splitting the taxi",
    "remind {person_name:first} to bring the extension lead",
    "pay {person_name:lowerfirst} back £12 for the cinema",
    # Phones from many regions.
    "Save {person_name:first}'s French number: {phone:fr}",
    "My cousin in Dhaka is on {phone:bd}, WhatsApp only",
    "call {person_name:first} in Almaty {phone:kz}",
    "Grandma's Jamaica number is {phone:jm} and Uncle's one in Haiti is {phone:ht}",
    "New Reykjavik mobile for {person_name}: {phone:is}",
    "{person_name:first}'s Nepal number {phone:np}, and her UK one {phone:gb}",
    "Fiji contact for the wedding - {person_name}, {phone:fj}",
    "Text the Tashkent driver on {phone:uz}",
    "His Lima number is {phone:pe}, the one in La Paz is {phone:bo}",
    "Contact for the Dakar guesthouse: {person_name}, {phone:sn}",
    "The plumber's number is {phone:us}, tell him it's {person_name:sur} at "
    "{street_address:us}",
    # Cards.
    "Pay the grocery order with {card:disc}",
    "Okay. The card number is {card:whisper}. Name is {person_name}.",
    "Replace {card:jcb} with my new card {card}",
    "add my partner's card {card:mc} to the Uber account",
    # Social Security numbers.
    "W-9: {person_name}, TIN/SSN {us_ssn}",
    "the credit check needs my social - {us_ssn}",
    "Kid's SSN for the 529 plan is {us_ssn}, mine is {us_ssn}",
    # IBANs from many countries.
    "Refund the deposit to {iban:lt}, holder {person_name}",
    "Is {iban:bg} a valid IBAN? It's {person_name:first}'s",
    "Pay the cottage rental to {iban:is}",
    "Send €200 to {iban:al} for the Tirana flat",
    "Split payment: half to {iban:fr}, half to {iban:es}",
    # IP addresses of the user's devices.
    "Smart plug for {person_name:first}'s heater is at {ip_address}",
    "The CCTV recorder moved from {ip_address} to {ip_address}",
    "Port-forward 8123 to {ip_address} for Home Assistant",
    "Gaming PC is {ip_address:v6}, why is NAT strict?",
    "router admin page is {ip_address:router}, password on the sticker",
    # Street addresses around the world.
    "Ship the spare parts to {street_address:in}, attn {person_name}",
    "Postcard to {person_name:first}: {street_address:jp}",
    "Our Airbnb in Medellín is {street_address:co}",
    "Send the contract to {street_address:ca}, c/o {person_name}",
    "Forwarding address: {street_address:rural}",
    "Correct my address to {street_address:ie}, the Eircode was wrong",
    "Billing address {street_address:us}, shipping {street_address:us}",
)

SPOKEN_TEMPLATES = (
    # A receptionist or call-centre agent reading details back.
    "just to confirm I've got your name as {person_name} and your number as {phone}",
    "reading that back the card is {card} and the name on it is {person_name}",
    "so the address is {street_address} and the email is {email}, is that right",
    "let me read your social back to you, {us_ssn}, is that correct",
    "that's {person_name:sur}, {person_name:spelled}, and the mobile is {phone:intl}",
    "okay so the email is {email:spell}",
    "I have the booking under {person_name:initials}, contact number {phone}",
    "sorry, was that {phone} or {phone}",
    "the caller is {person_name:first} from {street_address:short}, she wants a call back",
    "thanks Mister {person_name:sur}, I've updated your email to {email:plus}",
    # Notes to self and dictated messages.
    "note to self, {person_name:first} owes me forty euros, her IBAN is {iban}",
    "take a note, the new plumber is {person_name}, number {phone}",
    "draft a message to {person_name}, hi, please pay the invoice to {iban} by the end of the "
    "month",
    "draft an email to {email}, the spare keys are with {person_name:first}",
    "dictate, dear Miss {person_name:sur}, thank you for your letter about {street_address}",
    "write down {phone} before I forget, it's {person_name:wordfirst}'s number",
    "voice note for {person_name:nick}, running ten minutes late, order me a coffee",
    "remind me to send {person_name} the photos tonight",
    # Calendar invites with attendees.
    "create an invite for Tuesday at half ten with {email} and {email}",
    "schedule a one to one with {person_name} on Friday and add {person_name:first} as "
    "optional",
    "move the standup to quarter past nine and cc {person_name:first} {person_name:againsur}",
    "put dinner at {street_address} in the calendar with {person_name:first} and "
    "{person_name:first}",
    "add {email:work} to the quarterly review",
    "book lunch with {person_name:wordfirst} on Wednesday near her office, "
    "{street_address:short}",
    # Work and HR.
    "the payroll form for {person_name} needs the social, it's {us_ssn}",
    "the new starter on Monday is {person_name:apos}, personal email {email}",
    "reimburse {person_name:first} for the taxi, her IBAN is {iban:gb}",
    "raise an IT ticket, {person_name:first}'s laptop can't reach the printer at {ip_address}",
    "change my emergency contact to {person_name}, {phone}",
    "loop in {person_name:first} from payroll on that email",
    "hand over to {person_name} while I'm away, her direct line is {phone:ext}",
    "sign it off as {person_name:initials}, head of facilities",
    "forward the rota to {email:work}",
    "ping {person_name:first} and tell him the deploy is at three",
    "page {person_name}, the server at {ip_address} is down",
    "my home IP address is {ip_address:wan}, can IT allow it on the VPN",
    "my direct deposit should go to {iban} from now on",
    "notify {person_name:first} and {person_name:first} that the fire drill is at eleven",
    # Landlords and letting agents.
    "the letting agent {person_name} says the deposit goes to {iban:gb}",
    "tell the landlord the boiler at {street_address:flat} is leaking again",
    "the tenants at {street_address} are {person_name} and {person_name}",
    "email {email} and ask if the flat at {street_address:short} is still free",
    "the landlady's called {person_name:word} and she wants the rent paid into {iban:de}",
    "the viewing is at {street_address:us}, the agent's number is {phone:us}",
    # Dating and social plans.
    "I've got a date with {person_name:first} tomorrow at {street_address:short}",
    "{person_name:wordfirst} gave me her number, it's {phone}, save it",
    "message {person_name:nick} and ask if she's still up for bowling",
    "my match from speed dating is {person_name}, email {email}",
    # Gig work.
    "pick up {person_name:first} at {street_address} and drop her at {street_address}",
    "ring {phone} when you arrive and ask for {person_name:first}",
    "the cleaner is {person_name}, she's at {street_address} on Tuesday, pay her to {iban}",
    "pay {person_name} at {iban} for {person_name:first}'s tutoring",
    "my rider payouts should go to {iban}",
    "the dog walker is {person_name:word}, her number is {phone}",
    "the driver {person_name:first} says he's outside {street_address:suffix}",
    # Legal aid and immigration.
    "for the legal aid form the applicant is {person_name:multi}, living at {street_address}",
    "the visa sponsor is {person_name}, {street_address:gb}",
    "the petitioner's social is {us_ssn} and the beneficiary is {person_name}",
    "our solicitor is {person_name}, her email is {email:biz}",
    "the interpreter for the hearing is {person_name}, phone {phone}",
    # Charity donations.
    "donate twenty five pounds a month to the hospice from my card {card}",
    "Gift Aid declaration for {person_name} at {street_address:gb}",
    "sponsor {person_name:first} ten pounds for the half marathon with card {card:visa}",
    "the charity's bank details are {iban}",
    # Car hire and parking fines.
    "the car hire is under {person_name}, pay with {card}",
    "the parking fine went to {street_address}, the driver was {person_name}",
    "add {person_name} as the second driver",
    "the registered keeper is {person_name:surfirst}, email {email}",
    # Hotel check-in.
    "checking in for {person_name}, two nights, card {card:amex}",
    "the guest in twelve oh eight is {person_name:initial}, her mobile is {phone}",
    "the billing address for the card is {street_address}",
    "the reservation is under {person_name:multi}, email {email}",
    # School admissions.
    "the admission form is for {person_name}, parent {person_name}, address {street_address}",
    "email admissions at {email:sub} and say {person_name:first} accepts the place",
    "we moved to {street_address:gb}, so {person_name:first} needs a school transfer",
    # Pharmacy and prescriptions.
    "is the prescription for {person_name} ready yet",
    "deliver {person_name:first}'s repeat prescription to {street_address}",
    "the pharmacist {person_name:first} called from {phone:land} about the dose",
    "the pharmacy needs my social for the insurance, it's {us_ssn}",
    # Sports team rosters.
    "the under fourteens are {person_name:first}, {person_name:first}, {person_name:nick} and "
    "{person_name:first}",
    "add {person_name:apos} to the netball squad, parent number {phone}",
    "match fees go to {iban}, reference {person_name:sur}",
    "the captain on Saturday is {person_name:wordfirst}",
    # Wedding and party guest lists.
    "guest list, {person_name}, {person_name} plus one, and {person_name:multi}",
    "the RSVP from {person_name:initials} says two adults",
    "send the save the date to {person_name:word} at {street_address}",
    "seat {person_name:first} next to {person_name:first} but not next to "
    "{person_name:first}",
    "the wedding gift account is {iban}, in the name of {person_name}",
    # Lost and found.
    "I found a wallet with a card {card} and a library card for {person_name}",
    "lost keys, if found call {phone}",
    "my lost dog's tag says call {person_name:first} on {phone}",
    "the lost property office has a bag for {person_name}, they'll email {email}",
    # Neighbourhood groups.
    "there's a white van outside {street_address:short} again, tell {person_name:first}",
    "add {person_name} from number fourteen to the street group, {phone}",
    "the street party organiser is {person_name}, {street_address}",
    "text {person_name:word} on {phone} for the allotment gate code",
    # Names with no cue and names as objects of verbs.
    "{person_name} is bringing the gazebo",
    "{person_name:first} {person_name:againsur} and me are sharing a cab",
    "invite {person_name:first} and {person_name:first} to the quiz",
    "remind {person_name:first} to take the bins out tonight",
    "DM {person_name:first} the photos from Saturday",
    "pay {person_name:first} back for the tickets",
    # Phones from many regions.
    "save {person_name:first}'s French number, {phone:fr}",
    "my cousin in Dhaka is on {phone:bd}",
    "call {person_name:first} in Almaty on {phone:kz}",
    "Grandma's number in Jamaica is {phone:jm}",
    "the Reykjavik mobile for {person_name} is {phone:is}",
    "the Colombo office is {phone:lk}, ask for {person_name}",
    "her Nepal number is {phone:np}",
    "the Fiji contact is {person_name}, {phone:fj}",
    "text the driver in Tashkent on {phone:uz}",
    "the guesthouse in Dakar is {phone:sn}",
    "my aunt in Antananarivo is on {phone:mg}",
    "call the Lima hotel on {phone:pe}",
    # Cards.
    "pay for the groceries with {card:disc}",
    "my partner's card is {card:mc}, add it to the taxi app",
    "replace the old card with {card}",
    # Social Security numbers.
    "my social security number is {us_ssn}",
    "for the W nine, {person_name}, social {us_ssn}",
    "the kids' socials are {us_ssn} and {us_ssn}",
    # IBANs from many countries.
    "refund the deposit to {iban:lt}",
    "is {iban:bg} a valid IBAN",
    "pay the cottage rental to {iban:is}",
    "half to {iban:fr} and half to {iban:es}",
    "my Dutch account is {iban:nl}",
    # IP addresses of the user's devices.
    "the smart plug is at {ip_address}",
    "the camera recorder moved from {ip_address} to {ip_address}",
    "forward the port to {ip_address} for home assistant",
    "the router's admin page is {ip_address:router}",
    "give the printer {ip_address} as a static address",
    # Street addresses around the world.
    "ship the parts to {street_address:in}",
    "send the postcard to {person_name:first} at {street_address:jp}",
    "the Airbnb in Medellin is {street_address:co}",
    "Mum's new flat is {street_address:br}",
    "send the contract to {street_address:ca}",
    "my forwarding address is {street_address:rural}",
    "the Kazakh office is at {street_address:kz}",
    "the return address is {street_address:my}",
    "correct my address to {street_address:ie}",
    "my PO box is {street_address:pobox}",
    "the billing address is {street_address:us} and shipping is {street_address:us}",
    "we live at {street_address:fi}",
    "the holiday flat is {street_address:is}",
    # Disfluent speech and self-corrections.
    "um the number is {phone}, no sorry, {phone}",
    "her email's {email}, uh, or maybe {email}",
    "my IBAN, um, hang on, it's {iban}",
    "send it to {person_name:first}, no, {person_name:first}",
    "my card number is, uh, {card}",
)

# ---------------------------------------------------------------------------------------
# Hard negatives: numbers and names that are not personal data. A decoy slot is <name>.

FIGURES = (
    "Serena Williams", "Usain Bolt", "Kylian Mbappé", "Simone Biles", "Virat Kohli",
    "David Attenborough", "Adele", "Rihanna", "Bad Bunny", "Harry Styles", "Keanu Reeves",
    "Zendaya", "Dolly Parton", "Nelson Mandela", "Frida Kahlo", "Marie Curie", "Lionel Messi",
    "Novak Djokovic", "Jacinda Ardern", "Wangari Maathai", "Shakira", "Elton John",
    "Stevie Wonder", "Ray Charles", "Amber Heard", "Jack Black", "Will Ferrell",
)
CHARACTERS = (
    "Harry Potter", "Bilbo Baggins", "Luke Skywalker", "Winnie the Pooh", "Shrek", "Matilda",
    "Spider-Man", "Moana", "Pikachu", "Mario", "Scooby-Doo", "Tintin", "Asterix",
    "Buzz Lightyear", "Hercule Poirot", "Miss Marple", "Captain Haddock", "Rocky Balboa",
    "Jack Reacher", "Forrest Gump",
)
BANDS = (
    "Coldplay", "Arctic Monkeys", "Fleetwood Mac", "Little Mix", "Radiohead", "ABBA",
    "Daft Punk", "the Killers", "Imagine Dragons", "BTS", "Blackpink", "the Cranberries",
    "Sigur Rós", "Joy Division", "Faith No More", "Florence and the Machine",
)
TEAMS = (
    "Liverpool", "Juventus", "the Warriors", "the Dodgers", "the Wallabies", "Orlando Pirates",
    "Ajax", "PSG", "the Blue Jays", "Leinster", "Gor Mahia", "Flamengo", "the Packers",
    "Crystal Palace", "the Fijian sevens",
)
BRANDS = (
    "Nike", "Lego", "Dyson", "Toyota", "Patagonia", "Le Creuset", "Nespresso", "Ray-Ban",
    "Hunter", "Ben & Jerry's", "Jack Daniel's", "Tommy Hilfiger",
)
SHOPS = (
    "Tesco", "Aldi", "Lidl", "Walmart", "Boots", "Waitrose", "Costco", "Woolworths",
    "Carrefour", "Zara", "Uniqlo", "Screwfix", "Home Depot", "Bunnings",
)
RESTAURANTS = (
    "McDonald's", "Five Guys", "Greggs", "Pret", "Itsu", "Shake Shack", "KFC", "Domino's",
    "Tim Hortons", "Wahaca", "Zizzi", "Wendy's", "Pizza Hut",
)
PLACES = (
    "Almaty", "Tashkent", "Kathmandu", "Colombo", "Yangon", "Phnom Penh", "Vientiane", "Suva",
    "La Paz", "Dakar", "Antananarivo", "Bilbao", "Reykjavík", "Vilnius", "Tirana",
    "Belgrade", "Sofia", "Haifa", "Port-au-Prince", "Kingston", "Glasgow", "Quebec City",
    "Adelaide", "Penang",
)
STREETS = (
    "Regent Street", "Grafton Street", "Broadway", "the Champs-Élysées", "Nevsky Prospekt",
    "Orchard Road", "Khao San Road", "Bond Street", "Sunset Boulevard", "Queen Street",
    "Strøget", "Rodeo Drive", "Penny Lane", "Wall Street", "Carnaby Street",
)
SUBSCRIPTIONS = (
    "Netflix", "Spotify", "Disney+", "Audible", "Hinge", "Tinder", "Bumble", "Headspace",
    "iCloud", "Amazon Prime", "Microsoft 365",
)
MODELS = (
    "AirPods Pro 2", "Galaxy A55", "PS5 Slim", "iPad Air", "Dyson V15", "Canon R50",
    "Echo Dot", "Pixel 9", "Kindle Scribe", "Garmin Venu 3", "Surface Pro 11", "Nintendo Switch",
)
CURRENCIES = ("tenge", "som", "taka", "rupees", "kip", "riel", "dirhams", "lev", "shekels")
UNITS = ("grams", "ounces", "litres", "pints", "cups", "millilitres", "kilos", "pounds")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "March", "April", "May", "June", "August", "October", "December")
PUBLIC_RESOLVERS = ("8.8.8.8", "1.1.1.1", "9.9.9.9", "8.8.4.4", "208.67.222.222", "4.2.2.2",
                    "1.0.0.1")
TRAIN_TOWNS = ("Leeds", "York", "Cork", "Galway", "Lyon", "Utrecht", "Porto", "Gdańsk")


def _d(rng: random.Random, count: int) -> str:
    """A run of random digits."""
    return "".join(rng.choice("0123456789") for _ in range(count))


def _not_card(digits: str) -> str:
    """A long reference number that is not Luhn-valid, so it cannot pass for a card."""
    if luhn.is_valid(digits):
        digits = digits[:-1] + str((int(digits[-1]) + 1) % 10)
    return digits


def _named(name: str, rng: random.Random):
    """Decoys shared by both forms: names of things, places and people in the news."""
    pools = {
        "figure": FIGURES, "character": CHARACTERS, "band": BANDS, "team": TEAMS,
        "brand": BRANDS, "shop": SHOPS, "restaurant": RESTAURANTS, "place": PLACES,
        "street": STREETS, "subscription": SUBSCRIPTIONS, "currency": CURRENCIES,
        "unit": UNITS, "weekday": WEEKDAYS, "month": MONTHS, "town": TRAIN_TOWNS,
    }
    return rng.choice(pools[name]) if name in pools else None


def _typed_decoy(name: str, rng: random.Random) -> str:
    """A non-personal value written the way it is typed."""
    named = _named(name, rng)
    if named is not None:
        return named
    r = rng.randint
    year = r(2020, 2026)
    upper = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    card_like = _not_card(_d(rng, 16))
    choices = {
        "order": (f"#{_d(rng, 6)}", f"ORD-{_d(rng, 7)}", f"{_d(rng, 3)}-{_d(rng, 7)}-{_d(rng, 7)}",
                  f"W{_d(rng, 9)}"),
        "tracking": (f"1Z{_letters(rng, 6, upper)}{_d(rng, 10)}",
                     " ".join(_not_card(_d(rng, 22))[i:i + 4] for i in range(0, 22, 4)),
                     f"RM{_d(rng, 9)}GB", f"JJD{_d(rng, 18)}", f"{_d(rng, 4)} {_d(rng, 4)} "
                     f"{_d(rng, 4)}"),
        "longref": (" ".join(card_like[i:i + 4] for i in range(0, 16, 4)), _d(rng, 11),
                    f"0{_d(rng, 10)}", f"{_d(rng, 3)} {_d(rng, 3)} {_d(rng, 4)}", card_like,
                    f"{_d(rng, 4)}-{_d(rng, 4)}-{_d(rng, 4)}"),
        "invoice": (f"INV-{year}-{_d(rng, 5)}", f"{year % 100}/{_d(rng, 4)}",
                    f"{_letters(rng, 3, upper)}{_d(rng, 6)}"),
        "ticket": (f"INC{_d(rng, 7)}", f"SR-{_d(rng, 6)}", f"OPS-{r(100, 9999)}",
                   f"#{_d(rng, 5)}"),
        "claim": (f"CLM-{year}-{_d(rng, 5)}", f"C/{_d(rng, 5)}/{year % 100}"),
        "case": (f"1-{_d(rng, 10)}", f"CV-{year}-{_d(rng, 4)}", f"QB/{_d(rng, 5)}"),
        "policy": (f"HH-{_d(rng, 7)}-0{r(1, 9)}", f"MTR/{_d(rng, 6)}", f"P{_d(rng, 9)}"),
        "membership": (f"M-{_d(rng, 6)}", _d(rng, 8), f"{_letters(rng, 2, upper)}{_d(rng, 7)}"),
        "price": (f"£{r(2, 90)}.{r(0, 99):02d}", f"${r(1000, 9999):,}", f"€{r(20, 900)}",
                  f"{r(2, 90)},000 tenge", f"A${r(20, 99)}.50", f"₹{r(200, 9999)}",
                  f"{r(100, 900)} kr"),
        "cheap": (f"£{r(20, 120)}", f"${r(30, 150)}", f"€{r(15, 99)}.99"),
        "qty_unit": (f"{r(1, 4)}.{r(1, 9)} kg", f"{r(1, 9)}00 ml", f"{r(2, 5)} litres",
                     f"{r(1, 5)}50 g", f"{r(2, 16)} oz", f"{r(2, 6)} cups"),
        "qty": (str(r(1200, 24999)), f"{r(2, 40)},{_d(rng, 3)}"),
        "small": (str(r(2, 12)),),
        "time": (f"{r(6, 11)}:{rng.choice(('00', '15', '30', '45'))}", f"{r(1, 11)}pm",
                 f"{r(13, 22)}:{rng.choice(('05', '20', '40', '55'))}", f"{r(6, 11)}.30am"),
        "date": (f"{r(1, 28):02d}/{r(1, 12):02d}/{year}", f"{r(1, 28)} {rng.choice(MONTHS)}",
                 f"{year}-{r(1, 12):02d}-{r(1, 28):02d}", f"{rng.choice(MONTHS)} {r(1, 28)}th"),
        "year": (str(r(1971, 2025)),),
        "later_year": (str(r(2026, 2032)),),
        "flight": (f"{rng.choice(('EI', 'TK', 'QF', 'FJ', 'UL', 'KC', 'HY'))}{r(2, 999)}",
                   f"{rng.choice(('BA', 'LX', 'AC'))} {r(100, 2999)}"),
        "train": (f"ICE {r(100, 999)}", f"the {r(6, 22)}:{rng.choice(('04', '12', '42'))} to "
                  f"{rng.choice(TRAIN_TOWNS)}", f"Amtrak {r(20, 2999)}", f"TGV {r(6000, 9999)}",
                  f"IC {r(100, 3999)}"),
        "gate": (f"{rng.choice('ABCDE')}{r(1, 60)}", str(r(2, 90))),
        "version": (f"{r(1, 18)}.{r(0, 9)}.{r(0, 20)}", f"v{r(1, 6)}.{r(0, 12)}",
                    f"Android {r(12, 16)}", f"macOS {r(13, 15)}.{r(0, 6)}"),
        "serial": (f"SN {_d(rng, 2)}{_letters(rng, 2, upper)}{_d(rng, 8)}",
                   f"S/N {_d(rng, 5)}-{_d(rng, 4)}"),
        "model": MODELS,
        "sku": (f"SKU {_d(rng, 3)}-{_d(rng, 3)}-{_d(rng, 2)}",
                f"{_d(rng, 3)}.{_d(rng, 3)}.{_d(rng, 2)}",
                f"B0{_letters(rng, 3, upper)}{_d(rng, 5)}"),
        "lottery": (", ".join(str(n) for n in sorted(rng.sample(range(1, 60), 6))),
                    " ".join(f"{n:02d}" for n in sorted(rng.sample(range(1, 50), 5)))),
        "raffle": (_d(rng, 4), f"#{r(1, 500)}", f"{rng.choice('ABC')}-{r(100, 999)}"),
        "bus": (str(r(2, 199)), f"N{r(1, 99)}", f"X{r(1, 99)}", f"{r(1, 60)}A"),
        "room": (str(r(101, 1499)), f"{rng.choice('ABC')}{r(100, 320)}", f"{r(1, 4)}.{r(10, 40)}"),
        "temp": (str(r(16, 24)),), "oven": (str(rng.choice((160, 180, 200, 220))),),
        "dose": (f"{rng.choice((200, 400, 500))}mg", f"{r(2, 10)} ml", f"{r(1, 2)} tablets",
                 f"{r(2, 4)} puffs", f"{r(4, 20)} units"),
        "mac": (":".join(f"{r(0, 255):02X}" for _ in range(6)),
                "-".join(f"{r(0, 255):02x}" for _ in range(6))),
        "dns": PUBLIC_RESOLVERS + ("2001:4860:4860::8888",),
        "score": (f"{r(0, 5)}-{r(0, 5)}", f"{r(10, 40)}-{r(6, 35)}"),
        "pct": (f"{r(5, 30)}%",),
    }
    return rng.choice(choices[name])


def _spoken_decoy(name: str, rng: random.Random) -> str:
    """A non-personal value said aloud, with no digit characters."""
    named = _named(name, rng)
    if named is not None:
        return fold(named).replace("+", " plus").replace("&", "and")
    r = rng.randint
    letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    choices = {
        "order": (say_digits(_d(rng, 6), rng), f"W {say_digits(_d(rng, 9), rng)}"),
        "tracking": (f"one Z {spell(_letters(rng, 4, letters))} {say_digits(_d(rng, 8), rng)}",
                     f"R M {say_digits(_d(rng, 9), rng)} G B"),
        "longref": (say_digits(_d(rng, 11), rng), say_digits("0" + _d(rng, 10), rng),
                    " ".join(say_digits(_d(rng, 4), rng) for _ in range(4))),
        "invoice": (say_digits(_d(rng, 6), rng), f"I N V {say_digits(_d(rng, 5), rng)}"),
        "ticket": (f"I N C {say_digits(_d(rng, 7), rng)}", say_digits(_d(rng, 5), rng)),
        "claim": (f"C L M {say_digits(_d(rng, 6), rng)}",),
        "case": (say_digits(_d(rng, 8), rng),),
        "policy": (f"H H {say_digits(_d(rng, 7), rng)}",),
        "membership": (say_digits(_d(rng, 8), rng),),
        "price": (f"{say_number(r(2, 90))} pounds {say_number(r(10, 99))}",
                  f"{say_number(r(100, 900))} euros", f"{say_number(r(2, 99))} dollars",
                  f"{say_number(r(2, 20))} thousand tenge"),
        "cheap": (f"{say_number(r(20, 99))} quid",),
        "qty_unit": (f"{say_number(r(2, 9))} hundred grams", f"{say_number(r(2, 5))} litres",
                     f"{say_number(r(2, 6))} cups", "half a kilo", "a pint and a half"),
        "qty": (say_number(r(1200, 24999)),),
        "small": (say_number(r(2, 12)),),
        "time": (f"half past {say_number(r(1, 11))}", f"quarter to {say_number(r(1, 11))}",
                 f"{say_number(r(6, 11))} thirty", f"{say_number(r(1, 11))} o'clock"),
        "date": (f"the {rng.choice(('third', 'ninth', 'twelfth', 'twenty first'))} of "
                 f"{rng.choice(MONTHS)}", f"next {rng.choice(WEEKDAYS)}"),
        "year": (f"twenty {say_number(r(10, 25))}", f"nineteen {say_number(r(71, 99))}"),
        "later_year": (f"twenty {say_number(r(26, 32))}",),
        "flight": (f"{spell(rng.choice(('EI', 'TK', 'QF', 'FJ', 'UL')))} "
                   f"{say_number(r(2, 999))}",),
        "train": (f"{say_number(r(6, 11))} {say_number(r(12, 59))} to {rng.choice(TRAIN_TOWNS)}",
                  f"I C E {say_number(r(100, 999))}"),
        "gate": (f"{rng.choice('ABCDE')} {say_number(r(1, 60))}", say_number(r(2, 90))),
        "version": (f"{say_number(r(1, 18))} point {say_number(r(0, 9))}",
                    f"{say_number(r(1, 5))} point {say_number(r(0, 9))} point "
                    f"{say_number(r(0, 9))}"),
        "model": ("Pixel nine", "Galaxy A fifty five", "AirPods Pro two", "PS five Slim",
                  "Dyson V fifteen", "Garmin Venu three"),
        "lottery": (", ".join(say_number(n) for n in sorted(rng.sample(range(1, 60), 5)))
                    + f" and {say_number(r(1, 59))}",),
        "raffle": (say_digits(_d(rng, 3), rng), f"{rng.choice('ABC')} {say_number(r(100, 999))}"),
        "bus": (say_number(r(2, 199)), f"N {say_number(r(1, 99))}",
                f"X {say_number(r(1, 99))}"),
        "room": (say_digits(str(r(101, 1499)), rng),),
        "temp": (say_number(r(16, 24)),),
        "oven": (say_number(rng.choice((160, 180, 200, 220))),),
        "dose": (f"{say_number(rng.choice((200, 400, 500)))} milligrams",
                 f"{say_number(r(2, 10))} mils", f"{say_number(r(2, 4))} puffs"),
        "dns": ("eight dot eight dot eight dot eight", "one dot one dot one dot one",
                "nine dot nine dot nine dot nine", "eight eight four four"),
        "score": (f"{say_number(r(1, 4))} nil", f"{say_number(r(1, 4))} all",
                  f"{say_number(r(2, 5))} one"),
        "pct": (f"{say_number(r(5, 30))} percent",),
    }
    return fold(rng.choice(choices[name]))


TYPED_NEGATIVES = (
    "Where is order <order>? It said it would arrive <date>",
    "Tracking number <tracking> hasn't moved since <weekday>",
    "Confirmation number <longref> - can I change the pickup to <time>?",
    "Invoice <invoice> for <price> is overdue, pay it from the business account",
    "Ticket <ticket> is still open, any update from IT?",
    "Claim <claim> was approved for <price>",
    "Case number <case>: the hearing is at <time> on <date>",
    "Policy <policy> renews on <date>, is <price> the new premium?",
    "Gym membership <membership> - is the pool open at <time>?",
    "Reference <longref> on the statement, what is that?",
    "What is <qty_unit> in <unit>?",
    "Flight <flight> boards at gate <gate> at <time>",
    "Is <train> running on time?",
    "Install the <version> update tonight",
    "Serial <serial> for the warranty claim, model <model>",
    "Product code <sku> - do they have it in size <small>?",
    "Saturday's lottery numbers were <lottery>",
    "Raffle ticket <raffle> won the hamper!",
    "When does the <bus> bus come?",
    "Room <room> is freezing, set the thermostat to <temp>°C",
    "Dad needs <dose> of his medicine at <time>",
    "The TV's MAC address is <mac>, allow it on the wifi",
    "Is <dns> faster than the ISP's DNS?",
    "Play something by <band>",
    "How tall is <figure>?",
    "Who voiced <character> in the film?",
    "Did <team> win on <weekday>? <score>?",
    "Is <shop> open till <time> on <weekday>?",
    "Book <restaurant> for <small> at <time>",
    "What's the weather in <place> on <date>?",
    "Is <street> pedestrianised now?",
    "Will it snow in <place> before <month>?",
    "Summer holidays start <date>, look at flights to <place> under <cheap>",
    "Rose or red with the lamb? Budget <cheap>",
    "How do I jack the car up on a slope? Need it done by <time>",
    "Is there a grace period on the <subscription> payment?",
    "Amber weather warning for <place> from <time>",
    "<shop> sale: the <model> is down to <price>, and is anything from <brand> worth <cheap>?",
    "My step count was <qty> today, the record is <qty>",
    "Mark my words, <team> will win the league in <later_year>",
)

SPOKEN_NEGATIVES = (
    "where's my order, it's <order>",
    "track parcel <tracking>",
    "the confirmation number is <longref>",
    "the invoice number is <invoice> and it's for <price>",
    "my ticket number is <ticket>, any update",
    "claim <claim> was approved",
    "the case number is <case>, the hearing's at <time>",
    "my policy number is <policy>, when does it renew",
    "my membership number is <membership>",
    "the reference on the letter is <longref>",
    "how many <unit> is <qty_unit>",
    "flight <flight> is boarding from gate <gate>",
    "is the <train> on time",
    "update my phone to version <version>",
    "tonight's lottery numbers were <lottery>",
    "my raffle ticket is number <raffle>",
    "when's the next <bus> bus",
    "room <room> is freezing, set it to <temp> degrees",
    "give Dad <dose> of his medicine at <time>",
    "change the router's DNS to <dns>",
    "play something by <band>",
    "how tall is <figure>",
    "who voiced <character>",
    "did <team> win on <weekday>",
    "is <shop> open till <time>",
    "book <restaurant> for <small> people at <time>",
    "what's the weather like in <place> on <weekday>",
    "is <street> closed for the parade",
    "will it snow in <place> this <month>",
    "do the summer holidays start before <date>",
    "what wine goes with lamb, a rose or a red, under <cheap>",
    "how do I jack the car up safely before <time>",
    "is there a grace period on the <subscription> bill",
    "is there an amber warning for <place> on <weekday>",
    "is anything from <brand> worth <cheap>",
    "set an alarm for <time>",
    "split <price> between <small> of us",
    "sunny spells in <place> today, about <temp> degrees",
    "preheat the oven to <oven> degrees",
    "what year did <figure> retire, was it <year>",
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


# Abbreviations that are also English words: never labels (a postcode's "ME", a state "OK").
WORDY = frozenset({
    "or", "in", "oh", "me", "on", "hi", "ok", "id", "al", "la", "ma", "pa", "de", "co", "md",
    "am", "as", "so", "be", "do", "us", "is", "it", "at", "to", "an", "he", "we", "no", "go",
})
LABEL_STOP = GENERIC | DOMAIN_GENERIC | WORDY | {"dot", "underscore", "dash", "plus"}


def _labels_hold(text: str, context: str, values: list[dict], form: str) -> bool:
    """Every rule a label must meet; a fill that breaks one is drawn again."""
    if rebuild_context(text, values) != context:
        return False
    if any(len(w) < 2 or w.casefold() in LABEL_STOP for v in values for w in v["words"]):
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
    for _ in range(300):
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


def stored_template(template: str) -> str:
    """The template as stored: slot styles dropped, so only the kinds remain."""
    return _SLOT.sub(lambda m: "{" + m[1] + "}", template)


def _item(text, form, template, context, values) -> dict:
    """One item in the schema's key order."""
    return {"text": text, "form": form, "split": split_of(template), "source": SOURCE,
            "template": template, "context": context, "values": values}


def _data_items(rng: random.Random, seen: set[str]) -> list[dict]:
    """Each data template filled FILLS times, no sentence twice."""
    stored = [stored_template(t) for t in TYPED_TEMPLATES + SPOKEN_TEMPLATES]
    if len(set(stored)) != len(stored):
        raise RuntimeError("two templates store the same frame")
    items = []
    for form, templates in (("typed", TYPED_TEMPLATES), ("spoken", SPOKEN_TEMPLATES)):
        for template in templates:
            for _ in range(FILLS):
                text, context, values = fill(template, form, rng)
                while text in seen:
                    text, context, values = fill(template, form, rng)
                seen.add(text)
                items.append(_item(text, form, stored_template(template), context, values))
    return items


def _negative_items(rng: random.Random, seen: set[str]) -> list[dict]:
    """Each negative frame filled FILLS times; the sentence is its own template."""
    items = []
    for form, frames in (("typed", TYPED_NEGATIVES), ("spoken", SPOKEN_NEGATIVES)):
        for frame in frames:
            for _ in range(FILLS):
                text = fill_negative(frame, form, rng)
                while text in seen or (form == "spoken" and re.search(r"\d", text)):
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

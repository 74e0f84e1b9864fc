"""Blind set 8: personal data in loose, messy, everyday requests to a voice assistant.

Why it exists: the masker's own corpus was written by people who knew what the masker
catches, so its score on that corpus says little about the sentences real users say. This
set was written from scratch by an author who never read the masker, its rules, its corpus
or its results, so a score on it is an independent measurement.

What it covers: what people really say or type, in a looser style than the earlier sets.
Speech is disfluent and run-on ("um", "uh", "sorry", "no wait", repeated words,
self-corrections from one name or number to another); typed chat is often all lower case
with no punctuation; Whisper-style transcripts carry digits, commas between number groups,
capitalised sentence starts and "Mr." with a dot. The requests come from school and
childcare, sports clubs and gyms, banking and bills, renting and moving house, deliveries
and returns, pets and vets, hobbies and volunteering, the care of elderly parents, online
accounts and password resets, government forms (benefits, tax, voter registration),
insurance claims, emergency contacts and home networks. Names come from more than 25
cultures and in every shape: first names alone, full names, titles, possessives, names with
no cue in mid-sentence, names that are ordinary words (Hope, Will, Mark, Grace, Frank),
nicknames, lower-case names, hyphenated and multi-part names, names in lists. Addresses come
from 28 countries, with flats, units, letter suffixes ("forty two b"), c/o lines, PO boxes
and rural routes. Phones come from 40 regions, some with extensions; IP addresses belong to
the user's own devices (router, cameras, home servers, the home connection).
Every sentence is "typed" (numbers as digits, as people type and as Whisper writes speech)
or "spoken" (no digit characters: numbers said one by one, in pairs, with double, triple,
oh, nought, hundred; letters spelled; "at", "dot", "dash", "underscore", "plus" in e-mails).
Hard negatives hold no personal data at all: order, invoice, tracking, booking, policy,
claim and reference numbers, prices, quantities with units, times, dates, years, flight
numbers, software versions, MAC addresses, ports, public DNS resolvers, model and serial
numbers, product codes, scores, temperatures, famous people and fictional characters,
brands, shops, restaurants, teams, places alone, streets without a house number, and
person-like words that are not people ("Will it rain", "Mark the date", "grace period",
"bill me later", the months May and June).

Labelling rules:
- `surface` is the value exactly as it stands in the sentence; `context` is the sentence
  with each surface replaced by one space, so every number that is not personal stays in it.
- `digits` holds every digit the surface holds, written or said, in order: "double oh"
  gives "00", "fifteen" gives "15", "twenty one" gives "21", "hundred" appends "00".
  A phone extension belongs to the phone, so its digits come last.
- `words` holds the tokens that identify the value and must not survive masking: names,
  e-mail local part and domain name pieces, street names, towns, state names, postcode
  tokens and IBAN bank letters. Never generic words (street, road, box, dot, com, flat),
  never single letters or name particles (van, de, bin), never state abbreviations that are
  also English words, never plus-address tags. Each word occurs in the sentence as a whole
  token or spelled letter by letter, and never in the context.
- Titles (Mr., Ms, Dr., Coach) stay in the context; they identify no one. So do pet names.
- `split` is "heldout" when the first byte of sha256(template) is below 128, else "dev",
  so both fills of a template land in the same half.

Run `python -m appliance.benchmark.pii_blind8` to write tests/governance/pii_blind8.jsonl.
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

DATA_FILE = Path(__file__).resolve().parents[2] / "tests" / "governance" / "pii_blind8.jsonl"
SOURCE = "blind8"
KINDS = (
    "card", "us_ssn", "phone", "email", "iban", "ip_address", "street_address", "person_name",
)
SEED = 8_0808
FILLS = 2

# ---------------------------------------------------------------------------------------
# Names, hand-written: more than 25 cultures, some accented.

GIVEN_NAMES = (
    # Polish, Ukrainian, Russian, Czech, Hungarian, Romanian
    "Tomasz", "Kasia", "Grzegorz", "Małgorzata", "Paweł", "Oksana", "Taras", "Yulia",
    "Bohdan", "Anastasia", "Sergei", "Jiří", "Tereza", "Ondřej", "Zsófia", "Bence", "Réka",
    "Ioana", "Andrei",
    # Igbo, Yoruba, Hausa, Ghanaian, Kenyan, Zulu and Xhosa, Ethiopian, Somali
    "Adaeze", "Chinonso", "Obinna", "Nneka", "Ikenna", "Tunde", "Funmilayo", "Temitope",
    "Aminu", "Hauwa", "Kwabena", "Akosua", "Kojo", "Abena", "Wanjiku", "Achieng", "Mutua",
    "Chebet", "Sipho", "Nomvula", "Thandeka", "Lungile", "Ayanda", "Abebe", "Tigist",
    "Dawit", "Selam", "Abdi", "Hodan", "Farhiya", "Liban",
    # Hawaiian, Maori, Samoan and Tongan
    "Keanu", "Makana", "Noelani", "Tama", "Mere", "Hine", "Nikau", "Losa", "Tevita", "Mele",
    # Vietnamese, Chinese, Japanese, Korean, Thai, Indonesian, Filipino
    "Linh", "Minh", "Thao", "Huong", "Jiayi", "Xinyi", "Zhiwei", "Yuki", "Daisuke", "Aiko",
    "Kenta", "Emi", "Minji", "Jisoo", "Dong-hyun", "Seo-jun", "Somchai", "Nattaya",
    "Kittipong", "Putri", "Agus", "Dewi", "Maricel", "Jericho", "Rowena",
    # Indian, Pakistani
    "Ananya", "Rohan", "Kavya", "Aditya", "Ishaan", "Karthik", "Meenakshi", "Senthil",
    "Sourav", "Riya", "Arnab", "Gurpreet", "Harjit", "Simran", "Manpreet", "Ayesha", "Bilal",
    "Hamza", "Sana",
    # Arabic, Persian, Turkish, Hebrew, Armenian, Georgian, Greek
    "Omar", "Layla", "Khalid", "Mariam", "Youssef", "Salma", "Darius", "Shirin", "Arash",
    "Niloufar", "Emre", "Burak", "Selin", "Yael", "Eitan", "Armen", "Anahit", "Narek",
    "Nino", "Giorgi", "Nikos", "Eleni", "Giorgos",
    # Italian, Spanish, Mexican, Brazilian
    "Francesca", "Matteo", "Alessandro", "Giorgia", "Alba", "Javier", "Nerea", "Iker",
    "Guadalupe", "Diego", "Xóchitl", "Itzel", "Thiago", "Larissa", "João", "Gabriela",
    # German, Dutch, Scandinavian, Finnish
    "Jürgen", "Katrin", "Maximilian", "Friederike", "Sanne", "Joris", "Femke", "Wouter",
    "Astrid", "Sven", "Freja", "Magnus", "Solveig", "Aino", "Jukka", "Tuomas",
    # Irish, Scottish, Welsh, English, American, Caribbean
    "Niamh", "Cillian", "Róisín", "Donal", "Ailsa", "Hamish", "Kirsty", "Euan", "Dafydd",
    "Cerys", "Gethin", "Angharad", "Imogen", "Maya", "Jamal", "Harriet", "Chloe", "Ethan",
    "Madison", "DeShawn", "Imani", "Brody", "Kayleigh", "Shanice", "Delroy", "Marcia",
)

SURNAMES = (
    "Wiśniewski", "Zając", "Lewandowska", "Kamiński", "Dąbrowski", "Shevchenko", "Bondar",
    "Kovalenko", "Melnyk", "Smirnov", "Popova", "Morozov", "Novák", "Dvořák", "Svoboda",
    "Nagy", "Kovács", "Tóth", "Popescu", "Ionescu", "Dumitru",
    "Nwachukwu", "Anozie", "Ugwu", "Okeke", "Onyekachi", "Adeleke", "Ogunleye", "Olatunji",
    "Balogun", "Abubakar", "Danjuma", "Garba", "Asante", "Owusu", "Appiah", "Darko", "Wafula",
    "Kiprono", "Njoroge", "Omondi", "Chepkoech", "Zungu", "Mokoena", "Nxumalo", "Mabuza",
    "Cele", "Tesfaye", "Bekele", "Haile", "Girma", "Warsame", "Farah", "Jama",
    "Kealoha", "Nakoa", "Kanahele", "Tipene", "Parata", "Ruatapu", "Whaanga", "Faleolo",
    "Tuiasosopo", "Vaipulu",
    "Hoang", "Vu", "Dang", "Bui", "Truong", "Wang", "Liu", "Zhang", "Huang", "Lin", "Guo",
    "Suzuki", "Kobayashi", "Fujita", "Inoue", "Matsumoto", "Choi", "Jung", "Kang", "Han",
    "Srisai", "Chaiyaporn", "Wongsakul", "Wijaya", "Santoso", "Halim", "Bautista", "Aquino",
    "Dizon", "Manalo",
    "Sharma", "Reddy", "Nair", "Krishnan", "Banerjee", "Gill", "Sidhu", "Mehta", "Desai",
    "Pillai", "Chaudhry", "Malik", "Siddiqui", "Awan",
    "Al-Farsi", "Nasser", "Khalil", "Mansour", "Saleh", "Hamdan", "Tehrani", "Moradi",
    "Jafari", "Ahmadi", "Öztürk", "Aydın", "Kaya", "Şahin", "Arslan", "Cohen", "Levi",
    "Mizrahi", "Friedman", "Petrosyan", "Hakobyan", "Sargsyan", "Beridze", "Kapanadze",
    "Georgiou", "Christodoulou", "Papadakis", "Alexiou",
    "Conti", "Marino", "Greco", "Fontana", "Barbieri", "Moreno", "Iglesias", "Aguirre",
    "Etxeberria", "Hernández", "Ramos", "Villanueva", "Guerrero", "Oliveira", "Souza",
    "Carvalho", "Almeida", "Rocha",
    "Müller", "Schneider", "Hoffmann", "Krüger", "Weber", "Zimmermann", "Visser", "Janssen",
    "Smit", "Andersson", "Nilsson", "Berg", "Dahl", "Lund", "Hansen", "Nielsen", "Virtanen",
    "Korhonen", "Mäkinen",
    "Murphy", "Byrne", "Kavanagh", "Moloney", "Kennedy", "MacDonald", "Campbell", "Fraser",
    "Buchanan", "Llewellyn", "Pritchard", "Bowen", "Thompson", "Whitaker", "Ashworth",
    "Pennington", "Rodriguez", "Sullivan", "Coleman", "Hayes", "O'Brien", "McGregor",
)

# Given names and surnames that are also ordinary English words.
WORD_GIVEN = (
    "Hope", "Faith", "Summer", "Hunter", "Rose", "Will", "Bill", "Mark", "Grace", "Dawn",
    "Frank", "Joy", "Holly", "Daisy", "Ruby", "Penny", "Sandy", "Rob", "Pat", "Skye", "Wren",
    "Ray", "Sage", "Iris", "Heather", "Chase", "Brook", "Glen", "Dale", "Patience",
)
WORD_SURNAMES = (
    "Shepherd", "Mason", "Fox", "Stone", "Bell", "Green", "Banks", "Cross", "Field", "Snow",
    "Hart", "Woods", "Wells", "Rivers", "Sharp", "Strong", "Dean", "Booth", "Price", "Page",
    "Sterling", "Lamb", "Nightingale", "Chandler", "Miller", "Carpenter", "Glass", "Steel",
)

# Nicknames and short forms people use in chat and speech.
NICKNAMES = (
    "Bex", "Jonno", "Tash", "Gaz", "Mo", "Kaz", "Lulu", "Jojo", "Tomek", "Sasha", "Gosia",
    "Kuba", "Benji", "Nikki", "Tiff", "Sully", "Manny", "Lupe", "Deji", "Fitz", "Pip",
    "Dima", "Chidi", "Bongi", "Tumi", "Rafa", "Ally", "Mickey",
)

# Hyphenated and multi-part names of many cultures, as (given names, surname).
MULTI_NAMES = (
    ("Mary Grace", "dela Cruz"), ("Juan Carlos", "Martínez López"), ("Ana Lucía", "Castro Vega"),
    ("Hans-Peter", "Müller-Lüdenscheidt"), ("Karl-Heinz", "Schröder"), ("Mei-Ling", "Chang"),
    ("Ji-hoon", "Lee"), ("Nur Aisyah", "binti Hamzah"), ("Abdullahi", "Musa Danladi"),
    ("Oluwadamilare", "Ogunbiyi-Cole"), ("Thu Trang", "Vu"), ("Maeve", "Ní Chonaill"),
    ("Marie-Josée", "Tremblay"), ("Jean-Luc", "Bouchard-Gagnon"), ("Siddharth", "Rao-Menon"),
    ("Priya Lakshmi", "Subramaniam"), ("Tevita", "Fifita-Taufa"), ("Hinemoa", "Te Rangi"),
    ("Kauanoe", "Kamakau-Lee"), ("Saad", "Al-Zahrani"), ("Esther", "Adjei-Mensah"),
    ("Mbali", "Ndlovu-Khumalo"), ("Inés", "de la Fuente"), ("Pedro Henrique", "da Silva Costa"),
    ("Anneke", "van den Heuvel"), ("Lars Erik", "Holmqvist"), ("Zoë", "van der Merwe"),
    ("Mohammad Reza", "Hosseinzadeh"), ("Ebru", "Yıldız-Kara"), ("Katarzyna", "Nowicka-Zając"),
    ("Giovanni", "Di Stefano"), ("Sean Patrick", "Mac Giolla"), ("Aaliyah", "St. Clair-Brown"),
    ("Nguyen", "Van Thanh"), ("Yaw Boateng", "Ofori-Atta"), ("Guðmundur", "Þórsson"),
)

# Name particles: part of a name, yet identifying no one on their own.
PARTICLES = frozenset({
    "van", "der", "den", "de", "del", "della", "la", "le", "da", "dos", "das", "di", "du",
    "von", "bin", "binti", "al", "el", "ibn", "ni", "ní", "nic", "te", "ó", "o", "y", "ter",
    "dela", "mac", "st",
})

# Words that name a kind of place, never a place: never labels.
GENERIC = frozenset({
    "street", "st", "road", "rd", "lane", "ln", "avenue", "ave", "av", "drive", "dr", "way",
    "close", "court", "ct", "place", "pl", "crescent", "terrace", "grove", "boulevard", "blvd",
    "park", "rue", "quai", "chaussée", "calle", "carrer", "avenida", "via", "corso", "rua",
    "travessa", "rúa", "ul", "ulica", "flat", "apt", "apartment", "apto", "unit", "house",
    "col", "colonia", "ku", "des", "dei", "do", "am", "san", "santa", "saint", "sainte",
    "new", "north", "south", "east", "west", "city", "town", "the", "of", "and", "co",
    "gate", "gasse", "straße", "strasse", "box", "po", "site", "comp", "county",
    "cottage", "farm", "blk", "block", "bis", "bte", "piso", "depto", "int", "lgh", "plot",
    "no", "sector", "villas", "heights", "apartments", "residency", "towers", "layout",
    "vihar", "enclave", "gardens", "trail", "walk", "hill", "bay", "point", "old",
    "upper", "lower", "great", "little", "market", "main", "phase", "estate",
    "brgy", "barangay", "floor", "suite", "route", "rural", "delivery", "station", "quay",
    "bus", "lot", "hse", "top", "ciudad",
}) | PARTICLES

# ---------------------------------------------------------------------------------------
# Addresses, hand-written, from 28 countries.

US_STREETS = (
    "Juniper Street", "Wabash Avenue", "Alder Court", "Piedmont Avenue", "Cottonwood Drive",
    "Winthrop Road", "Sequoia Lane", "Mulberry Street", "Pawnee Drive", "Arapahoe Avenue",
    "Beacon Street", "Greenbrier Lane", "Dogwood Trail", "Chisholm Drive", "Belmont Avenue",
)
# (city, state, abbreviation or None when it is an English word or absent, ZIP prefix)
US_CITIES = (
    ("Asheville", "North Carolina", "NC", "288"), ("Bozeman", "Montana", "MT", "597"),
    ("Omaha", "Nebraska", "NE", "681"), ("Flagstaff", "Arizona", "AZ", "860"),
    ("Burlington", "Vermont", "VT", "054"), ("Providence", "Rhode Island", "RI", "029"),
    ("Des Moines", "Iowa", None, "503"), ("Anchorage", "Alaska", "AK", "995"),
    ("Tulsa", "Oklahoma", None, "741"), ("Pittsburgh", "Pennsylvania", None, "152"),
    ("Baton Rouge", "Louisiana", None, "708"), ("Provo", "Utah", "UT", "846"),
    ("Charleston", "South Carolina", "SC", "294"), ("Fargo", "North Dakota", "ND", "581"),
    ("Buffalo", "New York", "NY", "142"), ("Reno", "Nevada", "NV", "895"),
    ("Lexington", "Kentucky", "KY", "405"), ("Worcester", "Massachusetts", None, "016"),
    ("Hartford", "Connecticut", "CT", "061"), ("Wichita", "Kansas", "KS", "672"),
    ("Boulder", "Colorado", None, "803"), ("Dayton", "Ohio", None, "454"),
)
US_RURAL = (
    ("Wray", "Colorado", None, "807"), ("Ely", "Minnesota", "MN", "557"),
    ("Marfa", "Texas", "TX", "798"), ("Moab", "Utah", "UT", "845"),
    ("Decorah", "Iowa", None, "521"), ("Sisters", "Oregon", None, "977"),
)
UK_STREETS = (
    "Ashgrove Road", "Cromwell Terrace", "Bellevue Crescent", "Tanners Lane",
    "Kingfisher Close", "Marlowe Road", "Sandringham Drive", "Wharfedale Street",
    "Osborne Road", "Heathfield Avenue", "Rectory Lane", "Lidgett Lane", "Fernbank Drive",
)
UK_TOWNS = (
    ("Oxford", "OX"), ("Harrogate", "HG"), ("Dundee", "DD"), ("Plymouth", "PL"),
    ("Cambridge", "CB"), ("Liverpool", "L"), ("Nottingham", "NG"), ("Southampton", "SO"),
    ("Hull", "HU"), ("Inverness", "IV"), ("Newport", "NP"), ("Lancaster", "LA"),
    ("Carlisle", "CA"), ("Colchester", "CO"), ("Stirling", "FK"), ("London", "SE"),
    ("London", "N"), ("London", "SW"), ("London", "E"), ("Wrexham", "LL"),
)
UK_RURAL = (
    # (house name, its identifying word, village, post town, postcode area)
    ("Honeysuckle Cottage", "Honeysuckle", "Aysgarth", "Leyburn", "DL"),
    ("Westfield Farm", "Westfield", "Bibury", "Cirencester", "GL"),
    ("The Old Forge", "Forge", "Dunster", "Minehead", "TA"),
    ("Brambles", "Brambles", "Clovelly", "Bideford", "EX"),
    ("Tŷ Gwyn", "Gwyn", "Llanrhaeadr", "Oswestry", "SY"),
    ("Orchard House", "Orchard", "Lacock", "Chippenham", "SN"),
)
IE_STREETS = (
    "Griffith Avenue", "Mardyke Walk", "Lough Atalia Road", "O'Connell Avenue",
    "Ballinlough Road", "Mount Eden Road", "Tuam Road", "Dominick Street",
)
IE_TOWNS = (
    ("Athlone", "N37"), ("Tralee", "V92"), ("Ennis", "V95"), ("Navan", "C15"),
    ("Letterkenny", "F92"), ("Westport", "F28"), ("Mullingar", "N91"), ("Dundalk", "A91"),
    ("Cork", "T12"), ("Galway", "H91"), ("Drumcondra", "D09"),
)
IE_RURAL = (
    # (townland, village, county, routing key)
    ("Derrylahan", "Kiltyclogher", "Leitrim", "F91"), ("Cloonfad", "Ballyhaunis", "Mayo", "F35"),
    ("Knockbrack", "Ballinhassig", "Cork", "P43"), ("Gortnahoe", "Thurles", "Tipperary", "E41"),
    ("Tullyvin", "Cootehill", "Cavan", "H16"), ("Ballinaboy", "Clifden", "Galway", "H71"),
)
IE_EIRCODE = "ACDEFHKNPRTVWXY"
CA_STREETS = (
    "Granville Street", "Robson Street", "Jasper Avenue", "Rue Sherbrooke", "Barrington Street",
    "Yonge Street", "Dufferin Street", "Kingsway", "Albert Street",
)
# (city, province, abbreviation or None, first half of the postal code)
CA_CITIES = (
    ("Edmonton", "Alberta", "AB", "T5J"), ("Victoria", "British Columbia", "BC", "V8W"),
    ("Saskatoon", "Saskatchewan", "SK", "S7K"), ("Regina", "Saskatchewan", "SK", "S4P"),
    ("Fredericton", "New Brunswick", "NB", "E3B"), ("Kingston", "Ontario", None, "K7L"),
    ("Québec", "Quebec", "QC", "G1R"), ("Kelowna", "British Columbia", "BC", "V1Y"),
    ("Charlottetown", "Prince Edward Island", "PE", "C1A"),
)
CA_RURAL = (
    ("Didsbury", "Alberta", "AB", "T0M"), ("Nipawin", "Saskatchewan", "SK", "S0E"),
    ("Antigonish", "Nova Scotia", "NS", "B2G"), ("Gimli", "Manitoba", "MB", "R0C"),
)
CA_LETTERS = "ABCEGHJKLMNPRSTVXY"
AU_STREETS = (
    "Acacia Avenue", "Lygon Street", "Oxley Road", "Gouger Street", "Beaufort Street",
    "Chapel Street", "Waratah Street", "Currawong Close", "Brunswick Road",
)
AU_TOWNS = (
    ("Carlton", "Victoria", "VIC", "3053"), ("Bondi", "New South Wales", "NSW", "2026"),
    ("Toowong", "Queensland", "QLD", "4066"), ("Subiaco", "Western Australia", None, "6008"),
    ("Norwood", "South Australia", "SA", "5067"), ("Launceston", "Tasmania", "TAS", "7250"),
    ("Braddon", "Australian Capital Territory", None, "2612"),
)
AU_PO_TOWNS = (
    ("Mudgee", "New South Wales", "NSW", "2850"), ("Broome", "Western Australia", None, "6725"),
    ("Bendigo", "Victoria", "VIC", "3552"), ("Mackay", "Queensland", "QLD", "4740"),
)
NZ_STREETS = (
    "Cuba Street", "Colombo Street", "Dominion Road", "Pohutukawa Avenue", "Manuka Street",
    "Kauri Road", "Tasman Street",
)
NZ_TOWNS = (
    ("Wellington", "6011"), ("Christchurch", "8013"), ("Hamilton", "3204"),
    ("Tauranga", "3110"), ("Invercargill", "9810"), ("Gisborne", "4010"),
)
NZ_RURAL = (
    ("Ohauiti Road", "Tauranga", "3173"), ("Kaipaki Road", "Cambridge", "3493"),
    ("Whitehall Road", "Cambridge", "3496"), ("Matapouri Road", "Whangarei", "0173"),
)
DE_STREETS = (
    "Schillerstraße", "Rosenweg", "Am Mühlbach", "Birkenallee", "Friedrichstraße",
    "Kirchgasse", "Uhlandstraße", "Eichendorffweg",
)
DE_TOWNS = (
    ("Stuttgart", "70"), ("Nürnberg", "90"), ("Hannover", "30"), ("Münster", "48"),
    ("Heidelberg", "69"), ("Mainz", "55"), ("Kiel", "24"), ("Potsdam", "14"),
)
AT_STREETS = ("Mariahilfer Straße", "Herrengasse", "Linzer Gasse", "Getreidegasse", "Annagasse")
AT_TOWNS = (
    ("Wien", "1060"), ("Graz", "8010"), ("Salzburg", "5020"), ("Innsbruck", "6020"),
    ("Linz", "4020"),
)
CH_STREETS = ("Bahnhofstrasse", "Spalenberg", "Kramgasse", "Rue du Rhône", "Seefeldstrasse")
CH_TOWNS = (
    ("Zürich", "8001"), ("Genève", "1204"), ("Basel", "4051"), ("Bern", "3011"),
    ("Lausanne", "1003"), ("Luzern", "6003"),
)
FR_STREETS = (
    "rue de la République", "avenue des Ternes", "rue Sainte-Catherine", "quai des Chartrons",
    "rue Oberkampf", "boulevard Gambetta", "rue des Capucins",
)
FR_TOWNS = (
    ("Bordeaux", "33000"), ("Strasbourg", "67000"), ("Montpellier", "34000"),
    ("Grenoble", "38000"), ("Dijon", "21000"), ("Angers", "49000"), ("Tours", "37000"),
)
BE_STREETS = ("Rue Haute", "Meir", "Korenmarkt", "Vlaanderenstraat", "Rue Sainte-Walburge")
BE_TOWNS = (
    ("Bruxelles", "1000"), ("Antwerpen", "2000"), ("Gent", "9000"), ("Liège", "4000"),
    ("Leuven", "3000"), ("Namur", "5000"),
)
NL_STREETS = (
    "Keizersgracht", "Nieuwe Binnenweg", "Lange Voorhout", "Biltstraat", "Herengracht",
    "Breestraat", "Kerkstraat",
)
NL_TOWNS = (
    ("Leiden", "23"), ("Delft", "26"), ("Nijmegen", "65"), ("Maastricht", "62"),
    ("Zwolle", "80"), ("Amsterdam", "10"),
)
NL_LETTERS = "BCEGHJKLMNPRTVWXZ"
ES_STREETS = (
    "Calle Mayor", "Carrer de Sants", "Calle Larios", "Calle Sierpes", "Rúa do Franco",
    "Calle de Toledo", "Carrer de Pelai",
)
ES_TOWNS = (
    ("Zaragoza", "500"), ("Salamanca", "370"), ("Alicante", "030"), ("Córdoba", "140"),
    ("Vigo", "362"), ("Pamplona", "310"),
)
PT_STREETS = (
    "Rua Garrett", "Rua de Santa Catarina", "Avenida da Liberdade", "Rua das Flores",
    "Travessa do Carmo", "Rua de Cedofeita",
)
PT_TOWNS = (
    ("Lisboa", "1200"), ("Porto", "4050"), ("Coimbra", "3000"), ("Braga", "4700"),
    ("Faro", "8000"),
)
IT_STREETS = (
    "Via Roma", "Via Cavour", "Via Nizza", "Corso Buenos Aires", "Via Etnea", "Via Zamboni",
    "Via Mazzini",
)
IT_TOWNS = (
    ("Genova", "161"), ("Verona", "371"), ("Catania", "951"), ("Padova", "351"),
    ("Bari", "701"), ("Trieste", "341"),
)
PL_STREETS = (
    "ul. Nowy Świat", "ul. Marszałkowska", "ul. Grodzka", "ul. Mariacka", "ul. Kościuszki",
)
PL_TOWNS = (
    ("Warszawa", "00"), ("Lublin", "20"), ("Szczecin", "70"), ("Toruń", "87"),
    ("Białystok", "15"), ("Katowice", "40"),
)
SE_STREETS = ("Drottninggatan", "Götgatan", "Kungsgatan", "Linnégatan", "Storgatan")
SE_TOWNS = (
    ("Stockholm", "11"), ("Göteborg", "41"), ("Malmö", "21"), ("Uppsala", "75"),
    ("Umeå", "90"),
)
NO_STREETS = (
    "Karl Johans gate", "Thorvald Meyers gate", "Kongens gate", "Olav Tryggvasons gate",
    "Markveien",
)
NO_TOWNS = (
    ("Oslo", "0"), ("Bergen", "5"), ("Trondheim", "7"), ("Tromsø", "9"), ("Stavanger", "4"),
)
DK_STREETS = ("Nørrebrogade", "Vesterbrogade", "Jægersborggade", "Søndergade", "Istedgade")
DK_TOWNS = (
    ("København", "2200"), ("Aarhus", "8000"), ("Odense", "5000"), ("Aalborg", "9000"),
    ("Esbjerg", "6700"),
)
CZ_STREETS = ("Vinohradská", "Korunní", "Masarykova", "Husova", "Nerudova")
CZ_TOWNS = (
    ("Praha", "120"), ("Brno", "602"), ("Ostrava", "702"), ("Plzeň", "301"),
    ("Olomouc", "779"),
)
IN_BUILDINGS = (
    "Sunshine Heights", "Emerald Residency", "Nilgiri Apartments", "Parijat Towers",
    "Ganga Vihar", "Brindavan Enclave",
)
IN_TOWNS = (
    ("HSR Layout", "Bengaluru", "5601"), ("Vashi", "Navi Mumbai", "4007"),
    ("Aundh", "Pune", "4110"), ("Gachibowli", "Hyderabad", "5000"),
    ("Anna Nagar", "Chennai", "6000"), ("Malviya Nagar", "Jaipur", "3020"),
)
SG_STREETS = (
    ("Tampines Street", "52"), ("Ang Mo Kio Avenue", "56"), ("Bedok North Road", "46"),
    ("Jurong West Street", "64"), ("Yishun Ring Road", "76"),
)
ZA_STREETS = (
    "Kloof Street", "Rivonia Road", "Musgrave Road", "Beyers Naudé Drive", "Jan Smuts Avenue",
    "Bree Street",
)
ZA_TOWNS = (
    ("Sea Point", "Cape Town", "8005"), ("Parkhurst", "Johannesburg", "2193"),
    ("Berea", "Durban", "4001"), ("Brooklyn", "Pretoria", "0181"),
    ("Rondebosch", "Cape Town", "7700"), ("Orlando West", "Soweto", "1804"),
)
ZA_PO_TOWNS = (("Stellenbosch", "7599"), ("Knysna", "6570"), ("Polokwane", "0700"))
NG_STREETS = (
    "Bode Thomas Street", "Opebi Road", "Admiralty Way", "Ademola Adetokunbo Crescent",
    "Herbert Macaulay Way", "Awolowo Avenue",
)
NG_TOWNS = (
    ("Surulere", "Lagos"), ("Garki", "Abuja"), ("Bodija", "Ibadan"), ("Yaba", "Lagos"),
    ("Rumuola", "Port Harcourt"),
)
GH_STREETS = (
    "Liberation Road", "Kojo Thompson Road", "Cantonments Road", "Nsawam Road",
    "Labone Crescent",
)
GH_TOWNS = (("Osu", "Accra"), ("Adabraka", "Accra"), ("Asokwa", "Kumasi"), ("Labone", "Accra"))
KE_STREETS = (
    "Riverside Drive", "Mombasa Road", "Moi Avenue", "Oginga Odinga Street",
    "Kenyatta Avenue", "James Gichuru Road",
)
KE_TOWNS = (
    ("Lavington", "Nairobi"), ("Karen", "Nairobi"), ("Tudor", "Mombasa"),
    ("Milimani", "Nakuru"), ("Kileleshwa", "Nairobi"),
)
MX_STREETS = (
    "Avenida Insurgentes Sur", "Calle Madero", "Calle Colima", "Avenida Chapultepec",
    "Calle Tonalá",
)
MX_TOWNS = (
    ("Coyoacán", "04100", "Ciudad de México"), ("Polanco", "11550", "Ciudad de México"),
    ("Juárez", "06600", "Ciudad de México"), ("Lafayette", "44150", "Guadalajara"),
    ("Obispado", "64060", "Monterrey"),
)
BR_STREETS = (
    "Rua Haddock Lobo", "Avenida Paulista", "Rua Voluntários da Pátria", "Rua dos Andradas",
    "Rua Chile",
)
BR_TOWNS = (
    ("Porto Alegre", "RS", "90020"), ("Salvador", "BA", "40020"), ("Recife", "PE", "50030"),
    ("Fortaleza", "CE", "60165"), ("Florianópolis", "SC", "88010"),
    ("São Paulo", "SP", "01414"),
)
AR_STREETS = (
    "Avenida Corrientes", "Calle Defensa", "Avenida Santa Fe", "Calle Thames", "Calle Uriburu",
)
AR_TOWNS = (("Buenos Aires", "C"), ("Córdoba", "X"), ("Rosario", "S"), ("Mendoza", "M"))
JP_AREAS = (
    ("Ebisu", "Shibuya", "Tokyo", "150"), ("Sakae", "Naka", "Nagoya", "460"),
    ("Umeda", "Kita", "Osaka", "530"), ("Motomachi", "Naka", "Yokohama", "231"),
    ("Odori", "Chuo", "Sapporo", "060"), ("Tenjin", "Chuo", "Fukuoka", "810"),
)
PH_STREETS = (
    "Jupiter Street", "Aurora Boulevard", "Escolta Street", "Colon Street", "Gil Puyat Avenue",
)
PH_TOWNS = (
    ("Bel-Air", "Makati", "1209"), ("Cubao", "Quezon City", "1109"),
    ("Ermita", "Manila", "1000"), ("Banilad", "Cebu City", "6000"),
    ("Poblacion", "Davao City", "8000"),
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


_FOLD = str.maketrans({
    "ß": "ss", "ł": "l", "Ł": "L", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "ø": "o",
    "Ø": "O", "æ": "ae", "Æ": "Ae", "œ": "oe", "ı": "i", "đ": "d",
})


def fold(text: str) -> str:
    """ASCII spelling for spoken text: a transcript rarely carries accents."""
    text = text.translate(_FOLD).replace("º", "")
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


# Person names. Styles: "" full name, first, sur, surfirst ("Surname, Given"), lower,
# lowerfirst, caps, initial, word, wordfirst, multi, nick, spelled, again, againsur.

def _pick_person(style: str, rng: random.Random, state: dict) -> tuple[str, str]:
    """A person not yet used in this sentence; multi-part names for a sixth of full names."""
    for _ in range(50):
        if style in ("word", "wordfirst"):
            person = (rng.choice(WORD_GIVEN), rng.choice(WORD_SURNAMES))
        elif style == "nick":
            person = (rng.choice(NICKNAMES), rng.choice(SURNAMES))
        elif style == "multi" or (style in ("", "surfirst", "caps", "lower")
                                  and rng.random() < 0.17):
            person = rng.choice(MULTI_NAMES)
        elif style in ("first", "lowerfirst") and rng.random() < 0.1:
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


def _name_surface(style: str, given: str, surname: str) -> tuple[str, str]:
    """The surface and canonical form of a name in one of the sentence shapes."""
    full = f"{given} {surname}"
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
    surface, canonical = _name_surface(style, given, surname)
    if style == "initial" and form == "spoken":
        surface = f"{given[0]} {surname}"
    if form == "spoken":
        surface = fold(surface)
    words = _name_words(surface, PARTICLES)
    if not words:
        raise _Retry
    return _value("person_name", surface, canonical, "", words)


# E-mail. Styles: "" usually the person just named, rand, biz, sub (a subdomain), plus.

PERSONAL_DOMAINS = (
    "gmail.com", "googlemail.com", "hotmail.co.uk", "outlook.ie", "yahoo.ca", "me.com",
    "protonmail.com", "pm.me", "web.de", "t-online.de", "orange.fr", "laposte.net",
    "ziggo.nl", "bigpond.com", "optusnet.com.au", "btinternet.com", "virginmedia.com",
    "comcast.net", "att.net", "verizon.net", "shaw.ca", "skynet.be", "bluewin.ch", "gmx.at",
    "seznam.cz", "interia.pl", "tiscali.it", "terra.com.br", "yahoo.co.in", "naver.com",
    "hanmail.net", "yandex.ru", "ukr.net", "zoho.com", "tutanota.com", "aol.com",
    "ymail.com", "icloud.com", "outlook.com", "spark.co.nz",
)
TRADES = (
    "pilates", "coaching", "vet", "removals", "bookkeeping", "gardens", "yoga", "physio",
    "childminding", "music", "design", "dogwalking",
)
SCHOOLS = (
    "oakfieldprimary", "stbrigids", "harbourside", "greenlanes", "kingsmeadow", "riverbank",
)
CLUBS = ("harriers", "rowingclub", "swimclub", "cricketclub", "allotments", "choir")
PLUS_TAGS = ("bills", "school", "gym", "shopping", "vet", "council", "insurance", "rent")
TLDS = frozenset({
    "com", "co", "uk", "me", "fr", "de", "net", "au", "it", "pl", "br", "ca", "nz", "fm",
    "org", "ie", "io", "shop", "at", "ch", "be", "nl", "cz", "ru", "ua", "in", "sch", "ac",
    "edu", "family", "name", "club", "email",
})
# Domain labels that name no one: providers' generic parts, school and club sub-labels.
DOMAIN_GENERIC = frozenset({
    "mail", "email", "online", "parents", "pupils", "students", "staff", "members", "home",
    "me", "pm", "web", "att",
}) | TLDS


def _email_person(style: str, rng: random.Random, state: dict) -> tuple[str, str]:
    """Usually the person just named, since people give their own address."""
    if "person" in state and style != "rand" and rng.random() < 0.7:
        return state["person"]
    return (rng.choice(GIVEN_NAMES), rng.choice(SURNAMES))


def _slug(name: str, last: bool) -> str:
    """A name piece as it appears in an address: first or last part, ASCII, lower case."""
    parts = [p for p in re.split(r"[\s\-'.]+", fold(name).lower()) if p and p not in PARTICLES]
    return parts[-1] if last else parts[0]


def _email_parts(style: str, given: str, surname: str, rng: random.Random):
    """The local part as (type, text) pieces: names, initials, separators, numbers, tags."""
    g, s = _slug(given, last=False), _slug(surname, last=True)
    num = str(rng.choice((rng.randint(1, 99), rng.randint(1968, 2012), rng.randint(100, 999))))
    shapes = [
        [("name", g), ("sep", "."), ("name", s)],
        [("name", g), ("name", s)],
        [("init", g[0]), ("name", s)],
        [("init", g[0]), ("sep", "."), ("name", s), ("num", num)],
        [("name", g), ("sep", "_"), ("name", s)],
        [("name", g), ("num", num)],
        [("name", s), ("sep", "_"), ("name", g), ("num", num)],
        [("name", g), ("sep", "-"), ("name", s)],
        [("name", g), ("sep", "."), ("init", s[0]), ("num", num)],
        [("name", s), ("name", g), ("num", num)],
        [("name", g), ("sep", "."), ("name", s), ("sep", "."), ("num", num)],
    ]
    if style == "plus":
        base = rng.choice(shapes[:2] + shapes[4:6])
        return base + [("plus", "+"), ("tag", rng.choice(PLUS_TAGS))]
    return rng.choice(shapes)


def _email_domain(style: str, surname: str, rng: random.Random) -> str:
    """A personal provider, a one-person business, or a school, club or family subdomain."""
    name = _slug(surname, last=True)
    if style == "biz" or (style == "" and rng.random() < 0.15):
        trade = rng.choice(TRADES)
        label = rng.choice((f"{name}{trade}", f"{name}-{trade}", f"{trade}by{name}"))
        return label + "." + rng.choice(("com", "co.uk", "ie", "de", "com.au", "nz", "shop"))
    if style == "sub" or (style == "" and rng.random() < 0.15):
        return rng.choice((
            f"parents.{rng.choice(SCHOOLS)}.sch.uk", f"mail.{name}.family",
            f"home.{name}.net", f"members.{rng.choice(CLUBS)}.org.uk",
            f"students.{rng.choice(SCHOOLS)}.ac.uk", f"{name}.name",
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


def _say_domain(domain: str) -> str:
    """Said as "gmail dot com" or "okafor dash yoga dot co dot uk"; "c z" spelled."""
    spoken = []
    for label in domain.split("."):
        if len(label) <= 2 and label not in ("co", "me", "pm"):
            spoken.append(spell(label).lower())
        elif label == "pm":
            spoken.append("p m")
        else:
            spoken.append(label.replace("-", " dash "))
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
        surface = canonical.capitalize() if rng.random() < 0.12 else canonical
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
    sep_words = {".": "dot", "_": "underscore", "-": "dash", "+": "plus"}
    spoken, words = [], []
    for kind, text in parts:
        if kind == "name":
            words.append(text)
            spoken.append(spell(text).lower() if rng.random() < 0.15 else text)
        elif kind in ("init", "tag"):
            spoken.append(text)
        elif kind in ("sep", "plus"):
            spoken.append(sep_words[text])
        else:
            spoken.append(say_digits(text, rng))
    surface = " ".join(spoken) + " at " + _say_domain(domain)
    return _value("email", surface, canonical, digits, words + domain_words)


# Phone numbers: random national numbers behind real prefixes, kept only when valid.
# Styles: a region code, intl, land (a home or office landline), ext (with an extension).

PHONE_PREFIXES = {
    "US": ("202", "305", "347", "480", "612", "720", "773", "901", "917", "971"),
    "CA": ("236", "289", "365", "438", "587", "647", "780", "825"),
    "GB": ("74", "75", "77", "78", "79"), "IE": ("83", "85", "86", "87", "89"),
    "AU": ("44", "46", "47", "48", "49"), "NZ": ("20", "21", "22", "27"),
    "DE": ("152", "157", "159", "162", "172", "174", "175", "177", "178", "179"),
    "AT": ("650", "660", "664", "676", "680", "699"), "CH": ("76", "77", "78", "79"),
    "FR": ("6", "7"), "BE": ("47", "48", "49"), "NL": ("6",), "ES": ("6", "7"),
    "PT": ("91", "92", "93", "96"), "IT": ("32", "33", "34", "36", "38", "39"),
    "PL": ("50", "51", "53", "57", "60", "66", "69", "72", "78", "79", "88"),
    "SE": ("70", "72", "73", "76", "79"), "NO": ("4", "9"), "DK": ("2", "3", "4", "5"),
    "CZ": ("60", "70", "72", "73", "77", "79"), "IN": ("98", "97", "96", "93", "88", "78"),
    "PK": ("30", "31", "32", "33", "34"), "SG": ("8", "9"), "MY": ("12", "13", "16", "17"),
    "KR": ("10",), "JP": ("80", "90", "70"),
    "NG": ("802", "805", "807", "808", "809", "810", "816", "703", "706"),
    "GH": ("24", "20", "26", "27", "50", "54", "55"), "KE": ("70", "71", "72", "74", "79"),
    "ZA": ("60", "61", "71", "72", "76", "79", "81", "82", "83", "84"),
    "EG": ("10", "11", "12", "15"), "TR": ("50", "53", "54", "55"), "GR": ("69",),
    "MX": ("55", "33", "81", "222", "999"), "BR": ("119", "219", "319", "419", "519", "819"),
    "CO": ("30", "31", "32", "35"), "PH": ("905", "915", "917", "918", "927", "947", "977"),
    "UA": ("50", "63", "66", "67", "68", "73", "93", "95", "96", "97"),
    "RO": ("72", "73", "74", "75", "76", "78"), "VN": ("90", "91", "93", "96", "97", "98"),
    "JM": ("876",),
}
PHONE_REGIONS = tuple(PHONE_PREFIXES)
# Landlines: region to (prefix, national length) pairs.
FIXED_PREFIXES = {
    "GB": (("20", 10), ("161", 10), ("131", 10), ("117", 10), ("113", 10)),
    "US": (("212", 10), ("312", 10), ("617", 10), ("503", 10), ("206", 10)),
    "CA": (("416", 10), ("604", 10), ("514", 10)), "IE": (("1", 8), ("21", 9), ("91", 9)),
    "AU": (("2", 9), ("3", 9), ("8", 9), ("7", 9)), "DE": (("30", 10), ("40", 10), ("89", 10)),
    "FR": (("1", 9), ("4", 9), ("5", 9)), "NL": (("20", 9), ("10", 9), ("30", 9)),
}


def _phone_number(region: str, rng: random.Random, land: bool = False):
    """A random mobile (or landline) number in the region that phonenumbers accepts."""
    example = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
    for _ in range(2000):
        if land:
            prefix, length = rng.choice(FIXED_PREFIXES[region])
        else:
            prefix = rng.choice(PHONE_PREFIXES[region])
            length = len(str(example.national_number))
        nsn = prefix + "".join(rng.choice("0123456789") for _ in range(length - len(prefix)))
        number = phonenumbers.parse(f"+{example.country_code}{nsn}")
        if phonenumbers.is_valid_number(number):
            return number
    raise RuntimeError(f"no valid number for {region}")


def _typed_phone(number, intl: bool, rng: random.Random) -> str:
    """The number as people type it: standard formats, odd groupings, Whisper's commas."""
    fmt = phonenumbers.PhoneNumberFormat
    international = phonenumbers.format_number(number, fmt.INTERNATIONAL)
    groups = international.split(" ")
    options = [international, international, phonenumbers.format_number(number, fmt.E164),
               "00" + international[1:]]
    if number.country_code in (44, 49, 61, 64, 353, 43) and len(groups) > 2:
        options.append(f"{groups[0]} (0){' '.join(groups[1:])}")
    if not intl:
        national = phonenumbers.format_number(number, fmt.NATIONAL)
        digits = _typed_digits(national)
        cut = rng.randint(3, 5)
        options = [national, national, national, digits, f"{digits[:cut]} {digits[cut:]}",
                   f"{digits[:3]}-{digits[3:6]}-{digits[6:]}",
                   ", ".join(re.findall(r"\d+", national)),
                   f"{digits[:3]}.{digits[3:6]}.{digits[6:]}"]
    return rng.choice(options)


def _spoken_phone(number, intl: bool, rng: random.Random) -> tuple[str, str]:
    """The number as said: group by group, with "plus" and the country code when given."""
    fmt = phonenumbers.PhoneNumberFormat
    text = phonenumbers.format_number(number, fmt.INTERNATIONAL if intl else fmt.NATIONAL)
    groups = re.findall(r"\d+", text)
    joiner = rng.choice((", ", " ", " "))
    spoken = joiner.join(say_digits(g, rng) for g in groups)
    return ("plus " + spoken if intl else spoken), "".join(groups)


def phone_value(style: str, form: str, rng: random.Random, state: dict) -> dict:
    """A valid number from one of 40 regions, typed or spoken, sometimes with an extension."""
    land = style in ("land", "ext")
    if land:
        region = rng.choice(tuple(FIXED_PREFIXES))
    elif style.upper() in PHONE_PREFIXES:
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
        surface = _typed_phone(number, intl, rng)
        if style == "ext":
            surface += rng.choice((" ext. ", " ext ", " x", ", extension ", " Ext. ")) + ext
        return _value("phone", surface, canonical, _typed_digits(surface), [])
    surface, digits = _spoken_phone(number, intl, rng)
    if style == "ext":
        surface += rng.choice((" extension ", ", extension ")) + say_digits(ext, rng)
        digits += ext
    return _value("phone", surface, canonical, digits, [])


# Payment cards. Styles: "", visa, amex, mc.

def _card_number(style: str, rng: random.Random) -> str:
    """A Luhn-valid number behind a real issuer prefix (Visa, Mastercard, Amex, ...)."""
    if style == "amex":
        prefix, length = rng.choice(("34", "37")), 15
    elif style == "visa":
        prefix, length = "4", 16
    elif style == "mc":
        prefix, length = rng.choice((str(rng.randint(51, 55)), str(rng.randint(2221, 2720)))), 16
    else:
        prefix = rng.choice((
            "4", "4", "4", str(rng.randint(51, 55)), str(rng.randint(51, 55)),
            str(rng.randint(2221, 2720)), "6011", "65", str(rng.randint(3528, 3589)),
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
    """A card number, typed in groups, run together or with Whisper's commas; or said."""
    number = _card_number(style, rng)
    groups = _card_groups(number)
    if form == "typed":
        surface = rng.choice((
            " ".join(groups), " ".join(groups), "-".join(groups), number, ", ".join(groups),
            f"{int(number):,}",
        ))
    else:
        surface = rng.choice((", ", " ", ". ")).join(say_digits(g, rng) for g in groups)
    return _value("card", surface, number, number, [])


# IBANs.

IBAN_BANKS = {
    "GB": ("MONZ", "NAIA", "CPBK", "TSBS", "ABBY", "HLFX", "BUKB"),
    "IE": ("AIBK", "BOFI", "ULSB", "IPBS"), "NL": ("ASNB", "SNSB", "RBRB", "FVLB", "INGB"),
    "RO": ("BTRL", "RNCB", "BRDE", "INGB"), "LV": ("HABA", "UNLA", "PARX"),
}
IBAN_BBAN = {  # country: digits after the bank letters, leading CIN letter
    "GB": (14, False), "IE": (14, False), "NL": (10, False), "RO": (16, False),
    "LV": (13, False), "DE": (18, False), "FR": (23, False), "ES": (20, False),
    "IT": (22, True), "BE": (12, False), "PL": (24, False), "AT": (16, False),
    "PT": (21, False), "CH": (17, False), "SE": (20, False), "NO": (11, False),
    "DK": (14, False), "FI": (14, False), "LU": (16, False), "CZ": (20, False),
    "HR": (17, False), "GR": (23, False), "SI": (15, False), "SK": (20, False),
    "HU": (24, False), "LT": (16, False), "EE": (16, False),
}


def _iban_number(country: str, rng: random.Random) -> str:
    """A random IBAN with correct check digits and BBAN, kept only when stdnum accepts it."""
    count, letter = IBAN_BBAN[country]
    banks = IBAN_BANKS.get(country, ())
    for _ in range(5000):
        bban = (rng.choice(banks) if banks else "") + (rng.choice("ABCDEFGHKLMNPRSTUVXZ")
                                                       if letter else "")
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
    return rng.choice((", ", " ", " ")).join(spoken)


def iban_value(style: str, form: str, rng: random.Random, state: dict) -> dict:
    """An IBAN from one of 27 countries; bank letters are words when they stand alone."""
    country = style.upper() if style.upper() in IBAN_BBAN else rng.choice(tuple(IBAN_BBAN))
    number = _iban_number(country, rng)
    bank = number[4:8] if country in IBAN_BANKS else ""
    if form == "typed":
        grouped = std_iban.format(number)
        surface = rng.choice((grouped, grouped, grouped, number, grouped.lower()))
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
        surface = rng.choice((ssn, ssn, ssn, " ".join(groups), "".join(groups),
                              ", ".join(groups)))
    else:
        surface = rng.choice((", ", " ", " dash ")).join(say_digits(g, rng) for g in groups)
    return _value("us_ssn", surface, ssn, "".join(groups), [])


# IP addresses of the user's own devices. Styles: "" a device on the home network, router,
# wan (the home connection's public address), v6 (a device's IPv6 address, typed only).

def _home_net(rng: random.Random, state: dict) -> str:
    """The first three octets of the home network; one network per sentence."""
    if "net" not in state:
        r = rng.randint
        state["net"] = rng.choice((f"192.168.{r(0, 10)}", f"192.168.{r(0, 200)}", "10.0.0",
                                   f"10.{r(0, 99)}.{r(0, 20)}", f"172.{r(16, 31)}.{r(0, 20)}"))
    return state["net"]


V6_PREFIXES = (0x2A02_8108, 0x2003_00E5, 0x2601_0644, 0x2A01_0E0A, 0x2A00_23C6, 0x2406_3400)


def _ip_address(style: str, rng: random.Random, state: dict):
    """A home-network, router, home connection or IPv6 address read off a screen."""
    r = rng.randint
    if style == "router":
        return ipaddress.ip_address(f"{_home_net(rng, state)}.{rng.choice((1, 1, 1, 254))}")
    if style == "wan":
        while True:
            address = ipaddress.IPv4Address(f"{r(2, 223)}.{r(0, 255)}.{r(0, 255)}.{r(1, 254)}")
            if address.is_global and not address.is_multicast:
                return address
    if style == "v6":
        if rng.random() < 0.3:
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
    """An IP address, written as usual or said octet by octet with "dot"."""
    address = _ip_address(style, rng, state)
    canonical = str(address)
    if form == "typed":
        surface = canonical.upper() if address.version == 6 and rng.random() < 0.2 else canonical
        return _value("ip_address", surface, canonical, _typed_digits(canonical), [])
    if address.version == 6:
        raise _Retry
    spoken = " dot ".join(_say_octet(int(o), rng) for o in canonical.split("."))
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
    """A house, flat or box number: "Flat 3" or "42b" typed, "flat three", "forty two b"."""
    spoken_prefix = said or prefix.lower()
    typed_suffix = suffix.upper() if suffix and rng.random() < 0.5 else suffix
    spoken = f"{spoken_prefix}{say_house(n, rng)}" + (f" {suffix}" if suffix else "")
    return _piece(lead, f"{prefix}{n}{typed_suffix}", spoken, [], core=True, slead=slead)


def _street(lead: str, name: str, rng: random.Random) -> dict:
    """A street name; typed sometimes abbreviated (Rd, St, Ave), never labelled by its type."""
    typed = name
    if rng.random() < 0.3:
        for full, short in ((" Street", " St"), (" Road", " Rd"), (" Avenue", " Ave"),
                            (" Lane", " Ln"), (" Drive", " Dr"), ("Avenida ", "Av. ")):
            typed = typed.replace(full, short)
    spoken = fold(name).replace("ul. ", "ulica ")
    return _piece(lead, typed, spoken, _name_words(name), core=True)


def _code(lead: str, code: str, rng: random.Random, slead: str | None = None) -> dict:
    """A postcode: tokens with letters are words; spoken letter by letter and digit by digit."""
    runs = re.findall(r"[A-Za-z]+|\d+", code)
    spoken = " ".join(spell(r) if r.isalpha() else say_digits(r, rng) for r in runs)
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
    return rng.choice((rng.randint(1, 40), rng.randint(2, 99), rng.randint(100, 999),
                       rng.randint(1000, 9899)))


def _suffix(rng: random.Random, want: str) -> str:
    """A house-number letter ("42b"): always when asked for, otherwise now and then."""
    return rng.choice("bcd") if want == "suffix" or rng.random() < 0.08 else ""


def _flat(want: str, rng: random.Random, share: float = 0.25) -> bool:
    """Whether this address has a flat, unit or apartment number."""
    return want == "flat" or rng.random() < share


def _addr_us(rng, want=""):
    """United States: number, street, optional apartment, city, state or its code, ZIP."""
    city, state, abbr, zip3 = rng.choice(US_CITIES)
    pieces = [_num("", _house(rng), rng, suffix=_suffix(rng, want)),
              _street(" ", rng.choice(US_STREETS), rng)]
    if _flat(want, rng, 0.2):
        prefix, said = rng.choice((("Apt ", "apartment "), ("Unit ", "unit "),
                                   ("#", "number "), ("Apt. ", "apartment ")))
        pieces.append(_num(rng.choice((" ", ", ")), rng.randint(1, 40), rng, prefix, said,
                           rng.choice(("", "", "b", "c"))))
    zipcode = zip3 + f"{rng.randint(1, 99):02d}"
    if rng.random() < 0.25:
        zipcode += f"-{rng.randint(1, 9999):04d}"
    return pieces + [_piece(", ", city), _region(", ", state, abbr, rng),
                     _code(" ", zipcode, rng)]


def _gb_code(area: str, rng: random.Random) -> str:
    """A UK postcode in the area: district, space, sector digit and two letters."""
    return f"{area}{rng.randint(1, 28)} {rng.randint(0, 9)}{_letters(rng, 2)}"


def _addr_gb(rng, want=""):
    """United Kingdom: optional flat, number, street, town, postcode with letters."""
    town, area = rng.choice(UK_TOWNS)
    pieces, lead = [], ""
    if _flat(want, rng, 0.3):
        flat = _num("", rng.randint(1, 12), rng, "Flat ", suffix=rng.choice(("", "", "a")))
        pieces, lead = [flat], ", "
    street = _street(" ", rng.choice(UK_STREETS), rng)
    return pieces + [_num(lead, rng.randint(1, 240), rng, suffix=_suffix(rng, want)), street,
                     _piece(", ", town), _code(rng.choice((" ", ", ")), _gb_code(area, rng), rng)]


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
        pieces, lead = [_num("", rng.randint(1, 60), rng, "Apartment ", "apartment ")], ", "
    place = _piece(", ", town)
    if town == "Drumcondra":
        place = _piece(", ", "Drumcondra, Dublin 9", "Drumcondra, Dublin nine",
                       ["Drumcondra", "Dublin"])
    return pieces + [_num(lead, rng.randint(1, 160), rng, suffix=_suffix(rng, want)),
                     _street(" ", rng.choice(IE_STREETS), rng), place,
                     _code(", ", _eircode(key, rng), rng)]


def _ca_code(fsa: str, rng: random.Random) -> str:
    """A Canadian postal code: the forward sortation area and digit-letter-digit."""
    return f"{fsa} {rng.randint(1, 9)}{_letters(rng, 1, CA_LETTERS)}{rng.randint(0, 9)}"


def _addr_ca(rng, want=""):
    """Canada: optional unit, number, street, city, province or its code, postal code."""
    city, province, abbr, fsa = rng.choice(CA_CITIES)
    pieces, lead = [], ""
    if _flat(want, rng, 0.2):
        pieces, lead = [_num("", rng.randint(101, 2408), rng, "Unit ")], ", "
    return pieces + [_num(lead, _house(rng), rng), _street(" ", rng.choice(CA_STREETS), rng),
                     _piece(", ", city), _region(", ", province, abbr, rng),
                     _code(" ", _ca_code(fsa, rng), rng)]


def _addr_au(rng, want=""):
    """Australia: unit/number or number, street, suburb, state or its code, postcode."""
    town, state, abbr, post = rng.choice(AU_TOWNS)
    house = rng.randint(1, 300)
    if _flat(want, rng, 0.25):
        unit = rng.randint(1, 20)
        number = _piece("", f"{unit}/{house}", f"unit {say_house(unit, rng)}, "
                        f"{say_house(house, rng)}", [], core=True)
    else:
        number = _num("", house, rng, suffix=_suffix(rng, want))
    return [number, _street(" ", rng.choice(AU_STREETS), rng), _piece(", ", town),
            _region(" ", state, abbr, rng), _code(" ", post, rng)]


def _addr_nz(rng, want=""):
    """New Zealand: optional flat, number, street, town, postcode."""
    town, post = rng.choice(NZ_TOWNS)
    pieces, lead = [], ""
    if _flat(want, rng, 0.2):
        pieces, lead = [_num("", rng.randint(1, 9), rng, "Flat ")], ", "
    return pieces + [_num(lead, rng.randint(1, 220), rng, suffix=_suffix(rng, want)),
                     _street(" ", rng.choice(NZ_STREETS), rng), _piece(", ", town),
                     _code(" ", post, rng)]


def _addr_de(rng, want=""):
    """Germany: street, number after it, postcode before the town."""
    town, prefix = rng.choice(DE_TOWNS)
    return [_street("", rng.choice(DE_STREETS), rng),
            _num(" ", rng.randint(1, 140), rng, suffix=_suffix(rng, want)),
            _code(", ", f"{prefix}{rng.randint(100, 999)}", rng), _piece(" ", town)]


def _addr_at(rng, want=""):
    """Austria: street, number/door, postcode, town."""
    town, post = rng.choice(AT_TOWNS)
    house = rng.randint(1, 90)
    if _flat(want, rng, 0.5):
        door = rng.randint(1, 30)
        number = _piece(" ", f"{house}/{door}",
                        f"{say_house(house, rng)} door {say_house(door, rng)}", [], core=True)
    else:
        number = _num(" ", house, rng)
    return [_street("", rng.choice(AT_STREETS), rng), number, _code(", ", post, rng),
            _piece(" ", town)]


def _addr_ch(rng, want=""):
    """Switzerland: street, number, postcode, town."""
    town, post = rng.choice(CH_TOWNS)
    return [_street("", rng.choice(CH_STREETS), rng), _num(" ", rng.randint(1, 120), rng),
            _code(", ", post, rng), _piece(" ", town)]


def _addr_fr(rng, want=""):
    """France: number (sometimes bis), street, postcode, town."""
    town, post = rng.choice(FR_TOWNS)
    n = rng.randint(1, 180)
    if rng.random() < 0.2:
        number = _piece("", f"{n} bis", f"{say_house(n, rng)} bis", [], core=True)
    else:
        number = _num("", n, rng)
    return [number, _street(" ", rng.choice(FR_STREETS), rng), _code(", ", post, rng),
            _piece(" ", town)]


def _addr_be(rng, want=""):
    """Belgium: street, number, optional box, postcode, town."""
    town, post = rng.choice(BE_TOWNS)
    pieces = [_street("", rng.choice(BE_STREETS), rng), _num(" ", rng.randint(1, 200), rng)]
    if _flat(want, rng, 0.3):
        pieces.append(_num(" ", rng.randint(1, 12), rng, rng.choice(("bus ", "bte ")), "box "))
    return pieces + [_code(", ", post, rng), _piece(" ", town)]


def _addr_nl(rng, want=""):
    """Netherlands: street, number with letter or floor, postcode with two letters, town."""
    town, prefix = rng.choice(NL_TOWNS)
    house = rng.randint(1, 480)
    if want != "suffix" and _flat(want, rng, 0.2):
        floor = rng.randint(1, 4)
        number = _piece(" ", f"{house}-{floor}",
                        f"{say_house(house, rng)} floor {say_house(floor, rng)}", [], core=True)
    else:
        number = _num(" ", house, rng, suffix=_suffix(rng, want))
    code = f"{prefix}{rng.randint(10, 99)} {_letters(rng, 2, NL_LETTERS)}"
    return [_street("", rng.choice(NL_STREETS), rng), number, _code(", ", code, rng),
            _piece(" ", town)]


def _addr_es(rng, want=""):
    """Spain: street, number, optional floor and door, postcode, town."""
    town, prefix = rng.choice(ES_TOWNS)
    pieces = [_street("", rng.choice(ES_STREETS), rng),
              _num(rng.choice((" ", ", ")), rng.randint(1, 160), rng)]
    if _flat(want, rng, 0.5):
        floor, door = rng.randint(1, 9), rng.choice("ABCD")
        pieces.append(_piece(", ", f"{floor}º {door}", f"floor {say_house(floor, rng)} {door}",
                             [], core=True))
    return pieces + [_code(", ", f"{prefix}{rng.randint(1, 52):02d}", rng), _piece(" ", town)]


def _addr_pt(rng, want=""):
    """Portugal: street, number, optional floor and side, postcode with a dash, town."""
    town, prefix = rng.choice(PT_TOWNS)
    pieces = [_street("", rng.choice(PT_STREETS), rng), _num(", ", rng.randint(1, 300), rng)]
    if _flat(want, rng, 0.4):
        floor = rng.randint(1, 8)
        side, said = rng.choice((("Esq.", "left"), ("Dto.", "right")))
        pieces.append(_piece(", ", f"{floor}º {side}", f"floor {say_house(floor, rng)} {said}",
                             [], core=True))
    code = f"{prefix}-{rng.randint(1, 999):03d}"
    return pieces + [_code(", ", code, rng), _piece(" ", town)]


def _addr_it(rng, want=""):
    """Italy: street, number, optional interior, postcode, town."""
    town, prefix = rng.choice(IT_TOWNS)
    pieces = [_street("", rng.choice(IT_STREETS), rng), _num(" ", rng.randint(1, 200), rng)]
    if _flat(want, rng, 0.3):
        pieces.append(_num(", ", rng.randint(1, 24), rng, "int. ", "interno "))
    return pieces + [_code(", ", f"{prefix}{rng.randint(10, 99)}", rng), _piece(" ", town)]


def _addr_pl(rng, want=""):
    """Poland: street, house/flat, postcode with a dash, town."""
    town, prefix = rng.choice(PL_TOWNS)
    house, flat = rng.randint(1, 90), rng.randint(1, 40)
    number = _piece(" ", f"{house}/{flat}",
                    f"{say_house(house, rng)} flat {say_house(flat, rng)}", [], core=True)
    code = f"{prefix}-{rng.randint(1, 999):03d}"
    return [_street("", rng.choice(PL_STREETS), rng), number, _code(", ", code, rng),
            _piece(" ", town)]


def _addr_se(rng, want=""):
    """Sweden: street, number, optional flat (lgh), postcode in two groups, town."""
    town, prefix = rng.choice(SE_TOWNS)
    pieces = [_street("", rng.choice(SE_STREETS), rng),
              _num(" ", rng.randint(1, 90), rng, suffix=_suffix(rng, want))]
    if _flat(want, rng, 0.3):
        pieces.append(_num(", ", rng.randint(11, 16) * 100 + rng.randint(1, 9), rng, "lgh ",
                           "flat "))
    code = f"{prefix}{rng.randint(1, 9)} {rng.randint(10, 99)}"
    return pieces + [_code(", ", code, rng), _piece(" ", town)]


def _addr_no(rng, want=""):
    """Norway: street, number with optional letter, postcode, town."""
    town, prefix = rng.choice(NO_TOWNS)
    return [_street("", rng.choice(NO_STREETS), rng),
            _num(" ", rng.randint(1, 80), rng, suffix=_suffix(rng, want)),
            _code(", ", f"{prefix}{rng.randint(100, 999)}", rng), _piece(" ", town)]


def _addr_dk(rng, want=""):
    """Denmark: street, number, optional floor and side, postcode, town."""
    town, post = rng.choice(DK_TOWNS)
    pieces = [_street("", rng.choice(DK_STREETS), rng), _num(" ", rng.randint(1, 120), rng)]
    if _flat(want, rng, 0.5):
        floor = rng.randint(1, 5)
        side, said = rng.choice((("tv", "left"), ("th", "right")))
        pieces.append(_piece(", ", f"{floor}. {side}", f"floor {say_house(floor, rng)} {said}",
                             [], core=True))
    return pieces + [_code(", ", post, rng), _piece(" ", town)]


def _addr_cz(rng, want=""):
    """Czechia: street, registry/street number, postcode in two groups, town."""
    town, prefix = rng.choice(CZ_TOWNS)
    reg, num = rng.randint(100, 2999), rng.randint(1, 60)
    number = _piece(" ", f"{reg}/{num}", f"{say_house(reg, rng)} slash {say_house(num, rng)}",
                    [], core=True)
    place = _piece(" ", town)
    if town == "Praha":
        district = rng.randint(1, 10)
        place = _piece(" ", f"Praha {district}", f"Praha {say_house(district, rng)}", ["Praha"])
    code = f"{prefix} {rng.choice(('00', '00', '01', '02'))}"
    return [_street("", rng.choice(CZ_STREETS), rng), number, _code(", ", code, rng), place]


def _addr_in(rng, want=""):
    """India: flat, building, locality, city, PIN code."""
    locality, city, prefix = rng.choice(IN_TOWNS)
    return [_num("", rng.randint(1, 14) * 100 + rng.randint(1, 12), rng, "Flat "),
            _piece(", ", rng.choice(IN_BUILDINGS), core=True), _piece(", ", locality),
            _piece(", ", city), _code(rng.choice((" ", " - ")), f"{prefix}{rng.randint(10, 99)}",
                                      rng, slead=" ")]


def _addr_sg(rng, want=""):
    """Singapore: block, street with its number, unit, postcode."""
    street, sector = rng.choice(SG_STREETS)
    block, street_no = rng.randint(101, 899), rng.randint(1, 99)
    floor, unit = rng.randint(2, 25), rng.randint(1, 999)
    unit_typed = f"#{floor:02d}-{unit:02d}" if unit < 100 else f"#{floor:02d}-{unit}"
    unit_said = f"unit {say_digits(f'{floor:02d}', rng)} dash {say_digits(unit_typed[4:], rng)}"
    return [_num("", block, rng, "Blk ", "block "),
            _piece(" ", f"{street} {street_no}", f"{street} {say_house(street_no, rng)}",
                   _name_words(street), core=True),
            _piece(", ", unit_typed, unit_said, [], core=True),
            _piece(", ", "Singapore"), _code(" ", f"{sector}{rng.randint(1000, 9999)}", rng)]


def _addr_za(rng, want=""):
    """South Africa: number, street, suburb, city, postal code."""
    suburb, city, post = rng.choice(ZA_TOWNS)
    return [_num("", rng.randint(1, 260), rng), _street(" ", rng.choice(ZA_STREETS), rng),
            _piece(", ", suburb), _piece(", ", city), _code(", ", post, rng)]


def _addr_ng(rng, want=""):
    """Nigeria: number or plot, street, area, city."""
    area, city = rng.choice(NG_TOWNS)
    if rng.random() < 0.3:
        number = _num("", rng.randint(1, 1400), rng, "Plot ", "plot ")
        lead = ", "
    else:
        number, lead = _num("", rng.randint(1, 120), rng), " "
    return [number, _street(lead, rng.choice(NG_STREETS), rng), _piece(", ", area),
            _piece(", ", city)]


def _addr_gh(rng, want=""):
    """Ghana: house number, road, area, city, sometimes the GhanaPost digital address."""
    area, city = rng.choice(GH_TOWNS)
    pieces = [_num("", rng.randint(1, 80), rng, rng.choice(("House No. ", "No. ", "")),
                   "house number "),
              _street(", ", rng.choice(GH_STREETS), rng), _piece(", ", area), _piece(", ", city)]
    if rng.random() < 0.4:
        region = "GA" if city == "Accra" else "AK"
        pieces.append(_code(", ", f"{region}-{rng.randint(100, 999)}-{rng.randint(1000, 9999)}",
                            rng))
    return pieces


def _addr_ke(rng, want=""):
    """Kenya: house or apartment, road, suburb, city; no postcode, as people give it."""
    suburb, city = rng.choice(KE_TOWNS)
    if _flat(want, rng, 0.3):
        house = _num("", rng.randint(1, 30), rng, "Apartment ", "apartment ",
                     rng.choice("bcd"))
    else:
        house = _num("", rng.randint(1, 60), rng, "House ", "house ")
    return [house, _street(", ", rng.choice(KE_STREETS), rng), _piece(", ", suburb),
            _piece(", ", city)]


def _addr_mx(rng, want=""):
    """Mexico: street, number, optional interior, colonia, postcode, city."""
    colonia, post, city = rng.choice(MX_TOWNS)
    pieces = [_street("", rng.choice(MX_STREETS), rng), _num(" ", _house(rng), rng)]
    if _flat(want, rng, 0.3):
        pieces.append(_num(", ", rng.randint(1, 30), rng, "int. ", "interior "))
    return pieces + [_piece(", ", f"Col. {colonia}", f"Colonia {fold(colonia)}"),
                     _code(", ", post, rng), _piece(" ", city)]


def _addr_br(rng, want=""):
    """Brazil: street, number, optional apartment, city, state code, CEP."""
    city, state, post = rng.choice(BR_TOWNS)
    pieces = [_street("", rng.choice(BR_STREETS), rng), _num(", ", _house(rng), rng)]
    if _flat(want, rng, 0.5):
        pieces.append(_num(", ", rng.randint(11, 140), rng, "apto ", "apartment "))
    return pieces + [_piece(", ", city), _piece(" - ", state, "", [state], spoken_words=[]),
                     _code(", ", f"{post}-{rng.randint(0, 999):03d}", rng)]


def _addr_ar(rng, want=""):
    """Argentina: street, number, optional floor and flat, CPA postcode, city."""
    city, letter = rng.choice(AR_TOWNS)
    pieces = [_street("", rng.choice(AR_STREETS), rng), _num(" ", rng.randint(100, 4999), rng)]
    if _flat(want, rng, 0.5):
        floor, flat = rng.randint(1, 14), rng.choice("ABCDEF")
        pieces.append(_piece(", ", f"piso {floor}, depto {flat}",
                             f"floor {say_house(floor, rng)}, flat {flat}", [], core=True))
    code = f"{letter}{rng.randint(1000, 1999)}{_letters(rng, 3, 'ABCDEFGHJKLMNPQRSTUVWXYZ')}"
    return pieces + [_code(", ", code, rng), _piece(" ", city)]


def _addr_jp(rng, want=""):
    """Japan: block numbers, district, ward, city, postcode."""
    area, ward, city, prefix = rng.choice(JP_AREAS)
    parts = [rng.randint(1, 4), rng.randint(1, 30), rng.randint(1, 20)]
    block = _piece("", "-".join(map(str, parts)), " ".join(say_house(p, rng) for p in parts), [],
                   core=True)
    return [block, _piece(" ", area, core=True), _piece(", ", f"{ward}-ku", f"{ward} ku"),
            _piece(", ", city), _code(" ", f"{prefix}-{rng.randint(1, 99):04d}", rng)]


def _addr_ph(rng, want=""):
    """Philippines: optional unit, number, street, district, city, ZIP."""
    district, city, post = rng.choice(PH_TOWNS)
    pieces, lead = [], ""
    if _flat(want, rng, 0.3):
        pieces, lead = [_num("", rng.randint(1, 30), rng, "Unit ", suffix=rng.choice("bcd"))], ", "
    return pieces + [_num(lead, _house(rng), rng), _street(" ", rng.choice(PH_STREETS), rng),
                     _piece(", ", district), _piece(", ", city), _code(" ", post, rng)]


ADDRESS_BUILDERS = {
    "us": _addr_us, "gb": _addr_gb, "ie": _addr_ie, "ca": _addr_ca, "au": _addr_au,
    "nz": _addr_nz, "de": _addr_de, "at": _addr_at, "ch": _addr_ch, "fr": _addr_fr,
    "be": _addr_be, "nl": _addr_nl, "es": _addr_es, "pt": _addr_pt, "it": _addr_it,
    "pl": _addr_pl, "se": _addr_se, "no": _addr_no, "dk": _addr_dk, "cz": _addr_cz,
    "in": _addr_in, "sg": _addr_sg, "za": _addr_za, "ng": _addr_ng, "gh": _addr_gh,
    "ke": _addr_ke, "mx": _addr_mx, "br": _addr_br, "ar": _addr_ar, "jp": _addr_jp,
    "ph": _addr_ph,
}
SHORT_COUNTRIES = tuple(c for c in ADDRESS_BUILDERS if c not in ("in", "jp", "sg", "gh"))
SUFFIX_COUNTRIES = ("gb", "ie", "au", "nz", "nl", "de", "no", "se", "us")
FLAT_COUNTRIES = ("gb", "ie", "us", "ca", "au", "nz", "at", "be", "es", "pt", "it", "se",
                  "dk", "ke", "mx", "br", "ar", "ph", "nl")


def _box_label(rng: random.Random) -> tuple[str, str]:
    """How a PO box is written and said."""
    return rng.choice((("PO Box ", "PO box "), ("P.O. Box ", "P O box "),
                       ("PO Box ", "post office box "), ("Box ", "box ")))


def _addr_pobox(rng, want=""):
    """A PO box with its town and postcode, in one of ten countries."""
    typed, said = _box_label(rng)
    n = rng.choice((rng.randint(1, 99), rng.randint(100, 999), rng.randint(1000, 9999)))
    country = rng.choice(("us", "au", "nz", "ca", "za", "ke", "ng", "gh", "gb", "ie"))
    if country == "ke":
        box = _num("", rng.randint(10000, 59999), rng, "P.O. Box ", said)
        post = rng.choice(("00100", "00200", "80100", "20100", "40100"))
        return [box, _code("-", post, rng, slead=", "),
                _piece(", ", rng.choice(("Nairobi", "Mombasa", "Nakuru", "Kisumu")))]
    box = _num("", n, rng, typed, said)
    if country == "us":
        city, state, abbr, zip3 = rng.choice(US_CITIES)
        return [box, _piece(", ", city), _region(", ", state, abbr, rng),
                _code(" ", zip3 + f"{rng.randint(1, 99):02d}", rng)]
    if country == "au":
        town, state, abbr, post = rng.choice(AU_PO_TOWNS)
        return [box, _piece(", ", town), _region(" ", state, abbr, rng), _code(" ", post, rng)]
    if country == "nz":
        town, post = rng.choice((("Wellington", "6140"), ("Christchurch", "8140"),
                                 ("Hamilton", "3240"), ("Nelson", "7040")))
        return [box, _piece(", ", town), _code(" ", post, rng)]
    if country == "ca":
        city, province, abbr, fsa = rng.choice(CA_CITIES)
        return [box, _piece(", ", city), _region(", ", province, abbr, rng),
                _code(" ", _ca_code(fsa, rng), rng)]
    if country == "za":
        town, post = rng.choice(ZA_PO_TOWNS)
        return [box, _piece(", ", town), _code(", ", post, rng)]
    if country in ("ng", "gh"):
        area, city = rng.choice(NG_TOWNS if country == "ng" else GH_TOWNS)
        return [box, _piece(", ", area), _piece(", ", city)]
    if country == "gb":
        town, area = rng.choice(UK_TOWNS)
        return [box, _piece(", ", town), _code(" ", _gb_code(area, rng), rng)]
    town, key = rng.choice(IE_TOWNS[:-1])
    return [box, _piece(", ", town), _code(", ", _eircode(key, rng), rng)]


def _addr_rural(rng, want=""):
    """A rural address: a named house, a townland, a rural route or a county road."""
    country = rng.choice(("gb", "ie", "ca", "nz", "us", "au"))
    if country == "gb":
        house, word, village, town, area = rng.choice(UK_RURAL)
        code = f"{area}{rng.randint(1, 19)} {rng.randint(0, 9)}{_letters(rng, 2)}"
        return [_piece("", house, fold(house), [word]), _piece(", ", village),
                _piece(", ", town), _code(" ", code, rng)]
    if country == "ie":
        townland, village, county, key = rng.choice(IE_RURAL)
        return [_piece("", townland), _piece(", ", village),
                _piece(", ", f"Co. {county}", f"County {county}", [county]),
                _code(", ", _eircode(key, rng), rng)]
    if country == "ca":
        town, province, abbr, fsa = rng.choice(CA_RURAL)
        return [_num("", rng.randint(1, 9), rng, "RR ", "R R "),
                _num(", ", rng.randint(1, 30), rng, "Site ", "site "),
                _num(", ", rng.randint(1, 60), rng, "Comp ", "compartment "),
                _piece(", ", town), _region(", ", province, abbr, rng),
                _code(" ", _ca_code(fsa, rng), rng)]
    if country == "nz":
        road, town, post = rng.choice(NZ_RURAL)
        return [_num("", rng.randint(100, 2400), rng), _street(" ", road, rng),
                _num(", ", rng.randint(1, 9), rng, "RD ", "R D "), _piece(", ", town),
                _code(" ", post, rng)]
    if country == "us":
        town, state, abbr, zip3 = rng.choice(US_RURAL)
        return [_num("", rng.randint(1000, 29999), rng),
                _num(" ", rng.randint(2, 60), rng, "County Road ", "county road "),
                _piece(", ", town), _region(", ", state, abbr, rng),
                _code(" ", zip3 + f"{rng.randint(1, 99):02d}", rng)]
    town, state, abbr, post = rng.choice(AU_PO_TOWNS)
    return [_num("", rng.randint(1, 40), rng, "Lot ", "lot "),
            _street(" ", rng.choice(("Bylong Valley Way", "Wallaroo Road", "Kurrajong Road")),
                    rng),
            _piece(", ", town), _region(" ", state, abbr, rng), _code(" ", post, rng)]


def _join(pieces: list[dict], key: str) -> str:
    """Pieces joined by their own separators; a piece with no spoken text is left out."""
    lead = "lead" if key == "typed" else "slead"
    parts = [p for p in pieces if p[key]]
    return "".join((p[lead] if i else "") + p[key] for i, p in enumerate(parts))


def address_value(style: str, form: str, rng: random.Random, state: dict) -> dict:
    """A street address from one of 31 countries, or a PO box, or a rural address.

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
            country = rng.choice(tuple(ADDRESS_BUILDERS))
        pieces = ADDRESS_BUILDERS[country](rng, want)
    if style == "short":
        pieces = [p for p in pieces if p["core"]]
    canonical = _join(pieces, "typed")
    digits = _typed_digits(canonical)
    if not digits:
        raise _Retry
    if form == "typed":
        surface = canonical.lower() if rng.random() < 0.12 else canonical
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
    # School and childcare.
    "Can you email Ms. {person_name:sur} at {email} that {person_name:first} has a dentist "
    "appt at 2:15 and will be picked up at 1:45",
    "pickup list for friday: {person_name:first}, {person_name:first} and {person_name:first} "
    "- all 3 go home with me",
    "Text {person_name:first}'s mum on {phone}, the playdate is moved to Sunday.",
    "um so the new childminder is {person_name}, she's at {street_address}, and her number is "
    "{phone}",
    "School form: emergency contact 1 {person_name}, {phone:intl}; emergency contact 2 "
    "{person_name}, {phone}",
    "who is {person_name:first} in year 4? my son keeps talking about her",
    "add {person_name:lower} to the class whatsapp, her dad's number is {phone}",
    "Reply to Mr. {person_name:sur}: yes, {person_name:first} can stay for the 3:30 chess club.",
    "Nursery invoice for {person_name:first} - £642 for March, pay to {iban:gb}, ref NURS-0412",
    "The maths tutor is {person_name}, {email}, £35/hr, Tuesdays at 5",
    "send the permission slip to {email}, no wait, to {email}, that's the new office address",
    "remind me {person_name:first}'s bday party is at {street_address} sat 11-1",
    "Car pool this week: {person_name:nick} Mon/Tue, {person_name:first} Wed, me Thu-Fri",
    "{person_name:first} needs collecting from after-school club at {street_address:short} by 6",
    # Sports clubs and gyms.
    "Cancel my gym membership, member name {person_name}, card on file is {card}",
    "Coach {person_name:sur} wants the U12 team sheet by tonight, send it to {email}",
    "sign {person_name:first} up for the 8-week swimming course, pay with {card:visa}",
    "5-a-side tonight: {person_name:first}, {person_name:first}, {person_name:wordfirst}, "
    "{person_name:first} and me. Pitch 3 at 7pm",
    "Club subs are £45 - transfer to {iban} and put {person_name:sur} as the reference",
    "ok so my PT is {person_name:first}, her number is {phone}, sessions Tues & Thurs 6:30am",
    "Tell {person_name:wordfirst} the match is off, the pitch is flooded",
    "Parkrun at 9, meet {person_name:first} at {street_address:short} at 8:40",
    "Yeah, the rowing club secretary is Mrs. {person_name:sur}, {email}, and the boathouse is "
    "{street_address}.",
    # Banking and bills.
    "Set up a standing order of £400 to {person_name}, IBAN {iban}, monthly on the 1st",
    "why did {card} get declined at the petrol station",
    "My new card is {card}, update it on the electricity account please",
    "Split the £187.40 electric bill 3 ways and tell {person_name:first} and "
    "{person_name:first} what they owe",
    "Dispute the £59.99 charge on card {card}, I never ordered anything",
    "pay {person_name:lowerfirst} back for the gas bill her iban is {iban}",
    "The water company wants the account holder's name and address: {person_name}, "
    "{street_address}",
    "Is {iban:de} the right IBAN for the landlord or was it {iban:de}?",
    "Bank called from {phone:gb} asking for my card number {card} - is that a scam??",
    "Add payee: {person_name:caps}, {iban:gb}, reference RENT",
    "Change the council tax direct debit to {iban:gb}, account name {person_name}",
    "Um, so, the card, the whole number is {card}, can you check if it's been charged twice?",
    "Freeze my Amex {card:amex}, I left it at the restaurant",
    "so i paid {person_name:lowerfirst} €80 for the concert tix to {iban:ie} right?",
    # Renting and moving house.
    "We're moving from {street_address} to {street_address} on the 14th, update my address "
    "everywhere",
    "New landlord is {person_name}, {phone}, rent goes to {iban}",
    "Book the removal van: pickup {street_address}, drop-off {street_address}",
    "Letting agent {person_name:first} said the viewing at {street_address:short} is at 5:30",
    "Redirect my post from {street_address:gb} to {street_address:gb} for 6 months",
    "The deposit certificate says tenant {person_name:surfirst}, property {street_address}",
    "tell {person_name:first} the keys are with the neighbour at {street_address:short}",
    "Apartment viewing at {street_address:us}, leasing office is {phone:ext}",
    "the flat is {street_address:flat}, buzzer's broken so call {phone} when you're outside",
    "Meter readings for move-out: gas 04521, elec 18830. Landlord {person_name}, {email}",
    "Sublet agreement between me and {person_name:multi} for {street_address}, 3 months from "
    "June",
    "Send the signed lease to {email} and cc {email}",
    "Our new place is {street_address:suffix}, the side door, not the shop",
    # Deliveries and returns.
    "Return the shoes to {street_address}, label says attn {person_name}",
    "Driver can't find {street_address}, tell him it's the blue door behind the garage and to "
    "call {phone}",
    "Leave the parcel with {person_name:first} at {street_address:short} if I'm out",
    "change delivery address for order 44817-B to {street_address}",
    "Send it c/o {person_name}, {street_address}, I'm staying there till August",
    "Deliver to {street_address:pobox}, attention {person_name:sur}",
    "The courier needs a number, give them {phone} and say ask for {person_name:first}",
    "Refund for the blender should go back to {card}, it was order #55201",
    "amazon says delivered but it's not here my address is {street_address} and im "
    "{person_name:lower}",
    "flowers for {person_name:first}: send to {street_address} with note 'happy 40th x'",
    "Parcel for {person_name:multi}, {street_address:jp}, contents books, value ¥3,000",
    # Pets and vets.
    "Book Luna in at the vet for her jabs, owner {person_name}, {phone}",
    "The microchip record still has my old address, {street_address}, and my old number "
    "{phone}",
    "Dog sitter for the weekend is {person_name:first}, {phone}, she'll let herself in at "
    "{street_address:short}",
    "pay the vet bill £312.50 with {card}",
    "Pet insurance claim for Biscuit's op, policy holder {person_name}, pay to {iban}",
    "Ask Dr. {person_name:sur} if Milo can have the tablets with food",
    "The breeder is {person_name}, {street_address:rural}",
    "Mr Whiskers' new owner is {person_name:word}, {phone}",
    # Hobbies and volunteering.
    "Food bank rota: {person_name:first} Sat 9-12, {person_name:first} Sat 12-3, "
    "{person_name:nick} Sun",
    "Email the allotment chair, {person_name}, at {email} about plot 14",
    "Book club this month is at {person_name:first}'s, {street_address}, bring wine",
    "Selling my old camera to {person_name:first} for £120, he'll transfer to {iban}",
    "Volunteer sign-up: {person_name:surfirst}, {phone}, {email}, weekends only",
    "D&D on Friday at {person_name:nick}'s place, {street_address}",
    "The pottery teacher is {person_name:word}, her studio is {street_address}",
    "who's bringing the urn for the fete, {person_name:wordfirst} or {person_name:wordfirst}?",
    # Caring for elderly parents.
    "Mum's carer today is {person_name}, she'll be at {street_address} at 8:30",
    "Call Dad's GP, Dr. {person_name:sur}, on {phone:land} about the repeat prescription",
    "Blue badge form for Mum: {person_name:multi}, {street_address}",
    "The care home's contact for Nan is {person_name:first} on {phone:ext}",
    "Grandad keeps reading his card number {card} out to people on the phone, can I block it?",
    "Dad's pension form needs his SSN {us_ssn} and address {street_address:us}",
    "Remind me to call {person_name:first} at the pharmacy, {phone}, about Mum's blister packs",
    "Nana's neighbour {person_name:word} has a spare key, she's at {street_address:short}",
    "Um, can you ring, uh, {person_name:first}, my mum's sister, her number's {phone}, tell "
    "her the discharge is tomorrow",
    "Power of attorney: donor {person_name}, {street_address}; attorney {person_name}, "
    "{street_address}",
    "Dad's alarm pendant should call {phone} first, then {phone}",
    # Online accounts and password resets.
    "I can't log in, it says the recovery phone is {phone} but that's my old number",
    "Change my Netflix login from {email} to {email}",
    "the 2FA codes go to {phone}, move them to {phone}",
    "Username {email:plus}, it says account locked after 5 attempts",
    "Delete my old account, registered to {person_name} with {email}",
    "Login alert from {ip_address:wan} - wait, that's our home connection, ignore it",
    "Send the reset link to {email} not {email}",
    "Link {person_name:first}'s Xbox to my account, parent email {email}",
    "Recovery email for Mum's account is {email}, her maiden name is {person_name:sur}",
    # Government forms.
    "Fill in the benefits form: name {person_name}, address {street_address}, phone {phone}",
    "Register me to vote at {street_address}, I moved in last month",
    "W-4 for {person_name}, SSN {us_ssn}, single, 0 dependents",
    "My SSN is {us_ssn}, why does the IRS site say it doesn't match?",
    "Dependent care form: child {person_name}, SSN {us_ssn}; provider {person_name}, "
    "{street_address:us}",
    "Passport renewal, emergency contact {person_name}, {phone:intl}",
    "Tax refund should go to {iban}, update it on the tax portal",
    "Child benefit claim for {person_name:first}, bank {iban:gb}, claimant {person_name}",
    "Census: people living at {street_address}: {person_name}, {person_name}, "
    "{person_name:first}",
    "Medicaid application needs my social {us_ssn} and my mom's {us_ssn}",
    "The after-care subsidy form wants {person_name:first}'s SSN too, it's {us_ssn}",
    "Unemployment claim for {person_name}, SSN {us_ssn}, mailing address {street_address:pobox}",
    "The council wants proof of address for {street_address:gb}, name {person_name}",
    "jury summons came for {person_name:lower} at {street_address:us}, she moved out in 2022",
    # Insurance claims.
    "Car insurance claim: other driver {person_name}, {phone}, {street_address}",
    "Burst pipe at {street_address}, claim in the name of {person_name}, payout to {iban}",
    "The loss adjuster, {person_name:first} {person_name:againsur}, will call from "
    "{phone:ext}",
    "Witness to the bike accident: {person_name:surfirst}, {email}",
    "Travel insurance wants the card I paid with, it's {card}",
    "Pay the £250 excess with {card}, claim ref HOM-448120",
    "Mr. {person_name:sur} from the insurer said send the photos to {email}",
    "Third party details: {person_name:caps}, {street_address:gb}, {phone:gb}",
    "hey so the guy who hit my car, {person_name:lowerfirst}, gave me this number {phone} and "
    "its dead",
    "Phone insurance: the stolen phone's number was {phone}, policy holder {person_name}",
    # Emergency contacts.
    "My emergency contacts are {person_name} ({phone}) and {person_name:first} ({phone})",
    "If anything happens call {person_name:wordfirst} on {phone}",
    "Update my ICE contact to {person_name:first}, {phone:intl}",
    "I'm at {street_address} and I can smell gas, what do I do",
    "send my location to {person_name:first} and {person_name:first}, I'm at "
    "{street_address:short}",
    "Ambulance to {street_address}, it's my neighbour {person_name}, he's collapsed",
    "Car broke down near {street_address:rural}, tell {person_name:first} I'll be late",
    # Home network and devices.
    "The doorbell camera is on {ip_address}, show me the stream",
    "Log into the router at {ip_address:router} and block {ip_address} after 9pm",
    "Plex moved to {ip_address:v6}, update the TV app",
    "Pi-hole is at {ip_address}, set it as DNS on the router {ip_address:router}",
    "My home server's IPv6 is {ip_address:v6}, open port 443 to it",
    "the baby monitor keeps dropping off {ip_address}, is it the wifi?",
    "ssh pi@{ip_address} -p 2222",
    "Our public IP at home is {ip_address:wan}, add it to the VPN allow list",
    "The kids' tablet is {ip_address}, pause the internet for it at 8",
    "The NAS has {ip_address:v6} and {ip_address}, which one do I use for backups?",
    # Everyday messages, lists, self-corrections.
    "tell {person_name:first} dinner is at 6",
    "Invite {person_name:first}, {person_name:first} and {person_name:first} to the BBQ on "
    "Saturday",
    "Send it to {person_name:first}, no wait, to {person_name:first}, she's organising",
    "{person_name:wordfirst} said she'll bring the cake",
    "can u text {person_name:nick} and say running late lol",
    "Message {person_name:first}: sorry sorry sorry I forgot, see you at 8",
    "what did {person_name:first} {person_name:againsur} say in her last email?",
    "Um, is it {person_name:first} or, uh, {person_name:first} who's got the van this "
    "weekend?",
    "Put {person_name:multi} in my contacts, {phone}, {email}",
    "{person_name:caps} PLEASE CALL ME BACK ON {phone}",
    "ok so {person_name:lowerfirst} and {person_name:lowerfirst} are coming, "
    "{person_name:lowerfirst} cant make it",
    "Her number's {phone}, sorry, {phone}, I always mix them up",
)

SPOKEN_TEMPLATES = (
    # School and childcare.
    "um can you email Miss {person_name:sur} at {email} and say {person_name:first} has the "
    "dentist at quarter past two",
    "text {person_name:first}'s mum, her number's {phone}, and say the playdate's moved to "
    "Sunday",
    "the new childminder is {person_name}, she lives at {street_address}",
    "who's picking up {person_name:first} today, is it me or {person_name:wordfirst}",
    "add {person_name} to the class group, her dad's number is {phone}",
    "tell Mister {person_name:sur} that {person_name:first} can stay for chess club",
    "the tutor's email is {email}, she's called {person_name:first}",
    "pay the nursery fees with my card {card}",
    "the party's at {person_name:first}'s house, {street_address}, on Saturday at eleven",
    "emergency contact for the school trip is {person_name}, {phone}",
    "send the form to {email}, no sorry, {email}",
    "remind me {person_name:first} and {person_name:first} are coming home with us after school",
    # Sports clubs and gyms.
    "cancel my gym membership, it's under {person_name}, the card is {card}",
    "coach {person_name:sur} wants the team sheet, send it to {email}",
    "tell {person_name:wordfirst} the match is off, the pitch is flooded",
    "five a side tonight is {person_name:first}, {person_name:first}, {person_name:first} and "
    "me",
    "my personal trainer's number is {phone}, she's called {person_name:first}",
    "transfer the club fees to {iban} with {person_name:sur} as the reference",
    "um the swim coach, uh, {person_name:first}, said to call {phone} if we're late",
    "meet {person_name:nick} at {street_address:short} for the run at seven",
    # Banking and bills.
    "set up a standing order to {person_name} for four hundred pounds, IBAN {iban}",
    "why was my card {card} declined",
    "my new card number is {card}, put it on the phone bill",
    "pay {person_name:first} back for the gas, her IBAN is {iban}",
    "dispute the charge on {card}, I never bought anything from them",
    "the bank called from {phone} and asked for my card number, is that a scam",
    "add a new payee, {person_name}, {iban:gb}",
    "is the landlord's IBAN {iban:de} or was it {iban:nl}",
    "send fifty euros to {person_name:first}, uh, {person_name:againsur}, the IBAN is {iban:ie}",
    "block my Amex, {card:amex}, I left it in a taxi",
    "the account name is {person_name:multi} and the IBAN is {iban}",
    "read my card number back to me, it's {card:mc}",
    # Renting and moving house.
    "we're moving from {street_address} to {street_address}, update my address",
    "the new landlord is {person_name}, his number is {phone}",
    "book the van to pick up from {street_address} on the fourteenth",
    "redirect my post from {street_address:gb} to {street_address:gb}",
    "tell {person_name:first} the keys are next door at {street_address:short}",
    "the flat is {street_address:flat}, call {phone} when you're outside",
    "the viewing is at {street_address:us} and the leasing office is {phone:ext}",
    "my new address is {street_address}, can you remember that",
    "send the signed lease to {email}",
    "rent goes to {iban} from next month, the landlady is {person_name:word}",
    "the letting agent's called {person_name}, email {email}",
    "our new place is {street_address:suffix}, it's the side door",
    # Deliveries and returns.
    "the driver can't find {street_address}, tell him to call {phone}",
    "leave the parcel with {person_name:first} at {street_address:short}",
    "change the delivery address to {street_address}",
    "send it care of {person_name}, {street_address}",
    "deliver it to {street_address:pobox}, attention {person_name:sur}",
    "refund the blender to my card {card}",
    "my address for the groceries is {street_address}, and the name's {person_name}",
    "the parcel says it was left with {person_name:word} at {street_address:suffix}",
    "the return label needs my phone number, it's {phone}",
    # Pets and vets.
    "book Luna in at the vet, owner's name is {person_name}, number {phone}",
    "update the microchip to my new address, {street_address}",
    "the dog sitter's {person_name:first}, her number is {phone}",
    "pay the vet bill with {card}",
    "I found a cat and the tag says call {phone}",
    "ask Doctor {person_name:sur} if Milo can have the tablets with food",
    "email the kennels at {email} and say we'll drop the dogs off at eight",
    "the breeder's address is {street_address:rural}",
    "pet insurance should pay {iban}, the policy holder is {person_name}",
    # Hobbies and volunteering.
    "food bank rota, {person_name:first} on Saturday morning, {person_name:nick} on Sunday",
    "book club's at {person_name:first}'s this month, {street_address}",
    "email the allotment chair, {person_name}, at {email}",
    "I'm selling the camera to {person_name:first}, he'll pay into {iban}",
    "the pottery teacher's {person_name:word} and her studio's at {street_address}",
    "volunteer sign up, {person_name:surfirst}, phone {phone}, email {email}",
    "choir's moved to {street_address:short}, tell {person_name:wordfirst} and "
    "{person_name:first}",
    "the litter pick contact is {person_name:first} on {phone}",
    "drop the raffle prizes at {street_address:short}, it's {person_name:first}'s house",
    # Caring for elderly parents.
    "Mum's carer today is {person_name}, she'll be there at half eight",
    "call Dad's GP, Doctor {person_name:sur}, on {phone:land}",
    "Nan's address for the blue badge is {street_address}",
    "the care home contact is {person_name:first}, {phone:ext}",
    "Grandad gave his card number {card} to someone on the phone, block it",
    "pay the carer, {person_name}, to {iban}",
    "Dad's social security number is {us_ssn} and he lives at {street_address:us}",
    "uh, ring my aunt {person_name:first}, um, her number's {phone}, and tell her Mum's coming "
    "home",
    "the pharmacist is {person_name:first} on {phone}",
    "Mum's neighbour {person_name:wordfirst} has the spare key, she's at {street_address:short}",
    "my mum's full name is {person_name:multi}, that's for the hospital form",
    "Mum's pendant alarm should call {phone} first and then {phone}",
    # Online accounts and password resets.
    "reset my password, the account email is {email}",
    "the recovery number is {phone} but that's my old phone",
    "change my login from {email} to {email}",
    "send the two factor codes to {phone} instead",
    "which account is {email} linked to",
    "delete the account for {person_name}, email {email}",
    "my username is {email:plus} and it says I'm locked out",
    "add {email:plus} to the family plan",
    "link {person_name:first}'s tablet to my account, the parent email is {email}",
    "the login alert came from {ip_address:wan}, is that our router",
    # Government forms.
    "for the benefits form my name is {person_name} and I live at {street_address}",
    "register me to vote at {street_address}",
    "my social is {us_ssn}, why won't the tax site accept it",
    "the W four is for {person_name}, social {us_ssn}",
    "the tax refund should go to {iban}",
    "child benefit for {person_name:first}, the bank account is {iban:gb}",
    "passport emergency contact is {person_name}, {phone:intl}",
    "the census says {person_name}, {person_name} and {person_name:first} live at "
    "{street_address}",
    "Medicaid needs my social, {us_ssn}, and Mom's, {us_ssn}",
    "the daycare needs {person_name:first}'s social for the tax credit, it's {us_ssn}",
    "for the rental application, um, my social is {us_ssn}, and my current address is "
    "{street_address:us}",
    "my name is {person_name:first} {person_name:againsur}, {person_name:spelled}, and I'm "
    "calling about my tax return",
    "the council wants proof I live at {street_address:gb}",
    "the surname for the form is {person_name:sur}, that's {person_name:spelled}",
    # Insurance claims.
    "the other driver was {person_name}, her number is {phone}",
    "burst pipe at {street_address}, the claim is under {person_name}",
    "the loss adjuster {person_name} will call from {phone:ext}",
    "the witness was {person_name:surfirst}, email {email}",
    "pay the excess with my card {card}",
    "send the photos for the claim to {email:biz}",
    "the guy who hit my car said his name was {person_name:first} and gave me {phone}",
    "the payout should go to {iban}, account holder {person_name}",
    # Emergency contacts.
    "my emergency contacts are {person_name}, {phone}, and {person_name:first}, {phone}",
    "if anything happens call {person_name:wordfirst} on {phone}",
    "I'm at {street_address} and I can smell gas",
    "send my location to {person_name:first}, I'm at {street_address:short}",
    "ambulance to {street_address}, my neighbour {person_name} has collapsed",
    "the car broke down near {street_address:rural}, tell {person_name:first} I'll be late",
    # Home network and devices.
    "the doorbell camera is on {ip_address}",
    "log into the router at {ip_address:router}",
    "block {ip_address} on the router after nine",
    "the Plex server is on {ip_address} now",
    "set the DNS on the router {ip_address:router} to the Pi hole at {ip_address}",
    "the baby monitor's address is {ip_address}",
    "our home IP is {ip_address:wan}, add it to the allow list",
    "the printer at {ip_address} keeps going offline",
    "pause the internet for {person_name:first}'s tablet, that's {ip_address}",
    # Everyday messages, lists, self-corrections.
    "tell {person_name:first} dinner is at six",
    "invite {person_name:first}, {person_name:first} and {person_name:first} to the barbecue",
    "send it to {person_name:first}, no wait, to {person_name:first}",
    "{person_name:wordfirst} said she'd bring the cake",
    "save {phone} as {person_name:first}'s new number",
    "call {person_name:word} back about the quote",
    "text {person_name:nick}, say I'm running late",
    "um uh message {person_name:first} sorry I'm late I'm late I'll be there in ten",
    "is it {person_name:first} or um {person_name:first} who's got the van",
    "add {person_name:multi} to my contacts, {phone}",
    "what's {person_name:first} {person_name:againsur}'s email, is it {email}",
    "ring {person_name} on {phone} and say sorry",
    "Hey, uh, could you call {person_name:wordfirst}? Her number's {phone}.",
    "the plumber is {person_name}, {phone}, he's coming Tuesday",
    "her name's {person_name:first}, {person_name:spelled}",
    "the gas man needs my address, it's {street_address}",
    "write down {person_name:first}'s new address, {street_address}",
    "my card is {card}, book the tickets",
    "my IBAN is {iban}, and the name on the account is {person_name}",
    "read my social back to me, it's {us_ssn}",
)

# ---------------------------------------------------------------------------------------
# Hard negatives: numbers and names that are not personal data. A decoy slot is <name>.

MUSICIANS = (
    "Taylor Swift", "Beyoncé", "Dua Lipa", "Burna Boy", "Rosalía", "Olivia Rodrigo",
    "Ed Sheeran", "Billie Eilish", "Tems", "Raye", "Bruno Mars", "Stormzy",
)
ATHLETES = (
    "Lewis Hamilton", "Cristiano Ronaldo", "Rafael Nadal", "Naomi Osaka", "Mo Salah",
    "Steph Curry", "Caitlin Clark", "Shohei Ohtani", "Faith Kipyegon", "Sam Kerr",
)
OTHER_FIGURES = (
    "Michelle Obama", "Greta Thunberg", "Chimamanda Ngozi Adichie", "Jackie Chan",
    "Priyanka Chopra", "King Charles", "Oprah Winfrey", "Pope Leo", "Malala Yousafzai",
    "Frank Lloyd Wright", "Grace Kelly", "Will Smith",
)
PUBLIC_FIGURES = MUSICIANS + ATHLETES + OTHER_FIGURES
CHARACTERS = (
    "Gandalf", "Hermione Granger", "Sherlock Holmes", "Darth Vader", "Katniss Everdeen",
    "Jack Sparrow", "Paddington", "James Bond", "Wonder Woman", "Homer Simpson", "Mr. Bean",
    "Peppa Pig", "Bluey", "Lara Croft", "Frodo", "Mary Poppins", "Willy Wonka", "Elsa",
)
TEAMS = (
    "Arsenal", "the Lakers", "the All Blacks", "Real Madrid", "Kaizer Chiefs", "the Yankees",
    "Celtic", "Bayern Munich", "the Springboks", "Boca Juniors", "the Chicago Bulls",
    "Man United", "the Matildas", "Galway United",
)
SUBSCRIPTIONS = (
    "Netflix", "Spotify", "Disney+", "Peloton", "Strava", "Duolingo", "PlayStation Plus",
    "Audible", "HelloFresh", "Xbox Game Pass",
)
PLATFORMS = ("Spotify", "Apple Music", "Tidal", "YouTube Music", "Deezer", "Amazon Music")
WATCHES = ("Garmin", "Apple", "Casio", "Fitbit", "Samsung", "Fossil", "Swatch")
SHOPS = (
    "Argos", "Currys", "Primark", "Target", "Kmart", "Decathlon", "JD Sports", "Sainsbury's",
    "Rewe", "Mercadona", "Pets at Home", "Petco", "B&Q", "Ikea",
)
RESTAURANTS = (
    "Nando's", "Wagamama", "Pizza Express", "Chipotle", "Dishoom", "Honest Burgers",
    "Leon", "Taco Bell", "Wingstop", "Jollibee",
)
PLACES = (
    "Lisbon", "Accra", "Hanoi", "Edinburgh", "Cork", "Kraków", "Auckland", "Perth", "Denver",
    "Marrakech", "Seoul", "Cusco", "Tromsø", "Mombasa", "Tasmania", "Iceland", "Portugal",
    "Kenya", "Vietnam", "Peru",
)
STREETS = (
    "Oxford Street", "Fifth Avenue", "Abbey Road", "Lombard Street", "Hope Street",
    "the Royal Mile", "Kurfürstendamm", "La Rambla", "Bourbon Street", "O'Connell Street",
    "Princes Street", "George Street",
)
CURRENCIES = ("yen", "rand", "pesos", "zloty", "rupees", "kronor", "baht", "won")
UNITS = ("cups", "ounces", "grams", "pints", "tablespoons", "pounds", "millilitres")
MODELS = (
    "WH-1000XM5", "iPhone 15 Pro", "Galaxy S23", "KitchenAid 5KSM175", "Pixel 8a",
    "Forerunner 265", "Roomba j7", "Switch OLED", "ThinkPad T14", "Kindle Paperwhite",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("May", "June", "January", "March", "October", "November", "December")
DNS_SERVERS = ("1.1.1.1", "8.8.8.8", "8.8.4.4", "9.9.9.9", "1.0.0.1", "208.67.222.222")


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
        "figure": PUBLIC_FIGURES, "musician": MUSICIANS, "athlete": ATHLETES,
        "character": CHARACTERS, "team": TEAMS, "subscription": SUBSCRIPTIONS,
        "platform": PLATFORMS, "watch": WATCHES, "shop": SHOPS,
        "restaurant": RESTAURANTS, "place": PLACES, "street": STREETS, "currency": CURRENCIES,
        "unit": UNITS, "weekday": WEEKDAYS, "month": MONTHS,
    }
    return rng.choice(pools[name]) if name in pools else None


def _typed_decoy(name: str, rng: random.Random) -> str:
    """A non-personal value written the way it is typed."""
    named = _named(name, rng)
    if named is not None:
        return named
    r = rng.randint
    year = r(2019, 2026)
    upper = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    choices = {
        "order": (f"#{_d(rng, 5)}", f"ORD-{_d(rng, 6)}", f"{_d(rng, 3)}-{_d(rng, 7)}-{_d(rng, 7)}"),
        "invoice": (f"INV-{year}-{_d(rng, 4)}", f"{_letters(rng, 2)}{_d(rng, 6)}"),
        "tracking": (f"1Z{_letters(rng, 6, upper)}{_d(rng, 10)}",
                     f"{_letters(rng, 2)}{_d(rng, 9)}GB", "JD" + _not_card(_d(rng, 16)),
                     f"{_d(rng, 4)} {_d(rng, 4)} {_d(rng, 4)}"),
        "booking": ("".join(rng.choice(upper + "23456789") for _ in range(6)),
                    f"BKG-{_d(rng, 7)}", _d(rng, 10)),
        "policy": (f"POL-{_d(rng, 6)}-{_letters(rng, 2)}",
                   f"{_letters(rng, 3)}/{_d(rng, 6)}/{year}"),
        "claim": (f"CLM-{year}-{_d(rng, 5)}", f"{_d(rng, 2)}-{_d(rng, 6)}-{_d(rng, 2)}"),
        "ref": (f"REF {_d(rng, 8)}", f"{_letters(rng, 2)}{_d(rng, 4)}{_letters(rng, 2)}"),
        "price": (f"£{r(2, 90)}.{r(0, 99):02d}", f"${r(1000, 4999):,}.{r(0, 99):02d}",
                  f"€{r(20, 900)}", f"NZ${r(20, 90)}", f"A${r(20, 99)}.95", f"CHF {r(20, 300)}",
                  f"₦{r(5, 90)},000"),
        "qty_unit": (f"{r(1, 4)}.{r(1, 9)} kg", f"{r(1, 9)}00 ml", f"{r(1, 4)} litres",
                     f"{r(1, 5)}50g", f"{r(2, 12)} oz", f"{r(2, 6)} cups"),
        "cheap": (f"£{r(30, 120)}", f"${r(40, 150)}", f"€{r(35, 99)}.99"),
        "qty": (str(r(1200, 19999)), str(r(2, 400))), "small": (str(r(2, 12)),),
        "pct": (f"{r(5, 25)}%",),
        "time": (f"{r(6, 11)}:{rng.choice(('00', '15', '30', '45'))}", f"{r(1, 11)}pm",
                 f"{r(13, 21)}:{rng.choice(('05', '20', '40'))}", f"{r(6, 11)}.30am"),
        "date": (f"{r(1, 28):02d}/{r(1, 12):02d}/{year}", f"{r(1, 28)} {rng.choice(MONTHS)}",
                 f"{year}-{r(1, 12):02d}-{r(1, 28):02d}", f"{rng.choice(MONTHS)} {r(1, 28)}"),
        "year": (str(r(1966, 2025)),),
        "flight": (f"{rng.choice(('EK', 'LH', 'TP', 'NZ', 'ET', 'AA'))}{r(10, 999)}",
                   f"{rng.choice(('BA', 'KL', 'QR'))} {r(100, 2999)}"),
        "version": (f"{r(1, 18)}.{r(0, 9)}.{r(0, 20)}", f"v{r(1, 5)}.{r(0, 12)}",
                    f"iOS {r(16, 19)}.{r(0, 6)}"),
        "mac": (":".join(f"{r(0, 255):02X}" for _ in range(6)),
                "-".join(f"{r(0, 255):02x}" for _ in range(6))),
        "port": (str(rng.choice((22, 25565, 8080, 443, 32400, 51820, 3389, 1883, 8123))),),
        "dns": DNS_SERVERS + ("2606:4700:4700::1111",),
        "model": MODELS,
        "serial": (f"SN{_d(rng, 4)}{_letters(rng, 3, upper)}{_d(rng, 3)}",
                   f"S/N {_letters(rng, 1, upper)}{_d(rng, 9)}"),
        "sku": (f"{_letters(rng, 2, upper)}-{_d(rng, 5)}",
                f"{_d(rng, 3)}.{_d(rng, 3)}.{_d(rng, 2)}"),
        "score": (f"{r(0, 4)}-{r(0, 4)}", f"{r(10, 35)}-{r(3, 30)}", f"6-{r(0, 4)} 6-{r(0, 4)}"),
        "temp": (str(r(16, 24)),), "later_year": (str(r(2026, 2031)),),
    }
    return rng.choice(choices[name])


def _spoken_decoy(name: str, rng: random.Random) -> str:
    """A non-personal value said aloud, with no digit characters."""
    named = _named(name, rng)
    if named is not None:
        return fold(named).replace("+", " plus")
    r = rng.randint
    choices = {
        "order": (say_digits(_d(rng, 6), rng), f"A B {say_number(r(100, 999))}"),
        "invoice": (say_digits(_d(rng, 5), rng),),
        "tracking": (f"one Z {say_digits(_d(rng, 8), rng)}",
                     f"{spell(_letters(rng, 2))} {say_digits(_d(rng, 9), rng)} G B"),
        "booking": (spell("".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(6))),
                    say_digits(_d(rng, 7), rng)),
        "policy": (f"P O L {say_digits(_d(rng, 6), rng)}",),
        "claim": (f"C L M {say_digits(_d(rng, 6), rng)}",),
        "price": (f"{say_number(r(2, 90))} pounds {say_number(r(10, 99))}",
                  f"{say_number(r(100, 900))} euros", f"{say_number(r(2, 99))} dollars",
                  f"{say_number(r(2, 20))} thousand naira"),
        "qty_unit": (f"{say_number(r(2, 9))} hundred grams", f"{say_number(r(2, 5))} litres",
                     f"{say_number(r(2, 6))} cups", "half a kilo"),
        "qty": (say_number(r(1200, 19999)), say_number(r(2, 400))),
        "small": (say_number(r(2, 12)),), "pct": (f"{say_number(r(5, 25))} percent",),
        "time": (f"half past {say_number(r(1, 11))}", f"quarter to {say_number(r(1, 11))}",
                 f"{say_number(r(6, 11))} thirty", f"{say_number(r(1, 11))} o'clock"),
        "date": (f"the {rng.choice(('second', 'eighth', 'fifteenth', 'thirtieth'))} of "
                 f"{rng.choice(MONTHS)}", f"next {rng.choice(WEEKDAYS)}"),
        "year": (f"twenty {say_number(r(10, 25))}", f"nineteen {say_number(r(66, 99))}"),
        "flight": (f"{spell(rng.choice(('EK', 'LH', 'TP', 'NZ', 'ET')))} "
                   f"{say_number(r(10, 999))}",),
        "version": (f"{say_number(r(1, 18))} point {say_number(r(0, 9))}",
                    f"{say_number(r(1, 5))} point {say_number(r(0, 9))} point "
                    f"{say_number(r(0, 9))}"),
        "port": ("eighty eighty", "four four three", "twenty two", "twenty five five six five"),
        "dns": ("one dot one dot one dot one", "eight dot eight dot eight dot eight",
                "nine dot nine dot nine dot nine", "eight dot eight dot four dot four"),
        "model": ("Pixel eight A", "Galaxy S twenty three", "iPhone fifteen Pro",
                  "Forerunner two sixty five", "Roomba J seven"),
        "score": (f"{say_number(r(1, 4))} nil", f"{say_number(r(1, 4))} all",
                  f"{say_number(r(2, 5))} one"),
        "temp": (say_number(r(16, 24)),), "later_year": (f"twenty {say_number(r(26, 31))}",),
    }
    return fold(rng.choice(choices[name]))


TYPED_NEGATIVES = (
    "Where's my order <order>? It said arriving <date>",
    "Track parcel <tracking>",
    "Booking ref <booking>, can I move it to <time>?",
    "Policy number <policy> - when does it renew?",
    "How much is <price> in <currency>?",
    "Add <qty_unit> of flour to the shopping list",
    "Will it rain in <place> on <weekday>?",
    "Mark the date: <date>, school play at <time>",
    "What's the grace period on invoice <invoice>?",
    "Bill me later for order <order>",
    "Is <month> a good time to visit <place>?",
    "who played <character> in the films",
    "How old is <figure>?",
    "what was the score for <team> last night, <score>?",
    "Flight <flight> delayed till <time>?",
    "Update the app to <version> tonight",
    "The router's MAC is <mac>, add it to the list",
    "Open port <port> for the Minecraft server",
    "Set the DNS to <dns> on the router",
    "Model <model>, serial <serial> - still under warranty?",
    "Do they have product code <sku> in size <small>?",
    "Set the heating to <temp>°C at <time>",
    "How long is <street>?",
    "Is <shop> on <street> open on <weekday>?",
    "Book a table at <restaurant> for <small> at <time>",
    "When did <team> last win the league, <year>?",
    "Summer timetable for the <place> ferry please",
    "Hunter wellies in size <small>, under <cheap>?",
    "Rose gold or silver for the new <watch> watch?",
    "Claim <claim> - any update?",
    "Reference <ref> on my statement, what's that for?",
    "My step count today was <qty>, beat yesterday!",
    "Did <figure> ever live in <place>?",
    "Return window for order <order> is <small> days, right?",
    "Convert <qty_unit> to <unit>",
    "Frank question: is <price> too much for a used <model>?",
    "June <later_year> or May <later_year> for the trip to <place>?",
    "Play the new <musician> album on <platform>",
)

SPOKEN_NEGATIVES = (
    "where's my order <order>",
    "track the parcel <tracking>",
    "the booking reference is <booking>, move it to <time>",
    "the policy number is <policy>",
    "how much is <price> in <currency>",
    "add <qty_unit> of flour to the shopping list",
    "set a timer for <small> minutes",
    "will it rain in <place> on <weekday>",
    "mark the date, <date>, it's the school play",
    "what's the grace period on the <subscription> bill",
    "bill me later for the <shop> order",
    "is <month> a good time to go to <place>",
    "who played <character>",
    "how old is <figure>",
    "what was the score, was it <score>",
    "is flight <flight> on time",
    "update the app to version <version>",
    "open port <port> on the router",
    "set the DNS to <dns>",
    "set the heating to <temp> degrees",
    "how long is <street>",
    "is <shop> open on <weekday>",
    "book a table at <restaurant> for <small> at <time>",
    "when did <team> last win the league",
    "what's the weather in <place> in <month>",
    "frank opinion, is <price> too much for a bike",
    "will <team> win on <weekday>",
    "what time is dawn in <place> on <weekday>",
    "is <musician> still touring in <later_year>",
    "play the new <musician> album",
    "convert <qty_unit> to <unit>",
    "my claim number is <claim>",
    "the invoice number is <invoice>, it's for <price>",
    "what's <pct> of <price>",
    "how far is <place> from <place>",
    "turn the volume up to <small>",
    "is the <model> any good, or should I wait",
    "hope the game against <team> isn't cancelled, it kicks off at <time>",
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

"""Blind set 10: personal data as people say it to, and type it into, a voice assistant.

Why it exists: an independent measurement of the personal-data masker. Its author never read
the masker, its rules, its training corpus or any of its results, and wrote every sentence from
how people talk to an assistant and how Whisper writes speech down. Nothing here was tuned
against the masker.

What it covers:
- Situations: smart home and device sharing (guest Wi-Fi, doorbell cameras, family accounts,
  home-network IPv4 and IPv6 addresses), money apps and fraud (scam reports, disputed charges,
  paying a person by phone number or e-mail, rent and standing orders to IBANs, a card read out
  to a shop, SSNs on tax and benefits forms), code-switching (Spanglish, Hinglish, Taglish,
  franglais, German-English, Swahili and Pidgin English, Japanese and Korean English), text
  pasted or read aloud from documents (letter headers, signatures, forms, CSV rows, forwarded
  SMS, vCards, e-mail footers, a letter read to a blind user), emergencies, an online
  marketplace, genealogy, reunions, volunteering, university admin and teenagers' chat.
- Names from many cultures (Igbo, Hausa, Yoruba, Amharic, Somali, Tigrinya, Persian, Kurdish,
  Armenian, Georgian, Azerbaijani, Mongolian, Tibetan, Hmong, Maori, Samoan, Tongan, Hawaiian,
  Inuit, Sami, Finnish, Estonian, Hungarian, Romanian, Greek, Maltese, Portuguese, Brazilian,
  Filipino, Indonesian, Thai, Vietnamese, Punjabi, Gujarati, Telugu, Marathi, Hindi, Chinese,
  Cantonese, Korean, Japanese, Kenyan, Zulu, Arabic, Irish and more) beside common English
  ones; given names that are ordinary words (Hope, Grace, Bill, Chase ...) and surnames that
  are words (Baker, Fox, Street ...); lower case, ALL CAPS from forms, diacritics, hyphens and
  apostrophes, initials, possessives, names spelled out letter by letter, lists of three.
- Formats: phones from many regions typed in many layouts (spaces, dots, dashes, brackets,
  "+", "00", extensions, Whisper's odd groupings and commas) and said with "oh", "double",
  "triple" and pairs; cards in groups, run together, dashed and comma-split, said in fours
  and in pairs; SSNs; IBANs grouped, compact and spelled; IPv4 and IPv6; street addresses in
  twenty national formats, typed and said.
- Hard negatives with no personal data: order, tracking, invoice, claim, case, policy and
  booking numbers, prices, quantities, recipes, scores, times, dates, flight and train numbers,
  four-part versions, serials, VINs, ISBNs, colour codes, short codes, public DNS servers,
  rooms and gates, doses, famous and fictional people, songs, bands, brands, teams, places,
  streets without a house number, and words that look like names but are not people.

Labelling rules:
- "typed" items hold numbers as digits; "spoken" items hold no digit character at all.
- surface is the value exactly as it stands; context is the sentence with each surface
  replaced by one space; template is the sentence with a {kind} slot for each value.
- digits are every digit the surface holds, written or said, in order ("double oh" is "00",
  "twenty one" is "21", "hundred" appends "00"); a phone's extension comes last; for an
  e-mail only the local part's digits count; a name has none.
- words are the tokens that identify the value and must not survive masking (names, e-mail
  local part and domain pieces, street names, towns, states, postcode tokens, IBAN bank
  letters), never generic words, single letters, wordy state abbreviations or plus tags.
  Titles and pet names ("Mr", "Dr", "Mum") stay in the context.
- split is "heldout" when the first byte of sha256(template) is below 128, else "dev".

Run `python -m appliance.benchmark.pii_blind10` to write tests/governance/pii_blind10.jsonl.
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import random
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

import phonenumbers
from stdnum import iban as stdnum_iban
from stdnum import luhn
from stdnum.us import ssn as stdnum_ssn

DATA_FILE = Path(__file__).resolve().parents[2] / "tests" / "governance" / "pii_blind10.jsonl"
SOURCE = "blind10"
KINDS = ("card", "us_ssn", "phone", "email", "iban", "ip_address", "street_address",
         "person_name")
SEED = "blind10"

# ---------------------------------------------------------------------------------------------
# Names
# ---------------------------------------------------------------------------------------------

# culture: (given names, surnames, surname said first)
NAME_CULTURES: dict[str, tuple[tuple[str, ...], tuple[str, ...], bool]] = {
    "english": (("Emily", "James", "Olivia", "Thomas", "Charlotte", "Daniel", "Megan", "Connor"),
                ("Carter", "Whitfield", "Harrington", "Pemberton", "Osborne", "Fletcher",
                 "Llewellyn", "Thornton"), False),
    "irish": (("Siobhán", "Aoife", "Cillian", "Niamh", "Oisín", "Seán"),
              ("O'Sullivan", "O'Brien", "McCarthy", "Byrne", "Kavanagh", "Ó Súilleabháin"),
              False),
    "igbo": (("Chiamaka", "Obinna", "Ngozi", "Chukwuemeka", "Adaeze", "Ifeanyi"),
             ("Okonkwo", "Eze", "Nwosu", "Okafor", "Obiora", "Chukwu"), False),
    "hausa": (("Aminu", "Zainab", "Musa", "Hauwa", "Abdullahi", "Fatima"),
              ("Bello", "Abubakar", "Danjuma", "Garba", "Yusuf", "Lawal"), False),
    "yoruba": (("Adebayo", "Folake", "Olumide", "Yetunde", "Tunde", "Bisola"),
               ("Adeyemi", "Ogunleye", "Balogun", "Oyelaran", "Akinola", "Fashola"), False),
    "amharic": (("Abebe", "Selamawit", "Meron", "Dawit", "Tigist", "Yohannes"),
                ("Bekele", "Tesfaye", "Alemu", "Haile", "Girma", "Mengistu"), False),
    "somali": (("Hodan", "Abdirahman", "Faadumo", "Ayaan", "Khadra", "Liban"),
               ("Warsame", "Farah", "Hersi", "Abdi", "Jama", "Osman"), False),
    "tigrinya": (("Yonas", "Senait", "Luwam", "Semhar", "Filmon", "Mebrat"),
                 ("Tesfamariam", "Ghebremedhin", "Berhane", "Kidane", "Habte", "Woldu"), False),
    "persian": (("Shirin", "Dariush", "Parisa", "Kaveh", "Niloufar", "Arash"),
                ("Ahmadi", "Rostami", "Karimi", "Moradi", "Tehrani", "Jafari"), False),
    "kurdish": (("Rojin", "Berfin", "Hêvî", "Rêzan", "Zana", "Dilan"),
                ("Botanî", "Doski", "Amedi", "Barzinji", "Zebari", "Hawrami"), False),
    "armenian": (("Anahit", "Narek", "Lusine", "Armen", "Siranush", "Hayk"),
                 ("Sargsyan", "Hovhannisyan", "Avetisyan", "Grigoryan", "Karapetyan",
                  "Manukyan"), False),
    "georgian": (("Nino", "Giorgi", "Tamar", "Levan", "Ketevan", "Davit"),
                 ("Beridze", "Kapanadze", "Lomidze", "Gelashvili", "Tsiklauri", "Maisuradze"),
                 False),
    "azerbaijani": (("Günay", "Elvin", "Rashad", "Aysel", "Tural", "Nigar"),
                    ("Mammadov", "Hasanova", "Guliyev", "Huseynova", "Rzayev", "Ismayilova"),
                    False),
    "mongolian": (("Bat-Erdene", "Oyuntsetseg", "Enkhjargal", "Temuulen", "Altantsetseg",
                   "Munkhbat"),
                  ("Ganbold", "Baatar", "Tsend", "Dorj", "Batbayar", "Ganbaatar"), False),
    "tibetan": (("Tenzin", "Pema", "Dorje", "Lhamo", "Sonam", "Yangchen"),
                ("Norbu", "Tsering", "Wangmo", "Dolkar", "Namgyal", "Dhondup"), False),
    "hmong": (("Nou", "Kou", "Mai", "Yer", "Tou", "Chue"),
              ("Vang", "Xiong", "Yang", "Lor", "Thao", "Moua"), False),
    "maori": (("Aroha", "Wiremu", "Manaia", "Hine", "Tama", "Anahera"),
              ("Ngata", "Parata", "Tipene", "Rangihau", "Te Rangi", "Horomona"), False),
    "samoan": (("Sione", "Malia", "Tavita", "Losa", "Iosefa", "Fetu"),
               ("Faleolo", "Tuilagi", "Leota", "Sapolu", "Fa'asavalu", "Aumua"), False),
    "tongan": (("Tevita", "Mele", "Siosaia", "Salote", "Viliami", "Losana"),
               ("Fifita", "Taufa", "Havili", "Vainikolo", "Kaufusi", "Lolohea"), False),
    "hawaiian": (("Keoni", "Leilani", "Kainoa", "Makana", "Noelani", "Kalani"),
                 ("Kahananui", "Akana", "Kealoha", "Kamakana", "Kanahele", "Palakiko"), False),
    "inuit": (("Siku", "Nivi", "Aputi", "Nuka", "Ujarak", "Piita"),
              ("Kilabuk", "Arnaquq", "Qitsualik", "Ipellie", "Akavak", "Nutarak"), False),
    "sami": (("Máret", "Ánde", "Elle", "Nils-Aslak", "Sunná", "Inga"),
             ("Sara", "Somby", "Hætta", "Gaup", "Eira", "Bals"), False),
    "finnish": (("Aino", "Juhani", "Eeva", "Onni", "Veera", "Tuomas"),
                ("Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Heikkinen", "Laaksonen"),
                False),
    "estonian": (("Kadri", "Rasmus", "Liis", "Tõnu", "Kertu", "Indrek"),
                 ("Tamm", "Saar", "Kask", "Sepp", "Mägi", "Rebane"), False),
    "hungarian": (("Zsófia", "Bence", "Réka", "Levente", "Dóra", "Gergely"),
                  ("Nagy", "Kovács", "Szabó", "Tóth", "Szűcs", "Fekete"), True),
    "romanian": (("Ioana", "Andrei", "Mihaela", "Bogdan", "Ileana", "Răzvan"),
                 ("Popescu", "Ionescu", "Dumitrescu", "Stoica", "Munteanu", "Constantinescu"),
                 False),
    "greek": (("Eleni", "Giorgos", "Dimitra", "Nikos", "Katerina", "Stavros"),
              ("Papadopoulou", "Nikolaidis", "Kostopoulou", "Georgiou", "Antonopoulos",
               "Vlachos"), False),
    "maltese": (("Marija", "Ġorġ", "Antoine", "Charlene", "Pawlu", "Doreen"),
                ("Borg", "Camilleri", "Zammit", "Vella", "Farrugia", "Grech"), False),
    "portuguese": (("João", "Inês", "Tiago", "Beatriz", "Duarte", "Leonor"),
                   ("Ferreira", "Carvalho", "Sousa", "Gonçalves", "Simões", "Magalhães"), False),
    "brazilian": (("Thiago", "Larissa", "Gabriela", "Rafael", "Juliana", "Vinícius"),
                  ("Oliveira", "Santos", "Rocha", "Nascimento", "Barbosa", "Cavalcanti"), False),
    "filipino": (("Maricel", "Jomar", "Kristine", "Rodel", "Jhoanna", "Marvin"),
                 ("Dela Cruz", "Bautista", "Mendoza", "Villanueva", "Macaraeg", "Pangilinan"),
                 False),
    "indonesian": (("Siti", "Budi", "Dewi", "Agus", "Putri", "Wahyu"),
                   ("Rahayu", "Santoso", "Kusuma", "Wijaya", "Setiawan", "Hartono"), False),
    "thai": (("Somchai", "Nattaya", "Kanya", "Anong", "Prasert", "Malee"),
             ("Wongsakul", "Srisuk", "Chaiyaporn", "Rattanakorn", "Thongchai", "Boonmee"), False),
    "vietnamese": (("Thị Lan", "Minh Đức", "Thu Hà", "Văn Hùng", "Bảo Anh", "Quốc Huy"),
                   ("Nguyễn", "Trần", "Phạm", "Lê", "Hoàng", "Võ"), True),
    "punjabi": (("Harpreet", "Gurpreet", "Jaspreet", "Manjit", "Navdeep", "Simran"),
                ("Kaur", "Singh", "Dhillon", "Sandhu", "Grewal", "Sidhu"), False),
    "gujarati": (("Hetal", "Bhavesh", "Nirali", "Jignesh", "Krupa", "Dhruv"),
                 ("Patel", "Shah", "Desai", "Mehta", "Joshi", "Trivedi"), False),
    "telugu": (("Srinivas", "Lakshmi", "Venkatesh", "Sravani", "Karthik", "Haritha"),
               ("Reddy", "Naidu", "Rao", "Chowdary", "Varma", "Kondapalli"), False),
    "marathi": (("Aditya", "Sneha", "Omkar", "Pooja", "Tejas", "Rutuja"),
                ("Kulkarni", "Deshpande", "Patil", "Gokhale", "Bhosale", "Jadhav"), False),
    "hindi": (("Ananya", "Rohan", "Priya", "Vikram", "Neha", "Arjun"),
              ("Sharma", "Verma", "Gupta", "Agarwal", "Mishra", "Saxena"), False),
    "chinese": (("Wei", "Xiaoling", "Jun", "Mei", "Haoran", "Yiting"),
                ("Zhang", "Chen", "Liu", "Huang", "Zhou", "Wang"), True),
    "cantonese": (("Ka-ming", "Wing-yan", "Chi-keung", "Hoi-yan", "Siu-fung", "Man-yee"),
                  ("Wong", "Chan", "Leung", "Cheung", "Ho", "Tsang"), False),
    "korean": (("Ji-woo", "Seo-yeon", "Dong-hyun", "Min-seo", "Jae-won", "Ha-eun"),
               ("Kim", "Park", "Lee", "Choi", "Jung", "Kang"), True),
    "japanese": (("Haruto", "Yui", "Sota", "Aoi", "Ren", "Hina"),
                 ("Tanaka", "Suzuki", "Takahashi", "Watanabe", "Yamamoto", "Kobayashi"), False),
    "mexican": (("Alejandra", "Guadalupe", "Jesús", "Ximena", "Mateo", "Lupita"),
                ("Hernández", "García", "Ramírez", "Castillo", "Morales", "Ortega"), False),
    "french": (("Chloé", "Baptiste", "Amélie", "Théo", "Maëlle", "Étienne"),
               ("Dubois", "Lefèvre", "Moreau", "Girard", "Fontaine", "Rousseau"), False),
    "german": (("Jonas", "Lena", "Felix", "Anneliese", "Lukas", "Greta"),
               ("Müller", "Schneider", "Weber", "Hoffmann", "Krüger", "Becker"), False),
    "polish": (("Łukasz", "Agnieszka", "Wojciech", "Małgorzata", "Krzysztof", "Zofia"),
               ("Wójcik", "Kowalczyk", "Nowak", "Zieliński", "Wiśniewska", "Szymańska"), False),
    "turkish": (("Şebnem", "Emre", "Ayşe", "Burak", "Elif", "Mehmet"),
                ("Yılmaz", "Çelik", "Öztürk", "Aydın", "Kaya", "Demir"), False),
    "italian": (("Giulia", "Matteo", "Chiara", "Lorenzo", "Francesca", "Alessandro"),
                ("Rossi", "Bianchi", "Esposito", "Romano", "Colombo", "Ricci"), False),
    "swedish": (("Björn", "Astrid", "Linnea", "Oskar", "Saga", "Elsa"),
                ("Åström", "Lindqvist", "Bergström", "Johansson", "Sjöberg", "Nyström"), False),
    "kenyan": (("Wanjiru", "Otieno", "Achieng", "Kamau", "Njeri", "Kiprono"),
               ("Mwangi", "Odhiambo", "Kariuki", "Wambui", "Chebet", "Onyango"), False),
    "arabic": (("Yousef", "Mariam", "Omar", "Layla", "Khalid", "Noor"),
               ("Al-Hashimi", "Haddad", "Mansour", "Khalil", "Nasser", "Saleh"), False),
    "zulu": (("Thabo", "Nomvula", "Sipho", "Lerato", "Themba", "Zanele"),
             ("Dlamini", "Nkosi", "Mokoena", "Khumalo", "Ndlovu", "Mahlangu"), False),
}
CULTURE_NAMES = tuple(NAME_CULTURES)

WORD_GIVEN = ("Hope", "Grace", "Rose", "Bill", "Mark", "Joy", "Sky", "Brook", "Chase", "Wade",
              "Page", "Will", "Faith", "Dawn", "Summer", "Hunter", "Frank", "Ruby", "Violet",
              "Iris", "Daisy", "Holly", "Ivy", "Amber", "Penny", "Sandy", "Jack", "Drew", "Art",
              "Cliff", "Dale", "Glen", "Heath", "Miles", "Reed", "Robin", "Autumn", "Storm")
WORD_SURNAMES = ("Baker", "Fox", "Wood", "Street", "Church", "Young", "Rich", "Hill", "Brown",
                 "Green", "White", "Black", "Stone", "Bird", "Mills", "Short", "Long", "King",
                 "Bell", "Cook", "Hunt", "Sharp", "Fields", "Wolf", "Rivers", "Lamb", "Love",
                 "Gold", "Frost", "Snow", "Moody", "Marsh")
HYPHENATED_NAMES = ("Mary-Kate O'Brien", "Jean-Luc Moreau", "Anne-Sophie Krüger",
                    "D'Andre Whitaker", "Kimberly Smith-Jones", "Liam O'Connor-Hayes",
                    "Zaid Al-Hashimi", "Da'Quan Fletcher", "Marie-Claire Fontaine",
                    "Sophie Ashworth-Pryce", "Nils-Aslak Somby", "Ka-ming Wong",
                    "Siobhán O'Sullivan", "Ta'ase Fa'asavalu", "Bat-Erdene Ganbold")
DIACRITIC_NAMES = ("Zoë Ashworth", "Łukasz Wójcik", "Şebnem Yılmaz", "Nguyễn Thị Lan",
                   "Zsófia Kovács", "Máret Sara", "João Gonçalves", "Inês Simões",
                   "Ġorġ Camilleri", "Günay Hasanova", "Björn Åström", "Renée Lefèvre",
                   "José Martínez", "Søren Kjærgaard", "Dóra Szűcs", "Ayşe Çelik",
                   "Étienne Girard", "Ümit Öztürk", "Trần Minh Đức", "Hêvî Botanî",
                   "Răzvan Stoica", "Maëlle Rousseau", "Vinícius Magalhães", "Chloé Dubois")

# Given names borne by women, so that 'her', 'grandma' or 'Ms' in a sentence fits the name.
FEMALE_GIVEN = {
    "Emily", "Olivia", "Charlotte", "Megan", "Siobhán", "Aoife", "Niamh", "Chiamaka", "Ngozi",
    "Adaeze", "Zainab", "Hauwa", "Fatima", "Folake", "Yetunde", "Bisola", "Selamawit", "Meron",
    "Tigist", "Hodan", "Faadumo", "Ayaan", "Khadra", "Senait", "Luwam", "Semhar", "Mebrat",
    "Shirin", "Parisa", "Niloufar", "Rojin", "Berfin", "Hêvî", "Dilan", "Anahit", "Lusine",
    "Siranush", "Nino", "Tamar", "Ketevan", "Günay", "Aysel", "Nigar", "Oyuntsetseg",
    "Enkhjargal", "Altantsetseg", "Pema", "Lhamo", "Yangchen", "Nou", "Mai", "Yer", "Aroha",
    "Hine", "Anahera", "Malia", "Losa", "Mele", "Salote", "Losana", "Leilani", "Noelani", "Nivi",
    "Aputi", "Máret", "Elle", "Sunná", "Inga", "Aino", "Eeva", "Veera", "Kadri", "Liis", "Kertu",
    "Zsófia", "Réka", "Dóra", "Ioana", "Mihaela", "Ileana", "Eleni", "Dimitra", "Katerina",
    "Marija", "Charlene", "Doreen", "Inês", "Beatriz", "Leonor", "Larissa", "Gabriela",
    "Juliana", "Maricel", "Kristine", "Jhoanna", "Siti", "Dewi", "Putri", "Nattaya", "Kanya",
    "Anong", "Malee", "Thị Lan", "Thu Hà", "Bảo Anh", "Simran", "Hetal", "Nirali", "Krupa",
    "Lakshmi", "Sravani", "Haritha", "Sneha", "Pooja", "Rutuja", "Ananya", "Priya", "Neha",
    "Xiaoling", "Mei", "Yiting", "Wing-yan", "Hoi-yan", "Man-yee", "Seo-yeon", "Min-seo",
    "Ha-eun", "Yui", "Hina", "Alejandra", "Guadalupe", "Ximena", "Lupita", "Chloé", "Amélie",
    "Maëlle", "Lena", "Anneliese", "Greta", "Agnieszka", "Małgorzata", "Zofia", "Şebnem", "Ayşe",
    "Elif", "Giulia", "Chiara", "Francesca", "Astrid", "Linnea", "Saga", "Elsa", "Wanjiru",
    "Achieng", "Njeri", "Mariam", "Layla", "Noor", "Nomvula", "Lerato", "Zanele", "Hope", "Grace",
    "Rose", "Joy", "Faith", "Dawn", "Summer", "Ruby", "Violet", "Iris", "Daisy", "Holly", "Ivy",
    "Amber", "Penny", "Sandy", "Autumn", "Brook", "Zoë", "Renée", "Mary-Kate", "Anne-Sophie",
    "Kimberly", "Marie-Claire", "Sophie"}
# Surnames whose form says whether a man or a woman bears them.
FEMALE_SURNAMES = {"Hasanova", "Huseynova", "Ismayilova", "Wiśniewska", "Szymańska",
                   "Papadopoulou", "Kostopoulou", "Kaur"}
MALE_SURNAMES = {"Mammadov", "Guliyev", "Rzayev", "Zieliński", "Nikolaidis", "Antonopoulos",
                 "Vlachos", "Singh"}

GIVEN_NAMES = tuple(dict.fromkeys(
    [name for given, _, _ in NAME_CULTURES.values() for name in given] + list(WORD_GIVEN)))
SURNAMES = tuple(dict.fromkeys(
    [name for _, surnames, _ in NAME_CULTURES.values() for name in surnames]
    + list(WORD_SURNAMES)))

# Tokens that never count as identifying words.
PARTICLES = {"van", "von", "de", "der", "den", "da", "di", "du", "dos", "das", "del", "la",
             "le", "bin", "binti", "ibn", "al", "el", "te", "dela", "ó", "ní", "mac", "ap"}
GENERIC_WORDS = {
    "street", "st", "road", "rd", "lane", "avenue", "ave", "av", "drive", "dr", "way", "close",
    "court", "ct", "place", "crescent", "terrace", "boulevard", "blvd", "grove", "quay", "upper",
    "lower", "north", "south", "east", "west", "norte", "sur", "est", "ouest", "nord", "unit",
    "flat", "apt", "apartment", "suite", "house", "no", "box", "po", "floor", "piso", "lot",
    "blk", "brgy", "sector", "nagar", "plot", "rue", "des", "via", "corso", "piazza", "calle",
    "carrer", "avenida", "rua", "ul", "lgh", "caddesi", "bulvarı", "col", "daero", "ro", "gil",
    "gu", "ku", "san", "santo", "santa", "city", "island", "apto", "bis", "bus", "gate", "mail",
    "com", "net", "org", "co", "uk", "dot", "at", "underscore", "dash", "hyphen", "plus", "the",
    "and", "of", "weg", "int", "room", "appt", "chemin", "allée", "mount", "hills", "heights",
    "end", "vía", "gran", "cp", "main", "padre", "uni", "student", "web", "email", "home",
    "family", "online", "edu", "ciudad", "centro", "calzada", "machi", "bay", "dei", "ac"}
TOP_LEVEL_DOMAINS = {"me", "de", "fr", "it", "pl", "in", "au", "ie", "io", "br", "mx", "jp",
                     "kr", "ng", "ke", "ph", "se", "tr", "es", "nz", "ca", "us", "ru", "info"}
WORDY_ABBREVIATIONS = {"or", "in", "oh", "me", "on", "hi", "ok", "id", "al", "la", "ma", "pa",
                       "de", "co", "md", "am", "as", "so", "be", "do", "no", "go", "us", "we",
                       "he", "it", "an", "at", "by", "if", "is", "of", "to", "up", "my", "ab"}

# ---------------------------------------------------------------------------------------------
# Saying numbers
# ---------------------------------------------------------------------------------------------

ONES = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen")
TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
NUMBER_WORDS = set(ONES) | set(TEENS) | set(TENS) | {"oh", "hundred", "thousand", "double",
                                                     "triple"}

# A spoken value is a list of tokens: (text, digits) for a number, (text, None) for the rest.
Token = tuple[str, str | None]


def _raw(text: str) -> Token:
    """A token that is not a number."""
    return (text, None)


def _spaced(tokens: list[Token]) -> list[Token]:
    """Put one space between consecutive tokens."""
    out: list[Token] = []
    for token in tokens:
        if out:
            out.append(_raw(" "))
        out.append(token)
    return out


def _digit_words(digits: str, rng: random.Random, zero: str) -> list[Token]:
    """Say digits one at a time, folding repeats into 'double' and 'triple' now and then."""
    tokens: list[Token] = []
    i = 0
    while i < len(digits):
        digit = digits[i]
        run = 1
        while i + run < len(digits) and digits[i + run] == digit and run < 3:
            run += 1
        word = zero if digit == "0" else ONES[int(digit)]
        if run > 1 and rng.random() < 0.7:
            tokens.append((f"{'double' if run == 2 else 'triple'} {word}", digit * run))
            i += run
        else:
            tokens.append((word, digit))
            i += 1
    return tokens


def _pair_text(two: str, zero: str) -> str:
    """Say two digits as a pair: '07' oh seven, '13' thirteen, '45' forty five."""
    first, second = int(two[0]), int(two[1])
    if first == 0:
        return f"{zero} {zero if second == 0 else ONES[second]}"
    if first == 1:
        return TEENS[second]
    return TENS[first] if second == 0 else f"{TENS[first]} {ONES[second]}"


def _pair_words(digits: str, rng: random.Random, zero: str) -> list[Token]:
    """Say digits in pairs, an odd leading digit on its own."""
    tokens = _digit_words(digits[0], rng, zero) if len(digits) % 2 else []
    for i in range(len(digits) % 2, len(digits), 2):
        tokens.append((_pair_text(digits[i:i + 2], zero), digits[i:i + 2]))
    return tokens


def _house_words(digits: str, zero: str) -> list[Token]:
    """Say a house number the way people do: 'seventeen', 'two twenty one', 'fifteen hundred'."""
    if len(digits) == 1:
        return [(ONES[int(digits)], digits)]
    if len(digits) == 2:
        return [(_pair_text(digits, zero), digits)]
    if len(digits) == 3:
        if digits[1:] == "00":
            return [(f"{ONES[int(digits[0])]} hundred", digits)]
        return [(ONES[int(digits[0])], digits[0]), (_pair_text(digits[1:], zero), digits[1:])]
    if len(digits) == 4 and digits[1:] == "000":
        return [(f"{ONES[int(digits[0])]} thousand", digits)]
    if len(digits) == 4 and digits[2:] == "00":
        return [(f"{_pair_text(digits[:2], zero)} hundred", digits)]
    if len(digits) == 4:
        return [(_pair_text(digits[:2], zero), digits[:2]),
                (_pair_text(digits[2:], zero), digits[2:])]
    return [(" ".join(ONES[int(d)] for d in digits), digits)]


def _code_words(code: str, rng: random.Random, zero: str, sep: str = " ") -> list[Token]:
    """Say a code character by character: letters spelled, digits said, dashes as 'dash'."""
    tokens: list[Token] = []
    for part in re.findall(r"\d+|[^\W\d_]+|[^\w]", code):
        if part.isdigit():
            piece = _spaced(_digit_words(part, rng, zero))
        elif part.isalpha():
            piece = [_raw(" ".join(part.upper()))]
        elif part == " ":
            tokens.append(_raw(sep))
            continue
        else:
            tokens.append(_raw({"-": " dash ", "/": " slash ", ":": " colon "}.get(part, part)))
            continue
        if tokens and tokens[-1][0][-1:].isalnum():
            tokens.append(_raw(" "))
        tokens.extend(piece)
    return tokens


def _settle(tokens: list[Token], zero: str) -> list[Token]:
    """Keep a lone 'twenty' off a following 'one'..'nine': say it 'two oh' instead."""
    out = list(tokens)
    for i, (text, digits) in enumerate(out):
        if digits is None or text not in TENS[2:]:
            continue
        rest = "".join(t for t, _ in out[i + 1:])
        following = re.findall(r"[a-z]+", rest.lower())
        if following and following[0] in ONES[1:]:
            out[i] = (f"{ONES[int(digits[0])]} {zero}", digits)
    return out


def _said(tokens: list[Token], zero: str) -> tuple[str, str]:
    """The text and the digits of a spoken value."""
    tokens = _settle(tokens, zero)
    text = re.sub(r"  +", " ", "".join(t for t, _ in tokens))
    digits = "".join(d for _, d in tokens if d)
    return text, digits


def _joined(groups: list[list[Token]], seps: list[str]) -> list[Token]:
    """Join spoken groups, each with its own separator before it."""
    out: list[Token] = []
    for group, sep in zip(groups, seps, strict=True):
        if out:
            out.append(_raw(sep))
        out.extend(_spaced(group))
    return out


def _zero(rng: random.Random) -> str:
    """How this speaker says 0."""
    return rng.choice(("oh", "oh", "zero"))


# ---------------------------------------------------------------------------------------------
# Values
# ---------------------------------------------------------------------------------------------


class Value:
    """One filled slot: what stands in the sentence and what it means."""

    def __init__(self, kind: str, surface: str, canonical: str, digits: str,
                 words: list[str]) -> None:
        self.kind, self.surface, self.canonical = kind, surface, canonical
        self.digits, self.words = digits, words

    def as_dict(self) -> dict:
        """The value as it is written to the file."""
        return {"kind": self.kind, "surface": self.surface, "canonical": self.canonical,
                "digits": self.digits, "words": self.words}


def _has_token(word: str, text: str) -> bool:
    """Whether word stands in text as a whole token, or spelled out letter by letter."""
    pattern = rf"(?<!\w){re.escape(word)}(?!\w)"
    if len(word) >= 3:
        pattern += r"|(?<!\w)" + r"\s".join(re.escape(ch) for ch in word) + r"(?!\w)"
    return re.search(pattern, text, re.IGNORECASE) is not None


def _identifying(candidates: list[str], surface: str) -> list[str]:
    """The candidate words that identify the value and really stand in its surface."""
    out: list[str] = []
    for word in candidates:
        folded = word.casefold()
        if (len(word) < 2 or folded in GENERIC_WORDS or folded in WORDY_ABBREVIATIONS
                or folded in PARTICLES or folded in NUMBER_WORDS or word.isdigit()
                or not _has_token(word, surface) or folded in (w.casefold() for w in out)):
            continue
        out.append(word)
    return out


def _ascii(text: str) -> str:
    """Fold a name to the letters an e-mail address would use."""
    text = text.replace("ł", "l").replace("Ł", "L").replace("ı", "i").replace("ø", "o")
    text = text.replace("æ", "ae").replace("đ", "d").replace("Đ", "D").replace("ß", "ss")
    folded = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in folded if ch.isascii() and (ch.isalnum() or ch in " -")).lower()


# --- person names ----------------------------------------------------------------------------


def _culture(rng: random.Random, opts: list[str]) -> str:
    """The culture a name comes from: asked for with '@culture', else any."""
    for opt in opts:
        if opt.startswith("@"):
            return opt[1:]
    return rng.choice(CULTURE_NAMES)


def _fits(given: str, surname: str, opts: list[str]) -> bool:
    """Whether the name fits the gender the sentence asks for, and its surname the given name."""
    female = given in FEMALE_GIVEN
    if ("f" in opts and not female) or ("m" in opts and female):
        return False
    return surname not in (MALE_SURNAMES if female else FEMALE_SURNAMES)


def _name_parts(rng: random.Random, opts: list[str]) -> tuple[str, str, bool]:
    """A given name, a surname and whether the surname is said first."""
    for _ in range(200):
        given, surname, surname_first = _any_name_parts(rng, opts)
        if _fits(given, surname, opts):
            break
    return given, surname, surname_first


def _any_name_parts(rng: random.Random, opts: list[str]) -> tuple[str, str, bool]:
    """A given name, a surname and whether the surname is said first, of any gender."""
    if "word" in opts or "wordfull" in opts:
        return rng.choice(WORD_GIVEN), rng.choice(NAME_CULTURES["english"][1]
                                                  + WORD_SURNAMES), False
    if "wordsur" in opts:
        culture = _culture(rng, opts)
        return rng.choice(NAME_CULTURES[culture][0]), rng.choice(WORD_SURNAMES), False
    if "hyph" in opts or "diac" in opts:
        full = rng.choice(HYPHENATED_NAMES if "hyph" in opts else DIACRITIC_NAMES)
        if full.startswith(("Nguyễn", "Trần")):
            surname, given = full.split(" ", 1)
            return given, surname, True
        given, surname = full.split(" ", 1)
        return given, surname, False
    culture = _culture(rng, opts)
    given, surnames, surname_first = NAME_CULTURES[culture]
    return rng.choice(given), rng.choice(surnames), surname_first


def _name_surface(given: str, surname: str, surname_first: bool, opts: list[str]) -> str:
    """The name written the way the slot asks for."""
    full = f"{surname} {given}" if surname_first else f"{given} {surname}"
    if "given" in opts or "word" in opts:
        surface = given
    elif "sur" in opts:
        surface = surname
    elif "init" in opts:
        surface = f"{given[0]}. {surname}"
    elif "rev" in opts or "capsrev" in opts:
        surface = f"{surname}, {given}"
    else:
        surface = full
    if "caps" in opts or "capsrev" in opts:
        surface = surface.upper()
    if "lower" in opts:
        surface = surface.lower()
    if "spell" in opts:
        spelled = surname if "given" not in opts else given
        surface += ", " + " ".join(spelled.upper())
    return surface


def make_name(rng: random.Random, opts: list[str], form: str, state: dict) -> Value:
    """A person's name."""
    del form
    for _ in range(50):
        given, surname, surname_first = _name_parts(rng, opts)
        if "spell" not in opts or re.fullmatch(r"[A-Za-z]+", surname):
            break
    surface = _name_surface(given, surname, surname_first, opts)
    if "given" in opts or "word" in opts:
        canonical = given
    elif "sur" in opts:
        canonical = surname
    elif "init" in opts:
        canonical = f"{given[0]}. {surname}"
    else:
        canonical = f"{surname} {given}" if surname_first else f"{given} {surname}"
    tokens = [t.strip(".,") for t in surface.split()]
    state["person"] = (given, surname)
    return Value("person_name", surface, canonical, "", _identifying(tokens, surface))


# --- e-mail ----------------------------------------------------------------------------------

EMAIL_DOMAINS = ("gmail.com", "gmail.com", "outlook.com", "yahoo.com", "hotmail.co.uk",
                 "icloud.com", "proton.me", "gmx.de", "orange.fr", "libero.it", "wp.pl",
                 "yahoo.co.in", "rediffmail.com", "naver.com", "hotmail.com", "live.com.mx",
                 "uol.com.br", "yandex.com", "bigpond.com", "uni-leipzig.de", "ucd.ie",
                 "umich.edu", "student.unimelb.edu.au", "btinternet.com", "sky.com")
PLUS_TAGS = ("shop", "bills", "school", "news", "orders", "rent")


def _local_part(rng: random.Random, given: str, surname: str) -> tuple[str, str]:
    """An e-mail local part made from a name, and any plus tag it carries."""
    g = _ascii(given).replace(" ", "").replace("-", "") or "anna"
    s = _ascii(surname).replace(" ", "").replace("-", "") or "smith"
    nn = str(rng.randint(10, 99))
    year = str(rng.randint(1968, 2009))
    tag = rng.choice(PLUS_TAGS)
    patterns = [(f"{g}.{s}", ""), (f"{g}{s}", ""), (f"{g}_{s}", ""), (f"{g[0]}{s}", ""),
                (f"{s}.{g}", ""), (f"{g}.{s}{nn}", ""), (f"{g}{year}", ""), (f"{g}-{s}", ""),
                (f"{g}.{s}+{tag}", tag), (f"{s}{g[0]}{nn}", ""), (f"{g}{s[0]}", "")]
    return rng.choice(patterns)


def _email_words(local: str, domain: str, tag: str, surface: str) -> list[str]:
    """The e-mail's identifying tokens: local-part pieces and domain labels."""
    pieces = re.findall(r"\w+", local) + re.findall(r"[a-z]+", local)
    pieces += re.findall(r"\w+", domain.rsplit(".", 1)[0])
    pieces = [p for p in pieces if p != tag and p not in TOP_LEVEL_DOMAINS]
    return [w for w in _identifying(pieces, surface) if w != tag]


def _say_email(rng: random.Random, local: str, domain: str, style: str,
               zero: str) -> list[Token]:
    """An e-mail address as it is said: 'maria dot lopez eight seven at gmail dot com'."""
    names = {".": " dot ", "_": " underscore ", "-": rng.choice((" dash ", " hyphen ")),
             "+": " plus "}
    tokens: list[Token] = []
    for part in re.findall(r"\d+|[a-z]+|.", local):
        if part.isdigit():
            said = _pair_words(part, rng, zero) if len(part) in (2, 4) else _digit_words(
                part, rng, zero)
            tokens.extend(_spaced(said))
        elif part.isalpha():
            spelled = style == "spelled" and len(part) > 2
            tokens.append(_raw(" ".join(part.upper()) if spelled else part))
        else:
            tokens.append(_raw(names[part]))
            continue
        tokens.append(_raw(" "))
    if tokens and tokens[-1][0] == " ":
        tokens.pop()
    said_domain = domain if style == "mixed" else domain.replace(".", " dot ").replace(
        "-", " dash ")
    tokens.append(_raw(f" at {said_domain}"))
    return tokens


def make_email(rng: random.Random, opts: list[str], form: str, state: dict) -> Value:
    """An e-mail address, typed, said, or typed the way Whisper writes a said one."""
    if "own" in opts and "person" in state:
        given, surname = state["person"]
    else:
        given, surname, _ = _name_parts(rng, [o for o in opts if o.startswith("@")])
    local, tag = _local_part(rng, given, surname)
    domain = rng.choice(EMAIL_DOMAINS)
    canonical = f"{local}@{domain}"
    digits = re.sub(r"\D", "", local)
    if form == "typed":
        surface = f"{local} at {domain}" if "whisper" in opts else canonical
    else:
        style = next((o for o in opts if o in ("spelled", "mixed")), None)
        style = style or rng.choice(("spoken", "spoken", "spoken", "mixed"))
        zero = _zero(rng)
        surface, digits = _said(_say_email(rng, local, domain, style, zero), zero)
    return Value("email", surface, canonical, digits, _email_words(local, domain, tag, surface))


# --- phones ----------------------------------------------------------------------------------

PHONE_REGIONS = ("US", "GB", "IE", "CA", "AU", "NZ", "DE", "FR", "ES", "IT", "PL", "SE", "TR",
                 "MX", "BR", "IN", "NG", "KE", "PH", "JP", "KR", "ZA", "NL", "PT", "GR", "FI",
                 "EE", "HU", "RO", "GE", "AM", "MN", "ET", "SO", "VN", "TH", "ID", "WS", "TO")
TYPED_PHONE_STYLES = ("natl", "natl", "intl", "intl", "e164", "00", "dots", "dashes", "run",
                      "odd", "comma", "brackets")
SPOKEN_PHONE_STYLES = ("natl", "natl", "intl", "intl", "00", "pairs")


def _phone_number(rng: random.Random, region: str) -> phonenumbers.PhoneNumber:
    """A valid number for region: an example number with its tail made up afresh."""
    kinds = (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE)
    code = phonenumbers.country_code_for_region(region)
    for attempt in range(2000):
        example = phonenumbers.example_number_for_type(region, rng.choice(kinds))
        nsn = phonenumbers.national_significant_number(example)
        keep = 1 if attempt < 1500 else max(2, len(nsn) - rng.choice((4, 5, 6)))
        tail = "".join(str(rng.randint(0, 9)) for _ in range(len(nsn) - keep))
        number = phonenumbers.parse(f"+{code}{nsn[:keep]}{tail}")
        if phonenumbers.is_valid_number(number) and phonenumbers.region_code_for_number(
                number) == region:
            return number
    raise ValueError(f"no valid number for {region}")


def _regrouped(digits: str, rng: random.Random) -> list[str]:
    """Whisper's odd grouping of a run of digits."""
    groups = []
    while digits:
        size = min(len(digits), rng.choice((2, 3, 3, 4)))
        if len(digits) - size == 1:
            size += 1
        groups.append(digits[:size])
        digits = digits[size:]
    return groups


def _typed_phone(number: phonenumbers.PhoneNumber, style: str, rng: random.Random) -> str:
    """A phone number typed in one of many layouts."""
    fmt = phonenumbers.PhoneNumberFormat
    natl = phonenumbers.format_number(number, fmt.NATIONAL)
    intl = phonenumbers.format_number(number, fmt.INTERNATIONAL)
    groups = re.findall(r"\d+", natl)
    if style == "intl":
        return intl
    if style == "e164":
        return phonenumbers.format_number(number, fmt.E164)
    if style == "00":
        return "00" + intl[1:]
    if style == "dots":
        return ".".join(groups)
    if style == "dashes":
        return "-".join(groups)
    if style == "run":
        return "".join(groups)
    if style == "odd":
        return " ".join(_regrouped("".join(groups), rng))
    if style == "comma":
        return ", ".join(groups)
    if style == "brackets" and "".join(groups).startswith("0"):
        code, rest = intl.split(" ", 1)
        return f"{code} (0){rest}"
    return natl


def _spoken_phone(number: phonenumbers.PhoneNumber, style: str, rng: random.Random,
                  zero: str) -> list[Token]:
    """A phone number said aloud, in groups, with 'plus' or 'double oh' for the country."""
    fmt = phonenumbers.PhoneNumberFormat
    natl = phonenumbers.format_number(number, fmt.NATIONAL)
    intl_groups = re.findall(r"\d+", phonenumbers.format_number(number, fmt.INTERNATIONAL))
    groups = re.findall(r"\d+", natl)
    sep = rng.choice((", ", " ", " ", ", "))
    lead: list[Token] = []
    if style in ("intl", "00"):
        code, groups = intl_groups[0], intl_groups[1:]
        start = "plus" if style == "intl" else rng.choice(("double oh", "oh oh", "zero zero"))
        lead = [(start, None if style == "intl" else "00"), _raw(" ")]
        lead += _spaced(_digit_words(code, rng, zero)) + [_raw(sep)]
    say = _pair_words if style == "pairs" else _digit_words
    said = [say(group, rng, zero) for group in groups]
    return lead + _joined(said, [sep] * len(said))


def make_phone(rng: random.Random, opts: list[str], form: str, state: dict) -> Value:
    """A phone number from a region, typed or said, now and then with an extension."""
    del state
    region = next((o for o in opts if o.isupper()), None) or rng.choice(PHONE_REGIONS)
    number = _phone_number(rng, region)
    styles = TYPED_PHONE_STYLES if form == "typed" else SPOKEN_PHONE_STYLES
    style = next((o for o in opts if o in styles), None) or rng.choice(styles)
    extension = str(rng.randint(10, 4999)) if "ext" in opts else ""
    canonical = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if form == "typed":
        surface = _typed_phone(number, style, rng)
        if extension:
            surface += rng.choice((" ext. ", " x", " ext ", ", extension "))
            surface += extension
        digits = re.sub(r"\D", "", surface)
    else:
        zero = _zero(rng)
        tokens = _spoken_phone(number, style, rng, zero)
        if extension:
            tokens += [_raw(rng.choice((", extension ", " extension ")))]
            tokens += _spaced(_digit_words(extension, rng, zero))
        surface, digits = _said(tokens, zero)
    if extension:
        canonical += f";ext={extension}"
    return Value("phone", surface, canonical, digits, [])


# --- cards, SSNs, IBANs ----------------------------------------------------------------------


def _card_number(rng: random.Random, amex: bool) -> str:
    """A Luhn-valid card number: Visa, Mastercard, Discover or American Express."""
    if amex:
        body = rng.choice(("34", "37")) + "".join(str(rng.randint(0, 9)) for _ in range(12))
    else:
        prefix = rng.choice(("4", "4", "51", "53", "55", "2221", "6011"))
        body = prefix + "".join(str(rng.randint(0, 9)) for _ in range(15 - len(prefix)))
    return body + luhn.calc_check_digit(body)


def _card_groups(number: str) -> list[str]:
    """A card number in its printed groups."""
    if len(number) == 15:
        return [number[:4], number[4:10], number[10:]]
    return [number[i:i + 4] for i in range(0, 16, 4)]


def make_card(rng: random.Random, opts: list[str], form: str, state: dict) -> Value:
    """A payment card number, typed in groups or run together, or said in fours or pairs."""
    del state
    number = _card_number(rng, "amex" in opts)
    groups = _card_groups(number)
    if form == "typed":
        style = next((o for o in opts if o in ("spaced", "run", "dashed", "comma")), None)
        style = style or rng.choice(("spaced", "spaced", "run", "dashed", "comma"))
        joiner = {"spaced": " ", "run": "", "dashed": "-", "comma": ", "}[style]
        surface = joiner.join(groups)
        return Value("card", surface, number, re.sub(r"\D", "", surface), [])
    zero = _zero(rng)
    say = _pair_words if "pairs" in opts else _digit_words
    said = [say(group, rng, zero) for group in groups]
    sep = rng.choice((", ", " ", ", "))
    surface, digits = _said(_joined(said, [sep] * len(said)), zero)
    return Value("card", surface, number, digits, [])


def _ssn_number(rng: random.Random) -> str:
    """A valid US social security number, AAA-GG-SSSS."""
    while True:
        area = rng.randint(1, 899)
        number = f"{area:03d}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}"
        if area != 666 and stdnum_ssn.is_valid(number):
            return number


def make_ssn(rng: random.Random, opts: list[str], form: str, state: dict) -> Value:
    """A US SSN, dashed, spaced or run together, or said in its three groups."""
    del state
    number = _ssn_number(rng)
    groups = number.split("-")
    if form == "typed":
        style = next((o for o in opts if o in ("dashed", "spaced", "run")), None)
        style = style or rng.choice(("dashed", "dashed", "spaced", "run"))
        surface = {"dashed": "-", "spaced": " ", "run": ""}[style].join(groups)
        return Value("us_ssn", surface, number, re.sub(r"\D", "", surface), [])
    zero = _zero(rng)
    if "pairs" in opts:
        said = [[(ONES[int(groups[0][0])], groups[0][0])] + _pair_words(groups[0][1:], rng, zero),
                _pair_words(groups[1], rng, zero), _pair_words(groups[2], rng, zero)]
    else:
        said = [_digit_words(group, rng, zero) for group in groups]
    sep = rng.choice((", ", " ", " dash "))
    surface, digits = _said(_joined(said, [sep] * 3), zero)
    return Value("us_ssn", surface, number, digits, [])


IBAN_COUNTRIES = ("DE", "FR", "ES", "IT", "NL", "GB", "IE", "PL", "SE", "TR", "BE", "PT", "AT",
                  "CH", "MT", "GR", "FI", "RO", "HU", "EE")
IBAN_BANKS = {"GB": ("NWBK", "BARC", "LOYD", "HBUK", "MIDL"), "IE": ("AIBK", "BOFI", "IPBS"),
              "NL": ("ABNA", "INGB", "RABO", "SNSB", "KNAB"), "MT": ("MALT", "VALL"),
              "RO": ("BTRL", "RNCB", "BRDE")}
IBAN_LAYOUTS = {"DE": "18n", "FR": "23n", "ES": "20n", "IT": "1a22n", "NL": "4b10n",
                "GB": "4b14n", "IE": "4b14n", "PL": "24n", "SE": "20n", "TR": "22n",
                "BE": "12n", "PT": "21n", "AT": "16n", "CH": "17n", "MT": "4b23n",
                "GR": "23n", "FI": "14n", "RO": "4b16n", "HU": "24n", "EE": "16n"}


def _iban_number(rng: random.Random, country: str) -> tuple[str, str]:
    """A valid IBAN for country, and the bank letters it holds."""
    for _ in range(20000):
        bank = rng.choice(IBAN_BANKS.get(country, ("",)))
        bban = ""
        for count, kind in re.findall(r"(\d+)([nab])", IBAN_LAYOUTS[country]):
            if kind == "b":
                bban += bank
            elif kind == "a":
                bban += "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
                                for _ in range(int(count)))
            else:
                bban += "".join(str(rng.randint(0, 9)) for _ in range(int(count)))
        number = country + stdnum_iban.calc_check_digits(f"{country}00{bban}") + bban
        if stdnum_iban.is_valid(number):
            return number, bank
    raise ValueError(f"no valid IBAN for {country}")


def make_iban(rng: random.Random, opts: list[str], form: str, state: dict) -> Value:
    """An IBAN, grouped in fours, compact or in lower case, or said group by group."""
    del state
    country = next((o for o in opts if o.isupper()), None) or rng.choice(IBAN_COUNTRIES)
    number, bank = _iban_number(rng, country)
    groups = [number[i:i + 4] for i in range(0, len(number), 4)]
    if form == "typed":
        style = next((o for o in opts if o in ("grouped", "compact", "lower")), None)
        style = style or rng.choice(("grouped", "grouped", "compact", "lower"))
        surface = number if style == "compact" else " ".join(groups)
        surface = surface.lower() if style == "lower" else surface
        digits = re.sub(r"\D", "", surface)
    else:
        zero = _zero(rng)
        head = [_raw(" ".join(country)), _raw(" ")]
        head += _spaced(rng.choice((_pair_words, _digit_words))(number[2:4], rng, zero))
        tokens = head
        sep = rng.choice((", ", ", ", " "))
        for group in groups[1:]:
            tokens.append(_raw(sep))
            tokens.extend(_code_words(group, rng, zero))
        surface, digits = _said(tokens, zero)
    words = _identifying([bank] if bank else [], surface)
    return Value("iban", surface, number, digits, words)


# --- IP addresses ----------------------------------------------------------------------------

PUBLIC_DNS = {"8.8.8.8", "8.8.4.4", "1.1.1.1", "1.0.0.1", "9.9.9.9"}


def _ip(rng: random.Random, flavour: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    """A home-network, public or IPv6 address."""
    if flavour == "lan":
        return ipaddress.ip_address(rng.choice((
            f"192.168.{rng.choice((0, 1, 1, 2, 10, 50, 178))}.{rng.randint(2, 254)}",
            f"10.0.{rng.randint(0, 9)}.{rng.randint(2, 254)}",
            f"172.{rng.randint(16, 31)}.{rng.randint(0, 255)}.{rng.randint(2, 254)}")))
    if flavour == "v6":
        prefix = rng.choice((0xFE80 << 112, 0x2A02 << 112, 0x2001_0DB8 << 96, 0x2600 << 112))
        if prefix == 0xFE80 << 112:
            return ipaddress.IPv6Address(prefix | rng.getrandbits(64))
        return ipaddress.IPv6Address(prefix | rng.getrandbits(80) << 16 | rng.getrandbits(16))
    while True:
        address = ipaddress.IPv4Address(rng.getrandbits(32))
        if address.is_global and str(address) not in PUBLIC_DNS:
            return address


def _octet_words(octet: str, rng: random.Random, zero: str) -> list[Token]:
    """An IPv4 octet said digit by digit or the natural way."""
    if len(octet) == 3 and rng.random() < 0.5:
        return _house_words(octet, zero)
    if len(octet) == 2 and rng.random() < 0.7:
        return [(_pair_text(octet, zero), octet)]
    return _digit_words(octet, rng, "zero" if len(octet) == 1 else zero)


def make_ip(rng: random.Random, opts: list[str], form: str, state: dict) -> Value:
    """An IP address, typed or said ('one nine two dot one six eight ...')."""
    del state
    flavour = next((o for o in opts if o in ("lan", "pub", "v6")), None)
    flavour = flavour or rng.choice(("lan", "lan", "pub", "v6"))
    address = _ip(rng, flavour)
    canonical = str(address)
    if form == "typed":
        surface = canonical.upper() if flavour == "v6" and rng.random() < 0.3 else canonical
        if "dotword" in opts:
            surface = canonical.replace(".", " dot ")
        return Value("ip_address", surface, canonical, re.sub(r"\D", "", surface), [])
    zero = _zero(rng)
    if address.version == 4:
        sep = rng.choice((" dot ", " dot ", " point "))
        said = [_octet_words(octet, rng, zero) for octet in canonical.split(".")]
        surface, digits = _said(_joined(said, [sep] * 4), zero)
    else:
        surface, digits = _said(_ipv6_words(canonical), "zero")
    return Value("ip_address", surface, canonical, digits, [])


def _ipv6_words(canonical: str) -> list[Token]:
    """An IPv6 address said character by character, '::' as 'double colon'."""
    tokens: list[Token] = []
    for i, chunk in enumerate(canonical.split("::")):
        if i:
            tokens.append(_raw(" double colon "))
        for j, group in enumerate(chunk.split(":") if chunk else []):
            if j:
                tokens.append(_raw(" colon "))
            for k, ch in enumerate(group):
                if k:
                    tokens.append(_raw(" "))
                tokens.append((ONES[int(ch)], ch) if ch.isdigit() else _raw(ch.upper()))
    return _trimmed(tokens)


def _trimmed(tokens: list[Token]) -> list[Token]:
    """Drop spaces at either end of a token list."""
    while tokens and tokens[0][1] is None and not tokens[0][0].strip():
        tokens = tokens[1:]
    if tokens and tokens[0][1] is None:
        tokens[0] = _raw(tokens[0][0].lstrip())
    while tokens and tokens[-1][1] is None and not tokens[-1][0].strip():
        tokens = tokens[:-1]
    if tokens and tokens[-1][1] is None:
        tokens[-1] = _raw(tokens[-1][0].rstrip())
    return tokens


# --- street addresses ------------------------------------------------------------------------
# An address is a list of parts: plain text, ("n", house number), ("c", code said character by
# character) or ("t", typed text, spoken text); and the words that identify it.

Part = str | tuple[str, ...]
Address = tuple[list[Part], list[str]]


def _n(rng: random.Random, low: int, high: int) -> tuple[str, str]:
    """A house, flat or plot number."""
    return ("n", str(rng.randint(low, high)))


def _letters(rng: random.Random, count: int, alphabet: str = "ABDEFGHJLNPRSTUWXY") -> str:
    """Random capital letters for postcodes."""
    return "".join(rng.choice(alphabet) for _ in range(count))


def us_address(rng: random.Random) -> Address:
    """A US address: '4821 Maple Ridge Drive, Apt 12, Tucson, AZ 85719'."""
    street, suffix = rng.choice((("Maple Ridge", "Drive"), ("Juniper", "Lane"),
                                 ("Cedar Hollow", "Road"), ("Magnolia", "Avenue"),
                                 ("Sycamore", "Street"), ("Willow Bend", "Court"),
                                 ("Prairie Rose", "Way"), ("Desert Willow", "Drive")))
    city, state, zip_code = rng.choice((
        ("Tucson", "AZ", "85719"), ("Austin", "TX", "78704"), ("Raleigh", "NC", "27605"),
        ("Madison", "WI", "53703"), ("Albuquerque", "NM", "87106"),
        ("Sacramento", "CA", "95816"), ("Savannah", "GA", "31401"), ("Duluth", "MN", "55803"),
        ("Lexington", "KY", "40502"), ("Spokane", "WA", "99201"), ("Buffalo", "NY", "14201")))
    parts: list[Part] = [_n(rng, 12, 9870), f" {street} {suffix}, "]
    if rng.random() < 0.4:
        parts += ["Apt ", _n(rng, 1, 40), ", "]
    parts += [f"{city}, {state} ", ("c", zip_code)]
    return parts, street.split() + [city, state]


def gb_address(rng: random.Random) -> Address:
    """A UK address: 'Flat 2, 17 Gloucester Road, Bristol BS7 8AE'."""
    street = rng.choice(("Gloucester Road", "Hartley Avenue", "Cavendish Close", "Priory Lane",
                         "Wellington Terrace", "Beech Grove", "Chantry Road"))
    town, outward = rng.choice((("Bristol", "BS7"), ("Leeds", "LS6"), ("Norwich", "NR2"),
                                ("Cardiff", "CF24"), ("Leicester", "LE2"), ("Brighton", "BN1"),
                                ("York", "YO31"), ("Glasgow", "G12")))
    inward = str(rng.randint(1, 9)) + _letters(rng, 2)
    parts: list[Part] = ["Flat ", _n(rng, 1, 9), ", "] if rng.random() < 0.4 else []
    parts += [_n(rng, 2, 140), f" {street}, {town}{rng.choice((' ', ', '))}",
              ("c", f"{outward} {inward}")]
    return parts, street.split() + [town, outward, inward]


def ie_address(rng: random.Random) -> Address:
    """An Irish address with an Eircode: '14 Leeson Street Upper, Dublin 2, D02 X285'."""
    street, area, key = rng.choice((("Leeson Street Upper", "Dublin ", "D02"),
                                    ("Sea Road", "Salthill, Galway", "H91"),
                                    ("Wellington Road", "Cork", "T23"),
                                    ("O'Connell Avenue", "Limerick", "V94"),
                                    ("Ranelagh Road", "Dublin ", "D06")))
    unique = rng.choice("ACDEFHKNPRTVWXY") + "".join(
        rng.choice("ACDEFHKNPRTVWXY0123456789") for _ in range(3))
    parts: list[Part] = ["Apartment ", _n(rng, 1, 30), ", "] if rng.random() < 0.3 else []
    parts += [_n(rng, 1, 88), f" {street}, {area}"]
    if area.endswith(" "):
        parts += [("n", str(int(key[1:]))), ", "]
    else:
        parts += [", "]
    parts += [("c", f"{key} {unique}")]
    return parts, street.split() + area.replace(",", "").split() + [key, unique]


def ca_address(rng: random.Random) -> Address:
    """A Canadian address: '45 Maple Crescent, Oakville, ON L6J 2X4'."""
    street, city, province, fsa = rng.choice((
        ("Maple Crescent", "Oakville", "ON", "L6J"), ("rue Sainte-Catherine Est", "Montréal",
                                                      "QC", "H2L"),
        ("Kingsway", "Vancouver", "BC", "V5R"), ("Jasper Avenue", "Edmonton", "AB", "T5J"),
        ("Barrington Street", "Halifax", "NS", "B3J"), ("Portage Avenue", "Winnipeg", "MB",
                                                        "R3G")))
    ldu = f"{rng.randint(0, 9)}{_letters(rng, 1, 'ABCEGHJKLMNPRSTVWXYZ')}{rng.randint(0, 9)}"
    parts: list[Part] = [_n(rng, 10, 2400), f" {street}, {city}, {province} ",
                         ("c", f"{fsa} {ldu}")]
    if rng.random() < 0.4:
        parts = ["Unit ", _n(rng, 101, 1908), ", "] + parts
    return parts, street.split() + [city, province, fsa, ldu]


def au_address(rng: random.Random) -> Address:
    """An Australian address: '3/42 Wattle Street, Fitzroy VIC 3065'."""
    street, suburb, state, postcode = rng.choice((
        ("Wattle Street", "Fitzroy", "VIC", "3065"), ("Lygon Street", "Carlton", "VIC", "3053"),
        ("Enmore Road", "Newtown", "NSW", "2042"), ("Latrobe Terrace", "Paddington", "QLD",
                                                    "4064"),
        ("Beaufort Street", "Mount Lawley", "WA", "6050"), ("Sandy Bay Road", "Sandy Bay",
                                                           "TAS", "7005")))
    house = _n(rng, 2, 310)
    if rng.random() < 0.5:
        parts: list[Part] = [_n(rng, 1, 12), ("t", "/", " stroke "), house]
    else:
        parts = [house]
    parts += [f" {street}, {suburb} {state} ", ("c", postcode)]
    return parts, street.split() + suburb.split() + [state]


def de_address(rng: random.Random) -> Address:
    """A German address: 'Hauptstraße 5, 10115 Berlin'."""
    street, plz, town = rng.choice((
        ("Hauptstraße", "10115", "Berlin"), ("Schillerstraße", "80336", "München"),
        ("Lindenallee", "50968", "Köln"), ("Bahnhofstraße", "04109", "Leipzig"),
        ("Goethestraße", "60313", "Frankfurt am Main"), ("Eppendorfer Weg", "20259", "Hamburg")))
    parts: list[Part] = [f"{street} ", _n(rng, 1, 140)]
    if rng.random() < 0.3:
        parts.append(("t", "a", " a"))
    parts += [", ", ("c", plz), f" {town}"]
    return parts, street.split() + town.split()


def fr_address(rng: random.Random) -> Address:
    """A French address: '12 rue des Lilas, 75011 Paris'."""
    street, code, town = rng.choice((
        ("rue des Lilas", "75011", "Paris"), ("avenue Jean Jaurès", "69007", "Lyon"),
        ("boulevard de la Liberté", "59000", "Lille"), ("rue Sainte-Catherine", "33000",
                                                         "Bordeaux"),
        ("chemin des Vignes", "31000", "Toulouse")))
    parts: list[Part] = ["Appt ", _n(rng, 1, 60), ", "] if rng.random() < 0.25 else []
    parts += [_n(rng, 1, 180), " bis " if rng.random() < 0.2 else " ", f"{street}, ",
              ("c", code), f" {town}"]
    return parts, street.split() + [town]


def es_address(rng: random.Random) -> Address:
    """A Spanish address: 'Calle de Alcalá 45, 3º B, 28014 Madrid'."""
    street, code, town = rng.choice((
        ("Calle de Alcalá", "28014", "Madrid"), ("Carrer de Mallorca", "08013", "Barcelona"),
        ("Avenida de la Constitución", "41001", "Sevilla"), ("Calle Colón", "46004",
                                                              "Valencia"),
        ("Gran Vía", "48001", "Bilbao")))
    parts: list[Part] = [f"{street} ", _n(rng, 1, 250), ", "]
    if rng.random() < 0.6:
        parts += [_n(rng, 1, 9), ("t", "º ", " "), rng.choice("ABCD"), ", "]
    parts += [("c", code), f" {town}"]
    return parts, street.split() + [town]


def it_address(rng: random.Random) -> Address:
    """An Italian address: 'Via Garibaldi 23, 20121 Milano'."""
    street, code, town = rng.choice((
        ("Via Garibaldi", "20121", "Milano"), ("Corso Vittorio Emanuele", "10121", "Torino"),
        ("Via dei Mille", "80121", "Napoli"), ("Piazza Santo Spirito", "50125", "Firenze"),
        ("Via Roma", "90133", "Palermo")))
    parts: list[Part] = [f"{street} ", _n(rng, 1, 120), ", "]
    if rng.random() < 0.3:
        parts += ["int. ", _n(rng, 1, 20), ", "]
    parts += [("c", code), f" {town}"]
    return parts, street.split() + [town]


def pl_address(rng: random.Random) -> Address:
    """A Polish address: 'ul. Marszałkowska 84/92 m. 15, 00-514 Warszawa'."""
    street, code, town = rng.choice((
        ("ul. Marszałkowska", "00-514", "Warszawa"), ("ul. Długa", "80-827", "Gdańsk"),
        ("ul. Floriańska", "31-019", "Kraków"), ("ul. Piotrkowska", "90-406", "Łódź")))
    parts: list[Part] = [f"{street} ", _n(rng, 1, 120)]
    if rng.random() < 0.5:
        parts += [("t", "/", " slash "), _n(rng, 1, 40)]
    parts += [", ", ("c", code), f" {town}"]
    return parts, [street.split()[1], town]


def se_address(rng: random.Random) -> Address:
    """A Swedish address: 'Storgatan 12 B, 114 55 Stockholm'."""
    street, code, town = rng.choice((
        ("Storgatan", "114 55", "Stockholm"), ("Kungsgatan", "411 19", "Göteborg"),
        ("Drottninggatan", "753 10", "Uppsala"), ("Södra Förstadsgatan", "211 43", "Malmö")))
    parts: list[Part] = [f"{street} ", _n(rng, 1, 90)]
    if rng.random() < 0.4:
        parts += [" B, lgh ", ("c", str(rng.randint(1001, 1303)))]
    parts += [", ", ("c", code), f" {town}"]
    return parts, street.split() + [town]


def tr_address(rng: random.Random) -> Address:
    """A Turkish address: 'Bağdat Caddesi No: 210 D: 5, 34728 Kadıköy/İstanbul'."""
    street, code, district, city = rng.choice((
        ("Bağdat Caddesi", "34728", "Kadıköy", "İstanbul"),
        ("Atatürk Bulvarı", "06420", "Çankaya", "Ankara"),
        ("Kıbrıs Şehitleri Caddesi", "35220", "Konak", "İzmir"),
        ("İstiklal Caddesi", "34433", "Beyoğlu", "İstanbul")))
    parts: list[Part] = [f"{street} No: ", _n(rng, 1, 320)]
    if rng.random() < 0.6:
        parts += [" D: ", _n(rng, 1, 24)]
    parts += [", ", ("c", code), f" {district}", ("t", "/", ", "), city]
    return parts, street.split() + [district, city]


def mx_address(rng: random.Random) -> Address:
    """A Mexican address with its colonia: 'Calle Durango 120, Col. Roma Norte, ...'."""
    street, colonia, code, city = rng.choice((
        ("Calle Durango", "Roma Norte", "06700", "Cuauhtémoc, Ciudad de México"),
        ("Av. Vallarta", "Americana", "44160", "Guadalajara, Jal."),
        ("Calle Macedonio Alcalá", "Centro", "68000", "Oaxaca de Juárez"),
        ("Calzada del Valle", "Del Valle", "66220", "San Pedro Garza García")))
    parts: list[Part] = [f"{street} ", _n(rng, 10, 1800)]
    if rng.random() < 0.3:
        parts += [" int. ", _n(rng, 1, 12)]
    parts += [f", Col. {colonia}, C.P. ", ("c", code), f", {city}"]
    words = street.split() + colonia.split() + re.findall(r"[^\W\d]+", city)
    return parts, words


def br_address(rng: random.Random) -> Address:
    """A Brazilian address: 'Rua Augusta, 1500, apto 42 - Consolação, São Paulo - SP, ...'."""
    street, district, city, uf, cep = rng.choice((
        ("Rua Augusta", "Consolação", "São Paulo", "SP", "01305-100"),
        ("Avenida Atlântica", "Copacabana", "Rio de Janeiro", "RJ", "22021-001"),
        ("Rua da Bahia", "Centro", "Belo Horizonte", "MG", "30160-011"),
        ("Rua Padre Chagas", "Moinhos de Vento", "Porto Alegre", "RS", "90570-080")))
    parts: list[Part] = [f"{street}, ", _n(rng, 10, 2400)]
    if rng.random() < 0.5:
        parts += [", apto ", _n(rng, 11, 304)]
    parts += [f" - {district}, {city} - {uf}, ", ("c", cep)]
    return parts, street.split() + district.split() + city.split() + [uf]


def in_address(rng: random.Random) -> Address:
    """An Indian address with a PIN: 'Flat 4B, 12 MG Road, Indiranagar, Bengaluru 560038'."""
    road, area, city, pin = rng.choice((
        ("MG Road", "Indiranagar", "Bengaluru", "560038"),
        ("Linking Road", "Bandra West", "Mumbai", "400050"),
        ("FC Road", "Shivajinagar", "Pune", "411005"),
        ("Anna Salai", "Teynampet", "Chennai", "600018"),
        ("Banjara Hills Road", "Somajiguda", "Hyderabad", "500082")))
    if rng.random() < 0.5:
        letter = rng.choice("ABCD")
        parts: list[Part] = ["Flat ", _n(rng, 1, 12), ("t", letter, f" {letter}"), ", "]
    else:
        parts = ["House No. ", ("n", str(rng.randint(1, 480))), ", "]
    parts += [_n(rng, 1, 90), f" {road}, {area}, {city}", rng.choice((" ", " - ")),
              ("c", pin)]
    return parts, road.split() + area.split() + [city]


def ng_address(rng: random.Random) -> Address:
    """A Nigerian address: '15 Adeola Odeku Street, Victoria Island, Lagos'."""
    street, area, city = rng.choice((
        ("Adeola Odeku Street", "Victoria Island", "Lagos"),
        ("Ahmadu Bello Way", "Garki", "Abuja"), ("Bompai Road", "Nassarawa", "Kano"),
        ("Allen Avenue", "Ikeja", "Lagos"), ("Ogui Road", "Uwani", "Enugu")))
    lead = rng.choice((["No. "], ["Plot "], []))
    parts: list[Part] = lead + [_n(rng, 1, 240), f" {street}, {area}, {city}"]
    return parts, street.split() + area.split() + [city]


def ke_address(rng: random.Random) -> Address:
    """A Kenyan address: 'House 12, Argwings Kodhek Road, Kilimani, Nairobi' or a P.O. Box."""
    if rng.random() < 0.35:
        town, code = rng.choice((("Nairobi", "00100"), ("Mombasa", "80100"),
                                 ("Kisumu", "40100")))
        return ["P.O. Box ", ("c", f"{rng.randint(1000, 99999)}-{code}"), f", {town}"], [town]
    street, area, city = rng.choice((
        ("Argwings Kodhek Road", "Kilimani", "Nairobi"), ("Nyali Road", "Nyali", "Mombasa"),
        ("Oginga Odinga Street", "Milimani", "Kisumu"), ("Ngong Road", "Kilimani", "Nairobi")))
    parts: list[Part] = [rng.choice(("House ", "Apartment ")), _n(rng, 1, 60),
                         f", {street}, {area}, {city}"]
    return parts, street.split() + [area, city]


def ph_address(rng: random.Random) -> Address:
    """A Philippine address: 'Blk 5 Lot 12, Mabini St., Brgy. San Isidro, Quezon City 1100'."""
    street, barangay, city, code = rng.choice((
        ("Mabini St.", "Brgy. San Isidro", "Quezon City", "1100"),
        ("Jupiter Street", "Bel-Air", "Makati", "1209"),
        ("Katipunan Avenue", "Loyola Heights", "Quezon City", "1108"),
        ("Osmeña Boulevard", "Brgy. Kalubihan", "Cebu City", "6000")))
    if rng.random() < 0.5:
        parts: list[Part] = ["Blk ", _n(rng, 1, 40), " Lot ", _n(rng, 1, 60), f", {street}, "]
    else:
        parts = ["Unit ", _n(rng, 101, 2405), ", ", _n(rng, 1, 90), f" {street}, "]
    parts += [f"{barangay}, {city} ", ("c", code)]
    words = [w.strip(".") for w in f"{street} {barangay} {city}".split()]
    return parts, words


def jp_address(rng: random.Random) -> Address:
    """A Japanese address in romaji: '2-21-1 Shibuya, Shibuya-ku, Tokyo 150-0002'."""
    district, ward, city, code = rng.choice((
        ("Shibuya", "Shibuya-ku", "Tokyo", "150-0002"), ("Umeda", "Kita-ku", "Osaka",
                                                         "530-0001"),
        ("Sakae", "Naka-ku", "Nagoya", "460-0008"), ("Gion-machi", "Higashiyama-ku", "Kyoto",
                                                     "605-0073"),
        ("Ōdōri Nishi", "Chūō-ku", "Sapporo", "060-0042")))
    dash = ("t", "-", " dash ")
    parts: list[Part] = ["Room ", _n(rng, 101, 1204), ", "] if rng.random() < 0.4 else []
    parts += [_n(rng, 1, 7), dash, _n(rng, 1, 30), dash, _n(rng, 1, 18),
              f" {district}, {ward}, {city} ", ("c", code)]
    return parts, district.replace("-", " ").split() + [ward.split("-")[0], city]


def kr_address(rng: random.Random) -> Address:
    """A Korean road address: '12 Sejong-daero, Jongno-gu, Seoul 03172'."""
    road, gu, city, code = rng.choice((
        ("Sejong-daero", "Jongno-gu", "Seoul", "03172"),
        ("Haeundae-ro", "Haeundae-gu", "Busan", "48094"),
        ("Teheran-ro", "Gangnam-gu", "Seoul", "06236"),
        ("Dongseong-ro", "Jung-gu", "Daegu", "41940")))
    parts: list[Part] = []
    if rng.random() < 0.4:
        parts += ["Apt ", _n(rng, 101, 112), ("t", "-", " dash "), _n(rng, 101, 2104), ", "]
    parts += [_n(rng, 1, 420), f" {road}, {gu}, {city} ", ("c", code)]
    return parts, [road.split("-")[0], gu.split("-")[0], city]


ADDRESS_BUILDERS: dict[str, Callable[[random.Random], Address]] = {
    "US": us_address, "GB": gb_address, "IE": ie_address, "CA": ca_address, "AU": au_address,
    "DE": de_address, "FR": fr_address, "ES": es_address, "IT": it_address, "PL": pl_address,
    "SE": se_address, "TR": tr_address, "MX": mx_address, "BR": br_address, "IN": in_address,
    "NG": ng_address, "KE": ke_address, "PH": ph_address, "JP": jp_address, "KR": kr_address}


def _typed_address(parts: list[Part]) -> str:
    """The address as written."""
    return "".join(part if isinstance(part, str) else part[1] for part in parts)


def _spoken_address(parts: list[Part], rng: random.Random, zero: str) -> list[Token]:
    """The address as said: house numbers the natural way, codes digit by digit."""
    tokens: list[Token] = []
    for part in parts:
        if isinstance(part, str):
            tokens.append(_raw(part))
        elif part[0] == "t":
            tokens.append(_raw(part[2]))
        elif part[0] == "n":
            if tokens and tokens[-1][0][-1:].isalnum():
                tokens.append(_raw(" "))
            tokens.extend(_spaced(_house_words(part[1], zero)))
        else:
            tokens.extend(_code_words(part[1], rng, zero, rng.choice((" ", ", "))))
    return tokens


def make_address(rng: random.Random, opts: list[str], form: str, state: dict) -> Value:
    """A street address in one of twenty national formats, typed or said."""
    del state
    country = next((o for o in opts if o.isupper()), None) or rng.choice(list(ADDRESS_BUILDERS))
    parts, candidates = ADDRESS_BUILDERS[country](rng)
    canonical = _typed_address(parts)
    if form == "typed":
        surface = canonical
        digits = re.sub(r"\D", "", surface)
    else:
        zero = _zero(rng)
        surface, digits = _said(_spoken_address(parts, rng, zero), zero)
    words = _identifying([w.strip(".,") for w in candidates], surface)
    return Value("street_address", surface, canonical, digits, words)


FILLERS: dict[str, Callable[[random.Random, list[str], str, dict], Value]] = {
    "person_name": make_name, "email": make_email, "phone": make_phone, "card": make_card,
    "us_ssn": make_ssn, "iban": make_iban, "ip_address": make_ip,
    "street_address": make_address}


# ---------------------------------------------------------------------------------------------
# Templates. A slot is {kind} or {kind:options}; options are a style, a region or country in
# capitals, or '@culture' for a name. The file's template field keeps only {kind}.
# ---------------------------------------------------------------------------------------------

TYPED_TEMPLATES = (
    # smart home and device sharing
    "Share the front doorbell camera with my neighbour {person_name:f}, her email is {email:own}.",
    "Add {person_name:given,f} to the family plan, her number is {phone:GB,natl}.",
    "The printer is on {ip_address:lan} and the NAS is on {ip_address:lan}, can you ping both?",
    "Block {ip_address:pub} on the router, it keeps hitting the camera login.",
    "Send the guest Wi-Fi password to {phone:US,dashes} please",
    "Give {person_name:word} access to the smart lock until Sunday.",
    "Why does my laptop show {ip_address:v6} now instead of the usual address?",
    "Invite {email} to the home group so she can see the cameras.",
    "Forward the motion alerts to {email} and {email} while we're away.",
    "Set the heating in {person_name:given}'s room to 19 degrees at bedtime.",
    "The kids' tablet got {ip_address:lan}, make that a fixed lease.",
    "Port forward 32400 to {ip_address:lan} for the media server.",
    "Text the new alarm code to Mum on {phone:AU,natl}.",
    "Who is {ip_address:v6}? It turns up in the router log every night.",
    "Transfer the thermostat account to {person_name} ({email:own}).",
    "Can you whitelist {ip_address:pub}? It's my office VPN.",
    "Let {person_name:wordfull,f} in when she rings, she's feeding the cat.",
    "Make {person_name:rev} an admin on the Wi-Fi app.",
    # money apps and fraud
    "I need to report a scam, someone called from {phone:GB,intl} saying they were my bank.",
    "Dispute the charge on card {card:spaced}, I never shopped there.",
    "Send $25 to {email} for the pizza.",
    "Set up a standing order of €850 rent to {iban:DE,grouped}, reference Wohnung 3.",
    "Transfer 1200 to my landlord {person_name}, IBAN {iban:FR,grouped}.",
    "The shop asked me to read out my card, it's {card:comma}. Is that normal?",
    "My SSN is {us_ssn:dashed}, which box does it go in on the 1040?",
    "For the SNAP renewal they need my SSN {us_ssn:spaced} and my daughter's, {us_ssn:dashed}.",
    "Freeze card {card:run} right now, my wallet got stolen.",
    "Someone texted me from {phone:US,e164} asking for a gift card code.",
    "Refund {person_name:init} the deposit to {iban:GB,grouped}.",
    "Zelle {person_name:given} $60 at {phone:US,dashes}.",
    "Is {email} a real PayPal address or phishing?",
    "Pay the babysitter, {person_name:word,f}, through her email {email:own}.",
    "Cancel the direct debit to {iban:NL,grouped}, I left that gym in March.",
    "The W-2 says SSN {us_ssn:dashed} but that's not mine, who do I call?",
    "Card number {card:dashed}, expiry 09/27, for the hotel deposit.",
    "Split the cabin with {person_name}, {person_name} and {person_name}, £112 each.",
    "Wire 500 USD to {iban:TR,grouped}, beneficiary {person_name:caps}.",
    "Fraud alert says a payment went to {iban:ES,compact}, I don't know that account.",
    "Use {card:amex,spaced} for the flights, it's the Amex.",
    "The benefits office wants my husband's SSN too: {us_ssn:run}.",
    "Request £15 from {person_name:f} for the taxi, she's {phone:GB,odd} on the app.",
    "My rent goes to {person_name:rev}, account {iban:IE,grouped}.",
    "Chargeback please, {card:spaced} was billed twice by the same shop.",
    "Put {card:spaced} on file for the monthly veg box.",
    "The waiter read my card back as {card:run}, is that even mine?",
    "Add {card:dashed} to the wallet app and make it the default.",
    "SSN: {us_ssn:dashed}. Is that the format the IRS wants?",
    "My son's social security number is {us_ssn:spaced}, put it on the FAFSA.",
    "Pay {iban:BE,grouped} the 60 euros for the tennis club, it's {person_name}'s account.",
    # code-switching and non-native English
    "Oye, mándale el link a {person_name:@mexican} a {email:own}, porfa.",
    "Bhai, {person_name:given,@punjabi} ka number save kar do: {phone:IN,natl}.",
    "Pakisend naman yung address ko: {street_address:PH}.",
    "Schick das an {email} bitte, and copy me in.",
    "Mon adresse c'est {street_address:FR}, tu peux la mettre dans le GPS?",
    "Meine neue Adresse ist {street_address:DE}, please update it for deliveries.",
    "Mi dirección es {street_address:MX}, send the package there.",
    "Tawagan mo si {person_name:@filipino} sa {phone:PH,natl} mamaya ha.",
    "Envoie la facture à {email}, merci, and cc the accountant.",
    "Ruf mal {person_name:@german} an, die Nummer ist {phone:DE,natl}.",
    "Il mio indirizzo è {street_address:IT}, can you book the taxi from there?",
    "Moje konto to {iban:PL,grouped}, send the deposit there please.",
    "Mi IBAN es {iban:ES,grouped}, pásame lo de los vuelos.",
    "Kaun hai {person_name:@telugu}? Usne {phone:IN,run} se message kiya.",
    "Adresim {street_address:TR}, kargo buraya gelsin please.",
    "Manda un WhatsApp a {person_name:given,@mexican} al {phone:MX,intl}.",
    "Jag bor på {street_address:SE}, where's the nearest pharmacy?",
    "O meu endereço é {street_address:BR}, manda o Uber pra cá.",
    "Ji, mera address hai {street_address:IN}, deliver before 6 please.",
    "Mwambie {person_name:given,@kenyan} anipigie kwa {phone:KE,intl}.",
    "Abeg send am to {email}, na my new email be that.",
    "Omo, my address na {street_address:NG}, make the driver no get lost.",
    "My address wa {street_address:JP} desu, please register it.",
    "Juso-neun {street_address:KR}, send the hanbok there.",
    "Überweis die Kaution an {iban:AT,grouped}, Kontoinhaber {person_name:@german}.",
    "C'est {person_name:@french} qui a le code, son portable c'est le {phone:FR,natl}.",
    "Haan, {person_name:@hindi} ka pata hai {street_address:IN}, note kar lo.",
    # pasted documents
    "Name: {person_name:caps} DOB: 14/03/1987 Tel: {phone:GB,natl} Email: {email:own}",
    "From: {person_name} <{email:own}> Sent: Tuesday 09:14 Subject: keys",
    "Kind regards, {person_name} | Senior Buyer | {phone:GB,intl} | {email:own}",
    "BEGIN:VCARD FN:{person_name} TEL;CELL:{phone:AU,e164} EMAIL:{email:own} END:VCARD",
    "{person_name},{email:own},{phone:US,run},{street_address:US}",
    "Fwd SMS: Hi it's {person_name:given}, new number, save it {phone:NG,natl}",
    "Letter header: {person_name}, {street_address:GB}, 12 March 2024. Dear Sir,",
    "Patient: {person_name:capsrev} Address: {street_address:AU}",
    "Account holder: {person_name:rev} IBAN: {iban:DE,grouped} BIC: COBADEFFXXX",
    "Emergency contact: {person_name:f} (mother) {phone:IE,natl}",
    "Sender: {person_name:caps}, {street_address:KR}",
    "Ship to: {person_name} / {street_address:CA} / {phone:CA,dashes}",
    "Employee;SSN;Start -- {person_name};{us_ssn:dashed};2024-02-01",
    "Signed {person_name}, witnessed by {person_name}, 3 June 2023.",
    "Login alert 22:14 from {ip_address:pub}, user {email}.",
    "Can you read me this? Dear Ms {person_name:sur,f}, your appointment on 4 May has moved.",
    "The form says Surname: {person_name:sur,caps} Given names: {person_name:given,caps}",
    "Reply from {email}: yes the room at {street_address:GB} is still free.",
    "Contact: {person_name}, mobile {phone:NZ,natl}, work {phone:NZ,intl}",
    "Payee {person_name}, account {iban:GB,grouped}, ref INV-2291.",
    "Auto-reply: I'm off until Monday. Urgent? Call {person_name} on {phone:SE,natl}.",
    "Tenant: {person_name:rev} | SSN {us_ssn:dashed} | Unit 4B",
    "Pasted: Nombre: {person_name:caps,@mexican} Dirección: {street_address:ES}",
    "From the invoice: Bill to {person_name}, {street_address:US}, card {card:spaced}",
    "Read it back: Dear {person_name:given}, call me on {phone:GB,ext} when you can.",
    "Network inventory: printer {ip_address:lan}, owner {person_name}, desk 14.",
    "Beneficiary: {person_name:caps} / IBAN {iban:MT,grouped} / Purpose: school fees",
    "Footer: {person_name} · Volunteer Coordinator · {phone:ZA,intl}",
    "Form 2: applicant {person_name:rev}, SSN {us_ssn:spaced}, phone {phone:US,dots}",
    "vCard N:{person_name:rev} ADR:{street_address:IE} TEL:{phone:IE,intl}",
    # emergencies
    "My dad fell and can't get up, we're at {street_address:US}, send an ambulance.",
    "Ambulance to {street_address:AU}, side gate is open, ring {phone:AU,natl} on arrival.",
    "Smoke coming from the flat below, address is {street_address:IE}.",
    "Send directions to {street_address:CA} to my brother {person_name:given,m}.",
    "Mum collapsed at {street_address:GB}, I'm with her, her GP is Dr {person_name:sur}.",
    "Grandpa {person_name:m} wandered off, last seen near {street_address:KE}.",
    # marketplace
    "Tell the buyer to meet me at {street_address:GB} at 6 for the bike.",
    "The seller {person_name} wants $80 by Zelle to {phone:US,dashes} first, sketchy?",
    "Message {person_name:lower} on Marketplace: sofa still there, pick up from "
    "{street_address:US}",
    "The buyer asked for my email, give her {email} not my personal one.",
    "Pickup from {street_address:DE} between 5 and 7, ask for {person_name:given,@german}.",
    # genealogy
    "My grandparents were {person_name:m} and {person_name:f}, they lived at {street_address:IE}.",
    "Search the 1921 census for {person_name:caps}.",
    "Great-grandma {person_name:f}'s maiden name was {person_name:sur}.",
    "Add {person_name:m} (1902-1977) to the tree as {person_name:given}'s father.",
    "Old letters are addressed to {person_name:init} at {street_address:PL}.",
    "The ship manifest lists {person_name:capsrev}, aged 19, from Cork.",
    # reunions, volunteering, university, teenagers
    "Reunion list: still missing {person_name}, {person_name} and {person_name}.",
    "Does anyone have {person_name:given}'s new email? {email} bounces.",
    "Volunteer rota: {person_name} on Saturday, {person_name:word} on Sunday.",
    "Register {person_name:caps} for the food bank shift, contact {email:own}.",
    "The registrar has me as {person_name} but my student email is {email}.",
    "Housing office: move me to {street_address:US}, roommate is {person_name}.",
    "lol {person_name:lower,f} just gave me her number {phone:US,run}",
    "bro send me {person_name:given,lower}'s number, I only have {phone:GB,odd}",
    "omg {person_name:word,lower} is coming to the party??",
    "Guest list: {person_name:lower}, {person_name:lower}, {person_name:lower}",
    "The dissertation supervisor is Dr. {person_name:sur}, email {email}.",
    "Litter pick on Sunday, meet at {street_address:GB}, bring gloves.",
    # names
    "{person_name} called twice while you were out.",
    "Did {person_name:wordfull} RSVP yet?",
    "Mr. {person_name:sur,m} from accounts wants a call back.",
    "{person_name:hyph} is the new lead on the project.",
    "Share the holiday album with {person_name:diac} and {person_name:diac}.",
    "Book a table for me and {person_name:wordsur} at 8.",
    "Add {person_name:@samoan}, {person_name:@maori} and {person_name:@hawaiian} to the "
    "team chat.",
    # phones, e-mails and IPs on their own
    "Missed calls from {phone:TR,natl} and {phone:TR,natl}, do you know who that is?",
    "Her Finnish number is {phone:FI,intl}, the Estonian one is {phone:EE,natl}.",
    "My number is {phone:GE,comma}.",
    "Add {phone:ET,intl} to {person_name:@amharic}'s contact.",
    "Call {person_name:@somali} on {phone:SO,intl} after prayers.",
    "Contact the Mongolian guide {person_name:@mongolian} on {phone:MN,intl}.",
    "Put {email:whisper} as my work contact on the form.",
    "Set the DNS on {ip_address:lan,dotword} back to automatic.",
    "Call the Tibetan centre contact {person_name:@tibetan} at {phone:IN,brackets}.",
    "The Hmong church treasurer is {person_name:@hmong}, number {phone:US,dots}.",
)

SPOKEN_TEMPLATES = (
    # smart home and device sharing
    "let {person_name} next door see the doorbell camera",
    "set a static address of {ip_address:lan} for the living room speaker",
    "the printer's IP is {ip_address:lan} can you add it",
    "can you text the wifi password to {phone:GB} for my guest",
    "let {person_name:word} use the garage door this weekend",
    "block the device on {ip_address:lan} from the internet after nine",
    "invite {email} to the home app",
    "give {person_name} the spare door code",
    "ping {ip_address:pub} and tell me if it answers",
    "there's an unknown device at {ip_address:v6}, kick it off",
    "my mother in law {person_name:f} is staying so give her the wifi",
    "who's connected from {ip_address:pub} right now",
    "turn off {person_name:given}'s tablet at bedtime",
    "add {person_name:wordfull} as a guest user on the lock",
    "forward the camera clips to {email:mixed}",
    "the smart plug says its address is {ip_address:lan}",
    # money apps and fraud
    "got a dodgy call from {phone:GB} pretending to be the bank, report it",
    "my card number is {card}",
    "set up a standing order for the rent to {iban:DE}",
    "my social security number is {us_ssn}",
    "I never made a purchase on {card:pairs}, open a dispute",
    "pay {person_name:given,f} back on her number {phone:US}",
    "they want me to pay {iban:GB} is that a scam",
    "the card for the shop is {card}",
    "for the benefits form, the boy's social is {us_ssn:pairs}",
    "refund my sister {person_name:f} to her account {iban:IE}",
    "someone called from {phone:US} saying my account was locked",
    "cancel card {card} it was stolen",
    "transfer the deposit to {iban:NL} please",
    "request thirty euros from {person_name} for the dinner",
    "the tax form needs my wife's social {us_ssn}",
    "send the money to {iban:FR} reference rent",
    "pay the cleaner {person_name:word} on {phone:GB}",
    "the amex is {card:amex}",
    "my SSN for the unemployment claim is {us_ssn}",
    "put the refund on {card} not the debit card",
    "the fraud team wants me to confirm {card:pairs}",
    "send the wedding gift to {iban:IT}",
    "my social security number, {us_ssn:pairs}, is that right on the form",
    "the landlord's account is {iban:SE}",
    "the IRS letter has {us_ssn} on it",
    "what card did I use last time, was it {card}",
    "my daughter's social security number is {us_ssn} for the passport",
    "enter my SSN it's {us_ssn:pairs}",
    "send {person_name:given,f} forty bucks on venmo, her number's {phone:US}",
    "pay the football subs to {iban:PT}",
    # code-switching and non-native English
    "oye llama a {person_name:given,@mexican} al {phone:MX}",
    "{person_name:@marathi} ne naya number diya hai, {phone:IN}, save kar lo",
    "pakitext si {person_name:given,@filipino} sa {phone:PH} ha",
    "kannst du das bitte an {email} schicken",
    "mon numéro c'est le {phone:FR} call me back",
    "unsere Adresse ist {street_address:DE}, put that on the order",
    "vivo en {street_address:ES}, okay",
    "mi cuenta es {iban:ES} para el depósito",
    "ich bin {person_name:@german} and I need to move my appointment",
    "yung address ko ay {street_address:PH}",
    "envoie ça à {person_name:@french} s'il te plaît",
    "mi número es {phone:US} but text me on WhatsApp",
    "o meu pix é {email}",
    "kargoyu {street_address:TR} adresine gönder",
    "naam likho {person_name:@punjabi} aur phone {phone:IN}",
    "przelej na {iban:PL}, thanks",
    "il mio numero è {phone:IT} ciao",
    "sawa nitumie kwa {phone:KE}",
    "delivery {street_address:IN} pe karna hai",
    "yaar {person_name:given,@gujarati} ko email karo {email}",
    "mándalo a {street_address:MX} por favor",
    "manda pro {person_name:@brazilian} no {phone:BR}",
    "abeg call {person_name:@yoruba} for {phone:NG}",
    "taekbae address is {street_address:KR}, ppalli please",
    "kono jusho ni okutte, {street_address:JP}",
    "sag {person_name:given,@german,m}, er soll mich unter {phone:DE} zurückrufen",
    "salut c'est {person_name:given,@french}, mon mail c'est {email}",
    "habari, my address is {street_address:KE}",
    "tu peux virer l'argent sur {iban:FR}",
    "entrega no {street_address:BR}, valeu",
    "kay {person_name:@filipino} mo i-send, address niya {street_address:PH}",
    # documents read aloud or dictated
    "the letter is from {person_name} at {street_address:GB}",
    "name {person_name} date of birth fourth of March phone {phone:GB}",
    "the signature says {person_name} senior partner and then {email}",
    "for the form, surname {person_name:sur,spell}",
    "the contact card has {person_name} mobile {phone:AU}",
    "the email footer says call {phone:US,ext}",
    "it's signed by {person_name} and {person_name}",
    "read me the sender again, right, {person_name} from {street_address:US}",
    "the invoice says bill to {person_name} card {card}",
    "the letter says please quote your social security number {us_ssn}",
    "the SMS was from {phone:ZA}",
    "the vcard says {person_name} at {email}",
    "the log says failed login from {ip_address:pub}",
    "the parcel label says {person_name} {street_address:CA}",
    "the bank letter says payee {person_name}, account {iban:RO}",
    "the form has my name as {person_name:capsrev} which is wrong",
    # emergencies
    "call an ambulance to {street_address:US}",
    "tell {person_name:given} to meet the paramedics at {street_address:AU}",
    "my grandmother {person_name:f} isn't answering, her number is {phone:IE}",
    "send my location to {person_name:word} and {person_name:word}",
    "there's been a crash on the road outside our place, {street_address:NG}",
    "my neighbour {person_name} collapsed, we're at {street_address:IE}",
    "the fire is at {street_address:CA} near the school",
    # marketplace
    "tell the buyer the pickup address is {street_address:DE}",
    "the seller's number is {phone:GB}",
    "meet {person_name} outside the station for the pram",
    "the guy selling the fridge is at {street_address:FR}",
    # genealogy
    "my grandfather {person_name:m} was born in a village near Tbilisi",
    "his parents were {person_name:m} and {person_name:f}",
    "they lived at {street_address:PL} before the war",
    "look up {person_name:sur,spell} in the parish records",
    "great grandma {person_name:diac,f} came over on a boat",
    # reunions, volunteering, university, teenagers
    "add {person_name} to the reunion list",
    "the volunteer coordinator is {person_name:f}, her email is {email}",
    "email the registrar at {email} about my transcript",
    "text {person_name:given} that practice is cancelled",
    "tell {person_name:word} to bring the speaker",
    "put {person_name} on the litter pick rota for Saturday",
    "my student email is {email}",
    # names
    "{person_name} is picking up the kids today",
    "remind me to call {person_name} back",
    "ask {person_name:f} if she wants the tickets",
    "{person_name}, {person_name} and {person_name} are coming for dinner",
    "thank {person_name:word} for the lift",
    "congratulate {person_name} on the promotion",
    "{person_name:given}'s birthday is next week, remind me",
    "call {person_name:diac}",
    "send a voice note to {person_name:hyph}",
    "is it {person_name} or {person_name} who has the key",
    "the new babysitter is called {person_name:wordfull}",
    "book me in with doctor {person_name:sur}",
    "pick up {person_name:given,@tongan}'s boots from the club",
    "my teacher is {person_name:spell}",
    "{person_name:wordsur,f} said she'll be late",
    "play the voicemail from {person_name:@inuit}",
    "did {person_name:@sami} reply about the reindeer photos",
    # phones, e-mails and IPs on their own
    "call back {phone:JP} after seven",
    "she's on {phone:KR} this week",
    "save {phone:ZA} as the plumber",
    "try {phone:IT,00} it's the landlady",
    "whatsapp {phone:BR} the photos",
    "ring {phone:GB,ext} and ask for billing",
    "our guide in Ulaanbaatar picks up on {phone:MN}",
    "{phone:ET} is my aunt in Addis, add her",
    "my cousin's new number is {phone:GR}",
    "call {phone:NL,pairs}",
    "dial {phone:AU,pairs} for my sister",
    "update my email to {email:mixed}",
    "cc {email:spelled} on the quote",
    "my IP address is {ip_address:pub}",
    "the camera is on {ip_address:lan}",
    "the server at {ip_address:pub} is down again",
    "my router's IP version six address is {ip_address:v6}",
    "the Armenian uncle {person_name:@armenian,m} is on {phone:AM}",
    "text {person_name:@georgian} on {phone:GE}",
)

# ---------------------------------------------------------------------------------------------
# Negatives: sentences with no personal data at all, many of them built to look as if they had.
# ---------------------------------------------------------------------------------------------

TYPED_NEGATIVES = (
    "Where's my parcel? Tracking number 1Z999AA10123456784.",
    "Order #4410-2281-9935-0047 still says processing.",
    "Invoice INV-2024-00318 is overdue by 14 days.",
    "My claim number is CLM-7734-1120, any update?",
    "Case 00482913 was closed without a reply.",
    "Policy HX-55120933-01 renews in June, how much will it go up?",
    "Booking reference K7XQ2P for the 18:45 to Edinburgh.",
    "Ticket #88213: the projector in room 4.12 is broken.",
    "The PS5 is £479.99 at Argos and £449 at Currys.",
    "Add 2 cups of flour, 250 ml milk and 3 eggs.",
    "Chelsea v Arsenal finished 2-2.",
    "Set an alarm for 06:15 tomorrow.",
    "Remind me on 12/05/2025 to renew the car tax.",
    "Flight BA2490 to Lisbon leaves from gate 22.",
    "Train 1A23 is running 12 minutes late.",
    "Windows update is stuck on 10.0.19045.3803, should I restart?",
    "Serial number C02XK1ZJHV2Q, model A2338, is it under warranty?",
    "VIN 1HGCM82633A004352, what year is this Honda?",
    "ISBN 978-0-14-143951-8 is the Penguin Pride and Prejudice.",
    "Product code SKU-44719-BLK-XL is out of stock.",
    "Make the header #1E90FF and the buttons #FF6347.",
    "Text STOP to 85555 to unsubscribe.",
    "If anything happens, call 911.",
    "Dial 111 for the out-of-hours nurse.",
    "Set the DNS servers to 8.8.8.8 and 1.1.1.1.",
    "Room 1204, gate B7, seat 23F.",
    "It's 31°C in Seville today.",
    "Take 500 mg paracetamol every 6 hours, no more than 4 doses a day.",
    "Who painted the Mona Lisa, Leonardo da Vinci?",
    "Play Jolene by Dolly Parton.",
    "Put on Roxanne by The Police.",
    "Is Harry Potter older than Hermione Granger?",
    "Find a table at Nando's for 4 at 7:30.",
    "Is the Tesco on Church Street open on Sundays?",
    "The grace period on my loan ends on the 15th.",
    "Hope so, the forecast says 18 degrees.",
    "Will it rain in Manchester on Saturday?",
    "We're getting a Jack Russell puppy in 3 weeks.",
    "Can I choose bill me later at checkout on orders over £30?",
    "Mark all 47 newsletters as read.",
    "The 2019 Corolla takes 5W-30 oil, 4.4 litres.",
    "Real Madrid beat Barcelona 3-1 on Sunday.",
    "What's 15% of 2,340?",
    "Convert 72 Fahrenheit to Celsius.",
    "Queen Elizabeth II reigned for 70 years.",
    "Napoleon was born in 1769 in Corsica.",
    "The meeting moved to Room 3.14 at 14:00.",
    "My router is a TP-Link Archer AX55 v1.0.",
    "Update the doorbell to firmware 2.10.114.6 tonight.",
    "Track package 9400 1118 9922 3456 7890 12.",
    "Amazon order 112-4478123-5567123 hasn't arrived.",
    "Ferry confirmation code is 88YTR2.",
    "Bus 73 runs every 8 minutes to Oxford Circus.",
    "Oven to 180 degrees, 25 minutes.",
    "Zoom meeting ID 845 2231 9087, passcode 551203.",
    "Reply YES to 60777 to confirm your slot.",
    "Add 12 AA batteries and 2 HDMI cables to the list.",
    "The Hobbit was published in 1937.",
    "Beyoncé, Adele and Rihanna: who has the most Grammys?",
    "Liverpool v Everton kicks off at 16:30.",
    "The Chase app keeps logging me out.",
    "Grace Hopper wrote the first compiler in 1952.",
    "Give 2.5 ml every 4 hours for the fever.",
    "The garden is 12.5 by 8 metres.",
    "Set a timer for 3 minutes 30 seconds.",
    "Step count today: 12,482.",
    "Lotto numbers 4 11 19 27 38 45, did I win?",
    "Printer error 0x80070005 again.",
    "Error 503 on the website since 9am.",
    "Transaction ID 7F3A-22B1-9C0D-4E88 failed.",
    "Is the Sky Sports package worth £35 a month?",
    "Mr. Bean is on at 8 on ITV.",
    "The rose gold iPhone 15 is £799.",
    "Sherlock Holmes and Dr Watson, who came first in the books?",
    "Page 212 of the manual, section 4.3.1.",
    "Our Wi-Fi channel is 36 at 80 MHz.",
    "My parcel locker code is 4471, door 16.",
    "Spotify says I listened to 41,209 minutes this year.",
    "Abbey Road and Penny Lane are both Beatles songs.",
)

SPOKEN_NEGATIVES = (
    "where's my parcel the tracking number is one Z nine nine nine A A one oh one two",
    "my order number is four four one oh two two eight one nine nine three five",
    "what's the score in Chelsea versus Arsenal",
    "put on Jolene, the Dolly Parton one",
    "put on Roxanne",
    "will it rain tomorrow",
    "I hope so, we need the sunshine",
    "what's the grace period on my credit card",
    "timer twenty minutes for the rice",
    "how many grams in two cups of sugar",
    "is flight BA two four nine oh on time",
    "dial one one one for the nurse line",
    "call nine one one",
    "text STOP to eight five five five five",
    "set the DNS to eight dot eight dot eight dot eight",
    "the Windows version is ten point oh point one nine oh four five",
    "how long does a Jack Russell live",
    "mark as read please",
    "bill me later is fine",
    "who was Martin Luther King",
    "the gate is B twenty two and boarding is at ten past six",
    "room four hundred and twelve please",
    "it's minus five outside",
    "take two tablets every four hours",
    "what year did Nelson Mandela become president",
    "is Sherlock Holmes a real person",
    "add eggs milk and bread to the shopping list",
    "book a table at Wagamama for six",
    "who's playing Real Madrid tonight",
    "how far is Berlin from Munich",
    "is Baker Street on the Jubilee line",
    "what's the ISBN for Pride and Prejudice",
    "my case number is eight eight two one three, any update",
    "turn the heating up to twenty one degrees",
    "the invoice total is four hundred and fifty two pounds",
    "what's fifteen percent of eighty",
    "remind me on the twelfth of May about the car tax",
    "the train to Leeds goes from platform nine",
    "it's the nineteen eighty four edition",
    "play something by Queen",
    "is Frank Ocean touring this year",
    "turn off the lights in the kitchen",
    "the policy number is H X five five one two oh nine three three",
    "the booking reference is K seven X Q two P",
    "the zoom meeting ID is eight four five two two three one nine oh eight seven",
    "my claim number is C L M seven seven three four",
    "the serial number starts with C oh two X K",
    "how much is the iPhone fifteen pro",
    "put two hundred and fifty grams of butter in",
    "Arsenal won three nil",
    "the next bus is the seventy three in eight minutes",
    "what temperature for chicken, one eighty",
    "give her two point five mils of Calpol",
    "the ferry leaves at half past seven",
    "is Will Smith in the new film",
    "Grace period or not I'm paying it today",
    "hope you're feeling better",
    "will the shop be open on Sunday",
    "chase the council about the bins",
    "wade through my emails and find the newsletter",
    "page down",
    "the brook behind the house is flooding",
    "the Sky box needs a reset",
    "I've got a Jack Russell and a collie",
    "reply yes to six oh seven seven seven",
    "the gate code for the car park is four seven seven one",
    "version two point ten point one one four point six is out",
    "the lottery numbers were four eleven nineteen twenty seven thirty eight",
    "the hex colour is F F six three four seven",
    "Liverpool versus Everton at half four",
    "who wrote Harry Potter",
    "is Rose Street in Edinburgh pedestrian only",
    "the Mona Lisa is in the Louvre, right",
    "Doctor Who is on at seven",
    "nine nine nine is for emergencies only",
    "read me chapter three of Pride and Prejudice",
    "what's the population of Lagos",
)

# ---------------------------------------------------------------------------------------------
# Building the set
# ---------------------------------------------------------------------------------------------

SLOT = re.compile(r"\{(\w+)(?::([^}]*))?\}")


def plain_template(spec: str) -> str:
    """The template as the file holds it: each slot reduced to {kind}."""
    return SLOT.sub(lambda match: "{" + match.group(1) + "}", spec)


def split_of(template: str) -> str:
    """'heldout' when the first byte of the template's sha256 is below 128, else 'dev'."""
    return "heldout" if hashlib.sha256(template.encode()).digest()[0] < 128 else "dev"


def _fill(spec: str, form: str, rng: random.Random) -> tuple[str, str, list[Value], list[int]]:
    """Fill every slot of spec: the text, the context, the values and where each one starts."""
    state: dict = {}
    text = context = ""
    values: list[Value] = []
    starts: list[int] = []
    pos = 0
    for match in SLOT.finditer(spec):
        frame = spec[pos:match.start()]
        opts = match.group(2).split(",") if match.group(2) else []
        value = FILLERS[match.group(1)](rng, opts, form, state)
        text += frame
        starts.append(len(text))
        text += value.surface
        context += frame + " "
        values.append(value)
        pos = match.end()
    return text + spec[pos:], context + spec[pos:], values, starts


def _sound(text: str, context: str, values: list[Value], starts: list[int], form: str) -> bool:
    """Whether a filled sentence keeps every labelling rule."""
    if form == "spoken" and re.search(r"\d", text):
        return False
    surfaces = [value.surface.casefold() for value in values]
    if len(set(surfaces)) != len(surfaces):
        return False
    pos = 0
    for value, start in zip(values, starts, strict=True):
        if text.index(value.surface, pos) != start:
            return False
        pos = start + len(value.surface)
        if any(_has_token(word, context) for word in value.words):
            return False
        if value.kind == "person_name" and not value.words:
            return False
        if value.kind == "street_address" and (
                not value.digits or value.digits != re.sub(r"\D", "", value.canonical)):
            return False
    return True


def _item(text: str, form: str, template: str, context: str, values: list[Value]) -> dict:
    """One line of the file, its id given later."""
    return {"text": text, "form": form, "split": split_of(template), "source": SOURCE,
            "template": template, "context": context,
            "values": [value.as_dict() for value in values], "id": ""}


def _check_templates() -> None:
    """Every template is distinct and each slot stands apart from the words around it."""
    specs = TYPED_TEMPLATES + SPOKEN_TEMPLATES
    plain = [plain_template(spec) for spec in specs]
    if len(set(plain)) != len(plain):
        raise ValueError("two templates share a frame")
    for spec in specs:
        for match in SLOT.finditer(spec):
            before = spec[match.start() - 1:match.start()]
            after = spec[match.end():match.end() + 1]
            if re.match(r"\w", before) or re.match(r"\w", after):
                raise ValueError(f"slot touches a word: {spec}")
            if match.group(1) not in FILLERS:
                raise ValueError(f"unknown kind: {spec}")
    for spec in SPOKEN_TEMPLATES + SPOKEN_NEGATIVES:
        if re.search(r"\d", plain_template(spec)):
            raise ValueError(f"digit in a spoken sentence: {spec}")


def _data_items(seen: set[str]) -> list[dict]:
    """Each template filled twice, with two different fills."""
    items = []
    for form, specs in (("typed", TYPED_TEMPLATES), ("spoken", SPOKEN_TEMPLATES)):
        for spec in specs:
            for fill in (1, 2):
                for attempt in range(400):
                    rng = random.Random(f"{SEED}|{spec}|{fill}|{attempt}")
                    text, context, values, starts = _fill(spec, form, rng)
                    if text not in seen and _sound(text, context, values, starts, form):
                        break
                else:
                    raise ValueError(f"no sound fill for {spec}")
                seen.add(text)
                items.append(_item(text, form, plain_template(spec), context, values))
    return items


def build_items() -> list[dict]:
    """Every item of the set, shuffled with a fixed seed and numbered."""
    _check_templates()
    negatives = [(text, "typed") for text in TYPED_NEGATIVES]
    negatives += [(text, "spoken") for text in SPOKEN_NEGATIVES]
    seen = {text for text, _ in negatives}
    if len(seen) != len(negatives):
        raise ValueError("a negative is listed twice")
    items = _data_items(seen)
    items += [_item(text, form, text, text, []) for text, form in negatives]
    random.Random(SEED).shuffle(items)
    for number, item in enumerate(items):
        item["id"] = f"{SOURCE}-{number:04d}"
    return items


def render(items: list[dict]) -> str:
    """The file's text: one JSON object a line."""
    return "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items)


def main() -> None:
    """Write the set to DATA_FILE."""
    items = build_items()
    DATA_FILE.write_text(render(items), encoding="utf-8")
    data = sum(bool(item["values"]) for item in items)
    print(f"wrote {len(items)} items ({data} with data) to {DATA_FILE}")


if __name__ == "__main__":
    main()

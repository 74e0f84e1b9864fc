"""Street addresses with what goes with them: flat or suite, town, state, ZIP, postcode.

A place is personal data only as part of an address: "Flat 3, 174 Gloucester
Gardens, Oxford OX2 1QX" and "80 Fairmount Parkway, Suite 728, Louisville, KY
40268" are masked whole, "weather in Portland" is left alone. A full UK postcode
("LS6 2AB") names a handful of houses, so it is masked on its own. US state names
and codes come from the `us` package's table, read once, lazily; Canadian and
Australian ones are few enough to list here.
"""

from __future__ import annotations

import re
from functools import cache

from appliance.governance.spoken import SINGLE_DIGITS
from appliance.governance.word_lists import (
    common_words,
    first_names,
    frequent_words,
    is_uncommon_word,
    last_names,
    place_names,
)

_STREET_SUFFIX = (r"street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|"
                  r"way|place|pl|terrace|tce|parkway|pkwy|circle|cir|highway|hwy|square|sq|"
                  r"close|cl|crescent|cres|gardens|gdns|grove|row|mews|walk|hill|heights|"
                  r"trail|ridge|quay|loop|alley|park|plaza|parade|pde|esplanade|promenade|"
                  r"expressway|expy|freeway|fwy|turnpike|pike|causeway|broadway|green|glen|"
                  r"vale|view|rise|meadows?|yard|wharf|embankment|crest|croft|cove|path|pass|"
                  r"mall|centre|center|estate|gr|ter|terr|hts|cross|ro|gil|daero|soi|utca|út")
# A flat, apartment or suite, before the house number or after the street: "Flat 3,",
# "apartment 6 a", "Suite 3652", "#4B", "unit two d" (as `to_written` leaves it).
_UNIT = (r"(?:flat|apartment|apt\.?|unit|suite|ste\.?|room|floor|blk|block|#) ?#?"
         r"(?:\d+[A-Za-z]?|[A-Za-z]\d*|one|two|three|four|five|six|seven|eight|nine|ten)"
         r"(?:-\d+|(?: \d+\b){1,3}| [A-Za-z]\b)?")
# "221B Baker Street", "1600 Pennsylvania Avenue", "12 north elm st", "9 2 4 5 Lakeview
# lane" (said digit by digit): a house number, up to four words, a street type. "3 more
# days" or "route 66" lack the street type.
_STREET = re.compile(
    rf"(?<![\w.,-])(?:{_UNIT}(?:,? |/))?(?:\d{{1,4}}[a-z]?(?:/| slash |-(?=\d)))?"
    # a house number Whisper grouped like a quantity or a price: "6,463 Willow", "24.57 Maple"
    rf"(?:(?<![$£€])\d{{1,2}}[,.](?=\d{{2,3}} [A-Za-z]))?"
    rf"(?:\d{{1,2}} ){{0,5}}\d{{1,6}}[a-z]?"
    rf"((?: (?:[A-Za-z][A-Za-z'.-]*|\d+(?:st|nd|rd|th))){{1,4}}) (?:{_STREET_SUFFIX})\b\.?"
    rf"(?: (?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\b)?"
    rf"(?: \d{{1,3}}\b(?! ?(?:am|pm)))?"  # Singapore's "Woodlands Drive 9"
    rf"|\b\d{{1,5}} broadway\b()"  # a street that needs no type
    # a post office box or a rural route stands for the street
    rf"|\b(?:p\.? ?o\.?|post office) box (?:\d ?){{0,5}}\d()"
    rf"|\b(?:rural route|r\.? ?r\.?) (?:\d{{1,3}}|{'|'.join(SINGLE_DIGITS[1:])}),? box "
    rf"(?:\d{{1,3}} ){{0,2}}\d{{1,5}}()",
    re.IGNORECASE,
)
# Continental Europe puts the number after the street: "Hauptstraße 5", "Rue de Rivoli 12",
# "Calle Mayor 5", then often the postcode before the town ("10115 Berlin").
_EUROPEAN_STREET = re.compile(
    r"(?<![\w-])(?:(?:rue|avenue|boulevard|calle|avenida|via|viale|piazza|plaza|rua|paseo|"
    r"carrer|chemin|place|quai|corso|ulica|ul\.|thanon|calzada|camino|carretera|privada|"
    r"cerrada|circuito|prolongación|callejón|ronda|travesía|travessa|estrada|alameda|strada|"
    r"vicolo)(?P<name>(?: [\w'’.-]+){1,4})"
    r"|(?:(?-i:[A-Z])[\w'’-]+ (?:(?:de|van|der|den|la|le|du|des|di|da|do|el|von) )+)?"
    r"[^\W\d_]+(?:straße|strasse|str\.|weg|platz|gasse|allee|damm|straat|laan|gracht|plein|"
    r"vej|gatan|gata|veien|gade|vägen|katu|tie|-ro|-gil|-daero)(?P<none>)"
    # the street word after the name: "Rosenheimer Strasse", "Kossuth Lajos utca",
    # "Bağdat Caddesi", "Sejong daero"
    r"|(?-i:[A-ZÀ-ÖØ-ÞĀ-Žİ])[\w'’-]+(?: (?-i:[A-ZÀ-ÖØ-ÞĀ-Žİ])[\w'’-]+){0,2} (?:strasse|straße|"
    r"utca|út|caddesi|cad\.|sokak|sok\.|daero|ro|gil|gade|vej|straat|weg))"
    r",?(?: (?:no|nr|number)\.?:?)? (?:\d{1,2} )?\d{1,4}(?:[/-]\d{1,4})?(?: ?[a-z])?\b"
    r"(?:,? (?:\d{4} ?[A-Z]{2}|\d{4,5}|\d(?: \d){3,4}) [^\W\d_]+(?:[ -](?-i:[A-Z])[^\W\d_]+)?)?",
    re.IGNORECASE)
# Or the number first, as in France: "22 rue Sainte-Catherine, 33000 Bordeaux". Looked for
# apart, so "place is 60 | rue des Lilas" cannot hide it.
_NUMBER_FIRST_STREET = re.compile(
    r"(?<![\w-])(?:\d{1,2} ){0,3}\d{1,4}(?: ?(?:bis|ter))?,? (?:rue|avenue|boulevard|allée|chemin|"
    r"impasse|cours|quai|via|calle|carrer)(?P<name>(?: (?!\d)[\w'’-]+){1,4}?)"
    r"(?:,? (?:\d{4} ?[A-Z]{2}|\d{4,5}|\d(?: \d){3,4}) [^\W\d_]+(?:[ -](?-i:[A-Z])[^\W\d_]+)?"
    r"|(?=[,.?!]|$))",
    re.IGNORECASE)
# A Japanese block address, number first: "2-14-19 Tenjin", "1-2-17-307 Gion-machi".
_BLOCK_ADDRESS = re.compile(r"(?<![\w-])\d{1,2}-\d{1,2}-\d{1,3}(?:-\d{1,4})? "
                            r"(?P<place>[A-Za-z][\w-]+)")
# What follows a street in an address, part by part, each after a comma or a space: a unit
# ("int. 7", "apto 53", "lgh 1203", "Daire 29", "m. 44"), a district ("Col. Americana",
# "Chuo-ku", "Jongno gu"), a town, a region or its code ("Jalisco", "MG"), a postcode in any
# shape ("31-415", "606-0069", "904 46", "5604 PR", "3 0 2 4 0-3 7 5"). A word in small
# letters that is none of these ends the address: "…, got that?", "… and avoid the tolls".
_PART = (r"(?:(?-i:[A-ZÀ-ÖØ-ÞĀ-Žİ])[^\W_]*(?:[.'’-][^\W_]+)*\.?"
         r"|(?:int|interno|piso|apto|apt|lgh|daire|m|flat|unit|suite|no|nr|col|co|county|plot|"
         r"block|blk|soi|moo|gu|ku|si|dong|ro|gil|bis|ter|building|bldg|floor|fl|door|puerta|"
         r"esc|dept|depto|casa|apartment|room|ho|de|da|do|dos|das|del|della|di|la|le|du|na|an|"
         r"van|von|der|den|y)\b\.?:?"
         rf"|\d[\d/ºª-]*[A-Za-z]?\b|{'|'.join(SINGLE_DIGITS)}\b)")
_PART_WORDS = frozenset("""int interno piso apto apt lgh daire flat unit suite col county plot
    block blk soi moo gu ku dong ro gil building bldg floor door puerta depto casa apartment
    room""".split())
# Joined by a colon after a unit letter ("No: 77 D: 22") or a slash ("Beyoğlu/İstanbul").
_NEXT_PARTS = re.compile(rf"(?:[,.:]| -)? {_PART}(?:(?: -? ?|/){_PART}){{0,7}}", re.IGNORECASE)
# Towns and districts said before the street: "Szeged, | Kossuth Lajos utca 34".
_PARTS_BEFORE = re.compile(r"(?:(?-i:[A-ZÀ-ÖØ-ÞĀ-Žİ])[\w'’-]+(?: [\w'’-]+){0,2}, ){1,3}$")
_UNIT_WORD = (r"(?:room|flat|apartment|appartement|apt\.?|plot|block|blk|unit|suite|house|"
              r"villa|lot|floor|piso|apto)")
_UNITS_BEFORE = re.compile(rf"\b(?:{_UNIT_WORD}(?: no\.?| number| #)? [\w-]{{1,6}}(?: [A-Z])?,? )"
                           rf"{{1,3}}$", re.IGNORECASE)
# A plot or flat, then a street with no house number: "plot seven, Nyali Road, Nyali".
_UNIT_THEN_STREET = re.compile(
    rf"\b{_UNIT_WORD} [\w-]{{1,6}}(?: [A-Z])?, (?:(?:[A-Z][\w'’-]+|de|la|el) ){{1,4}}"
    rf"(?:{_STREET_SUFFIX})\b", re.IGNORECASE)
# An Irish Eircode: "N37 HAA1", "D09 XTFP".
_EIRCODE = re.compile(r"(?<![\w-])[AC-FHKNPRTV-Y]\d{2} ?[0-9AC-FHKNPRTV-Y]{4}(?![\w-])")
# A postcode, not a year ("the 2019 Toyota Corolla"), before a capitalised town.
_POSTCODE_TOWN = re.compile(r"(?<![\w.,-])(?:\d{2}-\d{3}|\d{3} \d{2}|\d{4} ?(?-i:[A-Z]{2})|"
                            r"(?!(?:19|20)\d\d )\d{4,6}) "
                            r"(?P<town>(?-i:[A-ZÀ-ÖØ-ÞĀ-Ž])[\w'’-]+)")
_STREET_BEFORE_CODE = re.compile(r"(?:(?-i:[A-ZÀ-ÖØ-ÞĀ-Ž])[\w'’-]+(?: [\w'’-]+){0,2} "
                                 r"\d{1,4}[a-z]?, ){1,3}$")
# A part of an address typed in small letters: "saskatoon", "co. galway", "brgy. buhangin".
_SMALL_PART = re.compile(r",? [a-zß-ÿ][a-zß-ÿ.'’-]*(?: [a-zß-ÿ][a-zß-ÿ.'’-]*){0,2}(?=,| \w)")
_DISTRICT = re.compile(r"(?:[ -](?:gu|ku|si|shi|dong|machi|cho)|\b(?:county|col\.?|district))\b",
                       re.IGNORECASE)
# Words that never sit between a house number and the street type: "66 is a famous
# road", "5 miles down the road", "3 kilograms but it's way heavier".
_NOT_STREET_NAME = frozenset("""a an the is are was were to of in on at by for from and or
    but so if it it's its i i'm you we they he she that this my your our their miles mile km
    kilometres kilometers minutes hours days weeks years more less down up along across
    kilograms kilos kg grams pounds lbs litres liters feet foot metres meters people times
    cups eggs percent degrees number no phone tel mobile cell fax email e-mail call ref order
    and or""".split())
UK_POSTCODE = r"[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}"
_POSTCODE = re.compile(rf"(?<![\w-]){UK_POSTCODE}(?![\w-])")
_OTHER_REGIONS = ("Ontario|Quebec|British Columbia|Alberta|Manitoba|Saskatchewan|Nova Scotia|"
                  "New Brunswick|Newfoundland|Prince Edward Island|New South Wales|Victoria|"
                  "Queensland|Tasmania|South Australia|Western Australia|Northern Territory")
_OTHER_CODES = "ON|QC|BC|AB|MB|SK|NS|NB|NSW|VIC|QLD|TAS|ACT|WA|SA|NT"
_TOWN = r"[A-Za-zÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:[ -][A-Za-zÀ-ÖØ-Þ][a-zß-öø-ÿ]+){0,2}"
# ("up to 7": Whisper's "apt. 7")
_UNIT_AFTER = re.compile(rf",? (?:{_UNIT}|(?:number|no\.?|up to) \d+[A-Za-z]?(?:[ -]\d+)*)"
                         rf"(?![\w-])", re.IGNORECASE)
# A town, with its district number if it has one ("Dublin 9", "dublin 6").
_TOWN_AFTER = re.compile(rf"(?:,| in)? ({_TOWN})(?: \d{{1,2}}(?=,))?(?![\w-])")
ZIP_AFTER = re.compile(r",? (?:\d{5}(?:-\d{4})?|\d(?: \d){3,4}|\d{4})(?![\w-])")
# A postcode as said and written down, letters and digits in any grouping:
# "n r 9, 8 l p", "K 8 X 2 Z 5", "h 9 1 kww 1"; checked whole against each country's shape.
# Whisper also joins the groups with hyphens: "Alberta T2N-1A8", "SK-3, 9UX", "Y-O-12, 4BL".
_CODE_TOKENS = re.compile(r",? ([A-Za-z\d]{1,7}(?:(?:,? |-)[A-Za-z\d]{1,7}){0,7})")
_POSTAL_SHAPE = re.compile(
    r"[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}"  # UK
    r"|[A-Z]\d[A-Z]\d[A-Z]\d"  # Canada
    r"|[AC-FHKNPRTV-Y]\d{2}[0-9AC-FHKNPRTV-Y]{4}"  # Ireland (Eircode)
    r"|\d{5}(?:\d{4})?|\d{4}|\d{6}")  # US ZIP, Australia, New Zealand; India, Singapore
# The UK and Canadian shapes as Whisper writes them in capitals, an "O" heard as "0" and a
# "1" as "I" ("N19, 70B" for N19 7OB, "R3C IH6" for R3C 1H6); the inward part keeps a letter.
MISHEARD_POSTAL_SHAPE = re.compile(
    r"[A-Z]{1,2}[\dOI][A-Z\dOI]?[\dOI](?=[A-Z0]{0,1}[A-Z])[A-Z0]{2}"  # UK
    r"|[A-Z][\dOI][A-Z][\dOI][A-Z0][\dOI]")  # Canada
# A ZIP Whisper broke into odd groups after a state: "Minnesota 5.5.885", "Texas 7-9-4-27",
# "Tennessee 374971303"; the digits must add up to a ZIP (5) or a ZIP+4 (9). A comma ends
# it: "Nebraska 69188, 708-…" is the ZIP, then a phone number.
_HEARD_ZIP = re.compile(r",? ?(\d(?:[.-]?\d){3,10})(?![\w-]|[.,]\d)")
# India and others: a flat or house, a few parts, then a six-digit PIN code.
# Its parts may come without commas, and the PIN in groups: "… chennai 6 0 0, 0 2 0".
_UNIT_LED = re.compile(rf"\b{_UNIT}(?:, [^,.\n+@]{{2,40}}){{1,6}},? [^,.\d\n+@]{{0,30}}"
                       rf"(?:\d(?: ?\d){{4,5}}|{UK_POSTCODE})(?![\w-])", re.IGNORECASE)
# Or with no commas, or the PIN said in groups: "flat 402 lakshmi nivas apartments 4th cross
# adyar chennai 600020", "… chennai 6 0 0, 0 2 0": then the six digits of a PIN.
# Between the two, no other run of five digits (a ZIP, a card): the PIN stands alone.
_UNIT_LED_LOOSE = re.compile(rf"\b{_UNIT}[,\s](?:(?!\d(?:,? ?\d){{4}})[^.\n+@]){{4,160}}?"
                             rf"(?<![\d,])(?:\d(?:,? ?\d){{5}}|{UK_POSTCODE})(?![\w-]|,\d)",
                             re.IGNORECASE)
# A British address may have no house number: "Rose Cottage, Gallows Hill, Lower Slaughter,
# GL19 5PJ". The postcode pins it; the named parts before it go with it.
NAMED_PARTS = re.compile(r"(?:(?:\d{1,4} )?[A-Z][\w'’-]+(?: (?:[A-Z][\w'’-]+|na|an|de|la|"
                          r"of)){0,3}, ){1,4}$")


@cache
def region_pattern() -> re.Pattern:
    """A state, province or territory: its name, or its code in capitals or before a ZIP."""
    import us  # the `us` package's state table; imported on first use

    states = [*us.states.STATES_AND_TERRITORIES, us.states.DC]
    names = sorted((s.name for s in states), key=len, reverse=True)
    region = "|".join([*map(re.escape, names), _OTHER_REGIONS])
    codes = "|".join([*(s.abbr for s in states), _OTHER_CODES])
    # The code may be glued to its ZIP as Whisper writes it: "Lexington, KY40502".
    return re.compile(rf",? (?:(?:{region}|(?-i:{codes}))\b|(?:{codes})(?=,? \d)"
                      rf"|(?-i:{codes})(?=\d{{5}}\b))", re.IGNORECASE)


def end_of(pattern: re.Pattern, text: str, position: int) -> int:
    """Where `pattern` matched at `position` ends (`position` if it does not match)."""
    match = pattern.match(text, position)
    return match.end() if match else position


def _postcode_end(text: str, position: int) -> int:
    """Where a postcode or ZIP said at `position` ends (`position` if there is none)."""
    match = _CODE_TOKENS.match(text, position)
    if match is None:
        return position
    tokens = list(re.finditer(r"[A-Za-z\d]+", match.group(1)))
    # Digits that stay words when said alone: "k w w one", "X two Z 5".
    said = [str(SINGLE_DIGITS.index(t.group().lower())) if t.group().lower() in SINGLE_DIGITS
            else t.group() for t in tokens]
    for last in range(len(tokens) - 1, -1, -1):
        end = match.start(1) + tokens[last].end()
        if text.startswith("-", end):  # not halfway through a hyphenated run: "708-2-368870"
            continue
        compact = "".join(said[:last + 1]).upper()
        in_capitals = not any(t.group().islower() for t in tokens[:last + 1])
        if 4 <= len(compact) <= 9 and (_POSTAL_SHAPE.fullmatch(compact) or (
                in_capitals and MISHEARD_POSTAL_SHAPE.fullmatch(compact))):
            return end
    return position


def heard_zip_end(text: str, position: int) -> int:
    """Where a ZIP in Whisper's odd grouping ends (`position` if none): 5 or 9 digits."""
    match = _HEARD_ZIP.match(text, position)
    is_zip = match and sum(ch.isdigit() for ch in match.group(1)) in (5, 9)
    return match.end() if is_zip else position


def _codes_end(text: str, position: int) -> int:
    """After a town: a region, then a ZIP or postcode; or the postcode alone."""
    after_region = end_of(region_pattern(), text, position)
    heard_zip = heard_zip_end(text, after_region) if after_region > position else position
    return max(_postcode_end(text, after_region), _postcode_end(text, position),
               end_of(ZIP_AFTER, text, after_region), after_region, heard_zip)


def _tail_end(text: str, position: int) -> int:
    """Where the unit, towns (suburb and city), region and postcode after a street end."""
    position = end_of(_UNIT_AFTER, text, position)
    # The state straight after the street or unit, then a ZIP: "…, unit 22, Minnesota 5.5.885".
    after_codes = _codes_end(text, position)
    if after_codes > end_of(region_pattern(), text, position) > position:
        return after_codes
    for _ in range(2):  # "Umhlanga, Durban, 1073"
        town = _TOWN_AFTER.match(text, position)
        if not town or _NOT_STREET_NAME.intersection(town.group(1).lower().split()):
            break
        after_town = _codes_end(text, town.end())
        if after_town > town.end():
            return after_town
        # A town in small letters counts only when a region or postcode follows it.
        if not town.group(1)[0].isupper():
            return _small_parts_end(text, position)
        position = town.end()
    return _codes_end(text, position)


def _small_parts_end(text: str, position: int) -> int:
    """Where up to four parts in small letters end when a postcode follows them.

    "…, saskatoon, sk s7k 7b0", "…, galway, co. galway, h 91, k 9 t 5"; else `position`.
    """
    end = position
    for _ in range(4):
        part = _SMALL_PART.match(text, end)
        if part is None:
            break
        end = part.end()
        after_code = _postcode_end(text, end)
        if after_code > end:
            return after_code
    return position


def _postcodes_before_towns(text: str) -> list[tuple[int, int]]:
    """A postcode before a known town, with the street parts said before it.

    "Calferia 14, Paiso 6, 28016 Madrid": the address when Whisper left no street type.
    """
    spans = []
    for match in _POSTCODE_TOWN.finditer(text):
        if match.group("town").lower() not in place_names():
            continue
        street = _STREET_BEFORE_CODE.search(text, max(0, match.start() - 80), match.start())
        spans.append((street.start() if street else match.start(), match.end()))
    return spans


def _with_parts(text: str, start: int, end: int) -> tuple[int, int]:
    """An address grown over the parts said around it.

    Towns before; units, districts, towns, regions and postcodes after: "Szeged, |
    Kossuth Lajos utca 34 |, 6736".
    """
    for _ in range(8):
        part = _NEXT_PARTS.match(text, end)
        if part is None or _is_plain_words(part.group()):
            break
        end = part.end()
    before = _PARTS_BEFORE.search(text, max(0, start - 80), start)
    if before and _is_town_or_district(before.group()):
        start = before.start()
    unit = _UNITS_BEFORE.search(text, max(0, start - 60), start)
    return (unit.start() if unit else start), end


def _is_town_or_district(parts: str) -> bool:
    """Whether every part before a street is a town or a district, not a person's name.

    "Seoul, Jongno gu, " and "Szeged, " are; "Ignatius de la Cruz, " is not.
    """
    def is_place(part: str) -> bool:
        words = [w.lower() for w in part.split()]
        is_no_name = all(is_uncommon_word(w) and w not in first_names() and w not in last_names()
                         for w in words)
        return part.lower() in place_names() or bool(_DISTRICT.search(part)) or is_no_name

    return all(is_place(part.strip()) for part in parts.split(",") if part.strip())


def _is_plain_words(part: str) -> bool:
    """Whether a part holds only words of everyday English ("Thanks, ", ", Then").

    Towns ("Madrid"), codes in capitals ("MG") and unit words ("apto") are no such words.
    """
    words = re.findall(r"[^\W\d_]+", part)
    if all(len(w) == 1 for w in words) and re.search(r"\d", part):
        return False  # a postcode's letters and digits: "C.P. 66220"
    return bool(words) and all(
        w.lower() in common_words() and w.lower() not in place_names() and not (
            len(w) > 1 and w.isupper()) and w.lower() not in _PART_WORDS for w in words)


def find_street_addresses(text: str) -> list[tuple[int, int]]:
    """Spans of street addresses (with their unit, town, state, ZIP) and of UK postcodes.

    As written or said; `heard_addresses.find_addresses` adds the shapes Whisper makes.
    """
    return [_with_parts(text, start, end) for start, end in _street_addresses(text)]


def _street_addresses(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in _STREET.finditer(text):
        if _NOT_STREET_NAME.intersection((match.group(1) or "").lower().split()):
            continue
        # "12 Main St. Then …": a full stop ends the address, unless a comma follows it
        # ("77 Massachusetts Ave., Cambridge").
        ends = match.group().endswith(".") and not text.startswith(",", match.end())
        spans.append((match.start(), match.end() if ends else _tail_end(text, match.end())))
    for pattern in (_EUROPEAN_STREET, _NUMBER_FIRST_STREET):
        spans += [(m.start(), _tail_end(text, m.end())) for m in pattern.finditer(text)
                  if not _NOT_STREET_NAME.intersection((m.group("name") or "").lower().split())]
    spans += [(m.start(), m.end()) for pattern in (_UNIT_LED, _UNIT_LED_LOOSE)
              for m in pattern.finditer(text)]
    # "7-9-1 either prime": digits Whisper joined with dashes, then an everyday word.
    spans += [(m.start(), m.end()) for m in _BLOCK_ADDRESS.finditer(text)
              if m.group("place").split("-")[0].lower() not in frequent_words()]
    spans += [(m.start(), _tail_end(text, m.end())) for m in _UNIT_THEN_STREET.finditer(text)]
    spans += _postcodes_before_towns(text)
    for postcode in (*_POSTCODE.finditer(text), *_EIRCODE.finditer(text)):
        named = NAMED_PARTS.search(text, max(0, postcode.start() - 120), postcode.start())
        spans.append((named.start() if named else postcode.start(), postcode.end()))
    return spans

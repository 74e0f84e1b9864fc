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

_STREET_SUFFIX = (r"street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|"
                  r"way|place|pl|terrace|parkway|pkwy|circle|highway|hwy|square|sq|close|"
                  r"crescent|gardens|grove|row|mews|walk|hill|heights|trail|ridge|quay|loop|alley")
# A flat, apartment or suite, before the house number or after the street: "Flat 3,",
# "apartment 6 a", "Suite 3652", "#4B", "unit two d" (as `to_written` leaves it).
_UNIT = (r"(?:flat|apartment|apt\.?|unit|suite|ste\.?|room|floor|#) ?#?"
         r"(?:\d+[A-Za-z]?|[A-Za-z]\d*|one|two|three|four|five|six|seven|eight|nine|ten)"
         r"(?: \d+\b| [A-Za-z]\b)?")
# "221B Baker Street", "1600 Pennsylvania Avenue", "12 north elm st", "9 2 4 5 Lakeview
# lane" (said digit by digit): a house number, up to four words, a street type. "3 more
# days" or "route 66" lack the street type.
_STREET = re.compile(
    rf"(?<![\w.,-])(?:{_UNIT}(?:,? |/))?(?:\d{{1,4}}[a-z]?/)?(?:\d ){{0,5}}\d{{1,6}}[a-z]?"
    rf"((?: (?:[A-Za-z][A-Za-z'.-]*|\d+(?:st|nd|rd|th))){{1,4}}) (?:{_STREET_SUFFIX})\b\.?"
    rf"(?: (?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\b)?"
    rf"|\bp\.? ?o\.? box \d{{1,6}}()",  # a post office box stands for the street
    re.IGNORECASE,
)
# Continental Europe puts the number after the street: "Hauptstraße 5", "Rue de Rivoli 12",
# "Calle Mayor 5", then often the postcode before the town ("10115 Berlin").
_EUROPEAN_STREET = re.compile(
    r"(?<![\w-])(?:(?:rue|avenue|boulevard|calle|avenida|via|viale|piazza|plaza|rua|paseo|"
    r"carrer|chemin|place|quai)(?: [\w'’-]+){1,4}|[^\W\d_]+(?:straße|strasse|str\.|weg|platz|"
    r"gasse|allee|damm|straat|laan|gracht|plein|vej|gatan|gata|veien)) \d{1,4}[a-z]?\b"
    r"(?:,? \d{4,5} [A-Z][^\W\d_]+(?:[ -][A-Z][^\W\d_]+)?)?",
    re.IGNORECASE)
# Words that never sit between a house number and the street type: "66 is a famous
# road", "5 miles down the road", "3 kilograms but it's way heavier".
_NOT_STREET_NAME = frozenset("""a an the is are was were to of in on at by for from and or
    but so if it it's its i i'm you we they he she that this my your our their miles mile km
    kilometres kilometers minutes hours days weeks years more less down up along across
    kilograms kilos kg grams pounds lbs litres liters feet foot metres meters people times
    cups eggs percent degrees number no""".split())
_UK_POSTCODE = r"[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}"
# After an address, also as said and written down: "E X three, seven N W" is "EX 3, 7 NW".
_UK_POSTCODE_SAID = r"[A-Z]{1,2} ?\d[A-Z\d]?,? ?\d ?[ABD-HJLNP-UW-Z]{2}"
_POSTCODE = re.compile(rf"(?<![\w-]){_UK_POSTCODE}(?![\w-])")
_CANADIAN_POSTCODE = r"[A-Z]\d[A-Z] ?\d[A-Z]\d"
_OTHER_REGIONS = ("Ontario|Quebec|British Columbia|Alberta|Manitoba|Saskatchewan|Nova Scotia|"
                  "New South Wales|Victoria|Queensland|Tasmania")
_OTHER_CODES = "ON|QC|BC|AB|MB|SK|NS|NB|NSW|VIC|QLD|TAS|ACT"
# Town words end at a word that is not part of a name: "…, bozeman, mt 59782 | between".
_TOWN = r"[A-Za-z][a-z]+(?:[ -][A-Za-z][a-z]+){0,2}"
_ZIP = r"\d{5}(?:-\d{4})?|\d(?: \d){4}|\d{4}"


@cache
def _tail() -> re.Pattern:
    """What may follow a street: a unit, then town, state or province, ZIP or postcode."""
    import us  # the `us` package's state table; imported on first use

    states = [*us.states.STATES_AND_TERRITORIES, us.states.DC]
    names = sorted((s.name for s in states), key=len, reverse=True)
    region = "|".join([*map(re.escape, names), _OTHER_REGIONS])
    codes = "|".join([*(s.abbr for s in states), _OTHER_CODES])
    code = rf"(?:{region}|(?-i:{codes}))\b|(?:{codes})(?=,? (?:{_ZIP})\b)"
    place_code = rf"(?:{code}|{_ZIP}|{_UK_POSTCODE_SAID}|{_CANADIAN_POSTCODE})(?![\w-])"
    # A town in small letters counts only when a state, ZIP or postcode follows it.
    town = rf"(?-i:[A-Z][a-z]+(?:[ -][A-Z][a-z]+){{0,2}})|{_TOWN}(?=,? {place_code})"
    return re.compile(
        rf"(?:,? {_UNIT}(?![\w-]))?(?:(?:,| in)? (?:{town})(?![\w-]))?"
        rf"(?:,? (?:{code}))?(?:,? (?:{_ZIP})(?![\w-]))?"
        rf"(?:,? (?:{_UK_POSTCODE_SAID}|{_CANADIAN_POSTCODE})(?![\w-]))?",
        re.IGNORECASE)


def find_addresses(text: str) -> list[tuple[int, int]]:
    """Spans of street addresses (with their unit, town, state, ZIP) and of UK postcodes."""
    spans = []
    for match in _STREET.finditer(text):
        if _NOT_STREET_NAME.intersection((match.group(1) or "").lower().split()):
            continue
        # "12 Main St. Then …": a full stop ends the address, unless a comma follows it
        # ("77 Massachusetts Ave., Cambridge").
        ends = match.group().endswith(".") and not text.startswith(",", match.end())
        tail = None if ends else _tail().match(text, match.end())
        spans.append((match.start(), tail.end() if tail else match.end()))
    spans += [(m.start(), m.end()) for m in _EUROPEAN_STREET.finditer(text)
              if not _NOT_STREET_NAME.intersection(m.group().lower().split()[1:-1])]
    spans += [(m.start(), m.end()) for m in _POSTCODE.finditer(text)]
    return spans

"""Street addresses with what follows them: town, US state, ZIP code, UK postcode.

A place is personal data only as part of an address: "1600 Elm Street, Portland,
OR 97214" is masked whole, "weather in Portland" is left alone. A full UK
postcode ("LS6 2AB") names a handful of houses, so it is masked on its own.
US state names and codes come from the `us` package's table, read once,
lazily.
"""

from __future__ import annotations

import re
from functools import cache

_STREET_SUFFIX = (r"street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|"
                  r"way|place|pl|terrace|parkway|pkwy|circle|highway|hwy|square|sq|close|"
                  r"crescent|gardens|grove|row|mews")
# "221B Baker Street", "1600 Pennsylvania Avenue", "12 north elm st": a house number, up to
# four words, a street type. "3 more days" or "route 66" lack the street type.
_STREET = re.compile(
    rf"(?<![\w.,-])(?:\d )?\d{{1,6}}[a-z]?((?: (?:[A-Za-z][A-Za-z'.-]*|\d+(?:st|nd|rd|th)))"
    rf"{{1,4}}) (?:{_STREET_SUFFIX})\b\.?",
    re.IGNORECASE,
)
# Words that never sit between a house number and the street type: "66 is a famous
# road", "5 miles down the road", "3 kilograms but it's way heavier".
_NOT_STREET_NAME = frozenset("""a an the is are was were to of in on at by for from and or
    but so if it it's its i i'm you we they he she that this my your our their miles mile km
    kilometres kilometers minutes hours days weeks years more less down up along across
    kilograms kilos kg grams pounds lbs litres liters feet foot metres meters people times
    cups eggs percent degrees""".split())
_UK_POSTCODE = r"[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}"
_POSTCODE = re.compile(rf"(?<![\w-]){_UK_POSTCODE}(?![\w-])")
_TOWN = r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}"
_ZIP = r"\d{5}(?:-\d{4})?|\d(?: \d){4}"


@cache
def _tail() -> re.Pattern:
    """The town, state, ZIP or postcode that may follow a street address."""
    import us  # the `us` package's state table; imported on first use

    states = [*us.states.STATES_AND_TERRITORIES, us.states.DC]
    names = sorted((s.name for s in states), key=len, reverse=True)
    state = "|".join([*map(re.escape, names), *(s.abbr for s in states)])
    return re.compile(
        rf"(?:(?:,| in) {_TOWN})?(?:,? (?:{state})\b)?(?:,? (?:{_ZIP})(?![\w-]))?"
        rf"(?:,? {_UK_POSTCODE}(?![\w-]))?")


def find_addresses(text: str) -> list[tuple[int, int]]:
    """Spans of street addresses (with their town, state, ZIP) and of UK postcodes."""
    spans = []
    for match in _STREET.finditer(text):
        if _NOT_STREET_NAME.intersection(match.group(1).lower().split()):
            continue
        # "12 Main St. Then …": a full stop ends the address.
        tail = None if match.group().endswith(".") else _tail().match(text, match.end())
        spans.append((match.start(), tail.end() if tail else match.end()))
    spans += [(m.start(), m.end()) for m in _POSTCODE.finditer(text)]
    return spans

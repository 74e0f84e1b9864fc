"""Addresses in the shapes Whisper writes what it half heard, beside the street rules.

Whisper base garbles a street's name past the street rules ("33 Prospect Tarris") and
punctuates codes its own way ("Texas 7-9-4-27", "SK-3, 9UX", "New York 1.256"); the
town, state and ZIP, the postcode, or the words after "my address is" still say an
address is there. Each finder here reads one such shape; `find_addresses` joins them
with the street rules of `places`.
"""

from __future__ import annotations

import re

from appliance.governance.places import (
    MISHEARD_POSTAL_SHAPE,
    NAMED_PARTS,
    UK_POSTCODE,
    ZIP_AFTER,
    end_of,
    find_street_addresses,
    heard_zip_end,
    region_pattern,
)


def find_addresses(text: str) -> list[tuple[int, int]]:
    """Spans of street addresses, with their unit, town, state, ZIP, and of postcodes."""
    spans = _merged(find_street_addresses(text) + _us_tails(text) + _heard_postcodes(text)
                    + _led_addresses(text))
    return [(start, glued_end(text, end)) for start, end in spans]


# The rest of a code Whisper glued to the address with hyphens or dots: "New York 1.256",
# "W-6, B-06 V-5R-6"; an address does not end halfway through a word.
_GLUED_REST = re.compile(r"(?:[-.][A-Za-z\d]+)+(?<=\d|[A-Z])(?![\w-])")


def glued_end(text: str, end: int) -> int:
    """Where an address ending at `end` really ends: past the rest of a code glued to it."""
    return end_of(_GLUED_REST, text, end)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping spans as one: the street found one way, its town and ZIP another."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


# The town said before a state: up to three capitalised words ("Santa Fe"), or one word in
# small letters as Whisper often writes a town ("tuxen, Arizona").
_TOWN_BEFORE_REGION = re.compile(r"(?<![\w'’-])(?:(?:[A-Z][\w'’-]+ ){0,2}[A-Z][\w'’-]+|"
                                 r"[a-z][\w'’-]+)$")
# The street before the town, however Whisper garbled its name: a house number and up to six
# words, "37 Willow Creek Place apartment aid, " or "64 cotton wood-briber apartment 20b, ",
# then its unit after a comma ("2122 Prairie Roseway, up to 29 ": "up to" is Whisper's "apt").
_STREET_BEFORE_TOWN = re.compile(r"(?<![\w.,-])(?:\d{1,2},(?=\d{3} ))?\d{1,5}[a-z]?"
                                 r"(?:[ -][\w'’.-]+){1,6}(?:, (?:up to|apt\.?|apartment|unit|"
                                 r"suite|flat|#) ?\d+[a-z]?)?,? $")


# State codes that are also words or abbreviations in capitals: "meeting ID 845 …", "OK 200".
_CODES_THAT_ARE_WORDS = frozenset({"ID", "IN", "OR", "ME", "OK", "HI", "OH", "AS", "PA", "MA",
                                   "DE", "CO", "MD", "GA", "AL", "LA", "SC", "MO", "NE", "SK"})


# A UK or Canadian postcode as Whisper punctuates it, in capitals: "OX-14GE", "SK-3, 9UX",
# "Y-O-12, 4BL", "T2N-1A8"; checked whole against the shapes once the marks are dropped.
_HEARD_POSTCODE = re.compile(r"(?<![\w-])[A-Z][A-Z\d-]{1,7}(?:,? [A-Z\d-]{1,5})?(?![\w-])")
# What a sentence with an address in it says: only there is a punctuated code a postcode.
_ADDRESS_CUE = re.compile(
    r"\b(?:address|live|lives|living|deliver\w*|ship\w*|send|sent|post|redirect\w*|"
    r"pick (?:me|us|her|him|them) up|drop|take (?:me|us)|stop at|navigate|parcel|courier|"
    r"taxi|flat|house|home|move[ds]?|moving)\b", re.IGNORECASE)


# What a postcode follows as the end of an address: a comma (", OX-14GE") or a town
# ("Carlyle C-150DD").
_AFTER_TOWN = re.compile(r"(?:, |\b[A-Z][a-z]+ )$")


def _heard_postcodes(text: str) -> list[tuple[int, int]]:
    """Postcodes Whisper wrote with hyphens or a comma inside, in a sentence about an address.

    Only as the last part of an address, after a comma or a town ("…-hawksford, OX-14GE",
    "Carlyle C-150DD"): "send the RX-8, 2GB model" names a product.
    """
    if not _ADDRESS_CUE.search(text):
        return []
    spans = []
    for match in _HEARD_POSTCODE.finditer(text):
        if not _AFTER_TOWN.search(text, max(0, match.start() - 40), match.start()):
            continue
        code = match.group()
        compact = re.sub(r"[-, ]", "", code)
        is_punctuated = re.search(r"[-,]", code) and re.fullmatch(
            rf"{UK_POSTCODE}|[A-Z]\d[A-Z]\d[A-Z]\d", compact)
        if is_punctuated or (" " in code and MISHEARD_POSTAL_SHAPE.fullmatch(compact)):
            named = NAMED_PARTS.search(text, max(0, match.start() - 120), match.start())
            spans.append((named.start() if named else match.start(), match.end()))
    return spans


# Words that say where to take something: the house number after them starts an address,
# whatever Whisper made of the street ("add a stop at 64 rupel radius, 44099").
_ADDRESS_LEAD = re.compile(
    # (not an IP, e-mail, MAC or web address)
    r"\b(?:(?P<said>(?<!ip )(?<!mail )(?<!mac )(?<!web )address is|(?:i|we|they) live at|"
    r"lives at|living at|home is at)|"
    r"(?:deliver|ship|send|post|redirect|bring|forward)\w* (?:it |them |this |that |"
    r"(?:the|my|his|her|our) [a-z]+ )?to|stop at|pick (?:me|us|her|him|them) up (?:at|from)|"
    r"drop (?:me|us|it|them|her|him)(?: off)? at)"
    r",? (?:(?:at|is|to|that|number) )?(?=\d)", re.IGNORECASE)
# The house number and what follows it to the end of the clause: "64 rupel radius, 44099".
_LED_ADDRESS = re.compile(
    r"\d{1,5}[a-z]?\b(?:,? (?!(?:and|but|so|then|please|thanks|it's|it|which|when|if|"
    r"before|after|by|at|on|for|from|with|tomorrow|today|tonight)\b)[\w'’-]+){1,8}",
    re.IGNORECASE)
# A number of people, things or minutes, or a time ("6 30 from the station"), is no house
# number.
_NOT_A_HOUSE_NUMBER = re.compile(
    r"(?:[1-9]|1[0-2])[ :.][0-5]\d\b(?!-)|"
    r"\d+ (?:am|pm|a\.m|p\.m|o'clock|minutes?|mins?|hours?|days?|weeks?|people|persons|"
    r"guests|items?|copies|boxes|bags|parcels|packages|percent|of|more|other|different|"
    r"addresses|places|locations|stops|friends|colleagues|kids|new|characters|digits|letters|"
    r"numbers|times|nights|months|years|miles|km)\b", re.IGNORECASE)


def _led_addresses(text: str) -> list[tuple[int, int]]:
    """An address after "my address is", "ship it to", "add a stop at" …, from its number.

    After "address is" or "lives at" the number and the words after it are the address;
    after "send it to" or "stop at" they also need a second number (a ZIP, a postcode, a
    flat), so "send it to 3 people" and "stop at 7 Eleven" stay.
    """
    spans = []
    for lead in _ADDRESS_LEAD.finditer(text):
        address = _LED_ADDRESS.match(text, lead.end())
        if address is None or _NOT_A_HOUSE_NUMBER.match(text, lead.end()):
            continue
        rest = address.group()[len(re.match(r"\d+[a-z]?", address.group()).group()):]
        if lead.group("said") or re.search(r"\d", rest):
            spans.append((address.start(), address.end()))
    return spans


def _us_tails(text: str) -> list[tuple[int, int]]:
    """A town, a state and a ZIP, with the street said before them if there is one.

    "…, Lubbock, Texas 7-9-4-27": the end of a US address, even when Whisper garbled the
    street past the street-type rule. The state after a comma or as its capital code, and
    digits that add up to a ZIP, so "Georgia 30 minutes" or "Texas in 2024" stay.
    """
    spans = []
    for region in region_pattern().finditer(text):
        name = region.group().lstrip(", ")
        if not (region.group().startswith(",") or (
                name.isupper() and len(name) == 2 and name not in _CODES_THAT_ARE_WORDS)):
            continue
        zip_end = heard_zip_end(text, region.end())
        plain_zip = ZIP_AFTER.match(text, region.end())
        if plain_zip and sum(ch.isdigit() for ch in plain_zip.group()) in (5, 9):
            zip_end = max(zip_end, plain_zip.end())
        town = _TOWN_BEFORE_REGION.search(text, max(0, region.start() - 40), region.start())
        if zip_end == region.end() or town is None:
            continue
        street = _STREET_BEFORE_TOWN.search(text, max(0, town.start() - 60), town.start())
        if street and _NOT_A_HOUSE_NUMBER.match(text, street.start()):
            street = None  # "3 days, then 2 nights in Dallas, Texas 75201"
        if street:
            spans.append((street.start(), zip_end))
        elif _ADDRESS_CUE.search(text):  # "Dallas, Texas 75201 had a record heat" is no one's
            spans.append((town.start(), zip_end))
    return spans

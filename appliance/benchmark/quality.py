"""Answer quality: is a reply right, is it degenerate, and the totals over a run.

A reply is right when one of the question's accepted answers occurs in it as a whole
word or phrase, after both are normalised the same way (lower case, no accents or
punctuation, number words as digits). Degenerate replies are the failure small models
fall into: the same reply again for a different question, or a reply that loops.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from text_to_num import alpha2digit

# Near-identical replies: difflib's ratio over the words of the normalised replies.
SIMILAR_RATIO = 0.85
# Shorter replies are not compared: two short right answers may well be the same
# ("Paris." for the capital of France, then "Paris." for its largest city).
MIN_WORDS_TO_COMPARE = 5
# A loop is a block of at least this many words said this many times back to back.
MIN_LOOP_BLOCK_WORDS = 3
LOOP_REPEATS = 3
# A sentence said twice counts as a loop when it has at least this many words.
MIN_REPEATED_SENTENCE_WORDS = 3

_THOUSANDS_SEPARATOR = re.compile(r"(?<=\d),(?=\d{3}\b)")
# Punctuation and symbols, except a decimal point between two digits ("3.14").
_PUNCTUATION = re.compile(r"[^\w\s.]|_|(?<!\d)\.|\.(?!\d)")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_AND_A_HALF = re.compile(r"(?<![\d.])(\d+) and a half\b")


def normalise(text: str) -> str:
    """Lower case, no accents or punctuation, number words as digits, single spaces.

    "Twenty-one." becomes "21", "1,000" becomes "1000", "three and a half" becomes
    "3.5", "Pi is 3.14." keeps its decimal point, and "CO₂" becomes "co2".
    """
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _THOUSANDS_SEPARATOR.sub("", text)
    # threshold=0 so that "one" and "zero" become digits too; the default leaves numbers
    # below 3 as words. Done before punctuation goes, since text2num reads the commas.
    text = alpha2digit(text, "en", threshold=0)
    text = " ".join(_PUNCTUATION.sub(" ", text).split())
    return _AND_A_HALF.sub(r"\1.5", text)


def is_correct(reply: str, answers: Iterable[str]) -> bool:
    """True when an accepted answer occurs in the reply as a whole word or phrase.

    "4" is not found in "14" or "3.4", nor "Rome" in "Romeo". With no accepted answers
    this is False; `score_reply` leaves such turns unscored instead.
    """
    padded_reply = f" {normalise(reply)} "
    for answer in answers:
        wanted = normalise(answer)
        if wanted and f" {wanted} " in padded_reply:
            return True
    return False


def is_intent_answer(route: dict) -> bool:
    """True when a turn's LLM route says the intent stage answered it.

    Its fixed sentences ("I can't set timers yet.") may rightly come twice in a
    conversation, so they are not compared with earlier replies.
    """
    return route.get("provider") == "intents"


def is_degenerate(reply: str, earlier_replies: Sequence[str]) -> bool:
    """True when the reply repeats an earlier one in the conversation, or loops.

    Args:
        reply: The reply to judge.
        earlier_replies: The replies given before it in the same conversation or run.
    """
    return loops_within_itself(reply) or any(
        _is_near_identical(reply, earlier) for earlier in earlier_replies)


def loops_within_itself(reply: str) -> bool:
    """True when a block of words repeats back to back, or a sentence comes twice."""
    words = normalise(reply).split()
    for size in range(MIN_LOOP_BLOCK_WORDS, len(words) // LOOP_REPEATS + 1):
        for start in range(len(words) - size * LOOP_REPEATS + 1):
            block = words[start:start + size]
            if all(words[start + size * n:start + size * (n + 1)] == block
                   for n in range(1, LOOP_REPEATS)):
                return True
    sentences = [normalise(s) for s in _SENTENCE_END.split(reply)]
    long_sentences = [s for s in sentences if len(s.split()) >= MIN_REPEATED_SENTENCE_WORDS]
    return len(set(long_sentences)) < len(long_sentences)


def _is_near_identical(reply: str, earlier: str) -> bool:
    words, earlier_words = normalise(reply).split(), normalise(earlier).split()
    if min(len(words), len(earlier_words)) < MIN_WORDS_TO_COMPARE:
        return False
    # The same sentence around a different number is a different answer
    # ("Twelve times two is twenty-four." then "... is forty-eight.").
    if _numbers(words) != _numbers(earlier_words):
        return False
    # Compared word by word: "The capital of Spain is Madrid, and ..." after "The capital
    # of Germany is Berlin, and ..." differs in two words but in few characters.
    return SequenceMatcher(None, words, earlier_words).ratio() >= SIMILAR_RATIO


def _numbers(words: list[str]) -> list[str]:
    return [word for word in words if _NUMBER.fullmatch(word)]


@dataclass(frozen=True)
class ScoredReply:
    """One question or conversation turn, the reply to it and how it scored.

    Attributes:
        question: What was asked.
        reply: What the appliance answered.
        group: The question's category, or the conversation's name.
        is_follow_up: Whether the turn needed the conversation's context.
        correct: Whether an accepted answer was in the reply; None for a turn with no
            accepted answers (a command or chit-chat), which is not scored.
        is_degenerate: Whether the reply repeated an earlier one or looped.
    """

    question: str
    reply: str
    group: str
    is_follow_up: bool
    correct: bool | None
    is_degenerate: bool


def score_reply(question: str, reply: str, answers: Sequence[str], group: str,
                earlier_replies: Sequence[str], is_follow_up: bool = False) -> ScoredReply:
    """Score one reply; a question without accepted answers is left unscored."""
    return ScoredReply(
        question=question, reply=reply, group=group, is_follow_up=is_follow_up,
        correct=is_correct(reply, answers) if answers else None,
        is_degenerate=is_degenerate(reply, earlier_replies))


@dataclass(frozen=True)
class Tally:
    """Right answers out of those scored."""

    correct: int = 0
    scored: int = 0

    @property
    def rate(self) -> float | None:
        """The share right, or None when nothing was scored."""
        return self.correct / self.scored if self.scored else None

    def __str__(self) -> str:
        return f"{self.correct} of {self.scored}"

    def add(self, correct: bool) -> Tally:
        """A copy of this tally with one more scored reply."""
        return Tally(self.correct + int(correct), self.scored + 1)


@dataclass(frozen=True)
class QualitySummary:
    """Answer quality over a run: accuracy, follow-ups resolved, degenerate replies."""

    replies: int
    accuracy: Tally
    follow_ups_resolved: Tally
    degenerate: int
    by_group: dict[str, Tally] = field(default_factory=dict)

    def as_dict(self) -> dict:
        """Plain numbers for the benchmark's JSON report."""
        def tally(t: Tally) -> dict:
            return {"correct": t.correct, "scored": t.scored, "rate": t.rate}

        return {"replies": self.replies, "accuracy": tally(self.accuracy),
                "follow_ups_resolved": tally(self.follow_ups_resolved),
                "degenerate": self.degenerate,
                "by_group": {name: tally(t) for name, t in self.by_group.items()}}


def summarise(results: Iterable[ScoredReply]) -> QualitySummary:
    """Totals over scored replies; unscored ones count only as replies and degenerates."""
    replies = degenerate = 0
    accuracy = follow_ups = Tally()
    by_group: dict[str, Tally] = {}
    for result in results:
        replies += 1
        degenerate += result.is_degenerate
        if result.correct is None:
            continue
        accuracy = accuracy.add(result.correct)
        by_group[result.group] = by_group.get(result.group, Tally()).add(result.correct)
        if result.is_follow_up:
            follow_ups = follow_ups.add(result.correct)
    return QualitySummary(replies=replies, accuracy=accuracy, follow_ups_resolved=follow_ups,
                          degenerate=degenerate, by_group=by_group)

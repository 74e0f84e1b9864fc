"""Keeping a small model's replies sane: short, not looping, not copying earlier replies.

Measured with SmolLM2-135M, greedy, 18 questions in one conversation: from the
11th turn every reply was "The Japanese people make the lights in the living
room." A small model reads its own earlier replies as examples and copies the
latest one whatever the question; each copy adds one more example, so the
conversation never recovers. Two defences, both here:

- `ReplyShaper` holds the reply's opening (the first clause the voice would say
  anyway) and, if it repeats the opening of an earlier reply to a different
  question, says so before a word is spoken: the caller answers again without
  the history. It also releases the rest a sentence at a time, ends the reply
  after `max_sentences`, and stops a reply that starts saying a sentence again.
- `drop_echoed_exchanges` removes from the history every exchange whose reply
  repeats another reply to a different question, so a copy never becomes the
  next turn's example.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from difflib import SequenceMatcher
from enum import Enum

_WORD = re.compile(r"[a-z0-9']+")
# A number that is an answer in itself ("100", "3.5"); an ordinal ("28th") is a word,
# so "the 29th day of a leap year" after "the 28th day ..." is the same sentence
# copied with its number bumped, as the benchmark also judges it.
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
# A sentence ends at . ! or ? followed by white space; not "3.5", "Dr.", "J." or the
# "1." of a numbered list's line.
_SENTENCE_END = re.compile(
    r"(?<!\b[A-Z])(?<!\b(?:Mr|Ms|Dr|St|vs))(?<!\bMrs)(?<!^\d)(?<!\n\d)(?<!\n\d\d)"
    r"[.!?]+[\"')\]]*\s+")
# Words that ask for a longer answer than the default few sentences.
_ASKS_FOR_MORE = re.compile(
    r"\b(tell me more|more about|in detail|details?|explain|step by step|steps|list|"
    r"describe|story|recipe|instructions|everything)\b", re.IGNORECASE)
OPENING_MAX_WORDS = 8
# Openings at least this alike (word by word) are the same opening.
ECHO_RATIO = 0.85
ECHO_MIN_WORDS = 4


def words(text: str) -> list[str]:
    """Lower-case words, punctuation dropped."""
    return _WORD.findall(text.lower())


def _alike(a: list[str], b: list[str], ratio: float) -> bool:
    return bool(a) and bool(b) and SequenceMatcher(None, a, b, autojunk=False).ratio() >= ratio


def echoes(opening: str, earlier_replies: list[str]) -> bool:
    """True when `opening` starts the way one of `earlier_replies` started.

    Different numbers keep two openings apart ("100 degrees" is not "0 degrees");
    different ordinals do not ("the 29th day" copies "the 28th day").
    """
    said = words(opening)
    if len(said) < ECHO_MIN_WORDS:
        return False
    numbers = _numbers(said)
    for reply in earlier_replies:
        before = words(reply)[:len(said)]
        if _numbers(before) != numbers:
            continue
        if _alike(said, before, ECHO_RATIO):
            return True
    return False


def _numbers(said: list[str]) -> set[str]:
    return {w for w in said if _NUMBER.fullmatch(w)}


def wants_long_answer(question: str) -> bool:
    """True when the user asks for more than a short answer ("explain", "step by step")."""
    return bool(_ASKS_FOR_MORE.search(question))


class Verdict(Enum):
    """What the caller does after feeding the shaper some text."""

    CONTINUE = "continue"
    ECHO = "echo"  # the opening copies an earlier reply: answer again without the history
    DONE = "done"  # enough said (sentence limit, or a sentence said again): stop generating


class ReplyShaper:
    """Decides, as tokens arrive, what of the reply is released to the voice."""

    def __init__(self, *, earlier_replies: list[str], max_sentences: int | None,
                 opening_complete: Callable[[str], bool] | None = None):
        """Shape one reply.

        Args:
            earlier_replies: The conversation's earlier replies to other questions.
            max_sentences: End the reply after this many sentences (None: no limit).
            opening_complete: True once the text holds the reply's opening (the
                voice's first clause); by default, `OPENING_MAX_WORDS` words.
        """
        self._earlier = earlier_replies
        self._max_sentences = max_sentences
        self._opening_complete = opening_complete or (lambda text: False)
        self._text = ""
        self._released = 0  # characters of _text released
        self._checked = 0  # characters of _text cut into sentences and checked
        self._in_opening = True
        self._sentences: list[list[str]] = []
        self._done = False

    @property
    def released(self) -> str:
        """Everything released so far."""
        return self._text[:self._released]

    def feed(self, text: str) -> tuple[str, Verdict]:
        """Take the next piece of the reply; return what to release now and what to do."""
        if self._done:
            return "", Verdict.DONE
        self._text += text
        if self._in_opening:
            if not (self._opening_complete(self._text)
                    or len(self._text.split()) > OPENING_MAX_WORDS):
                return "", Verdict.CONTINUE
            if self._earlier and echoes(self._text, self._earlier):
                self._done = True
                return "", Verdict.ECHO
            self._in_opening = False
        verdict = self._check_sentences()
        # The opening leaves at once (the voice is waiting for it), cut at its first
        # sentence's end if it has one; after it, whole sentences.
        whole = verdict is Verdict.DONE or self._released or self._checked
        upto = self._checked if whole else len(self._text)
        return self._release(max(upto, self._released)), verdict

    def finish(self) -> tuple[str, Verdict]:
        """The reply ended: what is still held, unless it repeats or is one sentence too many.

        A reply that ended inside its opening is checked for an echo here: ECHO means
        nothing of it was released.
        """
        if self._done:
            return "", Verdict.DONE
        self._done = True
        if self._in_opening and self._earlier and echoes(self._text, self._earlier):
            return "", Verdict.ECHO
        rest = words(self._text[self._checked:])
        if rest and (self._limit_reached() or self._repeats(rest)):
            return self._release(self._checked), Verdict.DONE
        return self._release(len(self._text)), Verdict.DONE

    def _release(self, upto: int) -> str:
        out = self._text[self._released:upto] if upto > self._released else ""
        self._released = max(self._released, upto)
        return out

    def _limit_reached(self) -> bool:
        return self._max_sentences is not None and len(self._sentences) >= self._max_sentences

    def _repeats(self, sentence: list[str]) -> bool:
        return len(sentence) >= 3 and any(_alike(sentence, s, 0.9) for s in self._sentences)

    def _check_sentences(self) -> Verdict:
        """Cut newly completed sentences; DONE at a repeated one or past the limit."""
        while match := _SENTENCE_END.search(self._text, self._checked):
            said = words(self._text[self._checked:match.end()])
            if self._repeats(said):
                self._done = True
                return Verdict.DONE
            self._checked = match.end()
            if said:
                self._sentences.append(said)
            if self._limit_reached():
                self._done = True
                return Verdict.DONE
        return Verdict.CONTINUE


def drop_echoed_exchanges(messages: list[dict]) -> list[dict]:
    """`messages` without the exchanges whose reply repeats another exchange's reply.

    Only replies to different questions count: asking the same thing twice may
    rightly get the same answer. Both copies go, since the original is what the
    model copied. System messages and the last user message always stay.
    """
    exchanges: list[tuple[int, str, str]] = []  # (index of the reply, question, reply)
    for i, message in enumerate(messages):
        if message.get("role") == "assistant" and isinstance(message.get("content"), str):
            question = next((m.get("content") for m in reversed(messages[:i])
                             if m.get("role") == "user"), "")
            exchanges.append((i, str(question or ""), message["content"]))
    poisoned: set[int] = set()
    for a, (i, question_i, reply_i) in enumerate(exchanges):
        for j, question_j, reply_j in exchanges[a + 1:]:
            reply_words, other_words = words(reply_i), words(reply_j)
            if (min(len(reply_words), len(other_words)) >= ECHO_MIN_WORDS
                    and _alike(reply_words, other_words, ECHO_RATIO)
                    and not _alike(words(question_i), words(question_j), 0.8)):
                poisoned.update((i, j))
    if not poisoned:
        return list(messages)
    drop: set[int] = set()
    for i in poisoned:
        drop.add(i)
        question = max((k for k in range(i) if messages[k].get("role") == "user"), default=None)
        if question is not None:
            drop.add(question)
    return [m for k, m in enumerate(messages) if k not in drop]

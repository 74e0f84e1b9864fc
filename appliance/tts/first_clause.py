"""Hands the TTS the reply's first clause as soon as it exists, then whole sentences."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from dataclasses import dataclass

from pipecat.utils.text.base_text_aggregator import Aggregation, TextType
from pipecat.utils.text.simple_text_aggregator import SimpleTextAggregator

# Abbreviations whose full stop does not end a clause.
_ABBREVIATIONS = frozenset("mr mrs ms dr st vs etc e.g i.e no approx".split())
_CLAUSE_END = ",;:.!?"
_LAST_WORD = re.compile(r"([\w.']+)\W*$")


@dataclass(frozen=True)
class FirstClauseRule:
    """Where a reply's first clause ends: one rule for the voice and for the LLM.

    The voice hands the first clause to the TTS at this point; the local LLM
    pauses at the same point so that Piper gets both cores (see
    `appliance.providers.cpu_priority`). Both read the same reply text, so they agree.
    """

    min_words: int = 2
    max_words: int = 8
    max_chars: int = 40

    def ends_with(self, text: str) -> bool:
        """True when `text`'s last character completes the first clause."""
        # Text with no spaces or punctuation for long (a model looping on "000…")
        # must not hold the voice until the reply ends.
        if len(text) >= self.max_chars:
            return True
        words = text.split()
        if not text or len(words) < self.min_words:
            return False
        char = text[-1]
        if char in ",:" and text[-2:-1].isdigit():
            return False  # perhaps a number going on: "12:59", "1,000"
        if char in _CLAUSE_END:
            match = _LAST_WORD.search(text.lower())
            return not (char == "." and match and match.group(1).rstrip(".") in _ABBREVIATIONS)
        # A long first clause with no punctuation leaves at a word boundary.
        return char == " " and len(words) >= self.max_words

    def complete(self, text: str) -> bool:
        """True when the reply so far, `text`, holds the whole first clause."""
        return any(self.ends_with(text[:end]) for end in range(1, len(text) + 1))


class FirstClauseTextAggregator(SimpleTextAggregator):
    """pipecat's sentence aggregator, except that each reply's first chunk leaves early.

    A sentence aggregator holds "The sky is a deep, foreboding shade of indigo."
    until the sentence ends and the next token confirms it, so the voice waits for
    the LLM's whole first sentence. Piper can only synthesize whole chunks, and its
    time grows with their length; a short first clause ("The sky is a deep,") is
    spoken about twice as soon, and the rest follows as sentences while it plays.
    """

    def __init__(self, *, rule: FirstClauseRule | None = None, **kwargs):
        super().__init__(**kwargs)
        self._rule = rule or FirstClauseRule()
        self._first_pending = True

    async def aggregate(self, text: str) -> AsyncIterator[Aggregation]:
        """Emit the first clause at its punctuation (or a length limit), then sentences."""
        if not self._first_pending:
            async for aggregation in super().aggregate(text):
                yield aggregation
            return
        for i, char in enumerate(text):
            self._text += char
            if self._rule.ends_with(self._text):
                clause = self._text.strip()
                self._text = ""
                self._first_pending = False
                yield Aggregation(text=clause, type=TextType.SENTENCE)
                async for aggregation in super().aggregate(text[i + 1:]):
                    yield aggregation
                return

    async def flush(self) -> Aggregation | None:
        """End of a reply: the next reply's first clause leaves early again."""
        self._first_pending = True
        return await super().flush()

    async def handle_interruption(self):
        """An interrupted reply: the next one starts afresh."""
        self._first_pending = True
        await super().handle_interruption()

    async def reset(self):
        """Start afresh."""
        self._first_pending = True
        await super().reset()

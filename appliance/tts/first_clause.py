"""Hands the TTS the reply's first clause as soon as it exists, then whole sentences."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator

from pipecat.utils.text.base_text_aggregator import Aggregation, TextType
from pipecat.utils.text.simple_text_aggregator import SimpleTextAggregator

# Abbreviations whose full stop does not end a clause.
_ABBREVIATIONS = frozenset("mr mrs ms dr st vs etc e.g i.e no approx".split())
_CLAUSE_END = ",;:.!?"
_LAST_WORD = re.compile(r"([\w.']+)\W*$")


class FirstClauseTextAggregator(SimpleTextAggregator):
    """pipecat's sentence aggregator, except that each reply's first chunk leaves early.

    A sentence aggregator holds "The sky is a deep, foreboding shade of indigo."
    until the sentence ends and the next token confirms it, so the voice waits for
    the LLM's whole first sentence. Piper can only synthesize whole chunks, and its
    time grows with their length; a short first clause ("The sky is a deep,") is
    spoken about twice as soon, and the rest follows as sentences while it plays.
    """

    def __init__(self, *, min_words: int = 2, max_words: int = 8, max_chars: int = 40,
                 **kwargs):
        super().__init__(**kwargs)
        self._min_words = min_words
        self._max_words = max_words
        self._max_chars = max_chars
        self._first_pending = True

    async def aggregate(self, text: str) -> AsyncIterator[Aggregation]:
        """Emit the first clause at its punctuation (or a length limit), then sentences."""
        if not self._first_pending:
            async for aggregation in super().aggregate(text):
                yield aggregation
            return
        for i, char in enumerate(text):
            self._text += char
            if self._first_clause_ready(char):
                clause = self._text.strip()
                self._text = ""
                self._first_pending = False
                yield Aggregation(text=clause, type=TextType.SENTENCE)
                async for aggregation in super().aggregate(text[i + 1:]):
                    yield aggregation
                return

    def _first_clause_ready(self, char: str) -> bool:
        # Text with no spaces or punctuation for long (a model looping on "000…")
        # must not hold the voice until the reply ends.
        if len(self._text) >= self._max_chars:
            return True
        words = self._text.split()
        if len(words) < self._min_words:
            return False
        if char in _CLAUSE_END:
            match = _LAST_WORD.search(self._text.lower())
            return not (char == "." and match and match.group(1).rstrip(".") in _ABBREVIATIONS)
        # A long first clause with no punctuation leaves at a word boundary.
        return char == " " and len(words) >= self._max_words

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

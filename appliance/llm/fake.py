"""A scripted chat model for unit tests of the logic around generation."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterable

from appliance.llm.interface import ChatModel, TokenChunk, ToolCall


class FakeChatModel(ChatModel):
    """Streams scripted answers word by word, recording the messages it saw."""

    name = "fake-llm"

    def __init__(self, answers: Iterable[str], *, seconds_per_token: float = 0.0,
                 tool_calls: Iterable[list[ToolCall]] = ()):
        self._answers = list(answers)
        self._tool_calls = list(tool_calls)
        self._seconds_per_token = seconds_per_token
        self.calls: list[list[dict]] = []
        self.prepared: list[list[dict]] = []
        self.stopped_early = 0

    def prepare(self, messages: list[dict]) -> None:
        """Record what would be evaluated ahead."""
        self.prepared.append([dict(m) for m in messages])

    async def propose_tool_calls(self, messages: list[dict], tools: list[dict], *,
                                 max_tokens: int = 128) -> list[ToolCall]:
        """The next scripted list of tool calls (none once the script is used up)."""
        self.calls.append([dict(m) for m in messages])
        return self._tool_calls.pop(0) if self._tool_calls else []

    async def stream(
        self, messages: list[dict], *, max_tokens: int, temperature: float
    ) -> AsyncIterator[TokenChunk]:
        """Yield the next scripted answer a word at a time."""
        self.calls.append([dict(m) for m in messages])
        answer = self._answers.pop(0) if self._answers else "OK."
        words = answer.split(" ")
        finished = False
        try:
            for i, word in enumerate(words[:max_tokens]):
                await asyncio.sleep(self._seconds_per_token)
                yield TokenChunk(word if i == 0 else " " + word)
            finished = True
        finally:
            if not finished:
                self.stopped_early += 1

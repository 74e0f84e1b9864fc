"""What every chat model offers the pipeline."""

from __future__ import annotations

import json
import re
from abc import ABC, abstractmethod
from collections.abc import AsyncIterator
from contextvars import ContextVar
from dataclasses import dataclass

# Set by the caller when an answer must come from a stronger model than usual (the
# small one just repeated an earlier reply): why, in a few words. A routed model then
# escalates as it does for a hard question; a single model ignores it.
ESCALATION: ContextVar[str | None] = ContextVar("escalation", default=None)


@dataclass(frozen=True)
class TokenChunk:
    """A piece of streamed answer text.

    Attributes:
        logprob: The model's log-probability of the previous token, when the
            provider can tell (routing escalates on a low mean).
        exact: The whole reply, computed or the outcome of a command: said as it
            is, never shaped or answered again (a command must not run twice).
    """

    text: str
    logprob: float | None = None
    exact: bool = False


@dataclass(frozen=True)
class ToolCall:
    """A tool call the model proposes; `arguments` stays a string when it is not JSON."""

    name: str
    arguments: dict | str


def parse_arguments(raw) -> dict | str:
    """Tool arguments as a dict, or the raw text when the model wrote broken JSON."""
    if isinstance(raw, dict):
        return raw
    try:
        value = json.loads(raw or "{}")
    except (TypeError, ValueError):
        return str(raw)
    return value if isinstance(value, dict) else str(raw)


_CALL_TEXT = re.compile(r"<tool_call>(.*?)</tool_call>|```(?:json)?(.*?)```", re.DOTALL)


def parse_tool_calls(text: str) -> list[ToolCall]:
    """Tool calls a model wrote as JSON text: {"name", "arguments"}, fenced or tagged."""
    pieces = [a or b for a, b in _CALL_TEXT.findall(text)] or [text]
    calls = []
    for piece in pieces:
        try:
            value = json.loads(piece.strip())
        except ValueError:
            continue
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict) and isinstance(item.get("name"), str):
                calls.append(ToolCall(item["name"], parse_arguments(item.get("arguments"))))
    return calls


class ChatModel(ABC):
    """Streams an answer to OpenAI-style chat messages."""

    name: str = "llm"
    is_local: bool = True

    @abstractmethod
    def stream(
        self, messages: list[dict], *, max_tokens: int, temperature: float
    ) -> AsyncIterator[TokenChunk]:
        """Stream the answer; closing the iterator early must stop generation."""

    async def propose_tool_calls(self, messages: list[dict], tools: list[dict], *,
                                 max_tokens: int = 128) -> list[ToolCall]:
        """The tool calls the model wants for the last user message (none: just answer)."""
        raise NotImplementedError(f"the {self.name} model cannot call tools; set tools.model "
                                  "to qwen2.5-0.5b or a remote provider")

    def prepare(self, messages: list[dict]) -> None:  # noqa: B027 - optional hook
        """Start evaluating `messages`, the likely start of the next request; returns at once.

        A local model fills its prompt cache, so a request that begins with these
        messages starts sooner. Providers without such a cache ignore it.
        """

    def count_tokens(self, text: str) -> int:
        """Estimate tokens; providers with a tokenizer answer exactly."""
        return max(1, len(text) // 4)

    async def aclose(self) -> None:  # noqa: B027 - optional hook
        """Release what the provider holds."""


class ChatModelStage(ChatModel):
    """A stage in front of another model: commands, agents, tools.

    It prepares, counts tokens, proposes tool calls and is local as the model it wraps,
    which belongs to whoever built it and is not closed here.
    """

    def __init__(self, inner: ChatModel):
        self.inner = inner

    @property
    def is_local(self) -> bool:  # type: ignore[override]
        """As the wrapped model."""
        return self.inner.is_local

    async def propose_tool_calls(self, messages: list[dict], tools: list[dict], *,
                                 max_tokens: int = 128) -> list[ToolCall]:
        """The wrapped model's."""
        return await self.inner.propose_tool_calls(messages, tools, max_tokens=max_tokens)

    def prepare(self, messages: list[dict]) -> None:
        """The wrapped model's."""
        self.inner.prepare(messages)

    def count_tokens(self, text: str) -> int:
        """As the wrapped model counts."""
        return self.inner.count_tokens(text)

    async def aclose(self) -> None:
        """The wrapped model is closed by its owner."""

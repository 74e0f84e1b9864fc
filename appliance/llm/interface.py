"""What every chat model offers the pipeline."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import AsyncIterator
from dataclasses import dataclass


@dataclass(frozen=True)
class TokenChunk:
    """A piece of streamed answer text.

    Attributes:
        logprob: The model's log-probability of the previous token, when the
            provider can tell (routing escalates on a low mean).
    """

    text: str
    logprob: float | None = None


class ChatModel(ABC):
    """Streams an answer to OpenAI-style chat messages."""

    name: str = "llm"
    is_local: bool = True

    @abstractmethod
    def stream(
        self, messages: list[dict], *, max_tokens: int, temperature: float
    ) -> AsyncIterator[TokenChunk]:
        """Stream the answer; closing the iterator early must stop generation."""

    def count_tokens(self, text: str) -> int:
        """Estimate tokens; providers with a tokenizer answer exactly."""
        return max(1, len(text) // 4)

    async def aclose(self) -> None:  # noqa: B027 - optional hook
        """Release what the provider holds."""

"""What every text-to-speech provider offers the pipeline."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import AsyncIterator


class TextToSpeech(ABC):
    """Speaks text as 16-bit mono PCM at `sample_rate_hz`."""

    name: str = "tts"
    sample_rate_hz: int = 22050

    @abstractmethod
    def synthesize(self, text: str) -> AsyncIterator[bytes]:
        """Stream PCM for `text`, first chunk as early as the provider can."""

    async def aclose(self) -> None:  # noqa: B027 - optional hook
        """Release what the provider holds."""

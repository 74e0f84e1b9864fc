"""What every speech-to-text provider offers the pipeline."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass


@dataclass(frozen=True)
class Transcript:
    """A transcribed utterance and the confidence signals routing can use.

    Attributes:
        text: The words, stripped; empty when nothing was said.
        avg_logprob: Mean token log-probability of the kept segments (None if unknown).
        no_speech_prob: Highest no-speech probability among the kept segments.
    """

    text: str
    avg_logprob: float | None = None
    no_speech_prob: float | None = None
    # How routing served it (provider, reason, ms), when it was routed.
    route: dict | None = None


class SpeechToText(ABC):
    """Turns one utterance of 16-bit mono PCM into text."""

    name: str = "stt"

    @abstractmethod
    async def transcribe(self, pcm16: bytes, sample_rate_hz: int) -> Transcript:
        """Transcribe one complete utterance."""

    async def aclose(self) -> None:  # noqa: B027 - optional hook, most providers hold nothing
        """Release what the provider holds."""

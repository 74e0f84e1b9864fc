"""A scripted STT provider for unit tests of the logic around transcription."""

from __future__ import annotations

from collections.abc import Iterable

from appliance.stt.interface import SpeechToText, Transcript


class FakeSpeechToText(SpeechToText):
    """Returns scripted transcripts in order, recording what it was given."""

    name = "fake-stt"

    def __init__(self, texts: Iterable[str]):
        self._texts = list(texts)
        self.received: list[bytes] = []

    async def transcribe(self, pcm16: bytes, sample_rate_hz: int) -> Transcript:
        """Return the next scripted transcript (empty once they run out)."""
        self.received.append(pcm16)
        text = self._texts.pop(0) if self._texts else ""
        return Transcript(text=text, avg_logprob=-0.1, no_speech_prob=0.01)

"""A tone-generating TTS provider for unit tests of the logic around synthesis."""

from __future__ import annotations

from collections.abc import AsyncIterator

import numpy as np

from appliance.tts.interface import TextToSpeech


class FakeTextToSpeech(TextToSpeech):
    """Emits a 440 Hz tone, `seconds_per_word` long per word, and records the text."""

    name = "fake-tts"

    def __init__(self, *, sample_rate_hz: int = 16000, seconds_per_word: float = 0.2):
        self.sample_rate_hz = sample_rate_hz
        self._seconds_per_word = seconds_per_word
        self.spoken: list[str] = []

    async def synthesize(self, text: str) -> AsyncIterator[bytes]:
        """Yield one tone chunk per word."""
        self.spoken.append(text)
        n = int(self.sample_rate_hz * self._seconds_per_word)
        tone = (0.3 * np.sin(2 * np.pi * 440 * np.arange(n) / self.sample_rate_hz) * 32767)
        chunk = tone.astype(np.int16).tobytes()
        for _ in text.split():
            yield chunk

"""Piper neural TTS in-process (piper-tts, GPL-3.0), loaded from a local voice file."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from piper import PiperVoice, SynthesisConfig

from appliance.tts.interface import TextToSpeech

_END = object()


class PiperTTS(TextToSpeech):
    """A Piper voice; synthesis yields one chunk per sentence, produced on a worker thread."""

    name = "piper"

    def __init__(self, model_path: Path, config_path: Path, *, length_scale: float = 1.0):
        self._voice = PiperVoice.load(model_path, config_path=config_path)
        self.sample_rate_hz = self._voice.config.sample_rate
        self._config = SynthesisConfig(length_scale=length_scale)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="piper")

    def _next_chunk(self, chunks) -> object:
        return next(chunks, _END)

    async def synthesize(self, text: str) -> AsyncIterator[bytes]:
        """Stream Piper's sentence chunks as soon as each is ready."""
        loop = asyncio.get_running_loop()
        chunks = iter(self._voice.synthesize(text, syn_config=self._config))
        while True:
            chunk = await loop.run_in_executor(self._executor, self._next_chunk, chunks)
            if chunk is _END:
                return
            yield chunk.audio_int16_bytes

    async def aclose(self) -> None:
        """Stop the worker thread."""
        self._executor.shutdown(wait=False, cancel_futures=True)

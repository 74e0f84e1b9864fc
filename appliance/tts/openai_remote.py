"""Text to speech behind any OpenAI-compatible `/v1/audio/speech` endpoint, streamed as raw PCM."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

import httpx2
import openai

from appliance.errors import ProviderError
from appliance.llm.openai_remote import make_client, provider_error
from appliance.tts.interface import TextToSpeech

# OpenAI's `pcm` format: raw 24 kHz, 16-bit little-endian, mono, no header.
OPENAI_PCM_SAMPLE_RATE_HZ = 24000


class OpenAITextToSpeech(TextToSpeech):
    """Streams `response_format="pcm"` audio, so playback can start with the first chunk.

    The first chunk must arrive within `first_byte_timeout_s` and each later one
    within `stall_timeout_s`; `timeout_s` bounds the whole reply.
    """

    is_local = False
    sample_rate_hz = OPENAI_PCM_SAMPLE_RATE_HZ

    def __init__(
        self,
        *,
        name: str,
        base_url: str,
        model: str,
        voice: str,
        api_key: str | None,
        timeout_s: float = 20.0,
        first_byte_timeout_s: float = 4.0,
        stall_timeout_s: float = 5.0,
    ):
        self.name = name
        self.model = model
        self.voice = voice
        self._client = make_client(base_url, api_key, timeout_s)
        self._timeout_s = timeout_s
        self._first_byte_timeout_s = first_byte_timeout_s
        self._stall_timeout_s = stall_timeout_s

    async def synthesize(self, text: str) -> AsyncIterator[bytes]:
        """Yield PCM chunks of whole 16-bit samples; closing the iterator closes the stream."""
        loop = asyncio.get_running_loop()
        started_at = loop.time()
        call_deadline = started_at + self._timeout_s
        deadline = min(started_at + self._first_byte_timeout_s, call_deadline)
        has_output = False
        is_first_chunk = True
        try:
            async with contextlib.AsyncExitStack() as stack:
                async with asyncio.timeout_at(deadline):
                    response = await stack.enter_async_context(
                        self._client.audio.speech.with_streaming_response.create(
                            model=self.model, voice=self.voice, input=text, response_format="pcm"
                        )
                    )
                chunks = response.iter_bytes()
                remainder = b""
                while True:
                    async with asyncio.timeout_at(deadline):
                        chunk = await anext(chunks, None)
                    if chunk is None:
                        break
                    is_first_chunk = False
                    # A sample split across two network reads waits for its second byte.
                    data = remainder + chunk
                    whole = len(data) - len(data) % 2
                    remainder = data[whole:]
                    if whole:
                        has_output = True
                        yield data[:whole]
                    deadline = min(loop.time() + self._stall_timeout_s, call_deadline)
        except TimeoutError:
            raise self._deadline_error(loop.time() >= call_deadline, is_first_chunk,
                                       has_output) from None
        except (openai.OpenAIError, httpx2.HTTPError, ValueError) as e:
            raise provider_error(self.name, e, output_started=has_output) from e

    def _deadline_error(
        self, is_call_timeout: bool, is_first_chunk: bool, output_started: bool
    ) -> ProviderError:
        if is_call_timeout:
            message = f"speech took longer than timeout_s={self._timeout_s:g} s; raise timeout_s"
        elif is_first_chunk:
            message = (f"no audio within first_byte_timeout_s={self._first_byte_timeout_s:g} s; "
                       "raise it if the server is just slow")
        else:
            message = f"the audio stream stalled: no data for {self._stall_timeout_s:g} s"
        kind = "stalled" if output_started or not is_first_chunk else "timeout"
        return ProviderError(self.name, message, kind=kind, retryable=True,
                             output_started=output_started)

    async def aclose(self) -> None:
        """Close the HTTP connection pool."""
        await self._client.close()

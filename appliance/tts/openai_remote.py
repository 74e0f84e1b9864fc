"""Text to speech behind any OpenAI-compatible `/v1/audio/speech` endpoint, streamed as raw PCM."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

from appliance.providers.remote import (
    REMOTE_ERRORS,
    Deadline,
    StreamDeadlines,
    StreamTimeouts,
    make_client,
    provider_error,
)
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
        self._timeouts = StreamTimeouts(timeout_s, first_byte_timeout_s, stall_timeout_s)

    async def synthesize(self, text: str) -> AsyncIterator[bytes]:
        """Yield PCM chunks of whole 16-bit samples; closing the iterator closes the stream."""
        deadlines = StreamDeadlines(self._timeouts)
        has_output = False
        try:
            async with contextlib.AsyncExitStack() as stack:
                async with deadlines.timeout():
                    response = await stack.enter_async_context(
                        self._client.audio.speech.with_streaming_response.create(
                            model=self.model, voice=self.voice, input=text, response_format="pcm"
                        )
                    )
                chunks = response.iter_bytes()
                remainder = b""
                while (chunk := await deadlines.next_chunk(chunks)) is not None:
                    # A sample split across two network reads waits for its second byte.
                    data = remainder + chunk
                    whole = len(data) - len(data) % 2
                    remainder = data[whole:]
                    if whole:
                        has_output = True
                        yield data[:whole]
        except TimeoutError:
            raise deadlines.error(self.name, self._deadline_messages(), output_started=has_output,
                                  is_started=has_output or not deadlines.is_first_chunk) from None
        except REMOTE_ERRORS as e:
            raise provider_error(self.name, e, output_started=has_output) from e

    def _deadline_messages(self) -> dict[Deadline, str]:
        timeouts = self._timeouts
        return {
            "call": f"speech took longer than timeout_s={timeouts.timeout_s:g} s; raise timeout_s",
            "first_byte": (f"no audio within first_byte_timeout_s="
                           f"{timeouts.first_byte_timeout_s:g} s; raise it if the server is "
                           "just slow"),
            "stall": f"the audio stream stalled: no data for {timeouts.stall_timeout_s:g} s",
        }

    async def aclose(self) -> None:
        """Close the HTTP connection pool."""
        await self._client.close()

"""One Wyoming connection: speech to text, text to speech, and the conversation (`handle`).

Home Assistant opens a connection per request and sends, for speech to text,
Transcribe, AudioStart, AudioChunk…, AudioStop and waits for one Transcript; for
text to speech, Synthesize (or SynthesizeStart, SynthesizeChunk…, Synthesize,
SynthesizeStop when streaming) and reads audio; for a conversation, a Transcript
with a `conversation_id` in its context and waits for Handled. Every request goes
through the same routers, privacy rules and audit trail as a voice turn.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
import uuid
from collections import OrderedDict
from dataclasses import dataclass, field

import numpy as np
import soxr
from loguru import logger
from pipecat.processors.aggregators.llm_context import LLMContext
from wyoming.asr import Transcribe, Transcript
from wyoming.audio import AudioChunk, AudioStart, AudioStop
from wyoming.error import Error
from wyoming.event import Event
from wyoming.handle import Handled
from wyoming.info import Describe, Info
from wyoming.server import AsyncEventHandler
from wyoming.tts import (
    Synthesize,
    SynthesizeChunk,
    SynthesizeStart,
    SynthesizeStop,
    SynthesizeStopped,
)

from appliance.apps.typed import answer_typed
from appliance.governance.masking import mask_text
from appliance.routing.routed import RoutedSpeechToText, RoutedTextToSpeech
from appliance.routing.router import RouteLog
from appliance.runtime.engines import Engines

STT_RATE_HZ = 16000
MAX_LINE_BYTES = 1 << 20  # an event header longer than this is not a Wyoming event
MAX_PAYLOAD_BYTES = 16 << 20
MAX_AUDIO_S = 60.0  # one utterance; longer is refused rather than held in memory
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@dataclass
class Conversations:
    """Each Home Assistant conversation's context, by its conversation_id; the newest kept."""

    limit: int = 64
    contexts: OrderedDict[str, LLMContext] = field(default_factory=OrderedDict)

    def get(self, conversation_id: str) -> LLMContext:
        """The context of `conversation_id`, new if unknown."""
        context = self.contexts.pop(conversation_id, None) or LLMContext()
        self.contexts[conversation_id] = context
        while len(self.contexts) > self.limit:
            self.contexts.popitem(last=False)
        return context


@dataclass
class WyomingService:
    """What every connection shares: the engines, what is announced, the conversations."""

    engines: Engines
    info: Info
    conversations: Conversations = field(default_factory=Conversations)


class WyomingHandler(AsyncEventHandler):
    """Serves one connection's events, in order."""

    def __init__(self, service: WyomingService, reader: asyncio.StreamReader,
                 writer: asyncio.StreamWriter):
        super().__init__(reader, writer)
        self.service = service
        self.session = f"wyoming-{uuid.uuid4().hex[:8]}"
        self._audio: bytearray | None = None
        self._format: tuple[int, int, int] | None = None  # rate, width, channels
        self._language: str | None = None
        self._streaming_text: str | None = None  # SynthesizeStart…Stop
        self._streamed_audio = False

    async def run(self) -> None:
        """Read events; a malformed one is answered with an `error` event, never a crash.

        Written here rather than using AsyncEventHandler.run: the library's reader
        drops the connection without a word on a bad header, and raises on a
        truncated payload.
        """
        try:
            while True:
                try:
                    event = await self._read_event()
                except _BadEvent as e:
                    await self._error(str(e), "bad-event")
                    if e.fatal:
                        break
                    continue
                if event is None:
                    break
                try:
                    if not await self.handle_event(event):
                        break
                except _RequestError as e:
                    await self._error(str(e), "bad-request")
                except Exception as e:  # one bad request must not take the service down
                    logger.exception(f"wyoming: {event.type} failed")
                    await self._error(f"{event.type} failed: {e}", "internal")
        except (ConnectionError, asyncio.IncompleteReadError):
            pass  # the client went away mid-event: nobody to tell
        finally:
            await self.disconnect()
            self.writer.close()

    async def _read_event(self) -> Event | None:
        try:
            line = await self.reader.readuntil(b"\n")
        except asyncio.IncompleteReadError as e:
            if e.partial.strip():
                raise _BadEvent("the connection closed inside an event header",
                                fatal=True) from None
            return None
        except asyncio.LimitOverrunError:
            raise _BadEvent("event header too long", fatal=True) from None
        if len(line) > MAX_LINE_BYTES:
            raise _BadEvent("event header too long", fatal=True)
        try:
            header = json.loads(line)
            kind = header["type"]
            data = header.get("data") or {}
            data_length = int(header.get("data_length") or 0)
            payload_length = int(header.get("payload_length") or 0)
        except (ValueError, KeyError, TypeError, AttributeError):
            raise _BadEvent("not a Wyoming event: a JSON header with a \"type\" was "
                            "expected") from None
        if not (0 <= data_length <= MAX_LINE_BYTES and 0 <= payload_length <= MAX_PAYLOAD_BYTES):
            raise _BadEvent("event data or payload too large", fatal=True)
        if data_length:
            try:
                data = {**data, **json.loads(await self.reader.readexactly(data_length))}
            except ValueError:
                raise _BadEvent("event data is not JSON") from None
        payload = await self.reader.readexactly(payload_length) if payload_length else None
        return Event(type=kind, data=data, payload=payload)

    async def handle_event(self, event: Event) -> bool:
        """Answer one event; False closes the connection."""
        if Describe.is_type(event.type):
            await self.write_event(self.service.info.event())
        elif Transcribe.is_type(event.type):
            self._language = Transcribe.from_event(event).language
            self._audio, self._format = bytearray(), None
        elif AudioStart.is_type(event.type):
            start = AudioStart.from_event(event)
            self._format = _checked_format(start.rate, start.width, start.channels)
            if self._audio is None:
                self._audio = bytearray()  # a satellite may stream without Transcribe
        elif AudioChunk.is_type(event.type):
            await self._take_audio(AudioChunk.from_event(event))
        elif AudioStop.is_type(event.type):
            await self._transcribe()
        elif SynthesizeStart.is_type(event.type):
            self._streaming_text, self._streamed_audio = "", False
        elif SynthesizeChunk.is_type(event.type):
            await self._stream_text(SynthesizeChunk.from_event(event).text)
        elif Synthesize.is_type(event.type):
            if self._streaming_text is None:  # inside a stream it repeats the chunks: skip
                await self._speak(Synthesize.from_event(event).text, whole=True)
        elif SynthesizeStop.is_type(event.type):
            await self._end_stream()
        elif Transcript.is_type(event.type):
            await self._converse(Transcript.from_event(event))
        else:
            await self._error(f"unexpected event {event.type!r}: this service offers "
                              "describe, transcribe, synthesize and handle", "unsupported")
        return True

    # -- speech to text -----------------------------------------------------------

    async def _take_audio(self, chunk: AudioChunk) -> None:
        if self._audio is None:
            raise _RequestError("audio-chunk before transcribe or audio-start")
        fmt = _checked_format(chunk.rate, chunk.width, chunk.channels)
        if self._format is None:
            self._format = fmt
        rate, width, channels = self._format
        if len(self._audio) + len(chunk.audio) > MAX_AUDIO_S * rate * width * channels:
            self._audio = None
            raise _RequestError(f"more than {MAX_AUDIO_S:.0f} s of audio in one request")
        self._audio += chunk.audio

    async def _transcribe(self) -> None:
        if self._audio is None or self._format is None:
            raise _RequestError("audio-stop before any audio")
        pcm, (rate, _, channels) = bytes(self._audio), self._format
        self._audio = None
        samples = np.frombuffer(pcm[: len(pcm) // (2 * channels) * 2 * channels], dtype=np.int16)
        if channels > 1:
            samples = samples.reshape(-1, channels).mean(axis=1).astype(np.int16)
        if rate != STT_RATE_HZ:
            samples = soxr.resample(samples, rate, STT_RATE_HZ)
        log = RouteLog()
        started = time.monotonic()
        heard = await RoutedSpeechToText(self.service.engines.router, log).transcribe(
            samples.astype(np.int16).tobytes(), STT_RATE_HZ)
        await self.write_event(Transcript(text=heard.text, language=self._language).event())
        await self._audit("stt", heard.route, started, {"transcript": heard.text})

    # -- text to speech -------------------------------------------------------------

    async def _stream_text(self, text: str) -> None:
        if self._streaming_text is None:
            raise _RequestError("synthesize-chunk before synthesize-start")
        self._streaming_text += text
        *whole, rest = _SENTENCE_END.split(self._streaming_text)
        self._streaming_text = rest
        for sentence in whole:  # each sentence is spoken as soon as it is complete
            await self._speak(sentence, whole=False)

    async def _end_stream(self) -> None:
        if self._streaming_text is None:
            raise _RequestError("synthesize-stop before synthesize-start")
        rest, self._streaming_text = self._streaming_text, None
        if rest.strip():
            await self._speak(rest, whole=False)
        if self._streamed_audio:
            await self.write_event(AudioStop().event())
        await self.write_event(SynthesizeStopped().event())

    async def _speak(self, text: str, *, whole: bool) -> None:
        text = text.strip()
        if not text:
            raise _RequestError("nothing to say: the text is empty")
        engines = self.service.engines
        rate = engines.settings.audio.output_sample_rate_hz
        log = RouteLog()
        started = time.monotonic()
        if whole or not self._streamed_audio:
            # One audio stream per request: Home Assistant reads the first AudioStart.
            await self.write_event(AudioStart(rate=rate, width=2, channels=1).event())
            self._streamed_audio = True
        tts = RoutedTextToSpeech(engines.router, log, sample_rate_hz=rate)
        async for pcm in tts.synthesize(text):
            await self.write_event(AudioChunk(rate=rate, width=2, channels=1, audio=pcm).event())
        if whole:
            await self.write_event(AudioStop().event())
            self._streamed_audio = False
        await self._audit("tts", log.take(("tts",)).get("tts", {}), started, {"text": text})

    # -- the conversation -----------------------------------------------------------

    async def _converse(self, transcript: Transcript) -> None:
        text = (transcript.text or "").strip()
        if not text:
            raise _RequestError("the transcript to handle is empty")
        context = transcript.context or {}
        conversation_id = str(context.get("conversation_id") or self.session)
        history = self.service.conversations.get(conversation_id)
        started = time.monotonic()
        # One caller for tool limits: Wyoming clients are not authenticated, and a new
        # conversation id per request must not reset a daily limit.
        reply, _, route = await answer_typed(self.service.engines, history, text,
                                             session_id=f"wyoming:{conversation_id}",
                                             caller="place:wyoming")
        await self.write_event(Handled(text=reply, context=context).event())
        await self._audit("handle", route, started, {"transcript": text, "reply": reply})

    # -- shared -----------------------------------------------------------------------

    async def _audit(self, service: str, route: dict, started: float, said: dict) -> None:
        audit = self.service.engines.audit
        if audit is None:
            return
        data = {"service": service, "route": route,
                "ms": round(1000 * (time.monotonic() - started), 1)}
        try:
            await audit.append_async("wyoming", data,
                                     sensitive={k: mask_text(v) for k, v in said.items()},
                                     session_id=self.session)
        except Exception as e:  # the request was served; the operator must hear of the gap
            logger.error(f"audit trail: a wyoming {service} request was not recorded ({e})")

    async def _error(self, text: str, code: str) -> None:
        logger.warning(f"wyoming: {text}")
        try:
            await self.write_event(Error(text=text, code=code).event())
        except ConnectionError:
            pass


class _BadEvent(Exception):
    def __init__(self, message: str, *, fatal: bool = False):
        super().__init__(message)
        self.fatal = fatal


class _RequestError(Exception):
    """A request that cannot be served as sent; the client gets an `error` event."""


def _checked_format(rate: int, width: int, channels: int) -> tuple[int, int, int]:
    if width != 2:
        raise _RequestError(f"audio must be 16-bit (width 2), not width {width}")
    if not 8000 <= rate <= 48000 or channels not in (1, 2):
        raise _RequestError(f"audio must be 8000-48000 Hz, mono or stereo; got {rate} Hz, "
                            f"{channels} channels")
    return rate, width, channels

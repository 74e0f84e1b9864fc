"""The appliance as an OpenAI-compatible provider: /v1 chat, transcription, speech and models.

Any OpenAI client (or another appliance's remote providers) can use the loaded
local models. Handlers take the raw `Request` and parse bodies themselves, so
the token is checked before a large upload is read and every failure, including
a malformed body, answers in OpenAI's error shape `{"error": {message, type, code}}`.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import struct
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import TYPE_CHECKING, Literal, TypeVar

import numpy as np
import soxr
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response, StreamingResponse
from loguru import logger
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException

from appliance.audio.wav import PIPELINE_SAMPLE_RATE_HZ, AudioInputError, decode_wav
from appliance.service.auth import Refusal
from appliance.service.bodies import bounded
from appliance.service.limits import (
    FORM_OVERHEAD_BYTES,
    OPENAI_JSON_BYTES,
    TRANSCRIPTION_UPLOAD_BYTES,
)

if TYPE_CHECKING:
    from appliance.pipeline import Engines

# OpenAI's `pcm` speech format: raw 24 kHz 16-bit little-endian mono.
SPEECH_SAMPLE_RATE_HZ = 24000
# A transcription form: one file, and OpenAI's dozen short text fields with room to spare.
TRANSCRIPTION_FORM_FIELDS = 32
SSE_HEADERS = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
# How often a whole-answer request looks whether its client is still there.
DISCONNECT_POLL_S = 0.25


class OpenAIAPIError(Exception):
    """A request failure, answered in OpenAI's error shape."""

    def __init__(self, status: int, message: str, *, error_type: str = "invalid_request_error",
                 code: str | None = None, param: str | None = None,
                 headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status, self.message, self.error_type = status, message, error_type
        self.code, self.param, self.headers = code, param, headers

    def response(self) -> JSONResponse:
        """The JSON response a client sees."""
        body = {"message": self.message, "type": self.error_type, "param": self.param,
                "code": self.code}
        return JSONResponse({"error": body}, status_code=self.status, headers=self.headers)


def _engine_failed(what: str, error: Exception) -> OpenAIAPIError:
    logger.error(f"{what} failed on the local engine: {type(error).__name__}")
    return OpenAIAPIError(500, f"the local {what} engine failed ({type(error).__name__}); "
                          "see the appliance log", error_type="server_error", code="engine_error")


class _Request(BaseModel):
    model_config = ConfigDict(extra="ignore")  # OpenAI clients send many optional fields


_RequestT = TypeVar("_RequestT", bound=_Request)
_T = TypeVar("_T")


class _ContentPart(_Request):
    type: str = "text"
    text: str | None = None  # a number or a list here is a 400 naming the field


class _Message(_Request):
    role: Literal["system", "developer", "user", "assistant"]
    content: str | list[_ContentPart] | None = None

    def as_chat(self) -> dict:
        # Only text parts are read (images and audio parts are not for this model).
        text = self.content if isinstance(self.content, str) else " ".join(
            p.text for p in self.content or [] if p.type == "text" and p.text)
        return {"role": "system" if self.role == "developer" else self.role, "content": text}


class _StreamOptions(_Request):
    include_usage: bool = False


class _ChatRequest(_Request):
    messages: list[_Message] = Field(min_length=1)
    model: str | None = None
    max_tokens: int | None = Field(None, ge=1, le=4096)
    max_completion_tokens: int | None = Field(None, ge=1, le=4096)
    temperature: float | None = Field(None, ge=0.0, le=2.0)
    stream: bool = False
    stream_options: _StreamOptions | None = None
    n: int = Field(1, ge=1, le=1)


class _SpeechRequest(_Request):
    input: str = Field(min_length=1, max_length=4096)
    model: str | None = None
    voice: str | None = None
    response_format: Literal["pcm", "wav"] = "wav"
    speed: float = Field(1.0, ge=0.25, le=4.0)


def _bounded(request: Request, limit: int) -> Request:
    """`request` with its body refused (413) past `limit`: declared, or as it streams in."""
    return bounded(request, limit, lambda: OpenAIAPIError(
        413, f"request body larger than {limit} bytes", code="too_large"))


async def _read_body(request: Request, limit: int) -> bytes:
    """The body, refused with 413 as soon as it grows past `limit`."""
    return await _bounded(request, limit).body()


async def _parse_json(request: Request, model: type[_RequestT]) -> _RequestT:
    try:
        return model.model_validate_json(await _read_body(request, OPENAI_JSON_BYTES))
    except ValidationError as e:
        first = e.errors()[0]
        param = ".".join(str(p) for p in first["loc"]) or None
        where = f"{param}: " if param else ""
        raise OpenAIAPIError(400, f"invalid request body: {where}{first['msg']}",
                             param=param) from None


async def _transcription_form(request: Request) -> tuple[bytes, dict[str, str]]:
    """The uploaded audio and the text fields of a multipart/form-data upload.

    The size limit holds before and while the form is parsed; one file, and text
    fields of at most `FORM_OVERHEAD_BYTES` each.
    """
    body = _bounded(request, TRANSCRIPTION_UPLOAD_BYTES)
    if not request.headers.get("content-type", "").lower().startswith("multipart/form-data"):
        raise OpenAIAPIError(400, "send the audio as multipart/form-data with a 'file' field")
    try:
        async with body.form(max_files=1, max_fields=TRANSCRIPTION_FORM_FIELDS,
                             max_part_size=FORM_OVERHEAD_BYTES) as form:
            upload = form.get("file")
            audio = await upload.read() if isinstance(upload, UploadFile) else b""
            fields = {name: value.strip() for name, value in form.multi_items()
                      if isinstance(value, str)}
    except HTTPException as e:  # how Starlette passes on python-multipart's refusal
        raise OpenAIAPIError(400, f"multipart/form-data body refused: {e.detail} Send the "
                             "audio as one 'file' field, with short text fields") from None
    if not audio:
        raise OpenAIAPIError(400, "missing 'file': upload the audio as a WAV file", param="file")
    return audio, fields


def openai_router(state) -> APIRouter:
    """The /v1 routes, guarded by the bearer token, over `state.engines` once loaded."""
    router = APIRouter(prefix="/v1", tags=["openai"])

    def add(method: str, path: str, handler: Callable[[Engines, Request], Awaitable[Response]]):
        async def guarded(request: Request):
            try:
                caller = state.authorizer.check(request.headers.get("authorization"),
                                                "converse")
                if isinstance(caller, Refusal):
                    raise OpenAIAPIError(caller.status, caller.reason, code="invalid_api_key",
                                         headers={"WWW-Authenticate": "Bearer"})
                if state.engines is None:
                    raise OpenAIAPIError(
                        503, "models failed to load (see the service log)" if state.load_error
                        else "models are still loading",
                        error_type="server_error", code="model_not_ready",
                        headers={"Retry-After": "5"})
                slot = state.admission.api(caller.token_id)
                if isinstance(slot, str):
                    raise OpenAIAPIError(429, slot, error_type="rate_limit_error",
                                         code="rate_limit_exceeded",
                                         headers={"Retry-After": "5"})
            except OpenAIAPIError as e:
                return e.response()
            request.state.caller = caller  # whose limits and audit a handler's work is
            streaming = None
            try:
                response = await handler(state.engines, request)
                if isinstance(response, _ClosingStreamingResponse):
                    # The slot is held until the stream ends, not just until it starts.
                    streaming = response
                    response.on_close = lambda: state.admission.release(slot)
                return response
            except OpenAIAPIError as e:
                return e.response()
            finally:
                if streaming is None:
                    state.admission.release(slot)

        guarded.__doc__ = handler.__doc__
        router.add_api_route(path, guarded, methods=[method], name=handler.__name__)

    add("GET", "/models", list_models)
    add("POST", "/chat/completions", chat_completions)
    add("POST", "/audio/transcriptions", transcriptions)
    add("POST", "/audio/speech", speech)
    from appliance.service.agents_api import agent_turn  # it builds on this module

    add("POST", "/agents/{name}/turn", agent_turn)
    return router


def _local_model(engines: Engines, role: str) -> str:
    """The name of the on-device model that serves `role` here."""
    return next(p.model for p in engines.settings.providers_for(role) if p.is_local)


async def list_models(engines: Engines, request: Request) -> Response:
    """The loaded chat, transcription and speech models."""
    created = int(time.time() - engines.load_seconds)
    data = [{"id": _local_model(engines, role), "object": "model", "created": created,
             "owned_by": "appliance"} for role in ("llm", "stt", "tts")]
    return JSONResponse({"object": "list", "data": data})


async def chat_completions(engines: Engines, request: Request) -> Response:
    """Chat completions from the local model, whole or as server-sent events.

    Without a system message, the appliance's `llm.system_prompt` is used.
    """
    body = await _parse_json(request, _ChatRequest)
    settings = engines.settings.llm
    messages = [m.as_chat() for m in body.messages]
    if not any(m["role"] == "system" for m in messages):
        # A small model rambles without one; the appliance's own prompt is the sane default.
        messages.insert(0, {"role": "system", "content": settings.system_prompt})
    max_tokens = body.max_completion_tokens or body.max_tokens or settings.max_tokens
    temperature = settings.temperature if body.temperature is None else body.temperature
    stream = engines.llm.stream(messages, max_tokens=max_tokens, temperature=temperature)
    try:
        first = await anext(stream, None)
    except Exception as e:
        await stream.aclose()
        raise _engine_failed("chat", e) from e
    completion = _Completion(engines, messages, max_tokens)
    if body.stream:
        include_usage = bool(body.stream_options and body.stream_options.include_usage)
        events = completion.events(first, stream, include_usage=include_usage)
        return _ClosingStreamingResponse(events, media_type="text/event-stream",
                                         headers=SSE_HEADERS)
    async def collect() -> list[str]:
        async with contextlib.aclosing(stream):
            return ([first.text] if first else []) + [chunk.text async for chunk in stream]

    try:
        texts = await _unless_client_leaves(request, collect())
    except ClientLeft:
        # Closing the stream stopped the model within a token; nobody is there to answer.
        logger.info("chat completion abandoned: the client disconnected")
        return Response(status_code=499)
    except Exception as e:
        raise _engine_failed("chat", e) from e
    return JSONResponse(completion.whole(texts))


class ClientLeft(Exception):
    """The client disconnected before its answer was ready."""


async def _unless_client_leaves(request: Request, work: Awaitable[_T]) -> _T:
    """`work`'s result, or `ClientLeft` (with `work` cancelled) once the client is gone.

    Starlette does not cancel a handler whose client disconnects; a whole-answer
    request would otherwise keep the only LLM worker busy for nobody.
    """
    task = asyncio.ensure_future(work)
    try:
        while True:
            done, _ = await asyncio.wait({task}, timeout=DISCONNECT_POLL_S)
            if done:
                return task.result()
            if await request.is_disconnected():
                raise ClientLeft
    finally:
        if not task.done():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task


class _Completion:
    """One answer's identity, token counts and wire format (OpenAI chat.completion[.chunk])."""

    def __init__(self, engines: Engines, messages: list[dict], max_tokens: int):
        self.llm, self.messages, self.max_tokens = engines.llm, messages, max_tokens
        self.head = {"id": f"chatcmpl-{uuid.uuid4().hex}", "created": int(time.time()),
                     "model": _local_model(engines, "llm"), "system_fingerprint": None}

    def usage(self, texts: list[str]) -> dict:
        # Content tokens only: the chat template's few tokens per message are not counted.
        prompt = sum(self.llm.count_tokens(m["content"]) for m in self.messages if m["content"])
        return {"prompt_tokens": prompt, "completion_tokens": len(texts),
                "total_tokens": prompt + len(texts)}

    def finish_reason(self, texts: list[str]) -> str:
        # The local engine streams one token per chunk.
        return "length" if len(texts) >= self.max_tokens else "stop"

    def whole(self, texts: list[str]) -> dict:
        message = {"role": "assistant", "content": "".join(texts), "refusal": None}
        choice = {"index": 0, "message": message, "logprobs": None,
                  "finish_reason": self.finish_reason(texts)}
        return {**self.head, "object": "chat.completion", "choices": [choice],
                "usage": self.usage(texts)}

    def _event(self, delta: dict | None, finish: str | None = None, *, include_usage: bool,
               usage: dict | None = None) -> bytes:
        choices = [] if delta is None else [
            {"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}]
        chunk = {**self.head, "object": "chat.completion.chunk", "choices": choices}
        if include_usage:  # as OpenAI: null on every chunk but the last, extra one
            chunk["usage"] = usage
        return b"data: " + json.dumps(chunk, separators=(",", ":")).encode() + b"\n\n"

    async def events(self, first, stream: AsyncIterator, *, include_usage: bool
                     ) -> AsyncIterator[bytes]:
        """SSE events: role, one per token, finish reason, optional usage, then [DONE]."""
        texts: list[str] = []
        async with contextlib.aclosing(stream):
            yield self._event({"role": "assistant", "content": ""}, include_usage=include_usage)
            try:
                chunk = first
                while chunk is not None:
                    texts.append(chunk.text)
                    yield self._event({"content": chunk.text}, include_usage=include_usage)
                    chunk = await anext(stream, None)
            except Exception as e:
                # Too late for a status code: OpenAI clients raise on an error event.
                error = _engine_failed("chat", e)
                body = {"error": {"message": error.message, "type": error.error_type,
                                  "param": None, "code": error.code}}
                yield b"data: " + json.dumps(body).encode() + b"\n\n"
                return
        yield self._event({}, self.finish_reason(texts), include_usage=include_usage)
        if include_usage:
            yield self._event(None, include_usage=True, usage=self.usage(texts))
        yield b"data: [DONE]\n\n"


class _ClosingStreamingResponse(StreamingResponse):
    """Closes the body generator however the response ends.

    When the client disconnects, Starlette cancels the send; the generator may then
    be parked at a `yield` and would otherwise keep the model busy until garbage
    collection.
    """

    on_close: Callable[[], None] | None = None  # told once the response has ended

    async def __call__(self, scope, receive, send) -> None:
        try:
            await super().__call__(scope, receive, send)
        finally:
            try:
                await self.body_iterator.aclose()
            finally:
                if self.on_close is not None:
                    self.on_close()


async def transcriptions(engines: Engines, request: Request) -> Response:
    """Transcribe an uploaded WAV (any rate, channels or sample format) with the local model."""
    audio, form = await _transcription_form(request)
    response_format = form.get("response_format", "json")
    if response_format not in ("json", "text", "verbose_json"):
        raise OpenAIAPIError(400, f"response_format {response_format!r} is not supported; "
                             "use json, text or verbose_json", param="response_format")
    settings = engines.settings.stt
    language = form.get("language", "")
    if language and language.split("-")[0].lower() != settings.language:
        raise OpenAIAPIError(400, f"this appliance transcribes only {settings.language!r} "
                             f"(stt.language); got language {language!r}", param="language")
    try:
        samples = await asyncio.to_thread(decode_wav, audio, source="the uploaded file")
    except AudioInputError as e:
        raise OpenAIAPIError(400, str(e), param="file", code="invalid_audio") from None
    try:
        transcript = await engines.stt.transcribe(samples.tobytes(), PIPELINE_SAMPLE_RATE_HZ)
    except Exception as e:
        raise _engine_failed("transcription", e) from e
    duration_s = len(samples) / PIPELINE_SAMPLE_RATE_HZ
    if response_format == "text":
        return PlainTextResponse(transcript.text)
    usage = {"type": "duration", "seconds": round(duration_s, 3)}
    if response_format == "json":
        return JSONResponse({"text": transcript.text, "usage": usage})
    segments = [] if transcript.avg_logprob is None else [{
        "id": 0, "seek": 0, "start": 0.0, "end": round(duration_s, 3), "text": transcript.text,
        "tokens": [], "temperature": 0.0, "avg_logprob": transcript.avg_logprob,
        "compression_ratio": 0.0, "no_speech_prob": transcript.no_speech_prob,
    }]
    return JSONResponse({"task": "transcribe", "language": settings.language,
                         "duration": round(duration_s, 3), "text": transcript.text,
                         "segments": segments, "usage": usage})


async def speech(engines: Engines, request: Request) -> Response:
    """Speak text with the local voice as 24 kHz 16-bit mono PCM or WAV, streamed."""
    body = await _parse_json(request, _SpeechRequest)
    if "\0" in body.input:
        raise OpenAIAPIError(400, "input holds a NUL character; send plain text", param="input")
    if body.speed != 1.0:
        raise OpenAIAPIError(400, "speed is fixed by tts.length_scale in the appliance's "
                             "config; send speed 1.0 or leave it out", param="speed")
    stream = engines.tts.synthesize(body.input)
    try:
        first = await anext(stream, b"")
    except Exception as e:
        await stream.aclose()
        raise _engine_failed("speech", e) from e
    media_type = "audio/wav" if body.response_format == "wav" else "audio/pcm"
    audio = _speech_bytes(first, stream, engines.tts.sample_rate_hz,
                          with_header=body.response_format == "wav")
    return _ClosingStreamingResponse(audio, media_type=media_type)


def streaming_wav_header(sample_rate_hz: int) -> bytes:
    """A 16-bit mono WAV header for a stream of unknown length.

    The RIFF and data sizes are 0xFFFFFFFF, as streaming servers do: readers
    (libsndfile, Python's `wave`) then read to the end of the data.
    """
    unknown = 0xFFFFFFFF
    return (b"RIFF" + struct.pack("<I", unknown) + b"WAVE"
            + b"fmt " + struct.pack("<IHHIIHH", 16, 1, 1, sample_rate_hz, sample_rate_hz * 2, 2, 16)
            + b"data" + struct.pack("<I", unknown))


async def _speech_bytes(first: bytes, stream: AsyncIterator[bytes], rate_hz: int, *,
                        with_header: bool) -> AsyncIterator[bytes]:
    """The voice's PCM resampled to 24 kHz as it is produced."""
    resampler = (None if rate_hz == SPEECH_SAMPLE_RATE_HZ
                 else soxr.ResampleStream(rate_hz, SPEECH_SAMPLE_RATE_HZ, 1, dtype="int16"))

    def convert(pcm: bytes, *, last: bool = False) -> bytes:
        samples = np.frombuffer(pcm, dtype=np.int16)
        return (resampler.resample_chunk(samples, last=last) if resampler else samples).tobytes()

    async with contextlib.aclosing(stream):
        if with_header:
            yield streaming_wav_header(SPEECH_SAMPLE_RATE_HZ)
        pcm = first
        while pcm:
            if out := convert(pcm):
                yield out
            pcm = await anext(stream, b"")
    if resampler and (tail := convert(b"", last=True)):
        yield tail

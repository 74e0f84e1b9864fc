"""POST /v1/audio/transcriptions reads its multipart upload within the size limit and
answers every bad form in OpenAI's error shape. Real uvicorn on 127.0.0.1; a scripted
STT stands in for Whisper, since only the form handling is checked here."""

import asyncio
import json
from types import SimpleNamespace

import httpx
import numpy as np
import pytest
from fastapi import FastAPI

from appliance.audio.wav import wav_bytes
from appliance.config import ServiceSettings, Settings
from appliance.service import openai_api
from appliance.service.admission import Admission
from appliance.service.auth import Authorizer
from appliance.service.openai_api import openai_router
from appliance.stt import FakeSpeechToText
from tests.support.running_service import serving

pytestmark = pytest.mark.unit

TOKEN_ENV = "APPLIANCE_TEST_UPLOAD_TOKEN"
TOKEN_HEADER = "Authorization: Bearer upload-token"
HEADERS = dict([TOKEN_HEADER.split(": ")])
BOUNDARY = "uploadboundary"
SMALL_LIMIT = 64 * 1024
WAV = wav_bytes((np.sin(np.arange(8000) / 5) * 8000).astype(np.int16).tobytes(), 16000)


@pytest.fixture
async def api(monkeypatch):
    """The /v1 router over a scripted STT that hears "hi"; yields (url, stt)."""
    monkeypatch.setenv(TOKEN_ENV, "upload-token")
    settings = Settings(service=ServiceSettings(api_token_env=TOKEN_ENV))
    stt = FakeSpeechToText(["hi"] * 5)
    engines = SimpleNamespace(settings=Settings(), stt=stt, load_seconds=0.0)
    state = SimpleNamespace(settings=settings, engines=engines, load_error=None,
                            authorizer=Authorizer(settings.service),
                            admission=Admission(settings.service))
    app = FastAPI()
    app.include_router(openai_router(state))
    async with serving(app) as base:
        yield f"{base}/v1/audio/transcriptions", stt


def multipart(*parts: tuple[str, bytes, str | None]) -> bytes:
    """A multipart/form-data body of (name, value, filename or None for a text field)."""
    body = b""
    for name, value, filename in parts:
        disposition = f'form-data; name="{name}"' + (
            f'; filename="{filename}"' if filename is not None else "")
        body += f"--{BOUNDARY}\r\nContent-Disposition: {disposition}\r\n\r\n".encode()
        body += value + b"\r\n"
    return body + f"--{BOUNDARY}--\r\n".encode()


async def post(url: str, body, content_type: str = f"multipart/form-data; boundary={BOUNDARY}"
               ) -> httpx.Response:
    async with httpx.AsyncClient(timeout=10) as client:
        return await client.post(url, content=body,
                                 headers={**HEADERS, "Content-Type": content_type})


def error_of(response: httpx.Response, status: int) -> dict:
    assert response.status_code == status, response.text
    return response.json()["error"]


async def test_a_wav_upload_is_transcribed_in_each_response_format(api):
    url, stt = api
    async with httpx.AsyncClient(timeout=10) as client:
        as_json = await client.post(url, headers=HEADERS, data={"model": "whisper-1"},
                                    files={"file": ("a.wav", WAV, "audio/wav")})
        as_text = await client.post(url, headers=HEADERS,
                                    data={"response_format": " text ", "language": "en-US"},
                                    files={"file": ("a.wav", WAV, "audio/wav")})
        verbose = await client.post(url, headers=HEADERS, data={"response_format": "verbose_json"},
                                    files={"file": ("a.wav", WAV, "audio/wav")})
    assert as_json.status_code == 200, as_json.text
    assert as_json.json() == {"text": "hi", "usage": {"type": "duration", "seconds": 0.5}}
    assert as_text.status_code == 200 and as_text.text == "hi"
    assert verbose.status_code == 200 and verbose.json()["duration"] == 0.5
    assert len(stt.received) == 3


async def test_a_form_without_the_file_is_a_400_naming_the_file_field(api):
    url, stt = api
    for body in (multipart(("model", b"whisper-1", None)),
                 multipart(("file", b"", "a.wav")),  # an empty file
                 multipart(("file", WAV[:100], None))):  # a text field, not a file
        error = error_of(await post(url, body), 400)
        assert error["param"] == "file" and "missing 'file'" in error["message"]
    assert stt.received == []


async def test_a_body_that_is_not_multipart_is_told_to_send_multipart(api):
    url, _ = api
    error = error_of(await post(url, b'{"file": "a.wav"}', "application/json"), 400)
    assert "send the audio as multipart/form-data" in error["message"]
    assert error["type"] == "invalid_request_error"


@pytest.mark.parametrize(("content_type", "body", "said"), [
    ("multipart/form-data", multipart(("file", WAV, "a.wav")), "Missing boundary"),
    (f"multipart/form-data; boundary={BOUNDARY}",
     multipart(("file", WAV, "a.wav"), ("file", WAV, "b.wav")), "Too many files"),
    (f"multipart/form-data; boundary={BOUNDARY}",
     multipart(("file", WAV, "a.wav"), ("prompt", b"x" * (70 * 1024), None)),
     "Part exceeded maximum size"),
    (f"multipart/form-data; boundary={BOUNDARY}",
     f"--{BOUNDARY}\r\nContent-Type: audio/wav\r\n\r\n".encode() + WAV, "must be provided"),
], ids=["no boundary", "two files", "huge text field", "part without a name"])
async def test_a_form_python_multipart_refuses_is_a_400_in_openai_shape(api, content_type, body,
                                                                         said):
    url, stt = api
    error = error_of(await post(url, body, content_type), 400)
    assert said in error["message"] and "Send the audio as one 'file' field" in error["message"]
    assert stt.received == []


async def test_odd_boundaries_and_garbage_are_400s_not_5xx(api):
    url, _ = api
    for content_type, body in (("multipart/form-data; boundary=", multipart(("a", b"b", None))),
                               (f"multipart/form-data; boundary={BOUNDARY}", b"\0garbage" * 99),
                               (f"multipart/form-data; boundary={'a' * 300}", b"x")):
        error_of(await post(url, body, content_type), 400)


async def test_unsupported_format_and_other_language_are_400s_naming_the_field(api):
    url, _ = api
    wrong_format = error_of(await post(url, multipart(
        ("file", WAV, "a.wav"), ("response_format", b"srt", None))), 400)
    assert wrong_format["param"] == "response_format" and "'srt'" in wrong_format["message"]
    wrong_language = error_of(await post(url, multipart(
        ("file", WAV, "a.wav"), ("language", b"fr", None))), 400)
    assert wrong_language["param"] == "language" and "stt.language" in wrong_language["message"]


async def test_a_declared_oversized_upload_is_refused_before_it_is_read(api, monkeypatch):
    url, stt = api
    monkeypatch.setattr(openai_api, "TRANSCRIPTION_UPLOAD_BYTES", SMALL_LIMIT)
    body = multipart(("file", b"\0" * (2 * SMALL_LIMIT), "a.wav"))
    error = error_of(await post(url, body), 413)
    assert error["code"] == "too_large" and f"larger than {SMALL_LIMIT} bytes" in error["message"]
    assert stt.received == []


async def test_a_chunked_upload_is_refused_while_it_streams(api, monkeypatch):
    """The body never ends: only a handler that counts as it reads can answer at all."""
    url, stt = api
    monkeypatch.setattr(openai_api, "TRANSCRIPTION_UPLOAD_BYTES", SMALL_LIMIT)
    target = httpx.URL(url)
    reader, writer = await asyncio.open_connection(target.host, target.port)
    try:
        writer.write(f"POST {target.path} HTTP/1.1\r\nHost: x\r\n{TOKEN_HEADER}\r\n"
                     f"Content-Type: multipart/form-data; boundary={BOUNDARY}\r\n"
                     "Transfer-Encoding: chunked\r\n\r\n".encode())
        part = (f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="file"; '
                'filename="a.wav"\r\n\r\n').encode() + b"\0" * (4 * SMALL_LIMIT)
        writer.write(b"%x\r\n%s\r\n" % (len(part), part))  # and no last chunk, ever
        await writer.drain()
        async with asyncio.timeout(10):
            head = await reader.readuntil(b"\r\n\r\n")
            length = int(head.lower().split(b"content-length: ")[1].split(b"\r\n")[0])
            body = await reader.readexactly(length)
    finally:
        writer.close()
    assert head.startswith(b"HTTP/1.1 413"), head
    assert json.loads(body)["error"]["code"] == "too_large"
    assert stt.received == []
    fits = await post(url, multipart(("file", WAV, "a.wav")))  # and the next upload still works
    assert fits.status_code == 200, fits.text


async def test_a_json_body_past_its_limit_is_a_413_too(api, monkeypatch):
    """The same bound reads the JSON endpoints' bodies."""
    url, _ = api
    monkeypatch.setattr(openai_api, "OPENAI_JSON_BYTES", SMALL_LIMIT)

    async def chunks():  # no Content-Length
        yield b'{"messages": [{"role": "user", "content": "'
        for _ in range(4):
            yield b"x" * SMALL_LIMIT
        yield b'"}]}'

    error = error_of(await post(url.replace("audio/transcriptions", "chat/completions"),
                                chunks(), "application/json"), 413)
    assert error["code"] == "too_large" and f"larger than {SMALL_LIMIT} bytes" in error["message"]

"""Every way a remote server can fail becomes a `ProviderError` of the right kind.

The failures are real: a tiny aiohttp server on 127.0.0.1 misbehaves on purpose
(status codes, stalls, broken JSON, dropped connections), and a closed port
refuses connections. No models are loaded.
"""

import asyncio
import contextlib
import json

import pytest
from aiohttp import web

from appliance.llm.openai_remote import OpenAIChatModel
from appliance.providers.errors import ProviderError
from appliance.providers.remote import retry_after_s
from appliance.stt.openai_remote import OpenAISpeechToText
from appliance.tts.openai_remote import OpenAITextToSpeech
from tests.remote.servers import free_port

pytestmark = pytest.mark.unit

MESSAGES = [{"role": "user", "content": "Hello?"}]


def sse_chunk(text: str) -> bytes:
    chunk = {"id": "c1", "object": "chat.completion.chunk", "created": 0, "model": "m",
             "choices": [{"index": 0, "delta": {"content": text}, "finish_reason": None}]}
    return f"data: {json.dumps(chunk)}\n\n".encode()


class MisbehavingServer:
    """An OpenAI look-alike whose first path segment picks how it fails."""

    def __init__(self):
        self.release = asyncio.Event()  # set at teardown so parked handlers end
        self.client_gone = asyncio.Event()

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/{scenario}/v1/{api:.*}", self.handle)
        return app

    async def handle(self, request: web.Request) -> web.StreamResponse:
        scenario = request.match_info["scenario"]
        await request.read()
        error = {"error": {"message": scenario, "type": "test", "code": None}}
        statuses = {"unauthorized": 401, "forbidden": 403, "ratelimited": 429, "broken": 500,
                    "badrequest": 400}
        if scenario in statuses:
            headers = {"Retry-After": "3"} if scenario == "ratelimited" else None
            return web.json_response(error, status=statuses[scenario], headers=headers)
        if scenario == "silent":
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.release.wait(), 10)
            return web.json_response(error, status=500)
        if scenario == "notjson":
            return web.Response(body=b"<html>oops", content_type="application/json")
        response = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
        await response.prepare(request)
        if scenario == "odd":  # PCM in odd-sized pieces: 3 + 5 + 7 + 1 = 16 bytes
            for size in (3, 5, 7, 1):
                await response.write(bytes(range(size)))
                await asyncio.sleep(0.01)
            return response
        await response.write(sse_chunk("Hello"))
        if scenario == "stall":
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.release.wait(), 10)
        elif scenario == "malformed":
            await response.write(b'data: {"id": "c1", "choices": [oops\n\n')
        elif scenario == "reset":
            request.transport.abort()
        elif scenario == "endless":
            try:
                for _ in range(500):
                    await asyncio.sleep(0.02)
                    await response.write(sse_chunk(" more"))
            except (ConnectionError, RuntimeError):
                self.client_gone.set()
        return response


@pytest.fixture(scope="module")
async def server():
    misbehaving = MisbehavingServer()
    runner = web.AppRunner(misbehaving.app(), shutdown_timeout=1)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    misbehaving.base = f"http://127.0.0.1:{port}"
    yield misbehaving
    misbehaving.release.set()
    await runner.cleanup()


def chat(base_url: str, **timeouts) -> OpenAIChatModel:
    options = {"timeout_s": 5.0, "first_byte_timeout_s": 2.0, "stall_timeout_s": 2.0, **timeouts}
    return OpenAIChatModel(name="remote", base_url=base_url, model="m", api_key="k", **options)


async def chat_failure(model: OpenAIChatModel) -> tuple[ProviderError, list[str]]:
    received = []
    try:
        with pytest.raises(ProviderError) as caught:
            async for chunk in model.stream(MESSAGES, max_tokens=16, temperature=0.0):
                received.append(chunk.text)
    finally:
        await model.aclose()
    return caught.value, received


async def test_connection_refused_is_unavailable_and_retryable():
    error, _ = await chat_failure(chat(f"http://127.0.0.1:{free_port()}/v1"))
    assert (error.kind, error.retryable, error.output_started) == ("unavailable", True, False)
    assert "base_url" in str(error)


@pytest.mark.parametrize("scenario, status", [("unauthorized", 401), ("forbidden", 403)])
async def test_refused_keys_are_auth_errors_that_retrying_cannot_fix(server, scenario, status):
    error, _ = await chat_failure(chat(f"{server.base}/{scenario}/v1"))
    assert (error.kind, error.retryable, error.status) == ("auth", False, status)


async def test_rate_limit_is_retryable_after_the_servers_retry_after(server):
    error, _ = await chat_failure(chat(f"{server.base}/ratelimited/v1"))
    assert (error.kind, error.retryable, error.status) == ("rate_limited", True, 429)
    assert error.retry_after_s == 3


async def test_server_error_is_unavailable_and_retryable(server):
    error, _ = await chat_failure(chat(f"{server.base}/broken/v1"))
    assert (error.kind, error.retryable, error.status) == ("unavailable", True, 500)


async def test_other_4xx_is_a_rejected_request(server):
    error, _ = await chat_failure(chat(f"{server.base}/badrequest/v1"))
    assert (error.kind, error.retryable, error.status) == ("rejected", False, 400)


async def test_no_first_byte_in_time_is_a_timeout_before_any_output(server):
    error, received = await chat_failure(
        chat(f"{server.base}/silent/v1", first_byte_timeout_s=0.3))
    assert (error.kind, error.output_started, received) == ("timeout", False, [])
    assert "first_byte_timeout_s=0.3" in str(error)


async def test_a_stream_that_stops_sending_is_stalled_after_output(server):
    error, received = await chat_failure(chat(f"{server.base}/stall/v1", stall_timeout_s=0.3))
    assert received == ["Hello"]
    assert (error.kind, error.retryable, error.output_started) == ("stalled", True, True)


async def test_the_whole_call_is_bounded_by_timeout_s(server):
    error, received = await chat_failure(
        chat(f"{server.base}/stall/v1", timeout_s=1.0, stall_timeout_s=5.0))
    assert received == ["Hello"] and error.kind == "stalled" and "timeout_s=1 s" in str(error)


async def test_malformed_json_chunk_is_a_bad_response(server):
    error, received = await chat_failure(chat(f"{server.base}/malformed/v1"))
    assert received == ["Hello"]
    assert (error.kind, error.output_started, error.retryable) == ("bad_response", True, False)


async def test_a_connection_dropped_mid_answer_is_unavailable_after_output(server):
    error, received = await chat_failure(chat(f"{server.base}/reset/v1"))
    assert received == ["Hello"]
    assert (error.kind, error.output_started) == ("unavailable", True)


async def test_closing_the_stream_early_closes_the_http_connection(server):
    model = chat(f"{server.base}/endless/v1")
    stream = model.stream(MESSAGES, max_tokens=1000, temperature=0.0)
    async with contextlib.aclosing(stream):
        assert (await anext(stream)).text == "Hello"
    await asyncio.wait_for(server.client_gone.wait(), 5)
    assert model.last_usage.is_estimate and model.last_usage.completion_tokens == 1
    await model.aclose()


async def test_remote_stt_translates_auth_and_unparseable_answers(server):
    for scenario, kind in (("unauthorized", "auth"), ("notjson", "bad_response"),
                           ("broken", "unavailable")):
        stt = OpenAISpeechToText(name="remote-stt", base_url=f"{server.base}/{scenario}/v1",
                                 model="m", api_key="k", timeout_s=5.0)
        with pytest.raises(ProviderError) as caught:
            await stt.transcribe(b"\x00\x00" * 1600, 16000)
        await stt.aclose()
        assert caught.value.kind == kind, scenario


def tts(base_url: str, **timeouts) -> OpenAITextToSpeech:
    return OpenAITextToSpeech(name="remote-tts", base_url=base_url, model="m", voice="v",
                              api_key="k", **{"timeout_s": 5.0, **timeouts})


async def test_remote_tts_keeps_whole_samples_across_odd_network_reads(server):
    speaker = tts(f"{server.base}/odd/v1")
    chunks = [c async for c in speaker.synthesize("Hi.")]
    await speaker.aclose()
    assert all(len(c) % 2 == 0 for c in chunks)
    assert b"".join(chunks) == bytes(range(3)) + bytes(range(5)) + bytes(range(7)) + bytes(1)


async def test_remote_tts_failures_are_translated(server):
    speaker = tts(f"{server.base}/broken/v1")
    with pytest.raises(ProviderError) as caught:
        async for _ in speaker.synthesize("Hi."):
            pass
    assert (caught.value.kind, caught.value.status) == ("unavailable", 500)
    await speaker.aclose()
    speaker = tts(f"{server.base}/stall/v1", stall_timeout_s=0.3)
    with pytest.raises(ProviderError) as caught:
        async for _ in speaker.synthesize("Hi."):
            pass
    assert (caught.value.kind, caught.value.output_started) == ("stalled", True)
    await speaker.aclose()


async def tts_failure(speaker: OpenAITextToSpeech) -> tuple[ProviderError, bytes]:
    received = []
    try:
        with pytest.raises(ProviderError) as caught:
            async for chunk in speaker.synthesize("Hi."):
                received.append(chunk)
    finally:
        await speaker.aclose()
    return caught.value, b"".join(received)


@pytest.mark.parametrize("scenario, timeouts, kind, output_started, named", [
    ("silent", {"first_byte_timeout_s": 0.3}, "timeout", False, "first_byte_timeout_s=0.3 s"),
    ("stall", {"stall_timeout_s": 0.3}, "stalled", True, "no data for 0.3 s"),
    ("stall", {"timeout_s": 1.0, "stall_timeout_s": 5.0}, "stalled", True, "timeout_s=1 s"),
])
async def test_remote_tts_names_the_deadline_it_missed(server, scenario, timeouts, kind,
                                                       output_started, named):
    error, received = await tts_failure(tts(f"{server.base}/{scenario}/v1", **timeouts))
    assert (error.kind, error.retryable, error.output_started) == (kind, True, output_started)
    assert named in str(error)
    assert bool(received) == output_started


@pytest.mark.parametrize("scenario, kind, status", [
    ("unauthorized", "auth", 401), ("ratelimited", "rate_limited", 429),
    ("badrequest", "rejected", 400),
])
async def test_remote_tts_translates_refusals_like_the_chat_model(server, scenario, kind, status):
    error, _ = await tts_failure(tts(f"{server.base}/{scenario}/v1"))
    chat_error, _ = await chat_failure(chat(f"{server.base}/{scenario}/v1"))
    assert (error.kind, error.status) == (chat_error.kind, chat_error.status) == (kind, status)
    assert error.retry_after_s == chat_error.retry_after_s


async def test_remote_tts_connection_dropped_mid_audio_is_unavailable_after_output(server):
    error, received = await tts_failure(tts(f"{server.base}/reset/v1"))
    assert received and len(received) % 2 == 0
    assert (error.kind, error.retryable, error.output_started) == ("unavailable", True, True)


async def test_remote_tts_refused_connection_is_unavailable_before_output():
    error, received = await tts_failure(tts(f"http://127.0.0.1:{free_port()}/v1"))
    assert (error.kind, error.output_started, received) == ("unavailable", False, b"")
    assert "base_url" in str(error)


def test_retry_after_reads_seconds_milliseconds_and_dates():
    import httpx2

    assert retry_after_s(httpx2.Headers({"retry-after": "3"})) == 3
    assert retry_after_s(httpx2.Headers({"retry-after-ms": "1500"})) == 1.5
    assert retry_after_s(httpx2.Headers({"retry-after": "Wed, 21 Oct 2015 07:28:00 GMT"})) == 0
    assert retry_after_s(httpx2.Headers({})) is None

"""The /v1 router's lifecycle logic on a real uvicorn server, with scripted engines.

Fakes stand in for the models here because what is checked (a disconnect stops
generation, 503 while loading) does not depend on them; the real-model tests are
in test_openai_api_service.py.
"""

import asyncio
import contextlib
from types import SimpleNamespace

import httpx
import pytest
from fastapi import FastAPI

from appliance.config import ServiceSettings, Settings
from appliance.llm import FakeChatModel
from appliance.service.admission import Admission
from appliance.service.auth import Authorizer
from appliance.service.openai_api import openai_router
from appliance.stt import FakeSpeechToText
from appliance.tts.fake import FakeTextToSpeech
from tests.support.running_service import serving

pytestmark = pytest.mark.unit

TOKEN_ENV = "APPLIANCE_TEST_ROUTER_TOKEN"
HEADERS = {"Authorization": "Bearer router-token"}


@pytest.fixture
async def serve(monkeypatch):
    """Serve the /v1 router over `engines` (None: still loading) on 127.0.0.1."""
    running = contextlib.AsyncExitStack()

    async def start(engines, *, token: str | None = "router-token", **limits) -> str:
        if token is None:
            monkeypatch.delenv(TOKEN_ENV, raising=False)
        else:
            monkeypatch.setenv(TOKEN_ENV, token)
        settings = Settings(service=ServiceSettings(api_token_env=TOKEN_ENV, **limits))
        app = FastAPI()
        state = SimpleNamespace(settings=settings, engines=engines, load_error=None,
                                authorizer=Authorizer(settings.service),
                                admission=Admission(settings.service))
        app.include_router(openai_router(state))
        return f"{await running.enter_async_context(serving(app))}/v1"

    async with running:
        yield start


def fake_engines(llm) -> SimpleNamespace:
    return SimpleNamespace(settings=Settings(), llm=llm, stt=FakeSpeechToText(["hi"]),
                           tts=FakeTextToSpeech(), load_seconds=0.0)


async def test_a_client_that_disconnects_mid_stream_stops_generation(serve):
    llm = FakeChatModel([" ".join(["word"] * 400)], seconds_per_token=0.01)
    base = await serve(fake_engines(llm))
    body = {"messages": [{"role": "user", "content": "Talk."}], "stream": True,
            "max_tokens": 400}
    async with httpx.AsyncClient(timeout=10) as client:
        async with client.stream("POST", f"{base}/chat/completions", json=body,
                                 headers=HEADERS) as response:
            lines = response.aiter_lines()
            received = [line async for line in _first(lines, 6)]
    assert any('"content":"word"' in line for line in received)
    async with asyncio.timeout(3):
        while llm.stopped_early == 0:  # noqa: ASYNC110 - the fake only counts
            await asyncio.sleep(0.02)


async def test_a_client_that_gives_up_on_a_whole_answer_stops_generation(serve):
    """Not streamed: nothing is sent until the end, yet leaving still frees the model."""
    llm = FakeChatModel([" ".join(["word"] * 400)], seconds_per_token=0.01)
    base = await serve(fake_engines(llm))
    body = {"messages": [{"role": "user", "content": "Talk."}], "max_tokens": 400}
    async with httpx.AsyncClient(timeout=0.5) as client:
        with pytest.raises(httpx.ReadTimeout):
            await client.post(f"{base}/chat/completions", json=body, headers=HEADERS)
    async with asyncio.timeout(3):
        while llm.stopped_early == 0:  # noqa: ASYNC110 - the fake only counts
            await asyncio.sleep(0.02)


async def test_requests_past_the_cap_are_told_to_retry_not_queued(serve):
    llm = FakeChatModel([" ".join(["word"] * 100)] * 3, seconds_per_token=0.01)
    base = await serve(fake_engines(llm), max_api_requests=1)
    body = {"messages": [{"role": "user", "content": "Talk."}], "stream": True}
    async with httpx.AsyncClient(timeout=10) as client:
        async with client.stream("POST", f"{base}/chat/completions", json=body,
                                 headers=HEADERS) as first:
            assert first.status_code == 200
            second = await client.post(f"{base}/chat/completions", json=body, headers=HEADERS)
            assert second.status_code == 429 and "retry-after" in second.headers
            assert second.json()["error"]["type"] == "rate_limit_error"
            _ = [line async for line in first.aiter_lines()]
        # The first request's slot came back when its stream ended.
        third = await client.post(f"{base}/chat/completions", json=body, headers=HEADERS)
        assert third.status_code == 200


async def test_one_token_is_rate_limited_per_minute(serve):
    base = await serve(fake_engines(FakeChatModel(["Hi."] * 5)), api_requests_per_minute=3)
    async with httpx.AsyncClient(timeout=10) as client:
        statuses = [(await client.get(f"{base}/models", headers=HEADERS)).status_code
                    for _ in range(4)]
    assert statuses == [200, 200, 200, 429]


async def _first(lines, count):
    async for line in lines:
        if line:
            yield line
            count -= 1
            if count == 0:
                return


async def test_every_route_answers_503_in_openai_shape_while_models_load(serve):
    base = await serve(None)
    async with httpx.AsyncClient(timeout=10) as client:
        for method, path in (("GET", "/models"), ("POST", "/chat/completions"),
                             ("POST", "/audio/transcriptions"), ("POST", "/audio/speech")):
            response = await client.request(method, base + path, headers=HEADERS, json={})
            assert response.status_code == 503, path
            error = response.json()["error"]
            assert error["code"] == "model_not_ready" and "loading" in error["message"]


async def test_the_token_is_checked_before_readiness(serve):
    base = await serve(None)
    async with httpx.AsyncClient(timeout=10) as client:
        response = await client.get(f"{base}/models")
    assert response.status_code == 401


async def test_with_no_token_configured_every_route_says_how_to_set_one(serve):
    base = await serve(fake_engines(FakeChatModel([])), token=None)
    async with httpx.AsyncClient(timeout=10) as client:
        for method, path in (("GET", "/models"), ("POST", "/chat/completions")):
            response = await client.request(method, base + path, headers=HEADERS, json={})
            assert response.status_code == 401, path
            message = response.json()["error"]["message"]
            assert f"set the {TOKEN_ENV} environment variable" in message

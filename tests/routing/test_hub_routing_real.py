"""STT and TTS routing to a LAN hub: a second, real `appliance serve` (its /v1 endpoints)
behind the fault-injecting proxy, and a mid-session reload of the whole pipeline."""

import asyncio
import os
import sys

import numpy as np
import pytest
import pytest_asyncio

from appliance.benchmark.wer import word_error_rate
from appliance.config import Settings
from appliance.providers.errors import ProviderError
from appliance.routing.routed import RoutedSpeechToText, RoutedTextToSpeech
from appliance.routing.router import RouteLog
from appliance.tts.fake import FakeTextToSpeech
from tests.remote.servers import free_port, start_until_ok, stop
from tests.support.conversation import live_conversation, wait_for
from tests.support.fault_proxy import FaultProxy

pytestmark = pytest.mark.models
TOKEN = "hub-token-0123456789"
QUESTION = "What is the capital of France?"


@pytest.fixture(scope="module")
def hub(settings):
    port = free_port()
    process = start_until_ok(
        [sys.executable, "-m", "appliance.cli", "serve", "--port", str(port)],
        f"http://127.0.0.1:{port}/readyz", env={**os.environ, "APPLIANCE_API_TOKEN": TOKEN})
    yield f"http://127.0.0.1:{port}"
    stop(process)


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def proxy(hub):
    proxy = await FaultProxy(hub).start()
    yield proxy
    await proxy.stop()


@pytest.fixture
def hub_settings(settings, proxy, monkeypatch):
    """The test settings plus the hub as a remote provider for every role."""
    monkeypatch.setenv("HUB_TOKEN", TOKEN)
    proxy.fault, proxy.received = "none", []
    remote = {"name": "hub", "kind": "openai", "base_url": proxy.base_url,
              "api_key_env": "HUB_TOKEN", "first_byte_timeout_s": 10, "timeout_s": 30}
    data = settings.model_dump()
    data["providers"] = {
        "stt": [{"name": "local", "model": "whisper-tiny.en"}, {**remote, "model": "whisper"}],
        "llm": [{"name": "local", "model": "smollm2-135m"}, {**remote, "model": "smollm2"}],
        "tts": [{"name": "local", "model": "piper-joe-medium"}, {**remote, "model": "piper"}],
    }
    data["routing"] = {**data["routing"], "enable_hedging": False, "latency_budget_ms": 10000}
    return data


def reconfigure(engines, data: dict, **routing) -> Settings:
    data = {**data, "routing": {**data["routing"], **routing}}
    settings = Settings.model_validate(data)
    engines.reload(settings)
    return settings


@pytest.fixture
def restore(engines, settings):
    yield
    engines.reload(settings)


async def test_unsure_local_transcript_is_retranscribed_by_the_hub(
        engines, hub_settings, proxy, speak, restore):
    # Demand near-certainty, so the local transcript counts as unsure.
    reconfigure(engines, hub_settings, stt_min_avg_logprob=-0.01)
    stt = RoutedSpeechToText(engines.router, RouteLog())
    transcript = await stt.transcribe(speak(QUESTION).tobytes(), 16000)
    assert transcript.route["provider"] == "hub"
    assert "low confidence" in transcript.route["reason"] and "re-transcribed" in \
        transcript.route["reason"]
    assert word_error_rate(QUESTION, transcript.text) <= 0.2
    assert len(proxy.received) == 1  # the audio went to the hub once


async def test_sure_local_transcript_stays_on_the_device(engines, hub_settings, proxy, speak,
                                                         restore):
    reconfigure(engines, hub_settings, stt_min_avg_logprob=-5.0)
    stt = RoutedSpeechToText(engines.router, RouteLog())
    transcript = await stt.transcribe(speak(QUESTION).tobytes(), 16000)
    assert transcript.route["provider"] == "local" and proxy.received == []


async def test_private_transcript_is_not_sent_for_a_second_opinion(engines, hub_settings,
                                                                   proxy, speak, restore):
    reconfigure(engines, hub_settings, stt_min_avg_logprob=-0.01, local_only_patterns=["doctor"])
    stt = RoutedSpeechToText(engines.router, RouteLog())
    transcript = await stt.transcribe(
        speak("I need to see my doctor tomorrow morning.").tobytes(), 16000)
    assert transcript.route["provider"] == "local" and "kept local" in transcript.route["reason"]
    assert proxy.received == []


async def test_tts_fails_over_to_the_hub_voice_when_the_local_voice_breaks(
        engines, hub_settings, proxy, restore):
    class BrokenVoice(FakeTextToSpeech):
        async def synthesize(self, text):
            raise ProviderError("local", "voice crashed", kind="internal", retryable=False)
            yield b""  # pragma: no cover

    reconfigure(engines, hub_settings)
    slot = engines.router("tts").slots["local"]
    voice, slot.engine = slot.engine, BrokenVoice()
    log = RouteLog()
    tts = RoutedTextToSpeech(engines.router, log, sample_rate_hz=22050)
    try:
        audio = b"".join([chunk async for chunk in tts.synthesize("The capital is Paris.")])
    finally:
        slot.engine = voice
    route = log.take(("tts",))["tts"]
    assert route["provider"] == "hub" and route["attempts"][0]["outcome"] == "failed"
    seconds = len(audio) / 2 / 22050  # resampled from the hub's 24 kHz
    assert 0.8 < seconds < 4 and np.abs(np.frombuffer(audio, np.int16)).max() > 1000


async def test_reload_mid_session_moves_the_next_turn_to_the_hub_and_keeps_the_context(
        engines, hub_settings, proxy, speak, restore):
    reconfigure(engines, hub_settings)
    async with live_conversation(engines) as (conversation, transport):
        turns = conversation.timeline.turns
        transport.input().enqueue(speak(QUESTION))
        await wait_for(lambda: len(turns) == 1, 60, "the first answer")
        # Every question now counts as hard: it escalates to the hub.
        await asyncio.to_thread(reconfigure, engines, hub_settings, escalate_min_words=1)
        # A follow-up, so the conversation goes with it (a standalone question is
        # answered without the history).
        transport.input().enqueue(speak("And what is the capital of Japan?"))
        await wait_for(lambda: len(turns) == 2, 60, "the second answer")
    assert turns[0].route["llm"]["provider"] == "local"
    assert turns[1].route["llm"]["provider"] == "hub"
    assert turns[0].reply and turns[1].reply
    roles = [m["role"] for m in conversation.context.get_messages()]
    assert roles == ["user", "assistant", "user", "assistant"]
    # The hub was sent the whole conversation, the first turn included.
    assert any("France" in text for text in proxy.user_texts())

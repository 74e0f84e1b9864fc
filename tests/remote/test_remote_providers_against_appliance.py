"""The remote providers, talking to another appliance: the hub a small device can offload to."""

import contextlib

import numpy as np
import pytest

from appliance.benchmark.wer import word_error_rate
from appliance.llm.openai_remote import OpenAIChatModel
from appliance.providers.errors import ProviderError
from appliance.stt.openai_remote import OpenAISpeechToText
from appliance.tts.openai_remote import OpenAITextToSpeech

pytestmark = pytest.mark.models

QUESTION = "What is the capital of France?"
MESSAGES = [{"role": "system", "content": "Answer in one short sentence."},
            {"role": "user", "content": QUESTION}]


def chat_model(api, **kwargs):
    options = {"name": "hub", "base_url": api["v1"], "model": "smollm2-135m",
               "api_key": api["token"], "timeout_s": 60.0, "first_byte_timeout_s": 30.0, **kwargs}
    return OpenAIChatModel(**options)


async def test_remote_chat_model_streams_an_answer_and_records_server_usage(appliance_api):
    model = chat_model(appliance_api)
    try:
        chunks = [c async for c in model.stream(MESSAGES, max_tokens=32, temperature=0.0)]
    finally:
        await model.aclose()
    assert model.is_local is False
    assert len(chunks) > 2 and "paris" in "".join(c.text for c in chunks).lower()
    assert model.last_usage.is_estimate is False
    assert model.last_usage.completion_tokens == len(chunks)
    assert model.last_usage.prompt_tokens > 0


async def test_closing_the_remote_stream_early_keeps_the_client_usable(appliance_api):
    model = chat_model(appliance_api)
    try:
        stream = model.stream(MESSAGES, max_tokens=64, temperature=0.0)
        async with contextlib.aclosing(stream):
            first = await anext(stream)
        assert first.text
        again = [c async for c in model.stream(MESSAGES, max_tokens=8, temperature=0.0)]
        assert again
    finally:
        await model.aclose()


async def test_a_wrong_key_is_an_auth_error_that_is_not_retried(appliance_api):
    model = chat_model(appliance_api, api_key="wrong")
    with pytest.raises(ProviderError) as caught:
        async for _ in model.stream(MESSAGES, max_tokens=8, temperature=0.0):
            pass
    await model.aclose()
    assert caught.value.kind == "auth" and caught.value.retryable is False
    assert caught.value.status == 401 and "api_key_env" in str(caught.value)


async def test_remote_transcription_returns_words_and_confidence(appliance_api, speak):
    stt = OpenAISpeechToText(name="hub-stt", base_url=appliance_api["v1"],
                             model="whisper-tiny.en", api_key=appliance_api["token"],
                             timeout_s=60.0)
    try:
        transcript = await stt.transcribe(speak(QUESTION).tobytes(), 16000)
    finally:
        await stt.aclose()
    assert word_error_rate(QUESTION, transcript.text) <= 0.2
    assert transcript.avg_logprob is not None and transcript.avg_logprob <= 0
    assert transcript.no_speech_prob is not None


async def test_remote_speech_streams_whole_24khz_samples(appliance_api):
    tts = OpenAITextToSpeech(name="hub-tts", base_url=appliance_api["v1"], model="piper",
                             voice="joe", api_key=appliance_api["token"], timeout_s=60.0,
                             first_byte_timeout_s=30.0)
    try:
        chunks = [c async for c in tts.synthesize("The capital of France is Paris.")]
    finally:
        await tts.aclose()
    assert tts.sample_rate_hz == 24000
    assert all(len(c) % 2 == 0 for c in chunks)
    samples = np.frombuffer(b"".join(chunks), dtype=np.int16)
    assert len(samples) / 24000 >= 0.5 and np.abs(samples).max() > 1000

"""The in-process llama.cpp provider with the real GGUF models."""

import contextlib

import pytest

from appliance.llm.llama_local import LlamaLocalChatModel
from appliance.modelstore import ModelStore

pytestmark = pytest.mark.models

QUESTION = [
    {"role": "system", "content": "You are a helpful voice assistant. Answer in one sentence."},
    {"role": "user", "content": "What is the capital of France?"},
]


async def answer(model, messages, max_tokens=48):
    stream = model.stream(messages, max_tokens=max_tokens, temperature=0.0)
    async with contextlib.aclosing(stream):
        return "".join([chunk.text async for chunk in stream])


async def test_default_model_streams_a_correct_answer(engines):
    assert "paris" in (await answer(engines.llm, QUESTION)).lower()


async def test_closing_the_stream_stops_generation_and_the_next_answer_is_clean(engines):
    stream = engines.llm.stream(QUESTION, max_tokens=200, temperature=0.0)
    async with contextlib.aclosing(stream):
        async for _ in stream:
            break
    # The abandoned generation must neither leak tokens into nor block the next one.
    assert "paris" in (await answer(engines.llm, QUESTION)).lower()


async def test_the_larger_qwen_tier_is_selectable_and_answers(settings):
    folder = ModelStore(settings.models.dir).require("qwen2.5-0.5b")
    model = LlamaLocalChatModel(next(folder.glob("*.gguf")), threads=2)
    try:
        assert "paris" in (await answer(model, QUESTION)).lower()
        assert model.count_tokens("What is the capital of France?") < 12
    finally:
        await model.aclose()

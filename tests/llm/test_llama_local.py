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
    store = ModelStore(settings.models.dir)
    store.require("qwen2.5-0.5b")
    model = LlamaLocalChatModel(store.file_ending("qwen2.5-0.5b", ".gguf"), threads=2)
    try:
        assert "paris" in (await answer(model, QUESTION)).lower()
        assert model.count_tokens("What is the capital of France?") < 12
    finally:
        await model.aclose()


async def test_generation_pauses_after_the_first_clause_until_its_audio_is_out(engines):
    """No decode step runs beside Piper's first chunk: it would slow both (measured 2x)."""
    import asyncio
    import time

    from appliance.providers.cpu_priority import SPOKEN_FIRST_CHUNK
    from appliance.tts.first_clause import FirstClauseRule

    rule = FirstClauseRule()
    arrivals: list[tuple[float, str]] = []
    reply = ""
    voice_done = 0.0
    question = [QUESTION[0], {"role": "user", "content": "Tell me about Paris and its river."}]
    spoken = SPOKEN_FIRST_CHUNK.set(rule.complete)  # as the pipeline's LLM stage does
    stream = engines.llm.stream(question, max_tokens=40, temperature=0.0)
    async with contextlib.aclosing(stream):
        async for chunk in stream:
            arrivals.append((time.monotonic(), chunk.text))
            reply += chunk.text
            if not voice_done and rule.complete(reply):
                # What the TTS does with the first clause: hold the CPU until first audio,
                # through the one priority object the engines hand the LLM and the voice.
                with engines.local.cpu.foreground():
                    await asyncio.sleep(0.3)
                voice_done = time.monotonic()
    SPOKEN_FIRST_CHUNK.reset(spoken)
    assert voice_done, f"the first clause never completed: {reply!r}"
    clause_end = next(i for i in range(len(arrivals))
                      if rule.complete("".join(t for _, t in arrivals[: i + 1])))
    later = [at for at, _ in arrivals[clause_end + 1:]]
    assert later, "the reply stopped after its first clause"
    # The next token was decoded after the voice let go of the CPU, not beside it:
    # a decode step takes ~10 ms here, while a token decoded during the pause
    # would be waiting in the queue already.
    assert later[0] - voice_done > 0.003


async def test_text_nobody_speaks_never_pauses(engines):
    """The /v1 API streams the same model with no voice: no wait for a TTS that never comes."""
    import time

    question = [QUESTION[0], {"role": "user", "content": "Tell me about Paris and its river."}]
    stream = engines.llm.stream(question, max_tokens=40, temperature=0.0)
    arrivals = []
    async with contextlib.aclosing(stream):
        async for _ in stream:
            arrivals.append(time.monotonic())
    gaps = [b - a for a, b in zip(arrivals, arrivals[1:], strict=False)]
    # An unclaimed voice announcement would hold one gap for 0.25 s.
    assert len(arrivals) > 10 and max(gaps) < 0.2, max(gaps)

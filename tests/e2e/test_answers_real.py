"""What the real models say is routed by what the question needs and made for the ear."""

import re

import numpy as np
import pytest
import soxr
from pipecat.frames.frames import LLMContextFrame, LLMTextFrame
from pipecat.processors.aggregators.llm_context import LLMContext
from pipecat.tests.utils import run_test

from appliance.benchmark.answer_quality import answer_typed
from appliance.pipeline import build_llm_stage
from appliance.routing.router import RouteLog
from appliance.tts.spoken_form import to_spoken

pytestmark = pytest.mark.models


async def _answer(engines, context, text):
    log = RouteLog()
    context.add_message({"role": "user", "content": text})
    down, _ = await run_test(build_llm_stage(engines, log),
                             frames_to_send=[LLMContextFrame(context=context)])
    reply = "".join(f.text for f in down if isinstance(f, LLMTextFrame)).strip()
    context.add_message({"role": "assistant", "content": reply})
    return reply, log.take(("llm",)).get("llm", {}).get("reason", "")


async def test_follow_ups_go_to_the_larger_model_and_standalone_questions_stay_small(engines):
    context = LLMContext()
    first, first_route = await _answer(engines, context, "What is the capital of Japan?")
    follow, follow_route = await _answer(engines, context, "And what is its currency?")
    assert "tokyo" in first.lower() and "stay local on 'local'" in first_route
    assert "escalating to large local 'local-large'" in follow_route
    assert "a follow-up" in follow_route and follow


async def test_arithmetic_is_computed_without_a_model(engines):
    reply, _, by_intents = await answer_typed(engines, LLMContext(),
                                              "What is twelve plus seven?")
    assert reply == "12 plus 7 is 19." and by_intents


async def test_a_reply_is_at_most_three_sentences_unless_more_is_asked_for(engines):
    reply, _, _ = await answer_typed(engines, LLMContext(), "Tell me about dogs.")
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", reply) if s.strip()]
    assert 1 <= len(sentences) <= 3, reply


async def test_a_real_markdown_reply_is_spoken_without_its_marks(engines):
    """Qwen asked for markdown writes it; what Piper gets has none, and is still understood."""
    large = engines.router("llm").slots["local-large"].engine
    messages = [{"role": "system", "content": "Answer with a markdown numbered list in bold."},
                {"role": "user", "content": "How do I make a cup of tea?"}]
    written = "".join([c.text async for c in large.stream(messages, max_tokens=80,
                                                          temperature=0.0)])
    assert re.search(r"\*\*|^\s*\d\.", written, re.MULTILINE), written  # the model did mark it
    said = to_spoken(written)
    assert not re.search(r"[*#`_|]", said), said
    audio = np.frombuffer(b"".join([p async for p in engines.tts.synthesize(said[:200])]),
                          dtype=np.int16)
    heard = await engines.stt.transcribe(
        (soxr.resample(audio.astype(np.float32) / 32768, engines.tts.sample_rate_hz, 16000)
         * 32767).astype(np.int16).tobytes(), 16000)
    assert "tea" in heard.text.lower(), heard.text

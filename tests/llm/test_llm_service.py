import pytest
from pipecat.frames.frames import (
    InterruptionFrame,
    LLMContextFrame,
    LLMFullResponseEndFrame,
    LLMFullResponseStartFrame,
    LLMTextFrame,
)
from pipecat.processors.aggregators.llm_context import LLMContext
from pipecat.tests.utils import SleepFrame, run_test

from appliance.llm import ChatModelLLMService, FakeChatModel
from tests.support.waiting_for import wait_for

pytestmark = pytest.mark.unit


def _service(model, **kwargs):
    return ChatModelLLMService(model, system_prompt="Be brief.", **kwargs)


async def test_answer_streams_as_text_frames_between_start_and_end():
    model = FakeChatModel(["The capital of France is Paris."])
    context = LLMContext(messages=[{"role": "user", "content": "Capital of France?"}])
    down, _ = await run_test(
        _service(model), frames_to_send=[LLMContextFrame(context=context)]
    )
    types = [type(f) for f in down if "Metadata" not in type(f).__name__]
    assert types[0] is LLMFullResponseStartFrame and types[-1] is LLMFullResponseEndFrame
    text = "".join(f.text for f in down if isinstance(f, LLMTextFrame))
    assert text == "The capital of France is Paris."
    assert model.calls[0][0] == {"role": "system", "content": "Be brief."}


async def test_barge_in_stops_generation_mid_answer():
    words = " ".join(f"Word {i}." for i in range(40))
    model = FakeChatModel([words], seconds_per_token=0.02)
    context = LLMContext(messages=[{"role": "user", "content": "Talk."}])
    down, _ = await run_test(
        _service(model, max_reply_sentences=None),
        frames_to_send=[LLMContextFrame(context=context), SleepFrame(0.3), InterruptionFrame()],
    )
    spoken = "".join(f.text for f in down if isinstance(f, LLMTextFrame))
    assert "Word 1." in spoken and "Word 39." not in spoken
    await wait_for(lambda: model.stopped_early, 0.05, "the model's stream to be closed")
    assert model.stopped_early == 1


async def test_long_conversation_keeps_only_recent_turns_in_context():
    model = FakeChatModel(["ok"] * 3)
    messages = []
    for i in range(10):
        messages += [
            {"role": "user", "content": f"question {i}"},
            {"role": "assistant", "content": f"answer {i}"},
        ]
    # A follow-up, so the model is sent the history (a standalone question is not).
    messages.append({"role": "user", "content": "And what about that?"})
    context = LLMContext(messages=messages)
    await run_test(
        _service(model, max_history_turns=2), frames_to_send=[LLMContextFrame(context=context)]
    )
    sent = [m["content"] for m in model.calls[0]]
    # Over two earlier exchanges: cut to half of that at once (see trim_history).
    expected = ["Be brief.", "question 9", "answer 9", "And what about that?"]
    assert sent == expected
    # The shared context itself is trimmed, so memory stays bounded too.
    assert len(context.get_messages()) == 3


async def test_a_standalone_question_is_answered_without_the_history():
    model = FakeChatModel(["Tokyo."])
    context = LLMContext(messages=[
        {"role": "user", "content": "What is the capital of Italy?"},
        {"role": "assistant", "content": "Rome."},
        {"role": "user", "content": "What is the capital of Japan?"},
    ])
    await run_test(_service(model), frames_to_send=[LLMContextFrame(context=context)])
    assert [m["content"] for m in model.calls[0]] == ["Be brief.", "What is the capital of Japan?"]
    # ... while the conversation keeps it for a later follow-up.
    assert len(context.get_messages()) == 3


async def test_failing_model_reports_an_error_and_still_closes_the_response():
    class Broken(FakeChatModel):
        async def stream(self, messages, *, max_tokens, temperature):
            raise RuntimeError("model file vanished")
            yield  # pragma: no cover

    down, up = await run_test(
        _service(Broken([])),
        frames_to_send=[
            LLMContextFrame(context=LLMContext(messages=[{"role": "user", "content": "hi"}]))
        ],
    )
    assert isinstance(down[-1], LLMFullResponseEndFrame)
    errors = [f for f in up if type(f).__name__ == "ErrorFrame"]
    assert errors and "model file vanished" in errors[0].error

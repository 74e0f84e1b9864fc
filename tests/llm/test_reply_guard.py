"""Replies stay short, do not loop, and never copy an earlier reply to another question."""

import pytest
from pipecat.frames.frames import LLMContextFrame, LLMTextFrame
from pipecat.processors.aggregators.llm_context import LLMContext
from pipecat.tests.utils import run_test

from appliance.llm import ChatModelLLMService, FakeChatModel
from appliance.llm.reply_guard import ReplyShaper, Verdict, drop_echoed_exchanges, echoes

pytestmark = pytest.mark.unit


def _feed_words(shaper, text):
    released, verdict = "", Verdict.CONTINUE
    for piece in text.split(" "):
        out, verdict = shaper.feed(piece + " ")
        released += out
        if verdict is not Verdict.CONTINUE:
            return released, verdict
    out, verdict = shaper.finish()
    return released + out, verdict


def test_a_reply_ends_after_the_sentence_limit():
    shaper = ReplyShaper(earlier_replies=[], max_sentences=2)
    said, verdict = _feed_words(shaper, "One fact here. Two facts here. Three facts here. Four.")
    assert said.strip() == "One fact here. Two facts here."
    assert verdict is Verdict.DONE


def test_a_sentence_said_again_ends_the_reply():
    shaper = ReplyShaper(earlier_replies=[], max_sentences=None)
    said, _ = _feed_words(shaper, "You put it on your head. You put it on your head. Again.")
    assert said.strip() == "You put it on your head."


def test_the_opening_leaves_as_soon_as_the_voice_needs_it():
    shaper = ReplyShaper(earlier_replies=[], max_sentences=3,
                         opening_complete=lambda text: "," in text)
    assert shaper.feed("The sky") == ("", Verdict.CONTINUE)
    assert shaper.feed(" is blue,") == ("The sky is blue,", Verdict.CONTINUE)
    # After the opening, text waits for its sentence to end.
    assert shaper.feed(" mostly") == ("", Verdict.CONTINUE)
    assert shaper.feed(". Then") == (" mostly. ", Verdict.CONTINUE)


def test_an_opening_that_copies_an_earlier_reply_is_not_said():
    earlier = ["The Japanese people make the lights in the living room."]
    shaper = ReplyShaper(earlier_replies=earlier, max_sentences=3)
    said, verdict = _feed_words(shaper, "The Japanese people make the lights in the living room.")
    assert said == "" and verdict is Verdict.ECHO


def test_a_short_reply_that_copies_an_earlier_one_is_caught_at_its_end():
    shaper = ReplyShaper(earlier_replies=["The capital of Italy is Rome."], max_sentences=3)
    said, verdict = _feed_words(shaper, "The capital of Italy is Rome.")
    assert said == "" and verdict is Verdict.ECHO


def test_similar_answers_with_other_facts_are_not_echoes():
    assert not echoes("The capital of Japan is Tokyo.", ["The capital of Italy is Rome."])
    assert not echoes("Water boils at 100 degrees.", ["Water freezes at 0 degrees."])
    assert not echoes("Paris.", ["Paris."])


def test_a_copy_with_its_ordinal_bumped_is_an_echo():
    """Seen in the spoken benchmark: "And in a normal year?" got the leap-year reply again."""
    assert echoes("We're currently in the 29th day of a leap year.",
                  ["We're currently in the 28th day of a leap year."])
    assert not echoes("A leap year has 366 days.", ["A normal year has 365 days."])


def test_echoed_exchanges_are_dropped_from_the_history():
    messages = [
        {"role": "user", "content": "What do bees make?"},
        {"role": "assistant", "content": "The bees make honey in a hive today."},
        {"role": "user", "content": "How many hours are in a day?"},
        {"role": "assistant", "content": "The bees make honey in a hive today."},
        {"role": "user", "content": "What is the capital of Japan?"},
        {"role": "assistant", "content": "The capital of Japan is Tokyo."},
        {"role": "user", "content": "Next question?"},
    ]
    kept = [m["content"] for m in drop_echoed_exchanges(messages)]
    assert kept == ["What is the capital of Japan?", "The capital of Japan is Tokyo.",
                    "Next question?"]


def test_the_same_question_may_get_the_same_answer():
    messages = [
        {"role": "user", "content": "What is the capital of Italy?"},
        {"role": "assistant", "content": "The capital of Italy is Rome."},
        {"role": "user", "content": "What is the capital of Italy?"},
        {"role": "assistant", "content": "The capital of Italy is Rome."},
    ]
    assert drop_echoed_exchanges(messages) == messages


async def test_a_copied_reply_is_answered_again_without_the_history():
    copy = "The Japanese people make the lights in the living room."
    model = FakeChatModel([copy, "Two plus two is four."])
    service = ChatModelLLMService(model, system_prompt="Be brief.")
    context = LLMContext(messages=[
        {"role": "user", "content": "Turn on the lights."},
        {"role": "assistant", "content": copy},
        {"role": "user", "content": "What is two plus two?"},
    ])
    down, _ = await run_test(service, frames_to_send=[LLMContextFrame(context=context)])
    said = "".join(f.text for f in down if isinstance(f, LLMTextFrame))
    assert said == "Two plus two is four."
    assert service.echoes_recovered == 1
    # The second attempt saw only the system prompt and the question.
    assert [m["role"] for m in model.calls[1]] == ["system", "user"]
    assert [m["content"] for m in context.get_messages()] == ["What is two plus two?"]


async def test_while_the_user_speaks_the_follow_up_prompt_is_prepared():
    from pipecat.frames.frames import UserStartedSpeakingFrame

    model = FakeChatModel(["Rome."])
    service = ChatModelLLMService(model, system_prompt="Be brief.", follow_up_history_turns=1)
    context = LLMContext(messages=[
        {"role": "user", "content": "What is the capital of France?"},
        {"role": "assistant", "content": "Paris."},
        {"role": "user", "content": "What is the capital of Italy?"},
    ])
    await run_test(service, frames_to_send=[LLMContextFrame(context=context)])
    context.add_message({"role": "assistant", "content": "Rome."})
    await run_test(service, frames_to_send=[UserStartedSpeakingFrame()])
    # The system prompt and the last exchange: what "And its river?" would start with.
    assert model.prepared == [[
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": "What is the capital of Italy?"},
        {"role": "assistant", "content": "Rome."}]]

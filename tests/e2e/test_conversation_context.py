"""A conversation remembers earlier turns: each answer is generated with the history."""

import pytest

from tests.support.conversation import live_conversation, wait_for

pytestmark = pytest.mark.models


async def test_second_question_is_answered_with_the_first_turn_in_context(engines, speak):
    async with live_conversation(engines) as (conversation, transport):
        turns = conversation.timeline.turns
        transport.input().enqueue(speak("What is the capital of France?"))
        await wait_for(lambda: len(turns) == 1, 40, "the first answer")
        transport.input().enqueue(speak("What is the capital of Japan?"))
        await wait_for(lambda: len(turns) == 2, 40, "the second answer")

    assert "paris" in turns[0].reply.lower() and "tokyo" in turns[1].reply.lower()
    assert not any(t.interrupted for t in turns)
    roles = [m["role"] for m in conversation.context.get_messages()]
    assert roles == ["user", "assistant", "user", "assistant"]
    assert "France" in conversation.context.get_messages()[0]["content"]

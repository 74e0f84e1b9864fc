"""A long spoken conversation stays sane: no reply repeats an earlier one or loops.

SmolLM2-135M, greedy, collapsed on this very sequence: from the 11th turn every
reply was "The Japanese people make the lights in the living room."
"""

import pytest

from appliance.benchmark.quality import is_degenerate
from tests.support.conversation import live_conversation, wait_for

pytestmark = pytest.mark.models

QUESTIONS = [
    "What is the capital of Italy?", "How many days are there in a leap year?",
    "Who wrote Romeo and Juliet?", "What color is the sky?", "Set a timer for twelve minutes.",
    "What is the boiling point of water?", "How many legs does a spider have?",
    "What is the largest ocean?", "Tell me a joke.", "What do bees make?",
    "How many hours are in a day?", "What is the capital of Japan?",
    "Turn on the lights in the living room.", "What is two plus two?",
    "Who painted the Mona Lisa?", "What is the opposite of hot?",
    "Which planet is closest to the sun?", "What is the freezing point of water?",
    "What is the tallest animal?", "Thank you, that is all.",
]


async def test_twenty_spoken_turns_without_a_degenerate_reply(engines, speak):
    async with live_conversation(engines) as (conversation, transport):
        turns = conversation.timeline.turns
        for n, question in enumerate(QUESTIONS, start=1):
            transport.input().enqueue(speak(question))
            await wait_for(lambda n=n: len(turns) >= n, 60, f"answer {n}: {question!r}")
    replies = [t.reply.strip() for t in turns]
    assert len(replies) == len(QUESTIONS) and all(replies), replies
    degenerate = [(QUESTIONS[i], r) for i, r in enumerate(replies)
                  if is_degenerate(r, replies[:i])]
    assert not degenerate, (degenerate, replies)

"""The transcript half of the end-of-turn decision: finished requests end the turn."""

import pytest

from appliance.turns.completeness import judge

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("text", [
    "What is the capital of France?",
    "How many legs does a dog have?",
    "What time is it?",
    "Turn on the kitchen lights.",
    "Set a timer for ten minutes.",
    "Where are you from?",
    "Thanks.",
    "Stop!",
    # Whisper writes numbers as digits: the request ends in the number, not in "of".
    "What is 15% of 200?",
    "What is the square root of 64?",
])
def test_finished_requests_end_the_turn(text):
    assert judge(text) == "complete"


@pytest.mark.parametrize("text", [
    "",
    "what is the capital of France",
    "Set a timer for",
    "Set a timer for.",
    "What is the capital of...",
    "Remind me to call my mother and",
    "Play the",
    "I want to, um.",
    "How do I boil an egg,",
    "Turn on the kitchen",
    "What is 15% of",
])
def test_fragments_wait_for_more(text):
    assert judge(text) != "complete"


def test_words_without_final_punctuation_are_left_to_smart_turn():
    assert judge("what is the capital of France") == "unsure"
    assert judge("") == "unsure"
    assert judge("Set a timer for") == "incomplete"

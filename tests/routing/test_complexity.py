import pytest

from appliance.config import RoutingSettings
from appliance.routing.complexity import count_words, escalation_reason

pytestmark = pytest.mark.unit

KEYWORDS = RoutingSettings().escalate_keywords


def reason(text, min_words=30, keywords=KEYWORDS):
    return escalation_reason(text, min_words=min_words, keywords=keywords)


def test_a_short_plain_question_stays_on_the_small_model():
    assert reason("what time is it") is None


def test_a_long_question_escalates_and_says_how_long():
    text = " ".join(["word"] * 42)
    assert reason(text) == "question has 42 words (limit 30)"


def test_a_question_of_exactly_the_limit_escalates():
    assert reason(" ".join(["word"] * 30)) == "question has 30 words (limit 30)"
    assert reason(" ".join(["word"] * 29)) is None


def test_contractions_count_as_one_word_and_punctuation_as_none():
    assert count_words("Don't stop -- it's fine, isn't it?") == 6


@pytest.mark.parametrize(("text", "word"), [
    ("Explain how tides work", "explain"),
    ("WHY is the sky blue", "why"),
    ("why's the sky blue", "why"),
    ("walk me through it step by step", "step by step"),
    ("walk me through it step  by\nstep", "step by step"),
    ("can you summarise this", "summarise"),
])
def test_a_reasoning_word_escalates_whole_and_case_insensitively(text, word):
    assert reason(text) == f"reasoning word '{word}'"


@pytest.mark.parametrize("text", [
    "name a planet",          # "plan" inside "planet"
    "it was explained already",
    "whyever not",
    "step by",
])
def test_a_reasoning_word_inside_another_word_does_not_escalate(text):
    assert reason(text) is None


def test_the_earliest_reasoning_word_in_the_text_is_named():
    assert reason("compare them and explain why") == "reasoning word 'compare'"


def test_length_is_reported_before_keywords():
    text = "explain " + " ".join(["word"] * 40)
    assert reason(text).startswith("question has 41 words")


def test_keywords_with_regex_characters_are_taken_literally():
    assert reason("what is c++ used for", keywords=["c++"]) == "reasoning word 'c++'"
    assert reason("what is c used for", keywords=["c++"]) is None


def test_blank_keywords_are_ignored():
    assert reason("hello there", keywords=["", "  "]) is None

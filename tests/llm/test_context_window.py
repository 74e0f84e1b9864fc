import pytest

from appliance.llm import trim_history
from appliance.llm.context_window import follows_up, without_history

pytestmark = pytest.mark.unit


def words(text):
    return len(text.split())


def conversation(turns):
    messages = [{"role": "system", "content": "sys"}]
    for i in range(turns):
        messages += [
            {"role": "user", "content": f"q{i} " * 10},
            {"role": "assistant", "content": f"a{i} " * 10},
        ]
    return messages


def test_system_prompt_and_newest_turn_always_survive():
    messages = conversation(5)
    kept = trim_history(messages, max_turns=0, max_tokens=1, count_tokens=words)
    assert kept[0]["content"] == "sys"
    assert kept[1:] == messages[-2:]


def test_token_budget_drops_oldest_turns_first_down_to_half_of_it():
    messages = conversation(7)
    kept = trim_history(messages, max_turns=10, max_tokens=120, count_tokens=words)
    # Each turn costs 20 tokens, 140 in all: cut to 60, the newest plus two more.
    assert [m["content"].split()[0] for m in kept[1:]] == ["q4", "a4", "q5", "a5", "q6", "a6"]


def test_short_history_is_untouched():
    messages = conversation(2)
    assert trim_history(messages, max_turns=6, max_tokens=1000, count_tokens=words) == messages


def test_a_long_conversation_keeps_the_same_start_for_several_turns():
    """llama.cpp reuses its cache up to the first message that changed: the history's
    start must not move at every turn once the limit is reached."""
    messages, starts = [{"role": "system", "content": "sys"}], []
    for i in range(20):
        messages.append({"role": "user", "content": f"q{i}"})
        messages = trim_history(messages, max_turns=6, max_tokens=1000, count_tokens=words)
        starts.append(messages[1]["content"])
        messages.append({"role": "assistant", "content": f"a{i}"})
        assert sum(m["role"] == "user" for m in messages) <= 7
    moves = sum(a != b for a, b in zip(starts, starts[1:], strict=False))
    # Dropped one at a time, the start would move at 13 of these 19 turns.
    assert moves <= 5, starts
    assert starts[-1] != "q0"


@pytest.mark.parametrize("question", [
    "And what river runs through it?", "What about Spain?", "Double that.",
    "How many legs do they have?", "Which ocean is to the east of that country?",
    "Now subtract eight.", "What's my name?", "Why?",
])
def test_questions_that_point_back_are_follow_ups(question):
    assert follows_up(question)


@pytest.mark.parametrize("question", [
    "What is the capital of Italy?", "How many days are there in a week?",
    "Is there life on Mars?", "How do I boil an egg?", "What is a noun?",
])
def test_questions_that_stand_alone_are_not_follow_ups(question):
    assert not follows_up(question)


def test_without_history_keeps_the_system_prompt_and_the_question():
    messages = [{"role": "system", "content": "Be brief."},
                {"role": "user", "content": "a"}, {"role": "assistant", "content": "b"},
                {"role": "user", "content": "c"}]
    assert without_history(messages) == [messages[0], messages[3]]

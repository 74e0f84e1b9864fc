import pytest

from appliance.llm import trim_history

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


def test_token_budget_drops_oldest_turns_first():
    messages = conversation(5)
    kept = trim_history(messages, max_turns=10, max_tokens=60, count_tokens=words)
    # Each turn costs 20 tokens: the newest plus two more fit in 60.
    assert [m["content"].split()[0] for m in kept[1:]] == ["q2", "a2", "q3", "a3", "q4", "a4"]


def test_short_history_is_untouched():
    messages = conversation(2)
    assert trim_history(messages, max_turns=6, max_tokens=1000, count_tokens=words) == messages

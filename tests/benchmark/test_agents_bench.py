"""The agents benchmark's task set and scoring (the run itself is `appliance bench --agents`)."""

import json

import pytest

from appliance.benchmark.agents_bench import TASKS, _ledger, _summary

pytestmark = pytest.mark.unit


def test_the_task_set_is_twenty_spoken_multi_step_tasks_across_agents():
    assert len(TASKS) >= 20
    assert sum(len(t.steps) > 1 for t in TASKS) >= 16
    # refunds that must cross a turn (said "for it"), refunds the policy must refuse, facts
    assert sum(any("for it" in s.said or "that order" in s.said for s in t.steps)
               for t in TASKS) >= 6
    assert sum(not t.refunds and any("dollars" in s.said for s in t.steps) for t in TASKS) >= 2
    assert sum(any(s.names for s in t.steps) for t in TASKS) >= 8


def test_a_task_counts_only_with_exactly_its_refunds_and_named_answers(tmp_path):
    (tmp_path / "refunds.jsonl").write_text(
        json.dumps({"order_id": "a17", "amount_usd": 20}) + "\n")
    assert _ledger(tmp_path) == [("A17", 20.0)]
    step = {"named": True, "prompt_tokens": 100, "client_ms": 900.0, "handoff": True}
    results = [{"steps": [step, {**step, "handoff": False, "prompt_tokens": 300}],
                "success": True},
               {"steps": [{**step, "named": False, "prompt_tokens": None}], "success": False}]
    summary = _summary(results)
    assert (summary["tasks"], summary["succeeded"], summary["turns"]) == (2, 1, 3)
    assert summary["prompt_tokens_mean"] == 200.0 and summary["handoff_turns"] == 2

import json
import os
from datetime import datetime

import pytest

from appliance.routing.ledger import CostLedger, llm_cost_usd, stt_cost_usd, tts_cost_usd

pytestmark = pytest.mark.unit


def local_time(*args) -> float:
    """A timestamp at a local wall-clock time, whatever the machine's time zone."""
    return datetime(*args).timestamp()


@pytest.fixture
def evening(clock):
    clock.now = local_time(2026, 3, 14, 23, 50)
    return clock


def test_spending_adds_up_across_providers(evening):
    ledger = CostLedger(1.0, clock=evening)
    ledger.add("hub", 0.25)
    ledger.add("cloud", 0.5)
    ledger.add("hub", 0.125)
    assert ledger.spent_today() == pytest.approx(0.875)


def test_remote_is_allowed_until_the_budget_is_spent(evening):
    ledger = CostLedger(1.0, clock=evening)
    ledger.add("hub", 0.99)
    assert ledger.allows_remote()
    ledger.add("hub", 0.01)
    assert not ledger.allows_remote()


def test_a_zero_budget_never_allows_remote(evening):
    assert not CostLedger(0.0, clock=evening).allows_remote()


def test_spending_resets_at_local_midnight(evening):
    ledger = CostLedger(1.0, clock=evening)
    ledger.add("hub", 1.0)
    evening.advance(9 * 60)  # 23:59
    assert not ledger.allows_remote()
    evening.advance(61)  # 00:00:01 the next day
    assert ledger.spent_today() == 0.0
    assert ledger.allows_remote()


def test_spending_persists_across_a_restart_on_the_same_day(evening, tmp_path):
    path = tmp_path / "ledger.json"
    CostLedger(1.0, clock=evening, path=path).add("hub", 0.7)
    evening.advance(60)
    restarted = CostLedger(1.0, clock=evening, path=path)
    assert restarted.spent_today() == pytest.approx(0.7)
    restarted.add("hub", 0.3)
    assert not CostLedger(1.0, clock=evening, path=path).allows_remote()


def test_a_restart_on_a_later_day_starts_from_zero(evening, tmp_path):
    path = tmp_path / "ledger.json"
    CostLedger(1.0, clock=evening, path=path).add("hub", 0.9)
    evening.advance(3600)
    assert CostLedger(1.0, clock=evening, path=path).spent_today() == 0.0


def test_earlier_days_are_kept_per_provider_across_midnight_and_restarts(evening, tmp_path):
    path = tmp_path / "ledger.json"
    ledger = CostLedger(1.0, clock=evening, path=path)
    ledger.add("hub", 0.25)
    ledger.add("cloud", 0.5)
    evening.advance(3600)  # past midnight: the 14th is over
    ledger.add("cloud", 0.125)
    expected = {"2026-03-14": {"hub": 0.25, "cloud": 0.5}, "2026-03-15": {"cloud": 0.125}}
    assert ledger.by_day() == expected
    assert CostLedger(1.0, clock=evening, path=path).by_day() == expected
    evening.advance(24 * 3600)  # a restart two days on still shows both earlier days
    later = CostLedger(1.0, clock=evening, path=path).by_day()
    assert later == {**expected, "2026-03-16": {}}


def test_broken_history_entries_are_dropped_and_a_day_seen_twice_is_merged(evening, tmp_path):
    path = tmp_path / "ledger.json"
    path.write_text(json.dumps({
        "date": "2026-03-13", "spent_usd": {"hub": 0.5, "odd": True, "inf": float("inf")},
        "history": {"2026-03-13": {"hub": 0.25}, "yesterday": {"hub": 9.0},
                    "2026-03-14": {"cloud": 0.75}}}))
    ledger = CostLedger(1.0, clock=evening, path=path)
    # The file's own day joins its history entry; a history entry for today counts today.
    assert ledger.by_day() == {"2026-03-13": {"hub": 0.75}, "2026-03-14": {"cloud": 0.75}}
    assert ledger.spent_today() == pytest.approx(0.75)


def test_the_file_holds_the_day_and_totals_as_json(evening, tmp_path):
    path = tmp_path / "state" / "ledger.json"  # a missing directory is created
    ledger = CostLedger(1.0, clock=evening, path=path)
    ledger.add("hub", 0.2)
    ledger.add("cloud", 0.1)
    data = json.loads(path.read_text())
    assert data == {"date": "2026-03-14", "spent_usd": {"cloud": 0.1, "hub": 0.2},
                    "history": {}}
    assert [p.name for p in path.parent.iterdir()] == ["ledger.json"]  # no temp file left


def test_the_file_is_replaced_atomically_not_rewritten_in_place(evening, tmp_path):
    path = tmp_path / "ledger.json"
    ledger = CostLedger(1.0, clock=evening, path=path)
    ledger.add("hub", 0.1)
    inode = os.stat(path).st_ino
    ledger.add("hub", 0.1)
    assert os.stat(path).st_ino != inode


@pytest.mark.parametrize("content", ["{not json", "[]", '{"date": "2026-03-14", "spent_usd": 3}'])
def test_an_unreadable_file_starts_the_day_at_zero_instead_of_failing(evening, tmp_path, content):
    path = tmp_path / "ledger.json"
    path.write_text(content)
    ledger = CostLedger(1.0, clock=evening, path=path)
    assert ledger.spent_today() == 0.0
    ledger.add("hub", 0.5)
    assert json.loads(path.read_text())["spent_usd"] == {"hub": 0.5}


def test_a_write_failure_keeps_counting_in_memory(evening, tmp_path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("")
    ledger = CostLedger(1.0, clock=evening, path=blocker / "ledger.json")
    ledger.add("hub", 0.4)
    assert ledger.spent_today() == pytest.approx(0.4)


def test_snapshot_is_json_with_remaining_budget(evening):
    ledger = CostLedger(1.0, clock=evening)
    ledger.add("hub", 0.25)
    snapshot = json.loads(json.dumps(ledger.snapshot()))
    assert snapshot == {"date": "2026-03-14", "spent_usd": 0.25, "budget_usd": 1.0,
                        "remaining_usd": 0.75, "allows_remote": True,
                        "by_provider": {"hub": 0.25}}


def test_negative_costs_and_budgets_are_rejected(evening):
    with pytest.raises(ValueError, match="daily_budget_usd"):
        CostLedger(-1.0, clock=evening)
    with pytest.raises(ValueError, match="hub"):
        CostLedger(1.0, clock=evening).add("hub", -0.1)


def test_llm_cost_counts_prompt_and_completion_tokens():
    assert llm_cost_usd(0.002, 1500, 500) == pytest.approx(0.004)


def test_stt_cost_is_prorated_per_second_of_audio():
    assert stt_cost_usd(0.006, 30) == pytest.approx(0.003)


def test_tts_cost_is_per_thousand_characters():
    assert tts_cost_usd(0.015, 200) == pytest.approx(0.003)


def test_free_providers_cost_nothing():
    assert llm_cost_usd(0.0, 1000, 1000) == 0.0
    assert stt_cost_usd(0.0, 60) == 0.0
    assert tts_cost_usd(0.0, 1000) == 0.0


def test_cost_helpers_reject_negative_quantities():
    with pytest.raises(ValueError, match="prompt_tokens"):
        llm_cost_usd(0.002, -1, 0)
    with pytest.raises(ValueError, match="seconds"):
        stt_cost_usd(0.006, -1)

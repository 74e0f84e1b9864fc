import json

import pytest

from appliance.routing.demotion import DemotionTracker
from appliance.routing.stats import ProviderStats

pytestmark = pytest.mark.unit

BUDGET_S = 0.8


def stats_with(*ttfbs):
    stats = ProviderStats()
    for ttfb in ttfbs:
        stats.record_success(ttfb)
    return stats


def demoted_tracker(clock, cooldown_s=60.0):
    tracker = DemotionTracker(cooldown_s, clock=clock)
    tracker.update("hub", stats_with(1.5, 1.6, 1.7), BUDGET_S)
    assert tracker.is_demoted("hub")
    return tracker


def test_a_provider_slower_than_the_budget_at_p95_is_demoted(clock):
    tracker = DemotionTracker(60, clock=clock)
    tracker.update("hub", stats_with(0.2, 0.3, 1.2), BUDGET_S)
    assert tracker.is_demoted("hub")


def test_fewer_than_three_timings_never_demote(clock):
    tracker = DemotionTracker(60, clock=clock)
    tracker.update("hub", stats_with(5.0, 5.0), BUDGET_S)
    assert not tracker.is_demoted("hub")


def test_a_provider_within_budget_is_not_demoted(clock):
    tracker = DemotionTracker(60, clock=clock)
    tracker.update("hub", stats_with(0.2, 0.3, 0.8), BUDGET_S)
    assert not tracker.is_demoted("hub")


def test_demotion_is_per_provider(clock):
    tracker = demoted_tracker(clock)
    assert not tracker.is_demoted("cloud")
    assert not tracker.trial_due("cloud")


def test_no_trial_is_due_before_the_cooldown_ends(clock):
    tracker = demoted_tracker(clock, cooldown_s=60)
    clock.advance(59.9)
    assert not tracker.trial_due("hub")


def test_after_the_cooldown_a_trial_is_due_exactly_once(clock):
    tracker = demoted_tracker(clock, cooldown_s=60)
    clock.advance(60)
    assert tracker.trial_due("hub")
    assert not tracker.trial_due("hub")
    assert tracker.is_demoted("hub")


def test_a_fast_trial_re_promotes_the_provider(clock):
    tracker = demoted_tracker(clock)
    clock.advance(60)
    assert tracker.trial_due("hub")
    tracker.trial_result("hub", 0.3, BUDGET_S)
    assert not tracker.is_demoted("hub")
    assert not tracker.trial_due("hub")


def test_a_slow_trial_restarts_the_cooldown(clock):
    tracker = demoted_tracker(clock, cooldown_s=60)
    clock.advance(60)
    assert tracker.trial_due("hub")
    clock.advance(2)
    tracker.trial_result("hub", 1.2, BUDGET_S)
    assert tracker.is_demoted("hub")
    clock.advance(59)
    assert not tracker.trial_due("hub")
    clock.advance(1)
    assert tracker.trial_due("hub")


def test_a_failed_trial_restarts_the_cooldown(clock):
    tracker = demoted_tracker(clock, cooldown_s=60)
    clock.advance(60)
    assert tracker.trial_due("hub")
    tracker.trial_result("hub", None, BUDGET_S)
    assert tracker.is_demoted("hub")
    assert not tracker.trial_due("hub")


def test_a_trial_that_never_reports_falls_due_again_after_another_cooldown(clock):
    tracker = demoted_tracker(clock, cooldown_s=60)
    clock.advance(60)
    assert tracker.trial_due("hub")
    clock.advance(59)
    assert not tracker.trial_due("hub")
    clock.advance(1)
    assert tracker.trial_due("hub")


def test_updates_while_demoted_do_not_restart_the_cooldown(clock):
    tracker = demoted_tracker(clock, cooldown_s=60)
    clock.advance(30)
    tracker.update("hub", stats_with(2.0, 2.0, 2.0), BUDGET_S)
    clock.advance(30)
    assert tracker.trial_due("hub")


def test_results_for_a_provider_that_is_not_demoted_are_ignored(clock):
    tracker = DemotionTracker(60, clock=clock)
    tracker.trial_result("hub", None, BUDGET_S)
    assert not tracker.is_demoted("hub")


def test_a_re_promoted_provider_with_fresh_stats_is_not_demoted_again_at_once(clock):
    tracker = demoted_tracker(clock)
    clock.advance(60)
    tracker.trial_due("hub")
    stats = stats_with(1.5, 1.6, 1.7, 0.3)
    tracker.trial_result("hub", 0.3, BUDGET_S)
    stats.reset()  # the caller's part of re-promotion
    stats.record_success(0.3)
    tracker.update("hub", stats, BUDGET_S)
    assert not tracker.is_demoted("hub")


def test_snapshot_lists_demoted_providers_with_time_to_their_trial(clock):
    tracker = demoted_tracker(clock, cooldown_s=60)
    clock.advance(45)
    snapshot = json.loads(json.dumps(tracker.snapshot()))
    assert snapshot == {"hub": {"cooldown_elapsed_s": 45.0, "trial_in_s": 15.0,
                                "trial_in_flight": False, "manual": False}}
    clock.advance(15)
    tracker.trial_due("hub")
    assert tracker.snapshot()["hub"]["trial_in_flight"] is True


def test_a_nonpositive_cooldown_is_rejected():
    with pytest.raises(ValueError, match="demotion_cooldown_s"):
        DemotionTracker(0)


def test_an_operator_demotion_gets_no_trials_until_promoted(clock):
    tracker = DemotionTracker(60, clock=clock)
    tracker.demote("hub")
    clock.advance(600)
    assert tracker.is_demoted("hub") and tracker.is_manual("hub")
    assert not tracker.trial_due("hub")
    tracker.trial_result("hub", 0.01, budget_s=1.0)  # a fast answer does not end it
    assert tracker.is_demoted("hub")
    assert tracker.promote("hub") is True
    assert not tracker.is_demoted("hub")
    assert tracker.promote("hub") is False

import json
import math

import pytest

from appliance.routing.stats import ProviderStats

pytestmark = pytest.mark.unit


def test_fresh_stats_know_nothing_and_predict_nothing():
    stats = ProviderStats()
    assert stats.ewma_ttfb_s is None
    assert stats.p95_ttfb_s is None
    assert stats.predict_ttfb_s() is None
    assert stats.error_rate == 0.0
    assert stats.samples == 0


def test_first_success_sets_the_ewma_and_later_ones_weigh_by_alpha():
    stats = ProviderStats(ewma_alpha=0.5)
    stats.record_success(1.0)
    assert stats.ewma_ttfb_s == 1.0
    stats.record_success(0.0)
    assert stats.ewma_ttfb_s == pytest.approx(0.5)
    stats.record_success(0.5)
    assert stats.ewma_ttfb_s == pytest.approx(0.5)


def test_p95_appears_only_after_three_samples():
    stats = ProviderStats()
    stats.record_success(0.1)
    stats.record_success(0.2)
    assert stats.p95_ttfb_s is None
    stats.record_success(0.3)
    assert stats.p95_ttfb_s == pytest.approx(0.3)


def test_p95_uses_nearest_rank_so_one_outlier_in_twenty_is_ignored():
    stats = ProviderStats(window=20)
    for _ in range(19):
        stats.record_success(0.1)
    stats.record_success(5.0)
    assert stats.p95_ttfb_s == pytest.approx(0.1)
    stats.record_success(5.0)  # the window slides: now two outliers in twenty
    assert stats.p95_ttfb_s == pytest.approx(5.0)


def test_p95_covers_only_the_last_window_of_successes():
    stats = ProviderStats(window=3)
    for value in (9.0, 9.0, 9.0, 0.1, 0.2, 0.3):
        stats.record_success(value)
    assert stats.samples == 3
    assert stats.p95_ttfb_s == pytest.approx(0.3)


def test_error_rate_counts_failures_over_the_last_window_attempts():
    stats = ProviderStats(window=4)
    stats.record_failure("timeout")
    stats.record_success(0.2)
    assert stats.error_rate == pytest.approx(0.5)
    for _ in range(4):
        stats.record_success(0.2)
    assert stats.error_rate == 0.0


def test_failures_do_not_count_as_timing_samples():
    stats = ProviderStats()
    for _ in range(5):
        stats.record_failure("unavailable")
    assert stats.samples == 0
    assert stats.error_rate == 1.0
    assert stats.predict_ttfb_s() is None


def test_prediction_falls_back_to_ewma_before_three_samples():
    stats = ProviderStats()
    stats.record_success(0.4)
    assert stats.predict_ttfb_s() == pytest.approx(0.4)


def test_prediction_is_p95_once_available_and_never_below_the_ewma():
    stats = ProviderStats(window=3, ewma_alpha=0.3)
    for value in (0.2, 0.3, 0.4):
        stats.record_success(value)
    assert stats.predict_ttfb_s() == pytest.approx(0.4)
    # Slow requests leave the window but still weigh on the EWMA.
    slow = ProviderStats(window=3, ewma_alpha=0.1)
    for value in (10.0, 10.0, 0.1, 0.1, 0.1):
        slow.record_success(value)
    assert slow.p95_ttfb_s == pytest.approx(0.1)
    assert slow.predict_ttfb_s() == pytest.approx(slow.ewma_ttfb_s)
    assert slow.predict_ttfb_s() > 1.0


def test_reset_forgets_timings_and_failures():
    stats = ProviderStats()
    for _ in range(3):
        stats.record_success(2.0)
    stats.record_failure("timeout")
    stats.reset()
    assert stats.samples == 0
    assert stats.ewma_ttfb_s is None
    assert stats.error_rate == 0.0
    assert stats.predict_ttfb_s() is None


def test_snapshot_is_json_in_milliseconds_with_failures_by_kind():
    stats = ProviderStats()
    for value in (0.1, 0.2, 0.3):
        stats.record_success(value)
    stats.record_failure("timeout")
    snapshot = json.loads(json.dumps(stats.snapshot()))
    assert snapshot["p95_ms"] == pytest.approx(300.0)
    assert snapshot["ewma_ms"] == pytest.approx(round(stats.ewma_ttfb_s * 1000, 1))
    assert snapshot["error_rate"] == pytest.approx(0.25)
    assert snapshot["samples"] == 3
    assert snapshot["failures"] == {"timeout": 1}


def test_empty_snapshot_has_nulls_not_zeros():
    snapshot = ProviderStats().snapshot()
    assert snapshot["ewma_ms"] is None and snapshot["p95_ms"] is None


@pytest.mark.parametrize("kwargs", [{"window": 0}, {"ewma_alpha": 0.0}, {"ewma_alpha": 1.5}])
def test_nonsense_settings_are_rejected_with_an_example(kwargs):
    with pytest.raises(ValueError, match="e.g."):
        ProviderStats(**kwargs)


@pytest.mark.parametrize("bad", [-0.1, math.nan])
def test_a_negative_or_nan_timing_is_rejected(bad):
    with pytest.raises(ValueError, match="ttfb_s"):
        ProviderStats().record_success(bad)

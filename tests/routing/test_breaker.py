import json

import pytest

from appliance.routing.breaker import CircuitBreaker

pytestmark = pytest.mark.unit


def open_breaker(clock, threshold=3, reset_s=30.0):
    breaker = CircuitBreaker(failure_threshold=threshold, reset_timeout_s=reset_s, clock=clock)
    for _ in range(threshold):
        breaker.record_failure()
    return breaker


def test_a_new_breaker_is_closed_and_lets_everything_through(clock):
    breaker = CircuitBreaker(clock=clock)
    assert breaker.state == "closed"
    assert all(breaker.allow_request() for _ in range(10))


def test_breaker_stays_closed_below_the_threshold(clock):
    breaker = CircuitBreaker(failure_threshold=3, clock=clock)
    breaker.record_failure()
    breaker.record_failure()
    assert breaker.state == "closed"
    assert breaker.allow_request()


def test_a_success_resets_the_consecutive_failure_count(clock):
    breaker = CircuitBreaker(failure_threshold=3, clock=clock)
    breaker.record_failure()
    breaker.record_failure()
    breaker.record_success()
    breaker.record_failure()
    breaker.record_failure()
    assert breaker.state == "closed"


def test_breaker_opens_after_three_failures_and_allows_one_probe_after_reset(clock):
    breaker = open_breaker(clock, threshold=3, reset_s=30.0)
    assert breaker.state == "open"
    assert not breaker.allow_request()
    clock.advance(29.9)
    assert not breaker.allow_request()
    clock.advance(0.1)
    assert breaker.state == "half_open"
    assert breaker.allow_request()
    assert not breaker.allow_request()  # the probe is in flight


def test_a_successful_probe_closes_the_breaker(clock):
    breaker = open_breaker(clock)
    clock.advance(30)
    assert breaker.allow_request()
    breaker.record_success()
    assert breaker.state == "closed"
    assert breaker.allow_request() and breaker.allow_request()
    breaker.record_failure()
    breaker.record_failure()
    assert breaker.state == "closed"  # the count started again from zero


def test_a_failed_probe_reopens_the_breaker_and_restarts_the_timer(clock):
    breaker = open_breaker(clock)
    clock.advance(30)
    assert breaker.allow_request()
    clock.advance(5)
    breaker.record_failure()
    assert breaker.state == "open"
    clock.advance(29)
    assert not breaker.allow_request()
    clock.advance(1)
    assert breaker.allow_request()


def test_a_probe_that_never_reports_is_given_up_after_the_reset_timeout(clock):
    breaker = open_breaker(clock)
    clock.advance(30)
    assert breaker.allow_request()
    clock.advance(29)
    assert not breaker.allow_request()
    clock.advance(1)
    assert breaker.allow_request()


def test_retry_after_opens_a_closed_breaker_for_exactly_that_long(clock):
    breaker = CircuitBreaker(clock=clock)
    breaker.retry_after(5)
    assert breaker.state == "open"
    clock.advance(4.9)
    assert not breaker.allow_request()
    clock.advance(0.1)
    assert breaker.allow_request()


def test_retry_after_never_shortens_an_open_period(clock):
    breaker = open_breaker(clock, reset_s=30)
    breaker.retry_after(2)
    clock.advance(10)
    assert breaker.state == "open"


def test_retry_after_extends_an_open_period(clock):
    breaker = open_breaker(clock, reset_s=30)
    breaker.retry_after(120)
    clock.advance(60)
    assert breaker.state == "open"
    clock.advance(60)
    assert breaker.state == "half_open"


def test_a_late_success_while_open_does_not_cut_a_retry_after_short(clock):
    breaker = CircuitBreaker(clock=clock)
    breaker.retry_after(10)
    breaker.record_success()
    assert breaker.state == "open"


def test_failures_while_open_do_not_restart_the_timer(clock):
    breaker = open_breaker(clock, reset_s=30)
    clock.advance(20)
    breaker.record_failure()
    clock.advance(10)
    assert breaker.state == "half_open"


def test_snapshot_reports_state_count_and_time_to_the_probe(clock):
    breaker = open_breaker(clock, reset_s=30)
    clock.advance(10)
    snapshot = json.loads(json.dumps(breaker.snapshot()))
    assert snapshot == {"state": "open", "consecutive_failures": 3, "probe_in_s": 20.0,
                        "probe_in_flight": False}
    clock.advance(20)
    breaker.allow_request()
    assert breaker.snapshot()["probe_in_flight"] is True


@pytest.mark.parametrize("kwargs", [{"failure_threshold": 0}, {"reset_timeout_s": 0}])
def test_nonsense_settings_are_rejected(kwargs):
    with pytest.raises(ValueError, match="e.g."):
        CircuitBreaker(**kwargs)

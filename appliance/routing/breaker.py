"""A circuit breaker per provider, so a dead remote costs one timeout, not one per turn.

Closed: requests flow and consecutive failures are counted. Open: requests are
refused until the reset timeout has passed. Half-open: exactly one probe request
may go; its success closes the breaker, its failure opens it again.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Literal

BreakerState = Literal["closed", "open", "half_open"]


class CircuitBreaker:
    """Refuses requests to a provider after repeated failures, then probes it once."""

    def __init__(
        self,
        failure_threshold: int = 3,
        reset_timeout_s: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ):
        if failure_threshold < 1:
            raise ValueError(
                f"failure_threshold must be at least 1, got {failure_threshold} (e.g. 3)"
            )
        if reset_timeout_s <= 0:
            raise ValueError(f"reset_timeout_s must be above 0, got {reset_timeout_s} (e.g. 30)")
        self.failure_threshold = failure_threshold
        self.reset_timeout_s = reset_timeout_s
        self._clock = clock
        self._state: BreakerState = "closed"
        self._consecutive_failures = 0
        self._open_until = 0.0
        self._probe_started_at: float | None = None

    @property
    def state(self) -> BreakerState:
        """One of closed, open or half_open; an open breaker whose time is up reads half_open."""
        self._refresh()
        return self._state

    def _refresh(self) -> None:
        # The open -> half_open move happens on read, so no timer task is needed.
        if self._state == "open" and self._clock() >= self._open_until:
            self._state = "half_open"
            self._probe_started_at = None

    def allow_request(self) -> bool:
        """Whether a request may go now; in half_open this claims the single probe.

        A probe that never reports back (its request was cancelled) is given up
        after `reset_timeout_s`, so a lost probe cannot keep the breaker shut.
        """
        self._refresh()
        if self._state == "closed":
            return True
        if self._state == "open":
            return False
        now = self._clock()
        probe = self._probe_started_at
        if probe is not None and now - probe < self.reset_timeout_s:
            return False
        self._probe_started_at = now
        return True

    def reset(self) -> None:
        """Close the breaker now (an operator's promotion)."""
        self._state = "closed"
        self._consecutive_failures = 0
        self._open_until = 0.0
        self._probe_started_at = None

    def record_success(self) -> None:
        """A request succeeded: closes a half-open breaker and clears the failure count.

        A success while open (a request that began before the breaker opened) is
        ignored, so it cannot cut short a server's Retry-After.
        """
        self._refresh()
        if self._state == "open":
            return
        self._state = "closed"
        self._consecutive_failures = 0
        self._probe_started_at = None

    def record_failure(self) -> None:
        """A request failed: counts towards the threshold, or re-opens a half-open breaker."""
        self._refresh()
        if self._state == "open":
            return
        self._consecutive_failures += 1
        if self._state == "half_open" or self._consecutive_failures >= self.failure_threshold:
            self._open_for(self.reset_timeout_s)

    def retry_after(self, seconds: float) -> None:
        """Open now for at least `seconds` (a 429's Retry-After); never shortens an open period."""
        self._refresh()
        until = self._clock() + max(0.0, seconds)
        if self._state == "open":
            self._open_until = max(self._open_until, until)
            return
        self._state = "open"
        self._open_until = until
        self._probe_started_at = None

    def _open_for(self, seconds: float) -> None:
        self._state = "open"
        self._open_until = self._clock() + seconds
        self._probe_started_at = None

    def snapshot(self) -> dict:
        """JSON-able state for status pages."""
        state = self.state
        probe_in_s = None
        if state == "open":
            probe_in_s = round(max(0.0, self._open_until - self._clock()), 3)
        return {
            "state": state,
            "consecutive_failures": self._consecutive_failures,
            "probe_in_s": probe_in_s,
            "probe_in_flight": state == "half_open" and self._probe_started_at is not None,
        }

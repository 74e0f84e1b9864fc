"""Demotion of providers that are up but too slow for the latency budget.

The breaker handles providers that fail; this handles ones that answer, but
late. A demoted provider is left alone for a cooldown, then given a single
trial request; a fast trial re-promotes it, a slow or failed one restarts the
cooldown. Without the trial its stale statistics would keep it demoted forever.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from appliance.routing.stats import MIN_SAMPLES_FOR_P95, ProviderStats


@dataclass
class _Demotion:
    cooldown_started_at: float
    trial_claimed_at: float | None = None
    # Demoted by an operator: no trials, until an operator promotes it again.
    manual: bool = False


class DemotionTracker:
    """Tracks which providers are demoted and when each is due a trial."""

    def __init__(self, cooldown_s: float, clock: Callable[[], float] = time.monotonic):
        if cooldown_s <= 0:
            raise ValueError(
                f"routing.demotion_cooldown_s must be above 0, got {cooldown_s} (e.g. 60)"
            )
        self.cooldown_s = cooldown_s
        self._clock = clock
        self._demoted: dict[str, _Demotion] = {}

    def update(self, provider: str, stats: ProviderStats, budget_s: float) -> None:
        """Demote `provider` when its p95 over at least 3 timings exceeds `budget_s`."""
        if provider in self._demoted or stats.samples < MIN_SAMPLES_FOR_P95:
            return
        p95 = stats.p95_ttfb_s
        if p95 is not None and p95 > budget_s:
            self._demoted[provider] = _Demotion(cooldown_started_at=self._clock())

    def adopt(self, other: DemotionTracker, providers: list[str]) -> None:
        """Keep `other`'s demotions of `providers` (the routers were rebuilt by a reload)."""
        for provider in providers:
            if provider in other._demoted:
                self._demoted[provider] = other._demoted[provider]

    def demote(self, provider: str) -> None:
        """An operator's demotion: it holds, without trials, until `promote`."""
        self._demoted[provider] = _Demotion(cooldown_started_at=self._clock(), manual=True)

    def promote(self, provider: str) -> bool:
        """An operator's promotion; False if `provider` was not demoted."""
        return self._demoted.pop(provider, None) is not None

    def is_manual(self, provider: str) -> bool:
        """Whether an operator demoted `provider`."""
        demotion = self._demoted.get(provider)
        return demotion is not None and demotion.manual

    def is_demoted(self, provider: str) -> bool:
        """Whether `provider` is demoted (a due trial does not change that)."""
        return provider in self._demoted

    def trial_due(self, provider: str) -> bool:
        """True once per cooldown: the caller may send this provider one trial request.

        Asking claims the trial. If no `trial_result` follows within another
        cooldown (the trial was not picked, or was cancelled), a new one falls due,
        so a lost trial cannot keep the provider demoted forever.
        """
        demotion = self._demoted.get(provider)
        if demotion is None or demotion.manual:
            return False
        now = self._clock()
        if now - demotion.cooldown_started_at < self.cooldown_s:
            return False
        claimed = demotion.trial_claimed_at
        if claimed is not None and now - claimed < self.cooldown_s:
            return False
        demotion.trial_claimed_at = now
        return True

    def trial_result(self, provider: str, ttfb_s: float | None, budget_s: float) -> None:
        """Book how a demoted provider did: `ttfb_s` None means it failed.

        A result within `budget_s` re-promotes it (the caller then resets its
        statistics, whose old timings would demote it again); otherwise the
        cooldown restarts. Any measured request counts, not only the claimed trial.
        """
        demotion = self._demoted.get(provider)
        if demotion is None or demotion.manual:
            return
        if ttfb_s is not None and ttfb_s <= budget_s:
            del self._demoted[provider]
            return
        demotion.cooldown_started_at = self._clock()
        demotion.trial_claimed_at = None

    def snapshot(self) -> dict:
        """JSON-able: each demoted provider and the seconds until its next trial."""
        now = self._clock()
        return {
            provider: {
                "cooldown_elapsed_s": round(now - demotion.cooldown_started_at, 3),
                "trial_in_s": round(
                    max(0.0, demotion.cooldown_started_at + self.cooldown_s - now), 3
                ),
                "trial_in_flight": demotion.trial_claimed_at is not None
                and now - demotion.trial_claimed_at < self.cooldown_s,
                "manual": demotion.manual,
            }
            for provider, demotion in self._demoted.items()
        }

"""Rolling health statistics of one provider: how fast it answers and how often it fails.

Routing compares a provider's predicted time to first byte with the time left in
the turn, so the prediction leans pessimistic: a voice turn that misses its
budget is worse than one that stayed on the small local model.
"""

from __future__ import annotations

import math
from collections import Counter, deque

# Below this many timings a percentile is noise; the EWMA stands in until then.
MIN_SAMPLES_FOR_P95 = 3


class ProviderStats:
    """Time to first byte and error rate over the last `window` requests."""

    def __init__(self, window: int = 20, ewma_alpha: float = 0.3):
        if window < 1:
            raise ValueError(f"window must be at least 1, got {window} (e.g. 20)")
        if not 0 < ewma_alpha <= 1:
            raise ValueError(f"ewma_alpha must be in (0, 1], got {ewma_alpha} (e.g. 0.3)")
        self.window = window
        self.ewma_alpha = ewma_alpha
        self._ttfbs: deque[float] = deque(maxlen=window)
        # One entry per attempt, None for a success, else the failure kind.
        self._outcomes: deque[str | None] = deque(maxlen=window)
        self._ewma: float | None = None

    def record_success(self, ttfb_s: float) -> None:
        """Book a request that produced its first byte after `ttfb_s` seconds."""
        if ttfb_s < 0 or math.isnan(ttfb_s):
            raise ValueError(f"ttfb_s must be a time of 0 s or more, got {ttfb_s}")
        self._ttfbs.append(ttfb_s)
        self._outcomes.append(None)
        if self._ewma is None:
            self._ewma = ttfb_s
        else:
            self._ewma = self.ewma_alpha * ttfb_s + (1 - self.ewma_alpha) * self._ewma

    def record_failure(self, kind: str) -> None:
        """Book a failed request; `kind` is a `ProviderError.kind`."""
        self._outcomes.append(kind)

    @property
    def ewma_ttfb_s(self) -> float | None:
        """Exponentially weighted mean time to first byte, recent requests weighing most."""
        return self._ewma

    @property
    def p95_ttfb_s(self) -> float | None:
        """95th percentile (nearest rank) of the window's timings; None below 3 samples.

        Nearest rank never interpolates below an observed value, so with a small
        window it is the slowest request seen: the conservative reading.
        """
        if len(self._ttfbs) < MIN_SAMPLES_FOR_P95:
            return None
        return self._nearest_rank(0.95)

    @property
    def p50_ttfb_s(self) -> float | None:
        """Median (nearest rank) of the window's timings; None with no timing yet."""
        return self._nearest_rank(0.5) if self._ttfbs else None

    def _nearest_rank(self, quantile: float) -> float:
        ordered = sorted(self._ttfbs)
        return ordered[math.ceil(quantile * len(ordered)) - 1]

    @property
    def error_rate(self) -> float:
        """Failures / attempts over the last `window` attempts (0.0 before any)."""
        if not self._outcomes:
            return 0.0
        failures = sum(1 for outcome in self._outcomes if outcome is not None)
        return failures / len(self._outcomes)

    @property
    def samples(self) -> int:
        """How many timings the window holds."""
        return len(self._ttfbs)

    def predict_ttfb_s(self) -> float | None:
        """A pessimistic time-to-first-byte estimate, or None with no timing yet.

        The larger of p95 and EWMA: the EWMA can exceed the window's p95 when slow
        requests have just left the window but still weigh on the average.
        """
        p95, ewma = self.p95_ttfb_s, self._ewma
        if p95 is None:
            return ewma
        return p95 if ewma is None else max(p95, ewma)

    def reset(self) -> None:
        """Forget everything (a re-promoted provider starts from a clean slate)."""
        self._ttfbs.clear()
        self._outcomes.clear()
        self._ewma = None

    def snapshot(self) -> dict:
        """JSON-able summary for status pages: times in ms, failures by kind."""
        p50, p95 = self.p50_ttfb_s, self.p95_ttfb_s
        failures = Counter(outcome for outcome in self._outcomes if outcome is not None)
        return {
            "ewma_ms": None if self._ewma is None else round(self._ewma * 1000, 1),
            "p50_ms": None if p50 is None else round(p50 * 1000, 1),
            "p95_ms": None if p95 is None else round(p95 * 1000, 1),
            "error_rate": round(self.error_rate, 3),
            "samples": self.samples,
            "failures": dict(failures),
        }

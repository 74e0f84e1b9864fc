"""Fuzzing the service's inputs: the budget and the tally shared by every fuzz test.

`FUZZ_EXAMPLES` is the total number of cases across every category (split by the
shares below); the default keeps the folder near three minutes on two cores. In CI
(`CI` set) or with `FUZZ_DERANDOMIZE=1` hypothesis replays the same cases every run.
`FUZZ_REPORT=path` writes the tally as JSON when the session ends.
"""

import os
import time
from collections import Counter

import httpx
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

DEFAULT_TOTAL_EXAMPLES = 1000
# Share of the total per test (a category may have several tests).
SHARES = {
    "wav_random": 0.06, "wav_mutated": 0.20, "wav_huge_declared": 0.04,
    "config_random": 0.05, "config_mutated": 0.15,
    "http": 0.38,
    "websocket": 0.12,
}
TALLY: dict[str, Counter] = {}
STARTED = time.monotonic()
RESULTS: dict = {"failures": {}, "known_bugs": {}, "service_ready_after": None}
# Bugs fuzzing found are fixed (each has a regression test); any recurrence now fails.
KNOWN_BUGS: dict[str, str] = {}
# Substrings of a logged line that mark it as one of KNOWN_BUGS.
KNOWN_LOG_SIGNATURES: dict[str, str] = {}


def total_examples() -> int:
    return int(os.environ.get("FUZZ_EXAMPLES", DEFAULT_TOTAL_EXAMPLES))


def fuzz_settings(share: str, *, minimum: int = 5, parts: int = 1,
                  weight: int = 1) -> hypothesis_settings:
    """Hypothesis settings for a test that takes `SHARES[share]` of the budget.

    A parametrized test splits the share in `parts`, of which this case takes `weight`.
    """
    derandomize = bool(os.environ.get("CI")) or os.environ.get("FUZZ_DERANDOMIZE") == "1"
    return hypothesis_settings(
        max_examples=max(minimum, round(total_examples() * SHARES[share] * weight / parts)),
        deadline=None, database=None, derandomize=derandomize, print_blob=True,
        suppress_health_check=list(HealthCheck))


def count(category: str, what: str = "cases", amount: int = 1) -> None:
    """Add to the tally of `category` (e.g. count("http", "5xx"))."""
    TALLY.setdefault(category, Counter())[what] += amount


def record_failure(category: str, key: str, reproducer: str, limit: int = 40, *,
                   known: str | None = None) -> None:
    """Keep the first reproducer of each distinct failure (`key`) of a category.

    A failure that is one of `KNOWN_BUGS` is tallied apart and does not fail the test.
    """
    if known is not None and known in KNOWN_BUGS:
        count(category, f"known bug {known}")
        RESULTS["known_bugs"].setdefault(known, {"what": KNOWN_BUGS[known],
                                                 "reproducer": reproducer[:2000]})
        return
    failures = RESULTS["failures"].setdefault(category, {})
    count(category.split(" ")[0], "failures")
    if key not in failures and len(failures) < limit:
        failures[key] = reproducer[:2000]


def assert_no_failures(category: str) -> None:
    """Fail with every distinct failure of `category` and its reproducer."""
    failures = RESULTS["failures"].get(category, {})
    assert not failures, "\n".join(f"{k}\n    reproducer: {v}" for k, v in failures.items())


def still_ready(service) -> bool:
    """/healthz answers and /readyz is 200, within a few seconds."""
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            healthy = httpx.get(f"{service['base']}/healthz", timeout=5).status_code == 200
            if healthy and httpx.get(f"{service['base']}/readyz", timeout=5).status_code == 200:
                return True
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    return False


def is_traceback(text: str) -> bool:
    return "Traceback" in text or "Exception in ASGI application" in text


def check_log(log, category: str, reproducer: str, *, failures_of: str | None = None) -> None:
    """Every ERROR line logged since the last check is a failure (of `failures_of`, default
    `category`); tracebacks are counted."""
    for line, has_traceback in log.take_new():
        if has_traceback or is_traceback(line):
            count(category, "tracebacks")
        count(category, "error_log_lines")
        known = next((bug for mark, bug in KNOWN_LOG_SIGNATURES.items() if mark in line), None)
        record_failure(failures_of or category, f"logged: {line.split(chr(10))[0][:200]}",
                       f"{line[-1500:]}\n    request: {reproducer}", known=known)

"""A hand-driven clock: routing time (cooldowns, breakers, the cost day) without sleeping."""

import pytest


class FakeClock:
    """Returns `now`; tests move it with `advance`."""

    def __init__(self, start: float = 1000.0):
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()

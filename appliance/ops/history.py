"""Turns and failed turns per minute over the last day, for the console's rate chart."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from datetime import UTC, datetime

from appliance.turns import TurnRecord

KEEP_MINUTES = 24 * 60


class TurnSeries:
    """Per-minute counts of turns, and of turns where something failed."""

    def __init__(self, clock: Callable[[], float] = time.time):
        """Count against `clock` (Unix seconds)."""
        self._clock = clock
        self._minutes: OrderedDict[int, list[int]] = OrderedDict()  # minute -> [turns, failed]

    def observe_turn(self, _session_id: str, kind: str, record: TurnRecord) -> None:
        """A turn listener. A turn failed if a provider failed in it or nothing was said back."""
        if kind != "turn":
            return
        minute = int(self._clock() // 60)
        counts = self._minutes.setdefault(minute, [0, 0])
        counts[0] += 1
        failed_attempt = any(
            a.get("outcome") == "failed"
            for route in record.route.values() if isinstance(route, dict)
            for a in route.get("attempts", []))
        if failed_attempt or not (record.reply.strip() or record.interrupted):
            counts[1] += 1
        while self._minutes and next(iter(self._minutes)) <= minute - KEEP_MINUTES:
            self._minutes.popitem(last=False)

    def snapshot(self, minutes: int = 60) -> list[dict]:
        """The last `minutes` minutes, oldest first, empty minutes included."""
        now = int(self._clock() // 60)
        rows = []
        for minute in range(now - minutes + 1, now + 1):
            turns, failed = self._minutes.get(minute, (0, 0))
            rows.append({"minute": datetime.fromtimestamp(minute * 60, UTC).isoformat(),
                         "turns": turns, "failed": failed,
                         "success_rate": None if not turns else round(1 - failed / turns, 3)})
        return rows

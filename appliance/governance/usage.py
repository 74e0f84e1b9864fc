"""Who did what with which tool today: the memory behind daily limits and "after a refusal".

Kept per caller (a token's id, or the place of a kiosk or satellite), not per
connection, in a SQLite file (0600), so reconnecting, a second connection or a
restart does not reset a limit. Only numeric arguments are kept, never text.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from datetime import date, datetime
from pathlib import Path

from appliance.governance.policy import DailyUsage, comparable_number

_SCHEMA = """
CREATE TABLE IF NOT EXISTS calls (
    day TEXT NOT NULL,
    caller TEXT NOT NULL,
    tool TEXT NOT NULL,
    at TEXT NOT NULL,
    status TEXT NOT NULL,
    numbers TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS calls_day_caller ON calls (day, caller, tool);
"""


class ToolUsage:
    """Calls per caller and local day; thread-safe, one small SQLite file."""

    def __init__(self, path: Path, today=date.today):
        """Open (or create, 0600) the ledger at `path`; `today` gives the local day."""
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(self.path, os.O_CREAT | os.O_RDWR, 0o600))
        self._today = today
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._db.executescript(_SCHEMA)

    def record(self, caller: str, tool: str, status: str, arguments: dict) -> None:
        """Note one gated call: "ok" counts toward daily limits, "denied" sets the state."""
        numbers = {k: n for k, v in arguments.items()
                   if (n := comparable_number(v)) is not None}
        with self._lock:
            self._db.execute("INSERT INTO calls VALUES (?, ?, ?, ?, ?, ?)",
                             (self._today().isoformat(), caller, tool,
                              datetime.now().isoformat(timespec="seconds"), status,
                              json.dumps(numbers)))

    def today(self, caller: str, tool: str) -> DailyUsage:
        """What `caller` did with `tool` today, counting calls that ran."""
        with self._lock:
            rows = self._db.execute(
                "SELECT numbers FROM calls WHERE day = ? AND caller = ? AND tool = ? "
                "AND status = 'ok'", (self._today().isoformat(), caller, tool)).fetchall()
        totals: dict[str, float] = {}
        for (numbers,) in rows:
            for name, value in json.loads(numbers).items():
                totals[name] = totals.get(name, 0.0) + value
        return DailyUsage(len(rows), totals)

    def refused_today(self, caller: str) -> bool:
        """Whether any call of `caller` was refused today (by a rule or a person)."""
        with self._lock:
            row = self._db.execute(
                "SELECT 1 FROM calls WHERE day = ? AND caller = ? AND status = 'denied' "
                "LIMIT 1", (self._today().isoformat(), caller)).fetchone()
        return row is not None

    def standing(self, caller: str, tool: str) -> tuple[DailyUsage, bool]:
        """`today(caller, tool)` and `refused_today(caller)` in one go, for a gate's check."""
        return self.today(caller, tool), self.refused_today(caller)

    def close(self) -> None:
        """Close the file."""
        with self._lock:
            self._db.close()

"""The day's spending on priced remote providers, against a daily budget.

Once the budget is spent, priced remotes are skipped until local midnight. With
a `path`, the day's totals survive a restart, so restarting the service is not a
way to spend the budget twice.
"""

from __future__ import annotations

import json
import math
import os
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from loguru import logger

# How many earlier days of spending the ledger keeps.
HISTORY_DAYS = 31


def llm_cost_usd(price_per_1k_tokens: float, prompt_tokens: int, completion_tokens: int) -> float:
    """Cost of one chat completion priced per 1,000 tokens, prompt and completion alike."""
    _require_non_negative(price_per_1k_tokens=price_per_1k_tokens, prompt_tokens=prompt_tokens,
                          completion_tokens=completion_tokens)
    return price_per_1k_tokens * (prompt_tokens + completion_tokens) / 1000


def stt_cost_usd(price_per_audio_minute: float, seconds: float) -> float:
    """Cost of transcribing `seconds` of audio priced per minute (no rounding up)."""
    _require_non_negative(price_per_audio_minute=price_per_audio_minute, seconds=seconds)
    return price_per_audio_minute * seconds / 60


def tts_cost_usd(price_per_1k_chars: float, chars: int) -> float:
    """Cost of synthesizing `chars` characters priced per 1,000 characters."""
    _require_non_negative(price_per_1k_chars=price_per_1k_chars, chars=chars)
    return price_per_1k_chars * chars / 1000


def _amounts(spent) -> dict[str, float]:
    """The valid provider → dollars entries of a ledger file's day."""
    if not isinstance(spent, dict):
        return {}
    return {str(name): float(usd) for name, usd in spent.items()
            if isinstance(usd, int | float) and not isinstance(usd, bool)
            and math.isfinite(usd) and usd >= 0}


def _is_date(day) -> bool:
    try:
        date.fromisoformat(day)
    except (TypeError, ValueError):
        return False
    return True


def _add_into(total: dict[str, float], more: dict[str, float]) -> None:
    for name, usd in more.items():
        total[name] = total.get(name, 0.0) + usd


def _require_non_negative(**values: float) -> None:
    for name, value in values.items():
        if value < 0:
            raise ValueError(f"{name} must be 0 or more, got {value}")


class CostLedger:
    """Adds up remote spending per provider for the current local day."""

    def __init__(
        self,
        daily_budget_usd: float,
        *,
        clock: Callable[[], float] = time.time,
        path: Path | None = None,
    ):
        if daily_budget_usd < 0:
            raise ValueError(
                f"routing.daily_budget_usd must be 0 or more, got {daily_budget_usd} (e.g. 1.0)"
            )
        self.daily_budget_usd = daily_budget_usd
        self.path = Path(path) if path is not None else None
        self._clock = clock
        # The router is shared by every session; keep add() and the file write atomic.
        self._lock = threading.Lock()
        self._day = self._today()
        self._spent: dict[str, float] = {}
        # Earlier days' totals, newest last, for the console's cost chart.
        self._history: dict[str, dict[str, float]] = {}
        if self.path is not None:
            self._spent, self._history = self._load(self.path, self._day)

    def _today(self) -> date:
        # Local calendar day of the injected clock: the budget resets at local midnight.
        return datetime.fromtimestamp(self._clock()).date()

    def _roll_over(self) -> None:
        today = self._today()
        if today != self._day:
            if self._spent:
                # Merged, not replaced: a clock set back and forward again keeps both.
                _add_into(self._history.setdefault(self._day.isoformat(), {}), self._spent)
                self._history = dict(sorted(self._history.items())[-HISTORY_DAYS:])
            self._day = today
            self._spent = {}

    def add(self, provider: str, usd: float) -> None:
        """Book `usd` spent on `provider` today (and persist it when a path is set)."""
        if usd < 0:
            raise ValueError(f"a cost must be 0 or more, got {usd} for provider '{provider}'")
        with self._lock:
            self._roll_over()
            self._spent[provider] = self._spent.get(provider, 0.0) + usd
            if self.path is not None:
                self._save(self.path)

    def spent_today(self) -> float:
        """Total spent since local midnight."""
        with self._lock:
            self._roll_over()
            return sum(self._spent.values())

    def allows_remote(self) -> bool:
        """Whether a priced remote may still be used today; a budget of 0 never allows one."""
        return self.spent_today() < self.daily_budget_usd

    def snapshot(self) -> dict:
        """JSON-able spending for status pages."""
        spent = self.spent_today()
        with self._lock:
            by_provider = {name: round(usd, 6) for name, usd in self._spent.items()}
        return {
            "date": self._day.isoformat(),
            "spent_usd": round(spent, 6),
            "budget_usd": self.daily_budget_usd,
            "remaining_usd": round(max(0.0, self.daily_budget_usd - spent), 6),
            "allows_remote": spent < self.daily_budget_usd,
            "by_provider": by_provider,
        }

    def by_day(self) -> dict[str, dict[str, float]]:
        """Spending per provider per local day, oldest first, today included."""
        with self._lock:
            self._roll_over()
            days = {day: dict(spent) for day, spent in self._history.items()}
            days[self._day.isoformat()] = dict(self._spent)
        return {day: {name: round(usd, 6) for name, usd in spent.items()}
                for day, spent in days.items()}

    @staticmethod
    def _load(path: Path, today: date) -> tuple[dict[str, float], dict[str, dict[str, float]]]:
        """Today's totals and earlier days' from `path`; no file means nothing spent yet."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}, {}
        except (OSError, ValueError) as e:
            # A broken ledger must not stop the appliance from starting: local
            # answering still works. Start the day from zero and overwrite it.
            logger.warning(f"cost ledger {path} is unreadable, starting the day at $0: {e}")
            return {}, {}
        if not isinstance(data, dict):
            return {}, {}
        history = data.get("history") if isinstance(data.get("history"), dict) else {}
        days = {day: _amounts(spent) for day, spent in history.items() if _is_date(day)}
        day = data.get("date")
        spent = _amounts(data.get("spent_usd"))
        if day != today.isoformat():
            if _is_date(day) and spent:
                # The file's day is over: it joins the history.
                _add_into(days.setdefault(day, {}), spent)
            spent = {}
        # Today's totals count against today's budget, wherever the file kept them.
        _add_into(spent, days.pop(today.isoformat(), {}))
        return spent, dict(sorted(days.items())[-HISTORY_DAYS:])

    def _save(self, path: Path) -> None:
        """Write the day atomically: a crash mid-write leaves the previous file intact."""
        data = {"date": self._day.isoformat(), "spent_usd": self._spent,
                "history": self._history}
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as f:
                    json.dump(data, f, indent=2, sort_keys=True)
                    f.flush()
                    os.fsync(f.fileno())
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError as e:
            # Failing the user's turn over bookkeeping would be worse; keep it in memory.
            logger.warning(f"cost ledger {path} could not be written (check routing."
                           f"cost_ledger_path and its directory's permissions): {e}")

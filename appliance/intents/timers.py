"""Timers that really ring, kept in a file so that a reload or a restart loses none.

A timer's end is a wall-clock time, so after a restart a running timer rings when
it was always going to; one that ended while the appliance was off rings as soon
as its place is listening again, saying so. A timer rings where it was set: its
session is a place ("kiosk", or a WebSocket client's `client` name), and when
nobody listens there the ring waits for the place to come back. A timer set with
no place rings in every conversation listening.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import json
import os
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from loguru import logger

Ring = Callable[["Timer", str], Awaitable[None] | None]


@dataclass(frozen=True)
class Timer:
    """One timer. Running: `ends_at` is set; paused: `left_s` is."""

    id: str
    seconds: float  # the duration as set, for "your 12 minute timer"
    name: str | None = None
    ends_at: float | None = None
    left_s: float | None = None
    session: str | None = None

    @property
    def paused(self) -> bool:
        """Whether the timer is paused."""
        return self.ends_at is None

    def remaining(self, now: float) -> float:
        """Seconds left at `now`."""
        return max(0.0, self.left_s if self.ends_at is None else self.ends_at - now)

    def spoken_name(self) -> str:
        """What to call it: "pasta timer", "12 minute timer", "1 hour 30 minute timer"."""
        if self.name:
            return f"{self.name} timer"
        return f"{spoken_duration(self.seconds, unit_form=True)} timer"


def spoken_duration(seconds: float, *, unit_form: bool = False) -> str:
    """A duration said aloud: "12 minutes", "1 hour and 30 minutes"; "12 minute" as a modifier."""
    seconds = int(round(seconds))
    parts = []
    for unit, size in (("hour", 3600), ("minute", 60), ("second", 1)):
        count, seconds = divmod(seconds, size)
        if count:
            plural = "" if count == 1 or unit_form else "s"
            parts.append(f"{count} {unit}{plural}")
    if not parts:
        return "0 seconds"
    return " and ".join(parts) if not unit_form else " ".join(parts)


class TimerBook:
    """All timers of the appliance, the task that rings them, and the file that keeps them."""

    def __init__(self, path: Path | None, *, clock: Callable[[], float] = time.time):
        self._path = path
        self._clock = clock
        self._timers: dict[str, Timer] = {}
        self._listeners: dict[int, tuple[str | None, Ring]] = {}
        self._next_listener = 0
        self._undelivered: dict[str | None, list[tuple[Timer, str]]] = {}
        self._changed = asyncio.Event()
        self._task: asyncio.Task | None = None
        self._load()

    # -- what the handlers ask --------------------------------------------------

    def all(self, place: str | None = None) -> list[Timer]:
        """The timers of `place` (every timer, when None), the one ending first first.

        A kitchen's "cancel the timer" means the kitchen's timer, not the hall's.
        """
        now = self._clock()
        return sorted((t for t in self._timers.values() if place is None or t.session == place),
                      key=lambda t: t.remaining(now))

    def find(self, name: str | None = None, *, place: str | None = None) -> list[Timer]:
        """Timers of `place` called `name` (any, when None), ending first first."""
        wanted = _clean(name)
        return [t for t in self.all(place) if wanted is None or _clean(t.name) == wanted]

    def remaining(self, timer: Timer) -> float:
        """Seconds `timer` has left."""
        return timer.remaining(self._clock())

    def start(self, seconds: float, *, name: str | None = None,
              session: str | None = None) -> Timer:
        """A new running timer; `session` is where it rings."""
        timer = Timer(id=uuid.uuid4().hex[:8], seconds=float(seconds), name=_clean(name),
                      ends_at=self._clock() + seconds, session=session)
        self._put(timer)
        return timer

    def cancel(self, timer: Timer) -> None:
        """Forget `timer`; it will not ring."""
        self._timers.pop(timer.id, None)
        self._saved()

    def pause(self, timer: Timer) -> Timer:
        """Stop the count, keeping what is left."""
        if timer.paused:
            return timer
        paused = replace(timer, ends_at=None, left_s=timer.remaining(self._clock()))
        self._put(paused)
        return paused

    def resume(self, timer: Timer) -> Timer:
        """Count down again from what was left."""
        if not timer.paused:
            return timer
        running = replace(timer, ends_at=self._clock() + (timer.left_s or 0), left_s=None)
        self._put(running)
        return running

    def add(self, timer: Timer, seconds: float) -> Timer:
        """Longer by `seconds` (shorter when negative); never below zero left."""
        if timer.paused:
            changed = replace(timer, left_s=max(0.0, (timer.left_s or 0) + seconds))
        else:
            changed = replace(timer, ends_at=max(self._clock(), timer.ends_at + seconds))
        self._put(replace(changed, seconds=max(1.0, timer.seconds + seconds)))
        return self._timers[timer.id]

    # -- ringing -----------------------------------------------------------------

    def listen(self, ring: Ring, *, session: str | None = None) -> Callable[[], None]:
        """Have `ring(timer, sentence)` called when a timer of `session` ends.

        Returns the way to stop. Rings this place missed (a restart, or it was away)
        come at once, and so do those of timers set with no place.
        """
        key = self._next_listener
        self._next_listener += 1
        self._listeners[key] = (session, ring)
        for place in dict.fromkeys((session, None)):
            for timer, sentence in self._undelivered.pop(place, []):
                self._spawn(ring(timer, sentence))
        return lambda: self._listeners.pop(key, None)

    async def start_ringing(self) -> None:
        """Start the task that rings timers (idempotent)."""
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._ring_forever(), name="timers")

    async def aclose(self) -> None:
        """Stop ringing; the file keeps the timers for the next start."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _ring_forever(self) -> None:
        while True:
            self._ring_due(self._clock())
            running = [t.ends_at for t in self._timers.values() if not t.paused]
            wait = max(0.0, min(running) - self._clock()) if running else None
            self._changed.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._changed.wait(), timeout=wait)

    def _ring_due(self, now: float, *, late: bool = False) -> None:
        for timer in [t for t in self._timers.values() if not t.paused and t.ends_at <= now]:
            self._timers.pop(timer.id)
            self._saved()
            missed = late or now - timer.ends_at > 5
            sentence = (f"Your {timer.spoken_name()} finished while I was off."
                        if missed else f"Your {timer.spoken_name()} is done.")
            logger.info(f"timer {timer.id} rings")
            self._deliver(timer, sentence)

    def _deliver(self, timer: Timer, sentence: str) -> None:
        targets = [ring for session, ring in self._listeners.values()
                   if timer.session is None or session == timer.session]
        if not targets:
            self._undelivered.setdefault(timer.session, []).append((timer, sentence))
            return
        for ring in targets:
            self._spawn(ring(timer, sentence))

    def _spawn(self, result) -> None:
        if inspect.isawaitable(result):
            task = asyncio.ensure_future(result)
            task.add_done_callback(_log_failure)

    # -- the file ------------------------------------------------------------------

    def _put(self, timer: Timer) -> None:
        self._timers[timer.id] = timer
        self._saved()

    def _saved(self) -> None:
        self._changed.set()
        if self._path is None:
            return
        self._path.parent.mkdir(parents=True, exist_ok=True)
        scratch = self._path.with_name(self._path.name + ".tmp")
        fd = os.open(scratch, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump([asdict(t) for t in self._timers.values()], out)
        os.replace(scratch, self._path)  # all or nothing: a crash mid-write loses no timer

    def _load(self) -> None:
        if self._path is None or not self._path.exists():
            return
        try:
            saved = json.loads(self._path.read_text(encoding="utf-8"))
            self._timers = {t["id"]: Timer(**t) for t in saved}
        except (ValueError, TypeError, KeyError) as e:
            # A damaged file must not stop the appliance; keep it for a person to read.
            broken = self._path.with_name(self._path.name + ".broken")
            os.replace(self._path, broken)
            logger.warning(f"timers file {self._path} unreadable ({e}); moved to {broken}")
            return
        # Timers that ended while the appliance was off ring at the first listener.
        self._ring_due(self._clock(), late=True)


def _clean(name: str | None) -> str | None:
    name = " ".join((name or "").lower().split())
    if name.endswith(" timer"):
        name = name[: -len(" timer")]
    return name.removeprefix("the ").strip() or None


def _log_failure(task: asyncio.Future) -> None:
    if not task.cancelled() and task.exception() is not None:
        logger.warning(f"a timer's ring failed: {task.exception()!r}")

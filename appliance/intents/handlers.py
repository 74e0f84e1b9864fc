"""What each recognised command does, and the short sentence said back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable

from appliance.audio.volume import STEP, SpeakerVolume
from appliance.intents.commands import DEVICE_INTENTS, Command
from appliance.intents.computed import spoken_date, spoken_time
from appliance.intents.timers import Timer, TimerBook, spoken_duration

CAPABILITIES = ("I can set, pause and cancel timers, tell you the time and the date, do "
                "arithmetic and convert units, and answer general questions.")
NO_DEVICES = "I have no devices to control yet, so I can't do that."
DeviceHandler = Callable[[Command], Awaitable[str]]


class CommandHandlers:
    """Acts on commands: timers, the clock, the speaker's volume, devices."""

    def __init__(self, timers: TimerBook, *, volume: SpeakerVolume | None = None,
                 devices: DeviceHandler | None = None,
                 now: Callable[[], dt.datetime] = dt.datetime.now):
        self.timers = timers
        self.volume = volume
        self.devices = devices
        self.now = now

    async def handle(self, command: Command, *, session: str | None = None) -> str:
        """Do what `command` asks; the sentence to say ("" says nothing, for "stop")."""
        name = command.intent
        if name in DEVICE_INTENTS:
            return await self.devices(command) if self.devices else NO_DEVICES
        if name in ("AppStop", "HassNevermind"):
            return ""
        if name == "AppCapabilities":
            return CAPABILITIES + (" I can also control your devices." if self.devices else "")
        if name == "AppVolume":
            return self._volume(command.slots)
        if name == "HassGetCurrentTime":
            return spoken_time(self.now())
        if name == "HassGetCurrentDate":
            return spoken_date(self.now())
        return self._timer(name, command.slots, session)

    def _volume(self, slots: dict) -> str:
        if self.volume is None:
            return "I play through your device here, so its own volume control sets how loud I am."
        if "volume" in slots:
            level = self.volume.set(float(slots["volume"]) / 100)
        else:
            level = self.volume.change(STEP if slots.get("direction") == "up" else -STEP)
        return "I'm muted." if level == 0 else f"Volume {round(level * 100)} percent."

    def _timer(self, intent: str, slots: dict, session: str | None) -> str:
        book = self.timers
        if intent == "HassStartTimer":
            seconds = _seconds(slots)
            if seconds <= 0:
                return "How long should the timer be?"
            timer = book.start(seconds, name=_name(slots), session=session)
            said = f"the {timer.name} timer" if timer.name else "a timer"
            return f"OK, {said} for {spoken_duration(seconds)}, starting now."
        if intent == "HassCancelAllTimers":
            every = book.all(session)
            for timer in every:
                book.cancel(timer)
            return "You have no timers." if not every else \
                f"Cancelled {_count(len(every))}."
        chosen, problem = self._choose(slots, session, want_one=intent != "HassTimerStatus")
        if problem:
            return problem
        if intent == "HassTimerStatus":
            said = " ".join(_status(t, book.remaining(t)) for t in chosen[:3])
            return said + (f" And {len(chosen) - 3} more." if len(chosen) > 3 else "")
        [timer] = chosen
        if intent == "HassCancelTimer":
            book.cancel(timer)
            return f"Cancelled the {timer.spoken_name()}."
        if intent == "HassPauseTimer":
            book.pause(timer)
            return f"Paused the {timer.spoken_name()}."
        if intent == "HassUnpauseTimer":
            timer = book.resume(timer)
            left = spoken_duration(book.remaining(timer))
            return f"Resumed the {timer.spoken_name()}, {left} left."
        if intent in ("HassIncreaseTimer", "HassDecreaseTimer"):
            change = _seconds(slots) * (1 if intent == "HassIncreaseTimer" else -1)
            timer = book.add(timer, change)
            left = spoken_duration(book.remaining(timer))
            return f"The {timer.spoken_name()} now has {left} left."
        return "I can't do that with timers."

    def _choose(self, slots: dict, place: str | None, *,
                want_one: bool) -> tuple[list[Timer], str]:
        """The timers of `place` a command means, or the question to ask instead."""
        timers = self.timers.all(place)
        if not timers:
            return [], "You have no timers."
        name = _name(slots)
        start = _seconds(slots, prefix="start_")
        if name:
            timers = self.timers.find(name, place=place)
        elif start:
            timers = [t for t in timers if abs(t.seconds - start) < 1]
        if not timers:
            return [], "I couldn't find that timer."
        if len(timers) > 1 and want_one:
            if len(timers) > 3:  # a long list is no help by ear
                return timers, (f"You have {_count(len(timers))}. Which one? For example, "
                                f"the {timers[0].spoken_name()}.")
            names = ", ".join(f"the {t.spoken_name()}" for t in timers[:-1])
            return timers, (f"You have {_count(len(timers))}: {names} and the "
                            f"{timers[-1].spoken_name()}. Which one?")
        return timers, ""


def _seconds(slots: dict, *, prefix: str = "") -> float:
    return sum(float(slots.get(f"{prefix}{unit}") or 0) * size
               for unit, size in (("hours", 3600), ("minutes", 60), ("seconds", 1)))


def _name(slots: dict) -> str | None:
    name = slots.get("name")
    return str(name).strip() if name else None


def _count(n: int) -> str:
    return "1 timer" if n == 1 else f"{n} timers"


def _status(timer: Timer, left: float) -> str:
    state = " (paused)" if timer.paused else ""
    return f"The {timer.spoken_name()} has {spoken_duration(left)} left{state}."

"""Timers ring where they were set, survive a restart, and say what they are."""

import asyncio
import json
import time

import pytest

from appliance.intents.commands import Command
from appliance.intents.handlers import CommandHandlers
from appliance.intents.timers import TimerBook, spoken_duration


class Clock:
    def __init__(self):
        self.now = 1_000_000.0

    def __call__(self):
        return self.now


def test_durations_are_said_as_people_say_them():
    assert spoken_duration(720) == "12 minutes"
    assert spoken_duration(5400) == "1 hour and 30 minutes"
    assert spoken_duration(61) == "1 minute and 1 second"
    assert spoken_duration(720, unit_form=True) == "12 minute"


async def test_a_timer_rings_in_the_place_that_set_it_and_nowhere_else(tmp_path):
    # The book's clock is the wall clock (time.time): a ring is timed against the same.
    book = TimerBook(tmp_path / "timers.json")
    kitchen, hall = [], []
    rang = asyncio.Event()

    def ring_in_the_kitchen(timer, sentence):
        kitchen.append((time.time(), sentence))
        rang.set()

    book.listen(ring_in_the_kitchen, session="kitchen")
    book.listen(lambda timer, sentence: hall.append(sentence), session="hall")
    await book.start_ringing()
    timer = book.start(1, session="kitchen")
    await asyncio.wait_for(rang.wait(), 1.5)
    [(rang_at, sentence)] = kitchen
    assert timer.ends_at <= rang_at <= timer.ends_at + 0.5  # not early, and not late
    assert sentence == "Your 1 second timer is done."
    assert hall == []
    assert book.all() == []  # rung timers are gone, from the file too
    assert json.loads((tmp_path / "timers.json").read_text()) == []
    await book.aclose()


async def test_pause_keeps_what_is_left_and_resume_counts_on(tmp_path):
    clock = Clock()
    book = TimerBook(tmp_path / "timers.json", clock=clock)
    timer = book.start(600, name="Pasta")
    clock.now += 100
    timer = book.pause(timer)
    clock.now += 1000  # paused: no time passes for it
    assert book.remaining(timer) == pytest.approx(500)
    timer = book.resume(timer)
    clock.now += 50
    assert book.remaining(timer) == pytest.approx(450)
    assert book.find("the pasta timer") == [timer]


async def test_running_timers_survive_a_restart_and_missed_ones_ring_when_the_place_returns(
        tmp_path):
    clock = Clock()
    path = tmp_path / "timers.json"
    before = TimerBook(path, clock=clock)
    before.start(60, name="eggs", session="kiosk")
    before.start(3600, session="kiosk")
    del before  # the process stops
    clock.now += 120  # and is off for two minutes
    after = TimerBook(path, clock=clock)
    [hour] = after.all()
    assert after.remaining(hour) == pytest.approx(3480)  # still counting on the wall clock
    heard = []
    after.listen(lambda timer, sentence: heard.append(sentence), session="kiosk")
    await asyncio.sleep(0)
    assert heard == ["Your eggs timer finished while I was off."]


def test_a_damaged_timers_file_is_kept_aside_and_does_not_stop_the_appliance(tmp_path):
    path = tmp_path / "timers.json"
    path.write_text("{not json")
    book = TimerBook(path)
    assert book.all() == []
    assert (tmp_path / "timers.json.broken").read_text() == "{not json"


async def test_the_timers_file_is_private(tmp_path):
    book = TimerBook(tmp_path / "timers.json")
    book.start(60)
    assert (tmp_path / "timers.json").stat().st_mode & 0o777 == 0o600


@pytest.fixture
def handlers(tmp_path):
    return CommandHandlers(TimerBook(tmp_path / "timers.json", clock=Clock()))


async def say(handlers, intent, **slots):
    return await handlers.handle(Command(intent, slots), session="kiosk")


async def test_timer_commands_do_what_they_say(handlers):
    assert await say(handlers, "HassTimerStatus") == "You have no timers."
    assert await say(handlers, "HassStartTimer", minutes=12) == \
        "OK, a timer for 12 minutes, starting now."
    assert await say(handlers, "HassStartTimer", minutes=3, name="pasta") == \
        "OK, the pasta timer for 3 minutes, starting now."
    status = await say(handlers, "HassTimerStatus")
    assert "pasta timer has 3 minutes left" in status and "12 minute timer has 12 minutes" in status
    # Two timers and no name: ask which, do nothing.
    assert "Which one?" in await say(handlers, "HassCancelTimer")
    assert len(handlers.timers.all()) == 2
    assert await say(handlers, "HassCancelTimer", name="pasta") == "Cancelled the pasta timer."
    assert await say(handlers, "HassIncreaseTimer", minutes=2) == \
        "The 14 minute timer now has 14 minutes left."
    assert await say(handlers, "HassPauseTimer") == "Paused the 14 minute timer."
    assert "paused" in await say(handlers, "HassTimerStatus")
    assert await say(handlers, "HassCancelAllTimers") == "Cancelled 1 timer."
    assert handlers.timers.all() == []


async def test_stop_says_nothing_and_devices_need_home_assistant(handlers):
    assert await say(handlers, "AppStop") == ""
    assert await say(handlers, "HassNevermind") == ""
    assert "no devices" in await say(handlers, "HassTurnOn", area="kitchen", domain="light")
    assert "timers" in await say(handlers, "AppCapabilities")


async def test_each_place_has_its_own_timers(handlers):
    hall = await handlers.handle(Command("HassStartTimer", {"minutes": 5}), session="hall")
    assert hall.startswith("OK")
    assert await say(handlers, "HassTimerStatus") == "You have no timers."  # the kiosk's
    assert await say(handlers, "HassStartTimer", minutes=1) == \
        "OK, a timer for 1 minute, starting now."
    assert await say(handlers, "HassCancelTimer") == "Cancelled the 1 minute timer."
    assert [t.seconds for t in handlers.timers.all()] == [300]  # the hall's is still running


async def test_a_long_list_of_timers_is_not_read_out(handlers):
    for minutes in (1, 2, 3, 4, 5):
        await say(handlers, "HassStartTimer", minutes=minutes)
    assert await say(handlers, "HassCancelTimer") == \
        "You have 5 timers. Which one? For example, the 1 minute timer."
    assert (await say(handlers, "HassTimerStatus")).endswith("And 2 more.")

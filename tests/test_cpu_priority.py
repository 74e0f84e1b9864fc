"""The voice's first audio gets the CPU: background work stops for it, and never for long."""

import threading
import time

import pytest

from appliance.providers.cpu_priority import CpuPriority

pytestmark = pytest.mark.unit


def _in_thread(work):
    """Run `work` on a thread; return (thread, list that receives its finish time)."""
    finished: list[float] = []
    thread = threading.Thread(target=lambda: (work(), finished.append(time.monotonic())))
    thread.start()
    return thread, finished


def test_background_work_waits_while_the_voice_is_synthesized():
    cpu = CpuPriority()
    with cpu.foreground():
        thread, finished = _in_thread(cpu.yield_to_foreground)
        time.sleep(0.15)
        assert not finished, "background work ran beside the first chunk"
        released = time.monotonic()
    thread.join(2)
    assert finished and finished[0] >= released


def test_a_voice_announced_before_its_tts_starts_holds_the_llm_until_its_audio_is_out():
    cpu = CpuPriority()
    announcement = cpu.announce_voice()
    thread, finished = _in_thread(lambda: cpu.wait_for_voice(announcement, claim_timeout_s=1.0))
    time.sleep(0.05)
    # Between the announcement and the TTS starting, nothing else may start either.
    other, other_finished = _in_thread(cpu.yield_to_foreground)
    time.sleep(0.05)
    with cpu.foreground():  # the TTS takes the announcement over
        time.sleep(0.15)
        assert not finished and not other_finished
        released = time.monotonic()
    thread.join(2)
    other.join(2)
    assert finished[0] >= released and other_finished[0] >= released
    # Taken over, the announcement counts once: the CPU is free again.
    started = time.monotonic()
    cpu.yield_to_foreground()
    assert time.monotonic() - started < 0.1


def test_an_announcement_nobody_takes_over_expires_quickly_and_leaves_nothing_behind():
    cpu = CpuPriority()
    started = time.monotonic()
    cpu.wait_for_voice(cpu.announce_voice(), claim_timeout_s=0.1)
    waited = time.monotonic() - started
    assert 0.09 <= waited < 0.5
    started = time.monotonic()
    cpu.yield_to_foreground()
    assert time.monotonic() - started < 0.1
    # A later TTS job is an ordinary foreground job, not a late claim.
    with cpu.foreground():
        thread, finished = _in_thread(cpu.yield_to_foreground)
        time.sleep(0.1)
        assert not finished
    thread.join(2)
    assert finished


def test_two_announcements_are_taken_over_one_by_one():
    cpu = CpuPriority()
    first_announcement = cpu.announce_voice()
    second_announcement = cpu.announce_voice()
    first, first_done = _in_thread(
        lambda: cpu.wait_for_voice(first_announcement, claim_timeout_s=1.0))
    second, second_done = _in_thread(
        lambda: cpu.wait_for_voice(second_announcement, claim_timeout_s=0.3))
    time.sleep(0.05)
    with cpu.foreground():  # takes the oldest over; the second expires unclaimed
        time.sleep(0.4)
        assert not first_done
    first.join(2)
    second.join(2)
    assert first_done and second_done
    started = time.monotonic()
    cpu.yield_to_foreground()
    assert time.monotonic() - started < 0.1

"""The kiosk's gate: asleep it passes no audio on; its phrase or a key opens it for a turn."""

import numpy as np
import pytest
from pipecat.frames.frames import (
    BotStartedSpeakingFrame,
    BotStoppedSpeakingFrame,
    InputAudioRawFrame,
    UserStartedSpeakingFrame,
    UserStoppedSpeakingFrame,
)
from pipecat.processors.frame_processor import FrameDirection

from appliance.apps.kiosk.wake_gate import WakeGate
from appliance.apps.kiosk.wake_word import PHRASES, WakeWordDetector

DOWN, UP = FrameDirection.DOWNSTREAM, FrameDirection.UPSTREAM
CHUNK = 320  # 20 ms at 16 kHz, as the microphone delivers it


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def _gate(detector=None, **kwargs):
    clock, changes, passed = Clock(), [], []
    gate = WakeGate(detector, listen_s=kwargs.get("listen_s", 8.0),
                    follow_up_s=kwargs.get("follow_up_s", 5.0), on_change=changes.append,
                    clock=clock)

    async def record(frame, direction=DOWN):
        passed.append(frame)

    gate.push_frame = record
    return gate, clock, changes, passed


async def _say(gate, samples: np.ndarray, clock=None) -> None:
    """Feed audio in 20 ms frames, 20 ms of the clock each."""
    for i in range(0, len(samples) - CHUNK + 1, CHUNK):
        frame = InputAudioRawFrame(audio=samples[i:i + CHUNK].tobytes(), sample_rate=16000,
                                   num_channels=1)
        if clock is not None:
            clock.now += 0.02
        await gate.process_frame(frame, DOWN)


def _audio_passed(passed) -> int:
    return sum(isinstance(f, InputAudioRawFrame) for f in passed)


@pytest.mark.unit
async def test_asleep_no_audio_goes_on_and_a_key_opens_it_for_one_turn():
    gate, clock, changes, passed = _gate()
    noise = (np.random.default_rng(1).standard_normal(16000) * 3000).astype(np.int16)
    await _say(gate, noise, clock)
    assert _audio_passed(passed) == 0 and not gate.awake

    gate.wake("key")
    assert changes == ["key"] and gate.awake
    await _say(gate, noise[:3200], clock)
    assert _audio_passed(passed) == 10
    # The user speaks, then the reply plays: awake throughout, whatever the time.
    await gate.process_frame(UserStartedSpeakingFrame(), UP)
    clock.now += 60
    await gate.process_frame(UserStoppedSpeakingFrame(), UP)
    await gate.process_frame(BotStartedSpeakingFrame(), UP)
    clock.now += 60
    assert gate.awake
    await gate.process_frame(BotStoppedSpeakingFrame(), UP)
    # The follow-up window: speech now needs no phrase …
    clock.now += 4.9
    assert gate.awake
    # … and after it the kiosk sleeps again, and says so once.
    clock.now += 0.2
    passed.clear()
    await _say(gate, noise[:3200], clock)
    assert _audio_passed(passed) == 0 and changes == ["key", "asleep"]


@pytest.mark.unit
async def test_woken_but_silent_it_falls_asleep_after_the_listening_window():
    gate, clock, changes, _passed = _gate(listen_s=3.0)
    gate.wake("key")
    clock.now += 2.9
    assert gate.awake
    clock.now += 0.2
    assert not gate.awake


@pytest.mark.unit
async def test_a_timer_ringing_while_asleep_does_not_open_the_microphone():
    gate, clock, changes, passed = _gate()
    await gate.process_frame(BotStartedSpeakingFrame(), UP)
    assert not gate.awake
    await gate.process_frame(BotStoppedSpeakingFrame(), UP)
    assert not gate.awake and changes == []
    # The frames themselves travel on: the rest of the pipeline needs them.
    assert [type(f) for f in passed] == [BotStartedSpeakingFrame, BotStoppedSpeakingFrame]


@pytest.mark.unit
def test_an_unknown_phrase_is_refused_naming_those_that_ship():
    with pytest.raises(ValueError, match="one of alexa, okay_nabu"):
        WakeWordDetector("hey_kitchen")
    assert set(PHRASES) == {"alexa", "okay_nabu", "hey_jarvis", "hey_mycroft"}


@pytest.mark.models
@pytest.mark.parametrize("voice", ["piper", "espeak"])
async def test_the_phrase_wakes_it_and_what_follows_goes_on(speak, espeak, voice):
    synthesize = speak if voice == "piper" else espeak
    gate, clock, changes, passed = _gate(WakeWordDetector("alexa"))
    # Talk that is not the phrase wakes nothing.
    await _say(gate, synthesize("What is the capital of France?"), clock)
    assert changes == [] and _audio_passed(passed) == 0
    pause = np.zeros(8000, np.int16)  # half a second: it hears the phrase ~0.2 s after it ends
    await _say(gate, np.concatenate([synthesize("Alexa."), pause]), clock)
    assert changes == ["wake word"]
    heard_after = _audio_passed(passed)
    question = synthesize("What is the capital of France?")
    await _say(gate, question, clock)
    # Everything said after the phrase went on to speech recognition.
    assert _audio_passed(passed) - heard_after == len(question) // CHUNK

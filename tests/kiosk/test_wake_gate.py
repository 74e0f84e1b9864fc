"""The kiosk's gate: asleep it passes no audio on; its phrase or a key opens it for a turn."""

import asyncio

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

from appliance.apps.kiosk.run import local_phrase_scorer
from appliance.apps.kiosk.wake_check import WakeCheck, spellings
from appliance.apps.kiosk.wake_gate import WakeGate
from appliance.apps.kiosk.wake_word import PHRASES, Hearing, WakeWordDetector

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


class ScriptedDetector:
    """Says MAYBE on its first frame and then nothing, or the phrase on a given frame."""

    phrase = "Okay Nabu"

    def __init__(self, sure_on_frame: int | None = None):
        self.frames, self._sure_on = 0, sure_on_frame

    def listen(self, pcm: bytes) -> Hearing:
        self.frames += 1
        if self.frames == self._sure_on:
            return Hearing.PHRASE
        return Hearing.MAYBE if self.frames == 1 else Hearing.NOTHING

    def heard(self, pcm: bytes) -> bool:
        return self.listen(pcm) is Hearing.PHRASE

    def reset(self) -> None:
        pass


class HeldCheck:
    """A wake check that answers when the test says so."""

    def __init__(self):
        self.answer: asyncio.Future = asyncio.get_running_loop().create_future()
        self.heard: list[bytes] = []

    async def confirms(self, pcm16: bytes) -> bool:
        self.heard.append(pcm16)
        return await self.answer


async def _frames(gate, count: int, clock) -> list[InputAudioRawFrame]:
    frames = [InputAudioRawFrame(audio=bytes([n % 256]) * (2 * CHUNK), sample_rate=16000,
                                 num_channels=1) for n in range(count)]
    for frame in frames:
        clock.now += 0.02
        await gate.process_frame(frame, DOWN)
        await asyncio.sleep(0)
    return frames


def _checked_gate(detector, check, **kwargs):
    gate, clock, changes, passed = _gate(detector, **kwargs)
    gate._check = check
    return gate, clock, changes, passed


@pytest.mark.unit
async def test_what_follows_an_unsure_take_waits_for_the_check_and_goes_on_whole_if_confirmed():
    check = HeldCheck()
    gate, clock, changes, passed = _checked_gate(ScriptedDetector(), check)
    take = await _frames(gate, 1, clock)  # the unsure take: checked on what was heard
    request = await _frames(gate, 6, clock)
    assert check.heard == [take[0].audio] and _audio_passed(passed) == 0 and changes == []
    check.answer.set_result(True)
    await asyncio.sleep(0)
    more = await _frames(gate, 2, clock)
    assert changes == ["wake word"] and gate.awake
    # Nothing said after the take is lost, and it goes on in order.
    assert [f for f in passed if isinstance(f, InputAudioRawFrame)] == request + more


@pytest.mark.unit
async def test_an_unsure_take_the_check_does_not_confirm_leaves_it_asleep():
    check = HeldCheck()
    gate, clock, changes, passed = _checked_gate(ScriptedDetector(), check)
    await _frames(gate, 4, clock)
    check.answer.set_result(False)
    await _frames(gate, 4, clock)
    assert changes == [] and not gate.awake and _audio_passed(passed) == 0


@pytest.mark.unit
async def test_a_check_that_fails_or_hangs_wakes_nothing():
    failing = HeldCheck()
    gate, clock, changes, passed = _checked_gate(ScriptedDetector(), failing)
    await _frames(gate, 2, clock)
    failing.answer.set_exception(RuntimeError("whisper worker gone"))
    await _frames(gate, 2, clock)
    assert changes == [] and _audio_passed(passed) == 0 and gate._checking is None

    hanging = HeldCheck()
    gate, clock, changes, passed = _checked_gate(ScriptedDetector(), hanging)
    await _frames(gate, 99, clock)
    assert gate._checking is not None  # still waiting, under 2 s of audio held
    await _frames(gate, 2, clock)
    assert gate._checking is None and changes == [] and _audio_passed(passed) == 0
    await asyncio.sleep(0)
    assert hanging.answer.cancelled()


@pytest.mark.unit
async def test_the_phrase_heard_surely_during_a_check_wakes_it_at_once():
    check = HeldCheck()
    gate, clock, changes, passed = _checked_gate(ScriptedDetector(sure_on_frame=4), check)
    frames = await _frames(gate, 6, clock)
    assert changes == ["wake word"] and check.answer.cancelled()  # the check is dropped
    assert [f for f in passed if isinstance(f, InputAudioRawFrame)] == frames[1:]


@pytest.mark.unit
def test_the_phrase_is_checked_in_the_spellings_whisper_writes():
    assert spellings("Okay Nabu") == ["Okay Nabu.", "Okay, Nabu.", "OK, Nabu."]
    assert spellings("Alexa") == ["Alexa."]


@pytest.mark.models
async def test_a_voice_the_model_is_unsure_of_wakes_it_once_whisper_confirms(engines, espeak):
    """espeak's en-us+f3 voice: the "Okay Nabu" model gives it ~0.7, under its 0.85."""
    scorer = local_phrase_scorer(engines)
    assert scorer is not None
    take = np.concatenate([espeak("Okay Nabu.", "en-us+f3"), np.zeros(8000, np.int16)])
    question = espeak("What time is it?", "en-us+f3")

    unchecked, clock, changes, passed = _gate(WakeWordDetector("okay_nabu"))
    await _say(unchecked, take, clock)
    assert changes == [], "the model alone heard this voice surely: the test proves nothing"

    detector = WakeWordDetector("okay_nabu", unsure_from=0.1)
    gate, clock, changes, passed = _checked_gate(detector, WakeCheck(scorer, detector.phrase))
    await _say(gate, take, clock)
    for _ in range(100):  # the check runs on Whisper's worker thread
        if gate._checking is None or gate._checking.done():
            break
        await asyncio.sleep(0.02)
    await _say(gate, question, clock)
    assert changes == ["wake word"]
    # The question said after the phrase all went on (what the check held included).
    assert _audio_passed(passed) >= len(question) // CHUNK


@pytest.mark.models
@pytest.mark.parametrize("voice", ["en-us", "en-gb"])
async def test_other_talk_the_model_is_unsure_of_is_not_confirmed(engines, espeak, voice):
    """ "What is that verb?" reads as a weak "Okay Nabu" to the model; Whisper says no."""
    detector = WakeWordDetector("okay_nabu", unsure_from=0.1)
    check = WakeCheck(local_phrase_scorer(engines), detector.phrase)
    gate, clock, changes, passed = _checked_gate(detector, check)
    said = np.concatenate([espeak("What is that verb?", voice), np.zeros(16000, np.int16)])
    await _say(gate, said, clock)
    for _ in range(100):
        if gate._checking is None:
            break
        await _say(gate, np.zeros(CHUNK * 5, np.int16), clock)
        await asyncio.sleep(0.02)
    assert changes == [] and _audio_passed(passed) == 0

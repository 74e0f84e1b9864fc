"""A request the user goes on with after the turn was taken: heard again whole, answered once."""

import time

import pytest
from pipecat.frames.frames import (
    BotStartedSpeakingFrame,
    InputAudioRawFrame,
    TranscriptionFrame,
    UserStoppedSpeakingFrame,
    VADUserStartedSpeakingFrame,
    VADUserStoppedSpeakingFrame,
)
from pipecat.processors.aggregators.llm_context import LLMContext
from pipecat.tests.utils import SleepFrame, run_test

from appliance.stt import FakeSpeechToText, ProviderSTTService
from appliance.turns.resumed import (
    ResumedTranscriptionFrame,
    ResumedTurnEditor,
    drop_last_user_turn,
)

pytestmark = pytest.mark.unit

FIRST = b"\x10\x01" * 320  # 20 ms of one sound: the fragment
LATER = b"\x20\x02" * 320  # 20 ms of another: what the user went on with


def _speech(chunk: bytes, *, began: float, seconds: float = 0.4) -> list:
    """Speech that began at `began` (wall clock) and lasted `seconds`, as the VAD reports it."""
    frames = int(seconds / 0.02)
    return [VADUserStartedSpeakingFrame(start_secs=0.15, timestamp=began + 0.15),
            *[InputAudioRawFrame(chunk, 16000, 1) for _ in range(frames)],
            VADUserStoppedSpeakingFrame(stop_secs=0.2, timestamp=began + seconds + 0.2),
            SleepFrame(0.1)]


async def _hear(gap_s: float, *, turn_ended=True, reply_heard_s: float | None = None,
                resume_within_s: float = 1.5):
    """A fragment, the turn ending (or not), maybe its reply, then more speech after `gap_s`."""
    now = time.time()
    frames = _speech(FIRST, began=now)
    if turn_ended:
        frames.append(UserStoppedSpeakingFrame())
    if reply_heard_s is not None:
        # The reply starts as the frames are sent; the speech after it is dated from then.
        frames.append(BotStartedSpeakingFrame())
        now = time.time() - 0.4 + reply_heard_s - gap_s
    frames += _speech(LATER, began=now + 0.4 + gap_s)
    provider = FakeSpeechToText(["Set a timer for it.", "Set a timer for ten minutes."])
    stt = ProviderSTTService(provider, resume_within_s=resume_within_s)
    down, _ = await run_test(stt, frames_to_send=frames)
    return provider.received, [f for f in down if isinstance(f, TranscriptionFrame)]


async def test_speech_soon_after_a_finished_turn_is_heard_together_with_it():
    received, transcripts = await _hear(0.8)
    # The second transcription heard the fragment first, then what followed.
    assert FIRST * 20 in received[1] and received[1].index(FIRST) < received[1].index(LATER)
    assert [type(t) for t in transcripts] == [TranscriptionFrame, ResumedTranscriptionFrame]
    assert transcripts[1].text == "Set a timer for ten minutes."


async def test_a_reply_barely_begun_still_lets_the_request_go_on():
    _, transcripts = await _hear(0.8, reply_heard_s=0.3)
    assert isinstance(transcripts[1], ResumedTranscriptionFrame)


@pytest.mark.parametrize("case", ["long after", "into the reply", "same turn", "switched off"])
async def test_other_speech_is_a_turn_of_its_own(case):
    """Too long after, over a reply already heard ("stop"), within one open turn, or off."""
    received, transcripts = await _hear(
        2.5 if case == "long after" else 0.8,
        turn_ended=case != "same turn",
        reply_heard_s=1.5 if case == "into the reply" else None,
        resume_within_s=0.0 if case == "switched off" else 1.5)
    assert FIRST not in received[1]
    assert not any(isinstance(t, ResumedTranscriptionFrame) for t in transcripts)


def _context() -> LLMContext:
    return LLMContext(messages=[
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": "What time is it?"},
        {"role": "assistant", "content": "It is noon."},
        {"role": "user", "content": "Set a timer for it."},
        {"role": "assistant", "content": "I can set"},
    ])


def test_the_resumed_turn_and_its_begun_reply_leave_the_context():
    context = _context()
    assert drop_last_user_turn(context) == 2
    assert [m["content"] for m in context.get_messages()] == [
        "Be brief.", "What time is it?", "It is noon."]
    assert drop_last_user_turn(LLMContext()) == 0


async def test_the_editor_drops_the_first_part_before_the_whole_request_goes_on():
    context = _context()
    whole = ResumedTranscriptionFrame("Set a timer for ten minutes.", "", "")
    plain = TranscriptionFrame("And the lights.", "", "")
    down, _ = await run_test(ResumedTurnEditor(context), frames_to_send=[plain])
    assert len(context.get_messages()) == 5  # an ordinary transcript edits nothing
    down, _ = await run_test(ResumedTurnEditor(context), frames_to_send=[whole])
    assert [f for f in down if isinstance(f, TranscriptionFrame)] == [whole]
    assert context.get_messages()[-1]["content"] == "It is noon."

import pytest
from pipecat.frames.frames import (
    BotStartedSpeakingFrame,
    BotStoppedSpeakingFrame,
    InterruptionFrame,
    LLMFullResponseEndFrame,
    LLMFullResponseStartFrame,
    LLMMessagesAppendFrame,
    LLMTextFrame,
    TranscriptionFrame,
    TTSAudioRawFrame,
    TTSStartedFrame,
    UserStoppedSpeakingFrame,
    VADUserStartedSpeakingFrame,
    VADUserStoppedSpeakingFrame,
)
from pipecat.observers.base_observer import FramePushed
from pipecat.processors.frame_processor import FrameDirection

from appliance.turns import TurnTimelineObserver
from appliance.turns.resumed import ResumedTranscriptionFrame

pytestmark = pytest.mark.unit
MS = 1_000_000


async def push(observer, frame, at_ms):
    await observer.on_push_frame(
        FramePushed(None, None, frame, FrameDirection.DOWNSTREAM, int(at_ms * MS))
    )


async def answered_turn(observer, t0=0):
    await push(observer, VADUserStartedSpeakingFrame(), t0 + 0)
    await push(observer, VADUserStoppedSpeakingFrame(stop_secs=0.2), t0 + 1200)
    await push(observer, TranscriptionFrame("what is the time", "", ""), t0 + 1500)
    await push(observer, UserStoppedSpeakingFrame(), t0 + 1550)
    await push(observer, LLMFullResponseStartFrame(), t0 + 1560)
    await push(observer, LLMTextFrame("It is noon."), t0 + 1700)
    await push(observer, TTSStartedFrame(), t0 + 1710)
    await push(observer, TTSAudioRawFrame(b"\0\0", 16000, 1), t0 + 1900)
    await push(observer, BotStartedSpeakingFrame(), t0 + 1950)
    await push(observer, LLMFullResponseEndFrame(), t0 + 1960)


async def test_stage_timings_are_measured_from_end_of_speech():
    events = []
    observer = TurnTimelineObserver(on_event=lambda kind, turn: events.append(kind))
    await answered_turn(observer)
    await push(observer, BotStoppedSpeakingFrame(), 3000)
    [turn] = observer.turns
    assert turn.transcript == "what is the time" and turn.reply == "It is noon."
    assert turn.timings_ms() == {
        "eot": 550.0,  # speech really ended at 1000 ms (VAD waited 200 ms of silence)
        "stt": 300.0,
        "llm_ttft": 140.0,
        "tts_ttfb": 190.0,
        "voice_to_voice": 950.0,
    }
    assert events == ["transcript", "reply", "turn"]  # the reply is written before it ends


async def test_a_typed_message_is_a_turn_that_ends_when_it_is_sent():
    events = []
    observer = TurnTimelineObserver(listeners=[lambda kind, turn: events.append((kind, turn))])
    await push(observer, LLMMessagesAppendFrame(
        messages=[{"role": "user", "content": "What time is it?"}], run_llm=True), 1000)
    await push(observer, LLMFullResponseStartFrame(), 1010)
    await push(observer, LLMTextFrame("It is noon."), 1100)
    await push(observer, TTSStartedFrame(), 1110)
    await push(observer, TTSAudioRawFrame(b"\0\0", 16000, 1), 1250)
    await push(observer, BotStartedSpeakingFrame(), 1260)
    await push(observer, LLMFullResponseEndFrame(), 1270)
    await push(observer, BotStoppedSpeakingFrame(), 2000)
    [turn] = observer.turns
    assert turn.source == "text" and turn.transcript == "What time is it?"
    assert turn.timings_ms()["voice_to_voice"] == 260.0 and turn.timings_ms()["stt"] is None
    assert [kind for kind, _ in events] == ["transcript", "reply", "turn"]
    assert turn.epoch_offset_ns > 0  # clock times can be turned into wall-clock times


async def test_barge_in_closes_the_turn_as_interrupted_and_opens_the_next():
    observer = TurnTimelineObserver()
    await answered_turn(observer)
    await push(observer, VADUserStartedSpeakingFrame(), 2500)
    await push(observer, InterruptionFrame(), 2700)
    [turn] = observer.turns
    assert turn.interrupted
    assert observer.current.speech_started_ns == 2500 * MS


async def test_a_request_heard_again_whole_is_marked_resumed_and_the_cut_one_is_not():
    observer = TurnTimelineObserver()
    await answered_turn(observer)  # taken at a pause, its reply begun
    await push(observer, VADUserStartedSpeakingFrame(), 2100)
    await push(observer, InterruptionFrame(), 2150)
    await push(observer, VADUserStoppedSpeakingFrame(stop_secs=0.2), 2900)
    await push(observer, ResumedTranscriptionFrame("what is the time in Tokyo", "", ""), 3000)
    [cut] = observer.turns
    assert cut.interrupted and not cut.resumed
    assert observer.current.resumed
    assert observer.current.transcript == "what is the time in Tokyo"


async def test_the_same_frame_seen_by_several_processors_counts_once():
    observer = TurnTimelineObserver()
    await push(observer, VADUserStartedSpeakingFrame(), 0)
    frame = VADUserStoppedSpeakingFrame(stop_secs=0.2)
    await push(observer, frame, 1000)
    await push(observer, frame, 1400)
    assert observer.current.vad_stopped_ns == 1000 * MS


@pytest.mark.parametrize("reply", ["", "...", " . . "])
async def test_a_reply_with_nothing_to_voice_still_ends_its_turn(reply):
    """No audio will play, so no BotStopped will come: the client still gets its turn."""
    events = []
    observer = TurnTimelineObserver(on_event=lambda kind, turn: events.append(kind))
    await push(observer, VADUserStartedSpeakingFrame(), 0)
    await push(observer, VADUserStoppedSpeakingFrame(stop_secs=0.2), 1200)
    await push(observer, TranscriptionFrame("double that", "", ""), 1500)
    await push(observer, UserStoppedSpeakingFrame(), 1550)
    await push(observer, LLMFullResponseStartFrame(), 1560)
    if reply:
        await push(observer, LLMTextFrame(reply), 1700)
    await push(observer, LLMFullResponseEndFrame(), 1960)
    assert events[-1] == "turn" and observer.current is None
    [turn] = observer.turns
    assert turn.transcript == "double that"

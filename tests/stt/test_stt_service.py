import time

import numpy as np
import pytest
from pipecat.frames.frames import (
    InputAudioRawFrame,
    TranscriptionFrame,
    VADUserStartedSpeakingFrame,
    VADUserStoppedSpeakingFrame,
)
from pipecat.pipeline.pipeline import Pipeline
from pipecat.processors.frame_processor import FrameProcessor
from pipecat.tests.utils import SleepFrame, run_test

from appliance.stt import FakeSpeechToText, ProviderSTTService, Transcript

pytestmark = pytest.mark.unit


def utterance(seconds=0.5):
    frame = bytes(int(16000 * 0.02) * 2)
    return [
        VADUserStartedSpeakingFrame(),
        *[InputAudioRawFrame(frame, 16000, 1) for _ in range(int(seconds / 0.02))],
        VADUserStoppedSpeakingFrame(),
        SleepFrame(0.2),
    ]


async def test_segment_becomes_one_transcript_with_confidence_attached():
    provider = FakeSpeechToText(["what time is it"])
    down, _ = await run_test(ProviderSTTService(provider), frames_to_send=utterance())
    transcripts = [f for f in down if isinstance(f, TranscriptionFrame)]
    assert [t.text for t in transcripts] == ["what time is it"]
    assert isinstance(transcripts[0].result, Transcript)
    # The whole utterance (plus trailing padding) reached the provider as raw PCM.
    assert len(provider.received[0]) >= 16000 * 0.5 * 2


@pytest.mark.parametrize("heard", ["", ". . . .", "...", " ? "])
async def test_segment_without_words_yields_no_transcript(heard):
    """Whisper writes dots for noise: a transcript with no letter or digit is no turn."""
    down, _ = await run_test(ProviderSTTService(FakeSpeechToText([heard])),
                             frames_to_send=utterance())
    assert not [f for f in down if isinstance(f, TranscriptionFrame)]


class _EnergyVad(FrameProcessor):
    """Stands in for Silero: loud frames are speech, anything softer is a pause.

    Like Silero with a final "s", a soft hiss does not end the pause.
    """

    def __init__(self):
        super().__init__()
        self.pause_serial, self.quiet_s = 0, 0.0
        self.stopped_at: float | None = None
        self.listeners = []

    def add_pause_listener(self, listener):
        self.listeners.append(listener)

    async def process_frame(self, frame, direction):
        await super().process_frame(frame, direction)
        if isinstance(frame, VADUserStoppedSpeakingFrame):
            self.stopped_at = time.monotonic()
        if isinstance(frame, InputAudioRawFrame):
            level = np.sqrt(np.mean(np.frombuffer(frame.audio, np.int16).astype(float) ** 2))
            if level > 2000:
                self.quiet_s = 0.0
            else:
                began = self.quiet_s == 0.0
                self.pause_serial += began
                self.quiet_s += 0.02
                for listener in self.listeners if began else ():
                    listener()
        await self.push_frame(frame, direction)


class _TimedFake(FakeSpeechToText):
    def __init__(self, texts):
        super().__init__(texts)
        self.called_at: list[float] = []

    async def transcribe(self, pcm16, sample_rate_hz):
        self.called_at.append(time.monotonic())
        return await super().transcribe(pcm16, sample_rate_hz)


def _frames(level: float, seconds: float, rng) -> list[InputAudioRawFrame]:
    count = int(seconds / 0.02)
    return [InputAudioRawFrame(rng.normal(0, level, 320).astype(np.int16).tobytes(), 16000, 1)
            for _ in range(count)]


async def test_a_soft_final_sound_in_the_pause_gets_a_new_guess_before_speech_ends():
    """ "Turn on the light|s": the guess taken at the pause missed the "s"; a second guess
    with it starts as soon as it fades, and the end of speech uses that one."""
    rng = np.random.default_rng(4)
    vad = _EnergyVad()
    provider = _TimedFake(["Turn on the light.", "Turn on the lights."])
    stt = ProviderSTTService(provider, pauses=vad, speculate_after_s=0.032)
    frames = [VADUserStartedSpeakingFrame(), *_frames(6000, 0.6, rng), *_frames(30, 0.06, rng),
              *_frames(900, 0.08, rng), *_frames(30, 0.2, rng)]
    sent = [frame for f in frames for frame in (f, SleepFrame(0.005))]
    down, _ = await run_test(Pipeline([vad, stt]), frames_to_send=[
        *sent, VADUserStoppedSpeakingFrame(), SleepFrame(0.2)])
    assert [f.text for f in down if isinstance(f, TranscriptionFrame)] == ["Turn on the lights."]
    # Two guesses, the second with the hiss and started before speech was declared
    # over; none more after.
    assert len(provider.received) == 2
    assert len(provider.received[1]) > len(provider.received[0]) + 0.1 * 16000 * 2
    assert provider.called_at[1] < vad.stopped_at

"""The speculative guess with the real Silero VAD where the pipeline has it: after the STT."""

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

from appliance.stt import FakeSpeechToText, ProviderSTTService
from appliance.turns.detection import make_vad_analyzer

pytestmark = pytest.mark.models


class _VadAfterStt(FrameProcessor):
    """Runs the VAD on each audio frame after the STT has buffered it, as the user
    aggregator does, and notes how much audio had passed when each pause began."""

    def __init__(self, vad):
        super().__init__()
        self.vad = vad
        self.fed = bytearray()
        self.pauses_at: list[int] = []

    async def process_frame(self, frame, direction):
        await super().process_frame(frame, direction)
        if isinstance(frame, InputAudioRawFrame):
            self.fed += frame.audio
            serial = self.vad.pause_serial
            await self.vad.analyze_audio(frame.audio)
            if self.vad.pause_serial != serial:
                self.pauses_at.append(len(self.fed))
        await self.push_frame(frame, direction)


async def test_the_guess_starts_on_the_audio_frame_where_the_vad_hears_the_pause(
        engines, settings, speak):
    """Not one frame later: the STT would otherwise learn of the pause with the next
    frame, and every answer would start 20 ms later."""
    vad = make_vad_analyzer(settings.turns, engines.vad_model_path)
    vad.set_sample_rate(16000)
    after = _VadAfterStt(vad)
    # Piper's voice varies run to run; a pause may be heard mid-sentence too.
    provider = FakeSpeechToText(["Turn on the kitchen lights."] * 5)
    stt = ProviderSTTService(provider, pauses=vad,
                             speculate_after_s=settings.turns.speculate_after_s)
    samples = np.concatenate([speak("Turn on the kitchen lights.", lead_s=0.1),
                              np.zeros(16000 * 3 // 10, np.int16)])
    frames = [InputAudioRawFrame(samples[i:i + 320].tobytes(), 16000, 1)
              for i in range(0, len(samples) - 319, 320)]
    sent = [item for f in frames for item in (f, SleepFrame(0.01))]
    down, _ = await run_test(Pipeline([stt, after]), frames_to_send=[
        VADUserStartedSpeakingFrame(), *sent, VADUserStoppedSpeakingFrame(), SleepFrame(0.2)])

    assert [f.text for f in down if isinstance(f, TranscriptionFrame)] == [
        "Turn on the kitchen lights."]
    # The last guess, taken at the last pause, was handed over: no call after it.
    assert len(provider.received) == len(after.pauses_at)
    guess = provider.received[-1]
    heard = guess[:len(guess) - len(stt._trailing_silence())]
    end = after.pauses_at[-1]
    late_by_ms = (len(heard) - end) / 32
    assert late_by_ms <= 0, f"the guess heard {late_by_ms:.0f} ms of audio past the pause"
    assert heard == bytes(after.fed[end - len(heard):end])

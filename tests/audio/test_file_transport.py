"""The virtual microphone and speaker keep real time, as a sound card would."""

import asyncio
import time

import numpy as np
import pytest
from pipecat.frames.frames import InputAudioRawFrame, OutputAudioRawFrame
from pipecat.pipeline.pipeline import Pipeline
from pipecat.pipeline.worker import PipelineParams, PipelineWorker
from pipecat.processors.frame_processor import FrameDirection, FrameProcessor
from pipecat.workers.runner import WorkerRunner

from appliance.audio.file_transport import FileTransport
from tests.support.waiting_for import wait_for

pytestmark = pytest.mark.unit


class Counter(FrameProcessor):
    def __init__(self):
        super().__init__()
        self.audio_frames = 0

    async def process_frame(self, frame, direction: FrameDirection):
        await super().process_frame(frame, direction)
        if isinstance(frame, InputAudioRawFrame):
            self.audio_frames += 1
        await self.push_frame(frame, direction)


async def test_input_is_fed_at_wall_clock_pace_and_output_plays_in_real_time():
    transport = FileTransport(output_sample_rate_hz=16000)
    counter = Counter()
    worker = PipelineWorker(
        Pipeline([transport.input(), counter, transport.output()]),
        params=PipelineParams(audio_in_sample_rate=16000, audio_out_sample_rate=16000),
        enable_rtvi=False,
    )
    runner = WorkerRunner(handle_sigint=False, check_dangling_tasks=False)
    await runner.add_workers(worker)
    run = asyncio.ensure_future(runner.run())
    try:
        started = time.monotonic()
        transport.input().enqueue(np.ones(8000, dtype=np.int16))  # 0.5 s
        await transport.input().utterance_fed.wait()
        fed_after = time.monotonic() - started
        frames_when_fed = counter.audio_frames
        await worker.queue_frame(OutputAudioRawFrame(bytes(16000), 16000, 1))  # 0.5 s
        log = transport.output().log
        await wait_for(lambda: log.duration_s >= 0.5, 0.8, "the 0.5 s to be played")
    finally:
        await worker.cancel()
        await run

    assert 0.4 <= fed_after <= 0.8, f"0.5 s of audio was fed in {fed_after:.2f} s"
    assert counter.audio_frames >= 25  # 20 ms frames
    assert counter.audio_frames > frames_when_fed  # silence keeps flowing after the utterance
    played_over = log.writes[-1][0] - log.writes[0][0]
    assert 0.35 <= played_over <= 0.7, f"0.5 s of audio was played over {played_over:.2f} s"

"""A virtual microphone and speaker: recorded audio in at wall-clock pace, reply audio recorded.

`converse`, the benchmark and the tests drive the same pipeline as the kiosk
through this transport. Input is fed in 20 ms frames on a real-time schedule
(then silence, as a quiet room would give), and output is "played" at real time,
so end-of-turn, latency and barge-in behave as they would with a sound card.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

import numpy as np
from pipecat.frames.frames import InputAudioRawFrame, OutputAudioRawFrame, StartFrame
from pipecat.processors.frame_processor import FrameProcessor
from pipecat.transports.base_input import BaseInputTransport
from pipecat.transports.base_output import BaseOutputTransport
from pipecat.transports.base_transport import BaseTransport, TransportParams

FRAME_MS = 20


@dataclass
class PlaybackLog:
    """What the virtual speaker played, and when (time.monotonic seconds)."""

    audio: bytearray = field(default_factory=bytearray)
    sample_rate_hz: int = 0
    first_sample_at: float | None = None
    last_write_at: float | None = None
    writes: list[tuple[float, int]] = field(default_factory=list)

    @property
    def duration_s(self) -> float:
        """Seconds of audio played."""
        return len(self.audio) / 2 / self.sample_rate_hz if self.sample_rate_hz else 0.0


class PacedInputTransport(BaseInputTransport):
    """Feeds queued utterances at real-time pace, with silence in between and after."""

    def __init__(self, params: TransportParams, *, sample_rate_hz: int = 16000):
        super().__init__(params)
        self._rate = sample_rate_hz
        self._frame_samples = sample_rate_hz * FRAME_MS // 1000
        self._pending: asyncio.Queue[np.ndarray] = asyncio.Queue()
        self._feeder: asyncio.Task | None = None
        self.utterance_fed = asyncio.Event()
        self.fed_seconds = 0.0
        # When each queued utterance began to be fed (time.monotonic seconds).
        self.utterance_starts: list[float] = []

    def enqueue(self, samples: np.ndarray) -> None:
        """Queue int16 mono samples to be 'spoken' next."""
        self._pending.put_nowait(np.asarray(samples, dtype=np.int16))

    async def start(self, frame: StartFrame):
        """Start feeding once the pipeline is ready."""
        await super().start(frame)
        await self.set_transport_ready(frame)
        self._feeder = self.create_task(self._feed(), name="paced-input")

    async def stop(self, frame):
        """Stop feeding."""
        await self._stop_feeder()
        await super().stop(frame)

    async def cancel(self, frame):
        """Stop feeding at once."""
        await self._stop_feeder()
        await super().cancel(frame)

    async def _stop_feeder(self) -> None:
        if self._feeder:
            await self.cancel_task(self._feeder)
            self._feeder = None

    async def _feed(self) -> None:
        silence = np.zeros(self._frame_samples, dtype=np.int16)
        current = np.zeros(0, dtype=np.int16)
        frame_s = FRAME_MS / 1000
        deadline = time.monotonic()
        while True:
            if current.size == 0 and not self._pending.empty():
                current = self._pending.get_nowait()
                self.utterance_fed.clear()
                self.utterance_starts.append(time.monotonic())
            if current.size:
                chunk, current = current[: self._frame_samples], current[self._frame_samples :]
                if chunk.size < self._frame_samples:
                    chunk = np.concatenate([chunk, silence[chunk.size :]])
                if current.size == 0 and self._pending.empty():
                    self.utterance_fed.set()
            else:
                chunk = silence
            await self.push_audio_frame(
                InputAudioRawFrame(audio=chunk.tobytes(), sample_rate=self._rate, num_channels=1)
            )
            self.fed_seconds += frame_s
            deadline += frame_s
            await asyncio.sleep(max(0.0, deadline - time.monotonic()))


class RecordingOutputTransport(BaseOutputTransport):
    """'Plays' audio in real time, as a speaker would, and keeps a copy."""

    def __init__(self, params: TransportParams):
        super().__init__(params)
        self.log = PlaybackLog()
        self._play_until = 0.0

    async def start(self, frame: StartFrame):
        """Ready at once: there is no device to open."""
        await super().start(frame)
        self.log.sample_rate_hz = self.sample_rate
        await self.set_transport_ready(frame)

    async def write_audio_frame(self, frame: OutputAudioRawFrame) -> bool:
        """Hold the writer for the chunk's duration, like a sound card's buffer."""
        now = time.monotonic()
        if self.log.first_sample_at is None:
            self.log.first_sample_at = now
        self.log.audio += frame.audio
        self.log.writes.append((now, len(frame.audio)))
        self.log.last_write_at = now
        duration = len(frame.audio) / 2 / frame.sample_rate
        self._play_until = max(self._play_until, now) + duration
        # Keep at most one chunk queued ahead of playback, as a low-latency device does.
        await asyncio.sleep(max(0.0, self._play_until - duration - time.monotonic()))
        return True


class FileTransport(BaseTransport):
    """A paced virtual microphone and a recording virtual speaker."""

    def __init__(self, *, output_sample_rate_hz: int):
        super().__init__()
        params = TransportParams(
            audio_in_enabled=True,
            audio_in_sample_rate=16000,
            audio_out_enabled=True,
            audio_out_sample_rate=output_sample_rate_hz,
            audio_out_end_silence_secs=0,
            # 20 ms output chunks: an interruption cuts playback at most this late.
            audio_out_10ms_chunks=2,
        )
        self._input = PacedInputTransport(params)
        self._output = RecordingOutputTransport(params)

    def input(self) -> PacedInputTransport:
        """The virtual microphone."""
        return self._input

    def output(self) -> RecordingOutputTransport:
        """The virtual speaker."""
        return self._output

    @property
    def processors(self) -> tuple[FrameProcessor, FrameProcessor]:
        """Input and output, for wiring."""
        return self._input, self._output

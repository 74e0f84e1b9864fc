"""`appliance satellite`: a Wyoming satellite's room as the appliance's microphone and speaker.

A satellite (the `wyoming-satellite` project: a small box with a microphone and a
speaker) is a Wyoming server that waits for its controller, normally Home
Assistant, to connect and send `run-satellite`; it then streams its microphone as
`audio-chunk` events and plays the `audio-start`/`audio-chunk`/`audio-stop` it is
sent. Here the appliance is that controller: the satellite's audio feeds the same
conversation pipeline as the kiosk (VAD, end of turn, commands, LLM, voice), the
replies play in that room, and the transcript goes back as a `transcript` event
(the satellite uses it to reset its lights).
"""

from __future__ import annotations

import asyncio
import contextlib
import time

from loguru import logger
from pipecat.frames.frames import (
    BotStoppedSpeakingFrame,
    CancelFrame,
    EndFrame,
    Frame,
    InputAudioRawFrame,
    InterruptionFrame,
    OutputAudioRawFrame,
    StartFrame,
)
from pipecat.processors.frame_processor import FrameDirection
from pipecat.transports.base_input import BaseInputTransport
from pipecat.transports.base_output import BaseOutputTransport
from pipecat.transports.base_transport import BaseTransport, TransportParams
from wyoming.asr import Transcript
from wyoming.audio import AudioChunk, AudioChunkConverter, AudioStart, AudioStop
from wyoming.client import AsyncClient
from wyoming.satellite import RunSatellite

from appliance.config import Settings

RATE_HZ, WIDTH, CHANNELS = 16000, 2, 1


class SatelliteLink:
    """The connection to one satellite, shared by the transport's two halves."""

    def __init__(self, uri: str):
        self.uri = uri
        self.client = AsyncClient.from_uri(uri)
        self.lock = asyncio.Lock()  # events are written whole, one at a time

    async def send(self, event) -> None:
        """Write one event; a lost satellite is logged, the pipeline goes on."""
        async with self.lock:
            try:
                await self.client.write_event(event.event())
            except (ConnectionError, OSError) as e:
                logger.warning(f"satellite {self.uri}: could not send {event.event().type}: {e}")


class SatelliteInputTransport(BaseInputTransport):
    """The satellite's microphone: its `audio-chunk` events, at 16 kHz mono."""

    def __init__(self, link: SatelliteLink, params: TransportParams):
        super().__init__(params)
        self._link = link
        self._reader: asyncio.Task | None = None
        self._convert = AudioChunkConverter(rate=RATE_HZ, width=WIDTH, channels=CHANNELS)

    async def start(self, frame: StartFrame):
        """Ask the satellite to stream, and read what it sends."""
        await super().start(frame)
        await self.set_transport_ready(frame)
        await self._link.send(RunSatellite())
        self._reader = self.create_task(self._read(), "satellite-microphone")

    async def _read(self) -> None:
        while True:
            event = await self._link.client.read_event()
            if event is None:
                logger.warning(f"satellite {self._link.uri} disconnected")
                await self.push_error("the satellite disconnected", fatal=True)
                return
            if AudioChunk.is_type(event.type):
                chunk = self._convert.convert(AudioChunk.from_event(event))
                await self.push_audio_frame(InputAudioRawFrame(
                    audio=chunk.audio, sample_rate=RATE_HZ, num_channels=CHANNELS))

    async def stop(self, frame: EndFrame):
        """Stop reading."""
        await super().stop(frame)
        await self._stop_reading()

    async def cancel(self, frame: CancelFrame):
        """Stop reading at once."""
        await super().cancel(frame)
        await self._stop_reading()

    async def _stop_reading(self) -> None:
        if self._reader is not None:
            await self.cancel_task(self._reader)
            self._reader = None


class SatelliteOutputTransport(BaseOutputTransport):
    """The satellite's speaker: each reply one audio stream, paced as it would play."""

    def __init__(self, link: SatelliteLink, params: TransportParams):
        super().__init__(params)
        self._link = link
        self._playing = False
        self._next_send = 0.0

    async def start(self, frame: StartFrame):
        """Ready to play."""
        await super().start(frame)
        await self.set_transport_ready(frame)

    async def write_audio_frame(self, frame: OutputAudioRawFrame) -> bool:
        """Send one chunk, starting the stream first; sleep as long as it plays.

        Pacing keeps the pipeline's idea of "still speaking" true, so barge-in and the
        reply's end are seen when the room hears them, as pipecat's network
        transports do.
        """
        if not self._playing:
            await self._link.send(AudioStart(rate=self.sample_rate, width=WIDTH,
                                             channels=CHANNELS))
            self._playing = True
            self._next_send = time.monotonic()
        await self._link.send(AudioChunk(rate=self.sample_rate, width=WIDTH, channels=CHANNELS,
                                         audio=frame.audio))
        self._next_send += len(frame.audio) / (WIDTH * CHANNELS * self.sample_rate)
        await asyncio.sleep(max(0.0, self._next_send - time.monotonic()))
        return True

    async def process_frame(self, frame: Frame, direction: FrameDirection):
        """End the satellite's audio stream when the reply ends or is interrupted."""
        await super().process_frame(frame, direction)
        if isinstance(frame, BotStoppedSpeakingFrame | InterruptionFrame) and self._playing:
            self._playing = False
            await self._link.send(AudioStop())


class SatelliteTransport(BaseTransport):
    """One satellite as a pipecat transport."""

    def __init__(self, link: SatelliteLink, params: TransportParams):
        super().__init__()
        self._input = SatelliteInputTransport(link, params)
        self._output = SatelliteOutputTransport(link, params)

    def input(self) -> SatelliteInputTransport:
        """The microphone half."""
        return self._input

    def output(self) -> SatelliteOutputTransport:
        """The speaker half."""
        return self._output


async def converse_with_satellite(engines, uri: str, *, place: str | None = None) -> None:
    """Hold the satellite's conversation until it disconnects or the task is cancelled."""
    from pipecat.workers.runner import WorkerRunner

    from appliance.pipeline import build_conversation

    settings: Settings = engines.settings
    link = SatelliteLink(uri)
    await link.client.connect()
    transport = SatelliteTransport(link, TransportParams(
        audio_in_enabled=True, audio_in_sample_rate=RATE_HZ,
        audio_out_enabled=True, audio_out_sample_rate=settings.audio.output_sample_rate_hz,
        audio_out_10ms_chunks=2))
    conversation = build_conversation(engines, transport, place=place or f"satellite:{uri}")

    async def on_event(kind, record) -> None:
        if kind == "transcript":
            await link.send(Transcript(text=record.transcript))
        elif kind == "turn":
            logger.info(f"satellite: {record.transcript!r} -> {record.reply.strip()!r}")

    conversation.timeline.on_event = on_event
    runner = WorkerRunner(handle_sigint=False, check_dangling_tasks=False)
    await runner.add_workers(conversation.worker)
    try:
        await runner.run()
    finally:
        with contextlib.suppress(Exception):
            await link.client.disconnect()


def run_satellite(settings: Settings, uri: str) -> int:
    """Load the models, then converse through the satellite at `uri` until Ctrl-C."""
    from appliance.pipeline import load_engines
    from appliance.wyoming.server import check_uri

    check_uri(uri)
    engines = load_engines(settings)

    async def main() -> int:
        await engines.start()
        print(f"satellite: listening to the room at {uri}; Ctrl-C to stop", flush=True)
        try:
            await converse_with_satellite(engines, uri)
        except (ConnectionError, OSError) as e:
            print(f"error: cannot reach the satellite at {uri} ({e}); is wyoming-satellite "
                  "running there?", flush=True)
            return 2
        finally:
            await engines.aclose()
        return 0

    try:
        return asyncio.run(main())
    except KeyboardInterrupt:
        return 0

"""The kiosk's microphone and speaker: a pipecat transport over sounddevice (PortAudio).

Modelled on pipecat's PyAudio transport (`pipecat/transports/local/audio.py`).
The microphone runs in PortAudio's callback thread and hands each 20 ms block
to the event loop with `run_coroutine_threadsafe`. The speaker is written with
blocking writes on a single-thread executor, so playback paces the output
transport in real time. Streams are opened in `setup`, started in `start` and
closed in `cleanup`; a device that can't be opened is reported as an
`AudioDeviceError`, first by the constructor's check and otherwise through
`push_error`.

Barge-in: on an `InterruptionFrame`, pipecat's output transport drops the
queued chunks but lets the write in progress finish, and the device still holds
up to its latency of audio. So writes are kept small (20 ms chunks), the device
runs at PortAudio's low latency, and after the write in progress the device's
buffer is discarded (abort, then start again). The speaker need not wait for the
interruption to pass through the LLM and TTS stages: `hush`, called on a loud voice's
onset and again the moment the VAD confirms the user is talking, discards at once and
holds further writes until the interruption arrives (or, if none comes, `play_on` or
`HUSH_S` later, when playing goes on).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from loguru import logger
from pipecat.frames.frames import (
    CancelFrame,
    EndFrame,
    Frame,
    InputAudioRawFrame,
    InterruptionFrame,
    OutputAudioRawFrame,
    StartFrame,
)
from pipecat.processors.frame_processor import FrameDirection, FrameProcessor, FrameProcessorSetup
from pipecat.transports.base_input import BaseInputTransport
from pipecat.transports.base_output import BaseOutputTransport
from pipecat.transports.base_transport import BaseTransport, TransportParams
from pydantic import ConfigDict

from appliance.audio.devices import (
    AudioDeviceError,
    DeviceKind,
    device_error,
    load_sounddevice,
    resolve_device,
)
from appliance.audio.volume import SpeakerVolume

INPUT_BLOCK_MS = 20
# Microphone blocks that may wait for a busy event loop before new ones are
# dropped (1 s). Without a bound, a stalled loop (or a device that isn't paced
# in real time, like ALSA's null device) would queue audio without limit.
MAX_PENDING_INPUT_BLOCKS = 50
SAMPLE_FORMAT = "int16"
# How long a hushed speaker waits for the interruption before it plays on: the
# interruption follows the VAD's start within 10-45 ms; 0.5 s is ample, and short
# enough that a start that interrupts nothing leaves only a brief pause.
HUSH_S = 0.5
# Logged when a hushed reply plays on: the onset was no speech (`bench --echo` counts it).
PLAYING_ON_LOG = "the sound over the reply was not speech; playing on"
# A speaker written to this recently is playing; one that is not needs no hush.
_PLAYING_WITHIN_S = 0.1


class SoundDeviceTransportParams(TransportParams):
    """Pipecat transport parameters plus the PortAudio devices to use.

    Attributes:
        input_device: PortAudio index of the microphone; None for the system default.
        output_device: PortAudio index of the speaker; None for the system default.
    """

    # Unlike pipecat's TransportParams, a misspelt parameter is an error.
    model_config = ConfigDict(extra="forbid", arbitrary_types_allowed=True)

    input_device: int | None = None
    output_device: int | None = None
    # Scales what the speaker plays ("louder", "volume down"); None: full volume.
    volume: SpeakerVolume | None = None
    # 20 ms writes (pipecat's default is 40 ms): an interruption lets the write
    # in progress finish, so this bounds how late barge-in cuts playback.
    audio_out_10ms_chunks: int = 2


def _check_device(
    kind: DeviceKind, device: int | None, sample_rate_hz: int | None, channels: int
) -> None:
    """Raise AudioDeviceError unless `device` exists and takes these settings."""
    sd = load_sounddevice()
    if device is None:
        device = resolve_device(None, kind)
    check = sd.check_input_settings if kind == "input" else sd.check_output_settings
    try:
        check(device=device, channels=channels, dtype=SAMPLE_FORMAT, samplerate=sample_rate_hz)
    except (sd.PortAudioError, ValueError) as e:
        raise device_error(kind, device, sample_rate_hz, channels, e) from e


async def _report_device_failure(processor: FrameProcessor, error: AudioDeviceError) -> None:
    """Report a device that stopped working; the worker's ProcessorUnusablePolicy decides the rest.

    Permanent, since a device that failed won't come back within the session:
    pipecat then stops giving the processor work (`is_usable`).
    """
    await processor.push_error(str(error), exception=error, force_treat_as_permanent=True)


class SoundDeviceInputTransport(BaseInputTransport):
    """Records the microphone in 20 ms blocks of 16-bit audio at the transport's input rate."""

    _params: SoundDeviceTransportParams

    def __init__(self, params: SoundDeviceTransportParams):
        super().__init__(params)
        self._stream: Any = None
        self._loop: asyncio.AbstractEventLoop | None = None
        # Blocks handed to the event loop; only PortAudio's thread touches it.
        self._pending: deque[Future] = deque()
        self._dropped_blocks = 0
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="microphone")

    async def setup(self, setup: FrameProcessorSetup):
        """Open the microphone (not yet recording)."""
        await super().setup(setup)
        self._loop = self.get_event_loop()
        if not self._params.audio_in_enabled:
            return
        try:
            self._stream = await self._loop.run_in_executor(self._executor, self._open)
        except AudioDeviceError as e:
            await _report_device_failure(self, e)

    def _open(self) -> Any:
        sd = load_sounddevice()
        device, channels = self._params.input_device, self._params.audio_in_channels
        try:
            return sd.RawInputStream(
                samplerate=self.sample_rate,
                blocksize=self.sample_rate * INPUT_BLOCK_MS // 1000,
                channels=channels,
                dtype=SAMPLE_FORMAT,
                device=device,
                latency="low",
                callback=self._on_audio_block,
            )
        except (sd.PortAudioError, ValueError) as e:
            raise self._device_error(e, "open") from e

    def _device_error(self, error: Exception, action: str) -> AudioDeviceError:
        return device_error(
            "input",
            self._params.input_device,
            self.sample_rate,
            self._params.audio_in_channels,
            error,
            action=action,
        )

    async def start(self, frame: StartFrame):
        """Start recording once the pipeline is ready for audio."""
        await super().start(frame)
        if not self._stream:
            return
        # Ready first: it creates the queue the callback's frames go into.
        await self.set_transport_ready(frame)
        sd = load_sounddevice()
        try:
            await self._loop.run_in_executor(self._executor, self._stream.start)
        except sd.PortAudioError as e:
            await _report_device_failure(self, self._device_error(e, "start"))

    async def stop(self, frame: EndFrame):
        """Stop recording at the end of the pipeline."""
        await super().stop(frame)
        await self._halt()

    async def cancel(self, frame: CancelFrame):
        """Stop recording at once."""
        await super().cancel(frame)
        await self._halt()

    async def cleanup(self):
        """Close the microphone."""
        try:
            await super().cleanup()
            await self._halt()
            if self._stream:
                await self._loop.run_in_executor(self._executor, self._stream.close)
                self._stream = None
        finally:
            self._executor.shutdown(wait=False)

    async def _halt(self):
        if self._stream:
            await self._loop.run_in_executor(self._executor, self._stream.abort)
        if self._dropped_blocks:
            logger.warning(
                f"{self}: dropped {self._dropped_blocks} microphone blocks "
                "while the event loop was busy"
            )
            self._dropped_blocks = 0

    def _on_audio_block(self, indata, frames: int, time_info, status) -> None:
        """Runs on PortAudio's thread: copy the block and hand it to the event loop."""
        while self._pending and self._pending[0].done():
            self._pending.popleft()
        if len(self._pending) >= MAX_PENDING_INPUT_BLOCKS:
            self._dropped_blocks += 1
            return
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        # `indata` is PortAudio's buffer, only valid during this call: copy it.
        frame = InputAudioRawFrame(
            audio=bytes(indata),
            sample_rate=self.sample_rate,
            num_channels=self._params.audio_in_channels,
        )
        self._pending.append(asyncio.run_coroutine_threadsafe(self.push_audio_frame(frame), loop))


class SoundDeviceOutputTransport(BaseOutputTransport):
    """Plays 16-bit audio at the transport's output rate on the speaker."""

    _params: SoundDeviceTransportParams

    def __init__(self, params: SoundDeviceTransportParams):
        super().__init__(params)
        self._stream: Any = None
        self._loop: asyncio.AbstractEventLoop | None = None
        # Writes block until the device takes the audio, so they run off the
        # event loop; one thread keeps them in order, and puts the discard on
        # an interruption between two writes rather than inside one.
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="speaker")
        self._last_write = float("-inf")  # event loop time of the last write
        self._hushed_until = float("-inf")
        self._interruptions = 0
        self._unhushed = asyncio.Event()

    def hush(self) -> None:
        """The user started talking: silence the reply now, ahead of the interruption.

        Called on the event loop, on a voice's onset and again when the VAD confirms
        speech (which gives the interruption `HUSH_S` more). Does nothing unless the
        speaker is playing or already hushed.
        """
        loop = self._loop
        if self._stream is None or loop is None:
            return
        if self._hushed_until > loop.time():
            self._hushed_until = loop.time() + HUSH_S
            return
        if loop.time() - self._last_write > _PLAYING_WITHIN_S:
            return
        self._hushed_until = loop.time() + HUSH_S
        self._unhushed.clear()
        self._executor.submit(self._discard_buffered_audio)

    def play_on(self) -> None:
        """The onset that hushed the speaker was not speech: play the reply on now.

        What the device held when it was hushed (tens of ms) is lost; the rest plays.
        """
        loop = self._loop
        if loop is None or self._hushed_until <= loop.time():
            return
        self._hushed_until = float("-inf")
        self._unhushed.set()
        logger.info(f"{self}: {PLAYING_ON_LOG}")

    async def _wait_while_hushed(self) -> None:
        remaining = self._hushed_until - self._loop.time()
        if remaining > 0:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._unhushed.wait(), remaining)

    async def setup(self, setup: FrameProcessorSetup):
        """Open the speaker (not yet playing)."""
        await super().setup(setup)
        self._loop = self.get_event_loop()
        if not self._params.audio_out_enabled:
            return
        try:
            self._stream = await self._loop.run_in_executor(self._executor, self._open)
        except AudioDeviceError as e:
            await _report_device_failure(self, e)

    def _open(self) -> Any:
        sd = load_sounddevice()
        device, channels = self._params.output_device, self._params.audio_out_channels
        try:
            return sd.RawOutputStream(
                samplerate=self.sample_rate,
                channels=channels,
                dtype=SAMPLE_FORMAT,
                device=device,
                latency="low",
            )
        except (sd.PortAudioError, ValueError) as e:
            raise self._device_error(e, "open") from e

    async def start(self, frame: StartFrame):
        """Start the speaker and tell the pipeline it can send audio."""
        await super().start(frame)
        if not self._stream:
            return
        sd = load_sounddevice()
        try:
            await self._loop.run_in_executor(self._executor, self._stream.start)
        except sd.PortAudioError as e:
            await _report_device_failure(self, self._device_error(e, "start"))
            return
        await self.set_transport_ready(frame)

    async def stop(self, frame: EndFrame):
        """Play out what is queued (pipecat writes it before returning), then stop."""
        await super().stop(frame)
        if self._stream:
            # Pa_StopStream returns once the device's buffer has played.
            await self._loop.run_in_executor(self._executor, self._stream.stop)

    async def cancel(self, frame: CancelFrame):
        """Stop playing at once."""
        await super().cancel(frame)
        if self._stream:
            await self._loop.run_in_executor(self._executor, self._stream.abort)

    async def cleanup(self):
        """Close the speaker."""
        try:
            await super().cleanup()
            if self._stream:
                await self._loop.run_in_executor(self._executor, self._stream.close)
                self._stream = None
        finally:
            self._executor.shutdown(wait=False)

    async def process_frame(self, frame: Frame, direction: FrameDirection):
        """Handle frames as pipecat does, and on barge-in drop the device's buffered audio."""
        if isinstance(frame, InterruptionFrame):
            self._interruptions += 1
            hushed, self._hushed_until = self._hushed_until, float("-inf")
            self._unhushed.set()
        await super().process_frame(frame, direction)
        if isinstance(frame, InterruptionFrame) and self._stream:
            if hushed > self._loop.time():  # `hush` already discarded what was playing
                return
            # Not awaited: the write in progress finishes first, and holding
            # system frames up for it would delay the interruption elsewhere.
            self._executor.submit(self._discard_buffered_audio)

    def _discard_buffered_audio(self) -> None:
        """Runs on the writer thread, between two writes."""
        sd = load_sounddevice()
        stream = self._stream
        if stream is None or not stream.active:
            return
        try:
            stream.abort(ignore_errors=False)
            stream.start()
        except sd.PortAudioError as e:
            logger.warning(f"{self}: could not discard buffered audio on interruption: {e}")

    async def write_audio_frame(self, frame: OutputAudioRawFrame) -> bool:
        """Write one chunk to the device; returns once it has taken it."""
        if not self._stream:
            return False
        interruptions = self._interruptions
        await self._wait_while_hushed()
        if self._interruptions != interruptions:  # interrupted while hushed: not played
            return False
        self._last_write = self._loop.time()
        sd = load_sounddevice()
        try:
            volume = self._params.volume
            audio = volume.apply(frame.audio) if volume is not None else frame.audio
            await self._loop.run_in_executor(self._executor, self._stream.write, audio)
        except sd.PortAudioError as e:
            await _report_device_failure(self, self._device_error(e, "write to"))
            return False
        return True

    def _device_error(self, error: Exception, action: str) -> AudioDeviceError:
        return device_error(
            "output",
            self._params.output_device,
            self.sample_rate,
            self._params.audio_out_channels,
            error,
            action=action,
        )


class SoundDeviceTransport(BaseTransport):
    """Microphone in, speaker out, through PortAudio.

    The constructor checks that the enabled devices exist and accept the
    configured rates and channels, so a bad device fails as an AudioDeviceError
    before the pipeline runs. A device that fails later (taken by another
    program between the check and `setup`, or unplugged) is reported with
    `push_error` as an ErrorFrame whose `exception` is an AudioDeviceError:
    run the worker with `ProcessorUnusablePolicy.CANCEL` (or watch
    `on_pipeline_error`) to stop on it.
    """

    def __init__(self, params: SoundDeviceTransportParams):
        """Check the devices; the streams open when the pipeline sets up.

        Raises:
            AudioDeviceError: a device is missing, or refuses the rate or channels.
        """
        super().__init__()
        self._params = params
        if params.audio_in_enabled:
            _check_device(
                "input",
                params.input_device,
                params.audio_in_sample_rate,
                params.audio_in_channels,
            )
        if params.audio_out_enabled:
            _check_device(
                "output",
                params.output_device,
                params.audio_out_sample_rate,
                params.audio_out_channels,
            )
        self._input = SoundDeviceInputTransport(params)
        self._output = SoundDeviceOutputTransport(params)

    def input(self) -> SoundDeviceInputTransport:
        """The microphone processor, first in the pipeline."""
        return self._input

    def output(self) -> SoundDeviceOutputTransport:
        """The speaker processor, near the end of the pipeline."""
        return self._output

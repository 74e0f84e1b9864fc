"""The pipecat STT stage: cuts speech at VAD boundaries and asks a provider for text."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncGenerator, Callable
from dataclasses import dataclass
from typing import Protocol

import numpy as np
from loguru import logger
from pipecat.frames.frames import (
    BotStartedSpeakingFrame,
    Frame,
    InputAudioRawFrame,
    TranscriptionFrame,
    UserStoppedSpeakingFrame,
    VADUserStartedSpeakingFrame,
    VADUserStoppedSpeakingFrame,
)
from pipecat.processors.frame_processor import FrameDirection
from pipecat.services.settings import STTSettings
from pipecat.services.stt_service import SegmentedSTTService
from pipecat.utils.time import time_now_iso8601

from appliance.stt.interface import SpeechToText, Transcript
from appliance.turns.resumed import ResumedTranscriptionFrame

# A reply heard for longer than this (about the time a person needs to hear it and
# react) is an answer the user is reacting to ("stop", "no, the other one"), not one
# begun too early: speech then is a new turn.
REPLY_HEARD_S = 1.0
# Whisper hears at most 30 s at once; a longer request is not heard again.
MAX_RESUMED_BYTES = 16000 * 2 * 24


class PauseSource(Protocol):
    """What speculation reads off the VAD (see `LocalSileroVADAnalyzer`)."""

    pause_serial: int
    quiet_s: float

    def add_pause_listener(self, listener: Callable[[], None]) -> None:
        """Call `listener` on the event loop when a new pause begins."""


@dataclass
class _EndedTurn:
    """The last finished turn's speech, kept while the user might still go on with it."""

    pcm: bytes
    speech_end: float  # wall clock, as the VAD's frames carry it
    reply_started: float | None = None


@dataclass
class _Speculation:
    pause_serial: int
    pcm: bytes
    speech_bytes: int  # how much of the turn's audio the guess heard
    task: asyncio.Task
    level: float  # how loud the speech it heard was (`speech_level`), worked out once

    def missed_a_sound(self, buffer: bytearray) -> bool:
        """Whether the turn's audio after this guess's snapshot holds a sound it did not hear."""
        return heard_more_after(self.level, bytes(buffer[self.speech_bytes:]))


def _window_rms(pcm: bytes, window: int = 320) -> np.ndarray:
    samples = np.frombuffer(pcm[: len(pcm) // 2 * 2], dtype=np.int16).astype(np.float32)
    usable = len(samples) // window * window
    if not usable:
        return np.zeros(1, np.float32)
    return np.sqrt(np.mean(samples[:usable].reshape(-1, window) ** 2, axis=1))


def speech_level(pcm: bytes) -> float:
    """How loud speech is: the 90th percentile of its 20 ms loudness."""
    return float(np.percentile(_window_rms(pcm), 90))


def heard_more_after(level: float, later: bytes) -> bool:
    """True when something audible came after a guess's snapshot (a soft final "s").

    `level` is the `speech_level` of what the guess heard.

    The VAD calls a pause as soon as its confidence dips, which can be inside a
    quiet final consonant ("light|s"). The pause's own end is its noise floor:
    anything in it well above that floor, and not negligible next to the speech,
    is a word the guess did not hear.
    """
    frames = _window_rms(later)
    if len(frames) < 4:
        return False
    floor = float(np.median(frames[-5:]))
    loud = float(frames.max())
    return loud > 4.0 * floor + 1.0 and loud > 0.1 * level


class ProviderSTTService(SegmentedSTTService):
    """Segmented STT over any `SpeechToText` provider, started speculatively at each pause.

    The VAD declares speech over only after `stop_secs` (0.2 s) of quiet, and
    only then would a segmented STT start. Given the VAD (`pauses`), this
    service starts transcribing once a pause is `speculate_after_s` old; if the
    VAD then declares that same pause the end of speech, the transcript is
    already (nearly) done. If a soft sound follows within the pause (a final
    "s"), it guesses again once that has faded. If the user speaks again, the
    guess is dropped and the whole segment is transcribed as usual at the next stop.

    With `resume_within_s`, speech that starts again that soon after a finished
    turn, while its reply has barely begun, is heard together with that turn's
    speech and sent on as a `ResumedTranscriptionFrame` (see `turns.resumed`).

    The transcript's confidence signals ride along in `TranscriptionFrame.result`
    so routing and observers can read them without a second call.
    """

    def __init__(self, provider: SpeechToText, *, pauses: PauseSource | None = None,
                 speculate_after_s: float = 0.032, resume_within_s: float = 0.0, **kwargs):
        # Whisper on two cores needs up to ~1.5 s after speech ends to finish a transcript.
        kwargs.setdefault("ttfs_p99_latency", 2.0)
        super().__init__(settings=STTSettings(model=provider.name, language=None), **kwargs)
        self._provider = provider
        self._pauses = pauses
        self._speculate_after_s = speculate_after_s
        self._speculation: _Speculation | None = None
        self._resume_within_s = resume_within_s
        self._turn_pcm = bytearray()  # the open turn's speech, segment by segment
        self._ended: _EndedTurn | None = None
        self._speech_end = 0.0
        self._resumed_prefix: bytes | None = None
        if pauses is not None:
            pauses.add_pause_listener(self._guess_if_due)

    @property
    def wants_wav_segments(self) -> bool:
        """Local providers read raw PCM."""
        return False

    def can_generate_metrics(self) -> bool:
        """Report processing time like pipecat's own services."""
        return True

    async def process_frame(self, frame: Frame, direction: FrameDirection):
        """Follow turns and the reply's playback, for requests the user goes on with."""
        if isinstance(frame, UserStoppedSpeakingFrame) and self._turn_pcm:
            self._ended = _EndedTurn(bytes(self._turn_pcm), self._speech_end)
            self._turn_pcm.clear()
        elif isinstance(frame, BotStartedSpeakingFrame) and self._ended is not None:
            self._ended.reply_started = self._ended.reply_started or time.time()
        await super().process_frame(frame, direction)

    async def _handle_user_started_speaking(self, frame: VADUserStartedSpeakingFrame):
        await super()._handle_user_started_speaking(frame)
        ended, self._ended = self._ended, None
        began = frame.timestamp - frame.start_secs
        if ended is None:
            return
        heard_s = 0.0 if ended.reply_started is None else began - ended.reply_started
        if began - ended.speech_end > self._resume_within_s or heard_s > REPLY_HEARD_S:
            logger.debug(f"{self}: a new turn, {began - ended.speech_end:.2f} s after the last "
                         f"and {heard_s:.2f} s into its reply")
            return
        logger.debug(f"{self}: the last request goes on, {began - ended.speech_end:.2f} s "
                     f"after it, {heard_s:.2f} s into its reply")
        # Heard again from the start: the buffer holds the new speech's first moments.
        self._resumed_prefix = ended.pcm
        self._audio_buffer[:0] = ended.pcm

    async def process_audio_frame(self, frame: InputAudioRawFrame, direction: FrameDirection):
        """Buffer the audio; start a speculative transcript once a pause is long enough."""
        await super().process_audio_frame(frame, direction)
        self._guess_if_due()

    def _guess_if_due(self) -> None:
        """Start a guess at this pause, unless one that heard everything is running.

        Called with each audio frame and, by the VAD, the moment a pause begins.
        Synchronous, so the two callers can never both start a guess.
        """
        pauses = self._pauses
        if pauses is None or not self._user_speaking or pauses.quiet_s < self._speculate_after_s:
            return
        spec = self._speculation
        if spec and spec.pause_serial == pauses.pause_serial:
            if not spec.missed_a_sound(self._audio_buffer):
                return
            # A soft final sound ("light|s") came after the guess and has faded:
            # guess again with it now, rather than only when the VAD ends speech.
        self._drop_speculation()
        heard = bytes(self._audio_buffer)
        pcm = heard + self._trailing_silence()
        task = self.create_task(self._provider.transcribe(pcm, self.sample_rate),
                                f"{self}::speculative")
        self._speculation = _Speculation(pauses.pause_serial, pcm, len(heard), task,
                                         speech_level(heard))

    async def _handle_user_stopped_speaking(self, frame: VADUserStoppedSpeakingFrame):
        """At the end of speech, hand over the guess made at the start of this pause."""
        if self._resume_within_s:
            # A turn of several segments is heard again whole; a resumed one's buffer
            # already starts with what went before. Past the cap it is not kept at all.
            self._turn_pcm += self._audio_buffer
            if len(self._turn_pcm) > MAX_RESUMED_BYTES:
                self._turn_pcm.clear()
            self._speech_end = frame.timestamp - frame.stop_secs
        spec = self._speculation
        if (spec is None or self._pauses is None or spec.pause_serial != self._pauses.pause_serial
                or spec.missed_a_sound(self._audio_buffer)):
            self._drop_speculation()
            await super()._handle_user_stopped_speaking(frame)
            return
        # Audio after the guess's snapshot is the pause itself: nothing to add.
        self._user_speaking = False
        self._audio_buffer.clear()
        self._record_stt_audio_usage(spec.pcm)
        await self.emit_stt_usage_metrics()
        await self._segment_queue.put(spec.pcm)

    def _drop_speculation(self) -> None:
        """Forget the guess; synchronous, so no second guess can start meanwhile."""
        if self._speculation is not None:
            # A provider call already running finishes in its worker; its result is unused.
            self._speculation.task.cancel()
            self._speculation = None

    async def _transcribe(self, audio: bytes) -> Transcript:
        spec = self._speculation
        if spec is not None and spec.pcm is audio:
            self._speculation = None
            return await spec.task
        return await self._provider.transcribe(audio, self.sample_rate)

    async def run_stt(self, audio: bytes) -> AsyncGenerator[Frame, None]:
        """Transcribe one segment; say nothing when nothing was said."""
        await self.start_processing_metrics()
        transcript = await self._transcribe(audio)
        await self.stop_processing_metrics()
        if not any(ch.isalnum() for ch in transcript.text):
            # Nothing, or Whisper's dots for noise (". . . ."): no words, no turn.
            logger.debug(f"{self}: segment had no speech")
            return
        prefix, resumed = self._resumed_prefix, False
        if prefix is not None and audio.startswith(prefix):
            self._resumed_prefix, resumed = None, True
        kind = ResumedTranscriptionFrame if resumed else TranscriptionFrame
        yield kind(transcript.text, self._user_id, time_now_iso8601(), result=transcript)

"""The kiosk listens only once woken: by its wake phrase, or by a key (push to talk).

Asleep, the microphone's audio goes to the wake-word detector and no further: nothing
said near the kiosk becomes a turn, or a remote call. Woken, the audio flows to speech
recognition until the turn is over: the user's turn, the reply, then a follow-up window in
which they may speak again without the phrase. The phrase itself is not passed on, so it
never reaches the transcript.

A take the wake-word model is unsure of is checked by the local Whisper (`WakeCheck`) on
the last 2.5 s heard; what follows is held meanwhile (0.1-0.2 s), and passed on if it was
the phrase, so a request said straight after it is heard whole.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable

from loguru import logger
from pipecat.frames.frames import (
    BotStartedSpeakingFrame,
    BotStoppedSpeakingFrame,
    Frame,
    InputAudioRawFrame,
    UserStartedSpeakingFrame,
    UserStoppedSpeakingFrame,
    VADUserStartedSpeakingFrame,
)
from pipecat.processors.frame_processor import FrameDirection, FrameProcessor

from appliance.apps.kiosk.wake_check import CHECK_BYTES, WakeCheck
from appliance.apps.kiosk.wake_word import SAMPLE_RATE_HZ, Hearing, WakeWordDetector

# Told when the kiosk wakes ("wake word", "key") or falls asleep ("asleep").
WakeListener = Callable[[str], None]
# A check that has not answered after this much audio has come is given up (stays asleep).
MAX_HELD_BYTES = 2 * SAMPLE_RATE_HZ * 2


class WakeGate(FrameProcessor):
    """Between the microphone and speech recognition: audio passes only while awake."""

    def __init__(self, detector: WakeWordDetector | None, *, listen_s: float,
                 follow_up_s: float, on_change: WakeListener | None = None,
                 check: WakeCheck | None = None, clock: Callable[[], float] = time.monotonic):
        """Gate the microphone.

        Args:
            detector: hears the wake phrase; None when only a key wakes it.
            listen_s: how long to wait for speech once woken, and for the reply after it.
            follow_up_s: after a reply, how long the user may speak without the phrase.
            on_change: told "wake word", "key" or "asleep".
            check: asks the local Whisper about takes the detector is unsure of; None
                wakes only on sure ones.
            clock: seconds, monotonic (tests pass their own).
        """
        super().__init__(name="WakeGate")
        self._detector = detector
        self._listen_s = listen_s
        self._follow_up_s = follow_up_s
        self._on_change = on_change
        self._clock = clock
        self._awake_until = float("-inf")
        self._user_speaking = False
        self._replying = False  # a reply to a woken turn is playing
        self._was_awake = False  # to say "asleep" once, on the first audio after
        self._check = check
        self._recent = bytearray()  # the last CHECK_S heard asleep, for a check
        self._checking: asyncio.Task[bool] | None = None
        self._held: list[InputAudioRawFrame] = []  # what came while a check runs

    @property
    def wake_phrase(self) -> str:
        """The phrase that wakes it, as said ("Okay Nabu"); empty when only a key does."""
        return self._detector.phrase if self._detector is not None else ""

    @property
    def awake(self) -> bool:
        """Whether the microphone's audio goes on to speech recognition now."""
        return self._user_speaking or self._replying or self._clock() < self._awake_until

    def wake(self, reason: str) -> None:
        """Start listening (the phrase was heard, or the key pressed)."""
        was_awake = self.awake
        self._awake_until = self._clock() + self._listen_s
        self._recent.clear()
        if self._detector is not None:
            self._detector.reset()
        if not was_awake and self._on_change is not None:
            self._on_change(reason)

    async def process_frame(self, frame: Frame, direction: FrameDirection):
        """Pass audio only while awake; follow the turn by the frames around it."""
        await super().process_frame(frame, direction)
        if isinstance(frame, InputAudioRawFrame) and direction == FrameDirection.DOWNSTREAM:
            await self._on_audio(frame)
            return
        if isinstance(frame, (UserStartedSpeakingFrame, VADUserStartedSpeakingFrame)):
            self._user_speaking = self._user_speaking or self.awake
        elif isinstance(frame, UserStoppedSpeakingFrame) and self._user_speaking:
            self._user_speaking = False
            self._awake_until = self._clock() + self._listen_s  # the reply is coming
        elif isinstance(frame, BotStartedSpeakingFrame):
            # A timer ringing while asleep does not open the microphone.
            self._replying = self.awake
        elif isinstance(frame, BotStoppedSpeakingFrame) and self._replying:
            self._replying = False
            self._awake_until = self._clock() + self._follow_up_s
        await self.push_frame(frame, direction)

    async def _on_audio(self, frame: InputAudioRawFrame) -> None:
        if self.awake:
            self._was_awake = True
            await self.push_frame(frame, FrameDirection.DOWNSTREAM)
            return
        if self._was_awake:
            self._was_awake = False
            if self._detector is not None:
                self._detector.reset()
            if self._on_change is not None:
                self._on_change("asleep")
        if self._detector is None:
            return
        if self._checking is not None:
            await self._while_checking(frame)
            return
        self._recent += frame.audio
        del self._recent[:-CHECK_BYTES]
        hearing = self._detector.listen(frame.audio)
        if hearing is Hearing.PHRASE:
            self.wake("wake word")
        elif hearing is Hearing.MAYBE and self._check is not None:
            self._checking = asyncio.create_task(self._check.confirms(bytes(self._recent)))

    async def _while_checking(self, frame: InputAudioRawFrame) -> None:
        """Hold the audio after an unsure take until the check answers; wake if it was."""
        self._held.append(frame)
        sure = self._detector is not None and self._detector.heard(frame.audio)
        held_bytes = sum(len(f.audio) for f in self._held)
        if not (sure or self._checking.done() or held_bytes >= MAX_HELD_BYTES):
            return
        checking, held = self._checking, self._held
        self._checking, self._held = None, []
        self._recent.clear()
        confirmed = _confirmed(checking)  # and a check still running is dropped
        if sure or confirmed:
            self.wake("wake word")
            for waiting in held:
                await self.push_frame(waiting, FrameDirection.DOWNSTREAM)
        elif held_bytes >= MAX_HELD_BYTES:
            logger.warning("the wake-word check took over 2 s; the take is ignored")

    async def cleanup(self):
        """Stop a check still running."""
        await super().cleanup()
        if self._checking is not None:
            self._checking.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._checking


def _confirmed(checking: asyncio.Task[bool]) -> bool:
    """The check's answer; a check that failed or was not done confirms nothing."""
    if not checking.done():
        checking.cancel()
        return False
    if checking.cancelled():
        return False
    if checking.exception() is not None:
        logger.warning(f"the wake-word check failed: {checking.exception()!r}")
        return False
    return checking.result()

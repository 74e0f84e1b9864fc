"""The kiosk listens only once woken: by its wake phrase, or by a key (push to talk).

Asleep, the microphone's audio goes to the wake-word detector and no further: nothing
said near the kiosk becomes a turn, or a remote call. Woken, the audio flows to speech
recognition until the turn is over: the user's turn, the reply, then a follow-up window in
which they may speak again without the phrase. The phrase itself is not passed on, so it
never reaches the transcript.
"""

from __future__ import annotations

import time
from collections.abc import Callable

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

from appliance.apps.kiosk.wake_word import WakeWordDetector

# Told when the kiosk wakes ("wake word", "key") or falls asleep ("asleep").
WakeListener = Callable[[str], None]


class WakeGate(FrameProcessor):
    """Between the microphone and speech recognition: audio passes only while awake."""

    def __init__(self, detector: WakeWordDetector | None, *, listen_s: float,
                 follow_up_s: float, on_change: WakeListener | None = None,
                 clock: Callable[[], float] = time.monotonic):
        """Gate the microphone.

        Args:
            detector: hears the wake phrase; None when only a key wakes it.
            listen_s: how long to wait for speech once woken, and for the reply after it.
            follow_up_s: after a reply, how long the user may speak without the phrase.
            on_change: told "wake word", "key" or "asleep".
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
        if self._detector is not None and self._detector.heard(frame.audio):
            self.wake("wake word")

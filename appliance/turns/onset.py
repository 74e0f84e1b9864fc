"""A voice's first loud frames: enough to hush the speaker before the VAD confirms speech.

Pipecat's VAD confirms speech only once `vad_start_s` of it has been heard and its
loudness, measured over 400 ms and smoothed, has risen past `min_volume`: 230-330 ms
after a person's first word in the echo room. Over a reply, that wait is most of the
barge-in time. A person talking over the kiosk is loud at once (-20 to -10 dBFS within
60-100 ms); what is left of the kiosk's own voice after echo cancellation stays below
-35 dBFS. So two Silero frames (64 ms) that are speech and loud mark an onset, and the
speaker goes quiet then. Silence is cheap to take back: if the VAD never confirms the
speech (three frames that are not speech first), the onset was false and the reply
plays on after a pause of about 0.1-0.2 s, nothing cut short. A voice too quiet for an
onset still barges in the VAD's way.
"""

from __future__ import annotations

import math
from enum import Enum

import numpy as np

# Silero's speech probability an onset frame needs (the VAD's own bar is 0.7).
ONSET_CONFIDENCE = 0.8
# Frames (32 ms each) in a row that make an onset: one was too easily a click.
ONSET_FRAMES = 2
# Frames in a row that are not speech before the VAD confirmed any: a false onset.
FALSE_START_FRAMES = 3


class Onset(Enum):
    """What one frame told the tracker."""

    NOTHING = "nothing"
    STARTED = "started"  # a loud voice began: hush now
    FALSE_START = "false_start"  # the VAD never confirmed it: play on


def frame_level_db(frame: bytes) -> float:
    """The RMS level of 16-bit PCM in dB below full scale (-inf for digital silence)."""
    samples = np.frombuffer(frame, dtype=np.int16).astype(np.float32)
    if samples.size == 0:
        return -math.inf
    rms = float(np.sqrt(np.mean(samples * samples)))
    return 20 * math.log10(rms / 32768) if rms > 0 else -math.inf


class OnsetTracker:
    """Turns per-frame speech probability and level into onsets and false starts."""

    def __init__(self, level_db: float, confidence: float = ONSET_CONFIDENCE):
        self._level_db = level_db
        self._confidence = confidence
        self._loud_run = 0
        self._quiet_run = 0
        self._armed = False  # an onset fired and the VAD has not yet confirmed speech

    def frame(self, confidence: float, level_db: float, *, speech_bar: float) -> Onset:
        """One 32 ms frame: its speech probability, its level, and the VAD's own bar."""
        loud = confidence >= self._confidence and level_db >= self._level_db
        self._loud_run = self._loud_run + 1 if loud else 0
        if not self._armed:
            if self._loud_run == ONSET_FRAMES:
                self._armed, self._quiet_run = True, 0
                return Onset.STARTED
            return Onset.NOTHING
        self._quiet_run = self._quiet_run + 1 if confidence < speech_bar else 0
        if self._quiet_run == FALSE_START_FRAMES:
            self._armed = False
            return Onset.FALSE_START
        return Onset.NOTHING

    def confirmed(self) -> None:
        """The VAD confirmed speech: the onset was real, and the next may come after it."""
        self._armed = False

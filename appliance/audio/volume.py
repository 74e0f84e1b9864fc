"""The speaker's volume, which "louder" and "volume down" change (the kiosk's output)."""

from __future__ import annotations

import numpy as np

STEP = 0.1


class SpeakerVolume:
    """A gain from 0 to 1 applied to every sample the speaker plays."""

    def __init__(self, level: float = 1.0):
        self.level = min(1.0, max(0.0, level))

    def change(self, by: float) -> float:
        """Up (positive) or down by `by`, kept within 0 and 1; the new level."""
        self.level = round(min(1.0, max(0.0, self.level + by)), 2)
        return self.level

    def set(self, level: float) -> float:
        """Set from 0 (mute) to 1 (full); the new level."""
        self.level = round(min(1.0, max(0.0, level)), 2)
        return self.level

    def apply(self, pcm: bytes) -> bytes:
        """16-bit PCM at this volume."""
        if self.level >= 1.0:
            return pcm
        samples = np.frombuffer(pcm, dtype=np.int16).astype(np.float32) * self.level
        return samples.astype(np.int16).tobytes()

"""Hearing the wake phrase: microWakeWord models through `pymicro-wakeword`.

The wheel carries the TFLite runtime and four models ("Alexa", "Okay Nabu", "Hey Jarvis",
"Hey Mycroft"), so nothing is downloaded. Chosen over `pyopen-wakeword` (openWakeWord)
after measuring both here: it costs 0.3 % of a core instead of 6-12 %, starts listening
again at once after a reset (openWakeWord refills an 8 s window first, ~0.7 s of CPU), and
caught its phrase as often or more often in noise (README "Wake word").
"""

from __future__ import annotations

from typing import Literal

WakePhrase = Literal["alexa", "okay_nabu", "hey_jarvis", "hey_mycroft"]
PHRASES: tuple[str, ...] = ("alexa", "okay_nabu", "hey_jarvis", "hey_mycroft")
SAMPLE_RATE_HZ = 16000


class WakeWordDetector:
    """Feeds 16 kHz 16-bit mono audio to one wake-phrase model; says when it heard it."""

    def __init__(self, phrase: WakePhrase, threshold: float | None = None):
        """Load the model of `phrase` (~20 ms).

        Args:
            phrase: one of `PHRASES`.
            threshold: the probability (averaged over the model's window) above which
                the phrase counts as heard; None keeps the model's own cut-off.

        Raises:
            ValueError: for a phrase no model ships for, naming those that do.
        """
        from pymicro_wakeword import MicroWakeWord, MicroWakeWordFeatures, Model

        if phrase not in PHRASES:
            raise ValueError(f"no wake word model for {phrase!r}; one of {', '.join(PHRASES)}")
        self._features = MicroWakeWordFeatures()
        self._model = MicroWakeWord.from_builtin(Model(phrase))
        if threshold is not None:
            self._model.probability_cutoff = threshold
        self.phrase: str = self._model.wake_word  # as said: "Okay Nabu"

    def heard(self, pcm: bytes) -> bool:
        """Whether the phrase ended somewhere in this audio (any length)."""
        heard = False
        for features in self._features.process_streaming(pcm):
            heard = bool(self._model.process_streaming(features)) or heard
        return heard

    def reset(self) -> None:
        """Forget what was heard, so one phrase does not wake it twice (~0.3 ms)."""
        self._features.reset()
        self._model.reset()

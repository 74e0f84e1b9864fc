"""Hearing the wake phrase: microWakeWord models through `pymicro-wakeword`.

The wheel carries the TFLite runtime and four models ("Alexa", "Okay Nabu", "Hey Jarvis",
"Hey Mycroft"), so nothing is downloaded. Chosen over `pyopen-wakeword` (openWakeWord)
after measuring both here: it costs 0.3 % of a core instead of 6-12 %, starts listening
again at once after a reset (openWakeWord refills an 8 s window first, ~0.7 s of CPU), and
caught its phrase as often or more often in noise (README "Wake word").

Above the model's cut-off the phrase is heard. Between `unsure_from` and the cut-off it
*may* have been: a voice the model hears less well, or the phrase in noise. Such a take is
reported once, after its probability has settled, for the kiosk to check with speech
recognition (`wake_check`), instead of lowering the cut-off, which wakes on other talk.
"""

from __future__ import annotations

from enum import Enum
from typing import Literal

WakePhrase = Literal["alexa", "okay_nabu", "hey_jarvis", "hey_mycroft"]
PHRASES: tuple[str, ...] = ("alexa", "okay_nabu", "hey_jarvis", "hey_mycroft")
SAMPLE_RATE_HZ = 16000
FEATURE_STEP_S = 0.01  # one feature frame per 10 ms of audio
# After an unsure probability first appears, how long its peak is waited for: the model's
# averaged probability peaks 0.1-0.2 s after the phrase ends.
SETTLE_S = 0.3


class Hearing(Enum):
    """What a piece of audio held."""

    NOTHING = "nothing"
    PHRASE = "phrase"  # above the model's cut-off
    MAYBE = "maybe"  # peaked between `unsure_from` and the cut-off: worth a check


class WakeWordDetector:
    """Feeds 16 kHz 16-bit mono audio to one wake-phrase model; says when it heard it."""

    def __init__(self, phrase: WakePhrase, threshold: float | None = None, *,
                 unsure_from: float | None = None):
        """Load the model of `phrase` (~20 ms).

        Args:
            phrase: one of `PHRASES`.
            threshold: the probability (averaged over the model's window) above which
                the phrase counts as heard; None keeps the model's own cut-off.
            unsure_from: a probability from which on, up to the cut-off, a take is
                reported as `Hearing.MAYBE`; None reports none.

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
        # No unsure band when it would start at or above the cut-off.
        self.unsure_from = (unsure_from if unsure_from is not None
                            and unsure_from < self.cutoff else None)
        self._unsure_for: float | None = None  # seconds since an unsure take began

    @property
    def cutoff(self) -> float:
        """The probability above which the phrase counts as heard."""
        return float(self._model.probability_cutoff)

    def heard(self, pcm: bytes) -> bool:
        """Whether the phrase ended somewhere in this audio (any length), surely."""
        return self.listen(pcm) is Hearing.PHRASE

    def listen(self, pcm: bytes) -> Hearing:
        """What this audio (any length) held: the phrase, maybe the phrase, or nothing."""
        phrase = maybe = False
        for features in self._features.process_streaming(pcm):
            # 0.0 while the model gathers its next stride of features: no new estimate.
            probability = self._model.process_streaming_prob(features) or 0.0
            if self._unsure_for is not None:
                self._unsure_for += FEATURE_STEP_S
            if probability > self.cutoff:
                phrase, self._unsure_for = True, None
            elif self.unsure_from is not None and probability > self.unsure_from:
                if self._unsure_for is None:
                    self._unsure_for = 0.0
            if self._unsure_for is not None and (
                    self._unsure_for >= SETTLE_S or 0.0 < probability <= self.unsure_from):
                maybe, self._unsure_for = True, None
        if phrase:
            return Hearing.PHRASE
        return Hearing.MAYBE if maybe else Hearing.NOTHING

    def reset(self) -> None:
        """Forget what was heard, so one phrase does not wake it twice (~0.3 ms)."""
        self._features.reset()
        self._model.reset()
        self._unsure_for = None

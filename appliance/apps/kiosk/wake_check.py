"""A second opinion on an unsure wake: whether the local Whisper would write the phrase.

The wake-word model hears some voices, and the phrase in noise, less surely than its
cut-off asks; lowering the cut-off instead wakes the kiosk on other talk ("What is that
verb?" reads 0.74 to the "Okay Nabu" model). Whisper is asked how likely the phrase is as
the transcript of the take (the phrase's tokens forced through its decoder): takes of the
phrase mostly scored -0.7 to -3.4 per token, talk that begins like it ("Okay, now what?")
mostly -3.5 to -6, other talk that woke the model unsurely -5.5 or less (README "The
kiosk"). Only the local model is asked: audio heard while asleep never leaves the device.
"""

from __future__ import annotations

from typing import Protocol

from loguru import logger

from appliance.apps.kiosk.wake_word import SAMPLE_RATE_HZ, WakePhrase, WakeWordDetector

# The least mean log-probability per token that confirms a take.
MIN_LIKELIHOOD = -3.5
CHECK_S = 2.5  # the audio checked: the phrase and what came just before it
CHECK_SAMPLES = int(CHECK_S * SAMPLE_RATE_HZ)
CHECK_BYTES = CHECK_SAMPLES * 2  # 16-bit


class PhraseScorer(Protocol):
    """A local speech recogniser that can score a given wording (`WhisperLocalSTT`)."""

    async def likelihood(self, pcm16: bytes, texts: list[str]) -> float:
        """Mean log-probability per token of the likeliest of `texts` for 16 kHz audio."""
        ...


def spellings(phrase: str) -> list[str]:
    """The ways a transcript writes the phrase: "Okay Nabu." "Okay, Nabu." "OK, Nabu."."""
    first, _, rest = phrase.partition(" ")
    forms = [f"{phrase}."] + ([f"{first}, {rest}."] if rest else [])
    if first.lower() == "okay":
        forms += [f"OK, {rest}."]
    return forms


class WakeCheck:
    """Asks the local Whisper whether an unsure take was the wake phrase."""

    def __init__(self, scorer: PhraseScorer, phrase: str, *,
                 min_likelihood: float = MIN_LIKELIHOOD):
        """Check takes of `phrase` (as said: "Okay Nabu") with `scorer`, which is local."""
        self._scorer = scorer
        self._spellings = spellings(phrase)
        self._min_likelihood = min_likelihood
        self.phrase = phrase

    async def score(self, pcm16: bytes) -> float:
        """How likely the phrase is as the transcript of this audio (16 kHz mono)."""
        return await self._scorer.likelihood(pcm16, self._spellings)

    async def confirms(self, pcm16: bytes) -> bool:
        """Whether this audio (ending just after the take) held the phrase, to Whisper."""
        score = await self.score(pcm16)
        # The score only: what was said near a sleeping kiosk is nobody's business.
        logger.debug(f"unsure wake checked: {score:.2f} per token "
                     f"(confirms from {self._min_likelihood}): "
                     f"{'woken' if score >= self._min_likelihood else 'stays asleep'}")
        return score >= self._min_likelihood


def checked_detector(phrase: WakePhrase, scorer: PhraseScorer | None, *, unsure_from: float,
                     threshold: float | None = None
                     ) -> tuple[WakeWordDetector, WakeCheck | None]:
    """The detector of `phrase` and, when there is a scorer, the check of its unsure takes.

    Without a scorer the detector reports no unsure takes: only its cut-off decides.
    """
    detector = WakeWordDetector(phrase, threshold,
                                unsure_from=unsure_from if scorer is not None else None)
    return detector, WakeCheck(scorer, detector.phrase) if scorer is not None else None

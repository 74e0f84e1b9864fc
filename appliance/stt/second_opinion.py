"""A fast speech model first, and a stronger one only for the turns it is unsure of.

Measured on the 202 spoken benchmark questions: Whisper base re-hearing the turns
where tiny.en's mean token log-probability was under -0.5 made 145 word errors
(base alone 146, tiny.en alone 183) while re-hearing 28 of the 202, and kept
tiny.en's lead on the built-in corpus (5 errors; base alone 7): most turns then
cost tiny.en's time, not base's (README, "How the speech model was chosen").
"""

from __future__ import annotations

from appliance.stt.interface import SpeechToText, Transcript


class SecondOpinionSTT(SpeechToText):
    """Transcribe with `first`; when it is unsure, with `second` instead."""

    def __init__(self, first: SpeechToText, second: SpeechToText, *, unsure_below: float,
                 second_name: str = ""):
        self.first, self.second = first, second
        self.name = first.name
        self._unsure_below = unsure_below
        self._second_name = second_name or second.name
        self.second_opinions = 0  # how many turns the second model heard

    def describe(self) -> tuple[str, float]:
        """The second model's name and the log-probability under which it is asked."""
        return self._second_name, self._unsure_below

    def is_unsure(self, transcript: Transcript) -> bool:
        """Whether the first model's words are too doubtful to keep."""
        return (bool(transcript.text) and transcript.avg_logprob is not None
                and transcript.avg_logprob < self._unsure_below)

    async def transcribe(self, pcm16: bytes, sample_rate_hz: int) -> Transcript:
        """The first model's transcript, or the second's when the first was unsure."""
        heard = await self.first.transcribe(pcm16, sample_rate_hz)
        if not self.is_unsure(heard):
            return heard
        self.second_opinions += 1
        again = await self.second.transcribe(pcm16, sample_rate_hz)
        return again if again.text else heard

    async def aclose(self) -> None:
        """Close both models."""
        await self.first.aclose()
        await self.second.aclose()

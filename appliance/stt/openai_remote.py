"""Speech to text behind any OpenAI-compatible `/v1/audio/transcriptions` endpoint."""

from __future__ import annotations

from appliance.audio.wav import wav_bytes
from appliance.providers.remote import bounded_call, make_client
from appliance.stt.interface import SpeechToText, Transcript


class OpenAISpeechToText(SpeechToText):
    """Posts each utterance as a WAV and asks for `verbose_json`, whose segments carry confidence.

    Servers that answer plain `json` still work; the confidence fields are then None,
    so routing treats the transcript's confidence as unknown.
    """

    is_local = False

    def __init__(
        self,
        *,
        name: str,
        base_url: str,
        model: str,
        api_key: str | None,
        timeout_s: float = 20.0,
        language: str | None = None,
    ):
        self.name = name
        self.model = model
        self._client = make_client(base_url, api_key, timeout_s)
        self._timeout_s = timeout_s
        self._language = language

    async def transcribe(self, pcm16: bytes, sample_rate_hz: int) -> Transcript:
        """Transcribe one utterance; any failure is a `ProviderError`."""
        extra = {"language": self._language} if self._language else {}
        async with bounded_call(self.name, self._timeout_s,
                                f"no transcript within timeout_s={self._timeout_s:g} s; raise it "
                                "if the server is just slow"):
            result = await self._client.audio.transcriptions.create(
                file=("utterance.wav", wav_bytes(pcm16, sample_rate_hz), "audio/wav"),
                model=self.model,
                response_format="verbose_json",
                **extra,
            )
            return _transcript_of(result)

    async def aclose(self) -> None:
        """Close the HTTP connection pool."""
        await self._client.close()


def _transcript_of(result: object) -> Transcript:
    """Read text and, when the server gave segments, their confidence."""
    if isinstance(result, str):  # a server that ignored response_format and sent text
        return Transcript(text=result.strip())
    text = getattr(result, "text", None)
    if not isinstance(text, str):
        raise ValueError("the transcription response has no 'text' field")
    segments = getattr(result, "segments", None) or []
    logprobs = [s.avg_logprob for s in segments if getattr(s, "avg_logprob", None) is not None]
    no_speech = [s.no_speech_prob for s in segments
                 if getattr(s, "no_speech_prob", None) is not None]
    return Transcript(
        text=text.strip(),
        avg_logprob=sum(logprobs) / len(logprobs) if logprobs else None,
        no_speech_prob=max(no_speech) if no_speech else None,
    )

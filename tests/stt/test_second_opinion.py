"""A fast speech model first; a stronger one re-hears only the turns the first is unsure of."""

import pytest

from appliance.stt.interface import SpeechToText, Transcript
from appliance.stt.second_opinion import SecondOpinionSTT


class _Scripted(SpeechToText):
    def __init__(self, name: str, text: str, avg_logprob: float | None):
        self.name, self._text, self._logprob = name, text, avg_logprob
        self.calls = 0

    async def transcribe(self, pcm16: bytes, sample_rate_hz: int) -> Transcript:
        self.calls += 1
        return Transcript(text=self._text, avg_logprob=self._logprob)


@pytest.mark.unit
@pytest.mark.parametrize(("first", "second", "heard", "asked"), [
    (("capital of France", -0.2), ("never asked", -0.1), "capital of France", 0),
    (("with social is the largest", -0.9), ("which ocean is", -0.2), "which ocean is", 1),
    (("with social is the largest", -0.9), ("", None), "with social is the largest", 1),
    (("", None), ("never asked", -0.1), "", 0),
    (("no confidence given", None), ("never asked", -0.1), "no confidence given", 0),
])
async def test_the_second_model_is_asked_only_when_the_first_is_unsure(first, second, heard, asked):
    fast, strong = _Scripted("tiny", *first), _Scripted("base", *second)
    stt = SecondOpinionSTT(fast, strong, unsure_below=-0.5)
    transcript = await stt.transcribe(b"\0\0" * 1600, 16000)
    assert transcript.text == heard
    assert strong.calls == asked == stt.second_opinions
    assert stt.name == "tiny"


@pytest.mark.models
async def test_base_re_hears_what_tiny_is_unsure_of(settings, espeak, speak):
    """Configured in the settings, loaded with the engines: tiny.en answers alone when sure."""
    from appliance.config import Settings
    from appliance.pipeline import load_engines

    configured = Settings(models=settings.models, stt={"model": "whisper-tiny.en",
                                                       "second_opinion_model": "whisper-base"},
                          governance={"audit": {"enabled": False}})
    engines = load_engines(configured)
    try:
        stt = engines.stt
        assert isinstance(stt, SecondOpinionSTT)
        doubtful = espeak("How many hours are in a day?", "en-gb")
        tiny_alone = await stt.first.transcribe(doubtful.tobytes(), 16000)
        base_alone = await stt.second.transcribe(doubtful.tobytes(), 16000)
        assert tiny_alone.avg_logprob < -0.5, tiny_alone  # tiny.en is unsure of this one
        heard = await stt.transcribe(doubtful.tobytes(), 16000)
        assert heard.text == base_alone.text and stt.second_opinions == 1

        clear = speak("What is the capital of France?")
        heard = await stt.transcribe(clear.tobytes(), 16000)
        assert "france" in heard.text.lower() and stt.second_opinions == 1
    finally:
        await engines.aclose()


@pytest.mark.unit
def test_a_reload_keeps_the_speech_engine_only_if_its_second_model_is_unchanged():
    from appliance.config import ProviderSettings, Settings
    from appliance.runtime.engines import _same_second_opinion

    local = ProviderSettings(name="local", kind="local", model="whisper-tiny.en")
    tiered = SecondOpinionSTT(_Scripted("tiny", "", None), _Scripted("base", "", None),
                              unsure_below=-0.5, second_name="whisper-base")
    plain = _Scripted("tiny", "", None)
    asks = Settings(stt={"model": "whisper-tiny.en", "second_opinion_model": "whisper-base"})
    stricter = Settings(stt={"model": "whisper-tiny.en", "second_opinion_model": "whisper-base",
                             "second_opinion_below": -0.3})
    alone = Settings(stt={"model": "whisper-tiny.en"})
    assert _same_second_opinion("stt", local, tiered, asks)
    assert not _same_second_opinion("stt", local, tiered, stricter)
    assert not _same_second_opinion("stt", local, tiered, alone)
    assert not _same_second_opinion("stt", local, plain, asks)
    assert _same_second_opinion("stt", local, plain, alone)

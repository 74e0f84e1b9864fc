import pytest
from pipecat.frames.frames import TTSAudioRawFrame, TTSSpeakFrame, TTSStartedFrame, TTSStoppedFrame
from pipecat.pipeline.worker import PipelineParams
from pipecat.tests.utils import run_test

from appliance.tts import FakeTextToSpeech, ProviderTTSService

pytestmark = pytest.mark.unit


async def test_text_is_spoken_as_audio_at_the_pipeline_output_rate():
    provider = FakeTextToSpeech(sample_rate_hz=16000, seconds_per_word=0.1)
    down, _ = await run_test(
        ProviderTTSService(provider),
        frames_to_send=[TTSSpeakFrame("hello there friend")],
        pipeline_params=PipelineParams(audio_out_sample_rate=22050),
    )
    audio = [f for f in down if isinstance(f, TTSAudioRawFrame)]
    assert provider.spoken == ["hello there friend"]
    assert audio and all(f.sample_rate == 22050 for f in audio)
    seconds = sum(len(f.audio) for f in audio) / 2 / 22050
    assert seconds == pytest.approx(0.3, abs=0.02)
    kinds = [type(f) for f in down]
    assert kinds.index(TTSStartedFrame) < kinds.index(TTSAudioRawFrame)
    assert TTSStoppedFrame in kinds

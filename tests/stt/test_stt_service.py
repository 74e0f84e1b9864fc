import pytest
from pipecat.frames.frames import (
    InputAudioRawFrame,
    TranscriptionFrame,
    VADUserStartedSpeakingFrame,
    VADUserStoppedSpeakingFrame,
)
from pipecat.tests.utils import SleepFrame, run_test

from appliance.stt import FakeSpeechToText, ProviderSTTService, Transcript

pytestmark = pytest.mark.unit


def utterance(seconds=0.5):
    frame = bytes(int(16000 * 0.02) * 2)
    return [
        VADUserStartedSpeakingFrame(),
        *[InputAudioRawFrame(frame, 16000, 1) for _ in range(int(seconds / 0.02))],
        VADUserStoppedSpeakingFrame(),
        SleepFrame(0.2),
    ]


async def test_segment_becomes_one_transcript_with_confidence_attached():
    provider = FakeSpeechToText(["what time is it"])
    down, _ = await run_test(ProviderSTTService(provider), frames_to_send=utterance())
    transcripts = [f for f in down if isinstance(f, TranscriptionFrame)]
    assert [t.text for t in transcripts] == ["what time is it"]
    assert isinstance(transcripts[0].result, Transcript)
    # The whole utterance (plus trailing padding) reached the provider as raw PCM.
    assert len(provider.received[0]) >= 16000 * 0.5 * 2


async def test_segment_without_words_yields_no_transcript():
    down, _ = await run_test(ProviderSTTService(FakeSpeechToText([""])), frames_to_send=utterance())
    assert not [f for f in down if isinstance(f, TranscriptionFrame)]

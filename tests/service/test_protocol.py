import json

import pytest
from pipecat.frames.frames import (
    InputAudioRawFrame,
    OutputAudioRawFrame,
    OutputTransportMessageUrgentFrame,
    TextFrame,
)

from appliance.service.protocol import PcmJsonSerializer

pytestmark = pytest.mark.unit


async def test_client_bytes_are_16khz_audio_and_torn_samples_are_dropped():
    frame = await PcmJsonSerializer().deserialize(b"\x01\x02\x03")
    assert isinstance(frame, InputAudioRawFrame)
    assert frame.audio == b"\x01\x02" and frame.sample_rate == 16000


async def test_client_text_is_ignored():
    assert await PcmJsonSerializer().deserialize('{"type": "hi"}') is None


async def test_reply_audio_is_raw_pcm_and_events_are_json():
    serializer = PcmJsonSerializer()
    assert await serializer.serialize(OutputAudioRawFrame(b"\x00\x01", 22050, 1)) == b"\x00\x01"
    event = {"type": "turn", "reply": "Paris."}
    assert json.loads(await serializer.serialize(OutputTransportMessageUrgentFrame(event))) == event
    assert await serializer.serialize(TextFrame("internal")) is None

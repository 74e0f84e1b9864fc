"""The WebSocket wire format: binary messages are audio, text messages are JSON events.

Client → appliance: binary = 16-bit little-endian mono PCM at 16 kHz, any chunk size.
Appliance → client: binary = reply PCM (16-bit mono at the rate announced in the
`hello` event); text = JSON events, each with a `type` (hello, transcript, turn, error).
Plain PCM and JSON keep a client a few lines long in any language; pipecat's
protobuf serializer would force a schema on every client.
"""

from __future__ import annotations

import json

from pipecat.frames.frames import (
    Frame,
    InputAudioRawFrame,
    OutputAudioRawFrame,
    OutputTransportMessageFrame,
    OutputTransportMessageUrgentFrame,
)
from pipecat.serializers.base_serializer import FrameSerializer

INPUT_SAMPLE_RATE_HZ = 16000
# Close code for "server at capacity, or this conversation's time is up: try again later"
# (RFC 6455 registry).
WS_TRY_AGAIN_LATER = 1013
# Close code for a refused token (RFC 6455: policy violation).
WS_POLICY_VIOLATION = 1008


class PcmJsonSerializer(FrameSerializer):
    """Raw PCM both ways plus JSON events out."""

    async def serialize(self, frame: Frame) -> str | bytes | None:
        """Reply audio as bytes, transport messages as JSON text, nothing else."""
        if isinstance(frame, OutputAudioRawFrame):
            return frame.audio
        if isinstance(frame, (OutputTransportMessageFrame, OutputTransportMessageUrgentFrame)):
            return json.dumps(frame.message)
        return None

    async def deserialize(self, data: str | bytes) -> Frame | None:
        """Audio from the client; text messages from clients are ignored."""
        if isinstance(data, bytes) and data:
            if len(data) % 2:
                data = data[:-1]  # a torn sample cannot be decoded; drop it
            return InputAudioRawFrame(audio=data, sample_rate=INPUT_SAMPLE_RATE_HZ, num_channels=1)
        return None

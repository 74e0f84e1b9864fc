"""Speech to text: one interface, one module per provider, and the pipecat stage."""

from appliance.stt.fake import FakeSpeechToText
from appliance.stt.interface import SpeechToText, Transcript
from appliance.stt.openai_remote import OpenAISpeechToText
from appliance.stt.service import ProviderSTTService

__all__ = [
    "FakeSpeechToText",
    "OpenAISpeechToText",
    "ProviderSTTService",
    "SpeechToText",
    "Transcript",
]

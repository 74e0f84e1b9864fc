"""Text to speech: one interface, one module per provider, and the pipecat stage."""

from appliance.tts.fake import FakeTextToSpeech
from appliance.tts.interface import TextToSpeech
from appliance.tts.openai_remote import OpenAITextToSpeech
from appliance.tts.service import ProviderTTSService

__all__ = ["FakeTextToSpeech", "OpenAITextToSpeech", "ProviderTTSService", "TextToSpeech"]

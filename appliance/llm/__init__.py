"""Language models: one interface, one module per provider, and the pipecat stage."""

from appliance.llm.context_window import trim_history
from appliance.llm.fake import FakeChatModel
from appliance.llm.interface import ChatModel, ChatModelStage, TokenChunk
from appliance.llm.openai_remote import OpenAIChatModel
from appliance.llm.service import ChatModelLLMService

__all__ = [
    "ChatModel",
    "ChatModelLLMService",
    "ChatModelStage",
    "FakeChatModel",
    "OpenAIChatModel",
    "TokenChunk",
    "trim_history",
]

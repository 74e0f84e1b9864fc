"""Intents: what is answered or done on the device before any language model."""

from appliance.intents.chat import DirectAnswerChatModel, last_user_text
from appliance.intents.computed import DirectAnswer, answer_directly, normalise_question

__all__ = [
    "DirectAnswer",
    "DirectAnswerChatModel",
    "answer_directly",
    "last_user_text",
    "normalise_question",
]

"""Thanks, greetings and goodbyes: answered kindly and at once, not by a model.

SmolLM2-135M answers "Thank you, that is all." with "I'm sorry for your loss.":
a social phrase has one right kind of answer, and it needs no model.
"""

from __future__ import annotations

import re

_RULES = [
    (re.compile(r"^(?:thanks?|thank you|thank you very much|thanks a lot|many thanks|cheers)"
                r"(?: (?:so much|very much|a lot))?(?:,? (?:that(?:'s| is) (?:all|it|helpful|"
                r"great|perfect)|for (?:that|your help|the help)|goodbye|bye))*$"),
     "You're welcome."),
    (re.compile(r"^(?:good ?bye|bye|bye bye|see you(?: later)?|good night|that(?:'s| is) all"
                r"(?: for now)?)(?:,? (?:thanks?|thank you))?$"),
     "Goodbye!"),
    (re.compile(r"^(?:hello|hi|hey|hi there|hello there|good (?:morning|afternoon|evening))"
                r"(?: there)?$"),
     "Hello! What would you like to know?"),
    (re.compile(r"^how are you(?: doing)?(?: today)?$"),
     "I'm doing well, thank you. What would you like to know?"),
]


def answer_smalltalk(question: str) -> str | None:
    """The reply to a whole-sentence social phrase; None for anything else.

    `question` is normalised (see `appliance.intents.computed.normalise_question`).
    """
    for pattern, reply in _RULES:
        if pattern.match(question):
            return reply
    return None

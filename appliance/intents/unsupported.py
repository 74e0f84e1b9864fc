"""Requests the appliance cannot carry out yet, answered honestly instead of by a model.

Asked "Turn on the oven light.", SmolLM2-135M says "I'm sorry for your loss."; asked
"Set a timer", Qwen 0.5B claims "The lights in the living room are on." A command
the appliance cannot act on deserves a plain "I can't do that yet", and a question
that needs the internet an "I'm offline". Real handlers (timers, Home Assistant)
take these over as they arrive; until then this says what is missing.
"""

from __future__ import annotations

import re

_DEVICE = "lights?|lamps?|fan|heater|heating|oven|tv|television|radio|door|garage|gate|" \
          "window|blinds|curtains|thermostat|air conditioning|ac|air conditioner|plug|" \
          "switch|alarm system|kettle|coffee machine|dishwasher|washing machine|vacuum"
_RULES: list[tuple[re.Pattern[str], str, str]] = [
    (re.compile(rf"^(?:can you |could you |would you )?(?:turn|switch|power) (?:on|off|up|down) "
                rf"|^(?:turn|switch|power) .*\b(?:on|off)$|^(?:dim|brighten) |"
                rf"^turn (?:the |my )?(?:{_DEVICE}) (?:up|down)$|"
                rf"^(?:open|close|shut|lock|unlock|start|stop) (?:the |my )?(?:[a-z]+ )?"
                rf"(?:{_DEVICE})\b|^set the (?:thermostat|temperature|heating|heat|ac|lights?)\b|"
                rf"^make (?:it|the room) (?:warmer|cooler|colder|brighter|darker)"),
     "I have no devices to control yet, so I can't do that.", "device"),
    (re.compile(r"^(?:can you |could you )?(?:set|start|make|create) (?:a |an |the |my )?"
                r"(?:[a-z]+ )?(?:timer|alarm|countdown)\b|"
                r"^(?:cancel|stop|pause|resume|delete) (?:the |my |all )?(?:[a-z]+ )?"
                r"(?:timers?|alarms?)\b|^(?:remind me|wake me)\b|^set (?:a |an )?reminder\b|"
                r"^how (?:long|much time) is left on\b"),
     "I can set timers, say \"set a timer for ten minutes\"; I can't set alarms or "
     "reminders yet.", "timer"),
    (re.compile(r"^(?:can you |could you )?(?:play|shuffle|resume|skip) |"
                r"^(?:pause|stop|mute) (?:the |my )?(?:music|song|playlist|radio|podcast|audio)\b|"
                r"^(?:turn|put) (?:the )?(?:volume|music) (?:up|down)|^volume (?:up|down)\b"),
     "I can't play music or other audio yet.", "media"),
    (re.compile(r"^(?:can you |could you )?(?:call|phone|text|message|email|e-mail|dial) "
                r"|^send (?:a |an )?(?:message|text|email|e-mail)\b"),
     "I can't make calls or send messages.", "communication"),
    (re.compile(r"^add .+ to (?:my |the )?(?:shopping|grocery|to do|to-do|todo) list$|"
                r"^(?:order|buy) "),
     "I can't keep lists or place orders yet.", "shopping"),
    (re.compile(r"\b(?:the weather|weather (?:like|today|tomorrow|in|outside|forecast)|"
                r"forecast|temperature outside|the news|headlines|stock price|traffic like|"
                r"score of the|scores|exchange rate)\b"),
     "I'm offline, so I can't look up the weather, news, scores or prices.", "online"),
]


def answer_unsupported(question: str) -> tuple[str, str] | None:
    """(reply, kind) for a request the appliance cannot carry out; None otherwise.

    `question` is normalised (see `appliance.intents.computed.normalise_question`).
    """
    for pattern, reply, kind in _RULES:
        if pattern.search(question):
            return reply, kind
    return None

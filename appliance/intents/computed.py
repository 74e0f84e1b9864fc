"""Answers that need no language model: computed, exact, and instant.

The transcript of the user's last turn is normalised (spoken numbers to digits,
lower case, fillers and final punctuation dropped) and tried against small
grammars: arithmetic, percentages, unit conversions, fixed calendar facts, the
time and date, and requests the appliance cannot carry out yet (it says so
instead of letting a model pretend). A match is the answer; anything else goes
to the LLM.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from text_to_num import alpha2digit

from appliance.intents.arithmetic import answer_arithmetic
from appliance.intents.smalltalk import answer_smalltalk
from appliance.intents.units import answer_units
from appliance.intents.unsupported import answer_unsupported

_FILLERS = re.compile(r"^(?:(?:hey|ok|okay|so|um|uh|please|and|well|excuse me|hi)[, ]+)+")
_POLITE = re.compile(r"(?:,? (?:please|for me|exactly|again))+$")
_TIME = re.compile(r"^(?:what(?:'s| is) the (?:current )?time(?: now| right now)?|"
                   r"what time is it(?: now| right now)?|do you know what time it is|"
                   r"tell me the time)$")
_DATE = re.compile(r"^(?:what(?:'s| is) (?:the )?(?:date|day)(?: is it)?(?: today)?|"
                   r"what(?:'s| is) today(?:'s date)?|what day is (?:it|today)(?: today)?|"
                   r"what(?:'s| is) the date today|which day is it(?: today)?)$")


@dataclass(frozen=True)
class DirectAnswer:
    """A computed answer and which grammar gave it (recorded as the route's reason)."""

    text: str
    kind: str


def normalise_question(text: str) -> str:
    """Lower case, digits for spoken numbers, no fillers or final punctuation."""
    text = text.strip().lower().replace("’", "'")
    text = re.sub(r"[?!.]+$", "", text)
    # Every number word, "one" and "zero" included: "two to the power of ten" -> 2 ... 10.
    text = alpha2digit(text, "en", threshold=0)
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)  # 1,000 -> 1000
    text = re.sub(r"[?!.]+$", "", text).strip()
    text = re.sub(r"\s+", " ", text)
    text = _FILLERS.sub("", text)
    return _POLITE.sub("", text).strip(" ,")


def answer_directly(text: str, *, now: Callable[[], dt.datetime] = dt.datetime.now,
                    decline_unsupported: bool = True) -> DirectAnswer | None:
    """The computed answer to `text`, or None when a model must answer it.

    Args:
        text: What the user said.
        now: The clock for the time and date.
        decline_unsupported: Answer requests the appliance cannot carry out with an
            honest "I can't … yet"; off when tools are on (an MCP server may offer them).
    """
    question = normalise_question(text)
    if not question or len(question) > 120:
        return None
    if _TIME.match(question):
        return DirectAnswer(spoken_time(now()), "time")
    if _DATE.match(question):
        return DirectAnswer(spoken_date(now()), "date")
    answer = answer_arithmetic(question)
    if answer is not None:
        return DirectAnswer(answer, "arithmetic")
    answer = answer_units(question)
    if answer is not None:
        return DirectAnswer(answer, "units")
    reply = answer_smalltalk(question)
    if reply is not None:
        return DirectAnswer(reply, "smalltalk")
    unsupported = answer_unsupported(question) if decline_unsupported else None
    if unsupported is not None:
        return DirectAnswer(unsupported[0], f"cannot do yet ({unsupported[1]})")
    return None


def spoken_time(moment: dt.datetime) -> str:
    """12-hour time as people say it, "It's 2:05 PM." (see tools.builtin's get_time)."""
    hour = moment.hour % 12 or 12
    return f"It's {hour}:{moment.minute:02d} {'AM' if moment.hour < 12 else 'PM'}."


def spoken_date(moment: dt.datetime) -> str:
    """The date as a sentence: "Today is Sunday, December 6, 2026."."""
    return f"Today is {moment:%A}, {moment:%B} {moment.day}, {moment.year}."

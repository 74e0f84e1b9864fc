"""Typed values a handoff carries: read once from what the user said, never from answers.

Only the slots an agent declares reach it, so a specialist learns the order number
without the rest of the conversation.
"""

from __future__ import annotations

import re

from appliance.governance.names import find_names
from appliance.governance.spoken import to_written

# Whisper writes "order 4,021": a thousands comma is no end of the number.
_ORDER = re.compile(r"\border(?:\s+(?:number|no\.?|id))?\s*#?\s*"
                    r"(?P<id>[A-Z]*-?\d{1,3}(?:,\d{3})+(?!\d)|[A-Z]*-?\d[A-Z0-9-]*)\b",
                    re.IGNORECASE)
_AMOUNT = re.compile(r"\$\s?(?P<a>\d[\d,]*(?:\.\d+)?)|(?P<b>\d[\d,]*(?:\.\d+)?)\s*"
                     r"(?:dollars?|usd|bucks)\b", re.IGNORECASE)


def read_slots(text: str) -> dict[str, str | float]:
    """The slot values in one user message, in written form: order_id, amount_usd, person_name."""
    written = to_written(text)
    found: dict[str, str | float] = {}
    if order := _ORDER.search(written):
        found["order_id"] = order.group("id").replace(",", "").upper()
    if amount := _AMOUNT.search(written):
        found["amount_usd"] = float((amount.group("a") or amount.group("b")).replace(",", ""))
    if names := find_names(written):
        start, end = names[0]
        found["person_name"] = written[start:end]
    return found


# A slot as the agent's instructions say it: small models repeat "order_id = A17" aloud.
_SAID_AS = {"order_id": "the order number is {}", "amount_usd": "the amount is {} dollars",
            "person_name": "the customer's name is {}"}


def as_said(value: str | float) -> str:
    """A slot's value as the user would have said it: 20.0 dollars was "20"."""
    return f"{value:g}" if isinstance(value, float) else value


def in_a_sentence(name: str, value: str | float) -> str:
    """A slot told to an agent: "the order number is A17"."""
    return _SAID_AS[name].format(as_said(value))

"""Built-in example tools: one harmless, one risky, to show (and test) every gate.

Real deployments register their own handlers, or attach MCP servers; these two
keep their effects in a file so a refund that happened can be seen.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from appliance.tools.registry import Tool


def local_now() -> datetime:
    """Now, in the machine's time zone."""
    return datetime.now().astimezone()


def time_result(now: datetime) -> dict:
    """The time as a person says it: "2:23 AM", not "02:23".

    Measured with Qwen 0.5B reporting the result (greedy, 72 times of day): given
    "02:23" it said "23:23" and given "06:05" it said "6:05 PM" (3 of 72 wrong);
    given the 12-hour form with AM/PM it was right 72 of 72.
    """
    hour = now.hour % 12 or 12
    return {"time": f"{hour}:{now.minute:02d} {'AM' if now.hour < 12 else 'PM'}",
            "date": f"{now:%A} {now.day} {now:%B %Y}"}


def refund_tool(ledger: Path) -> Tool:
    """`issue_refund`: risky, so it always passes the policy and, above its limit, a person."""

    def issue_refund(order_id: str, amount_usd: float) -> dict:
        entry = {"order_id": order_id, "amount_usd": amount_usd,
                 "at": datetime.now(UTC).isoformat(timespec="seconds")}
        ledger.parent.mkdir(parents=True, exist_ok=True)
        with ledger.open("a", encoding="utf-8") as f:
            f.write(json.dumps(entry) + "\n")
        return {"refunded": True, **entry}

    return Tool(
        name="issue_refund",
        description="Refund money to a customer for an order.",
        parameters={
            "type": "object",
            "properties": {
                "order_id": {"type": "string", "minLength": 1, "maxLength": 40},
                "amount_usd": {"type": "number", "exclusiveMinimum": 0},
            },
            "required": ["order_id", "amount_usd"],
            "additionalProperties": False,
        },
        handler=issue_refund,
        calls_per_minute=5,
        requires_approval=False,  # the policy rules decide by amount
    )


def time_tool(clock: Callable[[], datetime] = local_now) -> Tool:
    """`get_time`: harmless, no arguments; `clock` gives the moment it reports."""
    return Tool(name="get_time", description="Get the current local date and time.",
                parameters={"type": "object", "properties": {}, "additionalProperties": False},
                handler=lambda: time_result(clock()))

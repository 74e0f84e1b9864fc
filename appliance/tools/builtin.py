"""Built-in example tools: one harmless, one risky, to show (and test) every gate.

Real deployments register their own handlers, or attach MCP servers; these two
keep their effects in a file so a refund that happened can be seen.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from appliance.tools.registry import Tool


def get_time() -> dict:
    """The local time, for "what time is it?"."""
    now = datetime.now().astimezone()
    return {"time": now.strftime("%H:%M"), "date": now.strftime("%A %d %B %Y")}


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


def time_tool() -> Tool:
    """`get_time`: harmless, no arguments."""
    return Tool(name="get_time", description="Get the current local date and time.",
                parameters={"type": "object", "properties": {}, "additionalProperties": False},
                handler=get_time)

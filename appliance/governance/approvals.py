"""Human-in-the-loop: a risky action waits here until a person approves or denies it.

The waiting turn awaits `request()`; operators see the queue through the service
API (`GET /approvals`, `POST /approvals/{id}`) or `appliance approvals`. No answer
within the timeout counts as a denial. Every request and decision is audited
with who decided.
"""

from __future__ import annotations

import asyncio
import itertools
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from loguru import logger

from appliance.governance.audit import AuditTrail


@dataclass
class PendingApproval:
    """One action waiting for a person; `arguments` are already masked."""

    approval_id: str
    tool: str
    arguments: dict
    agent: str
    session_id: str | None
    turn_id: str | None
    reason: str
    requested_at: str
    _decided: asyncio.Future = field(repr=False, default=None)  # type: ignore[assignment]

    def to_dict(self) -> dict:
        """What an operator sees."""
        return {"id": self.approval_id, "tool": self.tool, "arguments": self.arguments,
                "agent": self.agent, "session_id": self.session_id, "turn_id": self.turn_id,
                "reason": self.reason, "requested_at": self.requested_at}


@dataclass(frozen=True)
class ApprovalDecision:
    """The outcome: approved or not, by whom ("timeout" when nobody answered)."""

    approved: bool
    decided_by: str
    note: str = ""


class ApprovalQueue:
    """Pending approvals of the whole process, shared by every conversation."""

    def __init__(self, audit: AuditTrail | None = None):
        """Record requests and decisions in `audit` when given."""
        self.audit = audit
        # Called with ("requested" | "approved" | "denied", PendingApproval.to_dict()):
        # how the console's queue updates live.
        self.listeners: list[Callable[[str, dict], None]] = []
        self._pending: dict[str, PendingApproval] = {}
        self._counter = itertools.count(1)
        self._arrived = asyncio.Event()

    def pending(self) -> list[PendingApproval]:
        """Everything waiting, oldest first."""
        return list(self._pending.values())

    async def next_pending(self, session_id: str | None = None) -> PendingApproval:
        """The oldest waiting action (of one conversation, if given), once there is one."""
        while True:
            mine = [p for p in self._pending.values()
                    if session_id is None or p.session_id == session_id]
            if mine:
                return mine[0]
            self._arrived.clear()
            await self._arrived.wait()

    async def request(self, tool: str, arguments: dict, *, agent: str, reason: str,
                      timeout_s: float, session_id: str | None = None,
                      turn_id: str | None = None) -> ApprovalDecision:
        """Queue the action and wait for a person (or the timeout, which denies)."""
        approval_id = f"{next(self._counter)}-{secrets.token_hex(3)}"
        item = PendingApproval(approval_id, tool, arguments, agent, session_id, turn_id,
                               reason, datetime.now(UTC).isoformat(timespec="seconds"),
                               asyncio.get_running_loop().create_future())
        self._pending[approval_id] = item
        self._arrived.set()
        self._tell("requested", item)
        await self._audit("approval", {"event": "requested", "approval_id": approval_id,
                                       "tool": tool, "agent": agent, "reason": reason},
                          {"arguments": arguments}, session_id, turn_id)
        try:
            decision = await asyncio.wait_for(asyncio.shield(item._decided), timeout_s)
        except TimeoutError:
            decision = ApprovalDecision(False, "timeout",
                                        f"nobody answered within {timeout_s:.0f} s")
        finally:
            self._pending.pop(approval_id, None)
        self._tell("approved" if decision.approved else "denied", item,
                   decided_by=decision.decided_by)
        await self._audit("approval", {"event": "approved" if decision.approved else "denied",
                                       "approval_id": approval_id, "tool": tool,
                                       "decided_by": decision.decided_by, "note": decision.note},
                          None, session_id, turn_id)
        return decision

    def decide(self, approval_id: str, *, approved: bool, decided_by: str,
               note: str = "") -> bool:
        """Answer a pending approval; False when there is no such pending approval."""
        item = self._pending.get(approval_id)
        if item is None or item._decided.done():
            return False
        item._decided.set_result(ApprovalDecision(approved, decided_by, note))
        return True

    def _tell(self, event: str, item: PendingApproval, **extra) -> None:
        for listener in self.listeners:
            try:
                listener(event, {**item.to_dict(), **extra})
            except Exception:  # a broken listener must not lose the decision
                logger.exception(f"approval listener {listener!r} failed")

    async def _audit(self, kind, data, sensitive, session_id, turn_id) -> None:
        if self.audit is not None:
            await self.audit.append_async(kind, data, sensitive=sensitive,
                                          session_id=session_id, turn_id=turn_id)

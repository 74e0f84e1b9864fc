"""GET /approvals and POST /approvals/{id}: the human in the loop, over HTTP.

Viewers and operators see the queue; only operators ("approve") decide.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse

from appliance.governance.approvals import ApprovalQueue
from appliance.service.bodies import json_object
from appliance.service.deps import Approver, Loaded, Reader, Refused

router = APIRouter(prefix="/approvals")


def approval_queue(engines: Loaded) -> ApprovalQueue:
    """The queue of actions waiting for a person; with tools off, there is none."""
    if engines.tools is None:
        # Not a fault of the service: nothing can wait for approval with tools off.
        raise Refused.with_error("tools are off, so nothing waits for approval; set [tools] "
                                 "enabled = true", 404)
    return engines.tools.approvals


Queue = Annotated[ApprovalQueue, Depends(approval_queue)]


@router.get("")
async def pending(_caller: Reader, queue: Queue):
    """Every action waiting for a person, oldest first."""
    return {"pending": [p.to_dict() for p in queue.pending()]}


@router.post("/{approval_id}")
async def decide(approval_id: str, request: Request, caller: Approver, queue: Queue):
    """Body {"approve": true|false, "note": "..."}; the token's name is the approver."""
    body = await json_object(request)
    if not isinstance(body.get("approve"), bool):
        return JSONResponse({"error": 'send a JSON body {"approve": true} or '
                                      '{"approve": false, "note": "why"}'}, status_code=400)
    who = f"{caller.name} (token {caller.token_id})"
    if not queue.decide(approval_id, approved=body["approve"], decided_by=who,
                        note=str(body.get("note", ""))[:200]):
        return JSONResponse({"error": f"no pending approval {approval_id!r}; it was decided "
                                      "already or timed out (GET /approvals)"}, status_code=404)
    return {"id": approval_id, "approved": body["approve"], "decided_by": who}

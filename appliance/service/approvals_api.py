"""GET /approvals and POST /approvals/{id}: the human in the loop, over HTTP."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from appliance.service.auth import authorized
from appliance.service.bodies import json_object


def approvals_router(state) -> APIRouter:
    """Viewers and operators see the queue; only operators ("approve") decide."""
    router = APIRouter(prefix="/approvals")

    def caller_or_refusal(request: Request, permission: str):
        if isinstance(caller := authorized(state, request, permission), JSONResponse):
            return caller
        if state.engines is None:
            return JSONResponse({"error": "models are still loading"}, status_code=503)
        if state.engines.tools is None:
            # Not a fault of the service: nothing can wait for approval with tools off.
            return JSONResponse({"error": "tools are off, so nothing waits for approval; set "
                                          "[tools] enabled = true"}, status_code=404)
        return caller

    @router.get("")
    async def pending(request: Request):
        """Every action waiting for a person, oldest first."""
        caller = caller_or_refusal(request, "read")
        if isinstance(caller, JSONResponse):
            return caller
        return {"pending": [p.to_dict() for p in state.engines.tools.approvals.pending()]}

    @router.post("/{approval_id}")
    async def decide(approval_id: str, request: Request):
        """Body {"approve": true|false, "note": "..."}; the token's name is the approver."""
        caller = caller_or_refusal(request, "approve")
        if isinstance(caller, JSONResponse):
            return caller
        body = await json_object(request)
        if not isinstance(body.get("approve"), bool):
            return JSONResponse({"error": 'send a JSON body {"approve": true} or '
                                          '{"approve": false, "note": "why"}'},
                                status_code=400)
        who = f"{caller.name} (token {caller.token_id})"
        if not state.engines.tools.approvals.decide(approval_id, approved=body["approve"],
                                                    decided_by=who,
                                                    note=str(body.get("note", ""))[:200]):
            return JSONResponse({"error": f"no pending approval {approval_id!r}; it was "
                                          "decided already or timed out (GET /approvals)"},
                                status_code=404)
        return {"id": approval_id, "approved": body["approve"], "decided_by": who}

    return router

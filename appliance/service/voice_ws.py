"""`/ws`: one voice conversation per WebSocket connection (the app adds the route)."""

from __future__ import annotations

from fastapi import WebSocket, WebSocketDisconnect

from appliance.service.auth import Refusal
from appliance.service.protocol import WS_POLICY_VIOLATION, WS_TRY_AGAIN_LATER
from appliance.service.session import run_session
from appliance.service.state import ServiceState


async def conversation(websocket: WebSocket):
    """16 kHz PCM in, reply PCM and JSON events out.

    The token comes in the Authorization header or, for browsers (which cannot set
    headers on a WebSocket), as `?token=`.
    """
    state: ServiceState = websocket.app.state.appliance
    header = websocket.headers.get("authorization")
    if header is None and (query_token := websocket.query_params.get("token")):
        header = f"Bearer {query_token}"
    caller = state.authorizer.check(header, "converse")
    await websocket.accept()
    if isinstance(caller, Refusal):  # accepted first, so the client can read why
        await websocket.close(code=WS_POLICY_VIOLATION, reason=caller.reason[:120])
        return
    if state.engines is None:
        await websocket.close(code=WS_TRY_AGAIN_LATER, reason="models are still loading")
        return
    slot = state.admission.voice(caller.token_id)
    if isinstance(slot, str):
        await websocket.close(code=WS_TRY_AGAIN_LATER, reason=slot[:120])
        return
    service = state.settings.service
    try:
        await run_session(websocket, state.engines, service.session_idle_timeout_s,
                          feed=state.feed, caller=f"token:{caller.token_id}",
                          max_session_s=service.max_session_s)
    except WebSocketDisconnect:
        pass
    finally:
        state.admission.release(slot)

"""Liveness, readiness, Prometheus metrics and the API's schema."""

from __future__ import annotations

import time

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST

from appliance.service.deps import Operator, Reader, State

router = APIRouter()


@router.get("/metrics")
async def metrics(_caller: Reader, state: State):
    """Prometheus text format; needs a token with the "read" permission."""
    return Response(state.metrics.render(), media_type=CONTENT_TYPE_LATEST)


@router.get("/openapi.json", include_in_schema=False)
async def openapi(request: Request, _caller: Operator):
    """The API's schema, for operators (it maps every endpoint)."""
    return JSONResponse(request.app.openapi())


@router.get("/healthz")
async def healthz(state: State):
    """Alive (the process answers), whether or not models are loaded."""
    return {"status": "ok", "uptime_s": round(time.monotonic() - state.started_at, 1)}


@router.get("/readyz")
async def readyz(state: State):
    """Ready only once every model is loaded and warm."""
    if state.engines is None:
        # No file paths to whoever asks: the full reason is in the log and on stderr.
        reason = ("models failed to load; see the service log" if state.load_error
                  else "loading models")
        return JSONResponse({"ready": False, "reason": reason}, status_code=503)
    ready = {
        "ready": True,
        "ready_seconds": round(state.ready_seconds or 0.0, 2),
        "sessions": state.sessions,
        "max_sessions": state.settings.service.max_sessions,
    }
    if state.kiosk_volume is not None:  # `serve --kiosk`: is the microphone loop up?
        ready["kiosk"] = state.kiosk_status
    return ready

"""The web console's endpoints: login, the live feed (server-sent events), status, playground.

The pages themselves are static files in `appliance/ops/console/`; everything
they show comes from here and from the JSON APIs (/audit, /approvals, /admin).
"""

from __future__ import annotations

import asyncio
import base64
import functools
import json
import secrets
import time
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, JSONResponse, StreamingResponse
from sse_starlette.sse import EventSourceResponse
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException

from appliance.apps.converse import converse_samples, converse_text
from appliance.audio.wav import AudioInputError, decode_wav, wav_bytes
from appliance.ops.events import PlaygroundEvent
from appliance.ops.logs import captured_logs
from appliance.pipeline import build_conversation
from appliance.service.audit_api import Trail
from appliance.service.bodies import bounded, json_object
from appliance.service.console_sessions import cookie_name, session_id_of
from appliance.service.deps import Loaded, Operator, Reader, State
from appliance.service.limits import FORM_OVERHEAD_BYTES, PLAYGROUND_UPLOAD_BYTES
from appliance.service.state import ServiceState


class _TooLarge(Exception):
    """The playground's body grew past its limit while it was read."""

CONSOLE_FILES = Path(__file__).resolve().parent.parent / "ops" / "console"
# A status event goes out this often, so charts and health move without a turn.
STATUS_EVERY_S = 5.0
MAX_TYPED_CHARS = 2000


router = APIRouter(prefix="/console")

@router.get("", include_in_schema=False)
async def page():
    """The console's single page (it shows the login form until logged in)."""
    return FileResponse(CONSOLE_FILES / "index.html",
                        headers={"Cache-Control": "no-store"})

@router.post("/login")
async def login(request: Request, state: State):
    """Body {"token": "..."}: an operator token opens a session (an HttpOnly cookie)."""
    token = (await json_object(request)).get("token")
    if not isinstance(token, str) or not token.strip():
        return JSONResponse({"error": 'send {"token": "<operator token>"}'},
                            status_code=400)
    caller = state.authorizer.identify(token.strip())
    if caller is None:
        return JSONResponse({"error": "that token is not valid (revoked, mistyped, or never "
                                      "created); create one with `appliance tokens create "
                                      "--role operator`"}, status_code=401)
    if not caller.may("configure"):
        return JSONResponse({"error": f"the console needs an operator token; this one has "
                                      f"the {caller.role} role"}, status_code=403)
    session_id = state.console_sessions.open(token.strip())
    response = JSONResponse({"name": caller.name, "role": caller.role})
    secure = request.url.scheme == "https"
    response.set_cookie(cookie_name(secure), session_id, httponly=True, samesite="strict",
                        secure=secure, path="/",
                        max_age=int(state.console_sessions.lifetime_s))
    return response

@router.post("/logout")
async def logout(request: Request, state: State):
    """End the session."""
    state.console_sessions.close(session_id_of(request.cookies))
    response = JSONResponse({"logged_out": True})
    secure = request.url.scheme == "https"
    response.delete_cookie(cookie_name(secure), path="/", secure=secure, httponly=True,
                           samesite="strict")
    return response

@router.get("/me")
async def me(caller: Reader):
    """Who is logged in (401 if nobody)."""
    return {"name": caller.name, "role": caller.role}

@router.get("/status")
async def status(_caller: Reader, state: State):
    """Readiness and load progress, provider health, costs per day, turns per minute."""
    return status_document(state)

@router.get("/events")
async def events(request: Request, _caller: Reader, state: State):
    """Server-sent events: recent history first, then every event as it happens."""

    async def stream():
        async with state.feed.subscribe() as queue:
            yield {"event": "hello", "data": json.dumps(
                {"recent": state.feed.recent(), "status": status_document(state)},
                default=str)}
            while not await request.is_disconnected():
                try:
                    event = await asyncio.wait_for(queue.get(), STATUS_EVERY_S)
                except TimeoutError:
                    yield {"event": "status", "data": json.dumps(status_document(state))}
                    continue
                yield {"event": event["type"], "data": json.dumps(event, default=str)}

    return EventSourceResponse(stream(), ping=15)

@router.post("/playground")
async def playground(request: Request, _caller: Operator, engines: Loaded, state: State):
    """A typed message (form field `text`) or an uploaded WAV (form field `audio`).

    Answers with the transcript, reply, timings, route, the spoken reply as WAV
    (base64) and every log line the turn wrote, grouped by node.
    """
    # Operators only (`Operator`): the playground shows every log line of the turn.
    too_large = JSONResponse({"error": "the upload is larger than 20 MB; send a WAV of "
                                      "at most 60 s of speech"}, status_code=413)
    text, data, filename = "", None, ""
    if "form" in request.headers.get("content-type", ""):
        # Bounded before and while it is parsed (RequestLimits bounds the whole body
        # too): one file, two small fields.
        body = bounded(request, PLAYGROUND_UPLOAD_BYTES + FORM_OVERHEAD_BYTES, _TooLarge)
        try:
            async with body.form(max_files=1, max_fields=4,
                                 max_part_size=FORM_OVERHEAD_BYTES) as form:
                typed, upload = form.get("text"), form.get("audio")
                text = typed.strip() if isinstance(typed, str) else ""
                if isinstance(upload, UploadFile) and upload.filename:
                    data = await upload.read(PLAYGROUND_UPLOAD_BYTES + 1)
                    filename = upload.filename
        except _TooLarge:
            return too_large
        except HTTPException as e:  # python-multipart's refusal, as Starlette passes it
            return JSONResponse({"error": f"the form was refused: {e.detail}"},
                                status_code=400)
    samples, source = None, "text"
    if data is not None:
        if len(data) > PLAYGROUND_UPLOAD_BYTES:
            return too_large
        try:
            samples = decode_wav(data, source=f"uploaded file {filename!r}",
                                 max_duration_s=60)
        except AudioInputError as e:
            return JSONResponse({"error": str(e)}, status_code=400)
        source = "wav"
    elif not text:
        return JSONResponse({"error": "type a message, or upload a WAV file of speech"},
                            status_code=400)
    elif len(text) > MAX_TYPED_CHARS:
        return JSONResponse({"error": f"the message is {len(text)} characters; the "
                                      f"playground takes at most {MAX_TYPED_CHARS}"},
                            status_code=400)
    job = secrets.token_hex(4)
    session_id = f"playground-{job}"
    build = functools.partial(build_conversation, session_id=session_id)
    state.feed.publish(PlaygroundEvent(session=session_id, source=source))
    started = time.monotonic()
    async with state.playground_lock:
        with captured_logs(job) as lines:
            if samples is not None:
                result = await converse_samples(engines, samples, build=build)
            else:
                result = await converse_text(engines, text, build=build)
    playback = result.playback
    answer = result.to_json()
    answer.update(
        session=session_id, source=source, logs=lines,
        wall_ms=round((time.monotonic() - started) * 1000),
        audio_wav_base64=base64.b64encode(
            wav_bytes(bytes(playback.audio), playback.sample_rate_hz)).decode()
        if playback.audio else None)
    return answer

@router.get("/audit/export")
async def export(_caller: Reader, trail: Trail):
    """Every audit record as JSON lines, streamed; X-Total-Records lets a page show progress."""
    total = await asyncio.to_thread(trail.count)

    lines = (record.to_json_line() for record in trail.records())
    return StreamingResponse(lines, media_type="application/x-ndjson", headers={
        "X-Total-Records": str(total),
        "Content-Disposition": 'attachment; filename="audit.jsonl"'})


def status_document(state: ServiceState) -> dict:
    """What the console's overview shows; cheap enough to send every few seconds."""
    engines = state.engines
    document = {
        "ready": engines is not None,
        "load_error": state.load_error,
        "loading": dict(state.load_progress),
        "uptime_s": round(time.monotonic() - state.started_at, 1),
        "sessions": state.sessions,
        "turns_per_minute": state.series.snapshot(60),
        # With `serve --kiosk`: "listening", "awake", "asleep", "device lost", "device back".
        "kiosk": state.kiosk_status,
    }
    if engines is not None:
        document.update(
            routers={role: router.snapshot() for role, router in engines.routers.items()},
            cost=engines.ledger.snapshot(),
            cost_by_day=engines.ledger.by_day(),
            pending_approvals=len(engines.tools.approvals.pending()) if engines.tools else 0,
            tools_enabled=engines.tools is not None,
        )
    return document

"""GET /audit and /audit/verify: the audit trail for viewers and operators."""

from __future__ import annotations

import asyncio
import json
from collections import deque
from datetime import datetime
from itertools import islice

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from appliance.service.auth import authorized


def audit_router(state) -> APIRouter:
    """Read-only audit endpoints over `state.engines.audit`; need the "read" permission."""
    router = APIRouter(prefix="/audit")

    def refused(request: Request) -> JSONResponse | None:
        if isinstance(caller := authorized(state, request, "read"), JSONResponse):
            return caller
        if state.engines is None or state.engines.audit is None:
            return JSONResponse({"error": "the audit trail is off or not open yet "
                                          "(governance.audit.enabled)"}, status_code=503)
        return None

    @router.get("")
    async def records(request: Request, since: str | None = None, turn_id: str | None = None,
                      kind: str | None = None, q: str | None = None, limit: int = 100,
                      newest_first: bool = False):
        """Records (masked transcripts decrypted), oldest first, at most `limit`.

        `q` keeps records whose content contains it (any case); `newest_first` gives the
        last `limit` matches, newest first (the console's search).
        """
        if response := refused(request):
            return response
        try:
            when = datetime.fromisoformat(since) if since else None
        except ValueError:
            return JSONResponse({"error": f"since={since!r} is not an ISO date or time, "
                                          "e.g. 2026-11-01T08:00"}, status_code=400)
        trail = state.engines.audit

        count = max(1, min(limit, 1000))
        needle = (q or "").strip().lower()

        def read():
            found = (r.to_dict() for r in trail.records(since=when, turn_id=turn_id, kind=kind))
            if needle:
                # Only what was recorded, not key names or chain hashes.
                found = (r for r in found if needle in json.dumps(
                    [r["data"], r["sensitive"], r["turn_id"], r["session_id"]],
                    ensure_ascii=False, default=str).lower())
            if newest_first:
                return list(reversed(deque(found, maxlen=count)))
            return list(islice(found, count))

        return {"records": await asyncio.to_thread(read)}

    @router.get("/verify")
    async def verify(request: Request):
        """The tamper check: ok, or the first bad record and what is wrong with it."""
        if response := refused(request):
            return response
        report = await asyncio.to_thread(state.engines.audit.verify)
        return {"ok": report.ok, "records": report.records,
                "first_bad_seq": report.first_bad_seq, "problem": report.problem}

    return router

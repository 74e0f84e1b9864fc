"""GET /audit and /audit/verify: the audit trail for viewers and operators."""

from __future__ import annotations

import asyncio
import json
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse

from appliance.governance.audit import AuditTrail
from appliance.service.deps import Reader, Refused, State

# SQLite integers are 64-bit: a larger record number is not one.
MAX_SEQ = 2**63 - 1

router = APIRouter(prefix="/audit")


def audit_trail(request: Request) -> AuditTrail:
    """The audit trail, once open; read-only here."""
    engines = request.app.state.appliance.engines
    if engines is None or engines.audit is None:
        raise Refused.with_error("the audit trail is off or not open yet "
                                 "(governance.audit.enabled)", 503)
    return engines.audit


Trail = Annotated[AuditTrail, Depends(audit_trail)]


@router.get("")
async def records(_caller: Reader, trail: Trail, state: State, since: str | None = None,
                  turn_id: str | None = None, kind: str | None = None,
                  q: str | None = None, limit: int = 100, newest_first: bool = False,
                  before_seq: int | None = None, after_seq: int | None = None):
    """Records (masked transcripts decrypted), oldest first, at most `limit`.

    `q` keeps records whose content contains it (any case); `newest_first` gives the
    last `limit` matches, newest first (the console's search). A search reads at
    most `governance.audit.search_max_records` records per request, in batches that
    never hold the trail for long; `next` is where to continue (`before_seq` or
    `after_seq`), None once everything was read.
    """
    try:
        when = datetime.fromisoformat(since) if since else None
    except ValueError:
        return JSONResponse({"error": f"since={since!r} is not an ISO date or time, "
                                      "e.g. 2026-11-01T08:00"}, status_code=400)
    for name, seq in (("before_seq", before_seq), ("after_seq", after_seq)):
        if seq is not None and not 0 <= seq <= MAX_SEQ:
            return JSONResponse({"error": f"{name}={seq} is not a record number; use the "
                                          "`next` of the previous page"}, status_code=400)
    count = max(1, min(limit, 1000))
    needle = (q or "").strip().lower()
    budget = state.settings.governance.audit.search_max_records

    def read() -> dict:
        found, scanned, last_seq, stopped = [], 0, None, False
        for record in trail.records(since=when, turn_id=turn_id, kind=kind,
                                    before_seq=before_seq, after_seq=after_seq,
                                    newest_first=newest_first):
            scanned, last_seq = scanned + 1, record.seq
            row = record.to_dict()
            # Only what was recorded, not key names or chain hashes.
            if not needle or needle in json.dumps(
                    [row["data"], row["sensitive"], row["turn_id"], row["session_id"]],
                    ensure_ascii=False, default=str).lower():
                found.append(row)
            if len(found) >= count or scanned >= budget:
                stopped = True
                break
        cursor = "before_seq" if newest_first else "after_seq"
        return {"records": found, "scanned": scanned,
                "next": {cursor: last_seq} if stopped else None}

    return await asyncio.to_thread(read)

@router.get("/verify")
async def verify(_caller: Reader, trail: Trail):
    """The tamper check: ok, or the first bad record and what is wrong with it."""
    report = await asyncio.to_thread(trail.verify)
    return {"ok": report.ok, "records": report.records,
            "first_bad_seq": report.first_bad_seq, "problem": report.problem,
            "writing_stopped": trail.broken}


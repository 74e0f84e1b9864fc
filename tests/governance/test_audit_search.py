"""GET /audit on a real uvicorn server: a text search reads a bounded number of records per
request, in batches that leave the trail free for appends, and says where to go on; a trail
that stopped writing says so in /audit/verify."""

import sqlite3
import threading
from types import SimpleNamespace

import httpx
import pytest
from fastapi import FastAPI

from appliance.config import AuditSettings, GovernanceSettings, ServiceSettings, Settings
from appliance.governance.audit import AuditChainError, AuditTrail
from appliance.service import audit_api
from appliance.service.auth import Authorizer
from appliance.service.deps import Refused, send_refusal
from tests.support.running_service import serving

pytestmark = pytest.mark.unit

SECRET = bytes(range(32))
TOKEN_ENV = "APPLIANCE_TEST_AUDIT_TOKEN"
HEADERS = {"Authorization": "Bearer audit-token"}


@pytest.fixture
def trail(tmp_path):
    trail = AuditTrail(tmp_path / "audit.db", SECRET)
    for n in range(1, 1201):
        said = "where is the lighthouse" if n == 3 else f"question {n}"
        trail.append("turn", {"n": n}, sensitive={"transcript": said}, turn_id=f"t{n}")
    yield trail
    trail.close()


@pytest.fixture
async def base(trail, monkeypatch):
    monkeypatch.setenv(TOKEN_ENV, "audit-token")
    settings = Settings(service=ServiceSettings(api_token_env=TOKEN_ENV),
                        governance=GovernanceSettings(audit=AuditSettings(
                            path=trail.path, search_max_records=500)))
    state = SimpleNamespace(settings=settings, engines=SimpleNamespace(audit=trail),
                            authorizer=Authorizer(settings.service))
    app = FastAPI()
    app.state.appliance = state
    app.add_exception_handler(Refused, send_refusal)
    app.include_router(audit_api.router)
    async with serving(app) as served:
        yield f"{served}/audit"


async def test_a_search_reads_at_most_the_limit_and_says_where_to_go_on(base):
    async with httpx.AsyncClient(headers=HEADERS, timeout=10) as client:
        params = {"q": "LIGHTHOUSE", "newest_first": "true", "limit": 5}
        first = (await client.get(base, params=params)).json()
        assert first["records"] == [] and first["scanned"] == 500
        assert first["next"] == {"before_seq": 701}
        second = (await client.get(base, params={**params, **first["next"]})).json()
        assert second["scanned"] == 500 and second["next"] == {"before_seq": 201}
        third = (await client.get(base, params={**params, **second["next"]})).json()
        assert [r["seq"] for r in third["records"]] == [3] and third["next"] is None
        assert "lighthouse" in third["records"][0]["sensitive"]["transcript"]
        newest = (await client.get(base, params={"newest_first": "true", "limit": 3})).json()
        assert [r["seq"] for r in newest["records"]] == [1200, 1199, 1198]
        assert newest["records"][0]["chain"] and newest["records"][0]["prev"]
        oldest = (await client.get(base, params={"limit": 2, "after_seq": 10})).json()
        assert [r["seq"] for r in oldest["records"]] == [11, 12]


async def test_a_record_number_past_sqlites_range_is_a_400_not_a_500(base):
    """Found by fuzzing: before_seq=2**64 overflowed SQLite's integer and answered 500."""
    async with httpx.AsyncClient(headers=HEADERS, timeout=10) as client:
        for params in ({"before_seq": 2**64}, {"after_seq": -1}):
            answer = await client.get(base, params=params)
            assert answer.status_code == 400 and "record number" in answer.json()["error"]


async def test_a_trail_that_stopped_writing_says_so(base, trail):
    db = sqlite3.connect(trail.path)
    db.execute("DELETE FROM records WHERE seq > 1190")
    db.commit()
    db.close()
    with pytest.raises(AuditChainError):
        await trail.append_async("note", {"after": "deletion"})
    async with httpx.AsyncClient(headers=HEADERS, timeout=10) as client:
        report = (await client.get(f"{base}/verify")).json()
    assert not report["ok"] and report["first_bad_seq"] == 1191
    assert "records 1191-1200 were deleted" in report["writing_stopped"]


def test_reading_holds_the_lock_per_batch_not_for_the_whole_scan(trail):
    held = []

    class CountingLock:
        def __init__(self):
            self.lock = threading.Lock()

        def __enter__(self):
            self.lock.acquire()
            held.append(1)

        def __exit__(self, *exc):
            self.lock.release()

    trail._lock = CountingLock()
    records = trail.records()
    next(records)
    assert trail.append("note", {"while": "reading"}) == 1201  # not blocked by the reader
    assert sum(1 for _ in records) == 1200
    assert len(held) >= 4  # three batches of reading, one append

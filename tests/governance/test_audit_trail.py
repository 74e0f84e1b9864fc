"""The audit trail catches edits, insertions and deletions, keeps acknowledged records, prunes."""

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from appliance.governance.audit import AuditChainError, AuditTrail
from appliance.governance.keys import AuditKeyError, load_or_create_key

pytestmark = pytest.mark.unit

SECRET = bytes(range(32))


@pytest.fixture
def trail(tmp_path):
    trail = AuditTrail(tmp_path / "audit.db", SECRET)
    for n in range(1, 6):
        trail.append("turn", {"stt": "local", "voice_to_voice_ms": 500 + n},
                     sensitive={"transcript": f"question {n}", "reply": f"answer {n}"},
                     session_id="s1", turn_id=f"t{n}")
    yield trail
    trail.close()


def _sql(trail, statement, *params):
    db = sqlite3.connect(trail.path)
    db.execute(statement, params)
    db.commit()
    db.close()


def test_an_untouched_trail_verifies_and_reads_back(trail):
    report = trail.verify()
    assert report.ok and report.records == 5
    records = list(trail.records(turn_id="t3"))
    assert [r.sensitive["transcript"] for r in records] == ["question 3"]
    assert records[0].data["voice_to_voice_ms"] == 503


def test_transcripts_are_encrypted_at_rest(trail):
    raw = trail.path.read_bytes() + trail.path.with_name("audit.db-wal").read_bytes()
    assert b"question 3" not in raw and b"answer 3" not in raw
    assert b"voice_to_voice_ms" in raw  # the non-sensitive part stays searchable


def test_an_edited_record_is_named(trail):
    _sql(trail, "UPDATE records SET data = ? WHERE seq = 3", '{"stt":"cloud"}')
    report = trail.verify()
    assert not report.ok and report.first_bad_seq == 3
    assert "altered" in report.problem


def test_a_deleted_record_is_named(trail):
    _sql(trail, "DELETE FROM records WHERE seq = 2")
    report = trail.verify()
    assert not report.ok and report.first_bad_seq == 2
    assert "deleted" in report.problem


def test_records_deleted_from_the_end_are_named(trail):
    _sql(trail, "DELETE FROM records WHERE seq >= 4")
    report = trail.verify()
    assert not report.ok and report.first_bad_seq == 4


def test_an_inserted_record_is_named(trail):
    # Make room after record 2 and slip a forged record in, copying a real chain value.
    db = sqlite3.connect(trail.path)
    for seq in (5, 4, 3):
        db.execute("UPDATE records SET seq = seq + 1 WHERE seq = ?", (seq,))
    chain_2 = db.execute("SELECT chain FROM records WHERE seq = 2").fetchone()[0]
    chain_4 = db.execute("SELECT chain FROM records WHERE seq = 4").fetchone()[0]
    db.execute("INSERT INTO records VALUES (3, ?, 'turn', 's1', 'forged', '{}', NULL, ?, ?)",
               (datetime.now(UTC).isoformat(), chain_2, chain_4))
    db.commit()
    db.close()
    report = trail.verify()
    assert not report.ok and report.first_bad_seq == 3


def test_a_chain_recomputed_without_the_key_is_caught(trail, tmp_path):
    # Someone with the file but not the key rewrites a record and re-chains everything.
    forger = AuditTrail(tmp_path / "forged.db", bytes(32))
    for record in trail.records():
        forger.append(record.kind, record.data | {"stt": "cloud"}, sensitive=record.sensitive,
                      session_id=record.session_id, turn_id=record.turn_id)
    forger.close()
    assert not AuditTrail(tmp_path / "forged.db", SECRET, check_at_open=False).verify().ok
    with pytest.raises(AuditChainError, match="head file .* was rewritten"):
        AuditTrail(tmp_path / "forged.db", SECRET)  # the forger's head seal is not ours


def test_retention_prunes_and_the_chain_still_verifies(tmp_path):
    trail = AuditTrail(tmp_path / "audit.db", SECRET)
    now = datetime.now(UTC)
    for n in range(20):
        trail.append("turn", {"n": n}, at=now - timedelta(days=40 - n))
    assert trail.prune(max_age=timedelta(days=30), now=now) == 10
    assert trail.verify().ok
    assert trail.prune(max_records=5) > 0
    assert trail.count() == 5 and trail.verify().ok
    # A deletion after pruning is still caught.
    first = next(iter(trail.records())).seq
    _sql(trail, "DELETE FROM records WHERE seq = ?", first + 1)
    assert trail.verify().first_bad_seq == first + 1


def test_deleting_the_oldest_records_without_pruning_is_caught(trail):
    _sql(trail, "DELETE FROM records WHERE seq <= 2")
    report = trail.verify()
    assert not report.ok and report.first_bad_seq == 1


def test_a_key_file_is_created_private_and_reused(tmp_path, monkeypatch):
    monkeypatch.delenv("TEST_AUDIT_KEY", raising=False)
    path = tmp_path / "keys" / "audit.key"
    first = load_or_create_key("TEST_AUDIT_KEY", path)
    assert path.stat().st_mode & 0o777 == 0o600
    assert load_or_create_key("TEST_AUDIT_KEY", path) == first


def test_a_readable_key_file_is_refused_with_the_fix(tmp_path, monkeypatch):
    monkeypatch.delenv("TEST_AUDIT_KEY", raising=False)
    path = tmp_path / "audit.key"
    load_or_create_key("TEST_AUDIT_KEY", path)
    path.chmod(0o644)
    with pytest.raises(AuditKeyError, match=f"chmod 600 {path}"):
        load_or_create_key("TEST_AUDIT_KEY", path)


def test_a_bad_key_in_the_environment_says_how_to_make_one(tmp_path, monkeypatch):
    monkeypatch.setenv("TEST_AUDIT_KEY", "not-a-key")
    with pytest.raises(AuditKeyError, match="Fernet.generate_key"):
        load_or_create_key("TEST_AUDIT_KEY", tmp_path / "audit.key")

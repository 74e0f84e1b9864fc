"""The sealed head file: a trail cut short refuses to grow, files are private from creation."""

import os
import sqlite3

import pytest

from appliance.governance.audit import AuditChainError, AuditTrail
from appliance.governance.checkpoints import Checkpointer, load_or_create_signing_key

pytestmark = pytest.mark.unit

SECRET = bytes(range(32))


def _fill(path, n=5, **options):
    trail = AuditTrail(path, SECRET, **options)
    for i in range(1, n + 1):
        trail.append("turn", {"n": i}, sensitive={"transcript": f"question {i}"})
    return trail


def _sql(path, statement, *params):
    db = sqlite3.connect(path)
    db.execute(statement, params)
    db.commit()
    db.close()


def test_deleting_the_newest_records_then_appending_is_refused(tmp_path):
    path = tmp_path / "audit.db"
    trail = _fill(path)
    _sql(path, "DELETE FROM records WHERE seq >= 4")
    with pytest.raises(AuditChainError, match="records 4-5 were deleted from the end"):
        trail.append("note", {"after": "the deletion"})
    # Writing stays stopped, and nothing was appended to the forked chain.
    with pytest.raises(AuditChainError, match="appliance audit reset --i-understand"):
        trail.append("note", {"again": True})
    assert trail.broken and trail.count() == 3
    trail.close()
    report = AuditTrail(path, SECRET, check_at_open=False).verify()
    assert not report.ok and report.first_bad_seq == 4


def test_opening_a_trail_cut_short_is_refused_and_says_how_to_go_on(tmp_path):
    path = tmp_path / "audit.db"
    _fill(path).close()
    _sql(path, "DELETE FROM records WHERE seq = 5")
    with pytest.raises(AuditChainError) as refused:
        AuditTrail(path, SECRET)
    message = str(refused.value)
    assert "record" in message and "appliance audit verify" in message
    assert "appliance audit reset --i-understand" in message


def test_deleting_the_database_but_keeping_the_head_is_refused(tmp_path):
    path = tmp_path / "audit.db"
    _fill(path).close()
    for suffix in ("", "-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    with pytest.raises(AuditChainError, match="no records, but the sealed head file says "
                                              "record 5"):
        AuditTrail(path, SECRET)


def test_a_rewritten_head_file_is_refused(tmp_path):
    path = tmp_path / "audit.db"
    _fill(path).close()
    chain_3 = sqlite3.connect(path).execute("SELECT chain FROM records WHERE seq=3").fetchone()[0]
    _sql(path, "DELETE FROM records WHERE seq > 3")
    head = path.with_name("audit.db.head")
    head.write_text(f"3 {chain_3} {'0' * 64}\n")  # matches the database, but not sealed by us
    with pytest.raises(AuditChainError, match="was rewritten: its seal does not match"):
        AuditTrail(path, SECRET)
    head.write_text(f"3 {chain_3}\n")  # the older, unsealed format is not accepted either
    with pytest.raises(AuditChainError, match="not sealed"):
        AuditTrail(path, SECRET)
    assert not AuditTrail(path, SECRET, check_at_open=False).verify().ok


def test_an_unsealed_head_of_the_previous_version_is_sealed_once(tmp_path):
    path = tmp_path / "audit.db"
    _fill(path).close()
    chain_5 = sqlite3.connect(path).execute("SELECT chain FROM records WHERE seq=5").fetchone()[0]
    path.with_name("audit.db.head").write_text(f"5 {chain_5}\n")  # as the old version wrote it
    trail = AuditTrail(path, SECRET, accept_legacy_head=True)
    assert len(path.with_name("audit.db.head").read_text().split()) == 3  # sealed now
    assert trail.append("note", {}) == 6 and trail.verify().ok


def test_an_append_killed_before_its_head_was_written_is_healed(tmp_path):
    path = tmp_path / "audit.db"
    trail = _fill(path, 4)
    head = path.with_name("audit.db.head")
    before = head.read_text()
    trail.append("turn", {"n": 5})
    trail.close()
    head.write_text(before)  # what a kill between the commit and the head write leaves
    assert AuditTrail(path, SECRET, check_at_open=False).verify().ok
    trail = AuditTrail(path, SECRET)
    assert trail.append("note", {}) == 6 and trail.verify().ok


def test_a_second_process_appending_keeps_the_chain(tmp_path):
    path = tmp_path / "audit.db"
    first = _fill(path, 2)
    second = AuditTrail(path, SECRET)
    assert second.append("note", {"by": "cli"}) == 3
    assert first.append("note", {"by": "service"}) == 4  # reads the head the other wrote
    assert first.verify().ok


def test_every_file_is_private_from_creation(tmp_path):
    old = os.umask(0o022)
    try:
        path = tmp_path / "state" / "audit.db"
        key = load_or_create_signing_key(tmp_path / "keys" / "audit-signing.key")
        checkpointer = Checkpointer(key, every_records=1, file=tmp_path / "ship" / "cp.log")
        trail = AuditTrail(path, SECRET, checkpointer=checkpointer)
        trail.append("turn", {"n": 1}, sensitive={"transcript": "hello"})
        names = ["audit.db", "audit.db-wal", "audit.db-shm", "audit.db.head", "audit.db.lock"]
        modes = {name: (path.parent / name).stat().st_mode & 0o777 for name in names}
        modes["checkpoints"] = (tmp_path / "ship" / "cp.log").stat().st_mode & 0o777
        modes["signing key"] = (tmp_path / "keys" / "audit-signing.key").stat().st_mode & 0o777
        trail.close()
    finally:
        os.umask(old)
    assert modes == dict.fromkeys(modes, 0o600)

"""Signed checkpoints shipped elsewhere catch deletions the head file cannot: the whole
store, an older head file put back, records cut from the start. Reset starts afresh."""

import json
import shutil
import socket
import sqlite3

import pytest

from appliance.cli import main
from appliance.config import load_settings
from appliance.governance.audit import AuditChainError, AuditTrail, open_audit_trail
from appliance.governance.checkpoints import (
    Checkpointer,
    load_or_create_signing_key,
    read_checkpoint_file,
)

pytestmark = pytest.mark.unit

SECRET = bytes(range(32))


@pytest.fixture
def setup(tmp_path, monkeypatch):
    """A config whose checkpoints go to another folder (standing in for another mount)."""
    monkeypatch.setenv("APPLIANCE_AUDIT_KEY", "B" * 43 + "=")
    state, elsewhere = tmp_path / "state", tmp_path / "elsewhere"
    config = tmp_path / "appliance.toml"
    config.write_text(f'[governance.audit]\npath = "{state / "audit.db"}"\n'
                      f'key_file = "{state / "audit.key"}"\n'
                      f'checkpoint_file = "{elsewhere / "checkpoints.log"}"\n'
                      f'signing_key_file = "{tmp_path / "keys" / "signing.key"}"\n'
                      "checkpoint_every_records = 10\n")
    return config, load_settings(config).governance.audit


def _fill(settings, n):
    trail = open_audit_trail(settings)
    for i in range(n):
        trail.append("turn", {"n": i}, sensitive={"transcript": f"question {i}"})
    return trail


def _verify(config, capsys, *extra):
    code = main(["audit", "--config", str(config), "verify", *extra])
    return code, capsys.readouterr().out


def test_checkpoints_are_signed_every_n_records_and_on_close(setup, capsys):
    config, settings = setup
    _fill(settings, 25).close()
    public = load_or_create_signing_key(settings.signing_key_file).public_key()
    log = read_checkpoint_file(settings.checkpoint_file, public)
    assert [c.seq for c in log.checkpoints] == [10, 20, 25] and not log.problems
    code, out = _verify(config, capsys)
    assert code == 0 and "agrees with 3 signed checkpoints" in out


def test_a_checkpoint_is_due_after_checkpoint_every_s(tmp_path):
    now = [1000.0]
    key = load_or_create_signing_key(tmp_path / "signing.key")
    checkpointer = Checkpointer(key, every_records=1000, every_s=60, file=tmp_path / "cp.log",
                                clock=lambda: now[0])
    trail = AuditTrail(tmp_path / "audit.db", SECRET, checkpointer=checkpointer)
    trail.append("note", {})
    now[0] += 59
    trail.append("note", {})
    assert not (tmp_path / "cp.log").exists()
    now[0] += 2
    trail.append("note", {})
    assert [c.seq for c in read_checkpoint_file(tmp_path / "cp.log",
                                                key.public_key()).checkpoints] == [3]
    trail.close()


def test_deleting_the_whole_store_is_caught(setup, capsys):
    config, settings = setup
    _fill(settings, 30).close()
    shutil.rmtree(settings.path.parent)  # database, head file, key: all gone
    code, out = _verify(config, capsys)
    assert code == 1 and "records 1-30 are missing" in out
    with pytest.raises(AuditChainError, match="records 1-30 are missing"):
        open_audit_trail(settings)  # the service does not quietly start a fresh chain


def test_a_fresh_chain_in_place_of_the_old_is_caught(setup, capsys):
    config, settings = setup
    _fill(settings, 30).close()
    public = load_or_create_signing_key(settings.signing_key_file).public_key()
    for name in ("audit.db", "audit.db-wal", "audit.db-shm", "audit.db.head"):
        (settings.path.parent / name).unlink(missing_ok=True)
    fresh = AuditTrail(settings.path, bytes(32))  # written without the checkpoints' knowledge
    for i in range(35):
        fresh.append("note", {"i": i})
    fresh.close()
    assert read_checkpoint_file(settings.checkpoint_file, public).checkpoints
    code, out = _verify(config, capsys)
    assert code == 1 and "TAMPERED" in out


def test_an_older_head_file_put_back_is_caught(setup, capsys):
    config, settings = setup
    trail = _fill(settings, 20)
    saved = settings.path.with_name("audit.db.head").read_bytes()
    for i in range(10):
        trail.append("note", {"i": i})  # record 30 gets checkpointed
    trail.close()
    db = sqlite3.connect(settings.path)
    db.execute("DELETE FROM records WHERE seq > 20")
    db.commit()
    db.close()
    settings.path.with_name("audit.db.head").write_bytes(saved)  # sealed, but old
    code, out = _verify(config, capsys)
    assert code == 1 and "records 21-30 are missing" in out
    with pytest.raises(AuditChainError, match="records 21-30 are missing"):
        open_audit_trail(settings)


def test_the_first_records_deleted_are_caught_but_pruning_still_verifies(setup, capsys):
    config, settings = setup
    _fill(settings, 30).close()
    assert main(["audit", "--config", str(config), "prune", "--keep", "12"]) == 0
    code, out = _verify(config, capsys)
    assert code == 0, out
    db = sqlite3.connect(settings.path)
    first = db.execute("SELECT MIN(seq) FROM records").fetchone()[0]
    db.execute("DELETE FROM records WHERE seq <= ?", (first + 1,))
    db.commit()
    db.close()
    code, out = _verify(config, capsys)
    assert code == 1 and f"first bad record {first}" in out


def test_a_forged_checkpoint_line_is_reported(setup, capsys):
    config, settings = setup
    _fill(settings, 10).close()
    line = json.loads(settings.checkpoint_file.read_text().splitlines()[0])
    line["seq"] = 99
    with settings.checkpoint_file.open("a") as f:
        f.write(json.dumps(line) + "\n")
    code, out = _verify(config, capsys)
    assert code == 1 and "checkpoint line 2 was altered or forged" in out


def test_checkpoints_reach_syslog_over_udp(tmp_path, capsys):
    receiver = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    receiver.bind(("127.0.0.1", 0))
    receiver.settimeout(5)
    port = receiver.getsockname()[1]
    key = load_or_create_signing_key(tmp_path / "signing.key")
    checkpointer = Checkpointer(key, every_records=2, syslog_address=f"127.0.0.1:{port}")
    trail = AuditTrail(tmp_path / "audit.db", SECRET, checkpointer=checkpointer)
    for i in range(2):
        trail.append("note", {"i": i})
    message = receiver.recv(4096).decode()
    receiver.close()
    assert "appliance-audit-checkpoint:" in message
    # A syslog file holding such lines is a checkpoint log `verify` reads.
    (tmp_path / "syslog").write_text(f"Dec  6 10:00:00 box {message}\n")
    log = read_checkpoint_file(tmp_path / "syslog", key.public_key())
    assert [c.seq for c in log.checkpoints] == [2]
    assert trail.verify(log).ok
    trail.close()


def test_reset_moves_the_old_chain_aside_and_a_new_one_verifies(setup, capsys):
    config, settings = setup
    _fill(settings, 25).close()
    db = sqlite3.connect(settings.path)
    db.execute("DELETE FROM records WHERE seq > 20")
    db.commit()
    db.close()
    with pytest.raises(AuditChainError):
        open_audit_trail(settings)
    assert main(["audit", "--config", str(config), "reset"]) == 2
    assert "--i-understand" in capsys.readouterr().err
    assert main(["audit", "--config", str(config), "reset", "--i-understand"]) == 0
    assert "moved audit.db" in capsys.readouterr().out
    assert list(settings.path.parent.glob("audit.db.reset-*/audit.db"))
    trail = _fill(settings, 3)
    trail.close()
    code, out = _verify(config, capsys)
    assert code == 0 and "3 records" in out


def test_the_public_key_command_gives_what_checks_the_checkpoints(setup, tmp_path, capsys):
    config, settings = setup
    _fill(settings, 10).close()
    assert main(["audit", "--config", str(config), "public-key"]) == 0
    pem = capsys.readouterr().out
    assert pem.startswith("-----BEGIN PUBLIC KEY-----")
    (tmp_path / "appliance.pub").write_text(pem)
    code, out = _verify(config, capsys, "--public-key", str(tmp_path / "appliance.pub"),
                        "--checkpoints", str(settings.checkpoint_file))
    assert code == 0 and "agrees with 1 signed checkpoints" in out

"""A spoken turn through the real pipeline lands in the audit trail, masked and encrypted."""

import json
import os
import sqlite3
import subprocess
import sys

import pytest

from appliance.audio.wav import write_wav

pytestmark = pytest.mark.models

SAID = "My email is jane dot doe at example dot com. What is the capital of France?"


def run_cli(*args, env):
    return subprocess.run([sys.executable, "-m", "appliance.cli", *map(str, args)],
                          capture_output=True, text=True, timeout=180, env=env)


def test_a_spoken_turn_is_audited_masked_and_verifiable(tmp_path, speak, settings):
    question = tmp_path / "question.wav"
    write_wav(question, speak(SAID).tobytes(), 16000)
    env = {**os.environ, "APPLIANCE_STATE_DIR": str(tmp_path / "state")}
    env.pop("APPLIANCE_AUDIT_KEY", None)

    done = run_cli("converse", question, "--json", "--out", tmp_path / "reply.wav", env=env)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert "created a new audit key" in done.stderr  # first run says where the key went
    assert (tmp_path / "state" / "audit.key").stat().st_mode & 0o777 == 0o600

    shown = run_cli("audit", "show", result["turn_id"], env=env)
    assert shown.returncode == 0, shown.stderr
    record = json.loads(shown.stdout)
    assert record["kind"] == "turn"
    assert "[EMAIL]" in record["sensitive"]["transcript"], record
    assert "jane" not in shown.stdout.lower()
    assert record["data"]["route"]["llm"]["provider"] == "local"
    assert record["data"]["timings_ms"]["voice_to_voice"] > 0

    raw = (tmp_path / "state" / "audit.db").read_bytes()
    wal = tmp_path / "state" / "audit.db-wal"
    raw += wal.read_bytes() if wal.exists() else b""
    assert b"capital" not in raw.lower()  # transcripts are encrypted at rest

    verified = run_cli("audit", "verify", env=env)
    assert verified.returncode == 0 and "chain intact" in verified.stdout
    db = sqlite3.connect(tmp_path / "state" / "audit.db")
    db.execute("UPDATE records SET data = replace(data, 'local', 'cloud')")
    db.commit()
    db.close()
    tampered = run_cli("audit", "verify", env=env)
    assert tampered.returncode == 1 and "first bad record 1" in tampered.stdout

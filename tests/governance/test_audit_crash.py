"""kill -9 at random moments during appends, 100 times: no acknowledged record is lost, and
after every kill the trail opens (its head healed if the kill fell between commit and head
write) and verifies, against its signed checkpoints too.

Real time is the point here (a kill lands wherever the writer happens to be), so this test
sleeps for short random spans; the seed makes the spans repeatable, not the kill points.
"""

import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from appliance.governance.audit import AuditTrail
from appliance.governance.checkpoints import load_or_create_signing_key, read_checkpoint_file

pytestmark = pytest.mark.unit

SECRET = bytes(range(32))
KILLS = 100


def test_no_acknowledged_record_is_lost_to_100_kill_9s(tmp_path):
    db, checkpoints, key = tmp_path / "audit.db", tmp_path / "cp.log", tmp_path / "signing.key"
    public = load_or_create_signing_key(key).public_key()
    script = Path(__file__).with_name("append_forever.py")
    server = subprocess.Popen(
        [sys.executable, str(script), "--fork-server", str(db), SECRET.hex(), str(checkpoints),
         str(key)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
    rng = random.Random(17)
    acknowledged: list[int] = []
    try:
        for _ in range(KILLS):
            server.stdin.write("go\n")
            server.stdin.flush()
            pid = int(server.stdout.readline().split()[1])
            acknowledged.append(int(server.stdout.readline()))  # it is appending now
            # Spin for a random span (not sleep: the kill must not always land right after
            # a wake-up), then kill wherever it is.
            deadline = rng.uniform(0, 0.03)
            spin_until = _now() + deadline
            while _now() < spin_until:
                pass
            os.kill(pid, signal.SIGKILL)
            for line in server.stdout:
                if line.strip() == "ended":
                    break
                acknowledged.append(int(line))
            trail = AuditTrail(db, SECRET)  # refuses if the head and the database disagree
            report = trail.verify(read_checkpoint_file(checkpoints, public))
            recent = acknowledged[-40:]
            stored = {r.seq for r in trail.records(after_seq=min(recent) - 1)}
            trail.close()
            assert report.ok, report
            assert set(recent) <= stored
    finally:
        server.stdin.close()
        server.wait(timeout=10)
    trail = AuditTrail(db, SECRET)
    stored = {r.seq for r in trail.records()}
    lost = set(acknowledged) - stored
    print(f"{KILLS} kills, {len(acknowledged)} acknowledged, {len(lost)} lost, "
          f"{trail.count()} stored, verify ok: {trail.verify().ok}")
    assert not lost and trail.verify().ok
    trail.close()


def _now() -> float:
    return __import__("time").monotonic()

"""Appends audit records until killed, printing each record's number once it is durable.

`append_forever.py DB SECRET_HEX [CHECKPOINTS SIGNING_KEY]` appends in this process
(checkpointing every 7 records when a checkpoint file and signing key are given).
With `--fork-server` first, it imports once and then, for each line read on stdin,
forks a child that prints "started PID" and appends until killed; the server
prints "ended" once the child is gone. A hundred kills then cost a hundred forks,
not a hundred interpreter starts.
"""

import os
import sys
from pathlib import Path

from appliance.governance.audit import AuditTrail
from appliance.governance.checkpoints import Checkpointer, load_or_create_signing_key


def append_forever(db: str, secret_hex: str, checkpoints: str | None, key: str | None) -> None:
    checkpointer = (Checkpointer(load_or_create_signing_key(Path(key)), every_records=7,
                                 every_s=None, file=Path(checkpoints)) if checkpoints else None)
    trail = AuditTrail(Path(db), bytes.fromhex(secret_hex), checkpointer=checkpointer)
    n = 0
    while True:
        n += 1
        seq = trail.append("turn", {"n": n, "latency_ms": 512},
                           sensitive={"transcript": f"turn {n}"}, session_id="crash",
                           turn_id=f"t{n}")
        os.write(1, f"{seq}\n".encode())  # one write: a kill cannot leave half a line


def fork_server(*args: str) -> None:
    for _ in sys.stdin:
        pid = os.fork()
        if pid == 0:
            try:
                os.write(1, f"started {os.getpid()}\n".encode())
                append_forever(*args)
            finally:
                os._exit(1)
        os.waitpid(pid, 0)
        os.write(1, b"ended\n")


if __name__ == "__main__":
    if sys.argv[1] == "--fork-server":
        fork_server(*sys.argv[2:4], *(sys.argv[4:6] or (None, None)))
    else:
        append_forever(*sys.argv[1:3], *(sys.argv[3:5] or (None, None)))

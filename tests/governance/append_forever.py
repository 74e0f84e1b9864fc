"""Appends audit records until killed, printing each record's number once it is durable."""

import sys
from pathlib import Path

from appliance.governance.audit import AuditTrail

trail = AuditTrail(Path(sys.argv[1]), bytes.fromhex(sys.argv[2]))
n = 0
while True:
    n += 1
    seq = trail.append("turn", {"n": n, "latency_ms": 512}, sensitive={"transcript": f"turn {n}"},
                       session_id="crash", turn_id=f"t{n}")
    print(seq, flush=True)

"""The audit trail's tamper check: chain links, HMACs, the head file and checkpoints."""

from __future__ import annotations

import hmac
import json
from collections.abc import Callable
from dataclasses import dataclass

from appliance.governance.audit_head import Head
from appliance.governance.checkpoints import CheckpointLog

GENESIS = "0" * 64

# seq, at, kind, session_id, turn_id, data (JSON text), secret (ciphertext), prev, chain
Row = tuple


@dataclass(frozen=True)
class VerifyReport:
    """What `verify()` found: ok, or the first bad record and what is wrong with it."""

    ok: bool
    records: int
    first_bad_seq: int | None = None
    problem: str = ""


def prune_anchor(rows: list[Row], chain_of: Callable[[Row], str]) -> tuple[int, str] | None:
    """Where a pruned chain starts: the newest authentic prune record's anchor."""
    for row in reversed(rows):
        if row[2] == "prune" and hmac.compare_digest(row[8], chain_of(row)):
            data = json.loads(row[5])
            return data["first_kept"], data["anchor"]
    return None


def verify_rows(rows: list[Row], chain_of: Callable[[Row], str], head: Head | None,
                head_problem: str = "", checkpoints: CheckpointLog | None = None) -> VerifyReport:
    """Check every link and HMAC, then the head file, then the signed checkpoints."""
    anchor = prune_anchor(rows, chain_of)
    expected_seq, expected_prev = anchor if anchor else (1, GENESIS)
    for row in rows:
        seq, prev, chain = row[0], row[7], row[8]
        if seq != expected_seq:
            missing = (f"record {expected_seq}" if seq == expected_seq + 1
                       else f"records {expected_seq}-{seq - 1}")
            return VerifyReport(False, len(rows), expected_seq,
                                f"{missing} deleted: the chain jumps from "
                                f"{expected_seq - 1} to {seq}")
        if prev != expected_prev:
            return VerifyReport(False, len(rows), seq,
                                f"record {seq} does not follow record {seq - 1}: a record "
                                "before it was replaced, or it was inserted")
        if not hmac.compare_digest(chain, chain_of(row)):
            return VerifyReport(False, len(rows), seq,
                                f"record {seq} was altered or forged: its content does not "
                                "match its chain value")
        expected_seq, expected_prev = seq + 1, chain
    report = _check_head(rows, head, head_problem, expected_seq)
    if report is None and checkpoints is not None:
        report = _check_checkpoints(rows, anchor, checkpoints)
    return report or VerifyReport(True, len(rows))


def _check_head(rows: list[Row], head: Head | None, head_problem: str,
                next_seq: int) -> VerifyReport | None:
    last = rows[-1] if rows else None
    if head_problem:
        return VerifyReport(False, len(rows), last[0] if last else None, head_problem)
    if head is None:
        if last is None:
            return None
        return VerifyReport(False, len(rows), last[0],
                            "the head file is missing: records may have been deleted from "
                            "the end")
    if head.seq >= next_seq:
        return VerifyReport(False, len(rows), next_seq,
                            f"records {next_seq}-{head.seq} deleted from the end: the head "
                            f"file says the newest record is {head.seq}")
    if last is None:
        return None
    if head.seq == last[0] and head.chain != last[8]:
        return VerifyReport(False, len(rows), head.seq,
                            f"record {head.seq} differs from the one the head file recorded")
    if head.seq == last[0] - 1 and head.chain == last[7]:
        return None  # the newest append was killed before its head was written
    if head.seq < last[0]:
        return VerifyReport(False, len(rows), head.seq + 1,
                            f"the head file names record {head.seq} but records go on to "
                            f"{last[0]}: an older head file was put back")
    return None


def _check_checkpoints(rows: list[Row], anchor: tuple[int, str] | None,
                       log: CheckpointLog) -> VerifyReport | None:
    if log.problems:
        return VerifyReport(False, len(rows), None, log.problems[0])
    chains = {row[0]: row[8] for row in rows}
    last_seq = rows[-1][0] if rows else 0
    newest = log.newest
    if newest is not None and newest.seq > last_seq:
        gone = "the database is empty or gone" if not rows else f"it ends at {last_seq}"
        return VerifyReport(False, len(rows), last_seq + 1,
                            f"records {last_seq + 1}-{newest.seq} are missing: a checkpoint "
                            f"signed at {newest.at} says record {newest.seq} existed, but "
                            f"{gone}")
    for checkpoint in sorted(log.checkpoints, key=lambda c: c.seq):
        seq = checkpoint.seq
        if seq in chains:
            if chains[seq] != checkpoint.chain:
                return VerifyReport(False, len(rows), seq,
                                    f"record {seq} is not the one checkpointed at "
                                    f"{checkpoint.at}: the chain was replaced or restarted")
        elif anchor and seq == anchor[0] - 1 and anchor[1] != checkpoint.chain:
            return VerifyReport(False, len(rows), anchor[0],
                                f"the prune anchor does not match the checkpoint of record "
                                f"{seq} ({checkpoint.at})")
    return None

"""Verifiable exports: JSON lines that another machine checks with the public key alone.

The audit chain's HMAC needs the secret key, which must not leave the box. So an
export carries its own proof: every line holds a SHA-256 digest over the line
before's digest and its own content, and the last line signs the final digest
with the appliance's Ed25519 key. A line edited, deleted, inserted or moved, or
the end cut off, breaks the digests or the signature. Records also keep their
chain fields (seq, prev, chain, and what the HMAC covers: the data as stored and
the SHA-256 of the encrypted part), so links between records are checked too,
and signed checkpoints of the exported range are carried along.

What is covered is what is in the file: `sensitive` is exported decrypted.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime
from hashlib import sha256
from typing import TextIO

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from appliance.governance.audit import AuditTrail, VerifyReport
from appliance.governance.checkpoints import (
    CheckpointLog,
    canonical,
    is_signed_by,
    key_id,
    sign,
)

FORMAT = "appliance-audit-export"


def _digest(previous: str, entry: dict) -> str:
    content = {k: v for k, v in entry.items() if k != "digest"}
    return sha256(bytes.fromhex(previous) + canonical(content)).hexdigest()


class _Writer:
    def __init__(self, out: TextIO):
        self.out = out
        self.digest = "0" * 64

    def write(self, entry: dict) -> None:
        self.digest = _digest(self.digest, entry)
        self.out.write(canonical({**entry, "digest": self.digest}).decode() + "\n")


def write_export(trail: AuditTrail, out: TextIO, key: Ed25519PrivateKey, *,
                 since: datetime | None = None, checkpoints: CheckpointLog | None = None,
                 progress=lambda record: None) -> int:
    """Write a signed JSON-lines export of the trail (from `since`); return the record count."""
    writer = _Writer(out)
    writer.write({"type": "header", "format": FORMAT, "version": 1,
                  "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
                  "since": since.isoformat() if since else None, "key_id": key_id(key)})
    if since is None:
        records = trail.records_with_proof()
    else:  # from the first record at or after `since`, then every later one, in seq order
        first = next(trail.records(since=since), None)
        records = trail.records_with_proof(after_seq=first.seq - 1) if first else iter(())
    count, first_seq, last_seq = 0, None, None
    for record, covered in records:
        writer.write({"type": "record", **record.to_dict(), **covered})
        count += 1
        first_seq = record.seq if first_seq is None else first_seq
        last_seq = record.seq
        progress(record)
    for checkpoint in (checkpoints.checkpoints if checkpoints else []):
        if first_seq is not None and first_seq <= checkpoint.seq <= last_seq:
            writer.write({"type": "checkpoint", **checkpoint.signed})
    end = sign(key, {"type": "end", "records": count, "first_seq": first_seq,
                     "last_seq": last_seq, "digest": writer.digest})
    out.write(canonical(end).decode() + "\n")
    return count


def verify_export(lines: Iterable[str], public: Ed25519PublicKey) -> VerifyReport:
    """Check an export with the public key alone: digests, links, checkpoints, signature."""
    digest, records, last, end = "0" * 64, 0, None, None
    chains: dict[int, str] = {}
    for number, line in enumerate(lines, 1):
        if end is not None:
            return VerifyReport(False, records, None, f"line {number} comes after the end line: "
                                "lines were appended")
        try:
            entry = json.loads(line)
        except json.JSONDecodeError:
            return VerifyReport(False, records, None, f"line {number} is not JSON: it was "
                                "edited or the file was cut off")
        seq = entry.get("seq") if isinstance(entry, dict) else None
        kind = entry.get("type") if isinstance(entry, dict) else None
        if number == 1 and (kind != "header" or entry.get("format") != FORMAT):
            return VerifyReport(False, 0, None, "line 1 is not an audit export header")
        if number == 1 and entry.get("key_id") != key_id(public):
            return VerifyReport(False, 0, None, f"the export was signed by key "
                                f"{entry.get('key_id')}, not by this public key "
                                f"({key_id(public)})")
        if kind == "end":
            end = entry
            continue
        digest = _digest(digest, entry)
        if entry.get("digest") != digest:
            return VerifyReport(False, records, seq if kind == "record" else None,
                                f"line {number} was edited, or a line before it was deleted, "
                                "inserted or moved: its digest does not follow")
        if kind == "record":
            if last is not None and (seq != last[0] + 1 or entry.get("prev") != last[1]):
                return VerifyReport(False, records, seq, f"record {seq} (line {number}) does "
                                    f"not follow record {last[0]}")
            last = (seq, entry.get("chain"))
            chains[seq] = entry.get("chain")
            records += 1
        elif kind == "checkpoint":
            signed = {k: v for k, v in entry.items() if k not in ("digest",)}
            if not is_signed_by(public, signed):
                return VerifyReport(False, records, None, f"the checkpoint on line {number} "
                                    "is not signed by this key")
            if chains.get(signed["seq"]) != signed["chain"]:
                return VerifyReport(False, records, signed["seq"],
                                    f"record {signed['seq']} is not the one checkpointed at "
                                    f"{signed['at']}")
    return _check_end(end, records, digest, public)


def _check_end(end: dict | None, records: int, digest: str,
               public: Ed25519PublicKey) -> VerifyReport:
    if end is None:
        return VerifyReport(False, records, None, "the export has no end line: it was cut off")
    if end.get("key_id") != key_id(public):
        return VerifyReport(False, records, None, f"the export was signed by key "
                            f"{end.get('key_id')}, not by this public key ({key_id(public)})")
    if not is_signed_by(public, end):
        return VerifyReport(False, records, None, "the end line's signature does not match: "
                            "it was edited")
    if end.get("digest") != digest or end.get("records") != records:
        return VerifyReport(False, records, None, "the signed end line does not match the "
                            "lines before it: lines were edited, deleted or added")
    return VerifyReport(True, records)

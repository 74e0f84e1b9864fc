"""What `appliance audit verify|show|export|prune|public-key|reset` do (parsed in commands.py)."""

from __future__ import annotations

import argparse
import csv
import json
import os
import sqlite3
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tqdm import tqdm

from appliance.config import AuditSettings
from appliance.governance.audit import AuditTrail, open_audit_trail
from appliance.governance.audit_export import verify_export, write_export
from appliance.governance.audit_verify import VerifyReport, verify_rows
from appliance.governance.checkpoints import (
    Checkpointer,
    CheckpointLog,
    load_or_create_signing_key,
    load_public_key,
    public_key_pem,
    read_checkpoint_file,
)
from appliance.governance.private_files import open_private

EXIT_OK, EXIT_TAMPERED, EXIT_USAGE = 0, 1, 2


def with_database(settings: AuditSettings, path: Path) -> AuditSettings:
    """`settings` for another database (`--db`): files that follow it by default follow it."""
    values = settings.model_dump()
    for name in ("signing_key_file", "checkpoint_file"):
        if values[name] == AuditSettings(path=settings.path).model_dump()[name]:
            del values[name]
    return AuditSettings.model_validate({**values, "path": path})


def run_audit_command(args: argparse.Namespace, settings: AuditSettings) -> int:
    """One `appliance audit` subcommand; `AuditKeyError` is left to the caller to print."""
    command = args.audit_command
    if command == "verify" and args.export:
        return _verify_export(args, settings)
    if command == "public-key":
        return _public_key(args, settings)
    if command == "reset":
        return _reset(args, settings)
    if command == "verify":
        return _verify(args, settings)
    if command != "prune" and not settings.path.exists():
        print(f"error: no audit trail at {settings.path} (governance.audit.path); it is "
              "created when `appliance serve`, `kiosk` or `converse` first records a turn",
              file=sys.stderr)
        return EXIT_USAGE
    trail = open_audit_trail(settings, is_writer=command == "prune")
    try:
        if command == "show":
            return _show(trail, args.turn_id)
        if command == "export":
            return _export(trail, args, settings)
        return _prune(trail, args, settings)
    finally:
        trail.close()


def _public(args: argparse.Namespace, settings: AuditSettings):
    if getattr(args, "public_key", None):
        return load_public_key(args.public_key)
    if settings.signing_key_file.exists():
        return load_or_create_signing_key(settings.signing_key_file).public_key()
    return None


def _checkpoints(args: argparse.Namespace, settings: AuditSettings) -> tuple[CheckpointLog | None,
                                                                             str]:
    """The checkpoint log to verify against, and where it came from ("" for none)."""
    path = args.checkpoints or settings.checkpoint_file
    if path is None or not path.exists():
        if args.checkpoints:
            raise FileNotFoundError(f"no checkpoint log at {path}")
        return None, ""
    public = _public(args, settings)
    if public is None:
        print(f"note: checkpoints in {path} not checked: no --public-key and no signing key "
              f"at {settings.signing_key_file}", file=sys.stderr)
        return None, ""
    return read_checkpoint_file(path, public), str(path)


def _verify(args: argparse.Namespace, settings: AuditSettings) -> int:
    try:
        log, source = _checkpoints(args, settings)
    except FileNotFoundError as e:
        print(f"error: {e}", file=sys.stderr)
        return EXIT_USAGE
    if not settings.path.exists():
        if not (log and log.checkpoints):
            print(f"error: no audit trail at {settings.path} (governance.audit.path); it is "
                  "created when `appliance serve`, `kiosk` or `converse` first records a turn",
                  file=sys.stderr)
            return EXIT_USAGE
        # The store is gone but checkpoints say it existed.
        return _report(verify_rows([], lambda row: "", None, "", log), settings.path, source)
    trail = open_audit_trail(settings, is_writer=False)
    try:
        return _report(trail.verify(log if log is not None else CheckpointLog()), trail.path,
                       source, log)
    finally:
        trail.close()


def _report(report: VerifyReport, path: Path, source: str,
            log: CheckpointLog | None = None) -> int:
    if report.ok:
        against = (f"; agrees with {len(log.checkpoints)} signed checkpoints ({source})"
                   if log is not None and source else "")
        print(f"ok: {report.records} records, chain intact ({path}){against}")
        return EXIT_OK
    where = f"first bad record {report.first_bad_seq}: " if report.first_bad_seq else ""
    print(f"TAMPERED: {where}{report.problem}")
    return EXIT_TAMPERED


def _verify_export(args: argparse.Namespace, settings: AuditSettings) -> int:
    public = _public(args, settings)
    if public is None:
        print("error: checking an export needs --public-key (from `appliance audit "
              "public-key` on the appliance)", file=sys.stderr)
        return EXIT_USAGE
    try:
        with args.export.open(encoding="utf-8") as lines:
            report = verify_export(lines, public)
    except OSError as e:
        print(f"error: cannot read {args.export} ({e.strerror})", file=sys.stderr)
        return EXIT_USAGE
    if report.ok:
        print(f"ok: {report.records} records, export intact and signed ({args.export})")
        return EXIT_OK
    where = f"first bad record {report.first_bad_seq}: " if report.first_bad_seq else ""
    print(f"TAMPERED: {where}{report.problem}")
    return EXIT_TAMPERED


def _show(trail: AuditTrail, turn_id: str) -> int:
    records = list(trail.records(turn_id=turn_id))
    if not records:
        print(f"error: no records for turn {turn_id!r}; `appliance audit export` lists turn ids",
              file=sys.stderr)
        return EXIT_USAGE
    for record in records:
        print(json.dumps(record.to_dict(), indent=2, ensure_ascii=False))
    return EXIT_OK


def _export(trail: AuditTrail, args: argparse.Namespace, settings: AuditSettings) -> int:
    try:
        since = datetime.fromisoformat(args.since) if args.since else None
    except ValueError:
        print(f"error: --since {args.since!r} is not an ISO date or time; "
              "e.g. 2026-11-01 or 2026-11-01T08:00", file=sys.stderr)
        return EXIT_USAGE
    out = (os.fdopen(open_private(Path(args.out)), "w", encoding="utf-8", newline="")
           if args.out else sys.stdout)
    progress = tqdm(total=trail.count(), unit="record", desc="export", disable=not args.out,
                    file=sys.stderr)
    try:
        if args.format == "jsonl":
            key = load_or_create_signing_key(settings.signing_key_file)
            log = (read_checkpoint_file(settings.checkpoint_file, key.public_key())
                   if settings.checkpoint_file else None)
            write_export(trail, out, key, since=since, checkpoints=log,
                         progress=lambda record: progress.update())
        else:
            _export_csv(trail, out, since, progress)
    finally:
        progress.close()
        if args.out:
            out.close()
    return EXIT_OK


def _export_csv(trail: AuditTrail, out, since: datetime | None, progress) -> None:
    writer = csv.writer(out)
    writer.writerow(["seq", "at", "kind", "session_id", "turn_id", "data", "sensitive", "prev",
                     "chain"])
    for record in trail.records(since=since):
        row = record.to_dict()
        writer.writerow([row["seq"], row["at"], row["kind"], row["session_id"], row["turn_id"],
                         json.dumps(row["data"], ensure_ascii=False),
                         json.dumps(row["sensitive"], ensure_ascii=False), row["prev"],
                         row["chain"]])
        progress.update()


def _prune(trail: AuditTrail, args: argparse.Namespace, settings: AuditSettings) -> int:
    days = args.older_than_days if args.older_than_days is not None else settings.retention_days
    keep = args.keep if args.keep is not None else settings.max_records
    deleted = trail.prune(max_age=timedelta(days=days) if days else None, max_records=keep)
    print(f"pruned {deleted} records; {trail.count()} kept, chain "
          f"{'intact' if trail.verify().ok else 'BROKEN'}")
    return EXIT_OK


def _public_key(args: argparse.Namespace, settings: AuditSettings) -> int:
    pem = public_key_pem(load_or_create_signing_key(settings.signing_key_file))
    if args.out:
        Path(args.out).write_text(pem, encoding="ascii")
        print(f"public key written to {args.out}", file=sys.stderr)
    else:
        print(pem, end="")
    return EXIT_OK


def _reset(args: argparse.Namespace, settings: AuditSettings) -> int:
    db = settings.path
    if not args.i_understand:
        print(f"error: this closes the audit chain in {db} and starts a new one; the old files "
              f"are moved aside, not deleted. Stop the service, run `appliance audit verify` "
              f"and keep its output, then repeat with --i-understand.", file=sys.stderr)
        return EXIT_USAGE
    last_seq = None
    if db.exists():
        with sqlite3.connect(db) as con:
            last_seq = con.execute("SELECT MAX(seq) FROM records").fetchone()[0]
        con.close()
    aside = db.with_name(f"{db.name}.reset-{datetime.now(UTC):%Y%m%dT%H%M%SZ}")
    aside.mkdir(mode=0o700)
    moved = []
    for name in (db.name, f"{db.name}-wal", f"{db.name}-shm", f"{db.name}.head",
                 f"{db.name}.lock"):
        if (db.with_name(name)).exists():
            os.replace(db.with_name(name), aside / name)
            moved.append(name)
    if settings.enable_checkpoints:
        checkpointer = Checkpointer(load_or_create_signing_key(settings.signing_key_file),
                                    file=settings.checkpoint_file,
                                    syslog_address=settings.checkpoint_syslog_address)
        checkpointer.write_reset(last_seq, str(aside))
        checkpointer.close()
    signed = "; the reset is signed in the checkpoint log" if settings.enable_checkpoints else ""
    print(f"moved {', '.join(moved) or 'nothing'} to {aside}; a new chain starts with the next "
          f"record{signed}")
    return EXIT_OK

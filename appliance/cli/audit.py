"""`appliance audit …` and `appliance tokens …`: the audit trail and access tokens."""

from __future__ import annotations

import argparse
from pathlib import Path

from appliance.governance.commands import run_audit, run_tokens
from appliance.governance.tokens import ROLES


def register(commands, options: argparse.ArgumentParser) -> None:
    """Add the `audit` and `tokens` groups."""
    _register_audit(commands, options)
    _register_tokens(commands, options)


def _register_audit(commands, options: argparse.ArgumentParser) -> None:
    database = argparse.ArgumentParser(add_help=False, parents=[options])
    database.add_argument("--db", default=argparse.SUPPRESS,
                          help="audit database (default: governance.audit.path)")
    audit = commands.add_parser("audit", parents=[database],
                                help="verify, show, export or prune the audit trail")
    actions = audit.add_subparsers(dest="audit_command", required=True)

    verify = actions.add_parser("verify", parents=[database],
                                help="check the chain (and checkpoints, or an export); names "
                                     "the first bad record")
    verify.add_argument("--checkpoints", type=Path,
                        help="checkpoint log or syslog file (default: checkpoint_file)")
    verify.add_argument("--public-key", type=Path,
                        help="PEM public key from `appliance audit public-key` (default: the "
                             "signing key's)")
    verify.add_argument("--export", type=Path,
                        help="check this export file instead of the database (needs only "
                             "--public-key)")

    show = actions.add_parser("show", parents=[database], help="every record of one turn")
    show.add_argument("turn_id")

    export = actions.add_parser("export", parents=[database],
                                help="records as signed JSON lines, or CSV")
    export.add_argument("--since", help="ISO date or time, e.g. 2026-11-01 or 2026-11-01T08:00")
    export.add_argument("--format", choices=["jsonl", "csv"], default="jsonl",
                        help="jsonl: verifiable with `verify --export`; csv: for spreadsheets")
    export.add_argument("--out", help="file to write, mode 0600 (default: standard output)")

    prune = actions.add_parser("prune", parents=[database],
                               help="apply retention now (the chain stays verifiable)")
    prune.add_argument("--older-than-days", type=float, help="default: retention_days")
    prune.add_argument("--keep", type=int, help="keep at most N records (default: max_records)")

    public_key = actions.add_parser("public-key", parents=[database],
                                    help="the public key that checks checkpoints and exports")
    public_key.add_argument("--out", help="file to write (default: standard output)")

    reset = actions.add_parser("reset", parents=[database],
                               help="start a new chain on purpose; the old files are moved "
                                    "aside (stop the service first)")
    reset.add_argument("--i-understand", action="store_true",
                       help="confirm: the old chain is closed and a signed reset is logged")
    audit.set_defaults(func=run_audit)


def _register_tokens(commands, options: argparse.ArgumentParser) -> None:
    tokens = commands.add_parser("tokens", parents=[options],
                                 help="create, list or revoke API tokens (roles)")
    actions = tokens.add_subparsers(dest="tokens_command", required=True)
    create = actions.add_parser("create", parents=[options],
                                help="a new token; printed once, stored hashed")
    create.add_argument("--role", required=True, choices=ROLES,
                        help="viewer: read audit, routes, approvals; client: converse; "
                             "operator: everything, incl. approve and reload")
    create.add_argument("--name", default="", help="who or what it is for")
    actions.add_parser("list", parents=[options],
                       help="every token's id, name, role and state (never the token)")
    revoke = actions.add_parser("revoke", parents=[options], help="revoke a token by id")
    revoke.add_argument("token_id")
    tokens.set_defaults(func=run_tokens)

"""`appliance approvals [list|approve ID|deny ID]`: the approval queue of a running service."""

from __future__ import annotations

import argparse

from appliance.service.approvals_client import TOKEN_ENV, run_approvals


def register(commands, options: argparse.ArgumentParser) -> None:
    """Add the `approvals` group."""
    service = argparse.ArgumentParser(add_help=False, parents=[options])
    service.add_argument("--url", default=argparse.SUPPRESS,
                         help="service address (default: from settings)")
    service.add_argument("--token", default=argparse.SUPPRESS,
                         help=f"operator token (default: ${TOKEN_ENV}, then the service's own "
                              "API token)")
    approvals = commands.add_parser("approvals", parents=[service],
                                    help="list, approve or deny waiting risky actions")
    actions = approvals.add_subparsers(dest="approvals_command")
    actions.add_parser("list", parents=[service], help="what is waiting (the default)")
    for verb in ("approve", "deny"):
        action = actions.add_parser(verb, parents=[service], help=f"{verb} one waiting action")
        action.add_argument("approval_id")
        action.add_argument("--note", default="", help="why, for the audit trail")
    approvals.set_defaults(func=run_approvals)

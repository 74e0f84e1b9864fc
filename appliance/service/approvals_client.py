"""What `appliance approvals [list|approve ID|deny ID]` does: asks the running service.

Its /approvals API; `appliance.cli.approvals` reads the command line.
"""

from __future__ import annotations

import argparse
import os
import sys

import httpx

from appliance.config import load_settings
from appliance.service.auth import load_api_token

TOKEN_ENV = "APPLIANCE_TOKEN"


def run_approvals(args: argparse.Namespace) -> int:
    """Talk to the running service's /approvals API."""
    settings = load_settings(getattr(args, "config", None))
    service = settings.service
    scheme = "https" if service.tls_certfile and service.tls_keyfile else "http"
    base = getattr(args, "url", None) or f"{scheme}://{service.host}:{service.port}"
    token = (getattr(args, "token", None) or os.environ.get(TOKEN_ENV)
             or load_api_token(service))
    if not token:
        print(f"error: no token; pass --token or set {TOKEN_ENV} to an operator token "
              "(`appliance tokens create --role operator`)", file=sys.stderr)
        return 2
    headers = {"Authorization": f"Bearer {token}"}
    try:
        if args.approvals_command in (None, "list"):
            response = httpx.get(f"{base}/approvals", headers=headers, timeout=10)
        else:
            response = httpx.post(f"{base}/approvals/{args.approval_id}", headers=headers,
                                  json={"approve": args.approvals_command == "approve",
                                        "note": args.note}, timeout=10)
    except httpx.TransportError as e:
        print(f"error: cannot reach the service at {base} ({e}); is `appliance serve` running?",
              file=sys.stderr)
        return 2
    body = response.json()
    if response.status_code != 200:
        print(f"error: refused ({response.status_code}): {body.get('error')}", file=sys.stderr)
        return 1
    if args.approvals_command in (None, "list"):
        if not body["pending"]:
            print("nothing is waiting for approval")
        for item in body["pending"]:
            print(f"{item['id']}  {item['tool']}  {item['arguments']}  ({item['reason']}; "
                  f"asked {item['requested_at']})")
        return 0
    verdict = "approved" if body["approved"] else "denied"
    print(f"{body['id']} {verdict} by {body['decided_by']}")
    return 0

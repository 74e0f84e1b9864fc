"""The real service shared by the HTTP and WebSocket fuzzers, and the session's fuzz report."""

import contextlib
import json
import logging
import os
import socket
import sys
import threading
import time
from pathlib import Path

import pytest
from loguru import logger

from tests.fuzz import RESULTS, STARTED, TALLY, is_traceback, total_examples


def pytest_sessionfinish(session, exitstatus):
    if not TALLY:
        return
    report = {
        "command": " ".join(sys.argv),
        "fuzz_examples": total_examples(),
        "duration_s": round(time.monotonic() - STARTED, 1),
        "total_cases": sum(c["cases"] for c in TALLY.values()),
        "tracebacks": sum(c["tracebacks"] for c in TALLY.values()),
        "responses_5xx": sum(c["5xx"] for c in TALLY.values()),
        "categories": {name: dict(c) for name, c in sorted(TALLY.items())},
        **RESULTS,
    }
    lines = [f"  {name}: " + ", ".join(f"{k} {v}" for k, v in sorted(c.items()))
             for name, c in sorted(TALLY.items())]
    print(f"\nfuzz: {report['total_cases']} cases in {report['duration_s']} s\n"
          + "\n".join(lines), file=sys.stderr)
    if path := os.environ.get("FUZZ_REPORT"):
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Path(path).write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")


class ErrorLog:
    """ERROR-level lines from uvicorn, asyncio and loguru (the app and pipecat)."""

    def __init__(self):
        self.lines: list[tuple[str, bool]] = []  # (text, carries a traceback)
        self.lock = threading.Lock()
        self.case = "start-up"
        self.checked = 0

    def add(self, text: str, has_traceback: bool) -> None:
        with self.lock:
            self.lines.append((f"[during {self.case}] {text}", has_traceback))

    def start_case(self, case: str) -> None:
        """Name the case now running; a line is tagged with it (or the one before)."""
        self.case = f"{case}, or just after {self.case.split(', or just after')[0]}"

    def take_new(self) -> list[tuple[str, bool]]:
        """The lines logged since the last call."""
        with self.lock:
            new, self.checked = self.lines[self.checked:], len(self.lines)
            return new


class _Handler(logging.Handler):
    def __init__(self, log: ErrorLog):
        super().__init__(level=logging.ERROR)
        self.log = log

    def emit(self, record: logging.LogRecord) -> None:
        text = record.getMessage()
        if record.exc_info:
            text += "\n" + logging.Formatter().formatException(record.exc_info)
        self.log.add(f"{record.name}: {text}", bool(record.exc_info) or "Traceback" in text)


@pytest.fixture(scope="session")
def fuzz_service(settings, tmp_path_factory):
    """The real service (real models) on 127.0.0.1, tokens of every role, its error log."""
    import uvicorn

    from appliance.config import ServiceSettings
    from appliance.governance.tokens import TokenStore
    from appliance.service.server import create_app, server_config
    from tests.support.running_service import wait_until_ready

    state = tmp_path_factory.mktemp("fuzz-state")
    store = TokenStore(state / "tokens.db")
    tokens = {role: store.create(role, f"fuzz {role}")[1]
              for role in ("operator", "viewer", "client")}
    revoked_info, revoked = store.create("operator", "revoked")
    store.revoke(revoked_info.token_id)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    # Limits that would turn most fuzz cases into 429s or 30 s waits are relaxed; the
    # rest is the service as it ships.
    service = ServiceSettings(port=port, tokens_path=state / "tokens.db",
                              api_requests_per_minute=100000, max_sessions_per_token=4,
                              body_timeout_s=2.0, header_timeout_s=2.0, max_session_s=20,
                              session_idle_timeout_s=10)
    governance = settings.governance.model_copy(update={
        # Every audit file here (model_copy does not move the checkpoint log with the path).
        "audit": settings.governance.audit.model_copy(update={
            "path": state / "audit.db", "key_file": state / "audit.key",
            "checkpoint_file": state / "audit-checkpoints.log",
            "signing_key_file": state / "audit-signing.key"})})
    # Tools on, so the approval endpoints have something behind them.
    tools = settings.tools.model_copy(update={"enabled": True,
                                              "refunds_ledger": state / "refunds.jsonl"})
    configured = settings.model_copy(update={
        "service": service, "governance": governance, "tools": tools,
        "llm": settings.llm.model_copy(update={"max_tokens": 4})})
    log = ErrorLog()
    # After uvicorn's Config: it runs dictConfig, which drops handlers on its loggers.
    server = uvicorn.Server(server_config(create_app(configured), service))
    handler = _Handler(log)
    loggers = [logging.getLogger(name) for name in ("uvicorn.error", "uvicorn", "asyncio")]
    for one in loggers:
        one.addHandler(handler)
    sink = logger.add(lambda m: log.add(str(m), m.record["exception"] is not None
                                        or is_traceback(str(m))), level="ERROR")
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    wait_until_ready(base, timeout_s=120)
    yield {"base": base, "port": port, "ws": f"ws://127.0.0.1:{port}/ws", "tokens": tokens,
           "revoked": revoked, "app": server.config.app, "log": log}
    server.should_exit = True
    thread.join(timeout=30)
    # `appliance.cli.main` (run by later tests) calls logger.remove(), which may have
    # removed this sink already.
    with contextlib.suppress(ValueError):
        logger.remove(sink)
    for one in loggers:
        one.removeHandler(handler)

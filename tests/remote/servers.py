"""Start and stop real server processes on 127.0.0.1 for the remote tests."""

import os
import socket
import subprocess
import tempfile
import time

import httpx
import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_until_ok(command: list[str], url: str, *, env: dict | None = None,
                   timeout_s: float = 60, any_status: bool = False) -> subprocess.Popen:
    """Start a server process and wait until `url` answers 200 (any status if `any_status`).

    Its log goes to a file, not a pipe: nobody drains a pipe while tests run, and a
    full one would freeze the server.
    """
    log = tempfile.TemporaryFile(mode="w+")
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT,
                               env=env or dict(os.environ))

    def output() -> str:
        log.seek(0)
        return log.read()[-4000:]

    process.output = output  # the server's log so far, for a failing test's message
    deadline = time.monotonic() + timeout_s
    while True:
        assert process.poll() is None, output()
        try:
            if httpx.get(url, timeout=1).status_code == 200 or any_status:
                return process
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"{' '.join(command[:3])} never answered {url}:\n{output()}")
        time.sleep(0.1)


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()

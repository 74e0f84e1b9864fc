"""A hostile client cannot exhaust the service: huge or endless bodies, trickled headers,
piles of idle sockets. Real uvicorn on 127.0.0.1 with the service's own settings; the
models are not loaded (lifespan off), which these limits do not depend on."""

import contextlib
import socket
import time

import httpx
import pytest

from appliance.config import ServiceSettings, Settings
from appliance.governance.tokens import TokenStore
from tests.support.running_service import running_service

pytestmark = pytest.mark.unit

HEADER_TIMEOUT_S = 1.0
BODY_TIMEOUT_S = 1.5
MAX_CONNECTIONS = 6


@pytest.fixture(scope="module")
def running(tmp_path_factory):
    state = tmp_path_factory.mktemp("state")
    operator = TokenStore(state / "tokens.db").create("operator", "test")[1]
    service = ServiceSettings(tokens_path=state / "tokens.db",
                              header_timeout_s=HEADER_TIMEOUT_S, body_timeout_s=BODY_TIMEOUT_S,
                              max_connections=MAX_CONNECTIONS)
    with running_service(Settings(service=service), load_models=False) as base:
        yield {"base": base, "port": int(base.rsplit(":", 1)[1]), "operator": operator}


def _still_serving(running) -> bool:
    return httpx.get(f"{running['base']}/healthz", timeout=5).status_code == 200


def _raw(running, request: bytes, body_chunks=(), *, pause_s=0.0) -> bytes:
    """Send `request` then each chunk; return whatever the server answers before closing."""
    with socket.create_connection(("127.0.0.1", running["port"]), timeout=10) as sock:
        sock.sendall(request)
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            for chunk in body_chunks:
                sock.sendall(chunk)
                if pause_s:
                    time.sleep(pause_s)
        answer = b""
        with contextlib.suppress(ConnectionResetError, TimeoutError):
            while part := sock.recv(65536):
                answer += part
        return answer


def test_a_huge_declared_body_is_refused_before_it_is_read(running):
    answer = _raw(running, b"POST /console/login HTTP/1.1\r\nHost: x\r\n"
                           b"Content-Type: application/json\r\nContent-Length: 3000000000\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert b"larger than" in answer
    assert _still_serving(running)


def _chunked(total: int, size: int = 64 * 1024):
    sent = 0
    while sent < total:
        yield f"{size:x}\r\n".encode() + b"x" * size + b"\r\n"
        sent += size
    yield b"0\r\n\r\n"


def test_a_chunked_login_body_is_cut_off_at_the_limit(running):
    answer = _raw(running, b"POST /console/login HTTP/1.1\r\nHost: x\r\n"
                           b"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n",
                  _chunked(50 * 1024 * 1024))
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert _still_serving(running)


def test_a_body_that_never_finishes_is_answered_408(running):
    started = time.monotonic()
    answer = _raw(running, b"POST /console/login HTTP/1.1\r\nHost: x\r\n"
                           b"Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"to")
    assert answer.startswith(b"HTTP/1.1 408"), answer[:200]
    assert time.monotonic() - started < BODY_TIMEOUT_S + 3


def test_trickled_headers_lose_their_socket(running):
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", running["port"]), timeout=10) as sock:
        sock.sendall(b"GET /healthz HTTP/1.1\r\n")
        closed = False
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            for _ in range(40):  # a header line every 0.2 s, never the blank line
                sock.sendall(b"X-Slow: 1\r\n")
                sock.settimeout(0.2)
                try:
                    if sock.recv(1024) == b"":
                        closed = True
                        break
                except TimeoutError:
                    continue
        closed = closed or sock.recv(1024) == b""
    assert closed
    assert time.monotonic() - started < HEADER_TIMEOUT_S + 3


def test_idle_sockets_cannot_lock_everyone_out(running):
    idle = [socket.create_connection(("127.0.0.1", running["port"]), timeout=10)
            for _ in range(MAX_CONNECTIONS * 3)]
    try:
        # Past the cap, new sockets are closed at once; those under it within the header
        # deadline. Either way the service answers again without anyone closing them.
        deadline = time.monotonic() + HEADER_TIMEOUT_S + 5
        while True:
            try:
                if _still_serving(running):
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "idle sockets locked the service out"
            time.sleep(0.1)
        for sock in idle:
            sock.settimeout(HEADER_TIMEOUT_S + 3)
            with contextlib.suppress(ConnectionResetError):
                assert sock.recv(1) == b""
    finally:
        for sock in idle:
            sock.close()


def test_every_response_forbids_framing_and_foreign_scripts(running):
    response = httpx.get(f"{running['base']}/console")
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert "script-src" not in response.headers["content-security-policy"]  # 'self' only
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["x-content-type-options"] == "nosniff"


def test_the_api_schema_is_for_operators_only(running):
    base = running["base"]
    assert httpx.get(f"{base}/docs").status_code == 404
    assert httpx.get(f"{base}/redoc").status_code == 404
    assert httpx.get(f"{base}/openapi.json").status_code == 401
    schema = httpx.get(f"{base}/openapi.json",
                       headers={"Authorization": f"Bearer {running['operator']}"})
    assert schema.status_code == 200 and "/v1/chat/completions" in schema.json()["paths"]

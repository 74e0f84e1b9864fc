"""The conversation WebSocket survives any client: random tokens and places, binary frames of
odd, empty and oversized lengths, random text frames, pings, closes with any code, sockets
dropped mid-hello. No traceback is logged, over-long messages get close 1009, and a new
client still gets its hello afterwards."""

import contextlib
import json
import socket
import time
import urllib.parse

import httpx
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidStatus
from websockets.sync.client import connect

from tests.fuzz import (
    RESULTS,
    assert_no_failures,
    check_log,
    count,
    fuzz_settings,
    record_failure,
    still_ready,
)

pytestmark = pytest.mark.models

MESSAGE_LIMIT = 1024 * 1024  # service.ws_max_message_bytes
# Close codes a client may see: normal, going away, no status (closed plainly),
# abnormal (our own abort), policy (token, place), too big, try again later.
EXPECTED_CLOSES = {1000, 1001, 1005, 1006, 1008, 1009, 1013}
AUTHS = ["client", "operator", "header", "viewer", "none", "garbage", "revoked"]

frame_sizes = st.one_of(st.integers(0, 4001), st.sampled_from(
    [0, 1, 3, 319, 320, 641, 32000, MESSAGE_LIMIT - 1, MESSAGE_LIMIT, MESSAGE_LIMIT + 1,
     MESSAGE_LIMIT * 3 // 2]))
text_frames = st.one_of(
    st.text(max_size=200),
    st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                 lambda inner: st.lists(inner, max_size=3)
                 | st.dictionaries(st.text(max_size=10), inner, max_size=3),
                 max_leaves=10).map(json.dumps),
    st.sampled_from(['{"type": "hello"}', '{"type": "interrupt"}', "", "\x00", "{"]))
actions = st.one_of(
    st.tuples(st.just("binary"), frame_sizes, st.sampled_from(["noise", "silence", "tone"])),
    st.tuples(st.just("text"), text_frames),
    st.tuples(st.just("ping"), st.binary(max_size=125)),
    st.tuples(st.just("recv"), st.sampled_from([0.0, 0.05, 0.3])),
    st.tuples(st.just("close"), st.sampled_from([1000, 1001, 1003, 1007, 1011, 3000, 4999])),
    st.tuples(st.just("abort")),
)


def usually(valid, odd):
    """`valid` four times in five, else `odd`."""
    return st.integers(0, 99).flatmap(lambda n: valid if n < 80 else odd)


cases = st.fixed_dictionaries({
    "auth": usually(st.sampled_from(["client", "client", "operator", "header"]),
                    st.sampled_from(AUTHS)),
    "client": usually(st.sampled_from([None, None, "kitchen"]),
                      st.sampled_from(["", "a" * 65, "bad name", "é", "x" * 64])),
    "wait_for_hello": st.sampled_from([True, True, False]),
    "actions": st.lists(actions, max_size=6),
})


def audio(size: int, kind: str, seed: int) -> bytes:
    rng = np.random.default_rng(seed)
    if kind == "noise":
        return rng.integers(0, 256, size, dtype=np.uint8).tobytes()
    if kind == "tone":
        samples = (np.sin(np.arange(size // 2 + 1) * 0.1) * 8000).astype(np.int16)
        return samples.tobytes()[:size]
    return bytes(size)


def open_connection(service, case):
    tokens = service["tokens"]
    query, headers = {}, {}
    token = {"client": tokens["client"], "operator": tokens["operator"],
             "viewer": tokens["viewer"], "revoked": service["revoked"],
             "garbage": "apl_" + "x" * 43}.get(case["auth"])
    if case["auth"] == "header":
        headers["Authorization"] = f"Bearer {tokens['client']}"
    elif token:
        query["token"] = token
    if case["client"] is not None:
        query["client"] = case["client"]
    url = service["ws"] + ("?" + urllib.parse.urlencode(query) if query else "")
    return connect(url, additional_headers=headers, open_timeout=15, close_timeout=3,
                   max_size=None)


def play(ws, case, seed: int) -> tuple[int | None, bool]:
    """Run the case's actions; the close code the server sent and whether we sent > limit."""
    sent_too_big = False
    try:
        if case["wait_for_hello"]:
            first = ws.recv(timeout=15)
            if case["auth"] in ("client", "operator", "header") and case["client"] in (
                    None, "kitchen") and '"hello"' not in str(first):
                count("websocket", "no_hello_first")
        for step, (kind, *args) in enumerate(case["actions"]):
            if kind == "binary":
                sent_too_big |= args[0] > MESSAGE_LIMIT
                ws.send(audio(args[0], args[1], seed))
            elif kind == "text":
                ws.send(args[0])
            elif kind == "ping":
                ws.ping(args[0][:100] + b"#%d" % step)  # the client refuses a repeated ping
            elif kind == "recv":
                with contextlib.suppress(TimeoutError):
                    ws.recv(timeout=args[0])
            elif kind == "close":
                ws.close(code=args[0])
                break
            elif kind == "abort":
                ws.socket.shutdown(socket.SHUT_RDWR)
                ws.socket.close()
                return None, sent_too_big
        if sent_too_big:  # the close comes once the server has read the message
            with contextlib.suppress(TimeoutError):
                while True:
                    ws.recv(timeout=10)
        ws.close()
    except ConnectionClosed:
        pass
    except OSError:
        return None, sent_too_big
    received = ws.protocol.close_rcvd
    return (received.code if received else None), sent_too_big


def wait_for_no_sessions(service, timeout_s: float = 30) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        with contextlib.suppress(httpx.TransportError):
            answer = httpx.get(f"{service['base']}/readyz", timeout=5)
            if answer.status_code == 200 and answer.json()["sessions"] == 0:
                return True
        time.sleep(0.2)
    return False


# Under the limit, silence: with permessage-deflate (on by default) websockets checks the
# compressed frame too, and random noise compresses to a little more than it was.
@pytest.mark.parametrize(("size", "closes_with"), [(MESSAGE_LIMIT - 1024, None),
                                                    (MESSAGE_LIMIT + 1, 1009),
                                                    (MESSAGE_LIMIT * 3 // 2, 1009)])
def test_a_message_over_the_limit_gets_close_1009(fuzz_service, size, closes_with):
    fuzz_service["log"].start_case(f"WebSocket binary message of {size} bytes")
    count("websocket")
    case = {"auth": "client", "client": None, "wait_for_hello": True,
            "actions": [("binary", size, "silence" if closes_with is None else "noise"),
                        ("recv", 1.0)]}
    with open_connection(fuzz_service, case) as ws:
        code, _ = play(ws, case, seed=size)
    assert code == closes_with or (closes_with is None and code == 1000)
    check_log(fuzz_service["log"], "websocket", f"a {size}-byte message")
    assert_no_failures("websocket")


def test_rapid_connects_and_disconnects_leave_no_conversation_behind(fuzz_service):
    for attempt in range(20):
        fuzz_service["log"].start_case(f"WebSocket rapid connect {attempt}")
        count("websocket")
        ws = open_connection(fuzz_service, {"auth": "client", "client": None})
        if attempt % 2:
            # Gone before the hello (the service may have closed it first: then it is gone).
            with contextlib.suppress(OSError):
                ws.socket.shutdown(socket.SHUT_RDWR)
            ws.socket.close()
        else:
            ws.close()
    assert wait_for_no_sessions(fuzz_service)
    check_log(fuzz_service["log"], "websocket", "rapid connects")
    assert_no_failures("websocket")


def test_no_websocket_client_breaks_the_service(fuzz_service):
    service, log = fuzz_service, fuzz_service["log"]
    started = time.monotonic()

    @fuzz_settings("websocket", minimum=20)
    @given(cases, st.integers(0, 2**16))
    def run(case, seed):
        shown = {**case, "actions": [a if a[0] != "binary" else (a[0], a[1], a[2])
                                     for a in case["actions"]]}
        log.start_case(f"WebSocket {shown}")
        count("websocket")
        try:
            ws = open_connection(service, case)
        except (InvalidHandshake, InvalidStatus, OSError, TimeoutError) as e:
            record_failure("websocket", f"handshake failed: {type(e).__name__}",
                           f"{shown}: {e}")
            return
        code, sent_too_big = play(ws, case, seed)
        count("websocket", f"close {code}")
        ours = [a[1] for a in case["actions"] if a[0] == "close"][:1]  # echoed back
        if code is not None and code not in EXPECTED_CLOSES | set(ours):
            record_failure("websocket", f"closed with {code}", repr(shown))
        if sent_too_big and code not in (1009, 1008, 1013, None):
            record_failure("websocket", f"a message over the limit got close {code}",
                           repr(shown))
        check_log(log, "websocket", repr(shown))

    run()
    count("websocket", "seconds", round(time.monotonic() - started))
    assert wait_for_no_sessions(service), "conversations still open after every client left"
    with connect(f"{service['ws']}?token={service['tokens']['client']}", open_timeout=15) as ws:
        hello = ws.recv(timeout=15)
    time.sleep(1)
    check_log(log, "websocket", "(logged after the last case)")
    ready = still_ready(service) and '"hello"' in str(hello)
    count("websocket", "ready_after", int(ready))
    RESULTS["service_ready_after"] = ready and RESULTS["service_ready_after"] is not False
    assert_no_failures("websocket")
    assert ready, f"after the fuzzing a new client got {hello!r}, not its hello"

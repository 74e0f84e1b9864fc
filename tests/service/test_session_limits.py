"""A conversation cannot run for ever, and one token cannot hold every conversation: the real
service with the real models on 127.0.0.1, over its WebSocket."""

import time

import httpx
import pytest
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

from appliance.config import ServiceSettings
from appliance.governance.tokens import TokenStore
from appliance.service.protocol import WS_TRY_AGAIN_LATER
from tests.support.running_service import running_service

pytestmark = pytest.mark.models


@pytest.fixture(scope="module")
def service(settings, tmp_path_factory):
    state = tmp_path_factory.mktemp("limits-state")
    store = TokenStore(state / "tokens.db")
    tokens = {name: store.create("client", name)[1] for name in ("alice", "bob")}
    limits = ServiceSettings(tokens_path=state / "tokens.db", max_session_s=3,
                             max_sessions_per_token=1)
    with running_service(settings.model_copy(update={"service": limits})) as base:
        yield {"base": base, "ws": base.replace("http", "ws") + "/ws", "tokens": tokens}


def _closed(ws) -> ConnectionClosed:
    with pytest.raises(ConnectionClosed) as closed:
        while True:
            ws.recv(timeout=20)
    return closed.value


def test_a_conversation_ends_at_its_maximum_length(service):
    started = time.monotonic()
    with connect(f"{service['ws']}?token={service['tokens']['alice']}") as ws:
        assert '"hello"' in ws.recv(timeout=10)
        closed = _closed(ws)
    assert closed.rcvd.code == WS_TRY_AGAIN_LATER and "max_session_s" in closed.rcvd.reason
    assert 2.5 < time.monotonic() - started < 15
    deadline = time.monotonic() + 5
    while httpx.get(f"{service['base']}/readyz").json()["sessions"] != 0:
        assert time.monotonic() < deadline, "the conversation's slot never came back"
        time.sleep(0.05)


def test_a_second_conversation_of_the_same_token_waits_for_the_first(service):
    tokens = service["tokens"]
    with connect(f"{service['ws']}?token={tokens['alice']}") as first:
        assert '"hello"' in first.recv(timeout=10)
        with connect(f"{service['ws']}?token={tokens['alice']}") as second:
            closed = _closed(second)
        assert closed.rcvd.code == WS_TRY_AGAIN_LATER
        assert "max_sessions_per_token" in closed.rcvd.reason
        with connect(f"{service['ws']}?token={tokens['bob']}") as other:
            assert '"hello"' in other.recv(timeout=10)  # another token is let in

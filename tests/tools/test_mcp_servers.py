"""MCP servers, started by the tests over stdio and streamable HTTP: only allow-listed tools
are exposed, calls pass the same gates as local tools, and a dead server is survivable."""

import sys
from pathlib import Path

import pytest

from appliance.config import MCPServerSettings, PolicyRule
from appliance.governance.approvals import ApprovalQueue
from appliance.governance.audit import AuditTrail
from appliance.governance.policy import PolicyEngine
from appliance.tools.mcp_servers import attach_mcp_servers
from appliance.tools.registry import CallContext, ToolRegistry
from tests.remote.servers import free_port, start_until_ok, stop

# Real MCP server subprocesses (stdio, and HTTP on 127.0.0.1): `models` covers real
# subprocesses and servers (README, Tests); `unit` is logic with fakes.
pytestmark = pytest.mark.models

SERVER = str(Path(__file__).with_name("mcp_server.py"))


@pytest.fixture(scope="module")
def http_server():
    port = free_port()
    process = start_until_ok([sys.executable, SERVER, "http", str(port)],
                             f"http://127.0.0.1:{port}/mcp", any_status=True)
    yield f"http://127.0.0.1:{port}/mcp"
    stop(process)


@pytest.fixture
def registry(tmp_path):
    audit = AuditTrail(tmp_path / "audit.db", bytes(32))
    rules = [PolicyRule(tool="add", action="deny", arguments={},
                        explanation="Adding is closed today.", agents=["kiosk"])]
    yield ToolRegistry(PolicyEngine(rules), ApprovalQueue(audit), audit=audit)
    audit.close()


@pytest.mark.parametrize("transport", ["stdio", "http"])
async def test_allow_listed_tools_are_exposed_and_called(registry, transport, request):
    where = ({"command": [sys.executable, SERVER, "stdio"]} if transport == "stdio"
             else {"url": request.getfixturevalue("http_server")})
    settings = MCPServerSettings(name="shop", allow=["lookup_order", "add"], **where)
    connections = await attach_mcp_servers(registry, [settings])
    try:
        assert set(registry.tools) == {"lookup_order", "add"}  # delete_account stays hidden
        assert "delete_account" in connections[0].offered
        outcome = await registry.call("lookup_order", {"order_id": "A7"}, CallContext())
        assert outcome.status == "ok" and "A7 shipped" in str(outcome.result)
        assert (await registry.call("add", {"a": 2, "b": 3}, CallContext())).result == \
            {"result": 5}
        # The same gates as local tools: schema, then policy.
        bad = await registry.call("add", {"a": "two", "b": 3}, CallContext())
        assert bad.status == "invalid"
        blocked = await registry.call("add", {"a": 1, "b": 1}, CallContext(agent="kiosk"))
        assert blocked.status == "denied" and blocked.message == "Adding is closed today."
        assert (await registry.call("delete_account", {"user": "x"}, CallContext())).status \
            == "not_found"
        audited = [(r.kind, r.data["status"]) for r in registry.audit.records()]
        assert audited == [("tool_call", "ok"), ("tool_call", "ok"), ("tool_call", "invalid"),
                           ("policy_block", "denied"), ("tool_call", "not_found")]
    finally:
        for connection in connections:
            await connection.aclose()


async def test_a_server_that_cannot_start_is_skipped(registry):
    settings = MCPServerSettings(name="broken", command=[sys.executable, "-c", "import sys"],
                                 allow=["x"], timeout_s=5)
    assert await attach_mcp_servers(registry, [settings]) == []
    assert registry.tools == {}

"""An agent served by another appliance: two real services on loopback. Only the turn's
words and the declared slots cross; that appliance's policy refuses what it refuses and its
audit shows the turn; when it is down, the local default answers."""

import json
import os
from pathlib import Path

import pytest
from pipecat.processors.aggregators.llm_context import LLMContext

from appliance.agents import AgentMemory
from appliance.apps.typed import answer_typed
from appliance.governance.audit import AuditTrail
from appliance.governance.keys import load_or_create_key
from appliance.governance.tokens import TokenStore
from appliance.pipeline import load_engines
from tests.support.running_service import free_port, running_service
from tests.support.state_dir import settings_in

pytestmark = pytest.mark.models

ORDERS = {"name": "orders", "slots": ["order_id", "amount_usd"], "tools": ["issue_refund"],
          "instructions": "You are the orders desk. Answer in one short sentence.",
          "handles": ["where is my order", "refund 20 dollars for order A17",
                      "my parcel has not arrived"]}
FACTS = {"name": "facts", "default": True,
         "handles": ["what is the capital of France", "who wrote Hamlet"]}


@pytest.fixture(scope="module")
def shop(settings, tmp_path_factory):
    """Appliance B: serves the orders agent, with the refund tool and the default policy."""
    state = tmp_path_factory.mktemp("shop")
    shop_settings = settings_in(state, {"models": {"dir": str(settings.models.dir)},
                                        "tools": {"enabled": True}, "agents": [ORDERS]})
    assert shop_settings.service.tokens_path == state / "tokens.db"  # its own, nobody else's
    token = TokenStore(shop_settings.service.tokens_path).create("client", "front desk")[1]
    with running_service(shop_settings) as base:
        yield base, token, state


@pytest.fixture(scope="module")
def desk(settings, shop, tmp_path_factory):
    """Appliance A: facts here, orders served by B."""
    base, token, _ = shop
    os.environ["APPLIANCE_FEDERATION_TOKEN"] = token
    state = tmp_path_factory.mktemp("desk")
    orders_at_b = {**ORDERS, "url": base, "tools": []}
    engines = load_engines(settings_in(state, {"models": {"dir": str(settings.models.dir)},
                                                "agents": [FACTS, orders_at_b]}))
    yield engines, state
    os.environ.pop("APPLIANCE_FEDERATION_TOKEN", None)


def shop_records(state: Path, kind: str):
    trail = AuditTrail(state / "audit.db", load_or_create_key("UNSET", state / "audit.key"),
                       check_at_open=False)
    try:
        return list(trail.records(kind=kind))
    finally:
        trail.close()


async def test_an_order_turn_is_served_by_the_other_appliance_with_only_its_slots(shop, desk):
    _, _, shop_state = shop
    engines, _ = desk
    context, memory = LLMContext(), AgentMemory()
    await answer_typed(engines, context, "My name is Priya Raman, what is the capital of "
                       "France?", session_id="a-1", agent_memory=memory)
    await answer_typed(engines, context, "Where is order A17? It has not arrived.",
                       session_id="a-1", agent_memory=memory)
    reply, _, route = await answer_typed(engines, context, "Please refund 20 dollars for it.",
                                         session_id="a-1", agent_memory=memory)
    assert route["agent"]["provider"] == "orders", route
    assert "served by the appliance at http://127.0.0.1" in route["agent"]["reason"]
    refunds = [json.loads(x) for x in (shop_state / "refunds.jsonl").read_text().splitlines()]
    assert [(r["order_id"], r["amount_usd"]) for r in refunds] == [("A17", 20)], reply
    turns = shop_records(shop_state, "agent_turn")
    # B saw each turn's own words and the declared slots, never the facts turn or the name.
    assert [t.sensitive["text"] for t in turns] == ["Where is order A17? It has not arrived.",
                                                    "Please refund 20 dollars for it."]
    assert turns[-1].data["slots"] == ["amount_usd", "order_id"]
    assert all("Priya" not in json.dumps(t.sensitive) for t in turns)
    calls = shop_records(shop_state, "tool_call")
    assert [(c.data["tool"], c.data["agent"]) for c in calls] == [("issue_refund", "orders")]


async def test_the_other_appliance_refusing_by_its_own_policy_moves_nothing(shop, desk):
    _, _, shop_state = shop
    engines, _ = desk
    before = (shop_state / "refunds.jsonl").read_text()
    reply, _, route = await answer_typed(engines, LLMContext(), "Refund 5000 dollars for order "
                                         "C3.", session_id="a-2", agent_memory=AgentMemory())
    assert route["agent"]["provider"] == "orders" and "1,000 dollars" in reply, reply
    assert (shop_state / "refunds.jsonl").read_text() == before
    blocks = shop_records(shop_state, "policy_block")
    assert blocks[-1].data["tool"] == "issue_refund" and blocks[-1].data["agent"] == "orders"


async def test_when_the_other_appliance_is_down_the_local_default_answers(settings, tmp_path):
    os.environ.setdefault("APPLIANCE_FEDERATION_TOKEN", "unused")
    down = {**ORDERS, "url": f"http://127.0.0.1:{free_port()}", "tools": [], "timeout_s": 5}
    engines = load_engines(settings_in(tmp_path, {"models": {"dir": str(settings.models.dir)},
                                                  "agents": [FACTS, down]}))
    reply, _, route = await answer_typed(engines, LLMContext(), "Where is my order A17?",
                                         session_id="a-3", agent_memory=AgentMemory())
    assert route["agent"]["provider"] == "facts", route
    assert "orders failed (cannot reach" in route["agent"]["reason"]
    assert reply.strip()

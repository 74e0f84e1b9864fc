"""The front-desk example with real models: each turn served by the agent it needs, the
order number crossing from one turn to the refund of the next, every choice audited."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pipecat.processors.aggregators.llm_context import LLMContext

from appliance.agents import AgentMemory
from appliance.apps.typed import answer_typed
from appliance.config import STATE_DIR_ENV
from appliance.pipeline import load_engines
from tests.support.state_dir import settings_in

pytestmark = pytest.mark.models

FRONT_DESK = Path(__file__).resolve().parents[2] / "appliance" / "examples" / "front-desk.toml"


@pytest.fixture(scope="module")
def desk(settings, tmp_path_factory):
    state = tmp_path_factory.mktemp("front-desk-state")  # its audit trail and refunds
    engines = load_engines(settings_in(state, {"models": {"dir": str(settings.models.dir)}},
                                       FRONT_DESK))
    yield engines, state
    if engines.audit is not None:
        engines.audit.close()


async def test_a_conversation_is_handed_from_agent_to_agent_with_its_slots(desk):
    engines, state = desk
    context, memory = LLMContext(), AgentMemory()

    async def ask(text):
        return await answer_typed(engines, context, text, session_id="desk-1",
                                  agent_memory=memory)

    reply, _, route = await ask("What is the capital of France?")
    assert route["agent"]["provider"] == "facts" and "paris" in reply.lower(), (reply, route)
    reply, _, route = await ask("Where is order A17? It arrived broken.")
    assert route["agent"]["provider"] == "orders", route
    reply, _, route = await ask("Please refund 20 dollars for it.")
    assert route["agent"]["provider"] == "orders", route
    # The refund names the order said a turn before: the slot crossed, typed.
    refunds = [json.loads(line) for line in (state / "refunds.jsonl").read_text().splitlines()]
    assert [(r["order_id"], r["amount_usd"]) for r in refunds] == [("A17", 20)], reply
    calls = list(engines.audit.records(kind="tool_call"))
    assert [(c.data["tool"], c.data["agent"]) for c in calls] == [("issue_refund", "orders")]


def test_a_spoken_turn_records_its_agent_in_the_route_and_the_audit_trail(tmp_path):
    env = {**os.environ, STATE_DIR_ENV: str(tmp_path / "state")}
    question = FRONT_DESK.with_name("what-is-the-capital-of-france.wav")
    done = subprocess.run([sys.executable, "-m", "appliance.cli", "converse", str(question),
                           "--json", "--config", str(FRONT_DESK), "--out",
                           str(tmp_path / "reply.wav")],
                          capture_output=True, text=True, timeout=300, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout)
    assert result["route"]["agent"]["provider"] == "facts", result["route"]
    assert "paris" in result["reply"].lower()
    exported = subprocess.run([sys.executable, "-m", "appliance.cli", "audit", "export",
                               "--config", str(FRONT_DESK)],
                              capture_output=True, text=True, timeout=120, env=env)
    turns = [r for r in map(json.loads, exported.stdout.splitlines()) if r.get("kind") == "turn"]
    assert turns[0]["data"]["route"]["agent"]["provider"] == "facts"
    assert turns[0]["data"]["route"]["agent"]["reason"].startswith("classifier:")

"""Each agent sees only its share: its instructions, its own turns (or all, or none), the
slots it declared; it may use only its tools; the turn records which agent served it."""

import pytest

from appliance.agents import AgentMemory, SupervisedChatModel, Supervisor
from appliance.config import Settings
from appliance.governance.approvals import ApprovalQueue
from appliance.governance.policy import PolicyEngine
from appliance.llm.fake import FakeChatModel
from appliance.llm.interface import ESCALATION
from appliance.routing.router import RouteLog
from appliance.tools.assemble import agent_tools
from appliance.tools.builtin import refund_tool, time_tool
from appliance.tools.registry import CallContext, ToolRegistry

pytestmark = pytest.mark.unit

SETTINGS = Settings.model_validate({"agents": [
    {"name": "facts", "default": True, "instructions": "Answer facts.",
     "handles": ["what is the capital of France", "who wrote Hamlet"]},
    {"name": "orders", "instructions": "You are the orders desk.", "tools": ["issue_refund"],
     "slots": ["order_id", "amount_usd"], "tier": "local",
     "handles": ["where is my order", "refund 20 dollars for order A17"]},
    {"name": "expert", "context": "all", "tier": "remote",
     "handles": ["explain why the sky is blue"]},
]})
SYSTEM = {"role": "system", "content": "You are a voice assistant."}


class _Recording(FakeChatModel):
    def __init__(self):
        super().__init__([])
        self.escalations = []

    async def stream(self, messages, *, max_tokens, temperature):
        self.escalations.append(ESCALATION.get())
        async for chunk in super().stream(messages, max_tokens=max_tokens,
                                          temperature=temperature):
            yield chunk


async def converse(turns: list[str], settings: Settings = SETTINGS, window: int = 100):
    """Talk through the supervised model; the context holds the latest `window` turns."""
    inner, log, memory = _Recording(), RouteLog(), AgentMemory()
    model = SupervisedChatModel(inner, Supervisor(settings.agents, settings.default_agent),
                                memory, log)
    messages, routes = [SYSTEM], []
    for said in turns:
        messages.append({"role": "user", "content": said})
        messages[1:] = messages[1:][-(2 * window + 1):]
        answer = "".join([c.text async for c in model.stream(messages, max_tokens=20,
                                                             temperature=0.0)])
        messages.append({"role": "assistant", "content": f"({model.current.name}) {answer}"})
        routes.append((log.take(("agent",))["agent"], log.local_only_reason))
    return inner, routes


async def test_each_agent_sees_its_instructions_its_own_turns_and_its_slots():
    inner, routes = await converse([
        "Where is my order B-77?",                 # orders
        "What is the capital of France?",          # facts
        "Refund 20 dollars for that order please",  # orders, with the order from turn 1
    ])
    assert [r["provider"] for r, _ in routes] == ["orders", "facts", "orders"]
    assert routes[0][0]["reason"].startswith("classifier: closest to what orders handles")
    facts_saw, orders_saw = inner.calls[1], inner.calls[2]
    assert facts_saw[0]["content"] == "You are a voice assistant.\n\nAnswer facts."
    # facts sees no order turn, and no order number
    assert [m["content"] for m in facts_saw[1:]] == ["What is the capital of France?"]
    assert "B-77" not in facts_saw[0]["content"]
    # orders sees its own first turn, not the facts turn, and the typed slots
    assert [m["content"] for m in orders_saw[1:]] == [
        "Where is my order B-77?", "(orders) OK.", "Refund 20 dollars for that order please"]
    assert orders_saw[0]["content"].endswith(
        "From earlier in the conversation: the order number is B-77; the amount is 20 dollars.")


async def test_an_agent_with_all_the_context_sees_every_turn_and_its_tier_applies():
    inner, routes = await converse(["Where is my order A1?", "What is the capital of France?",
                                    "Explain why the sky is blue."])
    assert [r["provider"] for r, _ in routes] == ["orders", "facts", "expert"]
    assert len(inner.calls[2]) == 1 + 5  # system, two whole turns, this question
    # orders is kept on the device for its turn only; expert asks for a stronger model
    assert [local for _, local in routes] == ["agent orders is served on the device", None,
                                              None]
    assert inner.escalations == [None, None, "agent expert is served by a stronger model"]
    assert ESCALATION.get() is None


async def test_an_agent_may_use_only_its_tools(tmp_path):
    registry = ToolRegistry(PolicyEngine([]), ApprovalQueue(None))
    registry.register(time_tool())
    registry.register(refund_tool(tmp_path / "refunds.jsonl"))
    registry.agent_tools = agent_tools(SETTINGS)
    assert [s["function"]["name"] for s in registry.specs("orders")] == ["issue_refund"]
    assert registry.specs("facts") == []
    refused = await registry.call("issue_refund", {"order_id": "A1", "amount_usd": 5},
                                  CallContext(agent="facts"))
    assert refused.status == "not_allowed"
    done = await registry.call("issue_refund", {"order_id": "A1", "amount_usd": 5},
                               CallContext(agent="orders"))
    assert done.status == "ok" and (tmp_path / "refunds.jsonl").exists()
    # without agents configured, every tool is open to the one assistant, as before
    registry.agent_tools = {}
    assert len(registry.specs("assistant")) == 2


async def test_the_agent_choice_is_a_metric_label_of_its_own():
    _, routes = await converse(["Where is my order A1?", "ok", "Zebras gallop quickly today."])
    kinds = [route["kind"] for route, _ in routes]
    assert kinds == ["agent_classifier", "agent_follow_up", "agent_default"]


async def test_a_long_conversation_is_summarised_for_the_agent_that_needs_its_history():
    settings = Settings.model_validate({"agents": [
        {"name": "facts", "default": True, "handles": ["what is the capital of France"]},
        {"name": "orders", "max_history_turns": 1, "summarised_turns": 2,
         "handles": ["where is my order", "refund 20 dollars for order A17"]},
    ]})
    inner, routes = await converse([
        "Where is my order B-77? It was a lamp I bought last week in the big spring sale "
        "with free delivery to my house",
        "What is the capital of France?",
        "Where is my order C-12?",
        "What is the capital of Spain?",
        "Where is my order D-3?",
        "Where is my order E-5?",
    ], settings, window=2)  # the conversation's context keeps two turns: B-77's is gone
    assert [r["provider"] for r, _ in routes] == ["orders", "facts"] * 2 + ["orders"] * 2
    last = inner.calls[-1]
    # its latest turn in full, the two before in a line each, the oldest forgotten
    assert [m["content"] for m in last[1:]] == [
        "Where is my order D-3?", "(orders) OK.", "Where is my order E-5?"]
    assert last[0]["content"].endswith(
        'Earlier in the conversation: The user said "Where is my order B-77? It was a lamp '
        'I bought last week in the big spring sale with free ..." and was told '
        '"(orders) OK.". The user said "Where is my order C-12?" and was told "(orders) OK.".')
    # the facts agent's turns are in no line of it
    assert "France" not in last[0]["content"] and "Spain" not in last[0]["content"]


async def test_an_agent_whose_summary_is_off_forgets_what_its_history_drops():
    settings = Settings.model_validate({"agents": [
        {"name": "orders", "default": True, "max_history_turns": 1, "summarised_turns": 0}]})
    inner, _ = await converse(["Where is my order B-77?", "And C-12?", "And D-3?"], settings)
    assert "B-77" not in str(inner.calls[-1])
    assert [m["content"] for m in inner.calls[-1][1:]] == [
        "And C-12?", "(orders) OK.", "And D-3?"]

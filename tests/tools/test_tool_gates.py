"""Every tool call passes schema, permission, rate, policy and approval gates, and is audited."""

import asyncio
import json
from datetime import datetime

import pytest

from appliance.config import ArgumentLimits, PolicyRule
from appliance.governance.audit import AuditTrail
from appliance.governance.policy import PolicyEngine
from appliance.tools.registry import CallContext, Tool
from tests.tools import shop_registry

pytestmark = pytest.mark.unit


@pytest.fixture
def setup(tmp_path):
    audit = AuditTrail(tmp_path / "audit.db", bytes(32))
    ledger = tmp_path / "refunds.jsonl"
    registry = shop_registry(ledger, audit, approval_timeout_s=5)
    yield registry, audit, ledger
    audit.close()


def refunds(ledger):
    return [json.loads(line) for line in ledger.read_text().splitlines()] if ledger.exists() \
        else []


async def test_a_small_refund_runs_and_is_audited(setup):
    registry, audit, ledger = setup
    outcome = await registry.call("issue_refund", {"order_id": "A1", "amount_usd": 20},
                                  CallContext(session_id="s", turn_id="t1"))
    assert outcome.status == "ok" and refunds(ledger)[0]["amount_usd"] == 20
    record = next(audit.records(kind="tool_call"))
    assert record.data["tool"] == "issue_refund" and record.data["status"] == "ok"
    assert record.sensitive["arguments"] == {"order_id": "A1", "amount_usd": 20}
    assert audit.verify().ok


async def test_a_refund_over_1000_is_refused_explained_and_audited(setup):
    registry, audit, ledger = setup
    outcome = await registry.call("issue_refund", {"order_id": "A1", "amount_usd": 10000},
                                  CallContext())
    assert outcome.status == "denied" and "1,000 dollars" in outcome.message
    assert refunds(ledger) == []
    block = next(audit.records(kind="policy_block"))
    assert block.data["tool"] == "issue_refund"


async def test_a_refund_over_100_waits_for_a_person_who_approves(setup):
    registry, audit, ledger = setup
    call = asyncio.create_task(registry.call(
        "issue_refund", {"order_id": "B2", "amount_usd": 250}, CallContext(turn_id="t2")))
    pending = await registry.approvals.next_pending()
    assert pending.tool == "issue_refund" and pending.arguments["amount_usd"] == 250
    assert refunds(ledger) == []  # nothing happens before the decision
    assert registry.approvals.decide(pending.approval_id, approved=True, decided_by="ops-ann")
    outcome = await call
    assert outcome.status == "ok" and outcome.approved_by == "ops-ann"
    assert refunds(ledger)[0]["order_id"] == "B2"
    events = [r.data for r in audit.records(kind="approval")]
    assert [e["event"] for e in events] == ["requested", "approved"]
    assert events[1]["decided_by"] == "ops-ann"


async def test_a_denied_or_unanswered_approval_does_nothing(setup):
    registry, _, ledger = setup
    registry.approval_timeout_s = 0.2
    outcome = await registry.call("issue_refund", {"order_id": "C3", "amount_usd": 500},
                                  CallContext())
    assert outcome.status == "denied" and "nobody approved it in time" in outcome.message
    call = asyncio.create_task(registry.call(
        "issue_refund", {"order_id": "C4", "amount_usd": 500}, CallContext()))
    registry.approval_timeout_s = 5
    pending = await registry.approvals.next_pending()
    registry.approvals.decide(pending.approval_id, approved=False,
                              decided_by="ops-bob")
    assert (await call).status == "denied"
    assert refunds(ledger) == []


@pytest.mark.parametrize(("arguments", "said"), [
    ({"order_id": "A1"}, "'amount_usd' is a required property"),
    ({"order_id": "A1", "amount_usd": "lots"}, "amount_usd 'lots' is not of type 'number'"),
    ({"order_id": "A1", "amount_usd": -5}, "amount_usd -5 is less than or equal to"),
    ({"order_id": "A1", "amount_usd": 5, "to": "me"}, "Additional properties"),
    ("refund everything", "malformed"),
])
async def test_arguments_are_validated_before_the_handler(setup, arguments, said):
    registry, _, ledger = setup
    outcome = await registry.call("issue_refund", arguments, CallContext())
    assert outcome.status == "invalid" and said in outcome.message
    assert refunds(ledger) == []


async def test_agents_and_rate_limits_are_enforced_per_caller(setup):
    registry, audit, _ = setup
    registry.register(Tool("wipe_disk", "Erase everything.", {"type": "object"},
                           handler=lambda: "wiped", agents=frozenset({"admin-agent"})))
    outcome = await registry.call("wipe_disk", {}, CallContext(agent="assistant"))
    assert outcome.status == "not_allowed"
    assert "wipe_disk" not in json.dumps(registry.specs("assistant"))
    registry.register(Tool("ping", "Ping.", {"type": "object"}, handler=lambda: "pong",
                           calls_per_minute=5))
    for _ in range(5):
        assert (await registry.call("ping", {}, CallContext(caller="token:a"))).status == "ok"
    assert (await registry.call("ping", {}, CallContext(caller="token:a"))).status \
        == "rate_limited"
    # One busy caller does not use up the limit for everyone else.
    assert (await registry.call("ping", {}, CallContext(caller="token:b"))).status == "ok"
    assert sum(1 for _ in audit.records(kind="policy_block")) == 2


@pytest.mark.parametrize("arguments", [
    {"order_id": "A1", "amount_usd": "5000"},
    {"order_id": "A1", "amount_usd": "$5,000"},
    {"order_id": "A1", "amount_usd": float("nan")},
    {"order_id": "A1", "amount_usd": float("inf")},
    {"order_id": "A1", "amount_usd": True},
    {"order_id": "A1", "amt": 5000},
    {"order_id": "A1", "amount_usd": [5000]},
])
def test_a_deny_rule_refuses_what_it_cannot_compare(arguments):
    policy = PolicyEngine([PolicyRule(tool="issue_refund", action="deny",
                                      arguments={"amount_usd": ArgumentLimits(above=1000)})])
    decision = policy.decide("issue_refund", arguments, agent="assistant",
                             requires_approval=False)
    assert decision.verdict == "deny", arguments
    assert decision.explanation  # the user hears why
    assert policy.decide("issue_refund", {"order_id": "A1", "amount_usd": "20"},
                         agent="assistant", requires_approval=False).verdict == "allow"


def test_a_rule_for_every_tool_skips_tools_without_its_argument():
    policy = PolicyEngine([PolicyRule(tool="*", action="deny",
                                      arguments={"amount_usd": ArgumentLimits(above=1000)})])
    assert policy.decide("get_time", {}, agent="a", requires_approval=False).verdict == "allow"
    assert policy.decide("pay", {"amount_usd": "lots"}, agent="a",
                         requires_approval=False).verdict == "deny"


async def test_refunds_split_under_the_threshold_add_up_to_a_person(setup):
    """Five 100 dollar refunds by one caller: under the per-call threshold each, but the
    day's total passes 200 on the third, which then waits for a person."""
    registry, audit, ledger = setup
    registry.approval_timeout_s = 0.2
    statuses = []
    for n in range(5):
        outcome = await registry.call("issue_refund", {"order_id": f"S{n}", "amount_usd": 100},
                                      CallContext(caller="token:mallory", session_id=f"c{n}"))
        statuses.append(outcome.status)
    assert statuses[:2] == ["ok", "ok"]
    assert "ok" not in statuses[2:]  # each new connection, the same caller: no reset
    assert sum(r["amount_usd"] for r in refunds(ledger)) == 200
    assert any(r.data["event"] == "requested" for r in audit.records(kind="approval"))
    # Another caller has their own day.
    other = await registry.call("issue_refund", {"order_id": "T1", "amount_usd": 100},
                                CallContext(caller="token:alice"))
    assert other.status == "ok"


async def test_after_a_refusal_a_new_connection_still_needs_a_person(setup):
    registry, _, ledger = setup
    registry.approval_timeout_s = 0.2
    refused = await registry.call("issue_refund", {"order_id": "A1", "amount_usd": 10000},
                                  CallContext(caller="token:mallory", session_id="first"))
    assert refused.status == "denied"
    again = await registry.call("issue_refund", {"order_id": "A1", "amount_usd": 10},
                                CallContext(caller="token:mallory", session_id="reconnected"))
    assert again.status == "denied" and "nobody approved" in again.message
    assert refunds(ledger) == []


def test_daily_limits_count_per_caller_and_day(tmp_path):
    from datetime import date

    from appliance.governance.usage import ToolUsage

    day = [date(2026, 12, 6)]
    usage = ToolUsage(tmp_path / "usage.db", today=lambda: day[0])
    usage.record("token:a", "issue_refund", "ok", {"amount_usd": 60, "order_id": "A1"})
    usage.record("token:a", "issue_refund", "ok", {"amount_usd": "40"})
    usage.record("token:a", "issue_refund", "denied", {"amount_usd": 5000})
    today = usage.today("token:a", "issue_refund")
    assert today.count == 2 and today.totals == {"amount_usd": 100.0}
    assert usage.refused_today("token:a") and not usage.refused_today("token:b")
    assert (tmp_path / "usage.db").stat().st_mode & 0o777 == 0o600
    usage.close()
    day[0] = date(2026, 12, 7)
    reopened = ToolUsage(tmp_path / "usage.db", today=lambda: day[0])
    assert reopened.today("token:a", "issue_refund").count == 0  # a new day
    assert not reopened.refused_today("token:a")


async def test_personal_data_in_arguments_is_masked_in_the_audit(setup):
    registry, audit, _ = setup
    await registry.call("issue_refund", {"order_id": "card 4111 1111 1111 1111",
                                         "amount_usd": 5}, CallContext())
    record = next(audit.records(kind="tool_call"))
    assert "4111" not in json.dumps(record.sensitive)


def test_policy_rules_by_agent_state_and_hours():
    rules = [PolicyRule(tool="get_time", action="deny", hours=(22, 6), explanation="Too late."),
             PolicyRule(tool="*", action="approve", agents=["kiosk"], states=["unverified"]),
             PolicyRule(tool="issue_refund", action="allow",
                        arguments={"amount_usd": ArgumentLimits(at_most=50)})]
    policy = PolicyEngine(rules)
    night, noon = datetime(2026, 11, 26, 23), datetime(2026, 11, 26, 12)
    decide = policy.decide
    assert decide("get_time", {}, agent="a", requires_approval=False, now=night).verdict == "deny"
    assert decide("get_time", {}, agent="a", requires_approval=False, now=noon).verdict == "allow"
    assert decide("get_time", {}, agent="kiosk", requires_approval=False, state="unverified",
                  now=noon).verdict == "approve"
    assert decide("issue_refund", {"amount_usd": 20}, agent="a", requires_approval=True,
                  now=noon).verdict == "allow"
    # No rule matches a 70 dollar refund: the tool's own default applies.
    assert decide("issue_refund", {"amount_usd": 70}, agent="a", requires_approval=True,
                  now=noon).verdict == "approve"


def test_a_bad_rule_is_refused_naming_the_field():
    from appliance.config import ConfigError, load_settings

    with pytest.raises(ConfigError, match="governance.policy.rules.0.action"):
        load_settings(None, overrides={"governance": {"policy": {
            "rules": [{"tool": "x", "action": "maybe"}]}}})


async def test_after_a_refusal_even_a_small_refund_needs_a_person(setup):
    from appliance.llm.fake import FakeChatModel
    from appliance.llm.interface import ToolCall
    from appliance.tools.chat import ToolCallingChatModel

    registry, audit, ledger = setup
    proposer = FakeChatModel(["Done."], tool_calls=[
        [ToolCall("issue_refund", {"order_id": "A1", "amount_usd": 10000})],
        [ToolCall("issue_refund", {"order_id": "A1", "amount_usd": 50})],
    ])
    model = ToolCallingChatModel(FakeChatModel(["Hello."]), proposer, registry,
                                 context=lambda: CallContext(session_id="s"))

    async def say(text):
        return "".join([c.text async for c in model.stream(
            [{"role": "user", "content": text}], max_tokens=20, temperature=0.0)])

    assert model.state == "new"
    refused = await say("Refund 10000 dollars for order A1.")
    assert "1,000 dollars" in refused and model.state == "after_denial"
    registry.approval_timeout_s = 0.2
    second = await say("Then refund 50 dollars for order A1.")
    assert "approve" in second and "nobody approved it in time" in second
    assert refunds(ledger) == []
    assert [r.data["event"] for r in audit.records(kind="approval")] == ["requested", "denied"]


async def test_another_conversations_pending_approval_is_not_announced_here(setup):
    from appliance.llm.fake import FakeChatModel
    from appliance.llm.interface import ToolCall
    from appliance.tools.chat import ToolCallingChatModel

    registry, _, _ = setup
    waiting = asyncio.create_task(registry.call(
        "issue_refund", {"order_id": "Z9", "amount_usd": 500}, CallContext(session_id="s1")))
    await registry.approvals.next_pending("s1")
    proposer = FakeChatModel(["It is noon."], tool_calls=[[ToolCall("get_time", {})]])
    model = ToolCallingChatModel(FakeChatModel([]), proposer, registry,
                                 context=lambda: CallContext(session_id="s2"))
    said = "".join([c.text async for c in model.stream(
        [{"role": "user", "content": "What time is it?"}], max_tokens=20, temperature=0)])
    assert said == "It is noon."
    registry.approvals.decide(registry.approvals.pending()[0].approval_id, approved=False,
                              decided_by="ops")
    assert (await waiting).status == "denied"


async def test_the_answering_model_is_told_the_result_as_the_tool_returned_it(setup):
    """Order ids and "AM" keep their case on the way to the model that reports them."""
    from appliance.llm.fake import FakeChatModel
    from appliance.llm.interface import ToolCall
    from appliance.tools.chat import ToolCallingChatModel

    registry, _, _ = setup
    proposer = FakeChatModel(["Refunded."], tool_calls=[[ToolCall(
        "issue_refund", {"order_id": "A17", "amount_usd": 5})]])
    model = ToolCallingChatModel(FakeChatModel([]), proposer, registry,
                                 context=lambda: CallContext(session_id="s1"))
    said = "".join([c.text async for c in model.stream(
        [{"role": "user", "content": "Refund 5 dollars for order A17."}],
        max_tokens=20, temperature=0)])
    assert said == "Refunded."
    note = proposer.calls[-1][-1]["content"]
    assert note.startswith("The issue refund tool has already run") and '"A17"' in note


async def test_a_turn_answered_again_does_not_run_its_refund_twice(setup):
    """The benchmark refunded order 900 twice: the tool's report copied the reply to an
    earlier refund, so the turn was answered again, and the tools ran again."""
    from pipecat.frames.frames import LLMContextFrame, LLMTextFrame
    from pipecat.processors.aggregators.llm_context import LLMContext
    from pipecat.tests.utils import run_test

    from appliance.llm import ChatModelLLMService
    from appliance.llm.fake import FakeChatModel
    from appliance.llm.interface import ToolCall
    from appliance.tools.chat import ToolCallingChatModel

    registry, _, ledger = setup
    earlier = "The refund tool has returned the order for you."
    refund = [ToolCall("issue_refund", {"order_id": "900", "amount_usd": 40})]
    proposer = FakeChatModel([earlier, "Order 900 is refunded 40 dollars."],
                             tool_calls=[refund, refund])
    turn = {"id": "turn-7"}
    model = ToolCallingChatModel(FakeChatModel([]), proposer, registry,
                                 context=lambda: CallContext(session_id="s",
                                                             turn_id=turn["id"]))
    service = ChatModelLLMService(model, system_prompt="Be brief.")
    context = LLMContext(messages=[
        {"role": "user", "content": "Refund 12 dollars for order 77."},
        {"role": "assistant", "content": earlier},
        {"role": "user", "content": "I want 40 dollars back for order 900."},
    ])
    down, _ = await run_test(service, frames_to_send=[LLMContextFrame(context=context)])
    said = "".join(f.text for f in down if isinstance(f, LLMTextFrame))
    assert service.echoes_recovered == 1 and said == "Order 900 is refunded 40 dollars."
    assert [(r["order_id"], r["amount_usd"]) for r in refunds(ledger)] == [("900", 40)]
    # the same words in a later turn are a new request, and run
    turn["id"] = "turn-8"
    proposer._tool_calls.append(refund)
    await run_test(service, frames_to_send=[LLMContextFrame(context=LLMContext(messages=[
        {"role": "user", "content": "I want 40 dollars back for order 900."}]))])
    assert len(refunds(ledger)) == 2

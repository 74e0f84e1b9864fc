import itertools

import pytest

from appliance.config import ProviderSettings, RoutingSettings
from appliance.llm.fake import FakeChatModel
from appliance.routing.breaker import CircuitBreaker
from appliance.routing.ledger import CostLedger
from appliance.routing.privacy import PrivacyPolicy
from appliance.routing.routed import RoutedChatModel
from appliance.routing.router import ProviderSlot, RoleRouter, RouteLog
from appliance.routing.stats import ProviderStats
from appliance.routing.strategy import (
    BudgetRoutingStrategy,
    Candidate,
    RouteDecision,
    RouteRequest,
)

pytestmark = pytest.mark.unit

STRATEGY = BudgetRoutingStrategy()


def local(name="tiny", tier="small", **health):
    return candidate(name, is_local=True, tier=tier, **health)


def remote(name="hub", ttfb=0.31, **health):
    return candidate(name, is_local=False, predicted_ttfb_s=ttfb, **health)


def candidate(name, *, is_local, tier="small", predicted_ttfb_s=None, error_rate=0.0,
              breaker_open=False, demoted=False, trial_due=False, priced=True):
    return Candidate(name=name, is_local=is_local, tier=tier, predicted_ttfb_s=predicted_ttfb_s,
                     error_rate=error_rate, breaker_open=breaker_open, demoted=demoted,
                     trial_due=trial_due, priced=priced)


def request(budget=0.8, local_only=None, escalation=None, cost_ok=True, hedging=True):
    return RouteRequest(role="llm", budget_remaining_s=budget, local_only_reason=local_only,
                        escalation_reason=escalation, remote_allowed_by_cost=cost_ok,
                        hedging_enabled=hedging)


def decide(candidates, **kwargs) -> RouteDecision:
    return STRATEGY.decide(request(**kwargs), candidates)


class HubFirst:
    """A strategy of one's own: no base class, only the one decision hook."""

    def __init__(self):
        self.asked: list[tuple[str, list[str]]] = []

    def decide(self, request: RouteRequest, candidates: list[Candidate]) -> RouteDecision:
        self.asked.append((request.role, [c.name for c in candidates]))
        return RouteDecision(order=("hub", "tiny"), hedge=None, reason="the hub, by house rule")


async def test_a_strategy_of_ones_own_plugged_into_the_router_picks_who_answers():
    """The budget strategy would stay on the local model here; this one sends it to the hub."""
    slots = [ProviderSlot(ProviderSettings(name="tiny", model="m", kind="local"),
                          FakeChatModel(["From the device."]), ProviderStats(), CircuitBreaker()),
             ProviderSlot(ProviderSettings(name="hub", model="m", kind="openai",
                                           base_url="http://127.0.0.1:9/v1"),
                          FakeChatModel(["From the hub."]), ProviderStats(), CircuitBreaker())]
    strategy = HubFirst()
    router = RoleRouter("llm", slots, RoutingSettings(enable_hedging=False, llm_probe_tokens=0),
                        ledger=CostLedger(1.0), privacy=PrivacyPolicy([], True),
                        strategy=strategy)
    log = RouteLog()
    log.start_turn()
    model = RoutedChatModel(lambda role: router, log)
    question = [{"role": "user", "content": "What time is it?"}]
    text = "".join([c.text async for c in model.stream(question, max_tokens=20, temperature=0)])
    assert text == "From the hub."
    route = log.take(("llm",))["llm"]
    assert route["provider"] == "hub" and route["reason"].startswith("the hub, by house rule")
    assert strategy.asked == [("llm", ["tiny", "hub"])]


def test_stays_local_and_races_a_remote_that_fits_the_budget():
    decision = decide([local(), remote(ttfb=0.31)])
    assert decision.order == ("tiny", "hub")
    assert decision.hedge == "hub"
    assert decision.reason == "stay local on 'tiny'; racing remote 'hub' (p95 0.31 s fits 0.80 s)"


def test_a_remote_with_no_timing_yet_is_raced_while_it_mostly_succeeds():
    decision = decide([local(), remote(ttfb=None, error_rate=0.4)])
    assert decision.hedge == "hub"
    assert "racing remote 'hub' (no timing yet)" in decision.reason


def test_a_remote_with_no_timing_and_mostly_failing_is_not_raced():
    decision = decide([local(), remote(ttfb=None, error_rate=0.5)])
    assert decision.hedge is None
    assert decision.order == ("tiny", "hub")
    assert "remote 'hub' failing (error rate 50%)" in decision.reason


def test_a_remote_slower_than_the_budget_is_not_raced_and_the_reason_says_so():
    decision = decide([local(), remote(ttfb=1.4)])
    assert decision.hedge is None
    assert decision.order == ("tiny", "hub")  # still there to fail over to
    assert "remote 'hub' too slow: p95 1.40 s > 0.80 s budget" in decision.reason


def test_the_remaining_budget_not_the_whole_budget_decides_the_race():
    decision = decide([local(), remote(ttfb=0.31)], budget=0.2)
    assert decision.hedge is None
    assert "too slow: p95 0.31 s > 0.20 s budget" in decision.reason


def test_no_race_when_hedging_is_off():
    decision = decide([local(), remote()], hedging=False)
    assert decision.hedge is None
    assert decision.order == ("tiny", "hub")
    assert decision.reason == "stay local on 'tiny'; hedging off"


def test_the_first_fitting_remote_in_configured_order_is_raced():
    decision = decide([local(), remote("slow", ttfb=2.0), remote("fast", ttfb=0.2),
                       remote("faster", ttfb=0.1)])
    assert decision.hedge == "fast"
    assert decision.order == ("tiny", "fast", "faster", "slow")


def test_local_only_turns_never_list_a_remote():
    decision = decide([local(), remote()], local_only="personal data detected (email)")
    assert decision.order == ("tiny",)
    assert decision.hedge is None
    assert "local-only: personal data detected (email)" in decision.reason


def test_a_spent_cost_budget_excludes_priced_remotes():
    decision = decide([local(), remote()], cost_ok=False)
    assert decision.order == ("tiny",)
    assert decision.hedge is None
    assert "daily cost budget spent" in decision.reason


def test_a_spent_cost_budget_still_allows_free_remotes():
    decision = decide([local(), remote("paid"), remote("lan", priced=False)], cost_ok=False)
    assert decision.order == ("tiny", "lan")
    assert decision.hedge == "lan"


def test_a_remote_with_an_open_breaker_is_skipped_and_named():
    decision = decide([local(), remote(breaker_open=True)])
    assert decision.order == ("tiny",)
    assert decision.hedge is None
    assert "remote 'hub' unavailable (circuit open)" in decision.reason


def test_a_demoted_remote_is_skipped_until_its_trial_is_due():
    decision = decide([local(), remote(ttfb=1.5, demoted=True)])
    assert decision.order == ("tiny",)
    assert "remote 'hub' demoted" in decision.reason


def test_a_demoted_remote_due_a_trial_is_raced_even_over_a_healthy_one():
    decision = decide([local(), remote("ok"), remote("hub", ttfb=1.5, demoted=True,
                                                     trial_due=True)])
    assert decision.hedge == "hub"
    assert decision.order == ("tiny", "ok", "hub")
    assert "racing demoted remote 'hub' as a trial" in decision.reason


def test_a_large_local_serves_when_every_small_local_is_down():
    decision = decide([local("tiny", breaker_open=True), local("big", tier="large")],
                      hedging=False)
    assert decision.order == ("big",)
    assert decision.reason.startswith("stay local on 'big' (no small local model is usable)")


def test_failover_lists_locals_before_remotes_when_not_escalating():
    decision = decide([remote("hub"), local("big", tier="large"), local("tiny")])
    assert decision.order == ("tiny", "big", "hub")


def test_when_every_local_is_down_a_usable_remote_serves():
    decision = decide([local(breaker_open=True), remote("slow", ttfb=3.0), remote("hub")])
    assert decision.order == ("hub", "slow")
    assert decision.hedge is None
    assert decision.reason == "local 'tiny' unavailable; failing over to remote 'hub'"


def test_escalation_prefers_a_remote_that_fits_the_budget():
    decision = decide([local("tiny"), local("big", tier="large"), remote("hub")],
                      escalation="reasoning word 'explain'")
    assert decision.order == ("hub", "big", "tiny")
    assert decision.hedge is None
    assert decision.reason == "escalating to remote 'hub' because reasoning word 'explain'"


def test_escalation_takes_a_remote_with_no_timing_yet():
    decision = decide([local(), remote(ttfb=None)], escalation="reasoning word 'why'")
    assert decision.order[0] == "hub"


def test_escalation_goes_to_the_large_local_when_the_remote_is_too_slow():
    decision = decide([local("tiny"), local("big", tier="large"), remote("hub", ttfb=1.4)],
                      escalation="question has 42 words (limit 30)")
    assert decision.order == ("big", "tiny", "hub")
    assert decision.reason == ("escalating to large local 'big' because question has 42 words "
                               "(limit 30); remote 'hub' too slow: p95 1.40 s > 0.80 s budget")


def test_escalation_of_a_local_only_turn_stays_on_the_device():
    decision = decide([local("tiny"), local("big", tier="large"), remote("hub")],
                      escalation="reasoning word 'explain'", local_only="matches local-only "
                      "rule 'password'")
    assert decision.order == ("big", "tiny")
    assert "escalating to large local 'big'" in decision.reason
    assert "local-only: matches local-only rule 'password'" in decision.reason


def test_escalation_with_nothing_stronger_stays_on_the_small_local():
    decision = decide([local("tiny"), remote("hub", breaker_open=True)],
                      escalation="reasoning word 'plan'")
    assert decision.order == ("tiny",)
    assert decision.reason == ("cannot escalate (reasoning word 'plan'); stay local on 'tiny'; "
                               "remote 'hub' unavailable (circuit open)")


def test_escalation_may_use_a_demoted_remote_due_a_trial():
    decision = decide([local("tiny"), remote("hub", ttfb=1.5, demoted=True, trial_due=True)],
                      escalation="reasoning word 'why'")
    assert decision.order == ("hub", "tiny")
    assert "escalating to demoted remote 'hub' as a trial" in decision.reason


def test_escalation_lists_remotes_before_locals_but_slow_remotes_last():
    decision = decide([local("tiny"), local("big", tier="large"), remote("slow", ttfb=5.0),
                       remote("a"), remote("b")], escalation="reasoning word 'compare'")
    assert decision.order == ("a", "b", "big", "tiny", "slow")


def test_when_nothing_is_healthy_every_allowed_provider_is_tried_locals_first():
    decision = decide([remote("hub", breaker_open=True), local("tiny", breaker_open=True)])
    assert decision.order == ("tiny", "hub")
    assert decision.hedge is None
    assert decision.reason == "no provider is healthy; trying all"


def test_when_nothing_is_healthy_a_local_only_turn_still_never_lists_a_remote():
    decision = decide([local(breaker_open=True), remote(breaker_open=True)],
                      local_only="personal data detected (phone)")
    assert decision.order == ("tiny",)
    assert decision.reason.startswith("no provider is healthy; trying all")
    assert "local-only: personal data detected (phone)" in decision.reason


def test_no_candidates_at_all_is_a_programming_error():
    with pytest.raises(ValueError, match="no llm providers"):
        decide([])


FLAGS = list(itertools.product([False, True], repeat=4))


@pytest.mark.parametrize("local_only", [None, "personal data detected (email)"])
@pytest.mark.parametrize("escalation", [None, "reasoning word 'why'"])
@pytest.mark.parametrize("cost_ok", [True, False])
@pytest.mark.parametrize("hedging", [True, False])
def test_every_decision_is_non_empty_complete_and_respects_privacy_and_cost(
        local_only, escalation, cost_ok, hedging):
    for tiny_open, big_open, hub_open, hub_demoted in FLAGS:
        candidates = [
            local("tiny", breaker_open=tiny_open),
            local("big", tier="large", breaker_open=big_open),
            remote("hub", ttfb=0.5, breaker_open=hub_open, demoted=hub_demoted),
            remote("slow", ttfb=3.0),
            remote("lan", ttfb=None, priced=False),
        ]
        decision = decide(candidates, local_only=local_only, escalation=escalation,
                          cost_ok=cost_ok, hedging=hedging)
        order = decision.order
        assert order and len(set(order)) == len(order)
        allowed = {c.name for c in candidates
                   if c.is_local or (not local_only and (cost_ok or not c.priced))}
        assert set(order) <= allowed
        healthy = {c.name for c in candidates if c.name in allowed and not c.breaker_open
                   and not c.demoted}
        assert set(order) == (healthy or allowed)  # every usable one, so failover can reach it
        if decision.hedge is not None:
            assert hedging and not escalation
            assert decision.hedge in order[1:]
        assert decision.reason and "\n" not in decision.reason and ". " not in decision.reason


@pytest.mark.parametrize(("candidates", "kwargs", "kind"), [
    ([local(), remote()], {}, "hedged"),
    ([local(), remote()], {"hedging": False}, "local"),
    ([local(), remote()], {"local_only": "matched 'diagnosis'"}, "local_only"),
    ([local(), remote(priced=True)], {"cost_ok": False}, "cost_budget"),
    ([local(breaker_open=True), remote()], {}, "failover"),
    ([local(), remote()], {"escalation": "a long question"}, "escalated"),
    ([local(breaker_open=True), remote(breaker_open=True)], {}, "no_healthy_provider"),
])
def test_each_kind_of_decision_gets_its_own_metrics_label(candidates, kwargs, kind):
    assert decide(candidates, **kwargs).kind == kind

"""Escalation on an unsure local answer: its first tokens are held and judged by logprob."""

import pytest

from appliance.config import ProviderSettings, RoutingSettings
from appliance.llm.fake import FakeChatModel
from appliance.llm.interface import TokenChunk
from appliance.routing.breaker import CircuitBreaker
from appliance.routing.ledger import CostLedger
from appliance.routing.privacy import PrivacyPolicy
from appliance.routing.routed import RoutedChatModel
from appliance.routing.router import ProviderSlot, RoleRouter, RouteLog
from appliance.routing.stats import ProviderStats

pytestmark = pytest.mark.unit
QUESTION = [{"role": "user", "content": "What is a qubit?"}]


class SureOf(FakeChatModel):
    """A fake whose every token carries the given log-probability."""

    def __init__(self, answer, logprob):
        super().__init__([answer])
        self._logprob = logprob

    async def stream(self, messages, *, max_tokens, temperature):
        async for chunk in super().stream(messages, max_tokens=max_tokens,
                                          temperature=temperature):
            yield TokenChunk(chunk.text, self._logprob)


def router(small, large):
    settings = RoutingSettings(llm_probe_tokens=3, llm_min_mean_logprob=-1.5)
    slots = [ProviderSlot(ProviderSettings(name=n, model=m, tier=t), e, ProviderStats(),
                          CircuitBreaker())
             for n, m, t, e in (("small", "smollm2-135m", "small", small),
                                ("large", "qwen2.5-0.5b", "large", large))]
    return RoleRouter("llm", slots, settings, ledger=CostLedger(1.0),
                      privacy=PrivacyPolicy([], True))


async def answer(r):
    log = RouteLog()
    model = RoutedChatModel(lambda role: r, log)
    text = "".join([c.text async for c in model.stream(QUESTION, max_tokens=50,
                                                       temperature=0)])
    return text, log.take(("llm",))["llm"]


async def test_unsure_small_model_is_replaced_by_the_large_tier_before_anything_is_said():
    small = SureOf("A qubit is a kind of cheese made in Wales.", -3.0)
    text, route = await answer(router(small, SureOf("A qubit is a quantum bit.", -0.2)))
    assert text == "A qubit is a quantum bit."
    assert route["provider"] == "large" and "unsure local answer" in route["reason"]
    assert small.stopped_early == 1


async def test_sure_small_model_answers_in_full_with_nothing_lost():
    text, route = await answer(router(SureOf("A qubit is a quantum bit of data.", -0.3),
                                      SureOf("unused", -0.1)))
    assert text == "A qubit is a quantum bit of data." and route["provider"] == "small"

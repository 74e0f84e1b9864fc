"""A remote answer that breaks after its first tokens: failed over while nothing has been
spoken, closed with a whole-sentence apology once speech has gone out."""

import pytest

from appliance.config import ProviderSettings, RoutingSettings
from appliance.llm.fake import FakeChatModel
from appliance.providers.errors import ProviderError
from appliance.routing.breaker import CircuitBreaker
from appliance.routing.ledger import CostLedger
from appliance.routing.privacy import PrivacyPolicy
from appliance.routing.routed import LOST_CONNECTION_LINE, RoutedChatModel, apology_after
from appliance.routing.router import ProviderSlot, RoleRouter, RouteLog
from appliance.routing.stats import ProviderStats

pytestmark = pytest.mark.unit
# "Explain" escalates past the local model to the remote ones first.
QUESTION = [{"role": "user", "content": "Explain why the sky is blue."}]


class BreaksAfter(FakeChatModel):
    """A remote whose stream fails after `words` words (as a reset or bad chunk would)."""

    def __init__(self, answer, words, kind="unavailable"):
        super().__init__([answer])
        self.words, self.kind = words, kind

    async def stream(self, messages, *, max_tokens, temperature):
        sent = 0
        async for chunk in super().stream(messages, max_tokens=max_tokens,
                                          temperature=temperature):
            if sent == self.words:
                raise ProviderError("cloud", "the stream broke", kind=self.kind, retryable=True)
            sent += 1
            yield chunk


def router(**engines):
    settings = RoutingSettings(enable_hedging=False, llm_probe_tokens=0)
    slots = []
    for name, engine in engines.items():
        remote = name != "local"
        provider = ProviderSettings(name=name, model="m", kind="openai" if remote else "local",
                                    base_url="http://127.0.0.1:9/v1" if remote else None)
        slots.append(ProviderSlot(provider, engine, ProviderStats(), CircuitBreaker()))
    return RoleRouter("llm", slots, settings, ledger=CostLedger(1.0),
                      privacy=PrivacyPolicy([], True))


async def ask(r, spoken_rule=None):
    from appliance.providers.cpu_priority import SPOKEN_FIRST_CHUNK

    log = RouteLog()
    log.start_turn()
    token = SPOKEN_FIRST_CHUNK.set(spoken_rule) if spoken_rule else None
    try:
        model = RoutedChatModel(lambda role: r, log)
        text = "".join([c.text async for c in model.stream(QUESTION, max_tokens=50,
                                                           temperature=0)])
    finally:
        if token:
            SPOKEN_FIRST_CHUNK.reset(token)
    return text, log.take(("llm",))["llm"]


@pytest.mark.parametrize("kind", ["unavailable", "bad_response", "stalled"])
async def test_a_break_before_the_first_clause_fails_over_with_nothing_doubled(kind):
    cloud = BreaksAfter("The sky looks blue because air scatters blue light most.", 2, kind)
    hub = FakeChatModel(["Air scatters blue light more than red."])
    text, route = await ask(router(cloud=cloud, hub=hub, local=FakeChatModel(["Local."])))
    assert text == "Air scatters blue light more than red."  # no "The sky" before it
    assert LOST_CONNECTION_LINE.strip() not in text
    assert route["provider"] == "hub"
    assert {"provider": "cloud", "outcome": "failed", "ms": None, "kind": kind} \
        in route["attempts"]
    assert "broke before anything was spoken" in route["reason"]


async def test_when_every_provider_breaks_the_fallback_line_is_said_alone():
    r = router(cloud=BreaksAfter("The sky is", 1), local=BreaksAfter("Blue is", 0))
    text, route = await ask(r)
    assert text == r.settings.fallback_line and route["provider"] == "fallback"


async def test_a_break_after_speech_went_out_ends_in_a_whole_sentence_apology():
    cloud = BreaksAfter("The sky is blue, because air scatters the blue part of light", 7)
    text, route = await ask(router(cloud=cloud, local=FakeChatModel(["Local."])))
    assert text.startswith("The sky is blue, because air scatters")
    assert text.endswith("." + LOST_CONNECTION_LINE)  # the cut sentence is closed first
    assert route["provider"] == "cloud" and "failed mid-answer" in route["reason"]


async def test_the_voice_rule_decides_when_speech_has_gone_out():
    # The voice's own rule says the first chunk is complete at the first word here.
    cloud = BreaksAfter("Blue light scatters most in air", 2)
    text, _ = await ask(router(cloud=cloud, local=FakeChatModel(["Local."])),
                        spoken_rule=lambda reply: len(reply.split()) >= 1)
    assert text.endswith(LOST_CONNECTION_LINE) and text.startswith("Blue light")


def test_the_apology_never_runs_into_the_cut_sentence():
    assert apology_after("The sky is") == "." + LOST_CONNECTION_LINE
    assert apology_after("The sky is blue. ") == LOST_CONNECTION_LINE
    assert apology_after("") == LOST_CONNECTION_LINE

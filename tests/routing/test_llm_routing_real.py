"""LLM routing against a real remote: `python -m llama_cpp.server` with Qwen 0.5B behind a
fault-injecting proxy on 127.0.0.1. For each fault: the route decision, the breaker state,
and an answer for every turn."""

import sys

import pytest
import pytest_asyncio

from appliance.config import ProviderSettings, RoutingSettings
from appliance.governance.personal_data import PERSONAL_DATA_KINDS
from appliance.llm.fake import FakeChatModel
from appliance.modelstore import ModelStore
from appliance.providers.errors import ProviderError
from appliance.routing.breaker import CircuitBreaker
from appliance.routing.ledger import CostLedger
from appliance.routing.privacy import PrivacyPolicy
from appliance.routing.routed import LOST_CONNECTION_LINE, RoutedChatModel
from appliance.routing.router import ProviderSlot, RoleRouter, RouteLog
from appliance.routing.stats import ProviderStats
from tests.remote.servers import free_port, start_until_ok, stop
from tests.support.fault_proxy import FaultProxy

pytestmark = pytest.mark.models

SYSTEM = {"role": "system", "content": "You are a helpful voice assistant. Answer in one short "
          "sentence."}
# "explain" makes the question look beyond the small local model: it escalates to the remote.
HARD = [SYSTEM, {"role": "user", "content": "Explain what the capital of France is."}]
EASY = [SYSTEM, {"role": "user", "content": "What is the capital of France?"}]


@pytest.fixture(scope="module")
def qwen_server(settings):
    gguf = ModelStore(settings.models.dir).file_ending("qwen2.5-0.5b", ".gguf")
    port = free_port()
    process = start_until_ok(
        [sys.executable, "-m", "llama_cpp.server", "--model", str(gguf), "--host", "127.0.0.1",
         "--port", str(port), "--n_ctx", "1024", "--n_threads", "2", "--n_threads_batch", "2"],
        f"http://127.0.0.1:{port}/v1/models",
    )
    yield f"http://127.0.0.1:{port}"
    stop(process)


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def proxy(qwen_server):
    proxy = await FaultProxy(qwen_server).start()
    yield proxy
    await proxy.stop()


@pytest.fixture
def reset_proxy(proxy):
    proxy.fault, proxy.received, proxy.fault_after_events = "none", [], 3
    return proxy


def make_router(engines, proxy, *, local_engine=None, actions=None, **routing) -> RoleRouter:
    """A fresh LLM router (no history) over the loaded local model and the proxied remote."""
    settings = RoutingSettings(**{"enable_hedging": False, "latency_budget_ms": 8000, **routing})
    from appliance.runtime.engines import remote_engine

    cloud = ProviderSettings(name="cloud", kind="openai", model="qwen", base_url=proxy.base_url,
                             first_byte_timeout_s=6.0, timeout_s=30.0, max_retries=0)
    local = ProviderSettings(name="local", kind="local", model="smollm2-135m")

    def slot(provider, engine):
        return ProviderSlot(provider, engine, ProviderStats(window=settings.stats_window),
                            CircuitBreaker(settings.breaker_failure_threshold,
                                           settings.breaker_reset_s))

    slots = [slot(local, local_engine or engines.llm), slot(cloud, remote_engine("llm", cloud))]
    return RoleRouter("llm", slots, settings, ledger=CostLedger(settings.daily_budget_usd),
                      privacy=PrivacyPolicy(settings.local_only_patterns,
                                            settings.detect_personal_data, actions=actions))


async def ask(router, messages=HARD):
    log = RouteLog()
    log.start_turn()
    model = RoutedChatModel(lambda role: router, log)
    answer = "".join([c.text async for c in model.stream(messages, max_tokens=24,
                                                         temperature=0.0)])
    return answer, log.take(("llm",))["llm"]


async def test_healthy_remote_serves_the_escalated_question(engines, reset_proxy):
    router = make_router(engines, reset_proxy)
    answer, route = await ask(router)
    assert route["provider"] == "cloud" and "reasoning word 'explain'" in route["reason"]
    assert "paris" in answer.lower()
    assert router.slots["cloud"].breaker.state == "closed"


@pytest.mark.parametrize("fault, kind", [("latency", "timeout"), ("error500", "unavailable")])
async def test_remote_failing_before_output_fails_over_to_local_then_breaker_opens(
        engines, reset_proxy, fault, kind):
    reset_proxy.fault, reset_proxy.latency_s = fault, 8.0
    router = make_router(engines, reset_proxy, breaker_failure_threshold=1)
    routes = []
    for _ in range(2):
        answer, route = await ask(router)
        assert answer.strip(), "every turn gets an answer"
        routes.append(route)
    first, second = routes
    assert first["provider"] == "local"
    assert first["attempts"][0] == {"provider": "cloud", "outcome": "failed",
                                    "ms": None, "kind": kind}
    assert router.slots["cloud"].breaker.state == "open"
    # With the breaker open the remote is not even tried.
    assert second["provider"] == "local" and "cannot escalate" in second["reason"]
    assert all(a["provider"] != "cloud" for a in second["attempts"])


async def test_rate_limit_opens_the_breaker_for_retry_after(engines, reset_proxy):
    reset_proxy.fault, reset_proxy.retry_after_s = "rate_limit", 30
    router = make_router(engines, reset_proxy, breaker_failure_threshold=5)
    answer, route = await ask(router)
    assert answer.strip() and route["provider"] == "local"
    assert route["attempts"][0]["kind"] == "rate_limited"
    snapshot = router.slots["cloud"].breaker.snapshot()
    assert snapshot["state"] == "open" and snapshot["probe_in_s"] > 20


@pytest.mark.parametrize("fault, kind", [("reset_mid_stream", "unavailable"),
                                         ("malformed_chunk", "bad_response"),
                                         ("stall", "stalled")])
async def test_remote_breaking_before_anything_is_spoken_fails_over_to_local(
        engines, reset_proxy, fault, kind):
    """The stream breaks after its first tokens, before the first clause is complete:
    nothing has been spoken, so the local model answers, with no broken words before it."""
    reset_proxy.fault, reset_proxy.fault_after_events = fault, 3
    router = make_router(engines, reset_proxy)
    answer, route = await ask(router)
    assert route["provider"] == "local"
    assert "paris" in answer.lower() and LOST_CONNECTION_LINE.strip() not in answer
    assert {"provider": "cloud", "outcome": "failed", "ms": None, "kind": kind} \
        in route["attempts"]
    assert router.slots["cloud"].stats.snapshot()["failures"]


async def test_remote_breaking_mid_speech_is_closed_with_a_whole_sentence_apology(
        engines, reset_proxy):
    reset_proxy.fault, reset_proxy.fault_after_events = "reset_mid_stream", 12
    router = make_router(engines, reset_proxy)
    long_question = [SYSTEM, {"role": "user", "content": "Explain in detail, in three long "
                                                         "sentences, why the sky is blue."}]
    answer, route = await ask(router, long_question)
    # Eleven tokens hold a first clause (at most 40 characters): speech has gone out.
    assert route["provider"] == "cloud" and "failed mid-answer" in route["reason"]
    assert answer.endswith(LOST_CONNECTION_LINE)
    assert answer[:-len(LOST_CONNECTION_LINE)].rstrip()[-1] in ".!?"  # a sentence of its own


async def test_every_provider_failing_still_says_the_fallback_line(engines, reset_proxy):
    class BrokenLocal(FakeChatModel):
        async def stream(self, messages, *, max_tokens, temperature):
            raise ProviderError("local", "engine crashed", kind="internal", retryable=False)
            yield  # pragma: no cover

    reset_proxy.fault = "error500"
    router = make_router(engines, reset_proxy, local_engine=BrokenLocal([]))
    answer, route = await ask(router, EASY)
    assert answer == router.settings.fallback_line
    assert route["provider"] == "fallback" and "every provider failed" in route["reason"]


async def test_hedged_race_takes_the_first_answer_and_cancels_the_other(engines, reset_proxy):
    router = make_router(engines, reset_proxy, enable_hedging=True, latency_budget_ms=800)
    answer, route = await ask(router, EASY)
    assert "racing remote 'cloud'" in route["reason"]
    # Either may win (the remote server caches prompts too); the loser is cancelled.
    winner = route["provider"]
    loser = {"local": "cloud", "cloud": "local"}[winner]
    assert {"provider": loser, "outcome": "cancelled", "ms": None, "kind": None} in \
        route["attempts"]
    assert "paris" in answer.lower()


async def test_slow_remote_is_not_chosen_under_a_tight_budget(engines, reset_proxy):
    router = make_router(engines, reset_proxy, enable_hedging=True, latency_budget_ms=800)
    for _ in range(3):  # teach the router the remote's real (slow) first-byte times
        router.slots["cloud"].stats.record_success(1.6)
    answer, route = await ask(router, EASY)
    assert route["provider"] == "local" and "too slow" in route["reason"]
    assert reset_proxy.received == []
    assert "paris" in answer.lower()


async def test_local_only_turn_never_reaches_the_remote(engines, reset_proxy):
    router = make_router(engines, reset_proxy)
    private = [SYSTEM, {"role": "user", "content":
                        "Explain what to write to jane.doe@example.com about Paris."}]
    answer, route = await ask(router, private)
    assert answer.strip() and route["provider"] == "local"
    assert "personal data detected (email)" in route["reason"]
    assert not any("jane" in text for text in reset_proxy.user_texts())
    # A configured rule works the same way.
    router = make_router(engines, reset_proxy, local_only_patterns=["diagnos"])
    answer, route = await ask(router, [SYSTEM, {"role": "user", "content":
                                                "Explain my diagnosis to me."}])
    assert route["provider"] == "local" and "local-only rule" in route["reason"]
    assert reset_proxy.received == []


async def test_spent_daily_budget_keeps_priced_remotes_off(engines, reset_proxy):
    router = make_router(engines, reset_proxy, daily_budget_usd=0.000001)
    router.slots["cloud"].settings = router.slots["cloud"].settings.model_copy(
        update={"price_per_1k_tokens": 1.0})
    _, first = await ask(router)
    assert first["provider"] == "cloud" and first["cost_usd"] > 0
    _, second = await ask(router)
    assert second["provider"] == "local" and "daily cost budget" in second["reason"]


# (what the user said, as Whisper writes it; the data that must never reach the remote).
PII_TURNS = [
    ("Explain why my card four one one one one one one one one one one one one one one one "
     "was declined.", "4111111111111111"),
    ("Explain why card 4111 1111 1111 1111 was declined.", "4111111111111111"),
    ("Explain what my social one two three forty five six seven eight nine is for.",
     "123456789"),
    ("Explain the rules for SSN 123-45-6789.", "123456789"),
    ("Explain who called me from five five five, one two three, four five six seven.",
     "5551234567"),
    ("Explain who called from (555) 123-4567.", "5551234567"),
    ("Explain why jane dot doe at example dot com gets no mail.", "jane"),
    ("Explain who reads jane.doe@example.com.", "jane"),
    ("Explain how I should text Bruno Patel that I'm late.", "patel"),
    ("Explain why the parcel for 221B Baker Street, London NW1 6XE is late.", "nw1"),
]


async def test_a_recording_remote_never_sees_unmasked_personal_data(engines, reset_proxy):
    # Every kind set to "mask", so these turns do go to the remote, masked.
    router = make_router(engines, reset_proxy,
                         actions=dict.fromkeys(PERSONAL_DATA_KINDS, "mask"))
    for said, secret in PII_TURNS:
        reset_proxy.received = []
        answer, route = await ask(router, [SYSTEM, {"role": "user", "content": said}])
        assert route["provider"] == "cloud", route  # it really left the device
        sent = " ".join(reset_proxy.user_texts())
        assert "[" in sent, sent  # a mask label took the data's place
        digits_sent = "".join(ch for ch in sent if ch.isdigit())
        assert secret not in digits_sent and secret not in sent.lower(), sent
        assert "one one one" not in sent and "five five five" not in sent, sent


async def test_with_default_actions_a_card_keeps_the_turn_local(engines, reset_proxy):
    router = make_router(engines, reset_proxy, actions={})
    _, route = await ask(router, [SYSTEM, {"role": "user", "content": PII_TURNS[0][0]}])
    assert route["provider"] == "local" and "personal data detected (card)" in route["reason"]
    assert reset_proxy.received == []


MATRIX_QUESTIONS = ("Explain what the capital of France is.",
                    "Explain why the sky is blue.",
                    "Explain what a prime number is.")
# Every fault the proxy can inject; stream faults both before the first clause is complete
# (nothing spoken yet) and after it (mid-speech).
MATRIX = [("none", 3), ("latency", 3), ("error500", 3), ("rate_limit", 3),
          *[(fault, after) for fault in ("reset_mid_stream", "malformed_chunk", "stall")
            for after in (3, 12)]]


async def test_fault_matrix_every_turn_is_answered(engines, reset_proxy, capsys):
    """The README's fault-matrix figure: each fault on three questions, a fresh router per
    turn (so the fault, not an open breaker, is what is tested)."""
    rows = []
    for fault, after in MATRIX:
        reset_proxy.fault, reset_proxy.fault_after_events = fault, after
        reset_proxy.latency_s, reset_proxy.retry_after_s = 8.0, 30
        answered = 0
        for question in MATRIX_QUESTIONS:
            router = make_router(engines, reset_proxy)
            answer, route = await ask(router, [SYSTEM, {"role": "user", "content": question}])
            spoken = answer.replace(LOST_CONNECTION_LINE.strip(), "").strip(" .")
            if spoken and route["provider"] != "fallback":
                answered += 1
        rows.append((fault, after, answered))
    with capsys.disabled():
        print("\nfault matrix (fault, strikes after events, answered of 3):")
        for fault, after, answered in rows:
            print(f"  {fault:17s} {after:3d}  {answered}/3")
    assert all(answered == len(MATRIX_QUESTIONS) for _, _, answered in rows), rows


async def test_past_answers_reach_the_remote_with_their_famous_names_and_without_the_users(
        engines, reset_proxy):
    router = make_router(engines, reset_proxy,
                         actions=dict.fromkeys(PERSONAL_DATA_KINDS, "mask"))
    history = [SYSTEM,
               {"role": "user", "content": "Who was the first person to walk on the moon?"},
               {"role": "assistant", "content": "That was Neil Armstrong, in 1969."},
               {"role": "user", "content": "Remind me to text Bruno Patel about it."},
               {"role": "assistant", "content": "Okay, I'll remind you to text Bruno Patel."},
               {"role": "user", "content": "Explain what else he did."}]
    _, route = await ask(router, history)
    assert route["provider"] == "cloud", route
    sent = reset_proxy.user_texts()
    # The answer the remote continues is the one the user heard, famous name and all ...
    assert "That was Neil Armstrong, in 1969." in sent, sent
    # ... while the name the user gave stays masked in their turn and in the answer.
    assert "Okay, I'll remind you to text [NAME]." in sent, sent
    assert not any("patel" in text.lower() for text in sent), sent

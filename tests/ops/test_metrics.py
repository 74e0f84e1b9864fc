"""/metrics content: counters and histograms move with turns; gauges read the routers live."""

import pytest
from prometheus_client.parser import text_string_to_metric_families

from appliance.config import ProviderSettings, RoutingSettings
from appliance.ops.metrics import ApplianceMetrics
from appliance.providers.errors import ProviderError
from appliance.routing.breaker import CircuitBreaker
from appliance.routing.ledger import CostLedger
from appliance.routing.privacy import PrivacyPolicy
from appliance.routing.router import ProviderSlot, RoleRouter
from appliance.routing.stats import ProviderStats
from tests.ops.turns import finished_turn

pytestmark = pytest.mark.unit


def samples_of(text: str) -> dict:
    """{(sample name, sorted labels): value} from the exposition text, as a scraper parses it."""
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for family in text_string_to_metric_families(text) for s in family.samples}


def samples(metrics: ApplianceMetrics) -> dict:
    return samples_of(metrics.render().decode())


def test_a_turn_moves_the_turn_latency_route_and_error_counters():
    metrics = ApplianceMetrics(lambda: None)
    before = samples(metrics)
    assert ("appliance_turns_total", (("outcome", "answered"), ("source", "voice"))) not in before
    metrics.observe_turn("ws-1", "turn", finished_turn(failed_hub=True))
    after = samples(metrics)
    assert after[("appliance_turns_total", (("outcome", "answered"), ("source", "voice")))] == 1
    assert after[("appliance_voice_to_voice_seconds_count", ())] == 1
    assert after[("appliance_voice_to_voice_seconds_sum", ())] == pytest.approx(0.6)
    # 600 ms lands in the 0.6 s bucket and not in the 0.5 s one.
    assert after[("appliance_voice_to_voice_seconds_bucket", (("le", "0.5"),))] == 0
    assert after[("appliance_voice_to_voice_seconds_bucket", (("le", "0.6"),))] == 1
    for stage in ("eot", "stt", "llm_ttft", "tts_ttfb"):
        assert after[("appliance_stage_latency_seconds_count", (("stage", stage),))] == 1
    assert after[("appliance_route_decisions_total",
                  (("provider", "local"), ("reason", "hedged"), ("role", "llm")))] == 1


def test_a_request_heard_again_whole_is_counted_as_resumed_and_answered():
    metrics = ApplianceMetrics(lambda: None)
    turn = finished_turn()
    turn.resumed = True
    metrics.observe_turn("ws-1", "turn", finished_turn())
    metrics.observe_turn("ws-1", "turn", turn)
    after = samples(metrics)
    assert after[("appliance_turns_resumed_total", ())] == 1
    assert after[("appliance_turns_total", (("outcome", "answered"), ("source", "voice")))] == 2


def test_transcripts_alone_do_not_count_as_turns():
    metrics = ApplianceMetrics(lambda: None)
    metrics.observe_turn("ws-1", "transcript", finished_turn())
    metrics.observe_turn("ws-1", "reply", finished_turn())
    assert not any(name == "appliance_turns_total" for name, _ in samples(metrics))
    metrics.observe_turn("ws-1", "turn", finished_turn(cost=0.002))
    metrics.observe_turn("ws-1", "turn", finished_turn(cost=0.003, reply=""))
    after = samples(metrics)
    assert after[("appliance_turns_total", (("outcome", "unanswered"), ("source", "voice")))] == 1
    assert after[("appliance_route_decisions_total",
                  (("provider", "cloud"), ("reason", "failover"), ("role", "llm")))] == 2


def test_every_failed_or_priced_call_a_router_books_is_counted():
    metrics = ApplianceMetrics(lambda: None)
    router = RoleRouter("tts", [
        ProviderSlot(ProviderSettings(name=name, model="m", kind="openai",
                                      base_url="http://127.0.0.1:9"), None, ProviderStats(),
                     CircuitBreaker()) for name in ("hub", "cloud")],
        RoutingSettings(), ledger=CostLedger(1.0), privacy=PrivacyPolicy([], True),
        observers=[metrics])
    for _ in range(2):  # e.g. the second and third sentence of one reply
        router.failed("hub", ProviderError("hub", "timed out", kind="timeout", retryable=True))
        router.charge("cloud", 0.0025)
    router.failed("hub", RuntimeError("bug"))
    after = samples(metrics)
    assert after[("appliance_provider_errors_total",
                  (("kind", "timeout"), ("provider", "hub"), ("role", "tts")))] == 2
    assert after[("appliance_provider_errors_total",
                  (("kind", "internal"), ("provider", "hub"), ("role", "tts")))] == 1
    assert after[("appliance_cost_usd_total", (("provider", "cloud"), ("role", "tts")))] == \
        pytest.approx(0.005)


def test_a_typed_turn_adds_no_speech_timings():
    metrics = ApplianceMetrics(lambda: None)
    metrics.observe_turn("playground-1", "turn", finished_turn(source="text"))
    after = samples(metrics)
    assert after[("appliance_stage_latency_seconds_count", (("stage", "llm_ttft"),))] == 1
    assert ("appliance_stage_latency_seconds_count", (("stage", "eot"),)) not in after
    assert after[("appliance_voice_to_voice_seconds_count", ())] == 0


def test_before_the_models_load_it_says_not_ready_and_reports_process_memory():
    metrics = ApplianceMetrics(lambda: None, sessions=lambda: 3)
    now = samples(metrics)
    assert now[("appliance_models_ready", ())] == 0
    assert now[("appliance_sessions", ())] == 3
    assert now[("process_resident_memory_bytes", ())] > 10_000_000

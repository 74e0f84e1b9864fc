"""The real service in-process with the real models: a playground turn moves /metrics, leaves
one trace with a span per stage, brings back audio and the turn's log lines; operators demote
and promote providers and read the settings in force."""

import base64
import io
import os
import time
from importlib import resources

import pytest
import soundfile
from fastapi.testclient import TestClient
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from appliance.config import AuditSettings, GovernanceSettings, ServiceSettings
from tests.ops.test_metrics import samples_of

pytestmark = pytest.mark.models

TOKEN = "ops-test-token"
EXAMPLE = resources.files("appliance.examples").joinpath("what-is-the-capital-of-france.wav")


@pytest.fixture(scope="module")
def service(settings, tmp_path_factory):
    from appliance.service.server import create_app

    state = tmp_path_factory.mktemp("ops-state")
    os.environ["APPLIANCE_OPS_TEST_TOKEN"] = TOKEN
    configured = settings.model_copy(update={
        "service": ServiceSettings(api_token_env="APPLIANCE_OPS_TEST_TOKEN",
                                   tokens_path=state / "tokens.db"),
        "governance": GovernanceSettings(audit=AuditSettings(
            path=state / "audit.db", key_file=state / "audit.key")),
    })
    exporter = InMemorySpanExporter()
    app = create_app(configured, span_exporter=exporter)
    with TestClient(app, headers={"Authorization": f"Bearer {TOKEN}"}) as client:
        deadline = time.monotonic() + 60
        while client.get("/readyz").status_code != 200:
            assert time.monotonic() < deadline, "models never loaded"
            time.sleep(0.1)
        yield client, exporter


def metrics_now(client) -> dict:
    response = client.get("/metrics")
    assert response.status_code == 200
    return samples_of(response.text)


def test_a_wav_turn_moves_metrics_and_leaves_a_trace_with_a_span_per_stage(service):
    client, exporter = service
    exporter.clear()
    before = metrics_now(client)
    answered = ("appliance_turns_total", (("outcome", "answered"), ("source", "voice")))
    response = client.post("/console/playground",
                           files={"audio": ("question.wav", EXAMPLE.read_bytes(), "audio/wav")})
    assert response.status_code == 200, response.text
    turn = response.json()
    assert "capital" in turn["transcript"].lower() and "paris" in turn["reply"].lower()
    after = metrics_now(client)
    assert after[answered] == before.get(answered, 0) + 1
    for stage in ("eot", "stt", "llm_ttft", "tts_ttfb"):
        key = ("appliance_stage_latency_seconds_count", (("stage", stage),))
        assert after[key] == before.get(key, 0) + 1
    assert after[("appliance_voice_to_voice_seconds_count", ())] == \
        before.get(("appliance_voice_to_voice_seconds_count", ()), 0) + 1
    assert after[("appliance_models_ready", ())] == 1
    assert after[("appliance_breaker_state",
                  (("provider", "local"), ("role", "llm"), ("state", "closed")))] == 1

    spans = [s for s in exporter.get_finished_spans()
             if s.attributes.get("appliance.turn_id") == turn["turn_id"] or s.parent]
    root = next(s for s in spans if s.name == "turn")
    children = [s for s in spans if s.parent and s.parent.span_id == root.context.span_id]
    assert sorted(s.name for s in children) == ["end_of_turn", "llm", "stt", "tts", "vad"]
    by_name = {s.name: s for s in children}
    for stage in ("stt", "llm", "tts"):
        assert by_name[stage].attributes["appliance.provider"] == "local"
    # The LLM span covers the reply being written, after the transcript was ready.
    assert by_name["llm"].start_time >= by_name["stt"].end_time
    assert by_name["llm"].end_time > by_name["llm"].start_time


def test_the_playground_returns_the_spoken_reply_and_each_nodes_log_lines(service):
    client, _ = service
    response = client.post("/console/playground", data={"text": "Say hello to the operator."})
    assert response.status_code == 200, response.text
    turn = response.json()
    assert turn["source"] == "text" and turn["reply"]
    audio, rate = soundfile.read(io.BytesIO(base64.b64decode(turn["audio_wav_base64"])))
    assert rate == 22050 and len(audio) / rate > 0.3
    nodes = {line["node"] for line in turn["logs"]}
    assert {"ChatModelLLMService#0", "ProviderTTSService#0"} <= {
        n.rsplit("#", 1)[0] + "#0" for n in nodes if "#" in n}
    # Another job's lines do not leak in: this turn never ran speech-to-text.
    assert not any("Transcri" in line["message"] for line in turn["logs"])


def test_bad_playground_input_is_refused_with_what_to_do(service):
    client, _ = service
    empty = client.post("/console/playground", data={"text": "  "})
    assert empty.status_code == 400 and "type a message" in empty.json()["error"]
    not_wav = client.post("/console/playground",
                          files={"audio": ("notes.txt", b"hello there", "text/plain")})
    assert not_wav.status_code == 400 and "not a WAV" in not_wav.json()["error"]
    two = client.post("/console/playground", files=[("audio", ("a.wav", b"RIFF", "audio/wav")),
                                                    ("audio", ("b.wav", b"RIFF", "audio/wav"))])
    assert two.status_code == 400 and "the form was refused" in two.json()["error"]
    long_field = client.post("/console/playground", data={"text": "a" * (70 * 1024)})
    assert long_field.status_code == 400 and "refused" in long_field.json()["error"]


def test_a_chunked_playground_upload_is_cut_off_at_twenty_megabytes(service):
    client, _ = service

    def endless_upload():  # no Content-Length: the size is only known by counting
        prefix = b'--b\r\nContent-Disposition: form-data; name="audio"; filename="a.wav"\r\n\r\n'
        yield prefix
        for _ in range(40):  # 40 MiB
            yield b"\0" * (1024 * 1024)

    response = client.post("/console/playground", content=endless_upload(),
                           headers={"Content-Type": "multipart/form-data; boundary=b"})
    assert response.status_code == 413, response.text
    assert "larger than" in response.json()["error"]
    assert client.get("/readyz").status_code == 200


def test_operators_demote_and_promote_a_provider_and_it_is_audited(service):
    client, _ = service
    demoted = client.post("/admin/providers/llm/local", json={"action": "demote"})
    assert demoted.status_code == 200, demoted.text
    routes = client.get("/admin/routes").json()["routers"]["llm"]["local"]
    assert routes["demoted"] and routes["demoted_by_operator"]
    assert client.post("/admin/reload").status_code == 200  # a reload keeps the demotion
    assert client.get("/admin/routes").json()["routers"]["llm"]["local"]["demoted_by_operator"]
    assert client.post("/admin/providers/llm/local", json={"action": "promote"}).status_code == 200
    assert not client.get("/admin/routes").json()["routers"]["llm"]["local"]["demoted"]
    actions = client.get("/audit", params={"kind": "operator_action"}).json()["records"]
    assert [r["data"]["action"] for r in actions[-2:]] == ["demote", "promote"]
    assert actions[-1]["data"]["by"].startswith("APPLIANCE_OPS_TEST_TOKEN")
    unknown = client.post("/admin/providers/llm/cloud", json={"action": "demote"})
    assert unknown.status_code == 404 and "'local'" in unknown.json()["error"]
    wrong = client.post("/admin/providers/llm/local", json={"action": "delete"})
    assert wrong.status_code == 400


def test_the_config_view_shows_the_settings_in_force(service):
    client, _ = service
    settings = client.get("/admin/config").json()["settings"]
    assert settings["llm"]["model"] == "smollm2-135m"
    assert settings["ops"]["tracing"]["exporter"] == "none"


def test_audit_search_finds_the_turn_newest_first(service):
    client, _ = service
    found = client.get("/audit", params={"q": "PARIS", "newest_first": "true",
                                         "limit": 5}).json()["records"]
    assert found and all("paris" in str(r).lower() for r in found)
    seqs = [r["seq"] for r in found]
    assert seqs == sorted(seqs, reverse=True)
    export = client.get("/console/audit/export")
    assert int(export.headers["x-total-records"]) == len(export.text.splitlines()) >= len(found)

"""`appliance bench` end to end on a slice of the built-in corpus, a folder corpus, and quality."""

import json
import subprocess
import sys

import pytest

from appliance.audio.wav import write_wav
from appliance.benchmark import folder_corpus

pytestmark = pytest.mark.models


def _bench(*args: str, timeout: float) -> subprocess.CompletedProcess:
    """`appliance bench ARGS` as a user runs it, output captured."""
    return subprocess.run([sys.executable, "-m", "appliance.cli", "bench", *args],
                          capture_output=True, text=True, timeout=timeout)


def test_bench_reports_every_stage_and_the_word_error_rate(tmp_path):
    out = tmp_path / "bench.json"
    done = _bench("--limit", "2", "--warmup", "0", "--out", str(out), timeout=180)
    assert done.returncode == 0, done.stderr
    summary = json.loads(out.read_text())["summary"]
    assert summary["utterances"] == 2 and summary["unanswered"] == 0
    for stage in ("eot", "stt", "llm_ttft", "tts_ttfb", "voice_to_voice"):
        figures = summary["stages_ms"][stage]
        assert figures["n"] == 2 and 0 < figures["p50"] <= figures["p90"] <= figures["p99"]
    assert summary["word_error_rate"] <= 0.3
    # The rate comes with its counts: two questions of six words each.
    assert summary["reference_words"] == 12
    assert summary["word_errors"] == round(summary["word_error_rate"] * 12)
    assert f"({summary['word_errors']} of 12 words)" in done.stdout
    assert summary["peak_rss_mb"] > 100
    assert "voice_to_voice" in done.stdout and "word error rate" in done.stdout
    # Requests with a pause mid-sentence are checked for false cut-offs.
    assert summary["pauses"]["utterances"] == 6
    pauses = summary["pauses"]
    assert pauses["false_cutoffs"] == len(pauses["cut"]) and pauses["pause_s"] == 0.8
    # Those cut off are heard again whole when the user goes on: most come back whole.
    assert pauses["answered_whole"] >= 4, pauses
    assert "false cut-offs" in done.stdout and "answered whole" in done.stdout
    _assert_png(tmp_path / "bench-plots" / "waterfall.png")
    _assert_png(tmp_path / "bench-plots" / "voice_to_voice.png")


def _assert_png(path):
    import matplotlib.image

    image = matplotlib.image.imread(path)
    assert image.shape[0] > 200 and image.shape[1] > 400
    assert image.std() > 0.05, f"{path} is blank"


def test_folder_corpus_reads_the_manifest_and_explains_a_missing_one(tmp_path, speak):
    write_wav(tmp_path / "a.wav", speak("Stop the music.").tobytes(), 16000)
    (tmp_path / "manifest.json").write_text(json.dumps([{"file": "a.wav",
                                                         "text": "Stop the music."}]))
    [utterance] = folder_corpus(tmp_path)
    assert utterance.text == "Stop the music." and utterance.samples.size > 16000
    with pytest.raises(FileNotFoundError, match="needs a manifest.json"):
        folder_corpus(tmp_path / "nothing")


def test_compare_runs_pipecats_stock_pipeline_on_the_same_corpus(tmp_path):
    out = tmp_path / "bench.json"
    done = _bench("--limit", "1", "--warmup", "0", "--compare", "stock-pipecat", "--no-pauses",
                  "--out", str(out), timeout=300)
    assert done.returncode == 0, done.stderr
    document = json.loads(out.read_text())
    stock = document["stock_pipecat"]["summary"]
    assert stock["utterances"] == 1 and stock["unanswered"] == 0
    assert stock["stages_ms"]["voice_to_voice"]["p50"] > 0
    assert document["comparison"]["voice_to_voice_speedup_p50"] > 0
    assert "stock pipecat, same models" in done.stdout and "faster at p50" in done.stdout
    _assert_png(tmp_path / "bench-plots" / "waterfall-stock-pipecat.png")


def test_sessions_runs_simultaneous_conversations_through_the_service(tmp_path):
    out = tmp_path / "sessions.json"
    done = _bench("--sessions", "2", "--limit", "4", "--out", str(out), timeout=400)
    assert done.returncode == 0, done.stderr
    report = json.loads(out.read_text())["sessions"]
    first = report["levels"][0]
    assert first["sessions"] == 1 and first["turns"] == 3 and first["unanswered"] == 0
    assert 0 < first["p50_ms"] <= first["p95_ms"]
    assert report["max_sessions_within_limit"] in (0, 1, 2)
    if first["p95_ms"] <= 1500:
        assert report["levels"][1]["turns"] == 6
    assert report["service_ready_s"] > 0 and report["machine"]["cores"] >= 1
    assert "simultaneous conversations" in done.stdout
    _assert_png(tmp_path / "sessions-plots" / "sessions.png")


def test_bad_arguments_are_refused_with_the_reason(tmp_path):
    done = _bench("--sessions", "0", timeout=60)
    assert done.returncode == 2 and "--sessions must be at least 1" in done.stderr


def test_spoken_questions_are_scored_with_the_clients_and_the_services_latency(tmp_path):
    out = tmp_path / "quality.json"
    done = _bench("--quality", "--limit", "3", "--conversations", "0", "--out", str(out),
                  timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    document = json.loads(out.read_text())
    summary = document["summary"]
    # The first three questions are capitals, which the small model knows.
    assert summary["single_questions"]["accuracy"]["scored"] == 3
    assert summary["single_questions"]["accuracy"]["correct"] >= 2, document["singles"]
    client, service = summary["voice_to_voice_client_ms"], summary["voice_to_voice_service_ms"]
    assert client["n"] >= 2 and service["n"] >= 2
    assert 100 < client["p50"] < 5000 and 100 < service["p50"] < 5000
    for turn in document["singles"]:
        assert turn["transcript"] and turn["reply"] and turn["voice"]
    assert "single questions" in done.stdout and "voice to voice, client" in done.stdout


def test_typed_conversations_score_follow_ups_and_degenerate_replies(tmp_path):
    out = tmp_path / "typed.json"
    done = _bench("--quality", "--typed", "--limit", "4", "--conversations", "1",
                  "--out", str(out), timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    summary = json.loads(out.read_text())["summary"]
    conversation = summary["conversations"]
    assert conversation["follow_ups_resolved"]["scored"] >= 5
    assert conversation["degenerate"] == 0
    assert "follow-ups resolved" in done.stdout and "degenerate replies" in done.stdout


def test_a_negative_conversation_count_is_refused(tmp_path):
    done = _bench("--quality", "--conversations", "-1", "--out", str(tmp_path / "x.json"),
                  timeout=60)
    assert done.returncode == 2 and "--conversations must be 0 or more" in done.stderr


def test_quality_compare_scores_the_stock_pipeline_on_the_same_questions(tmp_path):
    out = tmp_path / "quality.json"
    done = _bench("--quality", "--limit", "2", "--conversations", "0",
                  "--compare", "stock-pipecat", "--out", str(out), timeout=400)
    assert done.returncode == 0, done.stderr[-2000:]
    stock = json.loads(out.read_text())["stock_pipecat"]
    assert stock["single_questions"]["accuracy"]["scored"] == 2
    assert [r["text"] for r in stock["replies"]] == [
        "What is the capital of France?", "What is the capital of Japan?"]
    assert all(r["reply"] for r in stock["replies"])
    assert stock["voice_to_voice_service_ms"]["n"] == 2
    assert "stock pipecat, same models and prompt" in done.stdout


def test_typed_commands_are_all_recognised_and_near_misses_left_alone(tmp_path):
    out = tmp_path / "commands.json"
    done = _bench("--commands", "--typed", "--out", str(out), timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    summary = json.loads(out.read_text())["summary"]
    assert summary["commands"]["total"] >= 100
    assert summary["commands"]["rate"] >= 0.95, summary["mistakes"]
    assert summary["near_misses"]["false_matches"] == 0, summary["mistakes"]
    assert "near misses matched" in done.stdout


def test_spoken_commands_are_acted_on_through_the_service(tmp_path):
    out = tmp_path / "commands.json"
    done = _bench("--commands", "--limit", "4", "--out", str(out), timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    document = json.loads(out.read_text())
    # The first four are timers started with a duration, said back in the reply.
    assert document["summary"]["commands"]["correct"] >= 3, document["results"]
    assert document["summary"]["voice_to_voice_client_ms"]["n"] >= 3
    for result in document["results"]:
        assert result["transcript"] and result["voice"]

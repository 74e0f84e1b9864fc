"""`appliance bench` end to end on a slice of the built-in corpus, and a folder corpus."""

import json
import subprocess
import sys

import pytest

from appliance.audio.wav import write_wav
from appliance.benchmark import folder_corpus

pytestmark = pytest.mark.models


def test_bench_reports_every_stage_and_the_word_error_rate(tmp_path):
    out = tmp_path / "bench.json"
    done = subprocess.run([sys.executable, "-m", "appliance.cli", "bench", "--limit", "2",
                           "--warmup", "0", "--out", str(out)],
                          capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    summary = json.loads(out.read_text())["summary"]
    assert summary["utterances"] == 2 and summary["unanswered"] == 0
    for stage in ("eot", "stt", "llm_ttft", "tts_ttfb", "voice_to_voice"):
        figures = summary["stages_ms"][stage]
        assert figures["n"] == 2 and 0 < figures["p50"] <= figures["p90"] <= figures["p99"]
    assert summary["word_error_rate"] <= 0.3
    assert summary["peak_rss_mb"] > 100
    assert "voice_to_voice" in done.stdout and "word error rate" in done.stdout


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
    done = subprocess.run([sys.executable, "-m", "appliance.cli", "bench", "--limit", "1",
                           "--warmup", "0", "--compare", "stock-pipecat", "--out", str(out)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    document = json.loads(out.read_text())
    stock = document["stock_pipecat"]["summary"]
    assert stock["utterances"] == 1 and stock["unanswered"] == 0
    assert stock["stages_ms"]["voice_to_voice"]["p50"] > 0
    assert document["comparison"]["voice_to_voice_speedup_p50"] > 0
    assert "stock pipecat, same models" in done.stdout and "faster at p50" in done.stdout

"""The soak benchmark, half a minute of it against the real service."""

import json

import pytest

from appliance.benchmark.soak import conversation_slices, run_soak
from appliance.benchmark.soak_report import format_soak

pytestmark = pytest.mark.models


def test_slices_keep_follow_ups_with_their_question_and_end_asking_the_time():
    for conversation in conversation_slices():
        assert not conversation.turns[0].is_follow_up
        assert conversation.turns[-1].text == "What time is it?"


def test_half_a_minute_of_soak_answers_every_turn_and_reports_the_verdict(tmp_path):
    document = run_soak(0.5, tmp_path, sample_interval_s=2.0, max_slices=2)
    summary = document["summary"]
    assert summary["turns"]["total"] >= 3
    assert summary["turns"]["unanswered"] == 0 and summary["checks"]["every_turn_answered"]
    assert summary["conversations"] >= 1 and summary["two_clients"] is True
    assert summary["samples"] >= 10 and summary["rss_mb"]["post_warmup_median"] > 100
    assert summary["fds"]["post_warmup_median"] > 0 and summary["threads"]["final_median"] > 0
    assert isinstance(summary["fds"]["growth"], float | int)
    assert set(summary["checks"]) == {"rss_growth_below_5_pct", "descriptors_not_growing",
                                      "every_turn_answered"}
    assert summary["passed"] == all(summary["checks"].values())
    for half in ("first_half", "second_half", "all"):
        assert half in summary["voice_to_voice_client_ms"]
    assert summary["voice_to_voice_client_ms"]["all"]["p50"] > 0
    for turn in document["turns"]:
        assert {"t_s", "client", "text", "transcript", "reply", "answered", "client_ms",
                "service_ms", "is_command"} <= set(turn)
    on_disk = json.loads((tmp_path / "soak.json").read_text())
    assert on_disk["summary"] == summary and len(on_disk["samples"]) == summary["samples"]
    assert (tmp_path / "soak.png").stat().st_size > 10_000
    assert "turns answered" in format_soak(summary)

"""The wake bench times the kiosk as it wakes: sure takes at once, unsure ones after a check."""

import numpy as np
import pytest

from appliance.apps.kiosk.run import local_phrase_scorer
from appliance.apps.kiosk.wake_check import checked_detector
from appliance.benchmark.wake_bench import _fired_at, format_report

pytestmark = pytest.mark.models


def test_an_unsure_take_counts_once_whisper_confirms_it_and_its_check_is_in_the_latency(
        engines, espeak):
    take = np.concatenate([espeak("Okay Nabu.", "en-us+f3"), np.zeros(16000, np.int16)])
    detector, _ = checked_detector("okay_nabu", None, unsure_from=0.1)
    assert _fired_at(detector, take) == []  # the model alone is unsure of this voice
    detector, check = checked_detector("okay_nabu", local_phrase_scorer(engines), unsure_from=0.1)
    fired = _fired_at(detector, take, check)
    assert len(fired) == 1 and fired[0][1], fired
    # Woken after the phrase, and not before the check could have run.
    assert 0.5 + 0.3 < fired[0][0] < len(take) / 16000


def test_other_talk_is_not_confirmed(engines, espeak):
    detector, check = checked_detector("okay_nabu", local_phrase_scorer(engines), unsure_from=0.1)
    said = np.concatenate([espeak("What is that verb?", "en-us"), np.zeros(16000, np.int16)])
    assert _fired_at(detector, said, check) == []


def test_the_report_says_how_many_takes_were_checked_and_the_near_misses():
    report = {"checked_from": 0.1,
              "detection": {"okay_nabu": {"heard": 70, "takes": 72, "rate": 0.972,
                                          "heard_after_a_check": 9, "latency_ms_p50": 160,
                                          "latency_ms_p90": 250}},
              "false_wakes": {"hours": 10.0, "wakes": {"okay_nabu": 0},
                              "wakes_after_a_check": {"okay_nabu": 0},
                              "per_10_hours": {"okay_nabu": 0.0}},
              "near_misses": {"okay_nabu": {"takes": 180, "woken": 30,
                                            "woken_after_a_check": 4, "rate": 0.167}}}
    text = format_report(report)
    assert "checked by the local Whisper" in text
    assert "70/72" in text and " 9 " in text and "30/180 (4 after a check)" in text

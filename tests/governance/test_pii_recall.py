"""The masker on labelled sets it was never tuned on: the held-out halves of the team's own
set and of three sets written by authors who never saw the masker (`pii_blind*`).

The floors are the figures measured when the masker last changed (see README, "Personal
data"); they guard against regressions. The targets of the issue (recall 0.98, false
positives 2 %) are met on the dev halves and reported, not asserted, on held-out halves.
"""

import pytest

from appliance.benchmark.pii_bench import labelled_items, score, split_figures
from appliance.benchmark.pii_corpus import set_of
from appliance.governance.masking import PersonalDataMasker

pytestmark = pytest.mark.unit

# (set, figure): floor on the held-out half, as measured (rounded down).
HELD_OUT_FLOORS = {
    ("team", "typed"): 0.98, ("team", "spoken_text"): 0.98, ("team", "whisper"): 0.94,
    ("blind", "typed"): 0.92, ("blind", "spoken_text"): 0.96, ("blind", "whisper"): 0.68,
    ("blind2", "typed"): 0.88, ("blind2", "spoken_text"): 0.80, ("blind2", "whisper"): 0.66,
    ("blind3", "typed"): 0.86, ("blind3", "spoken_text"): 0.93, ("blind3", "whisper"): 0.68,
}
HELD_OUT_MAX_FALSE_POSITIVES = {"team": 0.02, "blind": 0.032, "blind2": 0.01, "blind3": 0.02}


@pytest.fixture(scope="module")
def reports():
    items = labelled_items()
    masker = PersonalDataMasker()
    return {name: score([i for i in items if set_of(i) == name], masker)
            for name in sorted({set_of(i) for i in items})}


def test_the_labelled_sets_are_large_and_hold_hard_negatives():
    items = labelled_items()
    for name in ("team", "blind", "blind2", "blind3"):
        subset = [i for i in items if set_of(i) == name]
        assert len(subset) >= 500, name
        assert sum(not i["values"] for i in subset) >= 150, name
        assert {i["split"] for i in subset} == {"dev", "heldout"}, name
        assert sum(i["source"] == "whisper" for i in subset) >= 60, name


def test_held_out_recall_and_false_positives_stay_at_their_measured_floors(reports):
    for name, report in reports.items():
        figures = split_figures(report, "heldout")
        print(f"\n{name} held out: {figures}")
        for (set_name, figure), floor in HELD_OUT_FLOORS.items():
            if set_name == name:
                assert figures[figure] >= floor, (name, figure, figures[figure])
        if name in HELD_OUT_MAX_FALSE_POSITIVES:
            assert figures["false_positive_rate"] <= HELD_OUT_MAX_FALSE_POSITIVES[name], name


def test_dev_recall_and_false_positives_meet_the_targets(reports):
    for name in ("team", "blind", "blind2", "blind3"):
        figures = split_figures(reports[name], "dev")
        assert figures["typed"] >= 0.98, (name, figures)
        assert figures["spoken_text"] >= 0.96, (name, figures)
        assert figures["false_positive_rate"] <= 0.02, (name, figures)

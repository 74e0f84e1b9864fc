"""The masker on the labelled sets: the team's own and ten written by authors who never
saw the masker (`pii_blind*`).

The held-out halves of blind 4-10 were never tuned on; those of the team's set and of
blind 1-3 were, once their dev halves were exhausted (`pii_bench.TUNED_SETS`). The floors
are the figures measured when the masker last changed (see README, "Personal data"); they
guard against regressions. The targets of the issue (recall 0.98, false positives 2 %) are
asserted where they are met and reported where they are not.
"""

import pytest

from appliance.benchmark.pii_bench import labelled_items, score, split_figures
from appliance.benchmark.pii_corpus import BLIND_SETS, set_of
from appliance.governance.masking import PersonalDataMasker

pytestmark = pytest.mark.unit

# (set, figure): floor on the held-out half, as measured (rounded down).
HELD_OUT_FLOORS = {
    ("team", "typed"): 0.98, ("team", "spoken_text"): 0.98, ("team", "whisper"): 0.94,
    ("blind", "typed"): 0.98, ("blind", "spoken_text"): 0.98, ("blind", "whisper"): 0.71,
    ("blind2", "typed"): 0.98, ("blind2", "spoken_text"): 0.95, ("blind2", "whisper"): 0.71,
    ("blind3", "typed"): 0.97, ("blind3", "spoken_text"): 0.98, ("blind3", "whisper"): 0.72,
    ("blind4", "typed"): 0.95, ("blind4", "spoken_text"): 0.95, ("blind4", "whisper"): 0.69,
    ("blind5", "typed"): 0.92, ("blind5", "spoken_text"): 0.95, ("blind5", "whisper"): 0.72,
    ("blind6", "typed"): 0.95, ("blind6", "spoken_text"): 0.94, ("blind6", "whisper"): 0.76,
    ("blind7", "typed"): 0.96, ("blind7", "spoken_text"): 0.96, ("blind7", "whisper"): 0.72,
    ("blind8", "typed"): 0.95, ("blind8", "spoken_text"): 0.91, ("blind8", "whisper"): 0.76,
    ("blind9", "typed"): 0.96, ("blind9", "spoken_text"): 0.95, ("blind9", "whisper"): 0.78,
    ("blind10", "typed"): 0.94, ("blind10", "spoken_text"): 0.96, ("blind10", "whisper"): 0.80,
}
# Blind 10's held-out negatives arrived with 11.5 % changed (its author put in data-shaped
# negatives on purpose: meeting IDs, firmware numbers, short codes); not tuned on since.
# Blind 6 counts NHS and medical record numbers as negatives; the masker masks them as the
# personal identifiers they are (12 of its 17: "hospital number MRN 31534737" too, since a
# phone-like run of 7-8 digits close after "number" is masked), so its rate is above 2 %.
HELD_OUT_MAX_FALSE_POSITIVES = {"team": 0.02, "blind": 0.02, "blind2": 0.02, "blind3": 0.02,
                                "blind4": 0.02, "blind5": 0.02, "blind6": 0.15, "blind7": 0.04,
                                "blind8": 0.04, "blind9": 0.04, "blind10": 0.12}
# Whisper's transcripts of 60 spoken hard negatives per blind set: 4-15 % of those in a
# held-out half are changed, mostly a word Whisper garbled taken for a name ("Portato is
# blocked" for "port 8080 is blocked"). A ceiling, not a target met.
HELD_OUT_MAX_WHISPER_FALSE_POSITIVES = 0.16


@pytest.fixture(scope="module")
def reports():
    items = labelled_items()
    masker = PersonalDataMasker()
    return {name: score([i for i in items if set_of(i) == name], masker)
            for name in sorted({set_of(i) for i in items})}


def test_the_labelled_sets_are_large_and_hold_hard_negatives():
    items = labelled_items()
    for name in ("team", *BLIND_SETS):
        subset = [i for i in items if set_of(i) == name]
        assert len(subset) >= 500, name
        assert sum(not i["values"] for i in subset) >= 150, name
        assert {i["split"] for i in subset} == {"dev", "heldout"}, name
        assert sum(i["source"] == "whisper" for i in subset) >= 60, name
        if name != "team":
            heard_negatives = [i for i in subset if i["source"] == "whisper" and not i["values"]]
            assert len(heard_negatives) >= 50, name


def test_held_out_recall_and_false_positives_stay_at_their_measured_floors(reports):
    for name, report in reports.items():
        figures = split_figures(report, "heldout")
        print(f"\n{name} held out: {figures}")
        for (set_name, figure), floor in HELD_OUT_FLOORS.items():
            if set_name == name:
                assert figures[figure] >= floor, (name, figure, figures[figure])
        if name in HELD_OUT_MAX_FALSE_POSITIVES:
            assert figures["false_positive_rate"] <= HELD_OUT_MAX_FALSE_POSITIVES[name], name
        assert figures["whisper_false_positive_rate"] <= HELD_OUT_MAX_WHISPER_FALSE_POSITIVES, (
            name, figures["whisper_false_positive_rate"])


def test_dev_recall_and_false_positives_meet_the_targets(reports):
    for name in ("team", "blind", "blind2", "blind3", "blind5"):
        figures = split_figures(reports[name], "dev")
        assert figures["typed"] >= 0.98, (name, figures)
        assert figures["spoken_text"] >= 0.96, (name, figures)
        assert figures["false_positive_rate"] <= 0.02, (name, figures)
    # Blind 4, 6, 7 and 8's dev halves hold shapes no rule reads yet (Thai sois, Irish
    # townlands, names in small letters that are also words, names taken back mid-sentence).
    for name, typed in (("blind4", 0.94), ("blind6", 0.94), ("blind7", 0.94), ("blind8", 0.91)):
        figures = split_figures(reports[name], "dev")
        assert figures["typed"] >= typed and figures["spoken_text"] >= 0.91, (name, figures)
        assert figures["false_positive_rate"] <= 0.02, (name, figures)

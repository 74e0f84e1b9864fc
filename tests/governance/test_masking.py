"""Personal data is found and masked in written and spoken forms; precision and recall on a
labelled set of sentences as speech-to-text writes them."""

import re

import pytest

from appliance.governance.masking import LABELS, PersonalDataMasker
from tests.governance.pii_sentences import LABELLED

pytestmark = pytest.mark.unit

masker = PersonalDataMasker()


def _score() -> tuple[float, float, list]:
    true_pos = false_pos = false_neg = 0
    mistakes = []
    for text, expected in LABELLED:
        found = set(masker.mask(text).kinds)
        true_pos += len(found & expected)
        false_pos += len(found - expected)
        false_neg += len(expected - found)
        if found != expected:
            mistakes.append((text, sorted(expected), sorted(found)))
    return true_pos / (true_pos + false_pos), true_pos / (true_pos + false_neg), mistakes


def test_precision_and_recall_on_the_labelled_set():
    assert len(LABELLED) >= 100
    precision, recall, mistakes = _score()
    print(f"\npersonal data: precision {precision:.3f}, recall {recall:.3f} "
          f"on {len(LABELLED)} sentences; mistakes: {mistakes}")
    assert recall >= 0.95, mistakes
    assert precision >= 0.95, mistakes


@pytest.mark.parametrize(("text", "expected"), [(t, k) for t, k in LABELLED if k])
def test_masked_text_keeps_no_digits_or_address_of_the_data(text, expected):
    masked = masker.mask(text).text
    for kind in expected:
        assert LABELS[kind] in masked
    if expected & {"card", "us_ssn", "phone", "iban"}:
        # Whatever is left may hold a few digits (an expiry, a house number) but never a run
        # long enough to rebuild the number.
        assert not re.search(r"\d(?:[ ,.-]?\d){5}", masked), masked
    assert "@" not in masked and " dot com" not in masked


def test_text_without_personal_data_is_returned_unchanged():
    assert masker.mask("Set a timer for ten minutes.").text == "Set a timer for ten minutes."


def test_actions_say_which_kinds_keep_the_turn_local():
    result = PersonalDataMasker({"email": "local"}).mask("mail jane@example.com")
    assert result.keeps_local and result.local_kinds == ("email",)
    assert not PersonalDataMasker().mask("mail jane@example.com").keeps_local
    assert PersonalDataMasker().mask("card 4111 1111 1111 1111").keeps_local


def test_a_bad_action_or_kind_is_refused_with_the_choices():
    with pytest.raises(ValueError, match='use "mask" or "local"'):
        PersonalDataMasker({"email": "drop"})
    with pytest.raises(ValueError, match="unknown kind 'passport'.*email"):
        PersonalDataMasker({"passport": "mask"})


@pytest.mark.parametrize("text", ["one " * 5000, "oh five " * 3000, "a dot b at " * 2000,
                                  "x.y at z." * 2000, "1 " * 10000, "12 main " * 3000])
def test_masking_stays_fast_on_long_adversarial_text(text):
    import time

    started = time.perf_counter()
    masker.mask(text)
    assert time.perf_counter() - started < 2.0

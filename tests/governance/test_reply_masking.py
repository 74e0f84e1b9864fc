"""Masking what the assistant wrote: the user's data goes, the names it answered with stay.

The sentences are the local model's own answers from the answer-quality benchmark, where
masking them as user text garbled them ("[NAME]'s theory of general relativity").
"""

import pytest

from appliance.governance.audit import AuditTrail
from appliance.governance.masking import PersonalDataMasker, mask_exchange, mask_text
from appliance.governance.turn_audit import TurnAuditor
from tests.ops.turns import finished_turn

pytestmark = pytest.mark.unit

masker = PersonalDataMasker()

ANSWERS = [
    "The first person to walk on the moon was Neil Armstrong.",
    "Einstein was a German physicist who developed the theory of relativity.",
    "It's a theoretical concept predicted by Einstein's theory of general relativity.",
    "The Mona Lisa is attributed to Leonardo da Vinci.",
    "Romeo and Juliet was written in English by William Shakespeare, born in England.",
    "Oliver Twist by Charles Dickens.",
    "The planet closest to the sun is Mercury, and Venus is the hottest.",
    "Paris is known for the Eiffel Tower, Notre Dame Cathedral, the Louvre and many more.",
    "Heat the avocado in a pan until it's golden brown and crispy on the outside.",
]


@pytest.mark.parametrize("answer", ANSWERS)
def test_an_answer_naming_the_famous_is_left_as_the_user_hears_it(answer):
    said = masker.mask("Tell me something interesting.").said_words
    assert masker.mask(answer, said=said).text == answer


def test_a_name_the_user_said_is_masked_in_the_answer():
    said = masker.mask("text Priya Raman that I'm running late").said_words
    assert masker.mask("Okay, I'll text Priya that you're running late.", said=said).text == (
        "Okay, I'll text [NAME] that you're running late.")


@pytest.mark.parametrize(("answer", "label", "gone"), [
    ("Priya's number is 07700 900123.", "[PHONE]", "Priya"),  # a name beside other data
    ("I've sent it to 12 Elm Road, Leeds LS6 2AB.", "[ADDRESS]", "Elm"),  # a numbered address
    ("Her e-mail is kwame.mensah@example.com.", "[EMAIL]", "mensah"),
])
def test_data_the_user_never_said_is_still_masked_in_an_answer(answer, label, gone):
    masked = masker.mask(answer, said=frozenset()).text
    assert label in masked and gone not in masked, masked


def test_common_words_are_no_names_in_questions_either():
    for text in ("We're here.", "What do bees collect from flowers?"):
        assert mask_text(text) == text
    # A request's first verb is no part of the name after it, though "Tell" is a surname.
    assert mask_text("Tell Kwame Mensah I'm late.") == "Tell [NAME] I'm late."


async def test_the_audit_trail_keeps_the_answer_and_masks_the_users_name(tmp_path):
    trail = AuditTrail(tmp_path / "audit.db", bytes(32))
    auditor = TurnAuditor(trail, mask_exchange, "session-1")
    turn = finished_turn(reply="Kwame Mensah? Neil Armstrong walked on the moon in 1969.")
    turn.transcript = "Tell Kwame Mensah who walked on the moon."
    await auditor(turn)
    record, = trail.records(kind="turn")
    assert record.sensitive["transcript"] == "Tell [NAME] who walked on the moon."
    assert record.sensitive["reply"] == "[NAME]? Neil Armstrong walked on the moon in 1969."

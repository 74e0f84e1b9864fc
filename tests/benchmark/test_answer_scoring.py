"""Answer-quality scoring, and the question and conversation corpus it scores against."""

import re
from collections import Counter

import pytest

from appliance.benchmark.conversations import CONVERSATIONS
from appliance.benchmark.quality import (
    ScoredReply,
    is_correct,
    is_degenerate,
    normalise,
    score_reply,
    summarise,
)
from appliance.benchmark.questions import QUESTIONS

pytestmark = pytest.mark.unit

ALL_TURNS = [turn for conversation in CONVERSATIONS for turn in conversation.turns]


def test_normalise_keeps_decimals_and_drops_thousands_separators():
    assert normalise("Pi is about 3.14.") == "pi is about 3.14"
    assert normalise("A kilogram is 1,000 grams!") == "a kilogram is 1000 grams"
    assert normalise("Twenty-one, CO₂, café") == "21 co2 cafe"


def test_number_words_and_digits_score_alike():
    assert is_correct("A spider has eight legs.", ["8"])
    assert is_correct("It has 8 legs.", ["eight"])
    assert is_correct("That makes one hundred and forty-four.", ["144"])
    assert is_correct("Zero degrees.", ["0"])
    assert is_correct("There are 1,000 grams in a kilogram.", ["1000"])
    assert is_correct("Half of seven is three and a half.", ["3.5"])


def test_answer_must_be_a_whole_word():
    assert not is_correct("Romeo loved Juliet.", ["Rome"])
    assert not is_correct("There are 14 of them.", ["4"])
    assert not is_correct("Pi is 3.14.", ["4"])
    assert is_correct("The capital of Italy is Rome.", ["Rome"])
    assert is_correct("It is Leonardo da Vinci.", ["da Vinci"])


def test_wrong_answer_is_not_counted():
    assert not is_correct("The capital of Australia is Sydney.", ["Canberra"])
    assert not is_correct("Twelve plus seven is eighteen.", ["19"])


def test_question_without_answers_is_left_unscored():
    scored = score_reply("Set a timer.", "Timer set.", (), "calendar", earlier_replies=[])
    assert scored.correct is None
    assert not is_correct("Anything at all.", [])


def test_repeated_reply_is_degenerate():
    earlier = ["Il 12-Minute Ticuna by William Shakespeare."]
    assert is_degenerate("Il 12-Minute Ticuna by William Shakespeare.", earlier)
    assert is_degenerate("The 12-minute Ticuna, by William Shakespeare!", earlier)


def test_different_short_answers_are_not_degenerate():
    assert not is_degenerate("Rome.", ["Paris."])
    assert not is_degenerate("Paris.", ["Paris."])  # "its largest city?" may repeat it
    assert not is_degenerate("The answer is 38.", ["The answer is 19."])


def test_same_template_around_a_different_answer_is_not_degenerate():
    assert not is_degenerate("The capital of Spain is Madrid, and it is known for its art.",
                             ["The capital of Germany is Berlin, and it is known for its art."])
    assert not is_degenerate("Twelve times two is twenty-four, so the answer is 24.",
                             ["Twelve times four is forty-eight, so the answer is 48."])


def test_self_loop_is_degenerate():
    assert is_degenerate("I am sorry I am sorry I am sorry", [])
    assert is_degenerate("Paris is lovely. It has a river. Paris is lovely.", [])
    assert not is_degenerate("It is very, very cold. Wear a coat.", [])


def test_summary_counts_accuracy_follow_ups_and_degenerate_replies():
    results = [
        ScoredReply("Capital of Italy?", "Rome.", "geography", False, True, False),
        ScoredReply("And of Spain?", "Rome.", "geography", True, False, False),
        ScoredReply("Set a timer.", "Done.", "geography", False, None, False),
        ScoredReply("Twelve plus seven?", "19", "arithmetic", False, True, False),
        ScoredReply("Double that.", "19 19 19", "arithmetic", True, True, True),
    ]
    summary = summarise(results)
    assert summary.replies == 5
    assert str(summary.accuracy) == "3 of 4" and summary.accuracy.rate == 0.75
    assert str(summary.follow_ups_resolved) == "1 of 2"
    assert summary.degenerate == 1
    assert {name: str(t) for name, t in summary.by_group.items()} == {
        "geography": "1 of 2", "arithmetic": "2 of 2"}
    assert summary.as_dict()["accuracy"] == {"correct": 3, "scored": 4, "rate": 0.75}


def test_empty_summary_has_no_rate():
    assert summarise([]).accuracy.rate is None


def test_every_question_has_answers_and_source():
    for question in QUESTIONS:
        assert question.answers, question.text
        assert question.source.startswith("written for this project"), question.text
        assert question.category, question.text


def test_every_accepted_answer_normalises_to_something():
    answers = [a for q in QUESTIONS for a in q.answers] + [a for t in ALL_TURNS
                                                            for a in t.answers]
    assert [a for a in answers if not normalise(a)] == []


def test_no_answer_is_given_away_by_the_question():
    texts = [(q.text, q.answers) for q in QUESTIONS] + [(t.text, t.answers)
                                                         for t in ALL_TURNS]
    given_away = [text for text, answers in texts if is_correct(text, answers)]
    assert given_away == []


def test_numbers_in_spoken_text_are_words():
    texts = [q.text for q in QUESTIONS] + [t.text for t in ALL_TURNS]
    assert [text for text in texts if re.search(r"\d", text)] == []


def test_corpus_is_large_enough():
    assert len(QUESTIONS) >= 150
    per_category = Counter(q.category for q in QUESTIONS)
    assert len(per_category) == 6 and min(per_category.values()) >= 20
    assert len(CONVERSATIONS) >= 5
    for conversation in CONVERSATIONS:
        assert len(conversation.turns) >= 15, conversation.name
        assert sum(t.is_follow_up for t in conversation.turns) >= 5, conversation.name


def test_conversations_are_mostly_scored_and_open_standalone():
    for conversation in CONVERSATIONS:
        assert not conversation.turns[0].is_follow_up, conversation.name
        unscored = sum(not t.answers for t in conversation.turns)
        assert 1 <= unscored <= len(conversation.turns) // 4, conversation.name
    assert len({c.name for c in CONVERSATIONS}) == len(CONVERSATIONS)


def test_no_duplicate_questions():
    texts = Counter(normalise(q.text) for q in QUESTIONS)
    assert [text for text, count in texts.items() if count > 1] == []

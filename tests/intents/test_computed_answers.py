"""Computable questions are answered exactly, and everything else is left to the model."""

import datetime as dt

import pytest

from appliance.intents import answer_directly

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(("said", "expected"), [
    ("What is twelve plus seven?", "19"),
    ("What's 7 times 8?", "56"),
    ("what is three plus four times two", "11"),
    ("How much is one hundred divided by four?", "25"),
    ("What is fifteen percent of two hundred?", "30"),
    ("What is nine squared?", "81"),
    ("What is the square root of one hundred and forty four?", "12"),
    ("What is two to the power of ten?", "1024"),
    ("What is one third of thirty?", "10"),
    ("What is double fourteen?", "28"),
    ("What is the sum of eighteen and twenty three?", "41"),
    ("Twenty minus eight.", "12"),
    # As Whisper writes them: "%", a lost final "d", a dropped "is".
    ("What is 20% of 80%?", "16"),
    ("What is 3 square?", "9"),
    ("what is 4 cube", "64"),
    ("What a 700 divided by 7.", "100"),
])
def test_arithmetic_is_computed(said, expected):
    answer = answer_directly(said)
    assert answer is not None and answer.kind == "arithmetic"
    assert f" {expected}." in answer.text


@pytest.mark.parametrize(("said", "expected"), [
    ("How many centimeters are in a meter?", "There are 100 centimeters in a meter."),
    ("How many feet are in a mile?", "There are 5280 feet in a mile."),
    ("How many minutes are in an hour?", "There are 60 minutes in an hour."),
    ("How many grams are in half a kilogram?", "0.5 kilograms is 500 grams."),
    ("How many days are there in a leap year?", "There are 366 days in a leap year."),
    ("Convert five kilograms to pounds.", "5 kilograms is about 11.02 pounds."),
    ("What is one hundred degrees Fahrenheit in Celsius?", "about 37.8 degrees Celsius"),
    ("What is zero degrees Celsius in Fahrenheit?", "0 degrees Celsius is 32 degrees Fahrenheit"),
    ("What month comes after June?", "July comes after June."),
    ("Which day comes before Monday?", "Sunday comes before Monday."),
    ("How many days are in September?", "September has 30 days."),
    ("What is the last month of the year?", "December"),
])
def test_units_and_calendar_facts_are_exact(said, expected):
    answer = answer_directly(said)
    assert answer is not None and answer.kind == "units"
    assert expected in answer.text


def test_months_by_their_number_of_days():
    assert answer_directly("How many months have thirty-one days?").text.startswith(
        "7 months have 31 days: January, March, May, July, August, October and December")
    assert answer_directly("Which months have 30 days?").text.startswith("4 months")
    assert "February" in answer_directly("How many months have 28 days?").text
    assert answer_directly("How many months have 40 days?").text == "No month has 40 days."


def test_time_and_date_come_from_the_clock():
    clock = lambda: dt.datetime(2026, 12, 6, 14, 5)  # noqa: E731
    assert answer_directly("What time is it?", now=clock).text == "It's 2:05 PM."
    assert answer_directly("what's the date today", now=clock).text == (
        "Today is Sunday, December 6, 2026.")


def test_dividing_by_zero_is_explained_not_crashed():
    assert answer_directly("What is ten divided by zero?").text == "You can't divide by zero."


@pytest.mark.parametrize("said", [
    "What is the capital of France?",
    "How many legs does a spider have?",
    "What time does the bakery open?",
    "How many minutes should I boil an egg?",
    "What is a kilometer?",
    "How many people live in Paris?",
    "What day is Christmas?",
    "Which one is bigger, three or four?",
    "How many days until Christmas?",
    "",
])
def test_questions_that_need_a_model_are_left_to_it(said):
    assert answer_directly(said) is None


@pytest.mark.parametrize(("said", "kind"), [
    ("Turn on the lights in the living room.", "device"),
    ("Switch the heater off.", "device"),
    ("Open the garage door.", "device"),
    ("Set a timer for twelve minutes.", "timer"),
    ("Remind me to call my mother tomorrow.", "timer"),
    ("Play some relaxing music.", "media"),
    ("Call my sister.", "communication"),
    ("What's the weather like today?", "online"),
])
def test_requests_it_cannot_carry_out_are_declined_honestly(said, kind):
    answer = answer_directly(said)
    assert answer is not None and answer.kind == f"cannot do yet ({kind})"
    assert "can't" in answer.text


@pytest.mark.parametrize("said", [
    "What is weather?", "How does a timer work?", "Who invented the light bulb?",
    "What is the play Hamlet about?", "How do I turn on a gas stove safely?",
])
def test_questions_about_such_things_still_reach_the_model(said):
    assert answer_directly(said) is None


@pytest.mark.parametrize(("said", "reply"), [
    ("Thank you, that is all.", "You're welcome."),
    ("Thanks.", "You're welcome."),
    ("Goodbye.", "Goodbye!"),
    ("Hello!", "Hello! What would you like to know?"),
])
def test_social_phrases_get_a_kind_answer(said, reply):
    answer = answer_directly(said)
    assert answer is not None and answer.kind == "smalltalk" and answer.text == reply


def test_a_question_after_thanks_is_still_a_question():
    assert answer_directly("Thanks, and what is the capital of Peru?") is None


def test_with_tools_on_requests_are_left_to_the_tools():
    assert answer_directly("Turn on the kitchen lights.", decline_unsupported=False) is None
    assert answer_directly("What is two plus two?", decline_unsupported=False).text == (
        "2 plus 2 is 4.")

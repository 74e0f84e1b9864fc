"""LLM replies reach the voice without markdown or emoji, and with symbols said as words."""

import random
import unicodedata

import pytest

from appliance.tts.spoken_form import to_spoken

pytestmark = pytest.mark.unit

# Replies the local models really gave, and the other shapes the rules handle.
EXAMPLES = [
    "The boiling point of water is approximately 100°F (38.76°C).",
    "You can use the `sudo` command to update your file: ```bash sudo update```",
    "**Paris** is the capital 🇫🇷😀",
    "1. Boil water\n2. Add the egg\n- Wait",
    "Read [the guide](https://example.com/guide?page=2) first.",
    "See https://www.python.org/downloads/ for more.",
    "It is 50% off.",
    "It costs $20.",
    "It costs $5.50, or $0.99 on sale.",
    "Walk 5 km, then 1 km more.",
    "I'm 5 years old.",
    "Lunch is at 12:30 and pi is 3.14.",
    "7 + 5 = 12",
    "7 - 3 is 4, and 3 x 4 is 12.",
    "The capital of France is Paris.",
    "A café in Zürich, señor.",
    "## Steps\n> Note: *be careful* with __hot__ water\n* Stir",
    "| City | Country |\n|---|---|\n| Paris | France |",
    "Use ~2 cups, 1/2 a lemon and 1 1/2 spoons.",
    "Drive at 60 km/h or 40 mph in the 1990s.",
    "Fruits, e.g. apples, etc.",
    "```python\nprint('hi')\n```",
    "```bash sudo update",
    "---",
    "😀",
    "",
]


def test_degrees_are_said_with_their_scale():
    spoken = to_spoken("The boiling point of water is approximately 100°F (38.76°C).")
    assert "100 degrees Fahrenheit" in spoken
    assert "38.76 degrees Celsius" in spoken
    assert "°" not in spoken
    assert to_spoken("It is 20 °C or 68 degrees F.") == (
        "It is 20 degrees Celsius or 68 degrees Fahrenheit.")
    assert to_spoken("Turn it 1° then 90°.") == "Turn it 1 degree then 90 degrees."


def test_code_fences_lose_their_backticks_and_language_tag_but_keep_the_command():
    spoken = to_spoken(
        "You can use the `sudo` command to update your file: ```bash sudo update```")
    assert spoken == "You can use the sudo command to update your file: sudo update"
    assert to_spoken("```bash sudo update") == "sudo update"
    assert to_spoken("```python\nprint('hi')\n```") == "print('hi')"


def test_bold_markers_and_emoji_are_removed():
    assert to_spoken("**Paris** is the capital 🇫🇷😀") == "Paris is the capital"
    assert to_spoken("Great job 👍🏽! Have fun 🎉.") == "Great job! Have fun."


def test_italic_strikethrough_and_underscores_leave_only_words():
    assert to_spoken("*italic*, _under_, __bold__ and ~~old~~") == (
        "italic, under, bold and old")
    assert to_spoken("Set max_tokens first.") == "Set max tokens first."


def test_a_markdown_list_becomes_sentences_without_markers():
    assert to_spoken("1. Boil water\n2. Add the egg\n- Wait") == (
        "Boil water. Add the egg. Wait")
    assert to_spoken("Steps:\n* Stir\n+ Serve.") == "Steps: Stir. Serve."


def test_headings_quotes_tables_and_rules_lose_their_marks():
    assert to_spoken("## Steps\n> Be careful") == "Steps. Be careful"
    table = "| City | Country |\n|---|:---:|\n| Paris | France |"
    assert to_spoken(table) == "City, Country. Paris, France"
    assert to_spoken("Done.\n\n---\n\nNext.") == "Done. Next."


def test_links_keep_their_text_and_bare_urls_their_host():
    assert to_spoken("Read [the guide](https://example.com/guide?page=2) first.") == (
        "Read the guide first.")
    assert to_spoken("See https://www.python.org/downloads/ for more.") == (
        "See python.org for more.")
    assert to_spoken("Go to www.example.com.") == "Go to example.com."


def test_percent_and_money_are_said_as_words():
    assert to_spoken("50%") == "50 percent"
    assert to_spoken("$20") == "20 dollars"
    assert to_spoken("$1") == "1 dollar"
    assert to_spoken("$5.50") == "5 dollars 50"
    assert to_spoken("$0.99") == "99 cents"
    assert to_spoken("$3 million and €2M and 10€ and £4") == (
        "3 million dollars and 2 million euros and 10 euros and 4 pounds")


def test_units_after_numbers_are_said_in_full_singular_for_one():
    assert to_spoken("5 km") == "5 kilometers"
    assert to_spoken("1 km") == "1 kilometer"
    assert to_spoken("60 km/h or 40 mph") == "60 kilometers per hour or 40 miles per hour"
    assert to_spoken("2 h 30 min, 500 g, 2 L, 5 ml, 6 ft, 1 lb") == (
        "2 hours 30 minutes, 500 grams, 2 liters, 5 milliliters, 6 feet, 1 pound")


def test_unit_letters_that_are_not_after_a_number_stay():
    assert to_spoken("I'm 5") == "I'm 5"
    assert to_spoken("The 1990s were loud.") == "The 1990s were loud."
    assert to_spoken("It fits 5 in a box.") == "It fits 5 in a box."


def test_times_decimals_and_thousands_stay_as_digits():
    assert to_spoken("12:30") == "12:30"
    assert to_spoken("3.14") == "3.14"
    assert to_spoken("1,000 people") == "1,000 people"


def test_arithmetic_symbols_between_numbers_become_words():
    assert to_spoken("7 + 5 = 12") == "7 plus 5 equals 12"
    assert to_spoken("7 - 3") == "7 minus 3"
    assert to_spoken("3 x 4 and 3 × 4 and 8 ÷ 2") == "3 times 4 and 3 times 4 and 8 divided by 2"
    assert to_spoken("Q&A") == "Q and A"


def test_approximations_and_fractions_become_words():
    assert to_spoken("~5 minutes") == "about 5 minutes"
    assert to_spoken("1/2 a lemon, 3/4 cup, 1 1/2 spoons, 2/7") == (
        "one half a lemon, three quarters cup, 1 and a half spoons, 2 over 7")
    assert to_spoken("Due 12/25/2024.") == "Due 12/25/2024."


def test_latin_abbreviations_are_said_in_english():
    assert to_spoken("Fruits, e.g. apples, i.e. red ones, etc.") == (
        "Fruits, for example apples, that is red ones, and so on.")
    assert to_spoken("cats vs. dogs, approx. 5") == "cats versus dogs, approximately 5"
    assert to_spoken("Open VS Code.") == "Open VS Code."


def test_plain_prose_is_unchanged():
    for prose in ["The capital of France is Paris.", "Hello, world!",
                  "Well ... I think so; it's 5 o'clock.", 'He said "hi" (loudly).',
                  "Dr. Smith met Mr. Jones at 3:45 p.m. Is that right?"]:
        assert to_spoken(prose) == prose


def test_accented_letters_are_kept():
    assert to_spoken("A café in Zürich, señor, naïve.") == "A café in Zürich, señor, naïve."
    decomposed = unicodedata.normalize("NFD", "café")
    assert to_spoken(decomposed) == decomposed


def test_a_chunk_with_words_never_comes_back_empty():
    assert to_spoken("```bash") == "bash"
    assert to_spoken("😀") == ""
    assert to_spoken("---") == ""


@pytest.mark.parametrize("text", EXAMPLES)
def test_applying_it_twice_changes_nothing(text):
    once = to_spoken(text)
    assert to_spoken(once) == once


def test_random_fragments_never_raise_and_settle_in_one_application():
    pieces = list("ab xyIm.,:;!?-+*/=_#`|~^<>()[]\"'%&°½×÷−\n 0123456789") + [
        "km", "m", " s", "http://a.b/c", "```", "```bash ", "**", "1. ", "- ", "😀", "🇫🇷",
        "é", "etc.", "e.g.", "degrees ", "C", "F", "1/2", "$5.50"]
    generator = random.Random(20)
    for _ in range(5000):
        text = "".join(generator.choice(pieces) for _ in range(generator.randint(0, 12)))
        once = to_spoken(text)
        assert to_spoken(once) == once, text

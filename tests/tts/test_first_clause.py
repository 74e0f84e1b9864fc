"""The reply's first clause goes to the voice before its sentence ends; then sentences."""

import pytest

from appliance.tts.first_clause import FirstClauseRule, FirstClauseTextAggregator

pytestmark = pytest.mark.unit


async def _feed(aggregator, tokens):
    out = []
    for token in tokens:
        out += [a.text async for a in aggregator.aggregate(token)]
    return out


async def test_first_clause_leaves_at_its_comma_then_whole_sentences():
    aggregator = FirstClauseTextAggregator()
    tokens = ["The", " sky", " is", " a", " deep", ",", " dark", " blue", ".", " It", " is",
              " pretty", ".", " Really", " nice", "."]
    out = await _feed(aggregator, tokens)
    assert out[0] == "The sky is a deep,"
    # After the first clause, pipecat's sentence rules: a sentence leaves when the next starts.
    assert out[1:] == ["dark blue.", "It is pretty."]
    assert (await aggregator.flush()).text == "Really nice."


async def test_a_short_first_sentence_leaves_on_its_full_stop_without_waiting_for_more():
    aggregator = FirstClauseTextAggregator()
    assert await _feed(aggregator, ["The", " capital", " is", " Paris", "."]) == [
        "The capital is Paris."]


async def test_a_long_first_clause_without_punctuation_leaves_after_eight_words():
    aggregator = FirstClauseTextAggregator()
    words = "one two three four five six seven eight nine ten".split()
    out = await _feed(aggregator, [f"{w} " for w in words])
    assert out == ["one two three four five six seven eight"]


async def test_abbreviations_do_not_cut_the_first_clause():
    aggregator = FirstClauseTextAggregator()
    out = await _feed(aggregator, ["Ask", " Dr.", " Smith", " about", " it", ".", " Then"])
    assert out == ["Ask Dr. Smith about it."]


async def test_each_reply_gets_an_early_first_clause_again():
    aggregator = FirstClauseTextAggregator()
    await _feed(aggregator, ["Hello", " there", ",", " friend", "."])
    await aggregator.flush()
    assert await _feed(aggregator, ["Sure", " thing", ",", " now"]) == ["Sure thing,"]
    await aggregator.handle_interruption()
    assert await _feed(aggregator, ["Okay", " then", ","]) == ["Okay then,"]


async def test_a_run_of_text_without_spaces_is_not_held_until_the_reply_ends():
    aggregator = FirstClauseTextAggregator()
    out = await _feed(aggregator, ["A", " dog", " has", " 3"] + ["0"] * 100)
    assert len(out) == 1 and out[0].startswith("A dog has 3000") and len(out[0]) <= 40


@pytest.mark.parametrize("tokens", [
    ["The", " sky", " is", " a", " deep", ",", " dark", " blue", "."],
    ["The", " capital", " is", " Paris", ".", " Yes"],
    ["Ask", " Dr.", " Smith", " about", " it", ".", " Then"],
    ["one ", "two ", "three ", "four ", "five ", "six ", "seven ", "eight ", "nine "],
    ["A", " dog", " has", " 3"] + ["0"] * 60,
])
async def test_the_llm_sees_the_first_clause_end_on_the_same_token_as_the_voice(tokens):
    """The local LLM pauses when `FirstClauseRule.complete` turns true: the TTS must start then."""
    rule = FirstClauseRule()
    aggregator = FirstClauseTextAggregator(rule=rule)
    reply, llm_pauses_at, voice_starts_at = "", None, None
    for index, token in enumerate(tokens):
        reply += token
        if llm_pauses_at is None and rule.complete(reply):
            llm_pauses_at = index
        if voice_starts_at is None and [a async for a in aggregator.aggregate(token)]:
            voice_starts_at = index
    assert voice_starts_at is not None
    assert llm_pauses_at == voice_starts_at


async def test_a_time_or_a_number_is_not_cut_at_its_colon_or_comma():
    """"It's 12:" then "59 AM" would be said as two phrases, with a pause in the time."""
    aggregator = FirstClauseTextAggregator()
    out = await _feed(aggregator, ["It", "'s", " currently", " 12", ":", "59", " AM", ".",
                                   " Have"])
    assert out == ["It's currently 12:59 AM."]
    aggregator = FirstClauseTextAggregator()
    out = await _feed(aggregator, ["That", " costs", " 1", ",", "000", " dollars", ",", " so"])
    assert out == ["That costs 1,000 dollars,"]
    assert not FirstClauseRule().complete("It's currently 12:")

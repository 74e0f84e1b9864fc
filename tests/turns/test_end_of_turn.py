"""End of turn through the real pipeline: finished requests are answered at once, pauses are not."""

import re

import numpy as np
import pytest

from appliance.apps.converse import converse_samples
from appliance.benchmark.corpus import Utterance
from appliance.benchmark.run import ended_before_tail
from appliance.turns.completeness import judge

pytestmark = pytest.mark.models


def _trim(samples: np.ndarray) -> np.ndarray:
    """Cut Piper's own silence at both ends, so the gap is exactly the one asked for."""
    loud = np.flatnonzero(np.abs(samples) > 300)
    return samples[loud[0]:loud[-1] + 1]


def _with_gap(speak, head: str, tail: str, gap_s: float) -> Utterance:
    """Half a second of silence, `head`, `gap_s` of silence, `tail`."""
    first = _trim(speak(head))
    samples = np.concatenate([np.zeros(8000, np.int16), first,
                              np.zeros(int(16000 * gap_s), np.int16), _trim(speak(tail))])
    return Utterance("paused", f"{head} {tail}", samples, "test", False,
                     tail_offset_s=len(first) / 16000 + gap_s)


async def test_a_finished_question_ends_the_turn_without_waiting_for_the_fallback(engines, speak):
    result = await converse_samples(engines, speak("What is the capital of France?"),
                                    until_reply_starts=True)
    [turn] = result.turns
    assert "paris" in turn.reply.lower()
    # Smart Turn's silence fallback would end it only after fallback_timeout_s.
    fallback_ms = engines.settings.turns.fallback_timeout_s * 1000
    assert turn.timings_ms()["eot"] < fallback_ms - 300


# Each paused request: what must be heard of its first half and of its second.
WHOLE = {
    ("Set a timer for", "ten minutes."): (r"\btim", r"\b(10|ten)\b"),
    ("What is the capital of", "Japan?"): (r"\bcapital\b", r"\bjapan\b"),
    ("Turn on the", "kitchen lights."): (r"\bturn on\b", r"\bkitchen\b"),
    ("Remind me to call my mother and", "my father tomorrow."): (r"\bmother\b", r"\bfather\b"),
    ("How do I", "boil an egg?"): (r"\bhow do i\b", r"\begg\b"),
    ("Tell me a joke about", "cats."): (r"\btell me\b", r"\bcats?\b"),
}


async def test_a_request_the_user_goes_on_with_after_a_pause_is_answered_whole(
        engines, speak, espeak):
    """0.8 s hesitations after "for", "of", "the", "and", "I", "about", in three voices.

    A fragment alone often reads as finished ("Set a timer for it.", "How do I?") or
    is misheard outright ("Turn on the" as "Zernan"), so the turn may end at the
    pause; when the user goes on, both halves are heard again as one and that is
    what gets answered. Measured: 13-14 of 18 answered whole (Whisper mishears the
    rest even whole: "what is the capital of? chuban", "boil them in"), 6-7 of 18
    with `turns.resume_within_s = 0`.
    Words that end mid-phrase ("Set a timer for.") must never end the turn at all.
    """
    settings = engines.settings
    voices = {"piper": speak, "espeak en-us": espeak,
              "espeak en-gb": lambda text: espeak(text, "en-gb")}
    whole, heard = 0, []
    for voice, say in voices.items():
        for (head, tail), (head_words, tail_words) in WHOLE.items():
            utterance = _with_gap(say, head, tail, 0.8)
            result = await converse_samples(engines, utterance.samples, until_reply_starts=True,
                                            last_reply=True)
            answered = [t for t in result.turns if t.reply]
            assert answered, f"{voice}: {head} … {tail} was never answered"
            if ended_before_tail(answered, utterance, settings.turns.vad_start_s):
                # Cut only where the words themselves did not end mid-phrase.
                assert judge(answered[0].transcript) != "incomplete", answered[0].transcript
            # A request heard again whole says so (in the audit trail, metrics and traces).
            heard_before = any(t.transcript for t in result.turns if t is not answered[-1])
            assert answered[-1].resumed == heard_before, [
                (t.transcript, t.resumed) for t in result.turns]
            last = answered[-1].transcript.lower()
            heard.append(f"{voice}: {last}")
            whole += bool(re.search(head_words, last) and re.search(tail_words, last))
    assert whole >= 11, heard


async def test_a_short_gap_between_words_is_one_transcript(engines, speak):
    """The speculative transcript taken at the gap is dropped when speech resumes.

    What matters is that the words after the gap are in the one transcript that is
    answered. Which country Whisper hears in a fragment spoken on its own ("of
    Japan?" once came out "of Chibain?") is the speech model's business, not this test's.
    """
    samples = _with_gap(speak, "What is the capital", "of Japan?", 0.12).samples
    result = await converse_samples(engines, samples, until_reply_starts=True)
    [turn] = result.turns
    assert re.search(r"capital\W+of\W+\w+", turn.transcript.lower()), turn.transcript
    assert turn.reply


async def test_a_fragment_followed_by_silence_is_still_answered_after_the_fallback(engines,
                                                                                   speak):
    result = await converse_samples(engines, speak("Set a timer for"), until_reply_starts=True)
    [turn] = result.turns
    assert turn.reply
    assert turn.timings_ms()["eot"] <= engines.settings.turns.fallback_timeout_s * 1000 + 500

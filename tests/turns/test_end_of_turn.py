"""End of turn through the real pipeline: finished requests are answered at once, pauses are not."""

import re

import numpy as np
import pytest

from appliance.apps.converse import converse_samples
from appliance.benchmark.corpus import paused_corpus, voice_onnx
from appliance.benchmark.run import ended_before_tail
from appliance.turns.completeness import judge

pytestmark = pytest.mark.models


def _trim(samples: np.ndarray) -> np.ndarray:
    """Cut Piper's own silence at both ends, so the gap is exactly the one asked for."""
    loud = np.flatnonzero(np.abs(samples) > 300)
    return samples[loud[0]:loud[-1] + 1]


def _with_gap(speak, head: str, tail: str, gap_s: float) -> np.ndarray:
    lead = np.zeros(8000, np.int16)
    return np.concatenate([lead, _trim(speak(head)), np.zeros(int(16000 * gap_s), np.int16),
                           _trim(speak(tail))])


async def test_a_finished_question_ends_the_turn_without_waiting_for_the_fallback(engines, speak):
    result = await converse_samples(engines, speak("What is the capital of France?"),
                                    until_reply_starts=True)
    [turn] = result.turns
    assert "paris" in turn.reply.lower()
    # Smart Turn's silence fallback would end it only after fallback_timeout_s.
    fallback_ms = engines.settings.turns.fallback_timeout_s * 1000
    assert turn.timings_ms()["eot"] < fallback_ms - 300


async def test_pauses_mid_request_rarely_cut_the_user_off(engines, settings):
    """0.8 s hesitations after "for", "of", "the", "and", "I", "about": half cut at most.

    Piper says each fragment as a finished sentence (falling pitch), and Whisper
    sometimes finishes it ("Set a timer for it.", "Turn on that.", "How do I?"), so
    some are ambiguous by sound and by words; stock pipecat cuts 3-4 of these 6. Words
    that end mid-phrase ("Set a timer for.") must never end the turn.
    """
    voice = voice_onnx(settings)
    cut = []
    # Twice over (Piper's voice varies run to run, and so do Whisper's words for a
    # fragment: "my mother and" is sometimes "my mother in."): one unlucky run of six
    # should not decide.
    for utterance in paused_corpus(voice) + paused_corpus(voice):
        result = await converse_samples(engines, utterance.samples, until_reply_starts=True)
        if ended_before_tail(result.turns, utterance, settings.turns.vad_start_s):
            first = next(t for t in result.turns if t.reply)
            cut.append(first.transcript)
            # Cut only where the words themselves did not end mid-phrase.
            assert judge(first.transcript) != "incomplete", first.transcript
    assert len(cut) <= 6, cut


async def test_a_short_gap_between_words_is_one_transcript(engines, speak):
    """The speculative transcript taken at the gap is dropped when speech resumes.

    What matters is that the words after the gap are in the one transcript that is
    answered. Which country Whisper hears in a fragment spoken on its own ("of
    Japan?" once came out "of Chibain?") is the speech model's business, not this test's.
    """
    samples = _with_gap(speak, "What is the capital", "of Japan?", 0.12)
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

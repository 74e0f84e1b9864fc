"""Barge-in: talking over the appliance stops its reply at once and starts a new turn."""

import numpy as np
import pytest

from appliance.benchmark.wer import word_error_rate
from tests.support.conversation import live_conversation, wait_for

pytestmark = pytest.mark.models

SECOND_QUESTION = "What is the capital of France?"


def speech_onset_s(samples: np.ndarray) -> float:
    """Seconds from the start of `samples` to where speech becomes audible (-40 dBFS over 10 ms)."""
    x = samples.astype(np.float32) / 32768
    rms = np.sqrt(np.convolve(x * x, np.ones(160) / 160, mode="same"))
    return np.flatnonzero(rms > 0.01)[0] / 16000


async def test_speech_over_the_reply_stops_playback_within_300ms_and_is_answered(engines, speak):
    async with live_conversation(engines) as (conversation, transport):
        mic, speaker = transport.input(), transport.output()
        mic.enqueue(speak("Tell me a long story about a friendly dragon."))
        await wait_for(lambda: speaker.log.first_sample_at, 30, "the first reply to start")
        await wait_for(lambda: speaker.log.duration_s >= 0.8, 10, "0.8 s of the reply to play")
        interruption = speak(SECOND_QUESTION)
        mic.enqueue(interruption)
        await wait_for(lambda: len(mic.utterance_starts) == 2, 5, "the second question")
        onset = mic.utterance_starts[1] + speech_onset_s(interruption)
        await wait_for(lambda: len(conversation.timeline.turns) >= 2, 40, "the second answer")

    # Playback of the first reply: the last chunk written within 1.5 s of the onset
    # (the second reply cannot start that soon: the question itself lasts longer).
    first_reply_writes = [(t, n) for t, n in speaker.log.writes if t < onset + 1.5]
    last_at, last_bytes = first_reply_writes[-1]
    stopped_at = last_at + last_bytes / 2 / speaker.log.sample_rate_hz
    print(f"barge-in: playback stopped {1000 * (stopped_at - onset):.0f} ms after speech onset")
    assert stopped_at - onset <= 0.3, f"playback went on {stopped_at - onset:.3f} s after speech"

    first, second = conversation.timeline.turns[:2]
    assert first.interrupted
    assert word_error_rate(SECOND_QUESTION, second.transcript) <= 0.2
    assert second.reply.strip() and not second.interrupted

"""Onsets: a loud voice's first frames hush the speaker; no speech after them plays it on."""

import math

import numpy as np

from appliance.turns.onset import Onset, OnsetTracker, frame_level_db

BAR = 0.7  # the VAD's own speech probability bar


def _events(tracker: OnsetTracker, frames: list[tuple[float, float]]) -> list[Onset]:
    return [tracker.frame(c, db, speech_bar=BAR) for c, db in frames]


def test_two_loud_speech_frames_make_one_onset():
    events = _events(OnsetTracker(-30), [(0.1, -60), (0.9, -15), (0.95, -12), (0.99, -12),
                                         (0.99, -14)])
    assert events == [Onset.NOTHING, Onset.NOTHING, Onset.STARTED, Onset.NOTHING,
                      Onset.NOTHING]


def test_quiet_speech_and_loud_noise_are_no_onset():
    # Echo left after cancellation: speech-like but quiet; a bang: loud but not speech.
    assert set(_events(OnsetTracker(-30), [(0.95, -40)] * 10)) == {Onset.NOTHING}
    assert set(_events(OnsetTracker(-30), [(0.2, -5)] * 10)) == {Onset.NOTHING}
    # One loud frame alone (a click Silero half believes) is not enough.
    assert set(_events(OnsetTracker(-30), [(0.9, -10), (0.1, -60)] * 5)) == {Onset.NOTHING}


def test_an_onset_no_speech_follows_is_a_false_start_and_the_next_can_come():
    tracker = OnsetTracker(-30)
    events = _events(tracker, [(0.9, -15), (0.9, -15), (0.8, -20), (0.1, -50), (0.2, -50),
                               (0.1, -50), (0.1, -50)])
    assert events == [Onset.NOTHING, Onset.STARTED, Onset.NOTHING, Onset.NOTHING,
                      Onset.NOTHING, Onset.FALSE_START, Onset.NOTHING]
    assert _events(tracker, [(0.9, -15), (0.9, -15)]) == [Onset.NOTHING, Onset.STARTED]


def test_speech_the_vad_confirmed_is_no_false_start():
    tracker = OnsetTracker(-30)
    assert Onset.STARTED in _events(tracker, [(0.9, -15), (0.9, -15)])
    tracker.confirmed()
    # The person pauses after speaking: that is the end of speech, not a false onset.
    assert set(_events(tracker, [(0.1, -60)] * 10)) == {Onset.NOTHING}


def test_frame_level_is_decibels_below_full_scale():
    full = np.full(512, 32767, np.int16)
    assert abs(frame_level_db(full.tobytes())) < 0.01
    assert abs(frame_level_db((full // 10).tobytes()) + 20) < 0.1
    assert frame_level_db(np.zeros(512, np.int16).tobytes()) == -math.inf

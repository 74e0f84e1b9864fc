"""Voice activity and end-of-turn detection, built from settings and local model files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
from pipecat.audio.turn.smart_turn.base_smart_turn import SmartTurnParams
from pipecat.audio.turn.smart_turn.local_smart_turn_v3 import LocalSmartTurnAnalyzerV3
from pipecat.audio.vad.silero import SileroOnnxModel, SileroVADAnalyzer
from pipecat.audio.vad.vad_analyzer import VADParams, VADState
from pipecat.turns.user_start import TranscriptionUserTurnStartStrategy, VADUserTurnStartStrategy
from pipecat.turns.user_stop import (
    SpeechTimeoutUserTurnStopStrategy,
    TurnAnalyzerUserTurnStopStrategy,
)
from pipecat.turns.user_turn_strategies import UserTurnStrategies

from appliance.config import TurnSettings
from appliance.turns.onset import Onset, OnsetTracker, frame_level_db
from appliance.turns.transcript_stop import TranscriptAwareTurnStopStrategy


class LocalSileroVADAnalyzer(SileroVADAnalyzer):
    """Silero VAD read from the models folder, so the file in use is the verified one.

    It also tells how long the current pause has lasted (`quiet_s`) and numbers the
    pauses (`pause_serial`), so speech-to-text can start on a pause before the VAD
    has waited out `stop_secs` to declare the speech over. With `onset_level_db` it
    also tells of a loud voice's first frames, before it confirms speech
    (`add_onset_listeners`).
    """

    def __init__(self, model_path: Path, *, params: VADParams,
                 onset_level_db: float | None = None):
        super().__init__(sample_rate=16000, params=params)
        self._model = SileroOnnxModel(str(model_path), force_onnx_cpu=True)
        self.pause_serial = 0
        self.quiet_s = 0.0
        self._pause_listeners: list[Callable[[], None]] = []
        self._speech_listeners: list[Callable[[], None]] = []
        self._onset = None if onset_level_db is None else OnsetTracker(onset_level_db)
        # Counted on the VAD's thread, told to the listeners on the event loop.
        self._onsets = {Onset.STARTED: 0, Onset.FALSE_START: 0}
        self._onset_listeners: dict[Onset, list[Callable[[], None]]] = {
            Onset.STARTED: [], Onset.FALSE_START: []}

    def add_pause_listener(self, listener: Callable[[], None]) -> None:
        """Call `listener` (on the event loop) the moment a new pause is heard.

        The VAD runs in the user aggregator, after the STT stage: the STT would
        otherwise learn of a pause only with the next audio frame, 20 ms later.
        """
        self._pause_listeners.append(listener)

    def add_speech_listener(self, listener: Callable[[], None]) -> None:
        """Call `listener` (on the event loop) the moment speech is confirmed (QUIET → SPEAKING).

        The speaker can go quiet at once when the user talks over a reply, instead of
        when the interruption has passed through the LLM and TTS stages (10-45 ms later).
        """
        self._speech_listeners.append(listener)

    def add_onset_listeners(self, started: Callable[[], None],
                            false_start: Callable[[], None]) -> None:
        """Call `started` on a loud voice's first frames, `false_start` if no speech follows.

        Only with `onset_level_db`. The kiosk's speaker goes quiet on the first and
        plays on after the second (see `appliance.turns.onset`).
        """
        self._onset_listeners[Onset.STARTED].append(started)
        self._onset_listeners[Onset.FALSE_START].append(false_start)

    async def analyze_audio(self, buffer: bytes) -> VADState:
        """Analyze as pipecat does; then tell the listeners of onsets, pauses and speech."""
        serial, before = self.pause_serial, self._vad_state
        onsets = dict(self._onsets)
        state = await super().analyze_audio(buffer)
        for event in (Onset.STARTED, Onset.FALSE_START):
            if self._onsets[event] != onsets[event]:
                for listener in self._onset_listeners[event]:
                    listener()
        if self.pause_serial != serial:
            for listener in self._pause_listeners:
                listener()
        if state == VADState.SPEAKING and before in (VADState.QUIET, VADState.STARTING):
            for listener in self._speech_listeners:
                listener()
        return state

    def voice_confidence(self, buffer: bytes) -> float:
        """Silero's speech probability for one frame; an onset is looked for on the way."""
        confidence = super().voice_confidence(buffer)
        if self._onset is None:
            return confidence
        if self._vad_state in (VADState.SPEAKING, VADState.STOPPING):
            self._onset.confirmed()  # within speech the VAD has confirmed: no onsets
            return confidence
        event = self._onset.frame(float(np.asarray(confidence).reshape(-1)[0]),
                                  frame_level_db(buffer), speech_bar=self._params.confidence)
        if event != Onset.NOTHING:
            self._onsets[event] += 1
        return confidence

    def _run_analyzer(self, buffer: bytes) -> VADState:
        before = self._vad_state
        state = super()._run_analyzer(buffer)
        if state == VADState.STOPPING:
            if before != VADState.STOPPING:
                self.pause_serial += 1
            self.quiet_s = self._vad_stopping_count * self._vad_frames / self.sample_rate
        else:
            self.quiet_s = 0.0
        return state


def make_vad_analyzer(settings: TurnSettings, model_path: Path) -> LocalSileroVADAnalyzer:
    """One VAD per conversation: it carries the state of the audio it has heard."""
    params = VADParams(
        confidence=settings.vad_confidence,
        start_secs=settings.vad_start_s,
        stop_secs=settings.vad_stop_s,
    )
    onset = (settings.barge_in_onset_db
             if settings.enable_barge_in and settings.barge_in_at_onset else None)
    return LocalSileroVADAnalyzer(model_path, params=params, onset_level_db=onset)


def make_turn_strategies(settings: TurnSettings, smart_turn_path: Path) -> UserTurnStrategies:
    """Turn start on voice (or a transcript); turn end by transcript and Smart Turn, else silence.

    Barge-in is the start strategies' interruption: with it off, the user's
    speech while the appliance talks does not cut the reply short.
    """
    interrupt = settings.enable_barge_in
    start = [
        VADUserTurnStartStrategy(enable_interruptions=interrupt),
        TranscriptionUserTurnStartStrategy(enable_interruptions=interrupt),
    ]
    if settings.enable_smart_turn:
        # The analyzer counts silence from the VAD's stop, which comes vad_stop_s
        # after the speech ended; the fallback is promised from the speech's end.
        silence_s = max(0.05, settings.fallback_timeout_s - settings.vad_stop_s)
        analyzer = LocalSmartTurnAnalyzerV3(
            smart_turn_model_path=str(smart_turn_path),
            cpu_count=settings.smart_turn_threads,
            params=SmartTurnParams(stop_secs=silence_s),
        )
        strategy = (TranscriptAwareTurnStopStrategy if settings.end_on_transcript
                    else TurnAnalyzerUserTurnStopStrategy)
        stop = [strategy(turn_analyzer=analyzer)]
    else:
        stop = [SpeechTimeoutUserTurnStopStrategy(user_speech_timeout=settings.fallback_timeout_s)]
    return UserTurnStrategies(start=start, stop=stop)


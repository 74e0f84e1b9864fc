"""Voice activity and end-of-turn detection, built from settings and local model files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

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
from appliance.turns.transcript_stop import TranscriptAwareTurnStopStrategy


class LocalSileroVADAnalyzer(SileroVADAnalyzer):
    """Silero VAD read from the models folder, so the file in use is the verified one.

    It also tells how long the current pause has lasted (`quiet_s`) and numbers the
    pauses (`pause_serial`), so speech-to-text can start on a pause before the VAD
    has waited out `stop_secs` to declare the speech over.
    """

    def __init__(self, model_path: Path, *, params: VADParams):
        super().__init__(sample_rate=16000, params=params)
        self._model = SileroOnnxModel(str(model_path), force_onnx_cpu=True)
        self.pause_serial = 0
        self.quiet_s = 0.0
        self._pause_listeners: list[Callable[[], None]] = []
        self._speech_listeners: list[Callable[[], None]] = []

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

    async def analyze_audio(self, buffer: bytes) -> VADState:
        """Analyze as pipecat does; then tell the listeners if a pause or speech began."""
        serial, before = self.pause_serial, self._vad_state
        state = await super().analyze_audio(buffer)
        if self.pause_serial != serial:
            for listener in self._pause_listeners:
                listener()
        if state == VADState.SPEAKING and before in (VADState.QUIET, VADState.STARTING):
            for listener in self._speech_listeners:
                listener()
        return state

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
    return LocalSileroVADAnalyzer(model_path, params=params)


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

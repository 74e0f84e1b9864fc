"""End of turn from the transcript first, Smart Turn second, a short silence last."""

from __future__ import annotations

from loguru import logger
from pipecat.audio.turn.base_turn_analyzer import EndOfTurnState
from pipecat.frames.frames import TranscriptionFrame, VADUserStoppedSpeakingFrame
from pipecat.turns.user_stop import TurnAnalyzerUserTurnStopStrategy

from appliance.turns.completeness import judge


class TranscriptAwareTurnStopStrategy(TurnAnalyzerUserTurnStopStrategy):
    """Ends the turn the moment a finished-looking transcript arrives after a pause.

    pipecat's own strategy runs Smart Turn at every pause and, when Smart Turn
    judges a finished question unfinished (it does, often, on flat synthetic or
    hurried voices), waits out a 3 s silence: the user hears the appliance ignore
    them. Here the transcript, which the reply needs anyway, decides first: a
    finished request ends the turn, words that end mid-phrase ("set a timer for")
    wait for more, and only words that settle nothing go to Smart Turn. The
    analyzer's silence limit (the configured, much shorter fallback) ends the turn
    at last.

    Only a transcript that arrives after the latest pause counts, so words from
    before a resumed sentence cannot end the turn early.
    """

    async def _handle_vad_user_stopped_speaking(self, frame: VADUserStoppedSpeakingFrame):
        self._vad_user_speaking = False
        self._stop_secs = frame.stop_secs
        self._vad_stopped = True
        await self._decide()

    async def _handle_transcription(self, frame: TranscriptionFrame):
        self._text = f"{self._text} {frame.text}".strip()
        if self._vad_stopped and not self._vad_user_speaking:
            self._transcript_finalized = True
            await self._decide()

    async def _decide(self) -> None:
        """Called at a pause and at each transcript; ends the turn when the evidence is in."""
        if not (self._vad_stopped and self._transcript_finalized and self._text):
            return
        verdict = judge(self._text)
        if verdict == "complete":
            logger.debug(f"{self}: turn ends on a finished transcript")
            self._turn_complete = True
        elif verdict == "unsure":
            state, prediction = await self._turn_analyzer.analyze_end_of_turn()
            await self._handle_prediction_result(prediction)
            if state == EndOfTurnState.COMPLETE:
                logger.debug(f"{self}: turn ends on Smart Turn's verdict")
                self._turn_complete = True
        # Words that end mid-phrase ("set a timer for") overrule Smart Turn, which
        # hears a finished sentence in a hesitation with falling pitch. Then the
        # analyzer's silence limit (the fallback) ends the turn, see
        # _handle_input_audio, unless the user speaks again first.
        await self._maybe_trigger_user_turn_stopped()

"""A request taken back up: the user went on after a pause the appliance took for the end.

A hesitation mid-request ("Set a timer for ... ten minutes") can end the turn
too early: Whisper hears a finished sentence in the fragment ("Set a timer for
it."), or Smart Turn hears falling pitch. Waiting longer at every pause would
slow every answer, so the appliance answers at once and, when the user goes on
within `turns.resume_within_s` while the reply has barely started, hears both
parts again as one (the speech-to-text stage transcribes the joined audio; a
fragment alone is what Whisper misreads) and answers that instead. pipecat
keeps no such notion: its turn ends for good once the stop strategy fires.
"""

from __future__ import annotations

from dataclasses import dataclass

from loguru import logger
from pipecat.frames.frames import Frame, TranscriptionFrame
from pipecat.processors.aggregators.llm_context import LLMContext
from pipecat.processors.frame_processor import FrameDirection, FrameProcessor


@dataclass
class ResumedTranscriptionFrame(TranscriptionFrame):
    """The whole request, heard again: the user's previous turn and what they went on with."""


class ResumedTurnEditor(FrameProcessor):
    """Takes the previous turn, and the reply begun to it, out of the context when it resumes.

    Sits between speech to text and the user aggregator, which then adds the
    whole request as one user message.
    """

    def __init__(self, context: LLMContext, **kwargs):
        super().__init__(**kwargs)
        self._context = context

    async def process_frame(self, frame: Frame, direction: FrameDirection):
        """Drop the resumed turn's messages, then pass every frame on."""
        await super().process_frame(frame, direction)
        if isinstance(frame, ResumedTranscriptionFrame):
            dropped = drop_last_user_turn(self._context)
            logger.debug(f"{self}: request resumed; dropped {dropped} messages of its first part")
        await self.push_frame(frame, direction)


def drop_last_user_turn(context: LLMContext) -> int:
    """Remove the last user message and everything after it; return how many went."""
    messages = list(context.get_messages())  # a copy: pipecat hands out its own list
    last_user = next((i for i in range(len(messages) - 1, -1, -1)
                      if isinstance(messages[i], dict) and messages[i].get("role") == "user"),
                     None)
    if last_user is None:
        return 0
    context.set_messages(messages[:last_user])
    return len(messages) - last_user

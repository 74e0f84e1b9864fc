"""The pipecat LLM stage over any `ChatModel`: streams tokens, stops on barge-in."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from pipecat.frames.frames import (
    Frame,
    LLMContextFrame,
    LLMFullResponseEndFrame,
    LLMFullResponseStartFrame,
)
from pipecat.processors.aggregators.llm_context import LLMContext
from pipecat.processors.frame_processor import FrameDirection
from pipecat.services.llm_service import LLMService
from pipecat.services.settings import LLMSettings

from appliance.cpu_priority import SPOKEN_FIRST_CHUNK
from appliance.llm.context_window import trim_history
from appliance.llm.interface import ChatModel


class ChatModelLLMService(LLMService):
    """Answers each `LLMContextFrame` by streaming a `ChatModel`'s tokens as `LLMTextFrame`s.

    pipecat cancels the task running `process_frame` when the user barges in; the
    model's iterator is closed on the way out, which stops generation at once.
    The shared context is trimmed before every answer, so a long session keeps a
    bounded prompt (and bounded memory).
    """

    def __init__(
        self,
        model: ChatModel,
        *,
        system_prompt: str,
        max_tokens: int = 96,
        temperature: float = 0.0,
        max_history_turns: int = 6,
        max_history_tokens: int = 1024,
        spoken_first_chunk: Callable[[str], bool] | None = None,
        **kwargs,
    ):
        settings = LLMSettings(
            model=model.name,
            system_instruction=system_prompt,
            max_tokens=max_tokens,
            temperature=temperature,
            # Not offered by every provider; None says so to pipecat.
            top_p=None,
            top_k=None,
            frequency_penalty=None,
            presence_penalty=None,
            seed=None,
            filter_incomplete_user_turns=False,
            user_turn_completion_config=None,
        )
        super().__init__(settings=settings, **kwargs)
        self._model = model
        self._max_tokens = max_tokens
        self._temperature = temperature
        self._max_history_turns = max_history_turns
        self._max_history_tokens = max_history_tokens
        # Where the TTS cuts the reply's first chunk: a local model pauses there.
        self._spoken_first_chunk = spoken_first_chunk

    def can_generate_metrics(self) -> bool:
        """Report time to first token like pipecat's own services."""
        return True

    def _bound_context(self, context: LLMContext) -> None:
        messages = context.get_messages()
        trimmed = trim_history(
            messages,
            max_turns=self._max_history_turns,
            max_tokens=self._max_history_tokens,
            count_tokens=self._model.count_tokens,
        )
        if len(trimmed) != len(messages):
            context.set_messages(trimmed)

    async def _generate(self, context: LLMContext) -> None:
        self._bound_context(context)
        params = await self.get_llm_adapter().get_llm_invocation_params(
            context,
            system_instruction=self._settings.system_instruction,
            convert_developer_to_user=True,
        )
        await self.start_ttfb_metrics()
        spoken = SPOKEN_FIRST_CHUNK.set(self._spoken_first_chunk)
        try:
            stream = self._model.stream(
                list(params["messages"]), max_tokens=self._max_tokens,
                temperature=self._temperature
            )
            async with contextlib.aclosing(stream):
                async for chunk in stream:
                    await self.stop_ttfb_metrics()
                    await self._push_llm_text(chunk.text)
        finally:
            SPOKEN_FIRST_CHUNK.reset(spoken)

    async def process_frame(self, frame: Frame, direction: FrameDirection):
        """Answer contexts; pass everything else on."""
        await super().process_frame(frame, direction)
        if not isinstance(frame, LLMContextFrame):
            await self.push_frame(frame, direction)
            return
        await self.push_frame(LLMFullResponseStartFrame())
        await self.start_processing_metrics()
        try:
            await self._generate(frame.context)
        except Exception as e:
            await self.push_error(
                error_msg=f"{self._model.name} failed to answer: {e}", exception=e
            )
        finally:
            await self.stop_processing_metrics()
            await self.push_frame(LLMFullResponseEndFrame())

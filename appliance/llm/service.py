"""The pipecat LLM stage over any `ChatModel`: streams tokens, stops on barge-in."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from loguru import logger
from pipecat.frames.frames import (
    Frame,
    LLMContextFrame,
    LLMFullResponseEndFrame,
    LLMFullResponseStartFrame,
    UserStartedSpeakingFrame,
)
from pipecat.processors.aggregators.llm_context import LLMContext
from pipecat.processors.frame_processor import FrameDirection
from pipecat.services.llm_service import LLMService
from pipecat.services.settings import LLMSettings

from appliance.llm.context_window import (
    follows_up,
    last_user_text,
    recent_history,
    trim_history,
    without_history,
)
from appliance.llm.interface import ESCALATION, ChatModel
from appliance.llm.reply_guard import (
    ReplyShaper,
    Verdict,
    drop_echoed_exchanges,
    wants_long_answer,
    words,
)
from appliance.providers.cpu_priority import SPOKEN_FIRST_CHUNK


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
        max_reply_sentences: int | None = 3,
        follow_up_history_turns: int | None = None,
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
        self._max_reply_sentences = max_reply_sentences
        self._follow_up_history_turns = follow_up_history_turns
        # The conversation's context, once it has been seen, for warming a follow-up.
        self._context_seen: LLMContext | None = None
        # Replies that copied an earlier one and were answered again without the history.
        self.echoes_recovered = 0

    def can_generate_metrics(self) -> bool:
        """Report time to first token like pipecat's own services."""
        return True

    def _bound_context(self, context: LLMContext) -> None:
        messages = context.get_messages()
        # A reply that copied another is never kept as an example for the next turn.
        trimmed = trim_history(
            drop_echoed_exchanges(messages),
            max_turns=self._max_history_turns,
            max_tokens=self._max_history_tokens,
            count_tokens=self._model.count_tokens,
        )
        if len(trimmed) != len(messages):
            context.set_messages(trimmed)

    async def _generate(self, context: LLMContext) -> None:
        self._bound_context(context)
        await self.start_ttfb_metrics()
        spoken = SPOKEN_FIRST_CHUNK.set(self._spoken_first_chunk)
        try:
            if await self._answer(context) is Verdict.ECHO:
                # The model copied an earlier reply: the history is poisoning it, or the
                # model says this to everything ("I'm sorry for your loss."). Answer again
                # without the history, by the stronger tier where there is one.
                self.echoes_recovered += 1
                logger.warning("the reply repeated an earlier reply to another question; "
                               "answering again without the history, escalated")
                context.set_messages(without_history(context.get_messages()))
                escalated = ESCALATION.set("the reply repeated an earlier one")
                try:
                    await self._answer(context, earlier_replies=[])
                finally:
                    ESCALATION.reset(escalated)
        finally:
            SPOKEN_FIRST_CHUNK.reset(spoken)

    async def _answer(self, context: LLMContext, *,
                      earlier_replies: list[str] | None = None) -> Verdict:
        """Stream one answer through a `ReplyShaper`; ECHO means nothing was said."""
        messages = context.get_messages()
        question = last_user_text(messages)
        if earlier_replies is None:
            earlier_replies = _replies_to_other_questions(messages, question)
        shaper = ReplyShaper(
            earlier_replies=earlier_replies,
            max_sentences=None if wants_long_answer(question) else self._max_reply_sentences,
            opening_complete=self._spoken_first_chunk)
        prompt = await self._prompt_messages(context)
        if not follows_up(question):
            # The conversation stays in the context for a later follow-up; this answer
            # does not need it, and a small model would only copy it.
            prompt = without_history(prompt)
        elif self._follow_up_history_turns is not None:
            prompt = recent_history(prompt, self._follow_up_history_turns)
        stream = self._model.stream(prompt, max_tokens=self._max_tokens,
                                    temperature=self._temperature)
        verdict = Verdict.CONTINUE
        async with contextlib.aclosing(stream):
            async for chunk in stream:
                await self.stop_ttfb_metrics()
                if chunk.exact:
                    if chunk.text:
                        await self._push_llm_text(chunk.text)
                    return Verdict.DONE
                released, verdict = shaper.feed(chunk.text)
                if released:
                    await self._push_llm_text(released)
                if verdict is not Verdict.CONTINUE:
                    break
        if verdict is Verdict.ECHO:
            return verdict
        rest, verdict = shaper.finish()
        if rest:
            await self._push_llm_text(rest)
        return verdict

    async def _prepare_follow_up(self) -> None:
        """While the user speaks: have the model evaluate what a follow-up would start with.

        A follow-up's prompt is the system prompt and the last exchanges, then the
        question; evaluated now, only the question's words are left once it is asked
        (the routed model warms its larger tier, which answers follow-ups).
        """
        context = self._context_seen
        if context is None or self._follow_up_history_turns is None:
            return
        messages = context.get_messages()
        if not any(m.get("role") == "assistant" for m in messages):
            return
        params = await self._prompt_messages(context)
        placeholder = {"role": "user", "content": ""}
        prefix = recent_history([*params, placeholder], self._follow_up_history_turns)[:-1]
        self._model.prepare(prefix)

    async def _prompt_messages(self, context: LLMContext) -> list[dict]:
        """The messages the model would be sent for `context`, system prompt first."""
        params = await self.get_llm_adapter().get_llm_invocation_params(
            context,
            system_instruction=self._settings.system_instruction,
            convert_developer_to_user=True,
        )
        return list(params["messages"])

    async def process_frame(self, frame: Frame, direction: FrameDirection):
        """Answer contexts; pass everything else on."""
        await super().process_frame(frame, direction)
        if isinstance(frame, UserStartedSpeakingFrame):
            await self._prepare_follow_up()
        if not isinstance(frame, LLMContextFrame):
            await self.push_frame(frame, direction)
            return
        self._context_seen = frame.context
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


def _replies_to_other_questions(messages: list[dict], question: str) -> list[str]:
    """Earlier replies, except those to the question being asked again."""
    replies, asked = [], ""
    for message in messages[:-1]:
        content = message.get("content")
        if not isinstance(content, str):
            continue
        if message.get("role") == "user":
            asked = content
        elif message.get("role") == "assistant" and words(asked) != words(question):
            replies.append(content)
    return replies


"""The intent stage as a chat model: commands, then computed answers, the LLM for the rest."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass

from appliance.intents.commands import CommandMatcher
from appliance.intents.computed import answer_directly
from appliance.intents.handlers import CommandHandlers
from appliance.llm.context_window import last_user_text
from appliance.llm.interface import ChatModel, ChatModelStage, TokenChunk
from appliance.routing.kinds import RouteKind

UNKNOWN_DEVICE = ("I don't know that device. Its name and area are the ones Home Assistant "
                  "gives it.")


@dataclass
class CommandStage:
    """Commands of one conversation: the shared matcher and handlers, and who asks."""

    matcher: CommandMatcher
    handlers: CommandHandlers
    session: str | None = None


class DirectAnswerChatModel(ChatModelStage):
    """Answers computable questions itself and hands every other turn to `inner`.

    It sits in front of the routed (and tool-calling) model, so a computed
    answer costs no model time, never leaves the device, and is always right.
    """

    name = "intents"

    def __init__(self, inner: ChatModel, *,
                 on_answer: Callable[[str, RouteKind], None] = lambda reason, kind: None,
                 now: Callable[[], dt.datetime] = dt.datetime.now,
                 decline_unsupported: bool = True, commands: CommandStage | None = None):
        """Wrap `inner`.

        Args:
            inner: The model that answers everything not computed here.
            on_answer: Told why this stage answered the turn ("command: HassStartTimer",
                "computed answer: arithmetic"), so the turn's route says so.
            now: The clock for the time and date.
            decline_unsupported: Say "I can't … yet" to device, timer, music and
                similar requests (off when tools may carry them out).
            commands: Timers, devices, volume… acted on before anything else.
        """
        super().__init__(inner)
        self.commands = commands
        self.on_answer = on_answer
        self.now = now
        self.decline_unsupported = decline_unsupported

    async def stream(self, messages: list[dict], *, max_tokens: int,
                     temperature: float) -> AsyncIterator[TokenChunk]:
        """A command's outcome or the computed answer as one exact chunk, else `inner`'s."""
        question = last_user_text(messages)
        command = self.commands.matcher.match(question) if self.commands else None
        if command is not None:
            reply = await self.commands.handlers.handle(command, session=self.commands.session)
            self.on_answer(f"command: {command.intent}", RouteKind.COMMAND)
            yield TokenChunk(reply, exact=True)
            return
        answer = answer_directly(question, now=self.now,
                                 decline_unsupported=self.decline_unsupported)
        if answer is not None:
            text = answer.text
            if answer.kind == "cannot do yet (device)" and self.commands is not None \
                    and self.commands.handlers.devices is not None:
                text = UNKNOWN_DEVICE  # a device command, but for no device it knows
            self.on_answer(f"computed answer: {answer.kind}", RouteKind.COMPUTED)
            yield TokenChunk(text, exact=True)
            return
        async for chunk in self.inner.stream(messages, max_tokens=max_tokens,
                                             temperature=temperature):
            yield chunk


"""A chat model that may act: tool calls through the registry's gates, then the answer.

It proposes tool calls, runs them through the registry, then answers with their
results — or says in one sentence why it did not act.

The proposer (Qwen 0.5B locally, or a remote model over the OpenAI tool API)
only decides *whether* to call a tool; the answer itself still comes from the
routed chat model, so routing, masking and failover apply as for any turn.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator, Callable

from loguru import logger

from appliance.errors import ProviderError
from appliance.llm.interface import ChatModel, TokenChunk
from appliance.tools.registry import CallContext, ToolOutcome, ToolRegistry


class ToolCallingChatModel(ChatModel):
    """Wraps the answering model with a tool-calling step before each answer."""

    name = "tool-calling"

    def __init__(self, answerer: ChatModel, proposer: ChatModel, registry: ToolRegistry, *,
                 context: Callable[[], CallContext], max_calls: int = 2,
                 outbound: Callable[[list[dict]], list[dict]] = lambda messages: messages):
        """Answer with `answerer`; ask `proposer` for tool calls first.

        Args:
            answerer: The routed model that writes the spoken answer.
            proposer: The model that proposes tool calls.
            registry: The tools and their gates.
            context: Who is asking, read per turn (session, turn id, agent).
            max_calls: At most this many tool calls per turn.
            outbound: Applied to messages before they reach a remote proposer (masking).
        """
        self.answerer = answerer
        self.proposer = proposer
        self.registry = registry
        self.context = context
        self.max_calls = max_calls
        self.outbound = outbound

    def count_tokens(self, text: str) -> int:
        """As the answering model counts."""
        return self.answerer.count_tokens(text)

    async def stream(self, messages: list[dict], *, max_tokens: int,
                     temperature: float) -> AsyncIterator[TokenChunk]:
        """Run proposed tools (saying so while a person must approve), then answer."""
        specs = self.registry.specs(self.context().agent)
        calls = []
        if specs:
            asked = messages if self.proposer.is_local else self.outbound(messages)
            try:
                calls = (await self.proposer.propose_tool_calls(asked, specs))[:self.max_calls]
            except (ProviderError, NotImplementedError, ValueError) as e:
                logger.warning(f"tool proposer unavailable ({e}); answering without tools")
        if not calls:
            async for chunk in self.answerer.stream(messages, max_tokens=max_tokens,
                                                    temperature=temperature):
                yield chunk
            return
        results = []
        for call in calls:
            outcome = None
            async for item in self._run(call):
                if isinstance(item, str):
                    yield TokenChunk(item)  # "I need a person to approve that …"
                else:
                    outcome = item
            if outcome.status != "ok":
                # Blocked, refused or failed: the one sentence is the answer.
                yield TokenChunk(outcome.message)
                return
            results.append({"tool": call.name, "result": outcome.result})
        note = {"role": "system", "content": "Tool results (already done, report them "
                "briefly): " + json.dumps(results, default=str)}
        async for chunk in self.answerer.stream([*messages, note], max_tokens=max_tokens,
                                                temperature=temperature):
            yield chunk

    async def _run(self, call) -> AsyncIterator[str | ToolOutcome]:
        """The call's outcome; first a spoken sentence if it waits for a person."""
        approvals = self.registry.approvals
        task = asyncio.ensure_future(self.registry.call(call.name, call.arguments,
                                                        self.context()))
        waiting = asyncio.ensure_future(approvals.next_pending())
        try:
            done, _ = await asyncio.wait({task, waiting}, return_when=asyncio.FIRST_COMPLETED)
            if waiting in done and not task.done():
                yield (f"I need a person to approve that {call.name.replace('_', ' ')} "
                       "first; please hold on. ")
            yield await task
        finally:
            waiting.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await waiting
            if not task.done():
                task.cancel()

    async def aclose(self) -> None:
        """The wrapped models are closed by their owner."""

"""A chat model behind any OpenAI-compatible API (OpenAI, vLLM, llama.cpp server, an appliance).

Its client, deadlines and error translation are `appliance.providers.remote`'s, shared
with the remote STT and TTS.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import dataclass

from appliance.llm.interface import (
    ChatModel,
    TokenChunk,
    ToolCall,
    parse_arguments,
    parse_tool_calls,
)
from appliance.providers.remote import (
    REMOTE_ERRORS,
    Deadline,
    StreamDeadlines,
    StreamTimeouts,
    bounded_call,
    make_client,
    provider_error,
)


@dataclass(frozen=True)
class TokenUsage:
    """Tokens one answer cost, as the server reported them or, failing that, estimated."""

    prompt_tokens: int
    completion_tokens: int
    is_estimate: bool = False


class OpenAIChatModel(ChatModel):
    """Streams chat completions from an OpenAI-compatible server, with per-chunk deadlines.

    The first chunk must arrive within `first_byte_timeout_s` and each later one
    within `stall_timeout_s`, so a hung server fails fast enough to fall back.
    """

    is_local = False

    def __init__(
        self,
        *,
        name: str,
        base_url: str,
        model: str,
        api_key: str | None,
        timeout_s: float = 20.0,
        first_byte_timeout_s: float = 4.0,
        stall_timeout_s: float = 5.0,
    ):
        self.name = name
        self.is_local = False
        self.model = model
        self._client = make_client(base_url, api_key, timeout_s)
        self._timeouts = StreamTimeouts(timeout_s, first_byte_timeout_s, stall_timeout_s)
        self.last_usage: TokenUsage | None = None

    async def stream(
        self, messages: list[dict], *, max_tokens: int, temperature: float
    ) -> AsyncIterator[TokenChunk]:
        """Stream the answer's text; closing the iterator closes the HTTP stream."""
        deadlines = StreamDeadlines(self._timeouts)
        answer: list[str] = []
        usage: TokenUsage | None = None
        stream = None
        try:
            async with deadlines.timeout():
                stream = await self._client.chat.completions.create(
                    model=self.model, messages=messages, max_tokens=max_tokens,
                    temperature=temperature, stream=True, stream_options={"include_usage": True},
                )
            while (chunk := await deadlines.next_chunk(stream)) is not None:
                if chunk.usage is not None:
                    usage = TokenUsage(chunk.usage.prompt_tokens, chunk.usage.completion_tokens)
                for choice in chunk.choices or ():
                    text = choice.delta.content if choice.delta else None
                    if text:
                        answer.append(text)
                        yield TokenChunk(text)
        except TimeoutError:
            raise deadlines.error(self.name, self._deadline_messages(), output_started=bool(answer),
                                  is_started=bool(answer)) from None
        except REMOTE_ERRORS as e:
            raise provider_error(self.name, e, output_started=bool(answer)) from e
        finally:
            if stream is not None:
                await stream.close()
            self.last_usage = usage or self._estimate_usage(messages, "".join(answer))

    def _deadline_messages(self) -> dict[Deadline, str]:
        timeouts = self._timeouts
        return {
            "call": (f"the answer took longer than timeout_s={timeouts.timeout_s:g} s; "
                     "raise timeout_s or lower max_tokens"),
            "first_byte": (f"no first chunk within first_byte_timeout_s="
                           f"{timeouts.first_byte_timeout_s:g} s; raise it if the server is "
                           "just slow"),
            "stall": (f"the stream stalled: no chunk for {timeouts.stall_timeout_s:g} s "
                      "after the previous one"),
        }

    def _estimate_usage(self, messages: list[dict], answer: str) -> TokenUsage:
        prompt = sum(self.count_tokens(_text_of(m.get("content"))) for m in messages)
        return TokenUsage(prompt, self.count_tokens(answer) if answer else 0, is_estimate=True)

    async def propose_tool_calls(self, messages: list[dict], tools: list[dict], *,
                                 max_tokens: int = 128) -> list[ToolCall]:
        """The OpenAI tool API: which tools the remote model wants to call."""
        timeout_s = self._timeouts.timeout_s
        async with bounded_call(self.name, timeout_s,
                                f"no tool decision within timeout_s={timeout_s:g} s"):
            response = await self._client.chat.completions.create(
                model=self.model, messages=messages, tools=tools, tool_choice="auto",
                max_tokens=max_tokens, temperature=0.0)
        if not response.choices:
            return []
        message = response.choices[0].message
        if message.tool_calls:
            return [ToolCall(c.function.name, parse_arguments(c.function.arguments))
                    for c in message.tool_calls]
        # Servers that render tools with the model's own template answer with the call
        # as JSON text instead.
        return parse_tool_calls(message.content or "")

    async def aclose(self) -> None:
        """Close the HTTP connection pool."""
        await self._client.close()


def _text_of(content: object) -> str:
    """The text of a message's content, whether a string or a list of parts."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return " ".join(p.get("text", "") for p in content if isinstance(p, dict))
    return "" if content is None else json.dumps(content)

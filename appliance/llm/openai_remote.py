"""A chat model behind any OpenAI-compatible API (OpenAI, vLLM, llama.cpp server, an appliance).

This module is also the one boundary where the `openai` package's exceptions
(and the raw httpx2 ones its streaming responses let through) become our
`ProviderError`; the remote STT and TTS providers translate through it too.
"""

from __future__ import annotations

import asyncio
import email.utils
import json
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass

import httpx2
import openai
from openai import AsyncOpenAI

from appliance.errors import ProviderError
from appliance.llm.interface import (
    ChatModel,
    TokenChunk,
    ToolCall,
    parse_arguments,
    parse_tool_calls,
)

# Many self-hosted servers ignore the key, but the client refuses to start without one.
PLACEHOLDER_API_KEY = "none"


def make_client(base_url: str, api_key: str | None, timeout_s: float) -> AsyncOpenAI:
    """An AsyncOpenAI client that never retries on its own: the router owns retries."""
    return AsyncOpenAI(
        base_url=base_url,
        api_key=api_key or PLACEHOLDER_API_KEY,
        timeout=timeout_s,
        max_retries=0,
    )


def retry_after_s(headers: httpx2.Headers) -> float | None:
    """Seconds the server asked us to wait (`retry-after-ms`, or `retry-after` seconds or date)."""
    if (millis := headers.get("retry-after-ms")) is not None:
        try:
            return max(0.0, float(millis) / 1000)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def provider_error(provider: str, error: BaseException, *, output_started: bool) -> ProviderError:
    """Translate an `openai`/httpx2/JSON failure into a `ProviderError` that routing can act on."""
    where = f"the server for provider '{provider}'"
    if isinstance(error, openai.APIStatusError):
        return _status_error(provider, error, output_started=output_started)
    if isinstance(error, openai.APITimeoutError | httpx2.TimeoutException):
        kind = "stalled" if output_started else "timeout"
        return ProviderError(
            provider, f"{where} did not answer in time (raise its timeout_s if it is just slow)",
            kind=kind, retryable=True, output_started=output_started,
        )
    if isinstance(error, openai.APIConnectionError | httpx2.TransportError):
        return ProviderError(
            provider,
            f"cannot reach {where} ({_cause(error)}); check its base_url and that it runs",
            kind="unavailable", retryable=True, output_started=output_started,
        )
    if isinstance(error, openai.APIError):  # an error event inside a stream
        return ProviderError(
            provider, f"{where} reported an error mid-answer: {error.message}",
            kind="unavailable", retryable=True, output_started=output_started,
        )
    # JSON decode errors, schema mismatches and anything else the client could not parse.
    return ProviderError(
        provider, f"{where} sent a response that cannot be used ({type(error).__name__}: {error})",
        kind="bad_response", retryable=not output_started, output_started=output_started,
    )


def _status_error(
    provider: str, error: openai.APIStatusError, *, output_started: bool
) -> ProviderError:
    status = error.status_code
    common = {"status": status, "output_started": output_started}
    if status in (401, 403):
        return ProviderError(
            provider, f"the server refused the API key (HTTP {status}); check the key in the "
            f"environment variable named by api_key_env for provider '{provider}'",
            kind="auth", retryable=False, **common,
        )
    if status == 429:
        return ProviderError(
            provider,
            "rate limited (HTTP 429); lower the request rate or raise the account's limit",
            kind="rate_limited", retryable=True,
            retry_after_s=retry_after_s(error.response.headers), **common,
        )
    if status == 408:
        return ProviderError(provider, "the server timed out the request (HTTP 408)",
                             kind="timeout", retryable=True, **common)
    if status >= 500:
        return ProviderError(provider, f"the server failed (HTTP {status})",
                             kind="unavailable", retryable=True, **common)
    return ProviderError(
        provider, f"the server rejected the request (HTTP {status}: {error.message}); check "
        f"provider '{provider}' model and base_url", kind="rejected", retryable=False, **common,
    )


def _cause(error: BaseException) -> str:
    cause = error.__cause__ or error
    return f"{type(cause).__name__}: {cause}" if str(cause) else type(cause).__name__


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
        self._timeout_s = timeout_s
        self._first_byte_timeout_s = first_byte_timeout_s
        self._stall_timeout_s = stall_timeout_s
        self.last_usage: TokenUsage | None = None

    async def stream(
        self, messages: list[dict], *, max_tokens: int, temperature: float
    ) -> AsyncIterator[TokenChunk]:
        """Stream the answer's text; closing the iterator closes the HTTP stream."""
        loop = asyncio.get_running_loop()
        started_at = loop.time()
        call_deadline = started_at + self._timeout_s
        # Connecting, the response headers and the first chunk share the first-byte budget.
        deadline = min(started_at + self._first_byte_timeout_s, call_deadline)
        answer: list[str] = []
        usage: TokenUsage | None = None
        is_first_chunk = True
        stream = None
        try:
            async with asyncio.timeout_at(deadline):
                stream = await self._client.chat.completions.create(
                    model=self.model, messages=messages, max_tokens=max_tokens,
                    temperature=temperature, stream=True, stream_options={"include_usage": True},
                )
            while True:
                async with asyncio.timeout_at(deadline):
                    chunk = await anext(stream, None)
                if chunk is None:
                    break
                is_first_chunk = False
                if chunk.usage is not None:
                    usage = TokenUsage(chunk.usage.prompt_tokens, chunk.usage.completion_tokens)
                for choice in chunk.choices or ():
                    text = choice.delta.content if choice.delta else None
                    if text:
                        answer.append(text)
                        yield TokenChunk(text)
                # Measured from here, so time the consumer spends on a chunk is not a stall.
                deadline = min(loop.time() + self._stall_timeout_s, call_deadline)
        except TimeoutError:
            raise self._deadline_error(loop.time() >= call_deadline, is_first_chunk,
                                       bool(answer)) from None
        except (openai.OpenAIError, httpx2.HTTPError, ValueError, TypeError, AttributeError) as e:
            raise provider_error(self.name, e, output_started=bool(answer)) from e
        finally:
            if stream is not None:
                await stream.close()
            self.last_usage = usage or self._estimate_usage(messages, "".join(answer))

    def _deadline_error(
        self, is_call_timeout: bool, is_first_chunk: bool, output_started: bool
    ) -> ProviderError:
        if is_call_timeout:
            message = (f"the answer took longer than timeout_s={self._timeout_s:g} s; "
                       "raise timeout_s or lower max_tokens")
            kind = "stalled" if output_started else "timeout"
        elif is_first_chunk:
            message = (f"no first chunk within first_byte_timeout_s="
                       f"{self._first_byte_timeout_s:g} s; raise it if the server is just slow")
            kind = "timeout"
        else:
            message = (f"the stream stalled: no chunk for {self._stall_timeout_s:g} s "
                       "after the previous one")
            kind = "stalled"
        return ProviderError(self.name, message, kind=kind, retryable=True,
                             output_started=output_started)

    def _estimate_usage(self, messages: list[dict], answer: str) -> TokenUsage:
        prompt = sum(self.count_tokens(_text_of(m.get("content"))) for m in messages)
        return TokenUsage(prompt, self.count_tokens(answer) if answer else 0, is_estimate=True)

    async def propose_tool_calls(self, messages: list[dict], tools: list[dict], *,
                                 max_tokens: int = 128) -> list[ToolCall]:
        """The OpenAI tool API: which tools the remote model wants to call."""
        try:
            async with asyncio.timeout(self._timeout_s):
                response = await self._client.chat.completions.create(
                    model=self.model, messages=messages, tools=tools, tool_choice="auto",
                    max_tokens=max_tokens, temperature=0.0)
        except TimeoutError:
            raise ProviderError(self.name, f"no tool decision within timeout_s="
                                f"{self._timeout_s:g} s", kind="timeout", retryable=True) from None
        except (openai.OpenAIError, httpx2.HTTPError, ValueError, TypeError, AttributeError) as e:
            raise provider_error(self.name, e, output_started=False) from e
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

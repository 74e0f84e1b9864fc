"""The one boundary between our providers and any OpenAI-compatible server.

The remote chat model, speech to text and text to speech build their client here,
bound a streamed answer by the same deadlines, and translate the `openai` package's
exceptions (and the raw httpx2 ones its streaming responses let through) into our
`ProviderError`, so routing never sees a vendor type.
"""

from __future__ import annotations

import asyncio
import contextlib
import email.utils
import time
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass
from typing import Literal, TypeVar

import httpx2
import openai
from openai import AsyncOpenAI

from appliance.providers.errors import ProviderError

# Many self-hosted servers ignore the key, but the client refuses to start without one.
PLACEHOLDER_API_KEY = "none"

# What a remote call raises when the server or the network fails: the client's own
# errors, raw httpx2 ones from a stream, and what reading an unusable answer throws.
REMOTE_ERRORS = (openai.OpenAIError, httpx2.HTTPError, ValueError, TypeError, AttributeError)

Deadline = Literal["call", "first_byte", "stall"]
Chunk = TypeVar("Chunk")


def make_client(base_url: str, api_key: str | None, timeout_s: float) -> AsyncOpenAI:
    """An AsyncOpenAI client that never retries on its own: the router owns retries."""
    return AsyncOpenAI(
        base_url=base_url,
        api_key=api_key or PLACEHOLDER_API_KEY,
        timeout=timeout_s,
        max_retries=0,
    )


@contextlib.asynccontextmanager
async def bounded_call(provider: str, timeout_s: float, timeout_message: str
                       ) -> AsyncIterator[None]:
    """Bound one call that is not streamed by `timeout_s`, and translate how it fails."""
    try:
        async with asyncio.timeout(timeout_s):
            yield
    except TimeoutError:
        raise ProviderError(provider, timeout_message, kind="timeout", retryable=True) from None
    except REMOTE_ERRORS as e:
        raise provider_error(provider, e, output_started=False) from e


@dataclass(frozen=True)
class StreamTimeouts:
    """A streamed answer's budgets: the whole call, its first chunk, and each later one."""

    timeout_s: float
    first_byte_timeout_s: float
    stall_timeout_s: float


class StreamDeadlines:
    """The deadlines of one streamed answer, so a hung server fails fast enough to fall back.

    Connecting, the response headers and the first chunk share the first-byte budget;
    each later chunk has `stall_timeout_s` from when it is asked for, so time the
    consumer spends on a chunk is not a stall; `timeout_s` bounds the whole call.
    """

    def __init__(self, timeouts: StreamTimeouts):
        self._loop = asyncio.get_running_loop()
        started_at = self._loop.time()
        self._stall_timeout_s = timeouts.stall_timeout_s
        self._call_deadline = started_at + timeouts.timeout_s
        self._deadline = min(started_at + timeouts.first_byte_timeout_s, self._call_deadline)
        self.is_first_chunk = True

    def timeout(self) -> asyncio.Timeout:
        """Bound opening the stream by the first-byte deadline."""
        return asyncio.timeout_at(self._deadline)

    async def next_chunk(self, chunks: AsyncIterator[Chunk]) -> Chunk | None:
        """The next chunk, or None at the end; `TimeoutError` when a deadline passes first."""
        if not self.is_first_chunk:
            self._deadline = min(self._loop.time() + self._stall_timeout_s, self._call_deadline)
        async with asyncio.timeout_at(self._deadline):
            chunk = await anext(chunks, None)
        if chunk is not None:
            self.is_first_chunk = False
        return chunk

    def error(self, provider: str, messages: Mapping[Deadline, str], *, output_started: bool,
              is_started: bool) -> ProviderError:
        """The `ProviderError` for the deadline that just passed, in the provider's words.

        `is_started` says whether the stream counts as started, which makes running out
        of the whole call's time a stall rather than a timeout.
        """
        if self._loop.time() >= self._call_deadline:
            missed: Deadline = "call"
            is_stalled = is_started
        else:
            missed = "first_byte" if self.is_first_chunk else "stall"
            is_stalled = missed == "stall"
        return ProviderError(provider, messages[missed],
                             kind="stalled" if is_stalled else "timeout", retryable=True,
                             output_started=output_started)


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

"""Opening a streamed answer through a route: hedged races, failover and safe retries.

Shared by the LLM (token streams) and TTS (audio streams). Everything here happens
before the first item goes out; once it has, the caller owns the stream and never
switches provider mid-utterance.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any

from appliance.providers.errors import ProviderError
from appliance.routing.router import Attempt, ProviderSlot, RoleRouter, RouteRecord

MakeStream = Callable[[ProviderSlot], AsyncIterator[Any]]
_EMPTY = object()
# Backoff before retrying the last provider standing; longer Retry-After means fail.
RETRY_BACKOFF_S = 0.25
MAX_RETRY_AFTER_S = 2.0


@dataclass
class OpenedStream:
    """A stream whose first item has arrived."""

    provider: str
    stream: AsyncIterator[Any]
    first: Any  # _EMPTY when the provider answered with nothing
    ttfb_s: float

    @property
    def is_empty(self) -> bool:
        """The provider finished without producing anything."""
        return self.first is _EMPTY


def as_provider_error(name: str, error: BaseException) -> ProviderError:
    """Local engines raise their own exceptions; routing only speaks ProviderError."""
    if isinstance(error, ProviderError):
        return error
    if isinstance(error, TimeoutError):
        return ProviderError(name, "timed out", kind="timeout", retryable=True)
    return ProviderError(name, f"{type(error).__name__}: {error}", kind="internal",
                         retryable=False)


async def open_first(router: RoleRouter, name: str, make: MakeStream) -> OpenedStream:
    """Start `name`'s stream and wait for its first item, bounded by its first-byte timeout."""
    slot = router.slots[name]
    started = time.monotonic()
    stream = make(slot)
    try:
        async with asyncio.timeout(slot.settings.first_byte_timeout_s if not slot.is_local
                                   else slot.settings.timeout_s):
            first = await anext(stream, _EMPTY)
    except BaseException as e:
        with contextlib.suppress(Exception):
            await stream.aclose()
        if isinstance(e, asyncio.CancelledError):
            raise
        raise as_provider_error(name, e) from e
    return OpenedStream(name, stream, first, time.monotonic() - started)


async def _race(router: RoleRouter, names: tuple[str, str], make: MakeStream,
                record: RouteRecord) -> OpenedStream | None:
    """Start both; the first to produce an item wins and the other is cancelled."""
    tasks = {asyncio.ensure_future(open_first(router, n, make)): n for n in names}
    winner: OpenedStream | None = None
    pending = set(tasks)
    try:
        while pending and winner is None:
            done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                name = tasks[task]
                if task.exception() is not None:
                    error = as_provider_error(name, task.exception())
                    router.failed(name, error)
                    record.attempts.append(Attempt(name, "failed", kind=error.kind))
                elif winner is None:
                    winner = task.result()
                else:  # both finished in the same instant: close the second
                    await task.result().stream.aclose()
                    record.attempts.append(Attempt(name, "cancelled"))
    finally:
        for task in pending:
            task.cancel()
            record.attempts.append(Attempt(tasks[task], "cancelled"))
        await asyncio.gather(*pending, return_exceptions=True)
    return winner


async def _try_one(router: RoleRouter, name: str, make: MakeStream, record: RouteRecord,
                   *, retries: int, pre_allowed: bool | None = None) -> OpenedStream | None:
    for attempt in range(retries + 1):
        allowed = pre_allowed if attempt == 0 and pre_allowed is not None else router.usable(name)
        if not allowed:
            record.attempts.append(Attempt(name, "skipped", kind="breaker_open"))
            return None
        try:
            return await open_first(router, name, make)
        except ProviderError as error:
            router.failed(name, error)
            record.attempts.append(Attempt(name, "failed", kind=error.kind))
            wait = error.retry_after_s or RETRY_BACKOFF_S * 2**attempt
            if not error.retryable or attempt == retries or wait > MAX_RETRY_AFTER_S:
                return None
            await asyncio.sleep(wait)
    return None


async def open_routed(router: RoleRouter, order: tuple[str, ...], hedge: str | None,
                      make: MakeStream, record: RouteRecord) -> OpenedStream | None:
    """The first provider in `order` (raced against `hedge`) that starts answering.

    Failover walks `order`; only the last provider standing is retried, and only
    for retryable errors: before that, the next provider is the faster remedy.
    """
    remaining = list(order)
    # A breaker's half-open probe is claimed by asking: ask once per provider.
    allowed: dict[str, bool] = {}
    if hedge and hedge in remaining and remaining[0] != hedge:
        primary = remaining[0]
        allowed = {primary: router.usable(primary), hedge: router.usable(hedge)}
        if allowed[primary] and allowed[hedge]:
            opened = await _race(router, (primary, hedge), make, record)
            if opened:
                return opened
            remaining = [n for n in remaining if n not in (primary, hedge)]
    for index, name in enumerate(remaining):
        last = index == len(remaining) - 1
        retries = router.slots[name].settings.max_retries if last else 0
        opened = await _try_one(router, name, make, record, retries=retries,
                                pre_allowed=allowed.pop(name, None))
        if opened:
            return opened
    return None

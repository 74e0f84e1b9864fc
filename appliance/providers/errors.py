"""Our one error type for provider failures.

Vendor exceptions are translated into it at the provider boundary, so routing
decides on `kind` and `retryable`, never on vendor types.
"""

from __future__ import annotations

from typing import Literal

FailureKind = Literal[
    "timeout",  # no first byte, or no reply, within the provider's timeout
    "stalled",  # the stream started, then stopped sending
    "unavailable",  # connection refused or reset, 5xx
    "rate_limited",  # 429; `retry_after_s` when the server said
    "bad_response",  # malformed JSON or an answer that cannot be used
    "auth",  # 401/403: retrying cannot help
    "rejected",  # other 4xx: the request itself was refused
    "internal",  # the local engine failed
]


class ProviderError(Exception):
    """A provider could not serve a request."""

    def __init__(
        self,
        provider: str,
        message: str,
        *,
        kind: FailureKind,
        retryable: bool,
        status: int | None = None,
        retry_after_s: float | None = None,
        output_started: bool = False,
    ):
        super().__init__(f"{provider}: {message}")
        self.provider = provider
        self.kind = kind
        self.retryable = retryable
        self.status = status
        self.retry_after_s = retry_after_s
        # True once any output (a token, a sample) went out: never fail over then.
        self.output_started = output_started

"""Console logins: an operator token given once, then a session cookie.

The cookie holds a random session id, never the token; the token stays in this
process's memory and is checked again on every request, so revoking it logs
the console out at once. Sessions end with the process or after `hours`.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable

COOKIE = "appliance_console"
# Over HTTPS the cookie carries the __Host- prefix: the browser then keeps it only if it
# was set Secure, for this host alone and the whole path, so no sibling host can plant one.
SECURE_COOKIE = "__Host-" + COOKIE
# Requests that change something must carry this header: another site's form or
# script cannot set it without a CORS pre-flight, which this service never grants.
CSRF_HEADER = "x-appliance-console"


def cookie_name(secure: bool) -> str:
    """The session cookie's name over HTTPS (`secure`) or plain HTTP on loopback."""
    return SECURE_COOKIE if secure else COOKIE


def session_id_of(cookies: dict[str, str]) -> str | None:
    """The console session id a request carries, under either name."""
    return cookies.get(SECURE_COOKIE) or cookies.get(COOKIE)


class ConsoleSessions:
    """Session id → token, each valid for a limited time."""

    def __init__(self, hours: float, clock: Callable[[], float] = time.monotonic):
        """Sessions last `hours`."""
        self.lifetime_s = hours * 3600
        self._clock = clock
        self._sessions: dict[str, tuple[str, float]] = {}

    def open(self, token: str) -> str:
        """A new session for `token` (already checked by the caller)."""
        self._expire()
        session_id = secrets.token_urlsafe(32)
        self._sessions[session_id] = (token, self._clock() + self.lifetime_s)
        return session_id

    def token(self, session_id: str | None) -> str | None:
        """The session's token, or None for an unknown or expired session."""
        self._expire()
        entry = self._sessions.get(session_id or "")
        return entry[0] if entry else None

    def close(self, session_id: str | None) -> None:
        """Log out."""
        self._sessions.pop(session_id or "", None)

    def _expire(self) -> None:
        now = self._clock()
        for session_id in [s for s, (_, until) in self._sessions.items() if until <= now]:
            del self._sessions[session_id]

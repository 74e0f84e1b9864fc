"""What one client may hold: request body size and time, open sockets, header time.

Written by hand because neither uvicorn nor Starlette bounds these: uvicorn has no
body limit and no deadline for receiving a request's headers (a client trickling a
byte a second holds its socket for ever), and Starlette reads whatever body it is
given. Both pieces are small and sit at the ASGI and protocol boundaries.
"""

from __future__ import annotations

import asyncio
import json
import time

from uvicorn.protocols.http.h11_impl import H11Protocol

# Uploads of speech: the WAV itself, and room for the form around it.
TRANSCRIPTION_UPLOAD_BYTES = 32 * 1024 * 1024
PLAYGROUND_UPLOAD_BYTES = 20 * 1024 * 1024
OPENAI_JSON_BYTES = 1024 * 1024
FORM_OVERHEAD_BYTES = 64 * 1024
# Bodies bigger than the default, by path prefix (first match wins).
UPLOAD_PATHS = {
    "/v1/audio/transcriptions": TRANSCRIPTION_UPLOAD_BYTES + FORM_OVERHEAD_BYTES,
    "/console/playground": PLAYGROUND_UPLOAD_BYTES + FORM_OVERHEAD_BYTES,
    "/v1/": OPENAI_JSON_BYTES + FORM_OVERHEAD_BYTES,
}


class BodyTooLarge(Exception):
    """The client sent more than the endpoint takes."""


class BodyTooSlow(Exception):
    """The client did not finish sending the body in time."""


def body_limit_for(path: str, default: int) -> int:
    """The most bytes a request to `path` may carry."""
    for prefix, limit in UPLOAD_PATHS.items():
        if path.startswith(prefix):
            return limit
    return default


class RequestLimits:
    """ASGI middleware: 413 past the body limit (declared or streamed), 408 past the deadline.

    The body is counted as it arrives, so a chunked body with no Content-Length is
    stopped at the limit too, before it is buffered.
    """

    def __init__(self, app, *, max_body_bytes: int, body_timeout_s: float):
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.body_timeout_s = body_timeout_s

    async def __call__(self, scope, receive, send):
        """Count the body as the app reads it; refuse once it is too big or too slow."""
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        limit = body_limit_for(scope["path"], self.max_body_bytes)
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > limit:
            return await _refuse(send, 413, _too_large(limit))
        received, body_done = 0, False
        deadline = time.monotonic() + self.body_timeout_s
        started = False

        async def counted_receive():
            nonlocal received, body_done
            if body_done:  # the body is in: what follows is only the disconnect
                return await receive()
            try:
                message = await asyncio.wait_for(receive(),
                                                 max(0.0, deadline - time.monotonic()))
            except TimeoutError:
                raise BodyTooSlow from None
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge
                body_done = not message.get("more_body", False)
            return message

        async def watched_send(message):
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted_receive, watched_send)
        except (BodyTooLarge, BodyTooSlow) as e:
            if started:
                raise
            if isinstance(e, BodyTooLarge):
                await _refuse(send, 413, _too_large(limit))
            else:
                await _refuse(send, 408, f"the request body did not arrive within "
                                         f"{self.body_timeout_s:g} s; send it at once")


def _too_large(limit: int) -> str:
    return (f"request body larger than {limit} bytes; this endpoint takes at most that "
            "(speech uploads: at most 60 s)")


async def _refuse(send, status: int, message: str) -> None:
    body = json.dumps({"error": message}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


# Headers on every HTTP response: the console's page is the only HTML served, it loads
# only its own scripts and styles, and no other site may frame it.
SECURITY_HEADERS = [
    (b"content-security-policy",
     b"default-src 'self'; img-src 'self' data:; media-src 'self' blob: data:; "
     b"connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
     b"form-action 'self'"),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
]


class SecurityHeaders:
    """ASGI middleware adding `SECURITY_HEADERS` to every HTTP response."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        """Pass the request on; add the headers to its response."""
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def with_headers(message):
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []),
                                                  *SECURITY_HEADERS]}
            await send(message)

        await self.app(scope, receive, with_headers)


def guarded_protocol(max_connections: int, header_timeout_s: float) -> type[H11Protocol]:
    """The HTTP/1.1 protocol of uvicorn, guarded against idle and trickling sockets.

    Sockets past `max_connections` are closed at once, and any whose request headers
    take longer than `header_timeout_s` to arrive.
    """

    class GuardedH11Protocol(H11Protocol):
        _header_timer: asyncio.TimerHandle | None = None

        def connection_made(self, transport):
            super().connection_made(transport)
            if len(self.connections) > max_connections:
                self.connections.discard(self)
                transport.abort()
                return
            self._arm()

        def _arm(self) -> None:
            self._disarm()
            self._header_timer = self.loop.call_later(header_timeout_s, self._headers_late)

        def _disarm(self) -> None:
            if self._header_timer is not None:
                self._header_timer.cancel()
                self._header_timer = None

        def _headers_late(self) -> None:
            self._header_timer = None
            in_flight = self.cycle is not None and not self.cycle.response_complete
            if not in_flight and not self.transport.is_closing():
                self.transport.close()

        def handle_events(self) -> None:
            before = self.cycle
            super().handle_events()
            if self.cycle is not before:  # a request's headers are in
                self._disarm()

        def handle_websocket_upgrade(self, event) -> None:
            self._disarm()
            super().handle_websocket_upgrade(event)

        def on_response_complete(self) -> None:
            super().on_response_complete()
            if not self.transport.is_closing():
                self._arm()  # the next request's headers get the same deadline

        def connection_lost(self, exc) -> None:
            self._disarm()
            super().connection_lost(exc)

    return GuardedH11Protocol

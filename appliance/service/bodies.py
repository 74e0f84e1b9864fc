"""Reading request bodies the same way in every endpoint."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import Request


async def json_object(request: Request) -> dict:
    """The request's JSON object; {} when the body is missing, not JSON, or not an object.

    Each endpoint then says which keys it needs, so a bad body gets the same clear
    400 as a missing key.
    """
    try:
        body = await request.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def bounded(request: Request, limit: int, refuse: Callable[[], Exception]) -> Request:
    """`request` whose body, however it is read, raises `refuse()` once past `limit` bytes.

    A declared Content-Length is checked now and the bytes as they arrive, so `body()`
    and `form()` stop within one received chunk of `limit`.
    """
    if int(request.headers.get("content-length") or 0) > limit:
        raise refuse()
    received = 0

    async def receive():
        nonlocal received
        message = await request.receive()
        received += len(message.get("body", b""))
        if received > limit:
            raise refuse()
        return message

    return Request(request.scope, receive)

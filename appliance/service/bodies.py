"""Reading request bodies the same way in every endpoint."""

from __future__ import annotations

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

"""Bearer-token auth for the OpenAI-compatible endpoints.

The token comes from the environment variable `service.api_token_env`, else from
`service.api_token_file`. A token file others can read is refused: anyone on the
device could then use the appliance as a free API. With no token, the endpoints
stay closed (401) rather than open.
"""

from __future__ import annotations

import hmac
import os
import stat

from loguru import logger

from appliance.config import ServiceSettings


def load_api_token(settings: ServiceSettings) -> str | None:
    """The configured API token, or None when none is usable (the reason is logged)."""
    if token := os.environ.get(settings.api_token_env, "").strip():
        return token
    path = settings.api_token_file
    if path is None:
        return None
    try:
        mode = path.stat().st_mode
        if mode & 0o077:
            logger.warning(
                f"ignoring API token file {path}: group or others can read it "
                f"(mode {stat.filemode(mode)}); run `chmod 600 {path}`"
            )
            return None
        token = path.read_text(encoding="utf-8").strip()
    except OSError as e:
        logger.warning(
            f"cannot read API token file {path} ({e.strerror}); the /v1 API stays closed"
        )
        return None
    if not token:
        logger.warning(f"API token file {path} is empty; the /v1 API stays closed")
        return None
    return token


def no_token_message(settings: ServiceSettings) -> str:
    """What a client is told when the appliance has no API token configured."""
    return (
        "the OpenAI-compatible API is disabled because no API token is configured; set the "
        f"{settings.api_token_env} environment variable (service.api_token_env) for "
        "`appliance serve`, or point service.api_token_file at a file of mode 0600 that "
        "holds the token"
    )


def check_bearer(authorization: str | None, expected: str | None, settings: ServiceSettings) -> str:
    """Why the request is refused, or "" when its bearer token matches."""
    if expected is None:
        return no_token_message(settings)
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        return "missing API token; send the header 'Authorization: Bearer <token>'"
    if not hmac.compare_digest(given.strip().encode("utf-8"), expected.encode("utf-8")):
        return (f"invalid API token; use the token in {settings.api_token_env} "
                "or service.api_token_file of the appliance")
    return ""

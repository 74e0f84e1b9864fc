"""Bearer-token auth and roles for every endpoint but the health probes.

The token comes from the environment variable `service.api_token_env`, else from
`service.api_token_file`. A token file others can read is refused: anyone on the
device could then use the appliance as a free API. With no token, the endpoints
stay closed (401) rather than open.
"""

from __future__ import annotations

import hmac
import stat
from dataclasses import dataclass

from fastapi import Request
from fastapi.responses import JSONResponse
from loguru import logger

from appliance.config import ServiceSettings
from appliance.governance.secret_files import read_secret
from appliance.governance.tokens import PERMISSIONS, TokenInfo, TokenStore
from appliance.service.console_sessions import CSRF_HEADER, session_id_of


def load_api_token(settings: ServiceSettings) -> str | None:
    """The configured API token, or None when none is usable (the reason is logged)."""
    return read_secret(settings.api_token_env, settings.api_token_file, "API token",
                       without="the /v1 API stays closed")
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
        "the API is closed because no token is configured; create one with `appliance tokens "
        f"create --role operator`, or set the {settings.api_token_env} environment variable "
        "(service.api_token_env) for `appliance serve`, or point service.api_token_file at a "
        "file of mode 0600 that holds the token"
    )


@dataclass(frozen=True)
class Refusal:
    """Why a request is refused: 401 (who are you?) or 403 (not allowed to)."""

    status: int
    reason: str


class Authorizer:
    """Decides per request from its bearer token and the permission the endpoint needs.

    Tokens come from `appliance tokens create --role …` (stored hashed in
    `service.tokens_path`); the token in `service.api_token_env` / `api_token_file`
    stays valid with the operator role, so existing set-ups keep working.
    """

    def __init__(self, settings: ServiceSettings):
        """Read the configured token and open the token store."""
        self.settings = settings
        self.env_token = load_api_token(settings)
        self.store = TokenStore(settings.tokens_path)

    def identify(self, token: str) -> TokenInfo | None:
        """Whose token this is, or None."""
        if self.env_token and hmac.compare_digest(token.encode(), self.env_token.encode()):
            return TokenInfo("env", self.settings.api_token_env, "operator", "")
        return self.store.lookup(token)

    def check(self, authorization: str | None, permission: str) -> TokenInfo | Refusal:
        """The caller if its token grants `permission`, else why not."""
        scheme, _, given = (authorization or "").partition(" ")
        has_token = scheme.lower() == "bearer" and given.strip()
        caller = self.identify(given.strip()) if has_token else None
        if caller is None:
            # Only a refused request pays for looking whether any token exists at all.
            if self.env_token is None and not self.store.list():
                return Refusal(401, no_token_message(self.settings))
            if not has_token:
                return Refusal(401, "missing token; send the header 'Authorization: Bearer "
                                    "<token>' (create one with `appliance tokens create`)")
            return Refusal(401, "invalid or revoked token; create one with "
                                "`appliance tokens create --role operator|viewer|client`")
        if not caller.may(permission):
            allowed = [r for r, p in PERMISSIONS.items() if permission in p]
            return Refusal(403, f"the {caller.role} role may not {permission}; this needs a "
                                f"token with role {' or '.join(allowed)}")
        return caller


def authorized(state, request: Request, permission: str) -> TokenInfo | JSONResponse:
    """The caller of an operator endpoint, or the JSON 401/403 to send back instead.

    A bearer token in the header counts first; else the console's session cookie,
    which for anything but a read must come with the console's own header (CSRF).
    """
    header = request.headers.get("authorization")
    sessions = getattr(state, "console_sessions", None)
    session_id = session_id_of(request.cookies)
    if header is None and sessions is not None and session_id:
        token = sessions.token(session_id)
        if token is None:
            return JSONResponse({"error": "the console session has ended; log in again"},
                                status_code=401)
        if request.method not in ("GET", "HEAD") and not request.headers.get(CSRF_HEADER):
            return JSONResponse({"error": f"console requests that change something need the "
                                          f"{CSRF_HEADER} header"}, status_code=403)
        header = f"Bearer {token}"
    caller = state.authorizer.check(header, permission)
    if isinstance(caller, Refusal):
        return JSONResponse({"error": caller.reason}, status_code=caller.status,
                            headers={"WWW-Authenticate": "Bearer"})
    return caller

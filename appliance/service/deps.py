"""What an endpoint needs before it runs, as FastAPI dependencies.

The service's state, a caller with the permission, the models loaded. A refusal is
raised as `Refused` and sent as its JSON response, so no endpoint checks it by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, Request
from fastapi.responses import JSONResponse

from appliance.governance.tokens import TokenInfo
from appliance.runtime.engines import Engines
from appliance.service.auth import authorized
from appliance.service.state import ServiceState

STILL_LOADING = "models are still loading"


class Refused(Exception):
    """An endpoint's refusal, carrying the JSON response to send instead."""

    def __init__(self, response: JSONResponse):
        super().__init__(response.status_code)
        self.response = response

    @classmethod
    def with_error(cls, error: str, status_code: int) -> Refused:
        """A refusal saying `error` (what was wrong, and what to do)."""
        return cls(JSONResponse({"error": error}, status_code=status_code))


async def send_refusal(_request: Request, refused: Exception) -> JSONResponse:
    """The app's handler for `Refused`."""
    assert isinstance(refused, Refused)
    return refused.response


def service_state(request: Request) -> ServiceState:
    """The state of the service the request reached."""
    return request.app.state.appliance


State = Annotated[ServiceState, Depends(service_state)]


def permitted(permission: str) -> Callable[[Request], TokenInfo]:
    """A dependency: the caller, when its token (or console session) has `permission`."""
    def caller(request: Request) -> TokenInfo:
        found = authorized(request.app.state.appliance, request, permission)
        if isinstance(found, JSONResponse):
            raise Refused(found)
        return found

    return caller


Reader = Annotated[TokenInfo, Depends(permitted("read"))]
Operator = Annotated[TokenInfo, Depends(permitted("configure"))]
Approver = Annotated[TokenInfo, Depends(permitted("approve"))]


def loaded(request: Request) -> Engines:
    """The engines, once every model is loaded."""
    engines = request.app.state.appliance.engines
    if engines is None:
        raise Refused.with_error(STILL_LOADING, 503)
    return engines


Loaded = Annotated[Engines, Depends(loaded)]

"""An agent served by another appliance: its turn goes to that appliance's agent API.

Only the turn's words, masked, and the slots the agent declared cross; the other
appliance runs the agent under its own policy and audit and answers in text. Any
failure (unreachable, refused token, timeout, an error status) is a `FederationError`
so the caller can answer locally.
"""

from __future__ import annotations

import hashlib

import httpx

from appliance.config.agents import AgentSettings
from appliance.governance.masking import mask_text
from appliance.governance.secret_files import read_secret


class FederationError(Exception):
    """The other appliance did not serve the turn; the message says why, in a few words."""


class RemoteAgent:
    """Asks the agent `settings.remote_name` (or its own name) at `settings.url`."""

    def __init__(self, settings: AgentSettings):
        self.settings = settings
        self.name = settings.remote_name or settings.name
        self.endpoint = f"{str(settings.url).rstrip('/')}/v1/agents/{self.name}/turn"

    async def ask(self, text: str, slots: dict[str, str | float], session: str) -> str:
        """The other appliance's reply to `text` with `slots`, for this conversation."""
        token = read_secret(self.settings.token_env, self.settings.token_file,
                            f"federation token for agent {self.settings.name}",
                            without="the local default agent answers instead")
        if token is None:
            raise FederationError(f"no token for {self.endpoint} (set "
                                  f"{self.settings.token_env} or token_file)")
        body = {"text": mask_text(text), "slots": slots,
                # The conversation, so its limits and audit group; never its id itself.
                "session": hashlib.sha256(session.encode()).hexdigest()[:16]}
        try:
            async with httpx.AsyncClient(timeout=self.settings.timeout_s) as client:
                response = await client.post(self.endpoint, json=body,
                                             headers={"authorization": f"Bearer {token}"})
        except httpx.TimeoutException:
            raise FederationError(f"no answer from {self.endpoint} within "
                                  f"{self.settings.timeout_s:g} s") from None
        except httpx.HTTPError as e:
            raise FederationError(f"cannot reach {self.endpoint} ({type(e).__name__})") from None
        if response.status_code != 200:
            raise FederationError(f"{self.endpoint} answered {response.status_code}: "
                                  f"{_error_of(response)}")
        reply = response.json().get("reply")
        if not isinstance(reply, str):
            raise FederationError(f"{self.endpoint} sent no reply")
        return reply


def _error_of(response: httpx.Response) -> str:
    try:
        error = response.json().get("error", {})
        return str(error.get("message") if isinstance(error, dict) else error)[:200]
    except ValueError:
        return response.text[:200]

"""Who gets in: voice conversations first, then /v1 requests, each token within its share.

Two cores serve everything, so every piece of work that holds a model is admitted
here: a WebSocket conversation for its whole length, a /v1 request until its last
byte. Voice conversations are never refused because of /v1 traffic; /v1 requests
share what voice leaves (`max_sessions` in all) and have their own smaller cap.
One token cannot take every slot, and its /v1 requests are rate-limited.
"""

from __future__ import annotations

import time
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass

from appliance.config import ServiceSettings


@dataclass(frozen=True)
class Slot:
    """Admitted work; give it back with `Admission.release`."""

    kind: str  # "voice" or "api"
    caller: str


class Admission:
    """Counts admitted work per kind and per caller (a token's id)."""

    def __init__(self, settings: ServiceSettings, clock: Callable[[], float] = time.monotonic):
        """Limits from the service settings."""
        self.settings = settings
        self._clock = clock
        self._held: dict[str, dict[str, int]] = {"voice": defaultdict(int),
                                                  "api": defaultdict(int)}
        self._recent_api: dict[str, deque] = defaultdict(deque)

    def count(self, kind: str) -> int:
        """Slots of `kind` held now."""
        return sum(self._held[kind].values())

    def voice(self, caller: str) -> Slot | str:
        """A slot for a conversation, or why not (the WebSocket close reason)."""
        s = self.settings
        if self.count("voice") >= s.max_sessions:
            return "too many conversations; try again later"
        if self._held["voice"][caller] >= s.max_sessions_per_token:
            return (f"this token already has {s.max_sessions_per_token} conversations open "
                    "(service.max_sessions_per_token)")
        return self._take("voice", caller)

    def api(self, caller: str) -> Slot | str:
        """A slot for one /v1 request, or why not (a 429's message)."""
        s = self.settings
        if self.count("api") >= s.max_api_requests or (
                self.count("api") + self.count("voice") >= s.max_sessions):
            return ("the appliance is busy with conversations and other requests; "
                    "retry in a few seconds")
        recent = self._recent_api[caller]
        now = self._clock()
        while recent and now - recent[0] > 60:
            recent.popleft()
        if len(recent) >= s.api_requests_per_minute:
            return (f"this token made {s.api_requests_per_minute} requests in the last minute "
                    "(service.api_requests_per_minute); retry later")
        recent.append(now)
        return self._take("api", caller)

    def release(self, slot: Slot) -> None:
        """Give a slot back (once)."""
        held = self._held[slot.kind]
        held[slot.caller] -= 1
        if held[slot.caller] <= 0:
            del held[slot.caller]

    def _take(self, kind: str, caller: str) -> Slot:
        self._held[kind][caller] += 1
        return Slot(kind, caller)

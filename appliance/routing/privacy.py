"""Which turns must never leave the device: configured rules and detected personal data.

Detection lives in `governance` (written and spoken forms, checked with each
format's own rules); here it becomes a routing decision. Kinds whose action is
"local" keep the whole turn on the device; kinds whose action is "mask" may
leave it, masked by the routed providers on the way out.
"""

from __future__ import annotations

import re

from appliance.governance.masking import (
    DEFAULT_ACTIONS,
    Action,
    PersonalDataMasker,
    detect_personal_data,
)
from appliance.governance.personal_data import PERSONAL_DATA_KINDS, luhn_valid

__all__ = ["PERSONAL_DATA_KINDS", "PrivacyPolicy", "detect_personal_data", "luhn_valid"]


class PrivacyPolicy:
    """Decides whether a turn must stay on the device, and says why."""

    def __init__(self, patterns: list[str], detect_personal_data: bool,
                 actions: dict[str, Action] | None = None):
        """Compile the local-only rules (case-insensitive).

        `actions` says per kind of personal data whether it keeps the turn local or is
        masked on the way out; unset, every kind keeps the turn local.

        Raises:
            ValueError: naming the first pattern that is not a valid regular expression.
        """
        self.patterns = list(patterns)
        self.enable_personal_data_detection = detect_personal_data
        self.masker = PersonalDataMasker(
            actions if actions is not None else dict.fromkeys(DEFAULT_ACTIONS, "local"))
        self._rules: list[tuple[str, re.Pattern[str]]] = []
        for pattern in self.patterns:
            try:
                self._rules.append((pattern, re.compile(pattern, re.IGNORECASE)))
            except re.error as e:
                raise ValueError(
                    f"routing.local_only_patterns: {pattern!r} is not a valid regular "
                    f"expression ({e}); e.g. 'password|pin code'"
                ) from None

    def local_only_reason(self, text: str) -> str | None:
        """Why `text` must not leave the device, or None when it may.

        The reason names the rule or the kinds of data, never the text itself, so
        it can go into logs and route reports.
        """
        return self._reason(text, for_audio=False)

    def audio_local_only_reason(self, text: str) -> str | None:
        """Why the audio behind `text` must not leave the device: audio cannot be masked."""
        return self._reason(text, for_audio=True)

    def _reason(self, text: str, *, for_audio: bool) -> str | None:
        for pattern, rule in self._rules:
            if rule.search(text):
                return f"matches local-only rule '{pattern}'"
        if not (self.enable_personal_data_detection or for_audio):
            return None
        found = self.masker.mask(text)  # once: detection is the costly part
        if self.enable_personal_data_detection and found.local_kinds:
            return f"personal data detected ({', '.join(found.local_kinds)})"
        if for_audio and found.kinds:
            return f"personal data in the audio ({', '.join(found.kinds)}) cannot be masked"
        return None

    def mask(self, text: str) -> str:
        """`text` as it may leave the device: personal data replaced by labels."""
        return self.masker.mask_text(text)

    def mask_messages(self, messages: list[dict]) -> list[dict]:
        """Chat messages as they may leave the device, every text content masked.

        The assistant's past answers lose only the names and places the user or a tool
        said (and data of every other kind): the famous names it answered with stay, so
        the remote model reads the conversation it is continuing.
        """
        masked: dict[int, str] = {}
        said: set[str] = set()
        for i, m in enumerate(messages):  # what the user and the tools said, searched once
            if m.get("role") != "assistant" and isinstance(m.get("content"), str):
                found = self.masker.mask(m["content"])
                masked[i], said = found.text, said | found.said_words
        answered = frozenset(said)
        return [m | {"content": masked[i] if i in masked else self.masker.mask_text(
                    m["content"], said=answered)}
                if isinstance(m.get("content"), str) else m for i, m in enumerate(messages)]

"""Masks personal data before text leaves the device, is logged or is audited.

Per kind, the configured action is "mask" (replace it, e.g. "[CARD NUMBER]") or
"local" (the whole turn stays on the device; routing reads `keeps_local`).
Spoken forms are masked too: the text is first rewritten in written form to find
the data, and each finding is mapped back onto the user's own words, so what goes
out is what they said with only the personal data replaced ("the expiry is twelve
twenty eight" stays in words, and no digit of a spoken card survives the mapping).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import get_args

from appliance.config.governance import PERSONAL_DATA_KIND_TABLE, PersonalDataAction
from appliance.governance.personal_data import (
    PERSONAL_DATA_KINDS,
    Finding,
    find_personal_data,
)
from appliance.governance.spoken import to_written

Action = PersonalDataAction

LABELS = {kind: info.label for kind, info in PERSONAL_DATA_KIND_TABLE.items()}
DEFAULT_ACTIONS: dict[str, Action] = {
    kind: info.default_action for kind, info in PERSONAL_DATA_KIND_TABLE.items()}


# The alignment back onto the user's words (difflib) grows with the square of the length:
# ~3 ms for a spoken turn, 80 ms at this length, so longer text is masked in written form.
ALIGN_MAX_CHARS = 500


@dataclass(frozen=True)
class MaskResult:
    """The masked text, which kinds were found, and whether the turn must stay local."""

    text: str
    kinds: tuple[str, ...] = ()
    local_kinds: tuple[str, ...] = ()
    # The words of the names and places found (for `mask(…, said=…)` of the answers to it).
    said_words: frozenset[str] = frozenset()

    @property
    def keeps_local(self) -> bool:
        """Whether a kind whose action is "local" was found."""
        return bool(self.local_kinds)


class PersonalDataMasker:
    """Finds and masks personal data, written or spoken."""

    def __init__(self, actions: dict[str, Action] | None = None):
        """Use `actions` per kind (missing kinds: `DEFAULT_ACTIONS`).

        Raises:
            ValueError: naming an unknown kind or action and the valid ones.
        """
        actions = dict(actions or {})
        for kind, action in actions.items():
            if kind not in PERSONAL_DATA_KINDS:
                raise ValueError(
                    f"governance.personal_data.actions: unknown kind {kind!r}; "
                    f"one of {', '.join(PERSONAL_DATA_KINDS)}")
            if action not in get_args(Action):
                raise ValueError(
                    f"governance.personal_data.actions.{kind}: {action!r} is not an action; "
                    "use \"mask\" or \"local\"")
        self.actions: dict[str, Action] = DEFAULT_ACTIONS | actions

    def mask(self, text: str, *, said: frozenset[str] | None = None) -> MaskResult:
        """`text` with every piece of personal data replaced by its kind's label.

        `said`, for text the assistant wrote (a reply, a past answer in the history): the
        `said_words` of the masked results of what the user and the tools said in the
        conversation. Then names, and places without a number, are masked only when they
        came from there or stand beside other personal data: "Einstein's theory" or
        "Notre Dame" in an answer is no one's data, and masking them garbles what the
        user hears and what a remote model reads next.
        """
        written = to_written(text)
        findings = find_personal_data(written)
        words = _public_words(written, findings)
        if findings and said is not None:
            findings = users_own(written, findings, said)
        if not findings:
            return MaskResult(text, said_words=words)
        if len(text) > ALIGN_MAX_CHARS:  # long text: mask the written form, in linear time
            text, spans = written, [(f.start, f.end) for f in findings]
        else:
            spans = spans_in_original(text, written, [(f.start, f.end) for f in findings])
        parts, cursor = [], 0
        for finding, (start, end) in zip(findings, spans, strict=True):
            if start < cursor:  # two findings inside one rewritten stretch: one label
                continue
            parts += [text[cursor:start], LABELS[finding.kind]]
            cursor = end
        parts.append(text[cursor:])
        kinds = tuple(k for k in PERSONAL_DATA_KINDS if any(f.kind == k for f in findings))
        local = tuple(k for k in kinds if self.actions[k] == "local")
        return MaskResult("".join(parts), kinds, local, words)

    def mask_exchange(self, asked: str, answer: str) -> tuple[str, str]:
        """What the user said and the answer to it, masked (the answer as `mask(…, said=…)`)."""
        said = self.mask(asked)
        return said.text, self.mask(answer, said=said.said_words).text

    def mask_text(self, text: str, *, said: frozenset[str] | None = None) -> str:
        """Just the masked text (the same whatever the actions)."""
        return self.mask(text, said=said).text


# Kinds an answer names in public ("Neil Armstrong", "Notre Dame Cathedral") as often as
# a user names their own; a place with a number (a house, a postcode) is always masked.
_PUBLIC_KINDS = frozenset({"person_name", "street_address"})
_WORD = re.compile(r"[^\W\d_]{2,}")
_SENTENCE_END = re.compile(r"[.!?]\s|\n")


def _public_words(written: str, findings: list[Finding]) -> frozenset[str]:
    """The lowercased words of the names and places among `findings`."""
    return frozenset(w.lower() for f in findings if f.kind in _PUBLIC_KINDS
                     for w in _WORD.findall(written[f.start:f.end]))


def users_own(text: str, findings: list[Finding], words: frozenset[str]) -> list[Finding]:
    """The findings in assistant-written `text` that are the user's data.

    Every number, address with a number, e-mail and the like; a name or place only when
    the user (or a tool) said one of its words, or when its sentence holds other data
    ("Priya's number is [PHONE]").
    """
    def is_data(f: Finding) -> bool:
        return f.kind not in _PUBLIC_KINDS or (
            f.kind == "street_address" and any(ch.isdigit() for ch in text[f.start:f.end]))

    ends = [m.end() for m in _SENTENCE_END.finditer(text)]

    def sentence(position: int) -> int:
        return bisect.bisect_right(ends, position)

    with_data = {sentence(f.start) for f in findings if is_data(f)}
    return [f for f in findings if is_data(f) or sentence(f.start) in with_data
            or any(w.lower() in words for w in _WORD.findall(text[f.start:f.end]))]


def spans_in_original(original: str, written: str,
                       spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`spans` of `written` as spans of `original`, widened to whole rewritten stretches.

    `to_written` only rewrites stretches ("four one one one" → "4111"); the rest is
    copied. A span that starts or ends inside a rewritten stretch takes all of it.
    """
    if original == written:
        return spans
    blocks = SequenceMatcher(None, original, written, autojunk=False).get_opcodes()

    def start_of(position: int) -> int:
        for tag, a0, _a1, b0, b1 in blocks:
            if b0 <= position < b1 or (tag == "delete" and b0 == position == b1):
                return a0 + (position - b0 if tag == "equal" else 0)
        return len(original)

    def end_of(position: int) -> int:
        for tag, a0, a1, b0, b1 in blocks:
            if b0 < position <= b1:
                return a0 + (position - b0) if tag == "equal" else a1
        return 0

    return [(start_of(start), max(start_of(start), end_of(end))) for start, end in spans]


# Masked text does not depend on the per-kind actions, so logs, the audit trail and
# tool arguments share one masker.
_MASKER = PersonalDataMasker()


def mask_text(text: str) -> str:
    """`text` with every piece of personal data replaced by its kind's label.

    For an answer to what the user said, `mask_exchange` (names the user never said stay).
    """
    return _MASKER.mask(text).text


def mask_exchange(asked: str, answer: str) -> tuple[str, str]:
    """What the user said and the answer to it, masked, the user's text searched once."""
    return _MASKER.mask_exchange(asked, answer)


def detect_personal_data(text: str) -> list[str]:
    """The kinds of personal data in `text` (written or spoken), in `PERSONAL_DATA_KINDS` order."""
    return list(_MASKER.mask(text).kinds)

"""Declarative policy rules: which tool calls are allowed, need a person, or are refused.

Rules come from `[[governance.policy.rules]]` in the settings and are swapped in
by a reload, without a restart. The first rule that matches a call decides;
with none matching, the tool's own `requires_approval` does. Every decision
carries one sentence the user hears and the audit keeps.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from appliance.config import PolicyRule

Verdict = Literal["allow", "approve", "deny"]


@dataclass(frozen=True)
class PolicyDecision:
    """What to do with one tool call, which rule said so, and the sentence for the user."""

    verdict: Verdict
    rule: str
    explanation: str


def _matches_arguments(rule: PolicyRule, arguments: dict) -> bool:
    for name, limits in rule.arguments.items():
        value = arguments.get(name)
        if not isinstance(value, int | float) or isinstance(value, bool):
            if limits.equals is not None and value == limits.equals:
                continue
            return False
        if limits.above is not None and not value > limits.above:
            return False
        if limits.at_most is not None and not value <= limits.at_most:
            return False
        if limits.equals is not None and value != limits.equals:
            return False
    return True


def _in_hours(rule: PolicyRule, now: datetime) -> bool:
    if rule.hours is None:
        return True
    start, end = rule.hours
    hour = now.hour
    return start <= hour < end if start <= end else (hour >= start or hour < end)


class PolicyEngine:
    """Checks every tool call against the configured rules."""

    def __init__(self, rules: list[PolicyRule]):
        """Use `rules`, in order."""
        self.rules = list(rules)

    def decide(self, tool: str, arguments: dict, *, agent: str, requires_approval: bool,
               state: str = "default", now: datetime | None = None) -> PolicyDecision:
        """The first matching rule's verdict, else the tool's own default."""
        now = now or datetime.now()
        for index, rule in enumerate(self.rules):
            if rule.tool not in ("*", tool):
                continue
            if rule.agents and agent not in rule.agents:
                continue
            if rule.states and state not in rule.states:
                continue
            if not _in_hours(rule, now) or not _matches_arguments(rule, arguments):
                continue
            name = rule.name or f"rule {index + 1}"
            return PolicyDecision(rule.action, name, rule.explanation or _default_sentence(
                rule.action, tool))
        if requires_approval:
            return PolicyDecision("approve", "tool default",
                                  _default_sentence("approve", tool))
        return PolicyDecision("allow", "tool default", "")


def _default_sentence(verdict: Verdict, tool: str) -> str:
    spoken = tool.replace("_", " ")
    if verdict == "deny":
        return f"Sorry, I'm not allowed to {spoken} like that."
    if verdict == "approve":
        return f"I need a person to approve that {spoken} first; please hold on."
    return ""

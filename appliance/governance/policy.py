"""Declarative policy rules: which tool calls are allowed, need a person, or are refused.

Rules come from `[[governance.policy.rules]]` in the settings and are swapped in
by a reload, without a restart. The first rule that matches a call decides;
with none matching, the tool's own `requires_approval` does. Every decision
carries one sentence the user hears and the audit keeps.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from appliance.config import PolicyRule

Verdict = Literal["allow", "approve", "deny"]


@dataclass(frozen=True)
class DailyUsage:
    """What one caller did with one tool today: calls that ran, and argument totals."""

    count: int = 0
    totals: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class PolicyDecision:
    """What to do with one tool call, which rule said so, and the sentence for the user."""

    verdict: Verdict
    rule: str
    explanation: str


class Incomparable(Exception):
    """A rule names an argument the call does not carry as a plain, finite number."""

    def __init__(self, argument: str):
        super().__init__(argument)
        self.argument = argument


def comparable_number(value) -> float | None:
    """`value` as a finite number ("$5,000" and "5000" count), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        cleaned = value.strip().lstrip("$€£").replace(",", "").strip()
        try:
            value = float(cleaned)
        except ValueError:
            return None
    if isinstance(value, int | float) and math.isfinite(value):
        return float(value)
    return None


def _matches_arguments(rule: PolicyRule, arguments: dict) -> bool:
    """Whether every limit of the rule holds; `Incomparable` when one cannot be checked.

    Failing closed: "deny amount above 1000" must not let {"amount": "5000"}, a
    misspelt key or NaN through, so a value the rule cannot compare is a refusal,
    not a miss. A rule for every tool ("*") skips tools without that argument.
    """
    for name, limits in rule.arguments.items():
        if name not in arguments and rule.tool == "*":
            return False
        value = arguments.get(name)
        numeric = limits.above is not None or limits.at_most is not None or isinstance(
            limits.equals, int | float)
        if not numeric:  # a text equality: compare as given
            if value != limits.equals:
                return False
            continue
        number = comparable_number(value)
        if number is None:
            raise Incomparable(name)
        if limits.above is not None and not number > limits.above:
            return False
        if limits.at_most is not None and not number <= limits.at_most:
            return False
        if isinstance(limits.equals, int | float) and number != limits.equals:
            return False
    return True


def _over_daily_limits(rule: PolicyRule, arguments: dict, usage: DailyUsage) -> bool:
    """Whether this call would take the day past the rule's cumulative limits."""
    if rule.daily_count_above is None and not rule.daily_total_above:
        return True  # no cumulative limit: the rule's other conditions decide
    if rule.daily_count_above is not None and usage.count + 1 > rule.daily_count_above:
        return True
    for name, limit in rule.daily_total_above.items():
        if name not in arguments and rule.tool == "*":
            continue
        number = comparable_number(arguments.get(name))
        if number is None:
            raise Incomparable(name)
        if usage.totals.get(name, 0.0) + number > limit:
            return True
    return False


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
               state: str = "default", now: datetime | None = None,
               usage: DailyUsage | None = None) -> PolicyDecision:
        """The first matching rule's verdict, else the tool's own default.

        `usage` is what this caller already did with the tool today (for daily limits;
        none given counts as nothing). A rule that cannot check an argument refuses.
        """
        now = now or datetime.now()
        usage = usage or DailyUsage()
        for index, rule in enumerate(self.rules):
            if rule.tool not in ("*", tool):
                continue
            if rule.agents and agent not in rule.agents:
                continue
            if rule.states and state not in rule.states:
                continue
            name = rule.name or f"rule {index + 1}"
            try:
                if not _in_hours(rule, now) or not _matches_arguments(rule, arguments) \
                        or not _over_daily_limits(rule, arguments, usage):
                    continue
            except Incomparable as e:
                return PolicyDecision("deny", name, f"Sorry, I can't check the "
                                      f"{e.argument.replace('_', ' ')} of that "
                                      f"{tool.replace('_', ' ')}, so I won't do it.")
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

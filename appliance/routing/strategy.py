"""The per-turn routing decision: which provider serves a stage, which fail over, which race.

The strategy is pure: it sees a snapshot of every candidate's health and the
turn's constraints, and returns an ordered decision with a one-sentence reason.
The router gathers the inputs and carries the decision out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from appliance.routing.kinds import RouteKind

# A provider with no timing yet is raced only while most of its attempts succeed.
MAX_UNTIMED_ERROR_RATE = 0.5


@dataclass(frozen=True)
class Candidate:
    """What the strategy knows about one provider."""

    name: str
    is_local: bool
    tier: str  # "small" | "large"
    predicted_ttfb_s: float | None
    error_rate: float
    breaker_open: bool
    demoted: bool
    trial_due: bool
    priced: bool  # any price > 0


@dataclass(frozen=True)
class RouteRequest:
    """What this stage of this turn asks for."""

    role: str  # "stt" | "llm" | "tts"
    budget_remaining_s: float  # time left to first audio for this stage
    local_only_reason: str | None  # privacy: never leave the device
    escalation_reason: str | None  # the request looks beyond the small local model
    remote_allowed_by_cost: bool  # daily budget not spent
    hedging_enabled: bool


@dataclass(frozen=True)
class RouteDecision:
    """Providers to try in order, an optional racer, and why."""

    order: tuple[str, ...]  # first = primary; the rest are failover, in order
    hedge: str | None  # raced against order[0]; the first acceptable answer wins
    reason: str  # one human sentence
    kind: RouteKind = RouteKind.LOCAL  # the same, as a fixed label


@runtime_checkable
class RoutingStrategy(Protocol):
    """Decides one stage's route; the router hosting it does no deciding."""

    def decide(self, request: RouteRequest, candidates: list[Candidate]) -> RouteDecision:
        """Order `candidates` (given in configured preference order) for `request`."""
        ...


def _is_trial(c: Candidate) -> bool:
    return c.demoted and c.trial_due


def _is_healthy(c: Candidate) -> bool:
    return not c.breaker_open and (not c.demoted or c.trial_due)


def _fits(c: Candidate, budget_s: float) -> bool:
    if c.predicted_ttfb_s is None:
        return c.error_rate < MAX_UNTIMED_ERROR_RATE
    return c.predicted_ttfb_s <= budget_s


def _names(candidates: list[Candidate]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(c.name for c in candidates))


@dataclass(frozen=True)
class _Policy:
    """Why some remotes may not serve this turn (privacy, money), in words and as a kind."""

    note: str
    kind: RouteKind


@dataclass(frozen=True)
class _Pools:
    """The usable candidates, sorted into the groups the rules rank."""

    small_locals: list[Candidate]
    large_locals: list[Candidate]
    fitting_remotes: list[Candidate]  # healthy, predicted to fit the budget
    trial_remotes: list[Candidate]  # demoted, due their one trial
    slow_remotes: list[Candidate]  # usable but predicted over budget

    @property
    def locals(self) -> list[Candidate]:
        return self.small_locals + self.large_locals

    @property
    def remotes_by_preference(self) -> list[Candidate]:
        return self.fitting_remotes + self.trial_remotes + self.slow_remotes


class BudgetRoutingStrategy:
    """Local first; remote to escalate, to race within the latency budget, or to fail over.

    Privacy and cost exclusions are hard: an excluded remote never appears, not
    even when nothing else is healthy. Health exclusions (open breaker,
    demotion) are soft: with nothing healthy left, everything allowed is tried.
    """

    def decide(self, request: RouteRequest, candidates: list[Candidate]) -> RouteDecision:
        """Order the candidates for this turn; never returns an empty order."""
        if not candidates:
            raise ValueError(f"no {request.role} providers to route between")
        allowed, policy = self._apply_policy(request, candidates)
        usable = [c for c in allowed if _is_healthy(c)]
        if not usable:
            ordered = [c for c in allowed if c.is_local] + [c for c in allowed if not c.is_local]
            reason = "no provider is healthy; trying all"
            if policy:
                reason += f" allowed ({policy.note})"
            return RouteDecision(order=_names(ordered), hedge=None, reason=reason,
                                 kind=RouteKind.NO_HEALTHY_PROVIDER)
        pools = self._sort(usable, request.budget_remaining_s)
        if request.escalation_reason:
            return self._escalate(request, candidates, pools, policy)
        return self._stay_local(request, candidates, pools, policy)

    @staticmethod
    def _apply_policy(
        request: RouteRequest, candidates: list[Candidate]
    ) -> tuple[list[Candidate], _Policy | None]:
        if request.local_only_reason:
            allowed = [c for c in candidates if c.is_local]
            return allowed, _Policy(f"local-only: {request.local_only_reason}",
                                    RouteKind.LOCAL_ONLY)
        if not request.remote_allowed_by_cost:
            # Unpriced remotes (a LAN server, another appliance) cost nothing to use.
            allowed = [c for c in candidates if c.is_local or not c.priced]
            if len(allowed) < len(candidates):
                return allowed, _Policy("daily cost budget spent", RouteKind.COST_BUDGET)
        return list(candidates), None

    @staticmethod
    def _sort(usable: list[Candidate], budget_s: float) -> _Pools:
        remotes = [c for c in usable if not c.is_local]
        return _Pools(
            small_locals=[c for c in usable if c.is_local and c.tier != "large"],
            large_locals=[c for c in usable if c.is_local and c.tier == "large"],
            fitting_remotes=[c for c in remotes if not _is_trial(c) and _fits(c, budget_s)],
            trial_remotes=[c for c in remotes if _is_trial(c)],
            slow_remotes=[c for c in remotes if not _is_trial(c) and not _fits(c, budget_s)],
        )

    def _stay_local(
        self, request: RouteRequest, candidates: list[Candidate], pools: _Pools,
        policy: _Policy | None,
    ) -> RouteDecision:
        policy_note = policy.note if policy else None
        # Remotes over budget go last: the latency budget is the appliance's promise.
        failover = pools.locals + pools.remotes_by_preference
        if not pools.locals:
            primary = failover[0]
            down = ", ".join(f"'{c.name}'" for c in candidates if c.is_local)
            reason = f"local {down} unavailable; failing over to remote '{primary.name}'"
            return RouteDecision(_names(failover), None, _join(reason, policy_note),
                                 RouteKind.FAILOVER)
        primary = pools.locals[0]
        reason = f"stay local on '{primary.name}'"
        if primary.tier == "large":
            reason += " (no small local model is usable)"
        hedge = None
        if request.hedging_enabled:
            # A race is the safe place for a demoted provider's trial: the local
            # primary still answers on time if the trial is slow.
            racers = pools.trial_remotes + pools.fitting_remotes
            hedge = racers[0] if racers else None
        kind = RouteKind.LOCAL
        if hedge is not None:
            note, kind = _racing(hedge, request.budget_remaining_s), RouteKind.HEDGED
        elif policy:
            note, kind = policy.note, policy.kind
        elif not request.hedging_enabled and pools.remotes_by_preference:
            note = "hedging off"
        else:
            note = _why_no_remote(candidates, pools, request.budget_remaining_s)
        order = _names([primary, *failover])
        return RouteDecision(order, hedge.name if hedge else None, _join(reason, note), kind)

    def _escalate(
        self, request: RouteRequest, candidates: list[Candidate], pools: _Pools,
        policy: _Policy | None,
    ) -> RouteDecision:
        policy_note = policy.note if policy else None
        cause = request.escalation_reason
        # Stronger first: remotes that fit, a trial, the large local model; the small
        # local one is the floor and over-budget remotes the last resort.
        failover = (pools.fitting_remotes + pools.trial_remotes + pools.large_locals
                    + pools.small_locals + pools.slow_remotes)
        target = failover[0]
        if not target.is_local:
            kind = "demoted remote" if _is_trial(target) else "remote"
            trial = " as a trial" if _is_trial(target) else ""
            reason = f"escalating to {kind} '{target.name}'{trial} because {cause}"
            return RouteDecision(_names(failover), None, _join(reason, policy_note),
                                 RouteKind.ESCALATED)
        note = policy_note or _why_no_remote(candidates, pools, request.budget_remaining_s)
        if target.tier == "large":
            reason = f"escalating to large local '{target.name}' because {cause}"
            return RouteDecision(_names(failover), None, _join(reason, note),
                                 RouteKind.ESCALATED)
        reason = f"cannot escalate ({cause}); stay local on '{target.name}'"
        return RouteDecision(_names(failover), None, _join(reason, note),
                             policy.kind if policy else RouteKind.LOCAL)


def _join(reason: str, note: str | None) -> str:
    return f"{reason}; {note}" if note else reason


def _racing(hedge: Candidate, budget_s: float) -> str:
    if _is_trial(hedge):
        return f"racing demoted remote '{hedge.name}' as a trial"
    if hedge.predicted_ttfb_s is None:
        return f"racing remote '{hedge.name}' (no timing yet)"
    return (f"racing remote '{hedge.name}' "
            f"(p95 {hedge.predicted_ttfb_s:.2f} s fits {budget_s:.2f} s)")


def _why_no_remote(candidates: list[Candidate], pools: _Pools, budget_s: float) -> str | None:
    """Why no remote was chosen, naming the first configured one; None with none configured."""
    if pools.slow_remotes:
        slow = pools.slow_remotes[0]
        if slow.predicted_ttfb_s is None:
            return f"remote '{slow.name}' failing (error rate {slow.error_rate:.0%})"
        return (f"remote '{slow.name}' too slow: p95 {slow.predicted_ttfb_s:.2f} s "
                f"> {budget_s:.2f} s budget")
    for c in candidates:
        if not c.is_local and c.breaker_open:
            return f"remote '{c.name}' unavailable (circuit open)"
        if not c.is_local and c.demoted and not c.trial_due:
            return f"remote '{c.name}' demoted (too slow lately)"
    return None

"""What a route came to, as one of a fixed set.

Metrics label by it, the console and the audit trail show it beside the reason, which
says the same in words for people.
"""

from __future__ import annotations

from enum import StrEnum


class RouteKind(StrEnum):
    """A route's outcome, declared from the most to the least telling.

    When a turn's route has two (hedged, then every provider failed), the earlier names it.
    """

    ALL_FAILED = "all_failed"
    FAILED_MID_ANSWER = "failed_mid_answer"
    NO_HEALTHY_PROVIDER = "no_healthy_provider"
    SECOND_OPINION = "second_opinion"
    ESCALATED = "escalated"
    FAILOVER = "failover"
    LOCAL_ONLY = "local_only"
    COST_BUDGET = "cost_budget"
    HEDGED = "hedged"
    TOOL_CALL = "tool_call"
    COMPUTED = "computed"
    COMMAND = "command"
    # The supervisor's agent choices (the `agent` role): how the agent was picked.
    AGENT_CLASSIFIER = "agent_classifier"
    AGENT_MODEL = "agent_model"
    AGENT_FOLLOW_UP = "agent_follow_up"
    AGENT_DEFAULT = "agent_default"
    AGENT_ASKED = "agent_asked"
    LOCAL = "local"

    def outranks(self, other: RouteKind) -> bool:
        """Whether this kind names a route that has both better than `other` does."""
        return _RANK[self] < _RANK[other]


_RANK = {kind: rank for rank, kind in enumerate(RouteKind)}

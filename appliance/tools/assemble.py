"""Builds the process's tool registry from the settings: built-in tools, then MCP servers."""

from __future__ import annotations

from collections.abc import Callable

from appliance.config import Settings
from appliance.governance.approvals import ApprovalQueue
from appliance.governance.audit import AuditTrail
from appliance.governance.policy import PolicyEngine
from appliance.governance.usage import ToolUsage
from appliance.tools.builtin import refund_tool, time_tool
from appliance.tools.registry import ToolRegistry


def build_tool_registry(settings: Settings, audit: AuditTrail | None,
                        mask: Callable[[str], str]) -> ToolRegistry:
    """The registry with the configured built-in tools (MCP tools are attached later)."""
    policy = settings.governance.policy
    registry = ToolRegistry(PolicyEngine(policy.rules), ApprovalQueue(audit), audit=audit,
                            usage=ToolUsage(policy.usage_path), mask=mask,
                            approval_timeout_s=policy.approval_timeout_s)
    if "get_time" in settings.tools.builtin:
        registry.register(time_tool())
    if "issue_refund" in settings.tools.builtin:
        registry.register(refund_tool(settings.tools.refunds_ledger))
    registry.agent_tools = agent_tools(settings)
    return registry


def agent_tools(settings: Settings) -> dict[str, frozenset[str]]:
    """Which tools each configured agent may use."""
    return {agent.name: frozenset(agent.tools) for agent in settings.agents}


def apply_policy(registry: ToolRegistry, settings: Settings) -> None:
    """Swap in reloaded policy rules; calls already waiting keep their decision."""
    registry.policy = PolicyEngine(settings.governance.policy.rules)
    registry.approval_timeout_s = settings.governance.policy.approval_timeout_s
    registry.agent_tools = agent_tools(settings)

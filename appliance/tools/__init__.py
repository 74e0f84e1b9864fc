"""Tools the assistant may call: the registry and its gates, built-in tools, MCP servers."""

from appliance.tools.registry import CallContext, Tool, ToolOutcome, ToolRegistry

__all__ = ["CallContext", "Tool", "ToolOutcome", "ToolRegistry"]

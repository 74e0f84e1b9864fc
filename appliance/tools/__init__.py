"""Tools the assistant may call: the registry and its gates, built-in tools, MCP servers.

`chat.ToolCallingChatModel` (the chat model that acts) and `mcp_servers.attach_mcp_servers`
are imported where they are used: they load pipecat and the mcp client library.
"""

from appliance.tools.assemble import build_tool_registry
from appliance.tools.builtin import refund_tool, time_tool
from appliance.tools.registry import CallContext, Tool, ToolOutcome, ToolRegistry

__all__ = ["CallContext", "Tool", "ToolOutcome", "ToolRegistry", "build_tool_registry",
           "refund_tool", "time_tool"]

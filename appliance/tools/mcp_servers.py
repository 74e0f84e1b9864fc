"""MCP servers (stdio or streamable HTTP) whose allow-listed tools join the registry.

Each server gets one long-lived task that holds its `mcp.Client` open and
serves calls from a queue: the client's context must be entered and left in the
same task, and one connection per server keeps a stdio server's process warm.
Only tools named in the server's `allow` list are registered; the rest are never
shown to a model.
"""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass, field

from loguru import logger
from mcp import Client, StdioServerParameters

from appliance.config import MCPServerSettings
from appliance.tools.registry import Tool, ToolRegistry


class MCPToolError(Exception):
    """An MCP tool call failed (the server said so, or did not answer in time)."""


@dataclass
class MCPConnection:
    """One attached server: its task, its request queue, and the tools it offered."""

    settings: MCPServerSettings
    offered: list[str] = field(default_factory=list)
    _requests: asyncio.Queue = field(default_factory=asyncio.Queue)
    _task: asyncio.Task | None = None

    def _target(self):
        if self.settings.url:
            return self.settings.url
        command, *args = self.settings.command
        return StdioServerParameters(command=command, args=args)

    async def start(self) -> list:
        """Connect, list the server's tools, and keep the connection for later calls."""
        ready: asyncio.Future = asyncio.get_running_loop().create_future()
        self._task = asyncio.create_task(self._serve(ready), name=f"mcp-{self.settings.name}")
        async with asyncio.timeout(self.settings.timeout_s):
            return await ready

    async def _serve(self, ready: asyncio.Future) -> None:
        try:
            async with Client(self._target(),
                              read_timeout_seconds=self.settings.timeout_s) as client:
                listed = await client.list_tools()
                self.offered = [t.name for t in listed.tools]
                ready.set_result(listed.tools)
                while (request := await self._requests.get()) is not None:
                    name, arguments, reply = request
                    try:
                        reply.set_result(await client.call_tool(name, arguments))
                    except Exception as e:  # handed back to the caller
                        if not reply.done():
                            reply.set_exception(MCPToolError(f"{self.settings.name}: {e}"))
        except Exception as e:
            if not ready.done():
                ready.set_exception(e)
            else:
                logger.error(f"MCP server {self.settings.name!r} disconnected ({e})")

    async def call(self, name: str, arguments: dict):
        """Call one tool; its text (or structured) result, or MCPToolError."""
        if self._task is None or self._task.done():
            raise MCPToolError(f"MCP server {self.settings.name!r} is not connected")
        reply: asyncio.Future = asyncio.get_running_loop().create_future()
        await self._requests.put((name, arguments, reply))
        async with asyncio.timeout(self.settings.timeout_s):
            result = await reply
        if result.is_error:
            raise MCPToolError(f"{self.settings.name}.{name} reported an error")
        if result.structured_content is not None:
            return result.structured_content
        return " ".join(getattr(block, "text", "") for block in result.content).strip()

    async def aclose(self) -> None:
        """Leave the client's context (in its own task) and stop a stdio server."""
        if self._task is None:
            return
        await self._requests.put(None)
        with contextlib.suppress(Exception, asyncio.CancelledError):
            async with asyncio.timeout(5):
                await self._task
        if not self._task.done():
            self._task.cancel()


async def attach_mcp_servers(registry: ToolRegistry,
                             servers: list[MCPServerSettings]) -> list[MCPConnection]:
    """Connect every configured server and register its allow-listed tools.

    A server that cannot be reached is logged and skipped: the appliance still talks.
    """
    connections = []
    for settings in servers:
        connection = MCPConnection(settings)
        try:
            tools = await connection.start()
        except Exception as e:
            logger.error(f"MCP server {settings.name!r} not attached: {e} "
                         f"(tools.mcp: check its command or url)")
            await connection.aclose()
            continue
        for tool in tools:
            if tool.name not in settings.allow:
                continue
            registry.register(_as_tool(connection, tool, settings))
        missing = sorted(set(settings.allow) - {t.name for t in tools})
        if missing:
            logger.warning(f"MCP server {settings.name!r} offers no tool named "
                           f"{', '.join(missing)} (tools.mcp.allow)")
        connections.append(connection)
    return connections


def _as_tool(connection: MCPConnection, tool, settings: MCPServerSettings) -> Tool:
    async def handler(**arguments):
        return await connection.call(tool.name, arguments)

    return Tool(name=tool.name, description=tool.description or tool.name,
                parameters=tool.input_schema or {"type": "object"}, handler=handler,
                requires_approval=tool.name in settings.requires_approval,
                source=f"mcp:{settings.name}")

"""A fault-injecting HTTP proxy on 127.0.0.1, in front of a real OpenAI-compatible server.

Tests set `proxy.fault` and the next requests suffer it: added latency, 500s,
429 with Retry-After, a connection reset mid-stream, a malformed JSON chunk, or a
stream that stalls. Every request body that reached the proxy is kept, so a test
can prove what did (or did not) leave the device.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field

import aiohttp
from aiohttp import web

FAULTS = ("none", "latency", "error500", "rate_limit", "reset_mid_stream", "malformed_chunk",
          "stall")


@dataclass
class FaultProxy:
    upstream: str  # e.g. http://127.0.0.1:8001
    fault: str = "none"
    latency_s: float = 1.5
    retry_after_s: int = 3
    # Stream faults strike after this many server-sent events (the role event and two
    # tokens by default), so output has already reached the caller.
    fault_after_events: int = 3
    received: list[dict] = field(default_factory=list)
    port: int = 0
    _runner: web.AppRunner | None = None
    _session: aiohttp.ClientSession | None = None
    _closing: asyncio.Event = field(default_factory=asyncio.Event)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    async def start(self) -> FaultProxy:
        app = web.Application()
        app.router.add_route("*", "/{path:.*}", self._handle)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]
        self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120))
        return self

    async def stop(self) -> None:
        self._closing.set()  # releases stalled streams so shutdown does not wait for them
        if self._session:
            await self._session.close()
        if self._runner:
            await self._runner.cleanup()

    def user_texts(self) -> list[str]:
        """Every chat message content that reached the remote."""
        return [m.get("content", "") for body in self.received
                for m in body.get("messages", []) if isinstance(m, dict)]

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        body = await request.read()
        try:
            self.received.append(json.loads(body) if body else {})
        except ValueError:
            self.received.append({"raw_bytes": len(body)})
        fault = self.fault
        if fault == "error500":
            return web.json_response({"error": {"message": "injected failure"}}, status=500)
        if fault == "rate_limit":
            return web.json_response({"error": {"message": "slow down"}}, status=429,
                                     headers={"Retry-After": str(self.retry_after_s)})
        if fault == "latency":
            await asyncio.sleep(self.latency_s)
        headers = {k: v for k, v in request.headers.items()
                   if k.lower() not in ("host", "content-length")}
        async with self._session.request(request.method, self.upstream + request.path_qs,
                                         data=body, headers=headers) as upstream:
            response = web.StreamResponse(status=upstream.status, headers={
                k: v for k, v in upstream.headers.items()
                if k.lower() in ("content-type", "cache-control")})
            await response.prepare(request)
            streaming = "event-stream" in upstream.headers.get("content-type", "")
            buffer, events = b"", 0
            async for chunk in upstream.content.iter_any():
                if not streaming:
                    await response.write(chunk)
                    continue
                buffer += chunk
                while b"\n\n" in buffer:
                    event, buffer = buffer.split(b"\n\n", 1)
                    events += 1
                    if events > self.fault_after_events and fault in FAULTS[4:]:
                        await self._strike(fault, request, response)
                        return response
                    await response.write(event + b"\n\n")
            await response.write(buffer)
            await response.write_eof()
            return response

    async def _strike(self, fault: str, request: web.Request, response) -> None:
        if fault == "reset_mid_stream":
            request.transport.abort()
        elif fault == "malformed_chunk":
            await response.write(b'data: {"choices": [{"delta": {"content": "Par\n\n')
            await response.write(b"data: [DONE]\n\n")
        elif fault == "stall":
            await self._closing.wait()

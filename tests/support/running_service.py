"""The service as `appliance serve` builds it, on a free 127.0.0.1 port, in a background thread."""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
import time
from collections.abc import AsyncIterator, Iterator

import httpx
import uvicorn

from appliance.config import Settings
from appliance.service.server import create_app, server_config


def free_port() -> int:
    """A port nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_ready(base: str, *, timeout_s: float = 90, path: str = "/readyz") -> None:
    """Poll `path` until it answers 200; fail the test after `timeout_s`."""
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            if httpx.get(f"{base}{path}", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        assert time.monotonic() < deadline, f"{base}{path} never answered 200"
        time.sleep(0.1)


@contextlib.contextmanager
def running_service(settings: Settings, *, load_models: bool = True) -> Iterator[str]:
    """Serve `settings` (its `service.port` is replaced by a free one); yield the base URL.

    With `load_models` false the lifespan is off: nothing loads, which limits on
    sockets and bodies do not depend on.
    """
    service = settings.service.model_copy(update={"port": free_port()})
    settings = settings.model_copy(update={"service": service})
    config = server_config(create_app(settings), service)
    if not load_models:
        config.lifespan = "off"
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{service.port}"
    try:
        wait_until_ready(base, path="/readyz" if load_models else "/healthz")
        yield base
    finally:
        server.should_exit = True
        thread.join(timeout=20)


@contextlib.asynccontextmanager
async def serving(app) -> AsyncIterator[str]:
    """`app` on a free 127.0.0.1 port in this event loop, lifespan off; yield its base URL."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="off"))
    task = asyncio.create_task(server.serve())
    try:
        async with asyncio.timeout(10):
            while not server.started:  # noqa: ASYNC110 - uvicorn offers no event to await
                await asyncio.sleep(0.01)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task

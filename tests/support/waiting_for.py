"""Waiting on a condition, not on the clock: a test goes on as soon as what it needs is true."""

import asyncio
import time


async def wait_for(condition, timeout_s, what):
    """Poll `condition` until true, failing with `what` after `timeout_s`."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.02)

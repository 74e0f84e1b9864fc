"""A real `appliance serve` on 127.0.0.1, shared by the tests of this folder."""

import os
import sys
import time

import pytest

from tests.remote.servers import free_port, start_until_ok, stop

API_TOKEN = "test-token-0123456789"


@pytest.fixture(scope="package")
def appliance_api(settings):
    """`appliance serve` with an API token, shared by every test in this folder."""
    port = free_port()
    env = {**os.environ, "APPLIANCE_API_TOKEN": API_TOKEN}
    started = time.monotonic()
    process = start_until_ok(
        [sys.executable, "-m", "appliance.cli", "serve", "--port", str(port)],
        f"http://127.0.0.1:{port}/readyz", env=env,
    )
    print(f"appliance serve ready in {time.monotonic() - started:.1f} s")
    yield {"base": f"http://127.0.0.1:{port}", "v1": f"http://127.0.0.1:{port}/v1",
           "token": API_TOKEN}
    stop(process)

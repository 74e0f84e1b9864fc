"""Live reconfiguration of a running `appliance serve`: `appliance reload`, SIGHUP, bad files."""

import os
import signal
import subprocess
import sys
import time

import httpx
import pytest

from tests.remote.servers import free_port, start_until_ok, stop

pytestmark = pytest.mark.models
TOKEN = "reload-token-0123456789"

REMOTE = """
[[providers.llm]]
name = "local"
model = "smollm2-135m"

[[providers.llm]]
name = "cloud"
kind = "openai"
base_url = "http://127.0.0.1:9/v1"
model = "gpt-4o-mini"
api_key_env = "CLOUD_KEY"
price_per_1k_tokens = 0.6
"""


@pytest.fixture
def service(tmp_path):
    config = tmp_path / "appliance.toml"
    config.write_text("[llm]\nmax_tokens = 40\n")
    port = free_port()
    env = {**os.environ, "APPLIANCE_API_TOKEN": TOKEN, "APPLIANCE_CONFIG": str(config)}
    process = start_until_ok([sys.executable, "-m", "appliance.cli", "serve", "--port",
                              str(port)], f"http://127.0.0.1:{port}/readyz", env=env)
    yield {"config": config, "port": port, "env": env, "process": process,
           "base": f"http://127.0.0.1:{port}"}
    stop(process)


def llm_providers(service) -> list[str]:
    response = httpx.get(f"{service['base']}/admin/routes",
                         headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200
    return list(response.json()["routers"]["llm"])


def reload(service, env=None):
    return subprocess.run([sys.executable, "-m", "appliance.cli", "reload", "--port",
                           str(service["port"])], capture_output=True, text=True,
                          env=env or service["env"], timeout=60)


def test_reload_command_swaps_providers_and_a_bad_file_changes_nothing(service):
    # By default: the small model and the larger tier for follow-ups.
    assert llm_providers(service) == ["local", "local-large"]
    service["config"].write_text(REMOTE)
    done = reload(service)
    assert done.returncode == 0, done.stderr
    assert "llm: local, cloud" in done.stdout
    assert llm_providers(service) == ["local", "cloud"]

    service["config"].write_text('[llm]\nmodel = "gpt-9"\n')
    done = reload(service)
    assert done.returncode == 2 and "llm.model" in done.stderr
    assert llm_providers(service) == ["local", "cloud"]  # the old settings stay


def test_sighup_reloads_and_reload_needs_the_token(service):
    service["config"].write_text(REMOTE)
    service["process"].send_signal(signal.SIGHUP)
    deadline = time.monotonic() + 20
    while llm_providers(service) != ["local", "cloud"]:
        assert time.monotonic() < deadline, "SIGHUP did not reload"
        time.sleep(0.1)
    assert httpx.get(f"{service['base']}/healthz").status_code == 200
    env = {k: v for k, v in service["env"].items() if k != "APPLIANCE_API_TOKEN"}
    done = reload(service, env={**env, "APPLIANCE_API_TOKEN": "wrong"})
    assert done.returncode == 2 and "401" in done.stderr
    assert httpx.post(f"{service['base']}/admin/reload").status_code == 401

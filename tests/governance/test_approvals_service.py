"""A risky spoken request through `appliance serve` over TLS: it waits for a person, a viewer
cannot approve it, an operator does (`appliance approvals`), the refund happens, the audit
shows who decided; then a policy reloaded at run time refuses the same request, typed."""

import asyncio
import datetime
import ipaddress
import json
import os
import ssl
import subprocess
import sys
import time

import httpx
import numpy as np
import pytest
import websockets
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from appliance.governance.tokens import TokenStore
from tests.remote.servers import free_port

pytestmark = pytest.mark.models

REQUEST = "Refund two hundred and fifty dollars for order 42."


def self_signed(folder):
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(minutes=1))
            .not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .sign(key, hashes.SHA256()))
    (folder / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (folder / "key.pem").write_bytes(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()))
    return folder / "cert.pem", folder / "key.pem"


def write_config(path, cert, key, port, extra=""):
    path.write_text(f'[service]\nport = {port}\ntls_certfile = "{cert}"\ntls_keyfile = "{key}"\n'
                    f'[tools]\nenabled = true\n[governance.policy]\napproval_timeout_s = 90\n'
                    + extra)


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tls-service")
    cert, key = self_signed(folder)
    port = free_port()
    config = folder / "appliance.toml"
    write_config(config, cert, key, port)
    env = {**os.environ, "APPLIANCE_STATE_DIR": str(folder / "state"),
           "APPLIANCE_CONFIG": str(config), "SSL_CERT_FILE": str(cert)}
    store = TokenStore(folder / "state" / "tokens.db")
    tokens = {role: store.create(role, f"{role} test")[1] for role in
              ("client", "viewer", "operator")}
    log = (folder / "serve.log").open("w")
    process = subprocess.Popen([sys.executable, "-m", "appliance.cli", "serve", "-v"], env=env,
                               stdout=log, stderr=subprocess.STDOUT, text=True)
    base = f"https://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        assert process.poll() is None, (folder / "serve.log").read_text()[-3000:]
        try:
            if httpx.get(f"{base}/readyz", verify=str(cert), timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            pass
        assert time.monotonic() < deadline, "service never became ready"
        time.sleep(0.2)
    yield {"base": base, "ws": f"wss://127.0.0.1:{port}/ws", "tokens": tokens, "env": env,
           "cert": cert, "key": key, "config": config, "port": port, "folder": folder}
    process.terminate()
    process.wait(timeout=30)


async def converse(service, samples, while_waiting=None, timeout_s=120):
    """Speak, keep sending room silence, collect events until the turn event."""
    tls = ssl.create_default_context(cafile=str(service["cert"]))
    url = f"{service['ws']}?token={service['tokens']['client']}"
    events = []
    async with websockets.connect(url, ssl=tls) as ws:
        assert json.loads(await ws.recv())["type"] == "hello"

        async def send_audio():
            padded = np.concatenate([samples, np.zeros(16000 * 120, dtype=np.int16)])
            for i in range(0, len(padded), 320):
                await ws.send(padded[i:i + 320].tobytes())
                await asyncio.sleep(0.02)

        sender = asyncio.create_task(send_audio())
        helper = asyncio.create_task(while_waiting()) if while_waiting else None
        try:
            async with asyncio.timeout(timeout_s):
                while True:
                    message = await ws.recv()
                    if isinstance(message, str):
                        events.append(json.loads(message))
                        if events[-1]["type"] == "turn":
                            break
                if helper:
                    await helper
        except TimeoutError:
            raise AssertionError(f"no turn within {timeout_s} s; events: {events}") from None
        finally:
            sender.cancel()
            if helper and not helper.done():
                helper.cancel()
    assert events and events[-1]["type"] == "turn", events
    return events[-1]


async def api(service, method, path, role, **kwargs):
    async with httpx.AsyncClient(verify=str(service["cert"]), timeout=60) as http:
        return await http.request(method, f"{service['base']}{path}", **kwargs, headers={
            "Authorization": f"Bearer {service['tokens'][role]}"})


def cli(service, *args):
    return subprocess.run([sys.executable, "-m", "appliance.cli", *args], capture_output=True,
                          text=True, timeout=60, env=service["env"])


async def test_a_risky_request_waits_for_an_operator_then_a_reloaded_policy_refuses_it(
        service, speak):
    tokens = service["tokens"]
    ledger = service["folder"] / "state" / "refunds.jsonl"
    decided = {}

    async def operator():
        # Wait for the request to show up, as an operator watching the queue would.
        while True:
            listed = await asyncio.to_thread(cli, service, "approvals", "list", "--token",
                                             tokens["viewer"])
            assert listed.returncode == 0, listed.stderr
            if "issue_refund" in listed.stdout:
                break
            await asyncio.sleep(0.5)
        approval_id = listed.stdout.split()[0]
        assert not ledger.exists()  # nothing happened before the decision
        viewer = await api(service, "POST", f"/approvals/{approval_id}", "viewer",
                           json={"approve": True})
        assert viewer.status_code == 403
        approved = await asyncio.to_thread(cli, service, "approvals", "approve", approval_id,
                                           "--token", tokens["operator"], "--note", "checked")
        assert approved.returncode == 0, approved.stderr
        decided["out"] = approved.stdout

    turn = await converse(service, speak(REQUEST), operator)
    assert "approved by operator test" in decided["out"]
    assert "approve" in turn["reply"].lower()  # the user heard that it waits for a person
    assert json.loads(ledger.read_text())["amount_usd"] == 250
    approvals = (await api(service, "GET", "/audit", "viewer",
                           params={"kind": "approval"})).json()
    events = [r["data"] for r in approvals["records"]]
    assert [e["event"] for e in events] == ["requested", "approved"]
    assert events[1]["decided_by"].startswith("operator test")
    assert all(r["turn_id"] == turn["turn_id"] for r in approvals["records"])

    # Policy changed at run time: every refund over 100 is now refused, no restart.
    write_config(service["config"], service["cert"], service["key"], service["port"],
                 '[[governance.policy.rules]]\ntool = "issue_refund"\naction = "deny"\n'
                 'arguments = { amount_usd = { above = 100 } }\n'
                 'explanation = "Refunds over 100 dollars are handled by the shop."\n')
    reload = await api(service, "POST", "/admin/reload", "operator")
    assert reload.status_code == 200, reload.text
    # Typed this time (the console's playground): the spoken half above already showed the
    # voice path, and Whisper tiny mishearing "refund" under load must not decide this part.
    typed = await api(service, "POST", "/console/playground", "operator",
                      data={"text": "Refund 250 dollars for order 42."})
    assert typed.status_code == 200, typed.text
    assert "handled by the shop" in typed.json()["reply"]
    assert len(ledger.read_text().splitlines()) == 1
    verify = (await api(service, "GET", "/audit/verify", "viewer")).json()
    assert verify["ok"] is True

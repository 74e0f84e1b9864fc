"""Every endpoint but the health probes refuses a missing, wrong, revoked or under-privileged
token; roles decide who may converse, read and configure. Tokens are stored hashed."""

import sqlite3

import pytest
from fastapi.testclient import TestClient
from starlette.websockets import WebSocketDisconnect

from appliance.cli import main
from appliance.config import ServiceSettings, Settings
from appliance.governance.tokens import TokenStore
from appliance.service.protocol import WS_POLICY_VIOLATION
from appliance.service.server import create_app

pytestmark = pytest.mark.unit

# (method, path, permission it needs)
ENDPOINTS = [
    ("GET", "/v1/models", "converse"),
    ("POST", "/v1/chat/completions", "converse"),
    ("POST", "/v1/audio/transcriptions", "converse"),
    ("POST", "/v1/audio/speech", "converse"),
    ("POST", "/v1/agents/orders/turn", "converse"),
    ("POST", "/admin/reload", "configure"),
    ("GET", "/admin/routes", "read"),
    ("GET", "/audit", "read"),
    ("GET", "/audit/verify", "read"),
    ("GET", "/approvals", "read"),
    ("POST", "/approvals/1-abc", "approve"),
    ("GET", "/metrics", "read"),
    ("GET", "/admin/config", "read"),
    ("POST", "/admin/providers/llm/local", "configure"),
    ("GET", "/console/me", "read"),
    ("GET", "/console/status", "read"),
    ("GET", "/console/audit/export", "read"),
    ("POST", "/console/playground", "configure"),
    ("GET", "/console/bench", "read"),
    ("POST", "/console/bench", "configure"),
    ("GET", "/openapi.json", "configure"),
    ("POST", "/console/logout", "none"),
]
# Open to anyone: the probes, the console's page and its static files, logging in and out.
OPEN = {"/healthz", "/readyz", "/console", "/console/static", "/console/login",
        "/console/logout", "/console/events", "/ws"}
ROLE_MAY = {"viewer": {"read"}, "client": {"converse"},
            "operator": {"read", "converse", "configure", "approve"}}


@pytest.fixture
def service(tmp_path, monkeypatch):
    monkeypatch.delenv("APPLIANCE_API_TOKEN", raising=False)
    store = TokenStore(tmp_path / "tokens.db")
    tokens = {role: store.create(role, f"test {role}")[1] for role in ROLE_MAY}
    revoked_info, revoked = store.create("operator", "old")
    store.revoke(revoked_info.token_id)
    settings = Settings(service=ServiceSettings(tokens_path=tmp_path / "tokens.db"))
    # No lifespan: models never load, so an allowed request ends in 503, a refused one
    # in 401/403 — the check comes first.
    client = TestClient(create_app(settings))
    return client, tokens, revoked


def _call(client, method, path, token=None):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return client.request(method, path, headers=headers)


def test_the_table_covers_every_route_the_service_has(service):
    client, _, _ = service
    concrete = {"1-abc": "{approval_id}", "llm/local": "{role}/{name}",
                "agents/orders": "agents/{name}"}
    table = set()
    for method, path, _ in ENDPOINTS:
        for value, pattern in concrete.items():
            path = path.replace(value, pattern)
        table.add((method, path))
    routes = []
    for route in client.app.routes:  # included routers list their routes as candidates
        candidates = route.effective_candidates() if hasattr(route, "effective_candidates") \
            else [route]
        routes += [(c.path, getattr(c, "methods", None) or {"GET"}) for c in candidates]
    assert len(routes) > 20
    for path, methods in routes:
        for method in set(methods) - {"HEAD"}:
            if path not in OPEN:
                assert (method, path) in table, f"{method} {path} is not in ENDPOINTS"


@pytest.mark.parametrize(("method", "path", "permission"),
                         [e for e in ENDPOINTS if e[2] != "none"])
def test_no_wrong_or_revoked_token_gets_in(service, method, path, permission):
    client, _, revoked = service
    for token in (None, "apl_not-a-real-token", revoked):
        response = _call(client, method, path, token)
        assert response.status_code == 401, (token, response.text)
        assert "token" in response.text


@pytest.mark.parametrize(("method", "path", "permission"),
                         [e for e in ENDPOINTS if e[2] != "none"])
def test_each_role_gets_exactly_its_permissions(service, method, path, permission):
    client, tokens, _ = service
    for role, token in tokens.items():
        response = _call(client, method, path, token)
        if permission in ROLE_MAY[role]:
            assert response.status_code not in (401, 403), (role, response.text)
        else:
            assert response.status_code == 403, (role, response.text)
            assert f"the {role} role may not {permission}" in response.text


def test_health_probes_stay_open(service):
    client, _, _ = service
    assert client.get("/healthz").status_code == 200
    assert client.get("/readyz").status_code == 503  # loading, but it answers


@pytest.mark.parametrize("role_or_token", [None, "bogus", "viewer"])
def test_the_websocket_refuses_without_a_converse_token(service, role_or_token):
    client, tokens, _ = service
    token = tokens.get(role_or_token, role_or_token)
    path = f"/ws?token={token}" if token else "/ws"
    with client.websocket_connect(path) as ws, pytest.raises(WebSocketDisconnect) as closed:
        ws.receive_json()
    assert closed.value.code == WS_POLICY_VIOLATION
    assert "token" in closed.value.reason or "may not" in closed.value.reason


def test_a_client_token_is_let_into_the_websocket(service):
    client, tokens, _ = service
    # Past the token check: the service says its models are still loading.
    with client.websocket_connect("/ws", headers={"Authorization": f"Bearer {tokens['client']}"}
                                  ) as ws, pytest.raises(WebSocketDisconnect) as closed:
        ws.receive_json()
    assert closed.value.code != WS_POLICY_VIOLATION


def test_the_console_logs_in_only_operators_and_guards_changes_with_its_header(service):
    client, tokens, revoked = service
    assert client.get("/console").status_code == 200  # the page itself (with its login form)
    for token, status in (("apl_wrong", 401), (revoked, 401), (tokens["viewer"], 403),
                          (tokens["client"], 403)):
        refused = client.post("/console/login", json={"token": token})
        assert refused.status_code == status, refused.text
        assert "appliance_console" not in refused.cookies
    assert "operator" in client.post("/console/login",
                                     json={"token": tokens["viewer"]}).json()["error"]
    assert client.post("/console/login", json={}).status_code == 400
    logged_in = client.post("/console/login", json={"token": tokens["operator"]})
    assert logged_in.status_code == 200 and logged_in.json()["role"] == "operator"
    assert "httponly" in logged_in.headers["set-cookie"].lower()
    assert "samesite=strict" in logged_in.headers["set-cookie"].lower()
    assert tokens["operator"] not in logged_in.headers["set-cookie"]
    # The cookie now stands for the token: reads work, and writes need the console's header.
    assert client.get("/console/me").json()["role"] == "operator"
    forged = client.post("/admin/reload")
    assert forged.status_code == 403 and "x-appliance-console" in forged.text
    assert client.post("/admin/reload", headers={"X-Appliance-Console": "1"}).status_code == 503
    client.post("/console/logout")
    assert client.get("/console/me").status_code == 401


def test_revoking_the_token_ends_its_console_sessions(service, tmp_path):
    client, _, _ = service
    store = TokenStore(tmp_path / "tokens.db")
    info, token = store.create("operator", "soon revoked")
    assert client.post("/console/login", json={"token": token}).status_code == 200
    assert client.get("/console/me").status_code == 200
    store.revoke(info.token_id)
    assert client.get("/console/me").status_code == 401


def test_tokens_are_stored_hashed(tmp_path):
    store = TokenStore(tmp_path / "tokens.db")
    _, token = store.create("operator")
    raw = (tmp_path / "tokens.db").read_bytes()
    assert token.encode() not in raw
    assert (tmp_path / "tokens.db").stat().st_mode & 0o777 == 0o600
    stored = sqlite3.connect(tmp_path / "tokens.db").execute("SELECT digest FROM tokens").fetchone()
    assert len(stored[0]) == 64 and token not in stored[0]


def test_tokens_command_creates_lists_and_revokes(tmp_path, capsys):
    config = tmp_path / "appliance.toml"
    config.write_text(f'[service]\ntokens_path = "{tmp_path / "tokens.db"}"\n')
    assert main(["tokens", "--config", str(config), "create", "--role", "viewer",
                 "--name", "dashboard"]) == 0
    out = capsys.readouterr()
    token = out.out.strip()
    assert token.startswith("apl_") and "shown only now" in out.err
    assert main(["tokens", "--config", str(config), "list"]) == 0
    listed = capsys.readouterr().out
    assert "viewer" in listed and "dashboard" in listed and token not in listed
    token_id = listed.split()[0]
    assert main(["tokens", "--config", str(config), "revoke", token_id]) == 0
    assert TokenStore(tmp_path / "tokens.db").lookup(token) is None
    assert main(["tokens", "--config", str(config), "revoke", token_id]) == 2


def test_over_https_the_console_cookie_is_host_only_and_secure(service):
    client, tokens, _ = service
    secure = TestClient(client.app, base_url="https://testserver")
    logged_in = secure.post("/console/login", json={"token": tokens["operator"]})
    cookie = logged_in.headers["set-cookie"]
    assert cookie.startswith("__Host-appliance_console=")
    assert "secure" in cookie.lower() and "path=/" in cookie.lower()
    assert "domain=" not in cookie.lower()  # the prefix forbids it: this host only
    assert secure.get("/console/me").json()["role"] == "operator"
    secure.post("/console/logout", headers={"X-Appliance-Console": "1"})
    assert secure.get("/console/me").status_code == 401

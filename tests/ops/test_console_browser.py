"""The web console in a real headless Chromium against a real `appliance serve` with the real
models: log in, run playground turns, watch a live conversation, approve a pending refund,
demote a provider, and use it on a phone-sized screen. Screenshots go to test-artifacts/."""

import asyncio
import datetime
import json
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from importlib import resources
from pathlib import Path

import httpx
import pytest

from appliance.audio.wav import read_wav
from appliance.governance.tokens import TokenStore
from tests.remote.servers import free_port
from tests.service.test_websocket_service import ask

pytestmark = pytest.mark.models

CHROMIUM = "/usr/bin/chromium"
# Flags for a closed network: without the background ones Chromium keeps dialling out.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
ARTIFACTS = Path(os.environ.get("APPLIANCE_TEST_ARTIFACTS", "test-artifacts")) / "console"
EXAMPLE = Path(str(resources.files("appliance.examples").joinpath(
    "what-is-the-capital-of-france.wav")))
TURN_TIMEOUT_MS = 90_000


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    folder = tmp_path_factory.mktemp("console")
    port = free_port()
    config = folder / "appliance.toml"
    # The cost ledger as an earlier run left it: yesterday a priced cloud model was used.
    ledger = folder / "cost.json"
    yesterday = (datetime.date.today() - datetime.timedelta(days=1)).isoformat()
    ledger.write_text(json.dumps({"date": yesterday, "spent_usd": {"cloud": 0.0123},
                                  "history": {}}))
    config.write_text(f"[service]\nport = {port}\n[tools]\nenabled = true\n"
                      "[governance.policy]\napproval_timeout_s = 120\n"
                      f'[routing]\ncost_ledger_path = "{ledger}"\n')
    state = folder / "state"
    store = TokenStore(state / "tokens.db")
    tokens = {role: store.create(role, f"{role} in the browser test")[1]
              for role in ("operator", "viewer", "client")}
    env = {**os.environ, "APPLIANCE_STATE_DIR": str(state), "APPLIANCE_CONFIG": str(config)}
    env.pop("APPLIANCE_API_TOKEN", None)
    log = (folder / "serve.log").open("w")
    process = subprocess.Popen([sys.executable, "-m", "appliance.cli", "serve"], env=env,
                               stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        assert process.poll() is None, (folder / "serve.log").read_text()[-3000:]
        try:
            if httpx.get(f"{base}/readyz", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            pass
        assert time.monotonic() < deadline, "service never became ready"
        time.sleep(0.2)
    # The ledger's day, kept: a run that crosses midnight must not look for another one.
    yield {"base": base, "port": port, "tokens": tokens, "state": state, "ledger_day": yesterday}
    process.terminate()
    process.wait(timeout=30)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), \
        "Chromium is missing: run scripts/install-system-deps.sh (apt install chromium)"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not errors, f"the page raised JavaScript errors: {errors}"


def log_in(page, service, role="operator"):
    page.goto(f"{service['base']}/console")
    page.fill("#token", service["tokens"][role])
    page.click("#login-form button")
    page.wait_for_selector("#app:not([hidden])")
    page.wait_for_selector("#readiness.ok")


def shot(page, name):
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def tab(page, name):
    page.click(f"#tabs button[data-tab={name}]")


def test_a_wrong_or_viewer_token_is_refused_and_the_console_stays_locked(page, service):
    page.goto(f"{service['base']}/console")
    page.fill("#token", "apl_not-a-real-token")
    page.click("#login-form button")
    page.wait_for_selector("#login-error:has-text('not valid')")
    assert page.is_hidden("#app")
    shot(page, "01-wrong-token-refused")
    page.fill("#token", service["tokens"]["viewer"])
    page.click("#login-form button")
    page.wait_for_selector("#login-error:has-text('needs an operator token')")
    assert page.is_hidden("#app")
    # Nothing behind the login answers without the session either.
    assert page.request.get(f"{service['base']}/console/status").status == 401


def test_a_playground_wav_turn_shows_transcript_waterfall_logs_and_audit_entry(page, service):
    log_in(page, service)
    tab(page, "playground")
    page.set_input_files("#play-wav input[type=file]", str(EXAMPLE))
    page.click("#play-wav button")
    page.wait_for_selector("#play-result:not([hidden])", timeout=TURN_TIMEOUT_MS)
    assert "capital of france" in page.inner_text("#play-transcript").lower()
    assert "paris" in page.inner_text("#play-reply").lower()
    stages = page.eval_on_selector_all("#play-waterfall .wf-row",
                                       "rows => rows.map(r => r.dataset.stage)")
    assert {"vad", "stt", "eot", "llm", "tts", "v2v"} <= set(stages)
    widths = page.eval_on_selector_all("#play-waterfall .wf-bar",
                                       "bars => bars.map(b => b.getBoundingClientRect().width)")
    assert all(w > 0 for w in widths)
    llm_label = page.inner_text("#play-waterfall [data-stage=llm] .wf-label")
    assert "local" in llm_label and "stay local" in llm_label  # provider and route reason
    assert page.locator("#play-logs details[data-node^=ProviderSTTService]").count() == 1
    assert page.eval_on_selector("#play-audio", "a => a.src.startsWith('data:audio/wav')")
    shot(page, "02-playground-wav")

    tab(page, "audit")
    page.fill("#audit-form input[name=q]", "capital of France")
    page.click("#audit-form button[type=submit]")
    page.wait_for_selector("#audit tbody tr[data-kind=turn]")
    assert "paris" in page.inner_text("#audit tbody tr[data-kind=turn]").lower()
    page.click("#verify")
    page.wait_for_selector("#verify-result:has-text('Intact')")
    shot(page, "03-audit-search-and-tamper-check")


def test_the_live_view_shows_a_websocket_conversation_as_it_happens(page, service):
    log_in(page, service)
    url = f"ws://127.0.0.1:{service['port']}/ws?token={service['tokens']['client']}"
    # Playwright's sync API keeps an event loop running in this thread: talk from another.
    with ThreadPoolExecutor(1) as talker:
        result = talker.submit(asyncio.run, ask(url, read_wav(EXAMPLE))).result(timeout=120)
    turn = result["events"][-1]
    row = f"#sessions .turn[data-turn='{turn['turn_id']}']"
    page.wait_for_selector(row, timeout=10_000)
    assert "paris" in page.inner_text(f"{row} .answer").lower()
    assert "capital of france" in page.inner_text(f"{row} .said").lower()
    assert page.locator("#sessions [data-session^=ws-]").count() >= 1
    page.wait_for_selector("#latest-waterfall [data-stage=stt]")
    shot(page, "04-live-conversation")


def test_an_operator_approves_a_pending_refund_from_the_console(page, service):
    log_in(page, service)
    tab(page, "playground")
    page.fill("#play-text input[name=text]", "Refund 250 dollars for order 42.")
    page.click("#play-text button")
    tab(page, "approvals")
    card = page.wait_for_selector("#approvals [data-approval]", timeout=TURN_TIMEOUT_MS)
    assert "issue_refund" in card.inner_text() and "250" in card.inner_text()
    assert page.inner_text("#approval-count") == "1"
    shot(page, "05-approval-waiting")
    card.query_selector("button:has-text('Approve')").click()
    page.wait_for_selector("#decisions li:has-text('approved')", timeout=10_000)
    tab(page, "playground")
    page.wait_for_selector("#play-result:not([hidden])", timeout=TURN_TIMEOUT_MS)
    shot(page, "06-approved-refund-answered")
    llm = page.inner_text("#play-waterfall [data-stage=llm] .wf-label")
    assert "qwen2.5-0.5b" in llm and "tool call: issue_refund" in llm
    ledger = service["state"] / "refunds.jsonl"
    refunds = [json.loads(line) for line in ledger.read_text().splitlines()]
    assert [r["amount_usd"] for r in refunds] == [250]
    decisions = httpx.get(f"{service['base']}/audit", params={"kind": "approval"}, headers={
        "Authorization": f"Bearer {service['tokens']['operator']}"}).json()["records"]
    assert any(r["data"].get("event") == "approved"
               and "operator in the browser test" in r["data"]["decided_by"] for r in decisions)


def operator_get(service, path, **params) -> dict:
    return httpx.get(f"{service['base']}{path}", params=params, headers={
        "Authorization": f"Bearer {service['tokens']['operator']}"}).json()


def speak_a_typed_question(page) -> str:
    """Run a typed playground turn; the selector of its voice's route label."""
    tab(page, "playground")
    page.fill("#play-text input[name=text]", "What is the capital of France?")
    page.click("#play-text button")
    return "#play-waterfall [data-stage=tts] .wf-label"


def test_demoting_and_promoting_a_provider_from_the_providers_tab(page, service):
    log_in(page, service)
    tab(page, "providers")
    row = "#providers tr[data-provider='tts/local']"
    page.wait_for_selector(row)
    page.click(f"{row} button:has-text('Demote')")
    page.wait_for_selector(f"{row} td:has-text('demoted by operator')")
    shot(page, "07-provider-demoted")
    assert operator_get(service, "/admin/routes")["routers"]["tts"]["local"][
        "demoted_by_operator"]
    # The next turn's voice: its only provider is out of use, so it is a last resort.
    label = speak_a_typed_question(page)
    page.wait_for_selector(f"{label}:has-text('no provider is healthy; trying all')",
                           timeout=TURN_TIMEOUT_MS)

    tab(page, "providers")
    page.click(f"{row} button:has-text('Promote')")
    page.wait_for_selector(f"{row} td:has-text('in use')")
    assert not operator_get(service, "/admin/routes")["routers"]["tts"]["local"]["demoted"]
    label = speak_a_typed_question(page)
    page.wait_for_selector(f"{label}:has-text(\"stay local on 'local'\")",
                           timeout=TURN_TIMEOUT_MS)

    # Both overrides are in the audit trail, with the operator's token name.
    actions = [r["data"] for r in operator_get(service, "/audit", kind="operator_action",
                                               newest_first="true", limit=2)["records"]]
    assert [(a["action"], a["role"], a["provider"]) for a in reversed(actions)] == [
        ("demote", "tts", "local"), ("promote", "tts", "local")]
    assert all(a["by"].startswith("operator in the browser test (token ") for a in actions)


def test_costs_show_each_provider_per_day(page, service):
    log_in(page, service)
    tab(page, "costs")
    row = page.wait_for_selector(f"#costs tbody tr:has-text('{service['ledger_day']}')")
    assert "$0.0123" in row.inner_text()
    assert "cloud" in page.inner_text("#costs thead")
    assert "turns in the last hour" in page.inner_text("#rate-summary")
    shot(page, "09-costs")


def test_a_benchmark_run_from_the_console_shows_progress_and_its_summary(page, service):
    log_in(page, service)
    tab(page, "bench")
    page.fill("#bench-count", "2")
    page.click("#bench-form button")
    page.wait_for_selector("#bench-progress:not([hidden])")
    page.wait_for_selector("#bench-status:has-text('Utterance')", timeout=TURN_TIMEOUT_MS)
    shot(page, "10-benchmark-running")
    page.wait_for_selector("#bench-summary:not([hidden])", timeout=TURN_TIMEOUT_MS)
    v2v = page.inner_text("#bench-summary tr[data-stage=voice_to_voice]")
    assert "ms" in v2v and v2v.strip().endswith("2")  # n = 2 utterances measured
    assert "Word error rate" in page.inner_text("#bench-extra")
    assert page.is_hidden("#bench-progress")
    shot(page, "11-benchmark-done")


def test_every_tab_fits_a_phone_sized_screen(browser, service):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    log_in(page, service)
    for name in ("live", "providers", "costs", "audit", "approvals", "playground", "bench",
                 "config"):
        tab(page, name)
        page.wait_for_timeout(300)
        overflow = page.evaluate("document.documentElement.scrollWidth")
        assert overflow <= 392, f"the {name} tab is {overflow}px wide on a 390px screen"
        if name in ("live", "playground", "costs"):
            shot(page, f"08-phone-{name}")
    context.close()

"""Every HTTP route of the real service (real models, real uvicorn) answers any request —
random methods, paths, queries, headers, tokens of every role, lying lengths, random and
almost-valid bodies — with a status below 500 and no traceback in its logs, and stays ready."""

import io
import json
import random
import socket
import tempfile
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
import soundfile
from hypothesis import given
from hypothesis import strategies as st

from appliance.config import ServiceSettings, Settings
from appliance.service.console_sessions import COOKIE, CSRF_HEADER
from appliance.service.server import create_app
from tests.fuzz import (
    RESULTS,
    assert_no_failures,
    check_log,
    count,
    fuzz_settings,
    record_failure,
    still_ready,
)

pytestmark = pytest.mark.models

MAX_RELOADS = 3  # a valid /admin/reload rebuilds the providers: a few are enough
READ_TIMEOUT_S = 90


@dataclass
class Answer:
    status: int | None
    head: bytes
    body: bytes


def routes_of(app) -> list[tuple[str, set[str]]]:
    """(path template, methods) of every route, included routers' and mounts' too."""
    found = []
    for route in app.routes:
        candidates = route.effective_candidates() if hasattr(route, "effective_candidates") \
            else [route]
        for c in candidates:
            if c.__class__.__name__ == "Mount":
                found.append((c.path + "/{file}", {"GET", "HEAD"}))
            elif c.__class__.__name__.endswith("WebSocketRoute"):
                found.append((c.path, {"GET"}))
            else:
                found.append((c.path, set(getattr(c, "methods", None) or {"GET"})))
    return found


def send(port: int, method: bytes, target: bytes, headers: list[tuple[bytes, bytes]],
         body: bytes, framing: str, splits: list[int]) -> tuple[bytes, Answer]:
    """Send one request on a fresh socket; return it and what the server answered."""
    head = [method + b" " + target + b" HTTP/1.1", b"Host: 127.0.0.1", b"Connection: close"]
    head += [name + b": " + value for name, value in headers]
    payload = body
    if framing == "exact":
        head.append(b"Content-Length: %d" % len(body))
    elif framing == "longer":
        head.append(b"Content-Length: %d" % (len(body) + 1 + splits[0] % 1000))
    elif framing == "shorter" and body:
        head.append(b"Content-Length: %d" % (splits[0] % len(body)))
    elif framing == "bogus":
        head.append(b"Content-Length: " + random.Random(len(body)).choice(
            [b"-1", b"abc", b"1e3", b" 5", b"99999999999999999999999", b"0x10", b"5, 6"]))
    elif framing == "chunked":
        head.append(b"Transfer-Encoding: chunked")
        pieces, start = [], 0
        for cut in sorted(s % (len(body) + 1) for s in splits):
            pieces.append(body[start:cut])
            start = cut
        pieces.append(body[start:])
        payload = b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in pieces if p) + b"0\r\n\r\n"
    request = b"\r\n".join(head) + b"\r\n\r\n" + payload
    answer = b""
    with socket.create_connection(("127.0.0.1", port), timeout=READ_TIMEOUT_S) as sock:
        try:
            sock.sendall(request)
        except (BrokenPipeError, ConnectionResetError):
            pass
        try:
            while part := sock.recv(65536):
                answer += part
                if b"\r\n\r\n" in answer and b"text/event-stream" in answer.split(
                        b"\r\n\r\n")[0].lower():
                    break  # a live feed never ends; its head is the answer
        except (ConnectionResetError, TimeoutError):
            pass
    status_line = answer.split(b"\r\n", 1)[0].split(b" ")
    status = int(status_line[1]) if len(status_line) > 1 and status_line[1].isdigit() else None
    head_part, _, body_part = answer.partition(b"\r\n\r\n")
    return request, Answer(status, head_part, body_part)


def wav(seconds: float, rate: int, channels: int, subtype: str, seed: int) -> bytes:
    samples = np.random.default_rng(seed).uniform(-0.3, 0.3, (int(seconds * rate), channels))
    buffer = io.BytesIO()
    soundfile.write(buffer, samples, rate, format="WAV", subtype=subtype)
    return buffer.getvalue()


def multipart(fields: list[tuple[str, bytes, str | None]], boundary: str) -> bytes:
    parts = []
    for name, value, filename in fields:
        disposition = f'form-data; name="{name}"' + (f'; filename="{filename}"'
                                                      if filename else "")
        parts.append(f"--{boundary}\r\nContent-Disposition: {disposition}\r\n\r\n".encode()
                     + value + b"\r\n")
    return b"".join(parts) + f"--{boundary}--\r\n".encode()


text = st.text(st.characters(exclude_categories=("Cs",)), max_size=30)


def usually(valid, odd):
    """`valid` four times in five, else `odd`."""
    return st.integers(0, 99).flatmap(lambda n: valid if n < 80 else odd)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(text, inner, max_size=4),
    max_leaves=15)
wav_files = usually(
    st.builds(wav, st.sampled_from([0.05, 0.3, 1.0]), st.sampled_from([8000, 16000, 44100]),
              st.integers(1, 2), st.sampled_from(["PCM_16", "PCM_U8", "FLOAT", "PCM_24"]),
              st.integers(0, 99)),
    st.binary(max_size=300) | st.builds(
        lambda w, at, value: w[:at] + bytes([value]) + w[at + 1:],
        st.builds(wav, st.just(0.2), st.just(16000), st.just(1), st.just("PCM_16"), st.just(1)),
        st.integers(0, 60), st.integers(0, 255)),
)
content_parts = st.lists(st.fixed_dictionaries(
    {"text": st.text(max_size=20) | json_values},
    optional={"type": st.sampled_from(["text", "image"]) | text}), max_size=3)
message = st.fixed_dictionaries(
    {"role": usually(st.sampled_from(["system", "developer", "user", "assistant"]),
                     st.sampled_from(["tool", ""]) | text)},
    optional={"content": st.one_of(
        st.text(max_size=40), st.none(), json_values, content_parts, content_parts,
        st.integers(2000, 60000).map(lambda n: "word " * n))})
valid_message = st.fixed_dictionaries({
    "role": st.sampled_from(["system", "developer", "user", "assistant"]),
    "content": st.text(max_size=40) | st.lists(st.fixed_dictionaries(
        {"type": st.just("text"), "text": usually(st.text(max_size=20), json_values)}),
        max_size=2)})
SHAPED = {
    "/v1/chat/completions": st.fixed_dictionaries(
        {"messages": usually(st.lists(valid_message, min_size=1, max_size=3),
                             st.lists(message, max_size=3) | json_values),
         "max_tokens": usually(st.integers(1, 4), json_values)},
        optional={"max_completion_tokens": st.integers(1, 4),
                  "temperature": usually(st.floats(0, 2), json_values),
                  "stream": st.booleans(),
                  "stream_options": usually(st.fixed_dictionaries(
                      {"include_usage": st.booleans()}), json_values),
                  "n": usually(st.just(1), st.integers()), "model": text}),
    "/v1/audio/speech": st.fixed_dictionaries(
        {"input": usually(st.text(min_size=1, max_size=24), json_values)},
        optional={"response_format": usually(st.sampled_from(["wav", "pcm"]),
                                             st.just("mp3") | json_values),
                  "speed": usually(st.just(1.0), st.sampled_from([1, 0.5, 4.1]) | json_values),
                  "voice": text, "model": text}),
    "/console/login": st.fixed_dictionaries({"token": usually(st.sampled_from(
        ["@operator", "@viewer", "@client", "@revoked", " @operator "]), json_values)}),
    "/approvals/{approval_id}": st.fixed_dictionaries(
        {"approve": usually(st.booleans(), json_values)}, optional={"note": json_values}),
    "/admin/providers/{role}/{name}": st.fixed_dictionaries(
        {"action": usually(st.sampled_from(["demote", "promote"]), json_values)}),
    "/console/bench": st.fixed_dictionaries(  # never a valid count: that runs a benchmark
        {"utterances": st.sampled_from([0, 41, -1, 10**20, "5", 2.5, None, [], {}])}),
}
PATH_VALUES = {"approval_id": ["1-abc", "0", ""], "role": ["llm", "stt", "tts", "x"],
               "name": ["local", "local-large", "nope"],
               "file": ["index.html", "app.js", "style.css", "../../config.py",
                        "..%2f..%2fpyproject.toml", "%00", "a" * 300]}
QUERY_KEYS = ["since", "turn_id", "kind", "q", "limit", "newest_first", "before_seq",
              "after_seq", "token", "client", "stream"]
query_values = st.one_of(text, st.integers().map(str), st.sampled_from(
    ["", "nan", "inf", "-1", "9" * 40, "2026-11-01T08:00", "true", "0", "null", "[]"]))
AUTHS = ["none", "operator", "viewer", "client", "revoked", "garbage", "basic", "cookie",
         "cookie+csrf", "stale-cookie", "empty-bearer"]


def _mostly(draw) -> bool:
    """True four times in five: the well-formed choice, leaving room for the odd one."""
    return draw(st.integers(0, 99)) < 80  # hypothesis favours the ends of small ranges


@st.composite
def requests(draw, routes):
    path, methods = draw(st.sampled_from(routes))
    template_path = path
    # Two cases in three are well-formed on the outside (method, path, framing, headers,
    # a token) so that they reach the handler's own parsing; the rest are odd anywhere.
    clean = draw(st.integers(0, 99)) < 65

    def mostly(draw) -> bool:
        return clean or _mostly(draw)

    # Mostly what the route takes, so most cases reach its handler.
    method = draw(st.sampled_from(sorted(methods)) if mostly(draw) else st.sampled_from(
        ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "get", "FUZZ"]))
    for name in [p.strip("{}") for p in path.split("/") if p.startswith("{")]:
        value = draw(usually(st.sampled_from(PATH_VALUES.get(name, ["x"])), text))
        path = path.replace("{" + name + "}", urllib.parse.quote(value, safe="%."))
    if not mostly(draw):
        path = draw(st.sampled_from([path + "/", path.upper(), "//" + path]))
    query = draw(st.lists(st.tuples(st.sampled_from(QUERY_KEYS) | text, query_values),
                          max_size=4))
    target = path + ("?" + urllib.parse.urlencode(query) if query else "")
    # Now and then a target no client library would send.
    if not clean and draw(st.integers(0, 30)) == 0:
        target = target + draw(st.sampled_from(["#frag", "?%zz", "?a=%ff%fe", "/../..",
                                                "\x7f", "?" + "a" * 9000]))
    template = draw(st.sampled_from([t for t in SHAPED if _matches(t, path)] or [None]))
    shapely = template or "transcriptions" in path or "playground" in path
    kind = "shaped" if shapely and clean else draw(
        st.sampled_from(["shaped", "json", "bytes", "empty", "multipart"]) if shapely
        else st.sampled_from(["json", "bytes", "empty", "multipart"]))
    boundary = draw(usually(st.just("fuzzboundary"), st.sampled_from(["x", "a" * 70,
                                                                      "\"quoted\""])))
    content_type = None
    if kind == "shaped" and template:
        body, content_type = json.dumps(draw(SHAPED[template])).encode(), "application/json"
    elif kind == "json":
        body, content_type = json.dumps(draw(json_values)).encode(), "application/json"
    elif kind == "bytes":
        body = draw(st.binary(max_size=2000))
    elif kind in ("multipart", "shaped"):
        field = "file" if "transcriptions" in path else draw(st.sampled_from(["audio", "text"]))
        shaped = [] if kind == "multipart" else [
            (field, draw(wav_files), "a.wav") if field != "text"
            else ("text", draw(st.sampled_from([b"What time is it?", b"Hi", b" "])), None)]
        fields = shaped + draw(st.lists(st.tuples(
            st.sampled_from(["file", "audio", "text", "response_format", "language", "model"])
            | text, wav_files | text.map(str.encode) | st.sampled_from(
                [b"json", b"text", b"verbose_json", b"en", b"fr-FR", b"What time is it?"]),
            st.sampled_from([None, "a.wav", "", "../x.wav", "\u00e9.wav"])), max_size=4))
        body = multipart(fields, boundary.strip('"'))
        content_type = f"multipart/form-data; boundary={boundary}"
    else:
        body = b""
    content_type = draw(usually(st.just(content_type), st.sampled_from([
        None, "application/json", "text/plain", "multipart/form-data",
        "application/x-www-form-urlencoded", "multipart/form-data; boundary=",
        "application/json; charset=utf-16", "\u00e9/\u00e9", "*/*"])))
    headers = []
    if content_type is not None:
        headers.append((b"Content-Type", content_type.encode("latin-1", "replace")))
    headers += [] if mostly(draw) else draw(st.lists(st.tuples(
        st.sampled_from([b"Accept", b"Origin", b"X-Forwarded-For", b"Cookie", b"Range",
                         b"Expect", b"X-Appliance-Console", b"Accept-Encoding"]),
        st.binary(max_size=40).map(lambda b: b.replace(b"\r", b"").replace(b"\n", b""))),
        max_size=2))
    auth = draw(st.sampled_from(["operator", "operator", "client", "viewer", "cookie+csrf"])
                if mostly(draw) else st.sampled_from(AUTHS))
    framing = "exact" if mostly(draw) else draw(st.sampled_from(
        ["chunked", "chunked", "none", "shorter", "bogus", "longer"]))
    splits = draw(st.lists(st.integers(0, 10**6), min_size=1, max_size=4))
    return {"method": method, "target": target, "path": path, "route": template_path,
            "headers": headers,
            "body": body, "auth": auth, "framing": framing, "splits": splits}


def _matches(template: str, path: str) -> bool:
    parts, given_parts = template.split("/"), path.split("/")
    return len(parts) == len(given_parts) and all(
        a.startswith("{") or a == b for a, b in zip(parts, given_parts, strict=True))


def authorize(case, service, cookie: str, reloads: list[int]) -> None:
    """Turn the drawn auth into headers; keep benchmarks and reloads from running away."""
    tokens, auth = service["tokens"], case["auth"]
    if case["path"] == "/admin/reload" and auth in ("operator", "cookie+csrf"):
        reloads[0] += 1
        if reloads[0] > MAX_RELOADS:
            auth = "viewer"
    value = {"operator": tokens["operator"], "viewer": tokens["viewer"],
             "client": tokens["client"], "revoked": service["revoked"]}.get(auth)
    headers = case["headers"]
    if value:
        headers.append((b"Authorization", b"Bearer " + value.encode()))
    elif auth == "garbage":
        headers.append((b"Authorization", b"Bearer apl_" + case["target"][:20].encode()
                        .replace(b"\r", b"").replace(b"\n", b"")))
    elif auth == "basic":
        headers.append((b"Authorization", b"Basic dXNlcjpwYXNz"))
    elif auth == "empty-bearer":
        headers.append((b"Authorization", b"Bearer   "))
    elif auth.startswith("cookie") or auth == "stale-cookie":
        session = cookie if auth != "stale-cookie" else "stale-session-id"
        headers.append((b"Cookie", f"{COOKIE}={session}".encode()))
        if auth == "cookie+csrf":
            headers.append((CSRF_HEADER.encode(), b"1"))
    body = case["body"]
    for role in ("operator", "viewer", "client", "revoked"):
        token = tokens.get(role) or service["revoked"]
        body = body.replace(f"@{role}".encode(), token.encode())
    case["body"] = body


def known_bug(case) -> str | None:
    """Which of KNOWN_BUGS a request that got a 5xx triggers, if any."""
    try:
        body = json.loads(case["body"])
    except ValueError:
        return None
    messages = body.get("messages") if isinstance(body, dict) else None
    if case["route"] == "/v1/chat/completions" and isinstance(messages, list) and any(
            isinstance(m, dict) and isinstance(m.get("content"), list) and any(
                isinstance(p, dict) and "text" in p and not isinstance(p["text"], str)
                and p.get("type", "text") == "text" for p in m["content"])
            for m in messages):
        return "chat-content-part-not-text"
    if case["route"] == "/v1/audio/speech" and isinstance(body, dict) and "\x00" in str(
            body.get("input")):
        return "speech-nul-character"
    return None


def _log_in(service) -> str:
    body = json.dumps({"token": service["tokens"]["operator"]}).encode()
    _, answer = send(service["port"], b"POST", b"/console/login",
                     [(b"Content-Type", b"application/json")], body, "exact", [0])
    assert answer.status == 200, answer
    return answer.head.split(f"{COOKIE}=".encode())[1].split(b";")[0].decode()


def _routes_of_a_fresh_app() -> list[tuple[str, set[str]]]:
    """The routes as the service builds them (no lifespan: nothing loads here)."""
    with tempfile.TemporaryDirectory() as folder:
        service = ServiceSettings(tokens_path=Path(folder) / "tokens.db")
        return routes_of(create_app(Settings(service=service)))


ROUTES = _routes_of_a_fresh_app()
RELOADS = [0]


def weight_of(route) -> int:
    """Routes that parse a body get three times the cases of those that only read a query."""
    path, methods = route
    return 3 if methods & {"POST", "PUT", "PATCH"} else 1


BUDGET_PARTS = sum(weight_of(route) for route in ROUTES)


@pytest.fixture(scope="module")
def console_cookie(fuzz_service):
    return _log_in(fuzz_service)


def test_the_fuzzed_routes_are_every_route_the_running_service_has(fuzz_service):
    def as_set(routes):
        return {(path, frozenset(methods)) for path, methods in routes}

    assert as_set(ROUTES) == as_set(routes_of(fuzz_service["app"]))
    assert len(ROUTES) > 20 and any(path == "/ws" for path, _ in ROUTES)


@pytest.mark.parametrize("route", ROUTES, ids=[f"{'|'.join(sorted(m))} {p}" for p, m in ROUTES])
def test_no_request_to_a_route_gets_a_5xx_or_a_traceback(fuzz_service, console_cookie, route):
    service, log = fuzz_service, fuzz_service["log"]
    started = time.monotonic()
    label = f"http {'|'.join(sorted(route[1]))} {route[0]}"

    @fuzz_settings("http", minimum=8, parts=BUDGET_PARTS, weight=weight_of(route))
    @given(requests([route]))
    def run(case):
        authorize(case, service, console_cookie, RELOADS)
        log.start_case(f"HTTP {case['method']} {case['target'][:80]} ({case['auth']})")
        request, answer = send(service["port"], case["method"].encode(),
                               case["target"].encode("utf-8", "surrogateescape"),
                               case["headers"], case["body"], case["framing"], case["splits"])
        count("http")
        status_class = f"{answer.status // 100 if answer.status else 'none'}xx"
        count("http", f"status {status_class}")
        count("http per route", f"{case['route']} {status_class}")
        reproducer = (f"{request[:1500]!r}\n    answered: {answer.head[:200]!r} "
                      f"{answer.body[:300]!r}")
        if answer.status is None:
            record_failure(label, f"no response to {case['method']} {case['path']}", reproducer)
        elif answer.status >= 500:
            count("http", "5xx")
            record_failure(label, f"{answer.status} {case['method']} {case['path']}", reproducer,
                           known=known_bug(case))
        check_log(log, "http", reproducer, failures_of=label)

    run()
    count("http", "seconds", round(time.monotonic() - started))
    time.sleep(0.5)  # a log line written just after its response still counts
    check_log(log, "http", f"(logged after the last case of {route})", failures_of=label)
    assert_no_failures(label)


def test_the_service_is_still_ready_after_the_http_fuzzing(fuzz_service):
    ready = still_ready(fuzz_service)
    count("http", "ready_after", int(ready))
    RESULTS["service_ready_after"] = ready
    assert ready, "the service is no longer ready after the HTTP fuzzing"



def test_speech_of_text_with_a_nul_character_is_not_a_5xx(fuzz_service):
    body = json.dumps({"input": "a\u0000b"}).encode()
    fuzz_service["log"].start_case("speech of text with a NUL character")
    _, answer = send(fuzz_service["port"], b"POST", b"/v1/audio/speech",
                     [(b"Content-Type", b"application/json"), (b"Authorization", b"Bearer "
                       + fuzz_service["tokens"]["client"].encode())], body, "exact", [0])
    time.sleep(0.5)
    fuzz_service["log"].take_new()  # its error line is this test's, not the fuzzers'
    assert answer.status is not None and answer.status < 500, answer


def test_a_content_part_whose_text_is_not_a_string_is_a_400(fuzz_service):
    body = json.dumps({"messages": [{"role": "user", "content": [{"type": "text", "text": 5}]}],
                       "max_tokens": 2}).encode()
    fuzz_service["log"].start_case("chat content part with a number for text")
    _, answer = send(fuzz_service["port"], b"POST", b"/v1/chat/completions",
                     [(b"Content-Type", b"application/json"), (b"Authorization", b"Bearer "
                       + fuzz_service["tokens"]["client"].encode())], body, "exact", [0])
    time.sleep(0.5)
    logged = fuzz_service["log"].take_new()
    assert not any(has_traceback for _, has_traceback in logged)
    assert answer.status == 400, answer

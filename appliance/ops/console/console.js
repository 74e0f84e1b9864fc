// The operator console: plain JavaScript over the appliance's JSON APIs and its
// server-sent event feed (/console/events). Text from the appliance is always
// inserted as text (never as HTML).
"use strict";

const $ = (sel) => document.querySelector(sel);
const CSRF = { "X-Appliance-Console": "1" };

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined) continue;
    if (key === "class") node.className = value;
    else if (key === "style") node.style.cssText = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

async function api(path, options = {}) {
  const response = await fetch(path, {
    credentials: "same-origin", ...options,
    headers: { ...(options.headers || {}), ...(options.method && options.method !== "GET" ? CSRF : {}) },
  });
  if (response.status === 401) { showLogin("Your session has ended; log in again."); throw new Error("logged out"); }
  const body = response.headers.get("content-type")?.includes("json") ? await response.json() : null;
  if (!response.ok) throw new Error(body?.error || `${response.status} ${response.statusText}`);
  return body;
}

const postJson = (path, body) => api(path, {
  method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

const ms = (v) => (v === null || v === undefined ? "–" : `${Math.round(v)} ms`);

// ---------------------------------------------------------------- login
function showLogin(message = "") {
  if (feed) { feed.close(); feed = null; }
  $("#app").hidden = true;
  $("#login").hidden = false;
  $("#login-error").textContent = message;
  $("#token").focus();
}

$("#login-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  $("#login-error").textContent = "";
  const response = await fetch("/console/login", {
    method: "POST", credentials: "same-origin", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ token: $("#token").value }) });
  const body = await response.json();
  if (!response.ok) { $("#login-error").textContent = body.error; return; }
  $("#token").value = "";
  start(body);
});

$("#logout").addEventListener("click", async () => {
  await fetch("/console/logout", { method: "POST", credentials: "same-origin", headers: CSRF });
  showLogin("Logged out.");
});

// ---------------------------------------------------------------- tabs
document.querySelectorAll("#tabs button").forEach((button) => button.addEventListener("click", () => {
  document.querySelectorAll("#tabs button").forEach((b) => b.classList.toggle("active", b === button));
  document.querySelectorAll(".tab").forEach((t) => { t.hidden = t.id !== `tab-${button.dataset.tab}`; });
  const load = { audit: () => searchAudit().catch(auditProblem), approvals: loadApprovals,
    config: () => loadConfig().catch((error) => { $("#config").textContent = error.message; }),
    bench: () => api("/console/bench").then(renderBench) }[button.dataset.tab];
  if (load) load().catch(showError);
}));

function showError(error) { console.error(error); }

// ---------------------------------------------------------------- waterfall
// Bars in ms after the end of the user's speech, each with its provider and route reason.
function waterfall(turn) {
  const o = turn.offsets_ms || {};
  const t = turn.timings_ms || {};
  const route = turn.route || {};
  const why = (role) => {
    const r = route[role];
    if (!r) return "no route recorded";
    return [r.provider, r.kind, r.reason].filter(Boolean).join(" · ");
  };
  const rows = [];
  const add = (name, cls, start, end, label) => {
    if (start === null || start === undefined || end === null || end === undefined) return;
    rows.push({ name, cls, start: Math.min(start, end), end: Math.max(start, end), label });
  };
  const spoken = turn.source !== "text"; // a typed turn has no speech to detect
  if (spoken) add("VAD end", "vad", 0, o.vad_stopped, `pause confirmed after ${ms(o.vad_stopped)}`);
  if (o.transcript !== null && o.transcript !== undefined && o.vad_stopped !== null && o.vad_stopped !== undefined) {
    const early = o.transcript < o.vad_stopped;
    add("STT", "stt", Math.min(o.transcript, o.vad_stopped), o.transcript,
      `${ms(t.stt)}${early ? " (ready before the pause was confirmed)" : ""} · ${why("stt")}`);
  }
  if (spoken) add("End of turn", "eot", 0, o.turn_end, `turn declared over after ${ms(t.eot)}`);
  add("LLM first token", "llm", o.turn_end, o.llm_first_token, `${ms(t.llm_ttft)} · ${why("llm")}`);
  add("TTS first audio", "tts", o.tts_start, o.tts_first_audio, `${ms(t.tts_ttfb)} · ${why("tts")}`);
  add("Voice to voice", "v2v", 0, o.bot_started, ms(t.voice_to_voice));
  if (!rows.length) return el("p", { class: "muted" }, "No timings for this turn.");
  const scale = Math.max(...rows.map((r) => r.end), 1);
  return el("div", { class: "waterfall", "data-testid": "waterfall" },
    rows.map((r) => el("div", { class: "wf-row", "data-stage": r.cls },
      el("span", { class: "wf-name" }, r.name),
      el("div", { class: "wf-track" },
        el("div", { class: `wf-bar ${r.cls}`, title: r.label,
          style: `left:${(100 * r.start) / scale}%;width:${(100 * (r.end - r.start)) / scale}%` })),
      el("span", { class: "wf-label" }, r.label))),
    el("div", { class: "wf-axis" }, el("span", {}, "end of speech"), el("span", {}, ms(scale))));
}

// ---------------------------------------------------------------- live conversations
const sessions = new Map(); // session -> Map(turn_id -> turn), oldest first
const KEEP_SESSIONS = 30; // a page left open all day stays quick
const KEEP_TURNS = 50;

function session(name) {
  if (!sessions.has(name)) sessions.set(name, new Map());
  while (sessions.size > KEEP_SESSIONS) sessions.delete(sessions.keys().next().value);
  return sessions.get(name);
}

function rememberTurn(event) {
  const turns = session(event.session);
  const known = turns.get(event.turn_id) || {};
  turns.set(event.turn_id, { ...known, ...event, pending: event.type !== "turn" });
  while (turns.size > KEEP_TURNS) turns.delete(turns.keys().next().value);
}

// A conversation that ended (or a benchmark that moved on) is answering nothing any more.
function settle(prefix) {
  for (const [name, turns] of sessions) {
    if (!name.startsWith(prefix)) continue;
    for (const turn of turns.values()) turn.pending = false;
  }
}

function showTurn(turn) {
  $("#latest-waterfall").replaceChildren(
    el("p", {}, el("span", { class: "label" }, turn.session), turn.transcript || "(typed)"),
    waterfall(turn));
}

function renderSessions() {
  const blocks = [...sessions.entries()].reverse().map(([session, turns]) =>
    el("div", { class: "session", "data-session": session },
      el("h3", {}, session),
      [...turns.values()].reverse().map((turn) =>
        el("div", { class: `turn${turn.pending ? " pending" : ""}`, "data-turn": turn.turn_id,
          onclick: () => !turn.pending && showTurn(turn) },
          el("span", { class: "said" }, turn.transcript ?? turn.text ?? ""),
          turn.pending && !turn.reply ? el("span", { class: "meta" }, "answering…")
            : el("span", { class: "answer" }, turn.reply || "(no reply)"),
          turn.pending && turn.reply ? el("span", { class: "meta" }, "speaking…") : null,
          turn.pending ? null : el("span", { class: "meta" },
            `voice to voice ${ms(turn.timings_ms?.voice_to_voice)}${turn.interrupted ? " · interrupted" : ""}` +
            ` · LLM ${turn.route?.llm?.provider ?? "–"} · turn ${turn.turn_id}`)))));
  $("#sessions").replaceChildren(...(blocks.length ? blocks : [el("p", { class: "muted" }, "Waiting for a conversation…")]));
}

function onFeedEvent(event, replay = false) {
  if (event.type === "transcript" || event.type === "turn" || event.type === "reply") {
    rememberTurn(event.type === "transcript" ? { ...event, transcript: event.text }
      : event.type === "reply" ? { ...event, reply: event.text } : event);
    if (event.type === "turn") showTurn(event);
    renderSessions();
  } else if (event.type === "session") {
    session(event.session);
    if (event.event === "ended") settle(event.session);
    renderSessions();
  } else if (event.type === "approval") {
    if (!replay) loadApprovals().catch(showError);
    if (event.event !== "requested") {
      $("#decisions").prepend(el("li", {}, `${event.approval.tool} ${JSON.stringify(event.approval.arguments)}: ` +
        `${event.event} by ${event.approval.decided_by}`));
    }
  } else if (event.type === "bench") {
    renderBench(event.job);
    if (event.job.status === "done" || event.job.status === "failed") {
      settle(`bench-${event.job.job_id}`);
      renderSessions();
    }
  } else if (event.type === "kiosk") {
    renderKiosk(event.event, event.detail);
  } else if (event.type === "provider" && !replay) {
    api("/console/status").then(renderStatus).catch(showError);
  }
}

// The microphone loop of `serve --kiosk`: asleep, awake, or its device unplugged.
function renderKiosk(state, detail) {
  const pill = $("#kiosk");
  pill.hidden = !state;
  if (!state) return;
  pill.textContent = `kiosk: ${state}`;
  if (detail) pill.title = detail;
  pill.className = state === "device lost" ? "pill bad" : state === "awake" ? "pill ok" : "pill";
}

// ---------------------------------------------------------------- status: readiness, providers, costs, rates
function renderStatus(status) {
  renderKiosk(status.kiosk);
  const pill = $("#readiness");
  const loading = status.loading || {};
  if (status.ready) {
    pill.textContent = `ready · ${status.sessions} conversation${status.sessions === 1 ? "" : "s"}`;
    pill.className = "pill ok";
  } else {
    pill.textContent = status.load_error ? "failed to start" : "loading models";
    pill.className = status.load_error ? "pill bad" : "pill";
  }
  const bar = $("#load-progress");
  bar.hidden = status.ready || !loading.total;
  bar.max = loading.total || 1; bar.value = loading.done || 0;
  $("#load-step").textContent = status.ready ? "" : (status.load_error || loading.step || "");
  if (!status.ready) return;
  renderProviders(status.routers);
  renderCosts(status);
  renderRates(status.turns_per_minute);
  const count = $("#approval-count");
  count.textContent = status.pending_approvals;
  count.classList.toggle("zero", !status.pending_approvals);
}

function renderProviders(routers) {
  const rows = [];
  for (const [role, providers] of Object.entries(routers)) {
    for (const [name, p] of Object.entries(providers)) {
      const demoted = p.demoted;
      rows.push(el("tr", { "data-provider": `${role}/${name}` },
        el("td", {}, role), el("td", {}, name), el("td", {}, p.local ? "local" : "remote"),
        el("td", { class: "num" }, ms(p.stats.p50_ms)), el("td", { class: "num" }, ms(p.stats.p95_ms)),
        el("td", { class: "num" }, `${Math.round(p.stats.error_rate * 100)}%`),
        el("td", {}, p.breaker.state.replace("_", " ")),
        el("td", {}, demoted ? (p.demoted_by_operator ? "demoted by operator" : "demoted (slow)") : "in use"),
        el("td", {}, el("button", { class: "small secondary",
          onclick: () => providerAction(role, name, demoted ? "promote" : "demote") },
          demoted ? "Promote" : "Demote"))));
    }
  }
  $("#providers tbody").replaceChildren(...rows);
}

async function providerAction(role, name, action) {
  try {
    await postJson(`/admin/providers/${encodeURIComponent(role)}/${encodeURIComponent(name)}`, { action });
    renderStatus(await api("/console/status"));
  } catch (error) {
    alert(`Could not ${action} ${role} provider ${name}: ${error.message}`);
  }
}

function renderCosts(status) {
  const days = status.cost_by_day || {};
  const providers = [...new Set(Object.values(days).flatMap((d) => Object.keys(d)))].sort();
  const most = Math.max(0.000001, ...Object.values(days).map((d) => Object.values(d).reduce((a, b) => a + b, 0)));
  $("#costs thead").replaceChildren(el("tr", {}, el("th", {}, "Day"), providers.map((p) => el("th", {}, p)),
    el("th", {}, "Total")));
  $("#costs tbody").replaceChildren(...Object.entries(days).reverse().map(([day, spent]) => {
    const total = Object.values(spent).reduce((a, b) => a + b, 0);
    return el("tr", {}, el("td", {}, day),
      providers.map((p) => el("td", { class: "num" }, `$${(spent[p] || 0).toFixed(4)}`)),
      el("td", { class: "num" }, `$${total.toFixed(4)}`,
        el("span", { class: "costbar", style: `width:${(60 * total) / most}px` })));
  }));
  if (!providers.length) {
    $("#costs tbody").replaceChildren(el("tr", {}, el("td", { class: "muted" }, "Nothing spent: every turn stayed local.")));
  }
  const c = status.cost;
  $("#budget").textContent = `Today $${c.spent_usd.toFixed(4)} of a $${c.budget_usd.toFixed(2)} daily budget` +
    (c.allows_remote ? "." : " — spent: priced remotes are skipped until midnight.");
}

function renderRates(minutes) {
  const most = Math.max(1, ...minutes.map((m) => m.turns));
  $("#rate-chart").replaceChildren(...minutes.map((m) => el("div", { class: "col", title: `${m.minute}: ${m.turns} turns, ${m.failed} failed` },
    el("div", { class: "ok", style: `height:${(100 * (m.turns - m.failed)) / most}px` }),
    el("div", { class: "bad", style: `height:${(100 * m.failed) / most}px` }))));
  const turns = minutes.reduce((a, m) => a + m.turns, 0);
  const failed = minutes.reduce((a, m) => a + m.failed, 0);
  $("#rate-summary").textContent = turns
    ? `${turns} turns in the last hour, ${failed} with a failure: ${(100 * (1 - failed / turns)).toFixed(1)}% success.`
    : "No turns in the last hour.";
}

// ---------------------------------------------------------------- audit
function summarize(record) {
  const d = record.data || {};
  const s = record.sensitive || {};
  if (record.kind === "turn") return `“${s.transcript ?? ""}” → “${s.reply ?? ""}”`;
  if (record.kind === "tool_call" || record.kind === "policy_block") {
    return `${d.tool ?? ""} ${JSON.stringify(s.arguments ?? d.arguments ?? {})} ${d.outcome ?? d.reason ?? ""}`;
  }
  return JSON.stringify({ ...d, ...s });
}

async function searchAudit() {
  const form = new FormData($("#audit-form"));
  const query = new URLSearchParams({ limit: "200", newest_first: "true" });
  for (const key of ["q", "kind", "since"]) if (form.get(key)) query.set(key, form.get(key));
  const body = await api(`/audit?${query}`);
  $("#audit tbody").replaceChildren(...(body.records.length ? body.records.map((r) => el("tr", { "data-kind": r.kind },
    el("td", { class: "num" }, r.seq), el("td", {}, r.at.replace("T", " ").slice(0, 19)),
    el("td", {}, r.kind), el("td", {}, r.turn_id || ""), el("td", {}, summarize(r))))
    : [el("tr", {}, el("td", { colspan: 5, class: "muted" }, "No records match."))]));
}

function auditProblem(error) {
  $("#audit tbody").replaceChildren(el("tr", {}, el("td", { colspan: 5, class: "error" }, error.message)));
}

$("#audit-form").addEventListener("submit", (event) => { event.preventDefault(); searchAudit().catch(auditProblem); });

$("#verify").addEventListener("click", async () => {
  const out = $("#verify-result");
  out.textContent = "checking…";
  let report;
  try { report = await api("/audit/verify"); } catch (error) {
    out.textContent = error.message; out.className = "error"; return;
  }
  out.textContent = report.ok ? `Intact: ${report.records} record${report.records === 1 ? "" : "s"}, chain verified.`
    : `TAMPERED: record ${report.first_bad_seq}: ${report.problem}`;
  out.className = report.ok ? "" : "error";
});

// Streams the export, counting records against the total the server announces.
$("#export").addEventListener("click", async () => {
  const bar = $("#export-progress");
  const status = $("#export-status");
  const response = await fetch("/console/audit/export", { credentials: "same-origin" });
  if (!response.ok) { status.textContent = (await response.json()).error; return; }
  const total = Number(response.headers.get("X-Total-Records")) || 1;
  bar.hidden = false; bar.max = total; bar.value = 0;
  const reader = response.body.getReader();
  const chunks = [];
  let lines = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    for (const byte of value) if (byte === 10) lines += 1;
    bar.value = lines;
    status.textContent = `${lines} of ${total} records`;
  }
  const link = el("a", { href: URL.createObjectURL(new Blob(chunks, { type: "application/x-ndjson" })),
    download: "audit.jsonl" });
  link.click();
  status.textContent = `exported ${lines} records (audit.jsonl)`;
});

// ---------------------------------------------------------------- approvals
async function loadApprovals() {
  let body;
  try { body = await api("/approvals"); } catch (error) {
    $("#approvals").replaceChildren(el("p", { class: "muted" }, error.message)); return;
  }
  const count = $("#approval-count");
  count.textContent = body.pending.length;
  count.classList.toggle("zero", !body.pending.length);
  $("#approvals").replaceChildren(...(body.pending.length ? body.pending.map((p) => el("div", { class: "approval", "data-approval": p.id },
    el("p", {}, el("strong", {}, p.tool), " ", el("code", {}, JSON.stringify(p.arguments))),
    el("p", { class: "muted" }, `${p.reason} · ${p.session_id ?? ""} · asked ${p.requested_at}`),
    el("div", { class: "row" },
      el("button", { onclick: () => decide(p.id, true) }, "Approve"),
      el("button", { class: "deny", onclick: () => decide(p.id, false) }, "Deny"))))
    : [el("p", { class: "muted" }, "Nothing is waiting.")]));
}

async function decide(id, approve) {
  try {
    await postJson(`/approvals/${encodeURIComponent(id)}`, { approve, note: "from the console" });
  } catch (error) {
    alert(`Not ${approve ? "approved" : "denied"}: ${error.message}`);
  }
  await loadApprovals();
}

// ---------------------------------------------------------------- playground
async function play(body) {
  const status = $("#play-status");
  status.textContent = "running the turn… (the reply is spoken in full before it returns)";
  document.querySelectorAll("#play-text button, #play-wav button").forEach((b) => { b.disabled = true; });
  try {
    const result = await api("/console/playground", { method: "POST", body });
    showPlayground(result);
    status.textContent = `done in ${result.wall_ms} ms${result.notes.length ? ` · ${result.notes.join("; ")}` : ""}`;
  } catch (error) {
    status.textContent = error.message;
  } finally {
    document.querySelectorAll("#play-text button, #play-wav button").forEach((b) => { b.disabled = false; });
  }
}

function showPlayground(result) {
  $("#play-result").hidden = false;
  $("#play-transcript").textContent = result.transcript || "(nothing heard)";
  $("#play-reply").textContent = result.reply || "(no reply)";
  const audio = $("#play-audio");
  audio.src = result.audio_wav_base64 ? `data:audio/wav;base64,${result.audio_wav_base64}` : "";
  audio.hidden = !result.audio_wav_base64;
  $("#play-waterfall").replaceChildren(waterfall({ ...result, source: result.source }));
  const byNode = new Map();
  for (const line of result.logs) {
    if (!byNode.has(line.node)) byNode.set(line.node, []);
    byNode.get(line.node).push(line);
  }
  $("#play-logs").replaceChildren(...[...byNode.entries()].map(([node, lines]) => el("details", { "data-node": node },
    el("summary", {}, `${node} (${lines.length})`),
    el("div", { class: "log" }, lines.map((l) => el("div", { class: `lvl-${l.level}` },
      `${l.time.slice(11, 23)} ${l.level.padEnd(7)} ${l.message}`))))));
}

$("#play-text").addEventListener("submit", (event) => {
  event.preventDefault();
  const text = event.target.text.value.trim();
  if (!text) { $("#play-status").textContent = "Type a message first."; return; }
  play(new FormData(event.target));
});

$("#play-wav").addEventListener("submit", (event) => {
  event.preventDefault();
  if (!event.target.audio.files.length) { $("#play-status").textContent = "Choose a WAV file first."; return; }
  play(new FormData(event.target));
});

// ---------------------------------------------------------------- benchmark
const STAGE_NAMES = { eot: "End of turn", stt: "Speech to text", llm_ttft: "LLM first token",
  tts_ttfb: "TTS first audio", voice_to_voice: "Voice to voice" };

function renderBench(job) {
  const bar = $("#bench-progress");
  const running = job.status === "preparing" || job.status === "running";
  bar.hidden = !running;
  bar.max = job.total || 1; bar.value = job.done;
  $("#bench-form button").disabled = running;
  $("#bench-status").textContent = {
    idle: "No run yet.",
    preparing: "Synthesizing the corpus…",
    running: `Utterance ${job.done} of ${job.total}…`,
    done: `Done: ${job.summary.utterances} utterances in ${job.summary.wall_s} s.`,
    failed: `Failed: ${job.error}`,
  }[job.status];
  const table = $("#bench-summary");
  table.hidden = job.status !== "done";
  if (job.status !== "done") return;
  table.querySelector("tbody").replaceChildren(...Object.entries(job.summary.stages_ms).map(([stage, q]) =>
    el("tr", { "data-stage": stage }, el("td", {}, STAGE_NAMES[stage] || stage),
      ["p50", "p90", "p99"].map((k) => el("td", { class: "num" }, ms(q[k]))), el("td", { class: "num" }, q.n ?? 0))));
  const s = job.summary;
  const shown = (v, unit = "") => (v === null || v === undefined ? "–" : `${v}${unit}`);
  $("#bench-extra").textContent = `Word error rate ${shown(s.word_error_rate)} · CPU ${shown(s.cpu_percent, "%")} · ` +
    `peak memory ${shown(Math.round(s.peak_rss_mb), " MB")} · unanswered ${s.unanswered}`;
}

$("#bench-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  try {
    renderBench(await postJson("/console/bench", { utterances: Number($("#bench-count").value) }));
  } catch (error) {
    $("#bench-status").textContent = error.message;
  }
});

// ---------------------------------------------------------------- config
async function loadConfig() {
  const body = await api("/admin/config");
  $("#config").textContent = JSON.stringify(body.settings, null, 2);
}

$("#reload").addEventListener("click", async () => {
  const out = $("#reload-result");
  out.textContent = "reloading…";
  try {
    const body = await api("/admin/reload", { method: "POST" });
    out.textContent = `Reloaded. Providers: ${JSON.stringify(body.providers)}`;
    out.className = "";
    await loadConfig();
  } catch (error) {
    out.textContent = `Not reloaded: ${error.message}`;
    out.className = "error";
  }
});

// ---------------------------------------------------------------- start
let feed = null;

// The feed closed for good (the service restarted, or the session ended): log in again,
// or reconnect once the service answers. Open feeds are retried by the browser itself.
async function recover() {
  try {
    const response = await fetch("/console/me", { credentials: "same-origin" });
    if (response.status === 401) { showLogin("Your session has ended; log in again."); return; }
    if (response.ok) { const who = await response.json(); if (feed) feed.close(); start(who); return; }
  } catch (error) { /* the service is down: try again */ }
  setTimeout(recover, 5000);
}

function start(who) {
  $("#login").hidden = true;
  $("#app").hidden = false;
  $("#who").textContent = `${who.name} (${who.role})`;
  feed = new EventSource("/console/events");
  feed.addEventListener("hello", (message) => {
    const hello = JSON.parse(message.data);
    sessions.clear();
    hello.recent.forEach((event) => onFeedEvent(event, true));
    renderStatus(hello.status);
  });
  feed.addEventListener("status", (message) => renderStatus(JSON.parse(message.data)));
  for (const type of ["turn", "transcript", "reply", "approval", "provider", "session", "playground", "bench", "kiosk"]) {
    feed.addEventListener(type, (message) => onFeedEvent(JSON.parse(message.data)));
  }
  feed.onerror = () => {
    $("#readiness").textContent = "reconnecting…"; $("#readiness").className = "pill";
    if (feed && feed.readyState === EventSource.CLOSED) recover();
  };
  loadApprovals().catch(showError);
}

fetch("/console/me", { credentials: "same-origin" }).then(async (response) => {
  if (response.ok) start(await response.json()); else showLogin();
}).catch(() => showLogin("The appliance does not answer."));

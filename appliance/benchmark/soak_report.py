"""The soak's measurements: the service process sampled from /proc, the verdict, the plot.

Memory is the resident set (VmRSS) of the service and any children it started;
descriptors are the entries of /proc/PID/fd. Both are judged on medians of
windows, not single samples: an open conversation holds a socket and buffers,
so one sample taken mid-turn says little, a window's median says what it keeps.
"""

from __future__ import annotations

import os
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only: the appliance has no screen

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

RSS_GROWTH_LIMIT_PCT = 5.0
FD_GROWTH_LIMIT = 2
# The first minutes fill caches (llama.cpp's KV cache, ONNX arenas, Python's allocator
# arenas, the audit and timer databases) and include the first two-client stretch, whose
# buffers the allocator keeps: growth before then is start-up, not a leak.
WARMUP_S = 180.0
FINAL_WINDOW_S = 180.0


def _status(pid: int) -> dict[str, int]:
    """VmRSS (kB) and Threads from /proc/PID/status; empty if the process is gone."""
    fields = {}
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                key, _, value = line.partition(":")
                if key in ("VmRSS", "Threads"):
                    fields[key] = int(value.split()[0])
    except (FileNotFoundError, ProcessLookupError):
        return {}
    return fields


def _children(pid: int) -> list[int]:
    """Every descendant of `pid` (a model server the service may start, say)."""
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                # The name (field 2) may hold spaces and parentheses: split after its ")".
                ppid = int(f.read().rpartition(")")[2].split()[1])
        except (FileNotFoundError, ProcessLookupError, IndexError, ValueError):
            continue
        parents.setdefault(ppid, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def sample_process(pid: int, t_s: float) -> dict:
    """One sample of the service: memory (with children), descriptors, threads."""
    tree = [pid, *_children(pid)]
    rss_kb = threads = 0
    for member in tree:
        status = _status(member)
        rss_kb += status.get("VmRSS", 0)
        threads += status.get("Threads", 0)
    try:
        fds = len(os.listdir(f"/proc/{pid}/fd"))
    except FileNotFoundError:
        fds = 0
    return {"t_s": round(t_s, 1), "rss_mb": round(rss_kb / 1024, 1), "fds": fds,
            "threads": threads, "processes": len(tree)}


def windows_s(duration_s: float) -> tuple[float, float]:
    """Warm-up and final window: 3 minutes each, or a third of a shorter run."""
    return min(WARMUP_S, duration_s / 3), min(FINAL_WINDOW_S, duration_s / 3)


def _percentiles(values: list[float]) -> dict:
    if not values:
        return {"n": 0}
    return {f"p{q}": round(float(np.percentile(values, q)), 1) for q in (50, 90, 99)} | {
        "n": len(values)}


def _median(samples: list[dict], key: str) -> float | None:
    return round(float(np.median([s[key] for s in samples])), 1) if samples else None


def summarise(samples: list[dict], turns: list[dict], *, duration_s: float,
              idle_fds: dict[str, int], conversations: int) -> dict:
    """Growth after the warm-up, turns answered, latency in each half, and the verdict."""
    warmup_s, final_s = windows_s(duration_s)
    end = samples[-1]["t_s"] if samples else duration_s
    settled = [s for s in samples if s["t_s"] >= warmup_s] or samples
    final = [s for s in samples if s["t_s"] >= end - final_s] or samples[-1:]
    rss_base, rss_final = _median(settled, "rss_mb"), _median(final, "rss_mb")
    fd_base, fd_final = _median(settled, "fds"), _median(final, "fds")
    growth_pct = (round(100 * (rss_final - rss_base) / rss_base, 2)
                  if rss_base else None)
    fd_growth = fd_final - fd_base if fd_base is not None else None
    # Utterances the service heard no words in start no turn by design: counted apart.
    not_heard = [t for t in turns if t.get("not_heard")]
    heard = [t for t in turns if not t.get("not_heard")]
    answered = sum(t["answered"] for t in heard)
    half = duration_s / 2

    def latency(key: str) -> dict:
        timed = [(t["t_s"], t[key]) for t in turns if t[key] is not None]
        return {"all": _percentiles([v for _, v in timed]),
                "first_half": _percentiles([v for t, v in timed if t < half]),
                "second_half": _percentiles([v for t, v in timed if t >= half])}

    checks = {
        "rss_growth_below_5_pct": growth_pct is not None and growth_pct < RSS_GROWTH_LIMIT_PCT,
        "descriptors_not_growing": fd_growth is not None and fd_growth <= FD_GROWTH_LIMIT,
        "every_turn_answered": bool(heard) and answered == len(heard),
    }
    return {
        "duration_s": round(duration_s, 1), "warmup_s": round(warmup_s, 1),
        "final_window_s": round(final_s, 1), "samples": len(samples),
        "conversations": conversations,
        "turns": {"total": len(heard), "answered": answered, "unanswered": len(heard) - answered,
                  "answered_pct": round(100 * answered / len(heard), 2) if heard else None,
                  "not_heard": len(not_heard),
                  "not_heard_turns": [{k: t.get(k) for k in ("t_s", "client", "voice", "text")}
                                      for t in not_heard],
                  "two_clients": sum(1 for t in turns if t["client"] == 1),
                  "commands": sum(1 for t in turns if t["is_command"]),
                  # What the service heard of each one: says whether hearing or answering failed.
                  "unanswered_turns": [{k: t.get(k) for k in ("t_s", "client", "voice", "text",
                                                              "heard")}
                                       for t in heard if not t["answered"]]},
        "rss_mb": {"post_warmup_median": rss_base, "final_median": rss_final,
                   "growth_pct": growth_pct, "first": samples[0]["rss_mb"] if samples else None,
                   "max": max((s["rss_mb"] for s in samples), default=None)},
        "fds": {"post_warmup_median": fd_base, "final_median": fd_final, "growth": fd_growth,
                "idle_before": idle_fds.get("before"), "idle_after": idle_fds.get("after")},
        "threads": {"post_warmup_median": _median(settled, "threads"),
                    "final_median": _median(final, "threads")},
        "voice_to_voice_client_ms": latency("client_ms"),
        "voice_to_voice_service_ms": latency("service_ms"),
        "targets": {"rss_growth_pct_below": RSS_GROWTH_LIMIT_PCT,
                    "fd_growth_at_most": FD_GROWTH_LIMIT, "answered_pct": 100.0},
        "checks": checks, "passed": all(checks.values()),
    }


def format_soak(summary: dict) -> str:
    """The terminal table."""
    rss, fds, turns = summary["rss_mb"], summary["fds"], summary["turns"]
    checks = summary["checks"]

    def mark(ok: bool) -> str:
        return "PASS" if ok else "FAIL"

    def pcts(figures: dict) -> str:
        if not figures.get("n"):
            return "-"
        return f"{figures['p50']:.0f} / {figures['p90']:.0f} / {figures['p99']:.0f} " \
               f"(n={figures['n']})"

    client = summary["voice_to_voice_client_ms"]
    lines = [
        f"soak: {summary['duration_s'] / 60:.1f} min, {summary['conversations']} conversations, "
        f"warm-up {summary['warmup_s']:.0f} s, final window {summary['final_window_s']:.0f} s",
        f"resident memory   {rss['post_warmup_median']} -> {rss['final_median']} MB "
        f"({rss['growth_pct']:+.2f} %, limit < 5 %)   {mark(checks['rss_growth_below_5_pct'])}",
        f"descriptors       {fds['post_warmup_median']:.0f} -> {fds['final_median']:.0f} "
        f"({fds['growth']:+.0f}, limit +2; idle {fds['idle_before']} -> {fds['idle_after']})"
        f"   {mark(checks['descriptors_not_growing'])}",
        f"turns answered    {turns['answered']} of {turns['total']} "
        f"({turns['commands']} commands, {turns['two_clients']} by the second client; "
        f"{turns['not_heard']} heard as no words)"
        f"   {mark(checks['every_turn_answered'])}",
        *(f"  unanswered at {t['t_s']:.0f} s: {t['text']!r} ({t['voice']}), "
          f"heard {t['heard']!r}" for t in turns["unanswered_turns"]),
        f"voice to voice, client p50 / p90 / p99 ms: first half {pcts(client['first_half'])}, "
        f"second half {pcts(client['second_half'])}",
        f"verdict: {'PASS' if summary['passed'] else 'FAIL'}",
    ]
    return "\n".join(lines)


def soak_plot(document: dict, path: Path) -> Path:
    """Memory and descriptors over time above, each turn's voice to voice below."""
    samples, turns, summary = document["samples"], document["turns"], document["summary"]
    minutes = [s["t_s"] / 60 for s in samples]
    fig, (memory, latency) = plt.subplots(2, 1, figsize=(10, 7), sharex=True)
    memory.plot(minutes, [s["rss_mb"] for s in samples], color="#4c72b0", label="resident MB")
    memory.set_ylabel("resident memory, MB", color="#4c72b0")
    memory.axvspan(0, summary["warmup_s"] / 60, color="grey", alpha=0.15, label="warm-up")
    if summary["rss_mb"]["post_warmup_median"]:
        memory.axhline(summary["rss_mb"]["post_warmup_median"] * 1.05, color="#4c72b0",
                       linestyle=":", label="+5 % of the post-warm-up median")
    descriptors = memory.twinx()
    descriptors.step(minutes, [s["fds"] for s in samples], where="post", color="#c44e52",
                     label="open descriptors")
    descriptors.set_ylabel("open descriptors", color="#c44e52")
    descriptors.yaxis.set_major_locator(MaxNLocator(integer=True))
    handles = memory.get_legend_handles_labels()
    extra = descriptors.get_legend_handles_labels()
    memory.legend(handles[0] + extra[0], handles[1] + extra[1], fontsize=8, loc="lower right")
    memory.set_title(f"Soak: {summary['turns']['total']} turns in "
                     f"{summary['conversations']} conversations; RSS "
                     f"{summary['rss_mb']['growth_pct']:+.2f} %, descriptors "
                     f"{summary['fds']['growth']:+.0f}")
    memory.grid(alpha=0.3)
    for client, colour, marker in ((0, "#55a868", "o"), (1, "#dd8452", "s")):
        points = [(t["t_s"] / 60, t["client_ms"]) for t in turns
                  if t["client"] == client and t["client_ms"] is not None]
        if points:
            latency.scatter(*zip(*points, strict=True), s=10, color=colour, marker=marker,
                            label=f"client {client + 1}")
    for label, colour, keep in (("unanswered", "red",
                                 lambda t: not t["answered"] and not t.get("not_heard")),
                                ("heard as no words", "grey", lambda t: t.get("not_heard"))):
        for i, x in enumerate(t["t_s"] / 60 for t in turns if keep(t)):
            latency.axvline(x, color=colour, alpha=0.5, label=label if i == 0 else None)
    latency.set_yscale("log")
    latency.set_xlabel("minutes since the first conversation")
    latency.set_ylabel("voice to voice (client), ms")
    latency.legend(fontsize=8, loc="upper right")
    latency.grid(alpha=0.3, which="both")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path

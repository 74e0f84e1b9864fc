"""The benchmark's PNGs: stage waterfalls, the voice-to-voice distribution, `--sessions`."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only: the appliance has no screen

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

# (label, from mark, to mark, colour): each bar runs between two moments after the end of speech.
_SEGMENTS = [
    ("VAD confirms the pause", None, "vad_stopped", "#b0b0b0"),
    ("transcript / end of turn", "vad_stopped", "turn_end", "#4c72b0"),
    ("LLM first token", "turn_end", "llm_first_token", "#dd8452"),
    ("first clause written", "llm_first_token", "tts_start", "#f2c14e"),
    ("TTS first audio", "tts_start", "tts_first_audio", "#55a868"),
    ("to the speaker", "tts_first_audio", "bot_started", "#8172b3"),
]


def waterfall(samples: list[dict], path: Path, title: str) -> Path:
    """One row per utterance: where the time between end of speech and first reply audio went."""
    rows = [s for s in samples if s.get("offsets_ms", {}).get("bot_started") is not None]
    fig, ax = plt.subplots(figsize=(10, 0.32 * max(len(rows), 4) + 1.6))
    for y, sample in enumerate(rows):
        marks = sample["offsets_ms"]
        for label, start, end, colour in _SEGMENTS:
            left = 0.0 if start is None else marks.get(start)
            right = marks.get(end)
            if left is None or right is None or right <= left:
                continue
            ax.barh(y, right - left, left=left, color=colour, height=0.7,
                    label=label if y == 0 else None)
    ax.set_yticks(range(len(rows)), [s["name"] for s in rows], fontsize=7)
    ax.invert_yaxis()
    ax.set_xlabel("ms after the user stopped speaking")
    ax.set_title(title)
    ax.legend(fontsize=7, loc="lower right")
    ax.grid(axis="x", alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def distribution(runs: dict[str, list[float]], path: Path) -> Path:
    """Voice-to-voice histogram and cumulative curve for each pipeline, p50 and p90 marked."""
    fig, (hist, cdf) = plt.subplots(1, 2, figsize=(11, 4))
    upper = max((max(v) for v in runs.values() if v), default=1000)
    bins = np.linspace(0, upper * 1.05, 30)
    for (name, values), colour in zip(runs.items(), ("#4c72b0", "#c44e52", "#55a868"),
                                      strict=False):
        if not values:
            continue
        values = np.sort(np.asarray(values))
        p50, p90 = np.percentile(values, 50), np.percentile(values, 90)
        hist.hist(values, bins=bins, alpha=0.6, color=colour,
                  label=f"{name}: p50 {p50:.0f} ms, p90 {p90:.0f} ms")
        cdf.step(values, np.arange(1, len(values) + 1) / len(values), where="post",
                 color=colour, label=name)
        for q in (p50, p90):
            cdf.axvline(q, color=colour, linestyle=":", alpha=0.7)
    hist.set_xlabel("voice to voice, ms")
    hist.set_ylabel("utterances")
    hist.legend(fontsize=8)
    cdf.set_xlabel("voice to voice, ms")
    cdf.set_ylabel("share of utterances answered within")
    cdf.grid(alpha=0.3)
    cdf.legend(fontsize=8)
    fig.suptitle("End of user speech to first reply sample")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def write_plots(document: dict, folder: Path) -> list[Path]:
    """Every plot for one benchmark report; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = [waterfall(document["samples"], folder / "waterfall.png",
                         "This appliance: stages per utterance")]
    runs = {"this appliance": _v2v(document["samples"])}
    if "stock_pipecat" in document:
        stock = document["stock_pipecat"]["samples"]
        written.append(waterfall(stock, folder / "waterfall-stock-pipecat.png",
                                 "Stock pipecat: stages per utterance"))
        runs["stock pipecat"] = _v2v(stock)
    written.append(distribution(runs, folder / "voice_to_voice.png"))
    return written


def _v2v(samples: list[dict]) -> list[float]:
    return [s["timings_ms"]["voice_to_voice"] for s in samples
            if s["timings_ms"].get("voice_to_voice") is not None]


def sessions_plot(report: dict, path: Path) -> Path:
    """p50/p95 against the number of simultaneous conversations."""
    levels = [lv for lv in report["levels"] if lv["p50_ms"] is not None]
    fig, ax = plt.subplots(figsize=(6, 4))
    ax.plot([lv["sessions"] for lv in levels], [lv["p50_ms"] for lv in levels], "o-", label="p50")
    ax.plot([lv["sessions"] for lv in levels], [lv["p95_ms"] for lv in levels], "s-", label="p95")
    ax.axhline(report["p95_limit_ms"], color="grey", linestyle=":", label="1.5 s")
    ax.set_xticks([lv["sessions"] for lv in levels])
    ax.set_xlabel("simultaneous conversations")
    ax.set_ylabel("voice to voice, ms")
    ax.legend()
    ax.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path

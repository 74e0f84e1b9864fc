"""`bench --echo`: the kiosk on an open speaker finishes its replies and stops for a person.

The kiosk runs as users run it (`appliance kiosk --no-wake-word`) on a virtual sound card
in a simulated room (`benchmark.room`): its reply, delayed and filtered by a room response,
reaches its microphone at about half the speaker's level. Asked a question, the kiosk must
answer it to the end: a reply cut short with nobody talking, or a turn it starts from its
own words, is a self-interruption. Then a person talks over a reply: the time from their
first sound to the speaker's silence is the barge-in time, and what they said must still
be heard. Both with the echo canceller and, for comparison, without.
"""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from appliance.audio.sounddevice_transport import PLAYING_ON_LOG
from appliance.benchmark.corpus import synthesize
from appliance.benchmark.room import (
    BLOCK,
    RATE,
    SILENT_RMS,
    Room,
    VirtualSoundCard,
    room_response,
)
from appliance.benchmark.wer import word_error_rate

RESULTS_FILE = (Path(__file__).resolve().parents[2] / "bench" / "results"
                / "echo-cancellation.json")
# Open questions: replies of a few sentences, long enough to hear themselves.
PROMPTS = (
    "Tell me about the moon.", "Tell me about the ocean.", "Tell me about volcanoes.",
    "Tell me about the Roman Empire.", "What do bees do all day?", "Tell me about Jupiter.",
    "Describe a rainforest.", "Tell me about trains.", "Why do leaves change colour?",
    "Tell me about the history of tea.", "How do airplanes fly?", "Tell me about penguins.",
    "What is a black hole?", "Tell me about the Great Wall of China.", "How does rain form?",
    "Tell me about dinosaurs.", "What is photosynthesis?", "Tell me about the Nile.",
    "How do vaccines work?", "Tell me about Mount Everest.", "What makes a rainbow?",
    "Tell me about the Sahara desert.", "How do magnets work?", "Tell me about whales.",
    "Why is the sea salty?",
)
# Said in one breath: "Stop, what time is it?" is two turns, "Stop" a complete one.
BARGE_INS = ("What time is it?", "How many legs does a spider have?",
             "What is the capital of France?", "How far away is the sun?")
VOICE = "piper:1.0"
Progress = Callable[[str, int, int], None]


class _Kiosk:
    """`appliance kiosk --no-wake-word -v` on the virtual card, its printed lines in a queue."""

    def __init__(self, card: VirtualSoundCard, config: Path, models_dir: Path):
        # The card's HOME is its own folder: the models are where this process has them,
        # and the bench's turns go to a state folder of its own, never the user's audit trail.
        env = {**card.env, "APPLIANCE_CONFIG": str(config), "PYTHONUNBUFFERED": "1",
               "APPLIANCE_MODELS_DIR": str(models_dir),
               "APPLIANCE_STATE_DIR": str(card.folder / "state")}
        self.log = card.folder / "kiosk.log"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "appliance.cli", "kiosk", "--no-wake-word", "-v"], env=env,
            stdout=subprocess.PIPE, stderr=self.log.open("w"), text=True)
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def until(self, prefix: str, timeout_s: float) -> tuple[str | None, list[str]]:
        """The next line starting with `prefix`, and every line read before it."""
        seen, deadline = [], time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                continue
            seen.append(line)
            if line.startswith(prefix):
                return line, seen
        return None, seen

    def close(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()


def _wait_for_silence(room: Room, since: int, timeout_s: float = 30.0) -> int | None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        stopped = room.speaker_stopped(since)
        if stopped is not None:
            return stopped
        time.sleep(0.1)
    return None


def _wait_for_playing(room: Room, since: int, timeout_s: float = 60.0) -> int | None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        levels = room.speaker_rms[since:]
        loud = [i for i, level in enumerate(levels) if level >= 300]
        if len(loud) >= 10:
            return since + loud[0]
        time.sleep(0.05)
    return None


def _settle(kiosk: _Kiosk, room: Room, limit_s: float = 90.0) -> list[str]:
    """Lines printed until the speaker has been quiet a while and no turn is under way.

    Without a canceller the kiosk can go on answering itself: after `limit_s` the next
    question is asked anyway.
    """
    lines: list[str] = []
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        _wait_for_silence(room, room.blocks)
        line, seen = kiosk.until("you:", 2.0)
        lines += seen
        if line is None:
            return lines
        _, seen = kiosk.until("appliance:", 90)  # a turn it started: let it end
        lines += seen
    return lines


def run_echo_session(voice_onnx: Path, models_dir: Path, *, cancel: bool, replies: int,
                     barge_ins: int, progress: Progress | None = None, seed: int = 11,
                     noise_snr_db: float | None = None, noise_suppression: bool = False
                     ) -> dict:
    """One kiosk in one room: `replies` questions left to finish, then `barge_ins` talked over.

    `noise_snr_db` fills the room with steady pink noise that far below the person's voice.
    """
    rng = np.random.default_rng(seed)
    card = VirtualSoundCard()
    config = card.folder / "appliance.toml"
    config.write_text(f"[audio]\necho_cancellation = {str(cancel).lower()}\n"
                      f"noise_suppression = {str(noise_suppression).lower()}\n")
    kiosk = _Kiosk(card, config, models_dir)
    room = None
    results: dict = {"replies": [], "barge_ins": []}
    try:
        started, _ = kiosk.until("listening", 180)
        if started is None:
            raise RuntimeError("the kiosk did not start on the virtual sound card: "
                               + kiosk.log.read_text()[-2000:])
        noise_rms = 0.0
        if noise_snr_db is not None:  # against the voice's level while it speaks
            voice, _ = synthesize(voice_onnx, PROMPTS[0], VOICE, rng=np.random.default_rng(1))
            spoken = voice[np.abs(voice) > 300].astype(np.float64)
            noise_rms = float(np.sqrt(np.mean(spoken ** 2))) * 10 ** (-noise_snr_db / 20)
        room = Room(card.env, card.fifo, room_response(rng), noise_rms=noise_rms, rng=rng)
        time.sleep(1.0)
        for n in range(replies):
            prompt = PROMPTS[n % len(PROMPTS)]
            audio, _ = synthesize(voice_onnx, prompt, VOICE, rng=rng)
            room.say(audio)
            line, seen = kiosk.until("appliance:", 90)
            heard = [s.removeprefix("you:").strip() for s in seen if s.startswith("you:")]
            # A reply it cut short says "(interrupted)"; a turn it started from its own words
            # prints another "you:" line.
            more = _settle(kiosk, room)
            interrupted = (line is None or "(interrupted)" in line
                           or any(s.startswith("you:") for s in more))
            results["replies"].append({"prompt": prompt, "heard": heard, "reply": line,
                                       "self_interrupted": interrupted, "lines": seen + more})
            if progress:
                progress("replies", n + 1, replies)
        for n in range(barge_ins):
            prompt = PROMPTS[(n * 7 + 3) % len(PROMPTS)]
            audio, _ = synthesize(voice_onnx, prompt, VOICE, rng=rng)
            room.say(audio)
            while not room.quiet():
                time.sleep(0.05)
            playing = _wait_for_playing(room, room.blocks)
            time.sleep(1.5)
            over = BARGE_INS[n % len(BARGE_INS)]
            speech, _ = synthesize(voice_onnx, over, VOICE, rng=rng, lead_s=0.0)
            room.say(speech)
            while not room.person_starts or room.person_starts[-1] < (playing or 0):
                time.sleep(0.01)
            start = room.person_starts[-1]
            # A reply that ended before the person spoke was not talked over.
            was_playing = max(room.speaker_rms[max(0, start - 5):start + 1]) >= SILENT_RMS
            stopped = room.speaker_stopped(start)
            deadline = time.monotonic() + 10
            while stopped is None and time.monotonic() < deadline:
                time.sleep(0.05)
                stopped = room.speaker_stopped(start)
            # The kiosk hears the person once the audio already in the microphone's pipe
            # has gone in: timed from then.
            latency_ms = None if stopped is None or playing is None else (
                (stopped - start) * BLOCK * 1000 / RATE - room.pipe_backlog_ms[start])
            line, seen = kiosk.until("appliance:", 90)
            line, seen_after = kiosk.until("appliance:", 90)
            heard = [s.removeprefix("you:").strip() for s in seen + seen_after
                     if s.startswith("you:")]
            best = min((word_error_rate(over, h) for h in heard), default=1.0)
            results["barge_ins"].append({"said": over, "heard": heard, "stop_ms": latency_ms,
                                         "wer": best, "talked_over": was_playing,
                                         "lines": seen + seen_after})
            _settle(kiosk, room)
            if progress:
                progress("barge-ins", n + 1, barge_ins)
    finally:
        if room is not None:
            room.close()
            # How steady the room's own delay was: audio waiting in the microphone's pipe.
            backlog = np.array(room.pipe_backlog_ms or [0.0])
            results["pipe_backlog_ms"] = {f"p{q}": float(np.percentile(backlog, q))
                                          for q in (1, 50, 99)}
        kiosk.close()
        # Onsets that hushed a reply but were no speech: each left a short pause in it.
        results["false_onsets"] = kiosk.log.read_text(errors="replace").count(PLAYING_ON_LOG)
        card.close()
    return _summary(results)


def _summary(results: dict) -> dict:
    replies = results["replies"]
    barge_ins = [b for b in results["barge_ins"] if b["talked_over"]]
    stops = [b["stop_ms"] for b in barge_ins if b["stop_ms"] is not None]
    return {
        "replies": len(replies),
        # How well the person's questions were heard (through the canceller, or not).
        "question_wer": float(np.mean([word_error_rate(r["prompt"], r["heard"][0])
                                       if r["heard"] else 1.0 for r in replies]))
        if replies else None,
        "self_interruptions": sum(r["self_interrupted"] for r in replies),
        "false_onsets": results.get("false_onsets"),
        "barge_ins": len(barge_ins),
        "barge_ins_after_the_reply": len(results["barge_ins"]) - len(barge_ins),
        "barge_ins_stopped": len(stops),
        "barge_in_stop_ms": ({"p50": float(np.percentile(stops, 50)),
                              "p90": float(np.percentile(stops, 90)), "max": max(stops)}
                             if stops else None),
        "barge_in_wer": (float(np.mean([b["wer"] for b in barge_ins])) if barge_ins else None),
        "room_pipe_backlog_ms": results.get("pipe_backlog_ms"),
        "details": results,
    }


def run_echo_benchmark(voice_onnx: Path, models_dir: Path, replies: int = 50,
                       barge_ins: int = 20, progress: Progress | None = None) -> dict:
    """With the canceller and without; writes `RESULTS_FILE`."""
    report = {}
    for name, cancel in (("with_echo_cancellation", True), ("without", False)):
        # Without, a fifth as many: it answers itself, and that is clear soon enough.
        report[name] = run_echo_session(
            voice_onnx, models_dir, cancel=cancel, replies=replies if cancel else max(
                5, replies // 5), barge_ins=barge_ins if cancel else 0,
            progress=(lambda stage, n, total, name=name: progress(f"{name}: {stage}", n, total))
            if progress else None)
    # Noise suppression is kept only if it lowers the word error rate in a noisy room.
    for suppress in (False, True):
        name = f"noisy_room_5db_noise_suppression_{'on' if suppress else 'off'}"
        report[name] = run_echo_session(
            voice_onnx, models_dir, cancel=True, replies=max(5, replies * 2 // 5),
            barge_ins=0, noise_snr_db=5.0, noise_suppression=suppress,
            progress=(lambda stage, n, total, name=name: progress(f"{name}: {stage}", n, total))
            if progress else None)
    RESULTS_FILE.parent.mkdir(parents=True, exist_ok=True)
    RESULTS_FILE.write_text(json.dumps(report, indent=1) + "\n")
    return report


def format_report(report: dict) -> str:
    """The figures as the README's table shows them."""
    lines = []
    for name, figures in report.items():
        text = (f"{name}: {figures['self_interruptions']} self-interruptions in "
                f"{figures['replies']} replies ({figures.get('false_onsets')} short pauses "
                f"for an onset that was no speech); questions heard with WER "
                f"{figures['question_wer']:.3f}")
        stop = figures["barge_in_stop_ms"]
        if figures["barge_ins"]:
            text += (f"; barge-in stopped {figures['barge_ins_stopped']}/{figures['barge_ins']}"
                     + (f", p50 {stop['p50']:.0f} ms, p90 {stop['p90']:.0f} ms, max "
                        f"{stop['max']:.0f} ms" if stop else "")
                     + f"; WER of what was said over it {figures['barge_in_wer']:.2f}")
        lines.append(text)
    return "\n".join(lines)

"""`bench --wake`: each shipped wake phrase heard, false wakes, near misses, how soon it listens.

Detection: each phrase said by the Piper voice at five speeds and by seven espeak-ng
voices, alone ("Alexa.") and run into a request ("Alexa, what's the weather?"), in a
quiet room, with room noise (20 dB below the speech) and in a noisy one (10 dB): 72
takes per phrase. A take counts as heard if the detector fires from the phrase's start to
one second after it ends; the delay from its end is the wake-to-listening latency.

False wakes: hours of other speech and noise, built from the answer-quality benchmark's
questions and conversations said by the same twelve voices and mixed again and again at
random speeds (±15 %), levels and noise (5-30 dB), with pauses and stretches of noise
alone. Each detector is reset after it fires, as the kiosk does. The speech is a remix
of ~500 clips, so 10 hours of it are not 10 hours of different talk.

Near misses: talk that begins the way the phrase does ("Okay, now what?"), said by the
twelve voices; every wake on it is a false one.

All three are measured as the kiosk wakes: on a sure take at once, and on an unsure one when the
local Whisper confirms it (`WakeCheck`, the last 2.5 s); a confirmed take's latency
includes the check.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import soxr

from appliance.apps.kiosk.wake_check import (
    CHECK_SAMPLES,
    PhraseScorer,
    WakeCheck,
    checked_detector,
)
from appliance.apps.kiosk.wake_word import PHRASES, Hearing, WakeWordDetector
from appliance.audio.wav import float_to_int16
from appliance.benchmark.conversations import CONVERSATIONS
from appliance.benchmark.corpus import speech_end, synthesize
from appliance.benchmark.questions import QUESTIONS

RATE = 16000
RESULTS_FILE = Path(__file__).resolve().parents[2] / "bench" / "results" / "wake-word.json"
SAID = {"alexa": "Alexa", "okay_nabu": "Okay Nabu", "hey_jarvis": "Hey Jarvis",
        "hey_mycroft": "Hey Mycroft"}
VOICES = ("piper:0.8", "piper:0.9", "piper:1.0", "piper:1.1", "piper:1.25", "espeak:en-us",
          "espeak:en-gb", "espeak:en-us+f3", "espeak:en-gb-x-rp", "espeak:en-gb+f4",
          "espeak:en-us+m3", "espeak:en-029")
CONDITIONS = {"quiet": None, "room": 20.0, "noisy": 10.0}  # speech-to-noise ratio, dB
CHUNK = 320  # 20 ms, as the microphone delivers it
Progress = Callable[[str, int, int], None]


def noise(rng: np.random.Generator, size: int, *, pink: bool) -> np.ndarray:
    """Unit-RMS white or pink (1/f) noise."""
    white = rng.standard_normal(size)
    if not pink:
        return white.astype(np.float32)
    spectrum = np.fft.rfft(white)
    spectrum /= np.sqrt(np.maximum(np.arange(spectrum.size), 1))
    shaped = np.fft.irfft(spectrum, size)
    return (shaped / (np.std(shaped) or 1)).astype(np.float32)


def _with_noise(audio: np.ndarray, snr_db: float | None, rng: np.random.Generator) -> np.ndarray:
    """int16 audio with noise `snr_db` below its speech (pink or white, at random)."""
    signal = audio.astype(np.float32) / 32768
    if snr_db is not None:
        level = np.sqrt(np.mean(signal[np.abs(signal) > 0.01] ** 2) or 1e-4)
        hiss = noise(rng, signal.size, pink=bool(rng.integers(2)))
        signal = signal + hiss * level * 10 ** (-snr_db / 20)
    return float_to_int16(signal)


def _fired_at(detector: WakeWordDetector, audio: np.ndarray, check: WakeCheck | None = None,
              before: np.ndarray | None = None) -> list[tuple[float, bool]]:
    """When the kiosk would have woken (seconds into `audio`) and whether after a check.

    A sure take wakes at the end of its 20 ms chunk; an unsure one, if `check` confirms
    it, that much later than the check took. `before` is the audio heard just before,
    which a check also hears. The detector is reset after each wake, as the kiosk does.
    """
    fired = []
    heard = np.concatenate([before, audio]) if before is not None else audio
    offset = len(heard) - len(audio)
    for i in range(0, len(audio) - CHUNK + 1, CHUNK):
        hearing, end = detector.listen(audio[i:i + CHUNK].tobytes()), i + CHUNK
        if hearing is Hearing.PHRASE:
            fired.append((end / RATE, False))
            detector.reset()
        elif hearing is Hearing.MAYBE and check is not None:
            recent = heard[max(0, offset + end - CHECK_SAMPLES):offset + end]
            started = time.perf_counter()
            if asyncio.run(check.confirms(recent.tobytes())):
                fired.append((end / RATE + time.perf_counter() - started, True))
                detector.reset()
    return fired


def detection(voice_onnx: Path, phrases=PHRASES, progress: Progress | None = None, *,
              scorer: PhraseScorer | None = None, unsure_from: float = 0.1,
              voices: tuple[str, ...] = VOICES, seed: int = 11) -> dict:
    """Per phrase: takes heard, per condition and voice, and the latency after the phrase."""
    rng = np.random.default_rng(seed)
    results = {}
    for phrase in phrases:
        detector, check = checked_detector(phrase, scorer, unsure_from=unsure_from)
        heard, checked, latencies, per = 0, 0, [], {}
        takes = [(voice, condition, run_on) for voice in voices for condition in CONDITIONS
                 for run_on in (False, True)]
        for n, (voice, condition, run_on) in enumerate(takes):
            said = SAID[phrase] + (", what's the weather like tomorrow?" if run_on else ".")
            phrase_only, _ = synthesize(voice_onnx, SAID[phrase] + ".", voice, lead_s=1.0)
            end_s = speech_end(phrase_only)
            audio, _ = synthesize(voice_onnx, said, voice, lead_s=1.0)
            audio = np.concatenate([audio, np.zeros(RATE, np.int16)])
            detector.reset()
            fired = [(t, was_checked) for t, was_checked in _fired_at(
                detector, _with_noise(audio, CONDITIONS[condition], rng), check)
                if 1.0 <= t <= end_s + 1.0]
            key = f"{condition}/{voice.split(':')[0]}"
            per.setdefault(key, [0, 0])
            per[key][1] += 1
            if fired:
                heard += 1
                checked += fired[0][1]
                per[key][0] += 1
                latencies.append(fired[0][0] - end_s)
            if progress:
                progress(f"detection {phrase}", n + 1, len(takes))
        results[phrase] = {
            "heard": heard, "takes": len(takes), "rate": round(heard / len(takes), 3),
            "heard_after_a_check": checked,
            "by_condition_and_engine": {k: f"{a}/{b}" for k, (a, b) in sorted(per.items())},
            "latency_ms_p50": round(float(np.median(latencies)) * 1000) if latencies else None,
            "latency_ms_p90": round(float(np.percentile(latencies, 90)) * 1000)
            if latencies else None,
        }
    return results


# Talk that begins the way a phrase does: what a room says most often that a model of the
# phrase may take for it ("Okay, now what?"). Not the phrase, so every wake is a false one.
NEAR_MISSES = {
    "okay_nabu": ("Okay, no problem.", "Okay, now what?", "Okay, now boot up the laptop.",
                  "OK, number two please.", "Okay, maybe later.", "Okay, nobody is home.",
                  "OK now, put it back.", "Okay, new plan.", "Okay, not bad.",
                  "Okay, no more.", "Okay, nap time.", "Okay, Nadia, come here.",
                  "Okay, noted.", "Okay, never mind.", "Okay, and now the news."),
    "alexa": ("Alex, a question for you.", "A Lexus is parked outside.", "Alexander is late.",
              "I'll explain it later.", "Alex, sit down.", "Electra is a play.",
              "Alexandra called.", "A leksa? No idea."),
    "hey_mycroft": ("Hey, my croissant is cold.", "Hey, Mike, how are you?", "Hey, my friend.",
                    "Hey, Microsoft Word crashed.", "Hey, my craft fair is on Sunday.",
                    "Hey, Mike Croft is here."),
    "hey_jarvis": ("Hey, Jarvis Street is closed.", "Hey, Travis!", "Hey, Jar of jam please.",
                   "Hey, Marvin.", "Hey, service is slow.", "Hey, Davis, over here."),
}


def near_misses(voice_onnx: Path, phrases=PHRASES, progress: Progress | None = None, *,
                scorer: PhraseScorer | None = None, unsure_from: float = 0.1) -> dict:
    """Per phrase: of its near misses said by the twelve voices, how many woke the kiosk."""
    results = {}
    for phrase in phrases:
        detector, check = checked_detector(phrase, scorer, unsure_from=unsure_from)
        takes = [(text, voice) for text in NEAR_MISSES[phrase] for voice in VOICES]
        woken = checked = 0
        for n, (text, voice) in enumerate(takes):
            audio, _ = synthesize(voice_onnx, text, voice, lead_s=1.0)
            detector.reset()
            fired = _fired_at(detector, np.concatenate([audio, np.zeros(RATE, np.int16)]), check)
            woken += bool(fired)
            checked += bool(fired) and fired[0][1]
            if progress:
                progress(f"near misses {phrase}", n + 1, len(takes))
        results[phrase] = {"takes": len(takes), "woken": woken, "woken_after_a_check": checked,
                           "rate": round(woken / len(takes), 3)}
    return results


def _clips(voice_onnx: Path, progress: Progress | None) -> list[np.ndarray]:
    texts = [q.text for q in QUESTIONS] + [t.text for c in CONVERSATIONS for t in c.turns]
    clips = []
    for n, text in enumerate(texts):
        audio, _ = synthesize(voice_onnx, text, VOICES[n % len(VOICES)], lead_s=0.0)
        clips.append(audio.astype(np.float32) / 32768)
        if progress:
            progress("other speech", n + 1, len(texts))
    return clips


def false_wakes(voice_onnx: Path, hours: float, phrases=PHRASES,
                progress: Progress | None = None, *, scorer: PhraseScorer | None = None,
                unsure_from: float = 0.1) -> dict:
    """Wakes per phrase over `hours` of remixed other speech and noise."""
    rng = np.random.default_rng(5)
    clips = _clips(voice_onnx, progress)
    detectors = {phrase: checked_detector(phrase, scorer, unsure_from=unsure_from)
                 for phrase in phrases}
    wakes = {phrase: [] for phrase in phrases}
    checked = dict.fromkeys(phrases, 0)
    before = np.zeros(0, np.int16)
    total_s, target_s, started = 0.0, hours * 3600, time.perf_counter()
    while total_s < target_s:
        if rng.random() < 0.1:  # noise alone: a fan, traffic, a kettle
            piece = noise(rng, int(RATE * rng.uniform(2, 20)), pink=bool(rng.integers(2)))
            piece *= 10 ** (rng.uniform(-50, -20) / 20)
        else:
            clip = clips[rng.integers(len(clips))]
            speed = rng.uniform(0.85, 1.15)
            piece = soxr.resample(clip, RATE, RATE / speed) * 10 ** (rng.uniform(-20, 0) / 20)
            snr = rng.uniform(5, 30)
            level = np.sqrt(np.mean(piece ** 2) or 1e-6)
            piece = piece + noise(rng, piece.size, pink=True) * level * 10 ** (-snr / 20)
            piece = np.concatenate([piece, np.zeros(int(RATE * rng.uniform(0.2, 2.0)))])
        audio = float_to_int16(piece)
        for phrase, (detector, check) in detectors.items():
            for t, was_checked in _fired_at(detector, audio, check, before):
                wakes[phrase].append(round(total_s + t, 1))
                checked[phrase] += was_checked
        before = np.concatenate([before, audio])[-CHECK_SAMPLES:]
        total_s += audio.size / RATE
        if progress:
            progress("false wakes", int(total_s), int(target_s))
    cpu_s = time.perf_counter() - started
    return {"hours": round(total_s / 3600, 2), "clips": len(clips),
            "wakes": {p: len(w) for p, w in wakes.items()},
            "wakes_after_a_check": checked,
            "per_10_hours": {p: round(len(w) * 36000 / total_s, 2) for p, w in wakes.items()},
            "seconds_into_the_audio": wakes, "wall_seconds": round(cpu_s, 1)}


def run_wake_benchmark(voice_onnx: Path, hours: float = 10.0,
                       progress: Progress | None = None, *, scorer: PhraseScorer | None = None,
                       unsure_from: float = 0.1) -> dict:
    """Both measurements, written to bench/results/wake-word.json.

    With `scorer` (the local Whisper) unsure takes from `unsure_from` are checked, as the
    kiosk does by default; without, only the model's cut-off decides.
    """
    checks = {"scorer": scorer, "unsure_from": unsure_from}
    report = {"checked_from": unsure_from if scorer is not None else None,
              "detection": detection(voice_onnx, progress=progress, **checks),
              "false_wakes": false_wakes(voice_onnx, hours, progress=progress, **checks),
              "near_misses": near_misses(voice_onnx, progress=progress, **checks)}
    RESULTS_FILE.parent.mkdir(parents=True, exist_ok=True)
    RESULTS_FILE.write_text(json.dumps(report, indent=1) + "\n")
    return report


def format_report(report: dict) -> str:
    """A table per phrase: heard, latency, false wakes per 10 hours."""
    wakes = report["false_wakes"]
    checked = report.get("checked_from")
    lines = [f"unsure takes (from {checked}) checked by the local Whisper" if checked
             else "the model's cut-off alone",
             f"{'phrase':12} {'heard':>10} {'of them checked':>16} {'latency p50/p90':>16} "
             f"{'false wakes':>12} (in {wakes['hours']} h)  near misses woken"]
    for phrase, d in report["detection"].items():
        lines.append(f"{phrase:12} {d['heard']:>4}/{d['takes']:<3} {d['rate']:>5.0%} "
                     f"{d.get('heard_after_a_check', 0):>16} "
                     f"{d['latency_ms_p50']!s:>7}/{d['latency_ms_p90']!s:<6} ms "
                     f"{wakes['wakes'][phrase]:>6} ({wakes['per_10_hours'][phrase]} per 10 h, "
                     f"{wakes.get('wakes_after_a_check', {}).get(phrase, 0)} after a check)"
                     + _near(report.get("near_misses", {}).get(phrase)))
    return "\n".join(lines)


def _near(near: dict | None) -> str:
    if not near:
        return ""
    return f"  {near['woken']}/{near['takes']} ({near['woken_after_a_check']} after a check)"

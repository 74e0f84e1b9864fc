"""`appliance bench`: which benchmark, checked options, the report printed and written.

The benchmarks themselves live in `appliance.benchmark`; this module only reads the
command line, starts the one asked for, and says where its figures went.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from appliance.cli.common import fail, settings_of
from appliance.config import Settings


def register(commands, options: argparse.ArgumentParser) -> None:
    """Add `bench` and its options."""
    bench = commands.add_parser("bench", parents=[options],
                                help="latency benchmark (per-stage p50/p90/p99, WER)")
    bench.add_argument("--corpus", help="folder of WAVs with manifest.json (default: built-in)")
    bench.add_argument("--repeat", type=int, default=1, help="runs per utterance (default 1)")
    bench.add_argument("--warmup", type=int, default=1, help="uncounted warm-up runs")
    bench.add_argument("--limit", type=int, help="only the first N utterances")
    bench.add_argument("--out", default="bench.json", help="where to write the JSON report")
    bench.add_argument("--no-pauses", action="store_true",
                       help="skip the false cut-off check (requests with a pause mid-sentence)")
    bench.add_argument("--plots", help="folder for the PNG plots (default: <out>-plots)")
    bench.add_argument("--sessions", type=int, metavar="N",
                       help="instead: 1..N simultaneous conversations through `appliance "
                            "serve`'s WebSocket; p50/p95 per N")
    bench.add_argument("--quality", action="store_true",
                       help="instead: answer quality (spoken questions and conversations "
                            "through `appliance serve`) with client-side latency")
    bench.add_argument("--commands", action="store_true",
                       help="instead: spoken commands (timers, time, volume, devices) and near "
                            "misses through `appliance serve`: recognised or not, and how fast")
    bench.add_argument("--soak", type=float, metavar="MINUTES",
                       help="instead: spoken conversations through `appliance serve` for MINUTES "
                            "(30 for the verdict): memory growth, descriptors, every turn answered")
    bench.add_argument("--wake", action="store_true",
                       help="instead: the kiosk's wake phrases heard across voices and noise, "
                            "false wakes in hours of other speech, wake latency")
    bench.add_argument("--wake-hours", type=float, default=10.0, metavar="HOURS",
                       help="with --wake: hours of other speech and noise (default 10)")
    bench.add_argument("--echo", action="store_true",
                       help="instead: the kiosk in a simulated room, with and without echo "
                            "cancellation: replies cut by its own voice, barge-in time")
    bench.add_argument("--echo-replies", type=int, default=50, metavar="N",
                       help="with --echo: questions answered per run (default 50; "
                            "2/5 as many are talked over)")
    bench.add_argument("--agents", action="store_true",
                       help="instead: 20 spoken multi-step tasks with the front-desk agents and "
                            "with one assistant: tasks done, prompt tokens, handoff latency")
    bench.add_argument("--pii", action="store_true",
                       help="instead: personal-data masking recall and false positives on the "
                            "labelled set (dev and held-out, typed and spoken)")
    bench.add_argument("--typed", action="store_true",
                       help="with --quality or --commands: type the text (no audio)")
    bench.add_argument("--conversations", type=int, metavar="N",
                       help="with --quality: only the first N scripted conversations")
    bench.add_argument("--compare", choices=["stock-pipecat"],
                       help="also run pipecat's documented pipeline on the same corpus")
    bench.set_defaults(func=run_bench)


def run_bench(args: argparse.Namespace) -> int:
    """Run the benchmark the options ask for (the latency benchmark unless told otherwise)."""
    for asked, run in ((args.pii, _pii), (args.wake, _wake), (args.echo, _echo),
                       (args.agents, _agents), (args.soak is not None, _soak)):
        if asked:
            return run(args)
    if args.sessions is not None and args.sessions < 1:
        return fail(f"--sessions must be at least 1, got {args.sessions}")
    if args.repeat < 1:
        return fail(f"--repeat must be at least 1, got {args.repeat}")
    settings = settings_of(args)
    try:
        corpus = _corpus(args, settings)
    except (FileNotFoundError, ValueError, KeyError) as e:
        return fail(str(e))
    if not corpus:
        return fail("the corpus is empty: nothing to measure")
    if args.sessions:
        return _sessions(args, corpus)
    if args.commands:
        return _commands(args, settings)
    if args.quality or args.typed:
        return _quality(args, settings)
    return _latency(args, settings, corpus)


def _latency(args: argparse.Namespace, settings: Settings, corpus) -> int:
    from appliance.benchmark import format_table
    from appliance.benchmark.latency_command import run_latency
    from appliance.benchmark.plots import write_plots

    document = run_latency(settings, corpus, repeat=args.repeat, warmup=args.warmup,
                           check_pauses=not args.no_pauses, stock=bool(args.compare))
    Path(args.out).write_text(json.dumps(document, indent=2))
    print(format_table(document["summary"]))
    if args.compare:
        print("\nstock pipecat, same models:")
        print(format_table(document["stock_pipecat"]["summary"]))
        c = document["comparison"]
        print(f"\nvoice to voice: {c['voice_to_voice_speedup_p50']}x faster at p50, "
              f"{c['voice_to_voice_speedup_p90']}x at p90")
    plots = write_plots(document, _plots_dir(args))
    print(f"written: {args.out}, plots: {', '.join(str(p) for p in plots)}")
    return 0


def _corpus(args: argparse.Namespace, settings: Settings):
    from appliance.benchmark import built_in_corpus, folder_corpus
    from appliance.benchmark.corpus import voice_onnx

    if args.corpus:
        corpus = folder_corpus(Path(args.corpus))
    else:
        corpus = built_in_corpus(voice_onnx(settings))
    return corpus[: args.limit] if args.limit else corpus


def _plots_dir(args: argparse.Namespace) -> Path:
    if args.plots:
        return Path(args.plots)
    out = Path(args.out)
    return out.with_name(f"{out.stem}-plots")


def _quality(args: argparse.Namespace, settings: Settings) -> int:
    from appliance.benchmark.quality_command import run_quality

    if args.conversations is not None and args.conversations < 0:
        return fail(f"--conversations must be 0 or more, got {args.conversations}")
    return _report(args, lambda: run_quality(args, settings))


def _soak(args: argparse.Namespace) -> int:
    from appliance.benchmark.soak import run_soak
    from appliance.benchmark.soak_report import format_soak

    if args.soak <= 0:
        return fail(f"--soak must be more than 0 minutes, got {args.soak:g}")
    folder = Path(args.plots) if args.plots else Path("bench/results")
    try:
        document = run_soak(args.soak, folder, config=args.config, models_dir=args.models_dir)
    except RuntimeError as e:
        return fail(str(e))
    print(format_soak(document["summary"]))
    print(f"written: {folder / 'soak.json'}, plot: {folder / 'soak.png'}")
    return 0 if document["summary"]["passed"] else 1


@contextlib.contextmanager
def _step_bars(label: str = "{}") -> Iterator[Callable[[str, int, int], None]]:
    """A progress bar per benchmark step: `progress(step, done, total)` moves the step's."""
    from tqdm import tqdm

    bars: dict[str, tqdm] = {}

    def progress(step: str, done: int, total: int) -> None:
        bar = bars.get(step) or bars.setdefault(step, tqdm(total=total,
                                                           desc=label.format(step)))
        bar.update(done - bar.n)

    try:
        yield progress
    finally:
        for bar in bars.values():
            bar.close()


def _wake(args: argparse.Namespace) -> int:
    from appliance.benchmark.corpus import voice_onnx
    from appliance.benchmark.wake_bench import RESULTS_FILE, format_report, run_wake_benchmark

    if args.wake_hours <= 0:
        return fail(f"--wake-hours must be above 0, got {args.wake_hours}")
    settings = settings_of(args)
    with _step_bars() as progress:
        # Measured as the kiosk wakes: unsure takes checked by the local Whisper unless
        # kiosk.wake_check is false.
        scorer = _local_whisper(settings) if settings.kiosk.wake_check else None
        report = run_wake_benchmark(voice_onnx(settings), args.wake_hours, progress,
                                    scorer=scorer, unsure_from=settings.kiosk.wake_check_from)
    print(format_report(report))
    print(f"written to {RESULTS_FILE}")
    return 0


def _local_whisper(settings):
    """The local speech-to-text model of `settings`, loaded as the kiosk loads it."""
    from appliance.runtime.engines import LocalModels

    models = LocalModels(settings)
    name = settings.stt.model
    return models.get("stt", name, settings, models.check([("stt", name)])[name])


def _agents(args: argparse.Namespace) -> int:
    from appliance.benchmark.agents_bench import RESULTS_FILE, format_report, run_agents_benchmark
    from appliance.benchmark.corpus import voice_onnx

    with _step_bars("{}: tasks") as progress:
        report = run_agents_benchmark(voice_onnx(settings_of(args)), args.models_dir, progress)
    print(format_report(report))
    print(f"written to {RESULTS_FILE}")
    return 0


def _echo(args: argparse.Namespace) -> int:
    import shutil

    from appliance.benchmark.corpus import voice_onnx
    from appliance.benchmark.echo_bench import RESULTS_FILE, format_report, run_echo_benchmark

    if args.echo_replies < 1:
        return fail(f"--echo-replies must be at least 1, got {args.echo_replies}")
    if not (shutil.which("pulseaudio") and shutil.which("parec")):
        return fail("--echo simulates a room on a PulseAudio test card: install pulseaudio "
                    "and pulseaudio-utils (scripts/install-system-deps.sh)")
    settings = settings_of(args)
    with _step_bars() as progress:
        report = run_echo_benchmark(voice_onnx(settings), settings.models.dir,
                                    args.echo_replies, max(1, args.echo_replies * 2 // 5),
                                    progress)
    print(format_report(report))
    print(f"written to {RESULTS_FILE}")
    return 0


def _pii(args: argparse.Namespace) -> int:
    from appliance.benchmark import pii_bench

    if not pii_bench.DATA_FILE.exists():
        return fail(f"the labelled personal-data set is not here ({pii_bench.DATA_FILE}); "
                    "run this from a checkout of the repository")
    pii_bench.main()
    return 0


def _commands(args: argparse.Namespace, settings: Settings) -> int:
    from appliance.benchmark.commands_bench import run_commands_bench

    return _report(args, lambda: run_commands_bench(args, settings))


def _report(args: argparse.Namespace, run: Callable[[], tuple[dict, str]]) -> int:
    """Run a benchmark that gives (JSON document, table); write one, print the other."""
    from appliance.benchmark.latency_command import machine

    try:
        document, table = run()
    except RuntimeError as e:
        return fail(str(e))
    document["machine"] = machine()
    Path(args.out).write_text(json.dumps(document, indent=2))
    print(table)
    print(f"written: {args.out}")
    return 0


def _sessions(args: argparse.Namespace, corpus) -> int:
    from tqdm import tqdm

    from appliance.benchmark.latency_command import machine
    from appliance.benchmark.plots import sessions_plot
    from appliance.benchmark.sessions import format_sessions, run_sessions_benchmark

    turns = args.repeat * 3
    total = sum(n * turns for n in range(1, args.sessions + 1))
    bar = tqdm(total=total, desc="turns", unit="turn", file=sys.stderr)
    try:
        report = run_sessions_benchmark(
            corpus, args.sessions, turns_per_user=turns, config=args.config,
            models_dir=args.models_dir, progress=lambda done, _: bar.update(done - bar.n))
    except RuntimeError as e:
        return fail(str(e))
    finally:
        bar.close()
    report["machine"] = machine()
    Path(args.out).write_text(json.dumps({"sessions": report}, indent=2))
    print(format_sessions(report))
    folder = _plots_dir(args)
    folder.mkdir(parents=True, exist_ok=True)
    plot = sessions_plot(report, folder / "sessions.png")
    print(f"written: {args.out}, plot: {plot}")
    return 0

"""The `appliance` command: thin subcommands over the packages.

Every expected failure (bad config, missing model, unusable input, no audio
device) ends with one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import sys
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path

from loguru import logger

from appliance.config import ConfigError, Settings, load_settings

EXIT_USAGE = 2

EXAMPLE_WAV = "what-is-the-capital-of-france.wav"


def _setup_logging(verbose: int) -> None:
    from appliance.governance.log_masking import mask_personal_data_in_logs

    mask_personal_data_in_logs()
    logger.remove()
    level = {0: "WARNING", 1: "INFO"}.get(verbose, "DEBUG")
    logger.add(sys.stderr, level=level, format="{time:HH:mm:ss.SSS} {level: <7} {message}")


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return EXIT_USAGE


def _settings(args: argparse.Namespace, **overrides: dict) -> Settings:
    if getattr(args, "models_dir", None):
        overrides.setdefault("models", {})["dir"] = args.models_dir
    return load_settings(args.config, overrides=overrides)


def _example_path() -> Path:
    return Path(str(resources.files("appliance.examples").joinpath(EXAMPLE_WAV)))


def _format_timings(timings: dict) -> str:
    labels = {
        "eot": "end of turn",
        "stt": "speech to text",
        "llm_ttft": "LLM first token",
        "tts_ttfb": "TTS first audio",
        "voice_to_voice": "voice to voice",
    }
    return "  ".join(
        f"{label} {'-' if timings.get(key) is None else f'{timings[key]:.0f} ms'}"
        for key, label in labels.items()
    )


def cmd_converse(args: argparse.Namespace) -> int:
    """Speak a recording to the appliance and keep its spoken reply."""
    from appliance.apps.converse import converse_samples
    from appliance.audio.wav import AudioInputError, AudioTooLongError, read_wav, write_wav
    from appliance.pipeline import load_engines

    source = Path(args.input) if args.input else _example_path()
    if not args.input and not args.json:
        print(f"(no recording given: using the built-in example {EXAMPLE_WAV})")
    try:
        samples = read_wav(source, max_duration_s=args.max_seconds)
    except AudioTooLongError as e:
        return _fail(f"{e}, or raise the limit with --max-seconds")
    except AudioInputError as e:
        return _fail(str(e))
    settings = _settings(args)
    engines = load_engines(settings)

    async def run():
        try:
            await engines.start()
            return await converse_samples(engines, samples)
        finally:
            await engines.aclose()

    result = asyncio.run(run())
    out = Path(args.out)
    if result.playback.audio:
        write_wav(out, bytes(result.playback.audio), result.playback.sample_rate_hz)
    document = result.to_json()
    document["reply_audio"] = str(out) if result.playback.audio else None
    document["models_load_seconds"] = round(engines.load_seconds, 2)
    if args.json:
        print(json.dumps(document, indent=2))
        return 0
    print(f"you said:  {result.transcript or '(nothing recognised)'}")
    print(f"reply:     {result.reply or '(no reply)'}")
    if result.reply:
        print(f"timings:   {_format_timings(document['timings_ms'])}")
        print(f"audio:     {out} ({result.playback.duration_s:.1f} s)")
    for note in result.notes:
        print(f"note:      {note}")
    return 0


def cmd_devices(args: argparse.Namespace) -> int:
    """List audio devices."""
    from appliance.audio.devices import AudioDeviceError, format_device_table, list_devices

    try:
        devices = list_devices()
    except AudioDeviceError as e:
        return _fail(str(e))
    if not devices:
        print("no audio devices found (no sound card, or PortAudio sees none)")
        return 1
    print(format_device_table(devices))
    return 0


def cmd_kiosk(args: argparse.Namespace) -> int:
    """Talk to the appliance through the microphone and speaker."""
    from appliance.apps.kiosk.run import run_kiosk
    from appliance.audio.devices import AudioDeviceError

    def load() -> Settings:
        return _settings(
            args, audio={"input_device": args.input_device, "output_device": args.output_device},
            kiosk=_kiosk_overrides(args))

    try:
        return asyncio.run(run_kiosk(load(), load))
    except AudioDeviceError as e:
        return _fail(str(e))
    except KeyboardInterrupt:
        print("\nbye")
        return 0


def _kiosk_overrides(args: argparse.Namespace) -> dict:
    return {"wake_word": "off" if args.no_wake_word else args.wake_word,
            "push_to_talk": True if args.push_to_talk else None}


def cmd_serve(args: argparse.Namespace) -> int:
    """Run the headless service (with `--kiosk`, the microphone loop in the same process)."""
    from appliance.service.server import run_service

    def load() -> Settings:
        return _settings(args, service={"host": args.host, "port": args.port,
                                        "max_sessions": args.max_sessions},
                         audio={"input_device": args.input_device,
                                "output_device": args.output_device},
                         kiosk=_kiosk_overrides(args))

    from appliance.audio.devices import AudioDeviceError

    try:
        return run_service(load(), load, kiosk=args.kiosk)
    except AudioDeviceError as e:
        return _fail(str(e))


def cmd_wyoming(args: argparse.Namespace) -> int:
    """Serve the Wyoming protocol (Home Assistant's voice services)."""
    from appliance.wyoming.server import run_wyoming

    return run_wyoming(_settings(args), args.uri)


def cmd_satellite(args: argparse.Namespace) -> int:
    """Converse through a Wyoming satellite's microphone and speaker."""
    from appliance.wyoming.satellite import run_satellite

    return run_satellite(_settings(args), args.uri)


def cmd_reload(args: argparse.Namespace) -> int:
    """Ask a running service to re-read its settings file."""
    import httpx

    from appliance.service.auth import load_api_token

    settings = _settings(args)
    host = args.host or settings.service.host
    port = args.port or settings.service.port
    token = load_api_token(settings.service)
    if not token:
        return _fail(f"no API token: set {settings.service.api_token_env} (the service's token)"
                     " or service.api_token_file, as for the service itself")
    url = f"http://{host}:{port}/admin/reload"
    try:
        response = httpx.post(url, headers={"Authorization": f"Bearer {token}"}, timeout=120)
    except httpx.TransportError as e:
        return _fail(f"cannot reach the service at {url} ({e}); is `appliance serve` running?")
    body = response.json()
    if response.status_code != 200:
        return _fail(f"reload refused ({response.status_code}): {body.get('error')}")
    for role, names in body["providers"].items():
        print(f"{role}: {', '.join(names)}")
    print("reloaded")
    return 0


def _bench_corpus(args: argparse.Namespace, settings: Settings):
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


def cmd_bench(args: argparse.Namespace) -> int:
    """Run the latency benchmark on the built-in corpus or a folder of WAVs."""
    from tqdm import tqdm

    from appliance.benchmark import format_table, run_benchmark
    from appliance.benchmark.corpus import paused_corpus, voice_onnx
    from appliance.benchmark.plots import write_plots
    from appliance.benchmark.run import compare, count_false_cutoffs
    from appliance.benchmark.stock import run_stock_benchmark

    if args.pii:
        return _bench_pii()
    if args.wake:
        return _bench_wake(args)
    if args.echo:
        return _bench_echo(args)
    if args.agents:
        return _bench_agents(args)
    if args.soak is not None:
        return _bench_soak(args)
    if args.sessions is not None and args.sessions < 1:
        return _fail(f"--sessions must be at least 1, got {args.sessions}")
    if args.repeat < 1:
        return _fail(f"--repeat must be at least 1, got {args.repeat}")
    settings = _settings(args)
    try:
        corpus = _bench_corpus(args, settings)
    except (FileNotFoundError, ValueError, KeyError) as e:
        return _fail(str(e))
    if not corpus:
        return _fail("the corpus is empty: nothing to measure")
    if args.sessions:
        return _bench_sessions(args, corpus)
    if args.commands:
        return _bench_commands(args, settings)
    if args.quality or args.typed:
        return _bench_quality(args, settings)

    from appliance.pipeline import load_engines

    engines = load_engines(settings)
    bar = tqdm(total=len(corpus) * args.repeat, desc="utterances", unit="utt", file=sys.stderr)

    def progress(done: int, total: int) -> None:
        bar.update(done - bar.n)

    paused = [] if args.no_pauses else paused_corpus(voice_onnx(settings))

    async def run():
        try:
            ours = await run_benchmark(engines, corpus, repeat=args.repeat,
                                       warmup=args.warmup, progress=progress)
            bar.close()
            if paused:
                ours.pauses = await count_false_cutoffs(engines, paused)
            if not args.compare:
                return ours, None
            stock_bar = tqdm(total=len(corpus) * args.repeat, desc="stock pipecat", unit="utt",
                             file=sys.stderr)
            try:
                stock = await run_stock_benchmark(
                    engines, corpus, paused=paused, repeat=args.repeat, warmup=args.warmup,
                    progress=lambda done, total: stock_bar.update(done - stock_bar.n))
            finally:
                stock_bar.close()
            return ours, stock
        finally:
            await engines.aclose()

    result, stock = asyncio.run(run())
    document = result.to_json()
    document["machine"] = _machine()
    if stock is not None:
        document["stock_pipecat"] = stock.to_json()
        document["comparison"] = compare(document["summary"],
                                         document["stock_pipecat"]["summary"])
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


def _bench_quality(args: argparse.Namespace, settings: Settings) -> int:
    from appliance.benchmark.quality_command import run_quality

    if args.conversations is not None and args.conversations < 0:
        return _fail(f"--conversations must be 0 or more, got {args.conversations}")
    return _bench_report(args, lambda: run_quality(args, settings))


def _bench_soak(args: argparse.Namespace) -> int:
    from appliance.benchmark.soak import run_soak
    from appliance.benchmark.soak_report import format_soak

    if args.soak <= 0:
        return _fail(f"--soak must be more than 0 minutes, got {args.soak:g}")
    folder = Path(args.plots) if args.plots else Path("bench/results")
    try:
        document = run_soak(args.soak, folder, config=args.config, models_dir=args.models_dir)
    except RuntimeError as e:
        return _fail(str(e))
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


def _bench_wake(args: argparse.Namespace) -> int:
    from appliance.benchmark.corpus import voice_onnx
    from appliance.benchmark.wake_bench import RESULTS_FILE, format_report, run_wake_benchmark

    if args.wake_hours <= 0:
        return _fail(f"--wake-hours must be above 0, got {args.wake_hours}")
    with _step_bars() as progress:
        report = run_wake_benchmark(voice_onnx(_settings(args)), args.wake_hours, progress)
    print(format_report(report))
    print(f"written to {RESULTS_FILE}")
    return 0


def _bench_agents(args: argparse.Namespace) -> int:
    from appliance.benchmark.agents_bench import RESULTS_FILE, format_report, run_agents_benchmark
    from appliance.benchmark.corpus import voice_onnx

    with _step_bars("{}: tasks") as progress:
        report = run_agents_benchmark(voice_onnx(_settings(args)), args.models_dir, progress)
    print(format_report(report))
    print(f"written to {RESULTS_FILE}")
    return 0


def _bench_echo(args: argparse.Namespace) -> int:
    import shutil

    from appliance.benchmark.corpus import voice_onnx
    from appliance.benchmark.echo_bench import RESULTS_FILE, format_report, run_echo_benchmark

    if args.echo_replies < 1:
        return _fail(f"--echo-replies must be at least 1, got {args.echo_replies}")
    if not (shutil.which("pulseaudio") and shutil.which("parec")):
        return _fail("--echo simulates a room on a PulseAudio test card: install pulseaudio "
                     "and pulseaudio-utils (scripts/install-system-deps.sh)")
    settings = _settings(args)
    with _step_bars() as progress:
        report = run_echo_benchmark(voice_onnx(settings), settings.models.dir,
                                    args.echo_replies, max(1, args.echo_replies * 2 // 5),
                                    progress)
    print(format_report(report))
    print(f"written to {RESULTS_FILE}")
    return 0


def _bench_pii() -> int:
    from appliance.benchmark import pii_bench

    if not pii_bench.DATA_FILE.exists():
        return _fail(f"the labelled personal-data set is not here ({pii_bench.DATA_FILE}); "
                     "run this from a checkout of the repository")
    pii_bench.main()
    return 0


def _bench_commands(args: argparse.Namespace, settings: Settings) -> int:
    from appliance.benchmark.commands_bench import run_commands_bench

    return _bench_report(args, lambda: run_commands_bench(args, settings))


def _bench_report(args: argparse.Namespace, run: Callable[[], tuple[dict, str]]) -> int:
    """Run a benchmark that gives (JSON document, table); write one, print the other."""
    try:
        document, table = run()
    except RuntimeError as e:
        return _fail(str(e))
    document["machine"] = _machine()
    Path(args.out).write_text(json.dumps(document, indent=2))
    print(table)
    print(f"written: {args.out}")
    return 0


def _bench_sessions(args: argparse.Namespace, corpus) -> int:
    from tqdm import tqdm

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
        return _fail(str(e))
    finally:
        bar.close()
    report["machine"] = _machine()
    Path(args.out).write_text(json.dumps({"sessions": report}, indent=2))
    print(format_sessions(report))
    folder = _plots_dir(args)
    folder.mkdir(parents=True, exist_ok=True)
    plot = sessions_plot(report, folder / "sessions.png")
    print(f"written: {args.out}, plot: {plot}")
    return 0


def _machine() -> dict:
    """What the figures were measured on."""
    import platform

    cpu = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "python": platform.python_version(),
            "system": f"{platform.system()} {platform.release()}"}


def _add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", help="TOML settings file (default: $APPLIANCE_CONFIG)")
    parser.add_argument("--models-dir", help="where models live (default: see README)")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more logging")


def _add_wake_options(parser: argparse.ArgumentParser) -> None:
    from appliance.apps.kiosk.wake_word import PHRASES

    wake = parser.add_mutually_exclusive_group()
    wake.add_argument("--wake-word", choices=PHRASES,
                      help="the phrase that wakes the kiosk (default: kiosk.wake_word, okay_nabu)")
    wake.add_argument("--no-wake-word", action="store_true",
                      help="listen to everything said, no wake word")
    wake.add_argument("--push-to-talk", action="store_true",
                      help="press Enter in the terminal to talk, instead of a wake word")


def build_parser() -> argparse.ArgumentParser:
    """The whole command line."""
    from appliance.governance.commands import add_audit_commands, add_tokens_commands
    from appliance.modelstore.commands import add_models_commands
    from appliance.service.approvals_cli import add_approvals_commands

    parser = argparse.ArgumentParser(
        prog="appliance", description="An offline voice appliance: speak, and it answers."
    )
    sub = parser.add_subparsers(dest="command", required=True)

    converse = sub.add_parser("converse", help="speak a WAV recording to the appliance")
    converse.add_argument("input", nargs="?", help="WAV file (default: a built-in question)")
    converse.add_argument("--out", default="reply.wav", help="where to write the spoken reply")
    converse.add_argument("--json", action="store_true", help="print one JSON object")
    converse.add_argument(
        "--max-seconds", type=float, default=120.0, help="refuse longer recordings (default 120)"
    )
    converse.set_defaults(func=cmd_converse)

    kiosk = sub.add_parser("kiosk", help="live conversation on the microphone and speaker")
    kiosk.add_argument("--input-device", help="microphone: index or name (see `devices`)")
    kiosk.add_argument("--output-device", help="speaker: index or name (see `devices`)")
    _add_wake_options(kiosk)
    kiosk.set_defaults(func=cmd_kiosk)

    devices = sub.add_parser("devices", help="list audio devices")
    devices.set_defaults(func=cmd_devices)

    serve = sub.add_parser("serve", help="headless HTTP/WebSocket service")
    serve.add_argument("--host", help="listen address (default 127.0.0.1)")
    serve.add_argument("--port", type=int, help="listen port (default 8765)")
    serve.add_argument("--max-sessions", type=int,
                       help="most simultaneous conversations (default from settings: 4)")
    serve.add_argument("--kiosk", action="store_true",
                       help="also run the kiosk on this machine's microphone and speaker")
    serve.add_argument("--input-device", help="with --kiosk: microphone (see `devices`)")
    serve.add_argument("--output-device", help="with --kiosk: speaker (see `devices`)")
    _add_wake_options(serve)
    serve.set_defaults(func=cmd_serve)

    wyoming = sub.add_parser("wyoming", help="serve Home Assistant through the Wyoming "
                                            "protocol (speech to text, text to speech, "
                                            "conversation)")
    wyoming.add_argument("--uri", default="tcp://127.0.0.1:10700",
                         help="where to listen: tcp://HOST:PORT or unix:///path "
                              "(default tcp://127.0.0.1:10700)")
    wyoming.set_defaults(func=cmd_wyoming)

    satellite = sub.add_parser("satellite", help="converse through a Wyoming satellite's "
                                                "microphone and speaker (wyoming-satellite)")
    satellite.add_argument("--uri", required=True,
                           help="the satellite: tcp://HOST:PORT (wyoming-satellite's --uri)")
    satellite.set_defaults(func=cmd_satellite)

    bench = sub.add_parser("bench", help="latency benchmark (per-stage p50/p90/p99, WER)")
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
    bench.set_defaults(func=cmd_bench)

    reload = sub.add_parser("reload", help="make a running service re-read its settings")
    reload.add_argument("--host", help="service address (default from settings)")
    reload.add_argument("--port", type=int, help="service port (default from settings)")
    reload.set_defaults(func=cmd_reload)

    add_models_commands(sub)
    add_audit_commands(sub)
    add_tokens_commands(sub)
    add_approvals_commands(sub)
    for name, command in sub.choices.items():
        if name not in ("models", "audit", "tokens", "approvals"):
            _add_common(command)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script."""
    _setup_logging(0)  # before pipecat is imported: it logs a banner at import
    from appliance.audio.wav import AudioInputError
    from appliance.modelstore import ModelStoreError

    args = build_parser().parse_args(argv)
    _setup_logging(getattr(args, "verbose", 0))
    try:
        return args.func(args)
    except (ConfigError, ModelStoreError, AudioInputError) as e:
        return _fail(str(e))


if __name__ == "__main__":
    sys.exit(main())

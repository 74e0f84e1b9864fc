"""The model manifest: every model, its files, their hashes and where to get them.

The manifest is data (`models/manifest.toml`), so adding a model or moving a
source is a reviewed one-file change, and the same file serves the fetcher, the
verifier and `appliance models list`.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from appliance.modelstore.errors import ManifestError, UnknownModelError

# A built wheel force-includes the manifest next to this module; an editable
# install or a checkout reads the repository's copy.
PACKAGED_MANIFEST = Path(__file__).parent / "manifest.toml"
REPOSITORY_MANIFEST = Path(__file__).parents[2] / "models" / "manifest.toml"

Role = Literal["vad", "turn", "stt", "llm", "tts"]
Source = Literal["offline", "upstream"]


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class CarrierPart(_Entry):
    """One member of a PyPI wheel that holds (part of) a model file."""

    package: str = Field(min_length=1)
    version: str = Field(min_length=1)
    member: str = Field(min_length=1)
    # Known sizes let a wrong installed copy be skipped before any bytes are copied.
    size: int | None = Field(None, gt=0)

    @property
    def requirement(self) -> str:
        """The pip requirement that pins the carrier, e.g. `pipecat-ai==1.14.0`."""
        return f"{self.package}=={self.version}"


class UpstreamFile(_Entry):
    """Where the model's own repository publishes the file."""

    hub: Literal["huggingface", "github"]
    repo: str = Field(min_length=1)
    revision: str = Field(min_length=1)
    file: str = Field(min_length=1)
    url: str = Field(pattern=r"^https://")


class Conversion(_Entry):
    """The published file the sources hold, and what it is turned into on this machine.

    `into = "gguf-q8_0"`: llama.cpp's own quantizer rewrites a Q4_1 GGUF as Q8_0.
    Every Q4_1 weight is kept to within 1/254 of its block's range (perplexity
    measured here 12.36 against 12.49), and llama.cpp has fast CPU kernels for
    Q8_0 prompts that it lacks for Q4_1 (21 prompt tokens in 54 ms instead of 101).
    """

    into: Literal["gguf-q8_0"]
    source_path: str = Field(pattern=r"^[A-Za-z0-9_][A-Za-z0-9._-]*$")
    source_size: int = Field(gt=0)
    source_sha256: str = Field(pattern=r"^[0-9a-f]{64}$")


class ModelFile(_Entry):
    """One file inside a model's folder, with its expected size and hash."""

    path: str = Field(pattern=r"^[A-Za-z0-9_][A-Za-z0-9._-]*$")
    size: int = Field(gt=0)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    offline: tuple[CarrierPart, ...] = Field(min_length=1)
    upstream: UpstreamFile | None = None
    # Set when the sources hold another file that is converted into this one.
    convert: Conversion | None = None

    @property
    def source(self) -> ModelFile:
        """The file the sources hold: this one, or the one it is converted from."""
        if self.convert is None:
            return self
        return self.model_copy(update={
            "path": self.convert.source_path, "size": self.convert.source_size,
            "sha256": self.convert.source_sha256, "convert": None})

    @model_validator(mode="after")
    def _parts_add_up(self) -> ModelFile:
        sizes = [part.size for part in self.offline]
        expected = self.convert.source_size if self.convert else self.size
        if None not in sizes and sum(sizes) != expected:  # type: ignore[arg-type]
            raise ValueError(
                f"file {self.path!r}: offline part sizes add up to {sum(sizes)} bytes "  # type: ignore[arg-type]
                f"but the source file's size is {expected}; fix one of them"
            )
        return self


class ModelSpec(_Entry):
    """One model: what it is for, its licence, and its files."""

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9._-]*$")
    role: Role
    format: Literal["onnx", "ctranslate2", "gguf"]
    license: str = Field(min_length=1)
    license_note: str = ""
    is_default: bool = Field(alias="default")
    description: str = Field(min_length=1)
    files: tuple[ModelFile, ...] = Field(min_length=1)

    @property
    def size(self) -> int:
        """Total bytes of the model's files."""
        return sum(f.size for f in self.files)

    def file(self, filename: str) -> ModelFile:
        """The manifest entry of one of this model's files."""
        for entry in self.files:
            if entry.path == filename:
                return entry
        names = ", ".join(f.path for f in self.files)
        raise UnknownModelError(
            f"model {self.name!r} has no file {filename!r}; its files are: {names}"
        )

    def file_ending(self, suffix: str) -> ModelFile:
        """The model's one file whose name ends with `suffix` (".gguf", ".onnx")."""
        matches = [entry for entry in self.files if entry.path.endswith(suffix)]
        if len(matches) != 1:
            raise UnknownModelError(
                f"model {self.name!r} has {len(matches)} files ending in {suffix!r}, not one"
            )
        return matches[0]

    @model_validator(mode="after")
    def _unique_paths(self) -> ModelSpec:
        paths = [f.path for f in self.files]
        if len(set(paths)) != len(paths):
            raise ValueError(f"model {self.name!r} lists a file path twice: {paths}")
        return self


class Manifest(_Entry):
    """Every model the appliance knows."""

    schema_version: Literal[1]
    models: tuple[ModelSpec, ...] = Field(min_length=1)

    @property
    def names(self) -> list[str]:
        """Every model name, in manifest order."""
        return [m.name for m in self.models]

    @property
    def default_names(self) -> list[str]:
        """The models `appliance models fetch` gets when given no names."""
        return [m.name for m in self.models if m.is_default]

    def get(self, name: str) -> ModelSpec:
        """The model called `name`.

        Raises:
            UnknownModelError: listing the valid names.
        """
        for model in self.models:
            if model.name == name:
                return model
        raise UnknownModelError(f"unknown model {name!r}; known models: {', '.join(self.names)}")

    @model_validator(mode="after")
    def _unique_names(self) -> Manifest:
        names = self.names
        if len(set(names)) != len(names):
            raise ValueError(f"a model name appears twice: {names}")
        return self


def manifest_path() -> Path:
    """The manifest this installation uses: the packaged copy, else the repository's."""
    if PACKAGED_MANIFEST.is_file():
        return PACKAGED_MANIFEST
    return REPOSITORY_MANIFEST


def load_manifest(path: Path | None = None) -> Manifest:
    """Read and validate a manifest (by default the one `manifest_path()` finds).

    Raises:
        ManifestError: naming the file and every bad entry.
    """
    path = path or manifest_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ManifestError(
            f"model manifest {path} does not exist; reinstall the appliance package "
            f"(a wheel carries it as appliance/modelstore/manifest.toml)"
        ) from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise ManifestError(f"model manifest {path} cannot be read: {e}") from None
    try:
        return Manifest.model_validate(data)
    except ValidationError as e:
        lines = "\n  ".join(_describe(err) for err in e.errors())
        raise ManifestError(f"invalid model manifest {path}:\n  {lines}") from None


def _describe(error: dict) -> str:
    where = ".".join(str(part) for part in error["loc"])
    if error["type"] == "extra_forbidden":
        return f"{where}: unknown key (check the spelling)"
    given = repr(error.get("input"))
    if len(given) > 80:
        given = given[:77] + "..."
    return f"{where}: {error['msg']} (got {given})"

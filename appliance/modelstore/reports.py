"""What fetch, verify and status report back, one row per model."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict

from appliance.modelstore.integrity import FileState
from appliance.modelstore.manifest import Role

ModelState = Literal["present", "missing", "corrupt", "unverified"]
# Worst first: a model is as bad as its worst file.
_SEVERITY: tuple[ModelState, ...] = ("corrupt", "missing", "unverified", "present")


def worst_state(states: list[FileState]) -> ModelState:
    """The state of a model whose files are in `states`."""
    for state in _SEVERITY:
        if state in states:
            return state
    return "present"


class _Report(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FileFetch(_Report):
    """One file of a fetch: assembled now, or already present and intact."""

    path: str
    action: Literal["fetched", "present"]
    size: int
    # Where the bytes came from, one entry per source (a split file has several).
    origins: tuple[str, ...] = ()


class FetchReport(_Report):
    """One model of a fetch."""

    name: str
    directory: Path
    files: tuple[FileFetch, ...]
    seconds: float

    @property
    def fetched_bytes(self) -> int:
        """Bytes written by this fetch (0 when everything was already present)."""
        return sum(f.size for f in self.files if f.action == "fetched")

    @property
    def is_already_present(self) -> bool:
        """True when no file had to be written."""
        return all(f.action == "present" for f in self.files)


class VerifyReport(_Report):
    """One model of a full sha256 verification."""

    name: str
    directory: Path
    state: ModelState
    problem: str = ""


class ModelStatus(_Report):
    """One row of `appliance models list`.

    `state` comes from cheap checks only: "unverified" means a file changed since
    it was last hashed (run `appliance models verify`), "corrupt" that its size
    is wrong.
    """

    name: str
    role: Role
    is_default: bool
    size: int
    state: ModelState
    path: Path
    description: str

"""A secret from an environment variable, else from a file only its owner can read."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from loguru import logger


def read_secret(env_name: str, path: Path | None, what: str, *, without: str) -> str | None:
    """$env_name, else the contents of `path`; None when neither is usable (logged).

    Args:
        env_name: The environment variable to try first.
        path: The file to try next; refused when group or others may read it.
        what: What the secret is, for the log ("API token").
        without: What happens without it, for the log ("the /v1 API stays closed").
    """
    if token := os.environ.get(env_name, "").strip():
        return token
    if path is None:
        return None
    try:
        mode = path.stat().st_mode
        if mode & 0o077:
            logger.warning(f"ignoring {what} file {path}: group or others can read it "
                           f"(mode {stat.filemode(mode)}); run `chmod 600 {path}`")
            return None
        token = path.read_text(encoding="utf-8").strip()
    except OSError as e:
        logger.warning(f"cannot read {what} file {path} ({e.strerror}); {without}")
        return None
    if not token:
        logger.warning(f"{what} file {path} is empty; {without}")
        return None
    return token

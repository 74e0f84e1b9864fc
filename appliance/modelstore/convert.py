"""Turning a published model file into the form the appliance runs, with the model's own tools."""

from __future__ import annotations

import ctypes
import logging
import os
from pathlib import Path

from appliance.modelstore.errors import FetchError


def convert_file(source: Path, target: Path, into: str, *, name: str | None = None) -> None:
    """Write `source` converted `into` a format to `target`.

    `name` is the file's published name, for messages (`source` may be a temp file).

    "gguf-q8_0" requantizes a GGUF file with llama.cpp's own quantizer (through
    llama-cpp-python), so no other tool or download is needed.

    Raises:
        FetchError: the converter is missing or failed; nothing is left at `target`.
    """
    if into != "gguf-q8_0":
        raise FetchError(f"unknown conversion {into!r}; this appliance knows 'gguf-q8_0'")
    try:
        import llama_cpp
    except ImportError:
        raise FetchError(
            "converting a GGUF model needs llama-cpp-python; run `make setup` first"
        ) from None
    params = llama_cpp.llama_model_quantize_default_params()
    params.ftype = llama_cpp.LLAMA_FTYPE_MOSTLY_Q8_0
    params.allow_requantize = True
    params.nthread = os.cpu_count() or 1
    # llama.cpp reports every tensor it writes through its log callback, which
    # llama-cpp-python prints unless its logger is above INFO.
    logger = logging.getLogger("llama-cpp-python")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        failed = llama_cpp.llama_model_quantize(
            str(source).encode(), str(target).encode(), ctypes.byref(params))
    finally:
        logger.setLevel(level)
    if failed:
        target.unlink(missing_ok=True)
        raise FetchError(
            f"llama.cpp could not convert {name or source.name} to Q8_0 (code {failed}); "
            f"is it a GGUF file?")

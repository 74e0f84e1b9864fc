"""A Piper voice cut in two, so its waveform can be decoded a piece at a time.

A Piper (VITS) voice is one ONNX graph: text encoder, duration predictor and flow
make a latent spectrogram-like sequence (192 channels per 256-sample frame), and a
HiFi-GAN decoder turns it into audio. The decoder is most of the time and only
looks ~12 frames either side, so decoding the latent in chunks with a margin gives
the same samples as decoding it whole: the first words can play while the rest is
decoded. Neither piper-tts nor onnxruntime exposes the latent, so the graph is cut
with onnx's own extractor (piper-tts[alignment] brings onnx for the same kind of
edit) and the halves are kept next to the voice.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from appliance.modelstore.assemble import FILE_MODE
from appliance.modelstore.integrity import sha256_of

logger = logging.getLogger(__name__)

_DECODER_PREFIX = "/dec/"
_STAMP_VERSION = 1


@dataclass(frozen=True)
class SplitVoice:
    """The two halves of a voice, as files or (when they cannot be saved) bytes."""

    front: Path | bytes
    decoder: Path | bytes
    latent_name: str


def _latent_name(graph) -> str | None:
    """The one tensor the decoder reads from the rest of the graph, if it is a VITS voice."""
    decoder = [n for n in graph.node if n.name.startswith(_DECODER_PREFIX)]
    if not decoder:
        return None
    made_inside = {out for node in decoder for out in node.output}
    weights = {init.name for init in graph.initializer}
    outside = {name for node in decoder for name in node.input
               if name and name not in made_inside and name not in weights}
    return outside.pop() if len(outside) == 1 else None


def _cut(model_path: Path) -> tuple[bytes, bytes, str] | None:
    import onnx
    from onnx.utils import Extractor

    try:
        model = onnx.load(str(model_path))
    except Exception as e:  # protobuf's DecodeError and friends: not an ONNX graph
        logger.warning("%s is not a readable ONNX graph (%s)", model_path.name, e)
        return None
    latent = _latent_name(model.graph)
    if latent is None:
        return None
    inputs = [i.name for i in model.graph.input]
    outputs = [o.name for o in model.graph.output]
    extractor = Extractor(model)
    front = extractor.extract_model(inputs, [latent])
    decoder = extractor.extract_model([latent], outputs)
    return front.SerializeToString(), decoder.SerializeToString(), latent


def _write_atomically(path: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        # mkstemp makes 0600 files; the service may run as another user than `fetch`.
        os.fchmod(handle, FILE_MODE)
        with os.fdopen(handle, "wb") as f:
            f.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def split_voice(model_path: Path, source_sha256: str | None = None) -> SplitVoice | None:
    """The voice's halves, cut once and then read from beside the voice file.

    `source_sha256` is the voice file's digest when the model store has already
    checked it against the manifest; without it the file is hashed (~50 ms).
    None when the graph is not a VITS voice with a recognisable decoder: the caller
    then synthesizes whole sentences.
    """
    stem = model_path.with_suffix("")
    front_path, decoder_path = (Path(f"{stem}.front.onnx"), Path(f"{stem}.decoder.onnx"))
    stamp_path = Path(f"{stem}.split.json")
    digest = source_sha256 or sha256_of(model_path)
    try:
        stamp = json.loads(stamp_path.read_text())
        if (stamp.get("source_sha256") == digest and stamp.get("version") == _STAMP_VERSION
                and front_path.is_file() and decoder_path.is_file()):
            return SplitVoice(front_path, decoder_path, stamp["latent"])
    except (OSError, ValueError, KeyError):
        pass
    cut = _cut(model_path)
    if cut is None:
        logger.warning("%s has no VITS decoder to cut at: its sentences are synthesized whole",
                       model_path.name)
        return None
    front, decoder, latent = cut
    try:
        _write_atomically(front_path, front)
        _write_atomically(decoder_path, decoder)
        _write_atomically(stamp_path, json.dumps(
            {"version": _STAMP_VERSION, "source_sha256": digest, "latent": latent}).encode())
    except OSError as e:
        # A read-only models folder: cut again at every start (about a second).
        logger.warning("could not keep the split voice beside %s (%s)", model_path.name, e)
        return SplitVoice(front, decoder, latent)
    return SplitVoice(front_path, decoder_path, latent)

"""The latency benchmark as `appliance bench` runs it.

The built-in (or a folder's) corpus through the voice pipeline, the false cut-off check,
and pipecat's stock pipeline beside it when asked; one JSON document out, with the
machine it was measured on.
"""

from __future__ import annotations

import asyncio
import os
import platform
import sys
from pathlib import Path

from appliance.benchmark.corpus import Utterance, paused_corpus, voice_onnx
from appliance.benchmark.run import compare, count_false_cutoffs, run_benchmark
from appliance.benchmark.stock import run_stock_benchmark
from appliance.config import Settings


def run_latency(settings: Settings, corpus: list[Utterance], *, repeat: int, warmup: int,
                check_pauses: bool = True, stock: bool = False) -> dict:
    """Measure every stage of every utterance (`repeat` times); progress bars on stderr."""
    from tqdm import tqdm

    from appliance.pipeline import load_engines

    engines = load_engines(settings)
    paused = paused_corpus(voice_onnx(settings)) if check_pauses else []

    def bar(what: str):
        made = tqdm(total=len(corpus) * repeat, desc=what, unit="utt", file=sys.stderr)
        return made, lambda done, total: made.update(done - made.n)

    async def run():
        try:
            ours_bar, progress = bar("utterances")
            with ours_bar:
                ours = await run_benchmark(engines, corpus, repeat=repeat, warmup=warmup,
                                           progress=progress)
            if paused:
                ours.pauses = await count_false_cutoffs(engines, paused)
            if not stock:
                return ours, None
            stock_bar, progress = bar("stock pipecat")
            with stock_bar:
                return ours, await run_stock_benchmark(engines, corpus, paused=paused,
                                                       repeat=repeat, warmup=warmup,
                                                       progress=progress)
        finally:
            await engines.aclose()

    ours, theirs = asyncio.run(run())
    document = ours.to_json()
    document["machine"] = machine()
    if theirs is not None:
        document["stock_pipecat"] = theirs.to_json()
        document["comparison"] = compare(document["summary"],
                                         document["stock_pipecat"]["summary"])
    return document


def machine() -> dict:
    """What the figures were measured on."""
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

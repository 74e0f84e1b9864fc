"""A latency benchmark started from the console, with progress on the live feed.

The built-in corpus runs through this service's own loaded models: it measures the
service as it is, so conversations running at the same time slow both down. One run at
a time, operators only; `appliance bench` stays the reference run.
"""

from __future__ import annotations

import asyncio
import functools
import secrets
import time

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from loguru import logger

from appliance.benchmark.corpus import built_in_corpus, voice_onnx
from appliance.benchmark.run import run_benchmark
from appliance.ops.events import BenchEvent
from appliance.pipeline import build_conversation
from appliance.runtime.engines import Engines
from appliance.service.bench_job import BenchJob
from appliance.service.bodies import json_object
from appliance.service.deps import Operator, Reader, State, loaded
from appliance.service.state import ServiceState

MAX_UTTERANCES = 40


router = APIRouter(prefix="/console")


def _publish(state: ServiceState) -> None:
    state.feed.publish(BenchEvent(job=state.bench_job.to_dict()))


async def _run(state: ServiceState, engines: Engines, job: BenchJob, utterances: int) -> None:
    try:
        corpus = await asyncio.to_thread(built_in_corpus, voice_onnx(engines.settings))
        corpus = corpus[:utterances]
        job.status, job.total = "running", len(corpus)
        _publish(state)

        def progress(done: int, total: int) -> None:
            job.done, job.total = done, total
            _publish(state)

        build = functools.partial(build_conversation, session_id=f"bench-{job.job_id}")
        result = await run_benchmark(engines, corpus, warmup=1, progress=progress, build=build)
        job.summary, job.status = result.summary(), "done"
    except Exception as e:  # shown on the page; the service carries on
        logger.exception("console benchmark failed")
        job.status, job.error = "failed", f"{type(e).__name__}: {e}"
    _publish(state)


@router.get("/bench")
async def current(_caller: Reader, state: State):
    """The current or last run."""
    return state.bench_job.to_dict()


@router.post("/bench")
async def start(request: Request, _caller: Operator, state: State):
    """Body {"utterances": N}: run the first N utterances of the built-in corpus."""
    count = (await json_object(request)).get("utterances", 5)
    if not isinstance(count, int) or isinstance(count, bool) or \
            not 1 <= count <= MAX_UTTERANCES:
        return JSONResponse({"error": f'send {{"utterances": N}} with N from 1 to '
                                      f'{MAX_UTTERANCES}'}, status_code=400)
    engines = loaded(request)
    # No await between this check and starting the job: two clicks start one run.
    if state.bench_job.status in ("preparing", "running"):
        return JSONResponse({"error": "a benchmark is already running; wait for it "
                                      "(GET /console/bench)"}, status_code=409)
    job = state.bench_job = BenchJob(job_id=secrets.token_hex(3), status="preparing",
                                     total=count, started_at=time.time())
    _publish(state)
    task = asyncio.create_task(_run(state, engines, job, count))
    state.bench_tasks.add(task)
    task.add_done_callback(state.bench_tasks.discard)
    return JSONResponse(job.to_dict(), status_code=202)

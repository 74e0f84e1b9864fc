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
from dataclasses import asdict, dataclass, field

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from loguru import logger

from appliance.benchmark.corpus import built_in_corpus, voice_onnx
from appliance.benchmark.run import run_benchmark
from appliance.ops.events import BenchEvent
from appliance.pipeline import build_conversation
from appliance.service.auth import authorized
from appliance.service.bodies import json_object

MAX_UTTERANCES = 40


@dataclass
class BenchJob:
    """The console's benchmark run: where it is, and its summary once done."""

    job_id: str = ""
    status: str = "idle"  # idle | preparing | running | done | failed
    done: int = 0
    total: int = 0
    started_at: float | None = None
    summary: dict = field(default_factory=dict)
    error: str | None = None

    def to_dict(self) -> dict:
        """JSON for the page and the feed."""
        return asdict(self)


def bench_router(state) -> APIRouter:
    """GET/POST /console/bench over `state` (a ServiceState)."""
    router = APIRouter(prefix="/console")
    job = BenchJob()
    tasks: set[asyncio.Task] = set()

    def publish(job: BenchJob) -> None:
        state.feed.publish(BenchEvent(job=job.to_dict()))

    async def run(job: BenchJob, utterances: int) -> None:
        engines = state.engines
        try:
            corpus = await asyncio.to_thread(built_in_corpus, voice_onnx(engines.settings))
            corpus = corpus[:utterances]
            job.status, job.total = "running", len(corpus)
            publish(job)

            def progress(done: int, total: int) -> None:
                job.done, job.total = done, total
                publish(job)

            build = functools.partial(build_conversation, session_id=f"bench-{job.job_id}")
            result = await run_benchmark(engines, corpus, warmup=1, progress=progress,
                                         build=build)
            job.summary, job.status = result.summary(), "done"
        except Exception as e:  # shown on the page; the service carries on
            logger.exception("console benchmark failed")
            job.status, job.error = "failed", f"{type(e).__name__}: {e}"
        publish(job)

    @router.get("/bench")
    async def current(request: Request):
        """The current or last run."""
        if isinstance(caller := authorized(state, request, "read"), JSONResponse):
            return caller
        return job.to_dict()

    @router.post("/bench")
    async def start(request: Request):
        """Body {"utterances": N}: run the first N utterances of the built-in corpus."""
        nonlocal job
        if isinstance(caller := authorized(state, request, "configure"), JSONResponse):
            return caller
        count = (await json_object(request)).get("utterances", 5)
        if not isinstance(count, int) or isinstance(count, bool) or \
                not 1 <= count <= MAX_UTTERANCES:
            return JSONResponse({"error": f'send {{"utterances": N}} with N from 1 to '
                                          f'{MAX_UTTERANCES}'}, status_code=400)
        if state.engines is None:
            return JSONResponse({"error": "models are still loading"}, status_code=503)
        # No await between this check and starting the job: two clicks start one run.
        if job.status in ("preparing", "running"):
            return JSONResponse({"error": "a benchmark is already running; wait for it "
                                          "(GET /console/bench)"}, status_code=409)
        job = BenchJob(job_id=secrets.token_hex(3), status="preparing", total=count,
                       started_at=time.time())
        publish(job)
        task = asyncio.create_task(run(job, count))
        tasks.add(task)
        task.add_done_callback(tasks.discard)
        return JSONResponse(job.to_dict(), status_code=202)

    return router

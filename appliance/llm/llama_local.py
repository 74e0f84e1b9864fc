"""llama.cpp in-process through llama-cpp-python, loaded from a local GGUF file."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
from llama_cpp import Llama, LogitsProcessorList
from loguru import logger

from appliance.llm.interface import ChatModel, TokenChunk, ToolCall, parse_tool_calls
from appliance.providers.cpu_priority import SPOKEN_FIRST_CHUNK, CpuPriority

_END = object()


class _TokenLogprobs:
    """Log-probabilities of sampled tokens, read off the logits as generation runs.

    llama-cpp-python only reports logprobs with `logits_all=True`, which slows every
    prompt; a logits processor sees each step's logits for free, and the token sampled
    from them shows up as the last input id of the next step.
    """

    def __init__(self) -> None:
        self._previous: np.ndarray | None = None
        self.values: list[float] = []

    def __call__(self, input_ids: np.ndarray, scores: np.ndarray) -> np.ndarray:
        if self._previous is not None and len(input_ids):
            self.values.append(float(self._previous[input_ids[-1]]))
        peak = scores.max()
        self._previous = scores - (peak + np.log(np.exp(scores - peak).sum()))
        return scores


class LlamaLocalChatModel(ChatModel):
    """A GGUF chat model with its embedded chat template, generating on a worker thread.

    llama.cpp keeps the KV cache of the previous prompt and reuses the common
    prefix, so the system prompt and earlier turns are not evaluated again.
    """

    name = "llama-local"

    def __init__(
        self,
        model_path: Path,
        *,
        threads: int = 2,
        context_window_tokens: int = 2048,
        seed: int = 42,
        repeat_penalty: float = 1.1,
        gpu_layers: int = 0,
        cpu: CpuPriority | None = None,
    ):
        """Load the GGUF file.

        Args:
            model_path: The GGUF file.
            threads: CPU threads for prompts and decoding.
            context_window_tokens: The KV cache's size.
            seed: Sampling seed, so a conversation replays the same.
            repeat_penalty: Penalty on recently used tokens.
            gpu_layers: Layers offloaded to a GPU (-1: all; needs a CUDA build).
            cpu: Shared with the voice, which it pauses for (one per process; the
                engines' own when they load it).
        """
        self._cpu = cpu or CpuPriority()
        self._llama = Llama(
            model_path=str(model_path),
            seed=seed,
            n_ctx=context_window_tokens,
            n_threads=threads,
            n_threads_batch=threads,
            n_gpu_layers=gpu_layers,
            verbose=False,
        )
        # llama.cpp's own default; llama-cpp-python's chat API defaults to none, and
        # then the 135M model can loop ("A dog has 3000000000…").
        self._repeat_penalty = repeat_penalty
        # llama.cpp holds one KV cache: generations run one after another on this thread.
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="llama")

    def count_tokens(self, text: str) -> int:
        """Count with the model's own tokenizer."""
        return len(self._llama.tokenize(text.encode("utf-8"), add_bos=False, special=False))

    async def stream(
        self, messages: list[dict], *, max_tokens: int, temperature: float
    ) -> AsyncIterator[TokenChunk]:
        """Stream tokens; closing the iterator stops generation within one token.

        When the text is spoken (`SPOKEN_FIRST_CHUNK` is set by the caller),
        generation pauses once the first spoken chunk is written, until its audio
        has started, so the TTS has the CPU to itself.
        """
        loop = asyncio.get_running_loop()
        voice_first = SPOKEN_FIRST_CHUNK.get()
        queue: asyncio.Queue = asyncio.Queue()
        stop = threading.Event()

        logprobs = _TokenLogprobs()

        def produce() -> None:
            try:
                chunks = self._llama.create_chat_completion(
                    messages=messages,
                    stream=True,
                    max_tokens=max_tokens,
                    temperature=temperature,
                    repeat_penalty=self._repeat_penalty,
                    logits_processor=LogitsProcessorList([logprobs]),
                )
                # Until the voice's first chunk is written: where it ends.
                reply, first_chunk_ends = "", voice_first
                for chunk in chunks:
                    if stop.is_set():
                        break
                    self._cpu.yield_to_foreground()
                    text = chunk["choices"][0]["delta"].get("content")
                    if text:
                        latest = logprobs.values[-1] if logprobs.values else None
                        announcement = None
                        if first_chunk_ends is not None:
                            reply += text
                            if first_chunk_ends(reply):
                                # Announced before the TTS can see the text, and waited
                                # for before the next decode, which would run beside Piper.
                                first_chunk_ends = None
                                announcement = self._cpu.announce_voice()
                        loop.call_soon_threadsafe(queue.put_nowait, TokenChunk(text, latest))
                        if announcement is not None:
                            self._cpu.wait_for_voice(announcement)
            except Exception as e:  # handed to the event loop, raised there
                loop.call_soon_threadsafe(queue.put_nowait, e)
            finally:
                loop.call_soon_threadsafe(queue.put_nowait, _END)

        loop.run_in_executor(self._executor, produce)
        try:
            while (item := await queue.get()) is not _END:
                if isinstance(item, Exception):
                    raise item
                yield item
        finally:
            # Not awaited: a barge-in must not wait for the worker, which notices
            # `stop` after one more token; the next answer queues behind it.
            stop.set()

    def prepare(self, messages: list[dict]) -> None:
        """Evaluate `messages` on the worker thread, ahead of the request they start.

        llama.cpp keeps the last prompt's cache and reuses its longest common prefix:
        rendered with an empty user turn after them, the next real request shares
        everything up to its own words. One token is generated and dropped.
        """
        def run() -> None:
            try:
                self._llama.create_chat_completion(
                    messages=[*messages, {"role": "user", "content": ""}], max_tokens=1,
                    temperature=0.0, repeat_penalty=self._repeat_penalty)
            except Exception as e:  # a cache warm-up failing must never surface
                logger.debug(f"prompt warm-up failed: {e}")

        self._executor.submit(run)

    async def propose_tool_calls(self, messages: list[dict], tools: list[dict], *,
                                 max_tokens: int = 128) -> list[ToolCall]:
        """Ask the model which tools to call, through its own chat template.

        Qwen's embedded template lists the tools and the model answers with a JSON
        call (bare, fenced, or in <tool_call> tags). llama-cpp-python's
        "chatml-function-calling" format was measured worse here: with a system
        prompt its "auto" mode returns the text "functions.NAME:" instead of a call.
        Generation stops as soon as the reply does not start like a call, so a
        plain question costs a few tokens.
        """

        def run() -> list[ToolCall]:
            text = ""
            chunks = self._llama.create_chat_completion(
                messages=messages, tools=tools, tool_choice="auto", max_tokens=max_tokens,
                temperature=0.0, repeat_penalty=self._repeat_penalty, stream=True)
            for chunk in chunks:
                text += chunk["choices"][0]["delta"].get("content") or ""
                head = text.lstrip()
                if len(head) >= 2 and not head.startswith(("{", "`", "<tool_call>"[:len(head)],
                                                           "[")):
                    break  # an ordinary answer: no tool
            return parse_tool_calls(text)

        return await asyncio.get_running_loop().run_in_executor(self._executor, run)

    async def aclose(self) -> None:
        """Stop the worker thread and free the model."""
        self._executor.shutdown(wait=True, cancel_futures=True)
        self._llama.close()

"""`OpenAIChatModel` against a third-party OpenAI-compatible server: llama.cpp's own."""

import sys
import time

import pytest

from appliance.llm.openai_remote import OpenAIChatModel
from appliance.modelstore import ModelStore
from tests.remote.servers import free_port, start_until_ok, stop

pytestmark = pytest.mark.models


@pytest.fixture(scope="module")
def llama_server(settings):
    gguf = ModelStore(settings.models.dir).file_ending("smollm2-135m", ".gguf")
    port = free_port()
    started = time.monotonic()
    process = start_until_ok(
        [sys.executable, "-m", "llama_cpp.server", "--model", str(gguf), "--host", "127.0.0.1",
         "--port", str(port), "--n_ctx", "1024",
         # One thread: llama.cpp's spinning threads crawl when other tests share the two cores.
         "--n_threads", "1", "--n_threads_batch", "1"],
        f"http://127.0.0.1:{port}/v1/models",
    )
    print(f"llama_cpp.server ready in {time.monotonic() - started:.1f} s")
    yield f"http://127.0.0.1:{port}/v1"
    stop(process)


async def test_remote_chat_model_streams_from_llama_cpp_server(llama_server):
    model = OpenAIChatModel(name="llama-server", base_url=llama_server, model="smollm2",
                            api_key=None, timeout_s=60.0, first_byte_timeout_s=30.0)
    messages = [{"role": "system", "content": "You are a helpful voice assistant. Answer in "
                 "one or two short, plain sentences."},
                {"role": "user", "content": "What is the capital of France?"}]
    try:
        chunks = [c async for c in model.stream(messages, max_tokens=32, temperature=0.0)]
    finally:
        await model.aclose()
    assert len(chunks) > 2
    assert "paris" in "".join(c.text for c in chunks).lower()
    assert model.last_usage.completion_tokens > 0  # reported or, if not, estimated

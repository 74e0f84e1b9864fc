"""device = "auto" uses CUDA where a runtime can, the CPU elsewhere; "cuda" insists."""

import pytest

from appliance.modelstore import ModelStoreError
from appliance.modelstore.devices import choose_devices, cuda_support

pytestmark = pytest.mark.unit


def test_auto_takes_cuda_per_runtime_that_has_it():
    devices = choose_devices("auto", {"stt": True, "llm": False, "tts": True})
    assert (devices.stt, devices.llm, devices.tts) == ("cuda", "cpu", "cuda")
    assert devices.describe() == (
        "speech to text on cuda, language model on cpu, voice on cuda")


def test_cuda_refuses_to_start_naming_what_cannot_use_it():
    with pytest.raises(ModelStoreError, match=r"no CUDA for llm.*device = \"auto\""):
        choose_devices("cuda", {"stt": True, "llm": False, "tts": True})


def test_cpu_never_asks_the_runtimes():
    assert choose_devices("cpu", support={}).llm == "cpu"


def test_auto_asks_the_real_runtimes():
    support = cuda_support()
    devices = choose_devices("auto")
    assert [devices.stt, devices.llm, devices.tts] == [
        "cuda" if support[role] else "cpu" for role in ("stt", "llm", "tts")]

"""Which device each on-device engine runs on: the CPU, or a CUDA GPU when there is one.

`device = "auto"` asks each runtime itself whether it can use CUDA: CTranslate2
(faster-whisper) for a CUDA device, llama.cpp for GPU offload (only a CUDA build of
llama-cpp-python has it; see README), onnxruntime (Piper) for its CUDA provider.
"cuda" insists and fails with what is missing; "cpu" never looks.
"""

from __future__ import annotations

from dataclasses import dataclass

from appliance.modelstore.errors import ModelStoreError


@dataclass(frozen=True)
class Devices:
    """The device each engine uses: "cpu" or "cuda"."""

    stt: str = "cpu"
    llm: str = "cpu"
    tts: str = "cpu"

    def describe(self) -> str:
        """One line for the start-up log."""
        return f"speech to text on {self.stt}, language model on {self.llm}, voice on {self.tts}"


def cuda_support() -> dict[str, bool]:
    """Whether each runtime here can use CUDA."""
    import ctranslate2
    import llama_cpp
    import onnxruntime

    return {
        "stt": ctranslate2.get_cuda_device_count() > 0,
        "llm": bool(llama_cpp.llama_supports_gpu_offload()),
        "tts": "CUDAExecutionProvider" in onnxruntime.get_available_providers(),
    }


def choose_devices(setting: str, support: dict[str, bool] | None = None) -> Devices:
    """The devices for `setting` ("cpu", "auto" or "cuda").

    Raises:
        ModelStoreError: "cuda" was asked for and a runtime cannot use it.
    """
    if setting == "cpu":
        return Devices()
    support = support if support is not None else cuda_support()
    if setting == "cuda":
        missing = [role for role, ok in support.items() if not ok]
        if missing:
            raise ModelStoreError(
                f"models.device = \"cuda\", but no CUDA for {', '.join(missing)} here "
                "(no GPU, or a CPU-only build: see README 'GPU'); set device = \"auto\" to "
                "use CUDA where it is available and the CPU elsewhere")
    return Devices(**{role: "cuda" if ok else "cpu" for role, ok in support.items()})

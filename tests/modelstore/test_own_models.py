"""Users bring their own models by path: any GGUF, faster-whisper folder or Piper voice."""

import pytest

from appliance.modelstore import ModelMissingError, ModelStore
from appliance.modelstore.own import check_own_model


@pytest.mark.unit
def test_a_missing_or_wrong_file_is_named_with_what_is_wrong(tmp_path):
    with pytest.raises(ModelMissingError, match="no such file"):
        check_own_model("llm", str(tmp_path / "nothing.gguf"))
    text = tmp_path / "notes.gguf"
    text.write_text("hello")
    with pytest.raises(ModelMissingError, match="not a GGUF file"):
        check_own_model("llm", str(text))
    (tmp_path / "whisper").mkdir()
    (tmp_path / "whisper" / "model.bin").write_bytes(b"x")
    with pytest.raises(ModelMissingError, match="config.json, tokenizer.json"):
        check_own_model("stt", str(tmp_path / "whisper"))
    voice = tmp_path / "voice.onnx"
    voice.write_bytes(b"x")
    with pytest.raises(ModelMissingError, match="voice.onnx.json"):
        check_own_model("tts", str(voice))


@pytest.mark.models
async def test_engines_load_models_named_by_path(settings):
    from pipecat.processors.aggregators.llm_context import LLMContext

    from appliance.benchmark.answer_quality import answer_typed
    from appliance.pipeline import load_engines

    store = ModelStore(settings.models.dir)
    own = settings.model_copy(update={
        "llm": settings.llm.model_copy(update={
            "model": str(store.file_ending("smollm2-135m", ".gguf")),
            "large_model": str(store.file_ending("smollm2-135m", ".gguf"))}),
        "stt": settings.stt.model_copy(update={"model": str(store.require("whisper-tiny.en"))}),
        "tts": settings.tts.model_copy(update={
            "voice": str(store.file_ending("piper-joe-medium", ".onnx"))}),
    })
    engines = load_engines(own)
    try:
        assert [p.model for p in own.providers_for("llm")] == [own.llm.model]
        reply, _, _ = await answer_typed(engines, LLMContext(), "What is the capital of France?")
        assert "paris" in reply.lower()
        heard = await engines.stt.transcribe(b"\0\0" * 16000, 16000)
        assert heard.text.strip() == ""
        audio = b"".join([p async for p in engines.tts.synthesize("Hello there.")])
        assert len(audio) > 10000
    finally:
        await engines.aclose()

"""An agent may speak in its own voice or at its own pace: the device's Piper voice speaks
its turns so, other agents' turns as before, and a voice that is not there is named."""

import numpy as np
import pytest

from appliance.config import Settings
from appliance.modelstore import ModelStore, ModelStoreError
from appliance.routing.ledger import CostLedger
from appliance.routing.routed import RoutedTextToSpeech
from appliance.routing.router import RouteLog
from appliance.runtime.engines import LocalModels, _agent_voices, _build_routers, _local_models

pytestmark = pytest.mark.models

# The smallest models hear and answer (not called here): the voices are what is tested.
SMALL = {"stt": {"model": "whisper-tiny.en"}, "llm": {"model": "smollm2-135m"}}
SENTENCE = "Your order is on its way and should arrive on Tuesday."


@pytest.fixture(scope="module")
def desk(settings, tmp_path_factory):
    """Engines of a desk whose orders agent speaks slower and small talk in another voice."""
    store = ModelStore(settings.models.dir)
    joe = store.file_ending("piper-joe-medium", ".onnx")
    own = tmp_path_factory.mktemp("voices")
    (own / "chatty.onnx").symlink_to(joe)
    (own / "chatty.onnx.json").symlink_to(joe.with_name(joe.name + ".json"))
    desk = Settings.model_validate({**SMALL, "models": {
        "dir": str(settings.models.dir)}, "agents": [
        {"name": "facts", "default": True},
        {"name": "orders", "length_scale": 1.5},
        {"name": "smalltalk", "voice": str(own / "chatty.onnx")},
    ]})
    local = LocalModels(desk)
    routers = _build_routers(desk, local, CostLedger(0.0))
    yield desk, local, routers, _agent_voices(desk, local)
    for engine in local.engines():
        engine._executor.shutdown(wait=False)


async def _spoken(tts, times: int = 4) -> np.ndarray:
    """The sentence said several times: Piper draws each phoneme's length at random
    (one saying's length varies by about 2 %), so pace is compared over a few."""
    return np.frombuffer(b"".join([pcm for _ in range(times)
                                   async for pcm in tts.synthesize(SENTENCE)]),
                         dtype=np.int16)


async def test_each_agent_with_a_voice_of_its_own_is_spoken_in_it(desk):
    _, _, routers, voices = desk
    assert sorted(voices) == ["orders", "smalltalk"]  # facts speaks in the device's voice
    spoken = {}
    for agent in ("facts", "orders", "smalltalk"):
        log = RouteLog()
        log.agent = agent
        tts = RoutedTextToSpeech(routers.get, log, sample_rate_hz=16000,
                                 agent_voice=voices.get)
        spoken[agent] = await _spoken(tts)
        reason = log.take(("tts",))["tts"]["reason"]
        assert (f"in the voice of agent {agent}" in reason) == (agent != "facts"), reason
    # the orders agent's slower pace is heard. Piper rounds each phoneme up to whole frames,
    # so a length scale of 1.5 makes this sentence about 1.37 times as long (30 sayings each)
    assert 1.3 < len(spoken["orders"]) / len(spoken["facts"]) < 1.7
    assert abs(len(spoken["smalltalk"]) / len(spoken["facts"]) - 1) < 0.15
    assert np.abs(spoken["orders"]).max() > 1000  # speech, not silence


def test_an_agents_own_voice_is_loaded_once_and_its_pace_shares_the_devices(desk):
    settings, local, routers, voices = desk
    device = routers["tts"].slots["local"].engine
    assert voices["smalltalk"] is not device  # loaded from its own file
    assert voices["orders"]._decoder is device._decoder  # the same model, paced
    voices_loaded = [name for role, name in local.loaded_names() if role == "tts"]
    assert sorted(voices_loaded) == sorted(["piper-joe-medium", settings.agents[2].voice])
    assert sorted(local.loaded_names()) == sorted(set(_local_models(settings)))


def test_an_agents_voice_that_is_missing_is_named_before_anything_loads(settings, tmp_path):
    desk = Settings.model_validate({**SMALL, "models": {
        "dir": str(settings.models.dir)}, "agents": [
        {"name": "facts", "voice": str(tmp_path / "gone.onnx")}]})
    with pytest.raises(ModelStoreError, match="gone.onnx: no such file"):
        _build_routers(desk, LocalModels(desk), CostLedger(0.0))

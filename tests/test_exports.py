"""Each package's public names are importable and listed in `__all__`."""

import importlib

import pytest

pytestmark = pytest.mark.unit

PACKAGES = ["appliance.stt", "appliance.llm", "appliance.tts", "appliance.turns",
            "appliance.modelstore", "appliance.service", "appliance.audio", "appliance.routing",
            "appliance.governance", "appliance.intents"]


@pytest.mark.parametrize("name", PACKAGES)
def test_every_exported_name_exists(name):
    module = importlib.import_module(name)
    assert module.__all__, f"{name} exports nothing"
    for exported in module.__all__:
        assert hasattr(module, exported), f"{name}.{exported} is listed but missing"
    assert sorted(module.__all__) == sorted(set(module.__all__))

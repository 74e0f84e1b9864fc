"""The supervisor picks the agent a turn needs: by its examples, a model when unsure, the
agent before for a follow-up, else the default; the front-desk example's agents."""

from pathlib import Path

import pytest

from appliance.agents import Supervisor
from appliance.config import ConfigError, Settings, load_settings
from appliance.llm.fake import FakeChatModel
from appliance.providers.errors import ProviderError

pytestmark = pytest.mark.unit

FRONT_DESK = Path(__file__).resolve().parents[2] / "appliance" / "examples" / "front-desk.toml"


@pytest.fixture(scope="module")
def desk():
    return load_settings(FRONT_DESK)


@pytest.mark.parametrize(("said", "agent"), [
    ("What is the capital of Italy?", "facts"),
    ("Where is order 5521?", "orders"),
    ("Check order 1234, then refund the shipping fee.", "orders"),
    ("My parcel never came", "orders"),
    ("Hi there, how are you?", "smalltalk"),
    ("Tell me a joke about cats", "smalltalk"),
    ("Explain why leaves change colour.", "expert"),
])
async def test_the_examples_decide_a_clear_turn_without_a_model(desk, said, agent):
    chooser = FakeChatModel(["smalltalk"])
    choice = await Supervisor(desk.agents, desk.default_agent, chooser).choose(said)
    assert (choice.agent.name, choice.how) == (agent, "classifier"), choice.why
    assert chooser.calls == []  # the model was not asked


async def test_an_unsure_turn_is_put_to_the_model_with_every_agent_named(desk):
    chooser = FakeChatModel(["orders."])
    choice = await Supervisor(desk.agents, desk.default_agent, chooser).choose(
        "I need a refund")
    assert (choice.agent.name, choice.how) == ("orders", "model")
    prompt = chooser.calls[0][0]["content"]
    assert all(f"- {a.name}:" in prompt for a in desk.agents)


class _Broken(FakeChatModel):
    async def stream(self, messages, *, max_tokens, temperature):
        raise ProviderError("fake-llm", "the model is gone", kind="unavailable", retryable=True)
        yield  # pragma: no cover


@pytest.mark.parametrize("chooser", [FakeChatModel(["I am not sure."]), _Broken([]), None])
async def test_without_a_usable_answer_a_follow_up_stays_and_the_rest_goes_to_the_default(
        desk, chooser):
    supervisor = Supervisor(desk.agents, desk.default_agent, chooser)
    follow_up = await supervisor.choose("and the other one?", previous="orders")
    assert (follow_up.agent.name, follow_up.how) == ("orders", "follow-up")
    other = await supervisor.choose("Zebras gallop quickly across the plains.",
                                    previous="orders")
    assert (other.agent.name, other.how) == ("facts", "default")


def test_agent_settings_refuse_two_defaults_or_one_name_twice(tmp_path):
    with pytest.raises(ValueError, match="used twice"):
        Settings.model_validate({"agents": [{"name": "a"}, {"name": "a"}]})
    with pytest.raises(ValueError, match="only one agent may be the default"):
        Settings.model_validate({"agents": [{"name": "a", "default": True},
                                            {"name": "b", "default": True}]})
    bad = tmp_path / "bad.toml"
    bad.write_text('[[agents]]\nname = "orders"\nslots = ["credit_card"]\n')
    with pytest.raises(ConfigError, match="slots"):
        load_settings(bad)
    assert Settings().agents == [] and Settings().default_agent is None

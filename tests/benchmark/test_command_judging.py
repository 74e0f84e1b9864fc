"""How a command turn is judged: the route says what acted; a timer must say its duration."""

import pytest

from appliance.benchmark.command_corpus import DEVICE_DECLINED, CommandCase
from appliance.benchmark.commands_bench import judge, outcome_of
from appliance.intents.handlers import NO_DEVICES

pytestmark = pytest.mark.unit


def test_the_outcome_comes_from_the_llm_route():
    assert outcome_of({"provider": "local"}) is None
    assert outcome_of({"provider": "intents", "reason": "command: HassStartTimer"}) == \
        "HassStartTimer"
    assert outcome_of({"provider": "intents", "reason": "command: HassGetCurrentTime"}) == "time"
    assert outcome_of({"provider": "intents", "reason": "computed answer: time"}) == "time"
    assert outcome_of({"provider": "intents",
                       "reason": "computed answer: cannot do yet (device)"}) == DEVICE_DECLINED


def test_a_timer_is_right_only_with_the_duration_and_name_asked_for():
    case = CommandCase("Set a timer for three minutes called eggs.", "HassStartTimer", 180, "eggs")
    assert judge(case, "HassStartTimer", "OK, the eggs timer for 3 minutes, starting now.")
    assert not judge(case, "HassStartTimer", "OK, the eggs timer for 30 minutes, starting now.")
    assert not judge(case, "HassStartTimer", "OK, a timer for 3 minutes, starting now.")
    assert not judge(case, None, "Eggs take three minutes.")


def test_near_misses_may_be_computed_but_never_acted_on():
    near = CommandCase("How many minutes are in an hour?", None)
    assert judge(near, None, "An hour has 60 minutes.")
    assert judge(near, "computed: units", "There are 60 minutes in an hour.")
    assert not judge(near, "HassStartTimer", "OK, a timer for 1 hour, starting now.")
    assert not judge(near, "computed: cannot do yet (timer)", "I can set timers…")


def test_a_device_command_matched_and_then_declined_counts_as_declined():
    case = CommandCase("Turn off all the lights.", DEVICE_DECLINED)
    assert judge(case, "HassTurnOff", NO_DEVICES)
    assert not judge(case, "HassTurnOff", "Turned off 3 devices.")

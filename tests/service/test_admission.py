"""Voice conversations come first, /v1 shares what is left, and no token takes every slot."""

import pytest

from appliance.config import ServiceSettings
from appliance.service.admission import Admission, Slot

pytestmark = pytest.mark.unit


def test_voice_is_never_refused_because_of_api_requests():
    admission = Admission(ServiceSettings(max_sessions=3, max_api_requests=2,
                                          max_sessions_per_token=3))
    api = [admission.api("token:t") for _ in range(2)]
    assert all(isinstance(slot, Slot) for slot in api)
    voice = [admission.voice(f"token:{n}") for n in range(3)]
    assert all(isinstance(slot, Slot) for slot in voice)  # /v1 does not hold voice back
    assert isinstance(admission.voice("token:9"), str)  # but max_sessions does
    for slot in api:
        admission.release(slot)
    # With voice using every session, /v1 waits: its requests share what voice leaves.
    refused = admission.api("token:t")
    assert isinstance(refused, str) and "busy" in refused
    admission.release(voice[0])
    assert isinstance(admission.api("token:t"), Slot)


def test_one_token_cannot_hold_every_conversation():
    admission = Admission(ServiceSettings(max_sessions=4, max_sessions_per_token=2))
    mine = [admission.voice("token:a") for _ in range(2)]
    assert all(isinstance(slot, Slot) for slot in mine)
    refused = admission.voice("token:a")
    assert isinstance(refused, str) and "max_sessions_per_token" in refused
    assert isinstance(admission.voice("token:b"), Slot)
    admission.release(mine[0])
    assert isinstance(admission.voice("token:a"), Slot)
    assert admission.count("voice") == 3


def test_api_requests_per_minute_are_per_token():
    now = [0.0]
    admission = Admission(ServiceSettings(api_requests_per_minute=2, max_api_requests=8,
                                          max_sessions=8), clock=lambda: now[0])
    for _ in range(2):
        admission.release(admission.api("token:a"))
    assert "per_minute" in admission.api("token:a")
    assert isinstance(admission.api("token:b"), Slot)
    now[0] = 61.0
    assert isinstance(admission.api("token:a"), Slot)

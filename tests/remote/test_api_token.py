"""Where the /v1 API token comes from, and when a token file is refused."""

import pytest
from loguru import logger

from appliance.config import ServiceSettings
from appliance.governance.tokens import TokenInfo
from appliance.service.auth import Authorizer, load_api_token

pytestmark = pytest.mark.unit

UNSET_ENV = "APPLIANCE_TEST_TOKEN_NOT_SET"


@pytest.fixture
def warnings():
    messages = []
    sink = logger.add(messages.append, level="WARNING", format="{message}")
    yield messages
    logger.remove(sink)


def token_file(tmp_path, mode: int):
    path = tmp_path / "token"
    path.write_text("file-token\n")
    path.chmod(mode)
    return path


def test_a_token_file_readable_by_others_is_refused_with_the_fix(tmp_path, warnings):
    path = token_file(tmp_path, 0o644)
    settings = ServiceSettings(api_token_env=UNSET_ENV, api_token_file=path)
    assert load_api_token(settings) is None
    assert len(warnings) == 1
    assert str(path) in warnings[0] and f"chmod 600 {path}" in warnings[0]
    assert "file-token" not in warnings[0]


def test_a_private_token_file_is_used(tmp_path, warnings):
    settings = ServiceSettings(api_token_env=UNSET_ENV, api_token_file=token_file(tmp_path, 0o600))
    assert load_api_token(settings) == "file-token"
    assert warnings == []


def test_the_environment_variable_wins_over_the_file(tmp_path, monkeypatch):
    monkeypatch.setenv("APPLIANCE_TEST_TOKEN", "env-token")
    settings = ServiceSettings(api_token_env="APPLIANCE_TEST_TOKEN",
                               api_token_file=token_file(tmp_path, 0o600))
    assert load_api_token(settings) == "env-token"


def test_a_missing_token_file_leaves_the_api_closed(tmp_path, warnings):
    settings = ServiceSettings(api_token_env=UNSET_ENV, api_token_file=tmp_path / "absent")
    assert load_api_token(settings) is None
    assert "absent" in warnings[0]


def test_without_a_token_every_request_is_told_how_to_set_one(tmp_path, monkeypatch):
    monkeypatch.delenv("MY_TOKEN", raising=False)
    settings = ServiceSettings(api_token_env="MY_TOKEN", tokens_path=tmp_path / "tokens.db")
    reason = Authorizer(settings).check("Bearer anything", "converse").reason
    assert "MY_TOKEN" in reason and "api_token_file" in reason and "0600" in reason


@pytest.mark.parametrize("header, accepted", [
    ("Bearer s3cret", True), ("bearer s3cret", True), ("Bearer wrong", False),
    ("s3cret", False), ("Basic s3cret", False), (None, False), ("Bearer ", False),
])
def test_only_the_exact_bearer_token_passes(header, accepted, tmp_path, monkeypatch):
    monkeypatch.setenv("MY_TOKEN", "s3cret")
    settings = ServiceSettings(api_token_env="MY_TOKEN", tokens_path=tmp_path / "tokens.db")
    assert isinstance(Authorizer(settings).check(header, "converse"), TokenInfo) is accepted

"""The kinds of personal data are one table: the detector, the masker and the settings agree."""

import pytest

from appliance.config import ConfigError, load_settings
from appliance.config.governance import PERSONAL_DATA_KIND_TABLE, PersonalDataSettings
from appliance.governance.masking import DEFAULT_ACTIONS, LABELS, PersonalDataMasker
from appliance.governance.personal_data import PERSONAL_DATA_KINDS
from appliance.governance.tagger import LABELS as TAGGER_LABELS
from appliance.governance.tagger import RULE_TAGS

pytestmark = pytest.mark.unit


def test_the_detector_the_masker_and_the_settings_know_the_same_kinds():
    assert PERSONAL_DATA_KINDS == tuple(PERSONAL_DATA_KIND_TABLE)
    assert set(LABELS) == set(DEFAULT_ACTIONS) == set(PERSONAL_DATA_KINDS)
    for kind in PERSONAL_DATA_KINDS:
        settings = PersonalDataSettings(actions={kind: "local"})
        assert PersonalDataMasker(dict(settings.actions)).actions[kind] == "local"


def test_identity_and_money_stay_on_the_device_unless_configured():
    assert {k for k, action in DEFAULT_ACTIONS.items() if action == "local"} == {
        "card", "us_ssn", "iban"}


def test_the_tagger_only_labels_kinds_of_the_table():
    assert set(TAGGER_LABELS.values()) <= set(PERSONAL_DATA_KINDS)
    assert set(RULE_TAGS) <= set(PERSONAL_DATA_KINDS)


def test_an_unknown_kind_in_the_config_is_refused_naming_the_kinds(tmp_path):
    path = tmp_path / "appliance.toml"
    path.write_text('[governance.personal_data.actions]\npassport = "local"\n')
    with pytest.raises(ConfigError) as caught:
        load_settings(path)
    message = str(caught.value)
    assert "governance.personal_data.actions.passport" in message
    assert all(repr(kind) in message for kind in PERSONAL_DATA_KINDS), message


def test_an_unknown_action_in_the_config_is_refused_naming_the_actions(tmp_path):
    path = tmp_path / "appliance.toml"
    path.write_text('[governance.personal_data.actions]\nemail = "drop"\n')
    with pytest.raises(ConfigError, match="actions.email: Input should be 'mask' or 'local'"):
        load_settings(path)

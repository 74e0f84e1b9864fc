"""`appliance audit export` writes signed JSON lines that another machine verifies with the
public key alone: any line edited, deleted, inserted or moved, or the end cut off, is caught."""

import json

import pytest

from appliance.cli import main
from appliance.config import load_settings
from appliance.governance.audit import open_audit_trail

pytestmark = pytest.mark.unit


@pytest.fixture
def exported(tmp_path, monkeypatch, capsys):
    """An export of 12 records (with a checkpoint), the public key, and a config."""
    monkeypatch.setenv("APPLIANCE_AUDIT_KEY", "B" * 43 + "=")
    config = tmp_path / "appliance.toml"
    config.write_text(f'[governance.audit]\npath = "{tmp_path / "state" / "audit.db"}"\n'
                      "checkpoint_every_records = 5\n")
    trail = open_audit_trail(load_settings(config).governance.audit)
    for n in range(12):
        trail.append("turn", {"llm": "local", "n": n}, sensitive={"transcript": f"question {n}"},
                     session_id="s", turn_id=f"turn-{n}")
    trail.close()
    out = tmp_path / "audit.jsonl"
    assert main(["audit", "--config", str(config), "export", "--out", str(out)]) == 0
    assert main(["audit", "--config", str(config), "public-key", "--out",
                 str(tmp_path / "appliance.pub")]) == 0
    capsys.readouterr()
    return out, tmp_path / "appliance.pub"


def verify_elsewhere(export, public_key, tmp_path, monkeypatch, capsys):
    """`verify --export` as on another machine: no audit key, no database, no signing key."""
    monkeypatch.delenv("APPLIANCE_AUDIT_KEY", raising=False)
    monkeypatch.setenv("APPLIANCE_STATE_DIR", str(tmp_path / "another-machine"))
    code = main(["audit", "verify", "--export", str(export), "--public-key", str(public_key)])
    return code, capsys.readouterr().out


def test_an_export_carries_the_chain_and_is_private(exported):
    export, _ = exported
    assert export.stat().st_mode & 0o777 == 0o600
    lines = [json.loads(line) for line in export.read_text().splitlines()]
    assert [line["type"] for line in lines[:2]] == ["header", "record"]
    assert lines[-1]["type"] == "end" and lines[-1]["records"] == 12
    record = lines[3]
    assert {"seq", "prev", "chain", "data_json", "secret_sha256", "digest"} <= record.keys()
    assert record["prev"] == lines[2]["chain"]
    assert record["sensitive"]["transcript"] == "question 2"  # decrypted, and covered
    assert [line["seq"] for line in lines if line["type"] == "checkpoint"] == [5, 10, 12]


def test_an_untouched_export_verifies_with_only_the_public_key(exported, tmp_path,
                                                               monkeypatch, capsys):
    code, out = verify_elsewhere(*exported, tmp_path, monkeypatch, capsys)
    assert code == 0 and "ok: 12 records, export intact and signed" in out


def _edit(lines):
    entry = json.loads(lines[4])
    entry["sensitive"]["transcript"] = "something else"
    lines[4] = json.dumps(entry)


def _insert(lines):
    lines.insert(5, lines[5])


def _swap(lines):
    lines[4], lines[5] = lines[5], lines[4]


TAMPERING = {
    "edited": (_edit, "line 5 was edited"),
    "deleted": (lambda lines: lines.pop(4), "line 5 was edited, or a line before it was deleted"),
    "inserted": (_insert, "line 7 was edited"),
    "reordered": (_swap, "line 5 was edited"),
    "truncated": (lambda lines: lines.pop(), "no end line: it was cut off"),
    "cut mid-line": (lambda lines: lines.__setitem__(-1, lines[-1][:40]), "is not JSON"),
    "last record dropped": (lambda lines: lines.pop(-5), "line 13 was edited"),
    "appended": (lambda lines: lines.append(lines[3]), "comes after the end line"),
}


@pytest.mark.parametrize("how", TAMPERING)
def test_any_tampering_with_an_export_is_caught(exported, how, tmp_path, monkeypatch, capsys):
    export, public_key = exported
    change, expected = TAMPERING[how]
    lines = export.read_text().splitlines()
    change(lines)
    export.write_text("\n".join(lines) + "\n")
    code, out = verify_elsewhere(export, public_key, tmp_path, monkeypatch, capsys)
    assert code == 1 and expected in out, out


def test_a_re_digested_export_fails_the_signature(exported, tmp_path, monkeypatch, capsys):
    """Recomputing every digest after an edit still leaves the signed end line behind."""
    from appliance.governance.audit_export import _digest

    export, public_key = exported
    entries = [json.loads(line) for line in export.read_text().splitlines()]
    entries[4]["data"]["llm"] = "cloud"
    digest = "0" * 64
    for entry in entries[:-1]:
        digest = entry["digest"] = _digest(digest, entry)
    export.write_text("".join(json.dumps(e) + "\n" for e in entries))
    code, out = verify_elsewhere(export, public_key, tmp_path, monkeypatch, capsys)
    assert code == 1 and "signed end line does not match" in out


def test_another_appliances_key_is_refused(exported, tmp_path, monkeypatch, capsys):
    from appliance.governance.checkpoints import load_or_create_signing_key, public_key_pem

    export, _ = exported
    other = tmp_path / "other.pub"
    other.write_text(public_key_pem(load_or_create_signing_key(tmp_path / "other.key")))
    code, out = verify_elsewhere(export, other, tmp_path, monkeypatch, capsys)
    assert code == 1 and "not by this public key" in out

"""`appliance audit`: verify names the tampered record, show and export read it back."""

import csv
import json
import sqlite3

import pytest

from appliance.cli import main

pytestmark = pytest.mark.unit


@pytest.fixture
def db(tmp_path, monkeypatch):
    key = tmp_path / "audit.key"
    monkeypatch.setenv("APPLIANCE_AUDIT_KEY", "B" * 43 + "=")
    config = tmp_path / "appliance.toml"
    config.write_text(f'[governance.audit]\npath = "{tmp_path / "audit.db"}"\n'
                      f'key_file = "{key}"\n')
    from appliance.config import load_settings
    from appliance.governance import open_audit_trail

    trail = open_audit_trail(load_settings(config).governance.audit)
    for n in range(1, 4):
        trail.append("turn", {"llm": "local"}, sensitive={"transcript": f"question {n}"},
                     session_id="s", turn_id=f"turn-{n}")
    trail.close()
    return config, tmp_path / "audit.db"


def test_verify_passes_then_names_the_edited_record(db, capsys):
    config, path = db
    assert main(["audit", "--config", str(config), "verify"]) == 0
    assert "ok: 3 records" in capsys.readouterr().out
    con = sqlite3.connect(path)
    con.execute("UPDATE records SET data = '{\"llm\":\"cloud\"}' WHERE seq = 2")
    con.commit()
    con.close()
    assert main(["audit", "--config", str(config), "verify"]) == 1
    assert "first bad record 2" in capsys.readouterr().out


def test_show_prints_one_turn_decrypted(db, capsys):
    config, _ = db
    assert main(["audit", "--config", str(config), "show", "turn-2"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["sensitive"]["transcript"] == "question 2"
    assert main(["audit", "--config", str(config), "show", "nope"]) == 2
    assert "no records for turn 'nope'" in capsys.readouterr().err


def test_export_jsonl_and_csv_since_a_date(db, tmp_path, capsys):
    config, _ = db
    out = tmp_path / "audit.csv"
    assert main(["audit", "--config", str(config), "export", "--format", "csv",
                 "--out", str(out)]) == 0
    rows = list(csv.DictReader(out.open()))
    assert [r["turn_id"] for r in rows] == ["turn-1", "turn-2", "turn-3"]
    assert main(["audit", "--config", str(config), "export", "--since", "2999-01-01"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["type"] for line in lines] == ["header", "end"]  # no records, still signed
    assert main(["audit", "--config", str(config), "export", "--since", "yesterday"]) != 0


def test_a_missing_trail_says_where_it_looked(tmp_path, capsys):
    config = tmp_path / "appliance.toml"
    config.write_text(f'[governance.audit]\npath = "{tmp_path / "none.db"}"\n')
    assert main(["audit", "--config", str(config), "verify"]) == 2
    assert "no audit trail at" in capsys.readouterr().err


def test_the_wrong_key_cannot_pass_off_the_trail(db, tmp_path, monkeypatch, capsys):
    config, path = db
    monkeypatch.setenv("APPLIANCE_AUDIT_KEY", "A" * 43 + "=")
    assert main(["audit", "--config", str(config), "verify"]) == 1
    assert "altered or forged" in capsys.readouterr().out

"""`salesbot schema`: the JSON Schema of scenario files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from salesbot.cli.main import main


def test_prints_a_json_schema_with_identity(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] and schema["title"] == "SalesBot scenario" and schema["description"]
    assert {"id", "language", "pains", "objections", "closing_signals", "outcomes"} <= set(schema["properties"])
    assert schema["properties"]["language"]["enum"] == ["nl", "en"]


def test_output_writes_the_same_schema_to_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "scenario.schema.json"
    assert main(["schema", "--output", str(target)]) == 0
    assert capsys.readouterr().out == ""
    main(["schema"])
    assert json.loads(target.read_text("utf-8")) == json.loads(capsys.readouterr().out)


def test_unwritable_output_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "--output", str(tmp_path)]) == 1
    assert "is a directory" in capsys.readouterr().err
    assert main(["schema", "-o", str(tmp_path / "missing" / "s.json")]) == 1
    assert "cannot write" in capsys.readouterr().err

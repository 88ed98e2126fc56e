"""`salesbot validate`: problems as file:line:column, a summary line, exit codes."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from salesbot.cli.main import main

DATA = Path(__file__).resolve().parents[1] / "data" / "scenarios"
REPO = Path(__file__).resolve().parents[2]


def test_bundled_scenarios_are_valid(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(REPO / "scenarios")]) == 0
    out = capsys.readouterr().out
    assert out.strip().endswith("files checked: 0 errors, 0 warnings, all valid")


def test_every_problem_is_printed_with_its_position_and_exit_is_1(capsys: pytest.CaptureFixture[str]) -> None:
    bad = DATA / "invalid" / "unknown-benefit-pain.yaml"
    assert main(["validate", str(bad), str(DATA / "valid")]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [
        f"{bad}:31:7: objection 'price' can never be resolved: none of the linked pains (jam) can be revealed",
        f"{bad}:31:27: unknown pain 'jam' (known pains: jams)",
    ]
    assert captured.err.strip() == "2 files checked: 2 errors, 0 warnings in 1 file"


def test_a_folder_of_broken_files_reports_each_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--quiet", str(DATA / "invalid")]) == 1
    lines = capsys.readouterr().out.splitlines()
    files = {line.split(":", 1)[0] for line in lines}
    assert files == {str(p) for p in (DATA / "invalid").glob("*.yaml")}


def test_warnings_pass_unless_strict(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "warn.yaml"
    path.write_text((DATA / "valid" / "minimal.yaml").read_text().replace("at_readiness: 60", "at_readiness: 5"))
    assert main(["validate", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"{path}:34:19: warning: closing signal 'delivery'" in out
    assert "1 file checked: 0 errors, 1 warning, all valid" in out
    assert main(["validate", "--strict", str(path)]) == 1


def test_duplicate_ids_across_files(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(DATA / "duplicate-ids")]) == 1
    assert "duplicate scenario id 'minimal'" in capsys.readouterr().out


def test_missing_path_is_a_clear_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "no/such/file.yaml"]) == 2
    assert capsys.readouterr().err.strip() == "salesbot validate: no such file or directory: no/such/file.yaml"


def test_folder_without_scenarios(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(tmp_path)]) == 2
    assert "no .yaml or .yml files" in capsys.readouterr().err


def test_binary_and_empty_files_are_named_without_traceback(tmp_path: Path) -> None:
    (tmp_path / "image.yaml").write_bytes(b"\x00\x01\x02")
    shutil.copy(DATA / "invalid" / "empty.yaml", tmp_path / "empty.yaml")
    result = subprocess.run([sys.executable, "-m", "salesbot", "validate", str(tmp_path)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert f"{tmp_path / 'image.yaml'}:1:1: binary file" in result.stdout
    assert f"{tmp_path / 'empty.yaml'}:1:1: empty file" in result.stdout
    assert "Traceback" not in result.stderr

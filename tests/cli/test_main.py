"""The `salesbot` entry point: help, usage errors and error handling never show a traceback."""

import argparse
import subprocess
import sys

import pytest

from salesbot.cli import main as main_module
from salesbot.cli.errors import CliError
from salesbot.cli.main import build_parser, main


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "salesbot", *args], capture_output=True, text=True, timeout=60
    )


def test_help_lists_every_command() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    commands = main_module._subparsers(build_parser())
    for name in commands:
        assert name in result.stdout


def test_every_command_has_its_own_help() -> None:
    commands = main_module._subparsers(build_parser())
    for name, parser in commands.items():
        assert parser.description or parser.format_help(), name
        with pytest.raises(SystemExit) as exit_info:
            main([name, "--help"])
        assert exit_info.value.code == 0


def test_unknown_command_is_a_short_usage_error() -> None:
    result = run_cli("frobnicate")
    assert result.returncode == 2
    assert "invalid choice" in result.stderr
    assert "Traceback" not in result.stderr


def test_no_command_prints_help_and_fails() -> None:
    result = run_cli()
    assert result.returncode == 2
    assert "usage: salesbot" in result.stdout


def _stub_parser(func):  # type: ignore[no-untyped-def]
    class Stub:
        def parse_known_args(self, _argv: object) -> tuple[argparse.Namespace, list[str]]:
            return argparse.Namespace(command="demo", func=func), []

    return Stub()


def test_cli_error_is_one_line_without_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def failing(_args: object) -> int:
        raise CliError("scenario 'nope' not found")

    monkeypatch.setattr(main_module, "build_parser", lambda: _stub_parser(failing))
    assert main_module.main([]) == 1
    assert capsys.readouterr().err.strip() == "salesbot demo: scenario 'nope' not found"


def test_unexpected_error_is_reported_without_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def crashing(_args: object) -> int:
        raise KeyError("state")

    monkeypatch.delenv("SALESBOT_DEBUG", raising=False)
    monkeypatch.setattr(main_module, "build_parser", lambda: _stub_parser(crashing))
    assert main_module.main([]) == 1
    err = capsys.readouterr().err
    assert "internal error: KeyError" in err
    assert "Traceback" not in err


def test_unknown_option_names_the_sub_command() -> None:
    result = run_cli("scenarios", "--bogus")
    assert result.returncode == 2
    assert "salesbot scenarios: error: unrecognized arguments: --bogus" in result.stderr
    assert "Traceback" not in result.stderr

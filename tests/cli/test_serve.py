"""`salesbot serve` from the command line: configuration errors are one line, the token never shows."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ"


def serve(
    *args: str, env: dict[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "SALESBOT_"))}
    return subprocess.run(
        [sys.executable, "-m", "salesbot", "serve", *args],
        env={**clean, **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def assert_one_line(result: subprocess.CompletedProcess[str], expected: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert TOKEN not in result.stderr + result.stdout and TOKEN.split(":")[1] not in result.stderr
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert lines and lines[-1].startswith("salesbot serve: ") and expected in lines[-1], result.stderr


def test_help_documents_every_environment_variable() -> None:
    result = serve("--help")
    assert result.returncode == 0
    for name in (
        "TELEGRAM_BOT_TOKEN",
        "SALESBOT_TELEGRAM_API_URL",
        "SALESBOT_DB",
        "SALESBOT_TRAINERS",
        "SALESBOT_SCENARIOS",
    ):
        assert name in result.stdout
    assert "--webhook-url" in result.stdout and "--listen" in result.stdout and "--port" in result.stdout


def test_missing_token() -> None:
    result = serve()
    assert_one_line(result, "no bot token: set TELEGRAM_BOT_TOKEN")
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("token", ["not-a-token", TOKEN[:-20]])
def test_malformed_token(token: str) -> None:
    result = serve(env={"TELEGRAM_BOT_TOKEN": token})
    assert_one_line(result, "the bot token is malformed")
    assert token not in result.stderr


def test_bad_api_url_and_database_path(tmp_path: Path) -> None:
    result = serve(env={"TELEGRAM_BOT_TOKEN": TOKEN, "SALESBOT_TELEGRAM_API_URL": "http://127.0.0.1:1/other"})
    assert_one_line(result, "must end with /bot<token>")
    result = serve("--db", str(tmp_path), env={"TELEGRAM_BOT_TOKEN": TOKEN})
    assert_one_line(result, "must be a file, not a directory")
    bogus = tmp_path / "notes.db"
    bogus.write_text("not a database " * 100)
    result = serve(
        "--db",
        str(bogus),
        env={
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "SALESBOT_TELEGRAM_API_URL": f"http://127.0.0.1:{closed_port()}/bot",
        },
    )
    assert_one_line(result, "cannot open the database")


def test_an_unreachable_bot_api_is_one_line_without_the_token(tmp_path: Path) -> None:
    env = {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "SALESBOT_TELEGRAM_API_URL": f"http://127.0.0.1:{closed_port()}/bot{TOKEN}",
        "SALESBOT_DB": str(tmp_path / "s.db"),
    }
    result = serve(env=env)
    assert_one_line(result, "cannot reach the Bot API")

"""Configuration checks and token masking: the token never appears in logs or error messages."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from salesbot.telegram.config import (
    ConfigError,
    api_url_for,
    check_token,
    file_url_for,
    load_config,
    parse_trainers,
)
from salesbot.telegram.masking import install_token_masking, mask, uninstall_token_masking

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ"
SECRET = TOKEN.split(":")[1]


@pytest.fixture(autouse=True)
def _clean_masking() -> Any:
    yield
    uninstall_token_masking()


@pytest.mark.parametrize("raw", [None, "", "   "])
def test_a_missing_token_is_one_clear_line(raw: str | None) -> None:
    with pytest.raises(ConfigError, match="^no bot token: set TELEGRAM_BOT_TOKEN"):
        check_token(raw)


@pytest.mark.parametrize(
    "raw", ["hello", "123:short", "abc:" + SECRET, TOKEN + " extra", TOKEN.replace(":", "")]
)
def test_a_malformed_token_is_refused_without_echoing_it(raw: str) -> None:
    with pytest.raises(ConfigError) as error:
        check_token(raw)
    assert "malformed" in str(error.value) and raw not in str(error.value) and "\n" not in str(error.value)


def test_the_api_url_accepts_the_documented_form_and_two_common_spellings() -> None:
    expected = f"http://127.0.0.1:8081/bot{TOKEN}"
    assert api_url_for(f"http://127.0.0.1:8081/bot{TOKEN}", TOKEN) == expected
    assert api_url_for(f"http://127.0.0.1:8081/bot{TOKEN}/", TOKEN) == expected
    assert api_url_for("http://127.0.0.1:8081/bot", TOKEN) == expected
    assert api_url_for("http://127.0.0.1:8081/bot{token}", TOKEN) == expected
    assert api_url_for(None, TOKEN) == f"https://api.telegram.org/bot{TOKEN}"
    assert file_url_for(expected, TOKEN) == f"http://127.0.0.1:8081/file/bot{TOKEN}"


@pytest.mark.parametrize(
    "raw", ["ftp://host/bot{token}", "http://127.0.0.1:8081/", "http://127.0.0.1/bot999:" + "x" * 35]
)
def test_a_wrong_api_url_is_refused_without_showing_tokens(raw: str) -> None:
    with pytest.raises(ConfigError) as error:
        api_url_for(raw, TOKEN)
    assert (
        TOKEN not in str(error.value) and SECRET not in str(error.value) and "x" * 35 not in str(error.value)
    )


def test_options_override_the_environment(tmp_path: Any) -> None:
    env = {"TELEGRAM_BOT_TOKEN": TOKEN, "SALESBOT_DB": "env.db", "SALESBOT_TRAINERS": "1, 2"}
    config = load_config(env, db=str(tmp_path / "opt.db"), trainers="3")
    assert config.db_path == str(tmp_path / "opt.db") and config.trainers == frozenset({3})
    assert load_config(env).trainers == frozenset({1, 2}) and load_config(env).db_path == "env.db"
    assert load_config({"TELEGRAM_BOT_TOKEN": TOKEN}).db_path == "./salesbot.db"
    assert TOKEN not in repr(config)
    with pytest.raises(ConfigError, match="'bob' is not a number"):
        parse_trainers("12,bob")
    with pytest.raises(ConfigError, match="no such folder"):
        load_config(env, scenarios=str(tmp_path / "missing"))
    with pytest.raises(ConfigError, match="https"):
        load_config(env, webhook_url="http://example.com/hook")
    with pytest.raises(ConfigError, match="between 1 and 65535"):
        load_config(env, webhook_url="https://example.com/hook", port=70000)


def test_masking_covers_messages_arguments_and_tracebacks(caplog: pytest.LogCaptureFixture) -> None:
    install_token_masking(TOKEN)
    log = logging.getLogger("salesbot.test")
    with caplog.at_level(logging.DEBUG):
        log.info("POST https://api.telegram.org/bot%s/sendMessage", TOKEN)
        log.warning("secret part alone: %s", SECRET)
        try:
            raise RuntimeError(f"connection to https://api.telegram.org/bot{TOKEN}/getMe failed")
        except RuntimeError:
            log.exception("request failed")
    text = caplog.text
    assert TOKEN not in text and SECRET not in text
    assert "https://api.telegram.org/bot***/sendMessage" in text and "RuntimeError" in text
    assert mask(f"x{TOKEN}y") == "x***y"


async def test_no_log_line_of_a_running_bot_contains_the_token(
    api: Any, make_bot: Any, talk: Any, trainee: Any, token: str, caplog: pytest.LogCaptureFixture
) -> None:
    install_token_masking(token)  # what `salesbot serve` does before anything else
    with caplog.at_level(logging.DEBUG):
        logging.getLogger("salesbot.telegram.aiohttp_request").setLevel(logging.DEBUG)
        bot = await make_bot()
        chat = talk(bot, trainee)
        await chat.pick("koelservice-supermarkt")
        api.fail("sendMessage", 502, "Bad Gateway")  # an error path that quotes URLs
        await chat.send("Goedemorgen mevrouw Jansen, met Tessa van KoelTech.")
    text = caplog.text
    assert "HTTP Request: POST http://127.0.0.1" in text  # the HTTP client logged its request URLs ...
    assert "/bot***/sendMessage" in text  # ... masked
    assert token not in text and token.split(":")[1] not in text

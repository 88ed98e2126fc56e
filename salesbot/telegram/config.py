"""Bot configuration: environment variables, overridden by `salesbot serve` options.

| variable                    | option          | meaning                                                  |
|-----------------------------|-----------------|----------------------------------------------------------|
| TELEGRAM_BOT_TOKEN          | --token         | the token from @BotFather (required)                     |
| SALESBOT_TELEGRAM_API_URL   | --api-url       | Bot API base URL with the token appended                 |
| SALESBOT_DB                 | --db            | SQLite file (default ./salesbot.db)                      |
| SALESBOT_TRAINERS           | --trainers      | comma-separated Telegram user ids of trainers            |
| SALESBOT_SCENARIOS          | --scenarios     | extra scenario folder(s), ':'-separated                  |
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

TELEGRAM_API = "https://api.telegram.org/bot"
DEFAULT_DB = "./salesbot.db"

# "<bot id>:<secret>" as @BotFather hands it out; the secret is 35 characters today.
_TOKEN = re.compile(r"^[0-9]{1,20}:[A-Za-z0-9_-]{30,100}$")


class ConfigError(ValueError):
    """A configuration mistake, explained in one line that never contains the token."""


@dataclass(frozen=True)
class BotConfig:
    token: str = field(repr=False)
    api_url: str = field(repr=False)  # contains the token
    db_path: str = DEFAULT_DB
    trainers: frozenset[int] = frozenset()
    scenario_dirs: tuple[str, ...] = ()
    webhook_url: str | None = None
    listen: str = "127.0.0.1"
    port: int = 8443
    webhook_secret: str | None = field(default=None, repr=False)

    @property
    def file_url(self) -> str:
        return file_url_for(self.api_url, self.token)


def check_token(token: str | None) -> str:
    token = (token or "").strip()
    if not token:
        raise ConfigError("no bot token: set TELEGRAM_BOT_TOKEN (or --token) to the token from @BotFather")
    if not _TOKEN.match(token):
        raise ConfigError(
            "the bot token is malformed: expected '<digits>:<secret>' as given by @BotFather "
            f"(got {len(token)} characters)"
        )
    return token


def api_url_for(raw: str | None, token: str) -> str:
    """The Bot API URL with the token, from SALESBOT_TELEGRAM_API_URL.

    The documented form is the base URL with the token appended (`http://host:8081/bot<token>`); a URL
    ending in `/bot` gets the token appended (python-telegram-bot's convention) and `{token}` is
    replaced, so each of the three common spellings works.
    """
    url = (raw or "").strip() or TELEGRAM_API + token
    if "{token}" in url:
        url = url.replace("{token}", token)
    elif url.endswith("/bot"):
        url += token
    url = url.rstrip("/")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError(
            "SALESBOT_TELEGRAM_API_URL must be an http(s) URL such as https://api.telegram.org/bot<token>"
        )
    if not url.endswith("/bot" + token):
        raise ConfigError(
            "SALESBOT_TELEGRAM_API_URL must end with /bot<token> for the configured token "
            "(e.g. http://127.0.0.1:8081/bot<token>)"
        )
    return url


def file_url_for(api_url: str, token: str) -> str:
    """The Bot API file URL: Telegram serves files under /file/bot<token>/ next to /bot<token>/."""
    base = api_url[: -len("/bot" + token)]
    return f"{base}/file/bot{token}"


def parse_trainers(raw: str | None) -> frozenset[int]:
    ids: set[int] = set()
    for part in (raw or "").replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        if not part.lstrip("-").isdigit():
            raise ConfigError(
                f"SALESBOT_TRAINERS must be comma-separated Telegram user ids; '{part}' is not a number"
            )
        ids.add(int(part))
    return frozenset(ids)


def load_config(
    env: Mapping[str, str] | None = None,
    *,
    token: str | None = None,
    api_url: str | None = None,
    db: str | None = None,
    trainers: str | None = None,
    scenarios: str | None = None,
    webhook_url: str | None = None,
    listen: str | None = None,
    port: int | None = None,
) -> BotConfig:
    """Options win over environment variables; both are validated here, once, at start-up."""
    env = os.environ if env is None else env
    checked_token = check_token(token if token is not None else env.get("TELEGRAM_BOT_TOKEN"))
    url = api_url_for(api_url if api_url is not None else env.get("SALESBOT_TELEGRAM_API_URL"), checked_token)
    db_path = (db if db is not None else env.get("SALESBOT_DB", "")).strip() or DEFAULT_DB
    if Path(db_path).is_dir():
        raise ConfigError(f"SALESBOT_DB must be a file, not a directory: {db_path}")
    raw_dirs = scenarios if scenarios is not None else env.get("SALESBOT_SCENARIOS", "")
    dirs = tuple(p for p in raw_dirs.split(os.pathsep) if p.strip())
    for folder in dirs:
        if not Path(folder).is_dir():
            raise ConfigError(f"SALESBOT_SCENARIOS: no such folder: {folder}")
    if webhook_url is not None:
        scheme = urlsplit(webhook_url).scheme
        # Telegram itself only delivers to HTTPS; a self-hosted Bot API server may use plain HTTP.
        allowed = ("https",) if url.startswith(TELEGRAM_API) else ("https", "http")
        if scheme not in allowed or not urlsplit(webhook_url).netloc:
            raise ConfigError(
                "--webhook-url must be an https:// URL (Telegram only delivers webhooks over HTTPS)"
            )
    if port is not None and not 0 < port < 65536:
        raise ConfigError(f"--port must be between 1 and 65535, not {port}")
    return BotConfig(
        token=checked_token,
        api_url=url,
        db_path=db_path,
        trainers=parse_trainers(trainers if trainers is not None else env.get("SALESBOT_TRAINERS")),
        scenario_dirs=dirs,
        webhook_url=webhook_url,
        listen=listen or "127.0.0.1",
        port=port or 8443,
        webhook_secret=env.get("SALESBOT_WEBHOOK_SECRET") or None,
    )

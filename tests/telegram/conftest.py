"""Fixtures for the Telegram tests: the stand-in Bot API server and a SalesBot talking to it over HTTP."""

from __future__ import annotations

import asyncio
import importlib.util
import itertools
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from salesbot.storage import SqliteStorage
from salesbot.telegram.bot import SalesBot
from salesbot.telegram.config import load_config
from salesbot.telegram.masking import uninstall_token_masking
from salesbot.telegram.ratelimit import RetryingRateLimiter


def _load_server_module() -> Any:
    name = "salesbot_tests_botapi_server"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name("botapi_server.py"))
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


botapi = _load_server_module()
BotApiServer = botapi.BotApiServer
User = botapi.User

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ"
TRAINER_ID = 900


@pytest.fixture
def token() -> str:
    return TOKEN


@pytest.fixture
async def api() -> AsyncIterator[Any]:
    server = await BotApiServer(TOKEN).start()
    yield server
    await server.stop()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "salesbot.db"


@pytest.fixture
async def make_bot(api: Any, db_path: Path) -> AsyncIterator[Callable[..., Awaitable[SalesBot]]]:
    """Start a SalesBot on the stand-in API (polling, a fresh database unless db_path is reused)."""
    bots: list[SalesBot] = []
    seeds = itertools.count(1)

    async def start(**overrides: Any) -> SalesBot:
        env = {
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "SALESBOT_TELEGRAM_API_URL": api.base_url,
            "SALESBOT_DB": str(overrides.pop("db", db_path)),
            "SALESBOT_TRAINERS": str(TRAINER_ID),
        }
        env.update(overrides.pop("env", {}))
        config = load_config(env, **overrides.pop("options", {}))
        before_start = overrides.pop("before_start", None)
        bot = SalesBot(
            config,
            SqliteStorage(config.db_path),
            rate_limiter=RetryingRateLimiter(overall_max_rate=0, group_max_rate=0, backoff=0.01),
            poll_timeout=overrides.pop("poll_timeout", 2.0),
            seed_source=lambda: next(seeds),
            **overrides,
        )
        if before_start is not None:
            before_start(bot)
        await bot.start()
        bots.append(bot)
        return bot

    yield start
    for bot in bots:
        if bot._started:
            await bot.stop()
    uninstall_token_masking()


@pytest.fixture
async def bot(make_bot: Callable[..., Awaitable[SalesBot]]) -> SalesBot:
    return await make_bot()


@pytest.fixture
def trainee() -> Any:
    return User(101, "Tessa", "nl")


@pytest.fixture
def trainer() -> Any:
    return User(TRAINER_ID, "Tom Trainer", "nl")


class Conversation:
    """Play one user against the bot: send, then wait until the bot has completely handled it."""

    def __init__(self, api: Any, bot: SalesBot, user: Any) -> None:
        self.api, self.bot, self.user = api, bot, user
        self._done: dict[int, asyncio.Event] = {}
        self.handled: dict[int, int] = {}  # update id -> times handled (duplicates included)
        self._waiters: set[asyncio.Event] = set()
        bot.processor.on_processed.append(self._processed)

    def _processed(self, update: object) -> None:
        update_id = getattr(update, "update_id", None)
        if update_id is not None:
            self.handled[update_id] = self.handled.get(update_id, 0) + 1
            self._done.setdefault(update_id, asyncio.Event()).set()
            for waiter in list(self._waiters):
                waiter.set()

    async def wait_handled(self, update_id: int, times: int, timeout: float = 15.0) -> None:
        """Wait until the bot has handled this update id `times` times (duplicates count)."""
        async with asyncio.timeout(timeout):
            while self.handled.get(update_id, 0) < times:
                waiter = asyncio.Event()
                self._waiters.add(waiter)
                try:
                    await waiter.wait()
                finally:
                    self._waiters.discard(waiter)

    async def wait_done(self, update_id: int, timeout: float = 15.0) -> None:
        event = self._done.setdefault(update_id, asyncio.Event())
        await asyncio.wait_for(event.wait(), timeout)
        # The bot groups delivered marks into a later commit: let it land before a test reads them.
        await self.bot.db.flush()

    async def send(self, text: str, **kwargs: Any) -> list[Any]:
        """Send a text; return what the bot put in the chat in answer to it."""
        before = len(self.api.messages_to(self.user.id))
        await self.wait_done(self.api.user_sends(self.user, text, **kwargs))
        return self.api.messages_to(self.user.id)[before:]

    async def do(self, push: Callable[[], int]) -> list[Any]:
        """Queue any update (a click, a sticker, ...) and return the bot's answer to it."""
        before = len(self.api.messages_to(self.user.id))
        await self.wait_done(push())
        return self.api.messages_to(self.user.id)[before:]

    async def click(self, message: Any, data: str) -> list[Any]:
        return await self.do(lambda: self.api.user_clicks(self.user, message, data))

    async def pick(self, scenario_id: str) -> list[Any]:
        """/start, then choose the scenario in the picker."""
        answer = await self.send("/start")
        return await self.click(answer[-1], f"pick:{scenario_id}")

    @property
    def messages(self) -> list[Any]:
        return self.api.messages_to(self.user.id)


@pytest.fixture
def talk(api: Any) -> Callable[[SalesBot, Any], Conversation]:
    return lambda bot, user: Conversation(api, bot, user)


@pytest.fixture
def user_factory() -> Any:
    """Make more users: user_factory(202, "Emma", "en")."""
    return User


@pytest.fixture
def unused_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])

"""Getting updates in and replies out without losing any.

In: `DurableBot.get_updates` writes every fetched batch to the storage inbox (one transaction) before
returning it, and python-telegram-bot confirms an offset to Telegram only on its next getUpdates call, so
an update Telegram forgets is always in our inbox first. Webhook updates go through
`DurableUpdateQueue.put`, which stores them before the webhook answers 200. After a crash, `replay`
feeds the inbox back in order; the storage's processed-update ids make the replay idempotent.

Out: customer lines are stored undelivered (an outbox) in the same transaction as the engine state, sent,
then marked delivered; `split_message` keeps every sent text under Telegram's 4,096 characters.

Light updates: the most common update by far, a trainee's plain text message in a private chat, is read
straight from getUpdates' JSON into a small `TextLine` instead of python-telegram-bot's `Update` and
`Message` objects (a hundred attributes each, every one set through `TelegramObject.__setattr__`), which
were the largest cost per line left in the bot. Everything else (commands, buttons, files, webhook
updates, replays from the inbox) is parsed by python-telegram-bot as before.
"""

from __future__ import annotations

import asyncio
import json
import logging
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from telegram import Update
from telegram.ext import ExtBot

from salesbot.storage import AsyncStorage
from salesbot.telegram.aiohttp_request import AiohttpRequest, AnsweredRequest

log = logging.getLogger(__name__)

TELEGRAM_LIMIT = 4096


def split_message(text: str, limit: int = TELEGRAM_LIMIT) -> list[str]:
    """Cut a long text into parts of at most `limit` characters, at a paragraph, line, sentence or
    word boundary when there is one in the second half of the part."""
    parts: list[str] = []
    rest = text
    while len(rest) > limit:
        window = rest[:limit]
        cut = -1
        for separator in ("\n\n", "\n", ". ", " "):
            position = window.rfind(separator)
            if position >= limit // 2:
                cut = position + len(separator)
                break
        if cut <= 0:
            cut = limit
        parts.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest or not parts:
        parts.append(rest)
    return [p for p in parts if p] or [text[:limit]]


@dataclass(frozen=True, slots=True)
class TextLine:
    """A plain text message in a private chat, read from the update's JSON without PTB objects."""

    update_id: int
    chat_id: int
    user_id: int
    full_name: str  # as PTB's User.full_name: "first last", or first alone
    language_code: str | None
    text: str
    raw: str  # the update's JSON, as stored in the inbox

    @classmethod
    def from_update(cls, data: dict[str, Any], raw: str) -> TextLine | None:
        """The light form of an update that the bot's text handler would get (python-telegram-bot's
        `filters.ChatType.PRIVATE & filters.TEXT & ~filters.COMMAND` on a new message), else None."""
        message = data.get("message")
        if len(data) != 2 or not isinstance(message, dict):
            return None  # not (only) a new message: an edit, a button, ...
        text, chat, sender = message.get("text"), message.get("chat"), message.get("from")
        if (
            not text
            or not isinstance(text, str)
            or not isinstance(chat, dict)
            or not isinstance(sender, dict)
        ):
            return None
        if chat.get("type") != "private":
            return None
        entities = message.get("entities") or []
        if not isinstance(entities, list) or (entities and not isinstance(entities[0], dict)):
            return None
        if entities and entities[0].get("type") == "bot_command" and entities[0].get("offset") == 0:
            return None  # a command: its entity comes first, at offset 0
        try:
            first, last = str(sender["first_name"]), sender.get("last_name")
            return cls(
                update_id=int(data["update_id"]),
                chat_id=int(chat["id"]),
                user_id=int(sender["id"]),
                full_name=f"{first} {last}" if last else first,
                language_code=sender.get("language_code"),
                text=text,
                raw=raw,
            )
        except (KeyError, TypeError, ValueError):
            return None  # malformed: let python-telegram-bot have its say


class DurableUpdateQueue(asyncio.Queue):  # type: ignore[type-arg]
    """The Application's update queue; stores webhook updates in the inbox before accepting them."""

    def __init__(self, db: AsyncStorage) -> None:
        super().__init__()
        self._db = db
        self.stored: set[int] = set()  # ids DurableBot already wrote to the inbox

    async def put(self, item: Any) -> None:
        if isinstance(item, Update | TextLine):
            if item.update_id in self.stored:
                self.stored.discard(item.update_id)
            else:
                payload = item.raw if isinstance(item, TextLine) else item.to_json()
                await self._db.run(self._db.storage.inbox_add, item.update_id, payload)
        await super().put(item)

    async def replay(self, bot: ExtBot[Any]) -> int:
        """Queue the updates a crashed run received but never finished, oldest first."""
        pending = await self._db.run(self._db.storage.inbox_pending)
        for update_id, payload in pending:
            try:
                update = Update.de_json(json.loads(payload), bot)
            except Exception:  # a payload this version cannot read: drop it rather than crash-loop
                log.exception("dropping unreadable stored update %s", update_id)
                await self._db.run(self._db.storage.mark_processed, update_id)
                continue
            await super().put(update)
        return len(pending)


class DurableBot(ExtBot):  # type: ignore[type-arg]
    """ExtBot whose getUpdates results are in the inbox before PTB can confirm them to Telegram."""

    __slots__ = ("_durable_db", "_durable_light", "_durable_lines", "_durable_queue", "_durable_raw")

    def __init__(
        self,
        *args: Any,
        db: AsyncStorage,
        queue: DurableUpdateQueue,
        light_updates: bool = True,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        with self._unfrozen():
            self._durable_db = db
            self._durable_queue = queue
            self._durable_light = light_updates
            self._durable_raw: dict[int, str] = {}
            self._durable_lines: list[TextLine] = []

    async def _post(self, endpoint: str, *args: Any, **kwargs: Any) -> Any:
        result = await super()._post(endpoint, *args, **kwargs)
        if endpoint == "getUpdates" and isinstance(result, list):
            # Keep the updates as Telegram sent them: serialising them again from PTB objects
            # (`Update.to_json`) was the largest single cost of the inbox write under load. Plain
            # text lines are taken out here, so PTB parses only the rest (see `TextLine`).
            raw: dict[int, str] = {}
            lines: list[TextLine] = []
            rest: list[Any] = []
            for update in result:
                if isinstance(update, dict) and "update_id" in update:
                    payload = json.dumps(update, ensure_ascii=False)
                    raw[update["update_id"]] = payload
                    line = TextLine.from_update(update, payload) if self._durable_light else None
                    if line is not None:
                        lines.append(line)
                        continue
                rest.append(update)
            self._durable_raw, self._durable_lines = raw, lines
            return rest
        return result

    async def send_text(self, chat_id: int, text: str, **params: Any) -> Any:
        """sendMessage (through the rate limiter, with its retries) returning Telegram's raw JSON answer:
        `send_message` builds a `Message` object from every answer, which the bot never reads and which
        was one of the largest costs per reply under load. A plain text (no keyboard or other options)
        also skips python-telegram-bot's per-request objects: the form is encoded once and posted
        directly, and only an error answer goes through PTB's handling, so errors are what they always
        were."""
        request = self._request[1]
        if params or self.rate_limiter is None or not isinstance(request, AiohttpRequest):
            return await self._post("sendMessage", {"chat_id": chat_id, "text": text, **params})
        return await self.rate_limiter.process_request(
            callback=self._send_plain_text,
            args=(request, chat_id, text),
            kwargs={},
            endpoint="sendMessage",
            data={"chat_id": chat_id, "text": text},
            rate_limit_args=None,
        )

    async def _send_plain_text(self, request: AiohttpRequest, chat_id: int, text: str) -> Any:
        url = f"{self.base_url}/sendMessage"
        status, payload = await request.post_form(url, urlencode({"chat_id": chat_id, "text": text}).encode())
        if 200 <= status <= 299:
            return json.loads(payload)["result"]
        return await AnsweredRequest(status, payload).post(url)  # raises what PTB would raise

    async def get_updates(self, *args: Any, **kwargs: Any) -> tuple[Any, ...]:
        """Updates (PTB `Update`s and `TextLine`s, in update-id order), stored in the inbox first."""
        self._durable_raw, self._durable_lines = {}, []
        parsed = await super().get_updates(*args, **kwargs)
        raw, lines = self._durable_raw, self._durable_lines
        self._durable_raw, self._durable_lines = {}, []
        updates: tuple[Any, ...] = parsed
        if lines:
            updates = tuple(sorted((*parsed, *lines), key=lambda u: u.update_id))
        if updates:
            batch = [(u.update_id, raw.get(u.update_id) or u.to_json()) for u in updates]
            await self._durable_db.run(self._durable_db.storage.inbox_add_many, batch)
            self._durable_queue.stored.update(u.update_id for u in updates)
        return updates

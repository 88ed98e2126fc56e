"""A stand-in for Telegram's Bot API, for tests and benchmarks (aiohttp.web on 127.0.0.1).

The real python-telegram-bot Application talks to it over HTTP through the base URL, exactly as it
talks to api.telegram.org: getUpdates long polling, sendMessage, sendDocument, file downloads, ...
Tests play the users: `user_sends`, `user_sends_document`, `user_clicks` queue updates, and every
call the bot makes is recorded (`calls`, `sent`), with awaitable conditions instead of sleeps.

Only the parts of the API SalesBot uses are implemented; unknown methods answer 404 like Telegram
does, so a test fails loudly if the bot starts using something new.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

BOT_ID = 7000001
BOT_USERNAME = "salesbot_test_bot"

# Parameters the bot sends as JSON inside form fields (strings are sent raw, everything else as JSON).
_JSON_FIELDS = {"reply_markup", "commands", "allowed_updates", "scope", "link_preview_options", "entities"}
_INT_FIELDS = {"chat_id", "message_id", "offset", "limit", "timeout", "cache_time", "max_connections"}


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    files: dict[str, tuple[str, bytes]]  # part name -> (file name, content)
    at: float


@dataclass
class Sent:
    """Something the bot put into a chat."""

    message_id: int
    chat_id: int
    kind: str  # "text", "document" or "photo"
    text: str  # the text or the caption
    reply_markup: dict[str, Any] | None
    file_name: str | None = None
    content: bytes | None = None
    edits: list[str] = field(default_factory=list)
    at: float = 0.0

    @property
    def buttons(self) -> list[dict[str, Any]]:
        rows = (self.reply_markup or {}).get("inline_keyboard", [])
        return [button for row in rows for button in row]


@dataclass
class User:
    id: int
    first_name: str = "Trainee"
    language_code: str | None = "nl"
    last_name: str | None = None

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        if self.last_name:
            data["last_name"] = self.last_name
        if self.language_code:
            data["language_code"] = self.language_code
        return data


class Failure:
    """An injected error for the next call(s) of a method."""

    def __init__(self, status: int, description: str, retry_after: int | None = None, times: int = 1):
        self.status, self.description, self.retry_after, self.times = status, description, retry_after, times


class BotApiServer:
    def __init__(self, token: str) -> None:
        self.token = token
        self.calls: list[Call] = []
        self.sent: dict[int, list[Sent]] = {}
        self.pending_updates: list[dict[str, Any]] = []
        self.update_sent_at: dict[int, float] = {}
        self.files: dict[str, tuple[str, bytes]] = {}  # file_id -> (path, content)
        self.commands: dict[str, list[dict[str, Any]]] = {}  # language ("" default) -> commands
        self.webhook_url: str = ""
        self.failures: dict[str, list[Failure]] = {}
        self.holds: dict[str, int] = {}  # method -> how many next calls to leave hanging
        self.held: list[Call] = []
        self.on_call: Callable[[Call], None] | None = None
        self._update_ids = itertools.count(1000)
        self._message_ids = itertools.count(1)
        self._file_ids = itertools.count(1)
        self._changed: asyncio.Condition | None = None
        self._runner: web.AppRunner | None = None
        self._closing = False
        self.port = 0

    # -- lifecycle --------------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """The value of SALESBOT_TELEGRAM_API_URL: the Bot API base with the token appended."""
        return f"http://127.0.0.1:{self.port}/bot{self.token}"

    async def start(self) -> BotApiServer:
        self._changed = asyncio.Condition()
        app = web.Application(client_max_size=50 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle_method)
        app.router.add_get("/file/bot{token}/{path:.+}", self._handle_file)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0, backlog=4096)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return self

    async def stop(self) -> None:
        self._closing = True
        if self._changed is not None:
            await self._notify()  # end pending long polls now instead of at their timeout
        if self._runner:
            await self._runner.cleanup()

    async def _notify(self) -> None:
        assert self._changed is not None
        async with self._changed:
            self._changed.notify_all()

    async def wait_for(self, predicate: Callable[[], Any], timeout: float = 10.0) -> Any:
        """Wait until `predicate()` is truthy (checked after every call the bot makes); return it."""
        assert self._changed is not None
        async with self._changed:
            result = predicate()
            if result:
                return result
            try:
                await asyncio.wait_for(self._changed.wait_for(predicate), timeout)
            except TimeoutError:
                raise AssertionError(
                    f"condition not met within {timeout} s; calls: {self.summary()}"
                ) from None
            return predicate()

    def summary(self, last: int = 15) -> str:
        return "; ".join(f"{c.method}({_short(c.params)})" for c in self.calls[-last:])

    # -- what tests do as users -------------------------------------------------------------------

    def _push(self, update: dict[str, Any]) -> int:
        update_id = update.setdefault("update_id", next(self._update_ids))
        self.pending_updates.append(update)
        self.update_sent_at[update_id] = time.perf_counter()
        asyncio.get_running_loop().create_task(self._notify())
        return update_id

    def _message(self, user: User, **content: Any) -> dict[str, Any]:
        return {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": user.id, "type": "private", "first_name": user.first_name},
            "from": user.as_json(),
            **content,
        }

    def user_sends(self, user: User, text: str, update_id: int | None = None) -> int:
        """Queue a text message (commands get their bot_command entity, as Telegram adds it)."""
        content: dict[str, Any] = {"text": text}
        if text.startswith("/"):
            command = text.split()[0]
            content["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        update: dict[str, Any] = {"message": self._message(user, **content)}
        if update_id is not None:
            update["update_id"] = update_id
        return self._push(update)

    def user_sends_raw(self, user: User, **content: Any) -> int:
        """Queue a message with arbitrary content, e.g. sticker={...}, photo=[...], voice={...}."""
        return self._push({"message": self._message(user, **content)})

    def user_sends_sticker(self, user: User) -> int:
        sticker = {
            "file_id": "sticker-1",
            "file_unique_id": "s1",
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
        }
        return self.user_sends_raw(user, sticker=sticker)

    def user_sends_photo(self, user: User) -> int:
        return self.user_sends_raw(
            user, photo=[{"file_id": "photo-1", "file_unique_id": "p1", "width": 90, "height": 90}]
        )

    def user_sends_voice(self, user: User) -> int:
        return self.user_sends_raw(user, voice={"file_id": "voice-1", "file_unique_id": "v1", "duration": 3})

    def user_sends_document(
        self, user: User, file_name: str, content: bytes, mime_type: str = "application/x-yaml"
    ) -> int:
        file_id = f"doc-{next(self._file_ids)}"
        self.files[file_id] = (f"documents/{file_name}", content)
        document = {
            "file_id": file_id,
            "file_unique_id": file_id,
            "file_name": file_name,
            "mime_type": mime_type,
            "file_size": len(content),
        }
        return self.user_sends_raw(user, document=document)

    def user_clicks(self, user: User, message: Sent, data: str) -> int:
        """Press an inline button of a message the bot sent."""
        assert data in [b.get("callback_data") for b in message.buttons], (data, message.buttons)
        bot_message = {
            "message_id": message.message_id,
            "date": int(time.time()),
            "chat": {"id": message.chat_id, "type": "private", "first_name": user.first_name},
            "from": {"id": BOT_ID, "is_bot": True, "first_name": "SalesBot", "username": BOT_USERNAME},
            "text": message.text or "-",
        }
        query = {
            "id": str(next(self._update_ids)),
            "from": user.as_json(),
            "chat_instance": str(user.id),
            "data": data,
            "message": bot_message,
        }
        return self._push({"callback_query": query})

    # -- what tests look at -----------------------------------------------------------------------

    def messages_to(self, chat_id: int) -> list[Sent]:
        return self.sent.get(chat_id, [])

    def texts_to(self, chat_id: int) -> list[str]:
        return [s.text for s in self.messages_to(chat_id)]

    async def wait_messages(self, chat_id: int, count: int, timeout: float = 10.0) -> list[Sent]:
        """Wait until the chat has at least `count` messages in total; return all of them."""
        await self.wait_for(lambda: len(self.messages_to(chat_id)) >= count, timeout)
        return self.messages_to(chat_id)

    def calls_of(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    def hold(self, method: str, times: int = 1) -> None:
        """Leave the next call(s) of `method` hanging without an answer (and without effect), like a
        request lost when the bot's process dies mid-call."""
        self.holds[method] = self.holds.get(method, 0) + times

    def fail(
        self, method: str, status: int, description: str, retry_after: int | None = None, times: int = 1
    ) -> None:
        self.failures.setdefault(method, []).append(Failure(status, description, retry_after, times))

    # -- HTTP handlers ----------------------------------------------------------------------------

    async def _params(self, request: web.Request) -> tuple[dict[str, Any], dict[str, tuple[str, bytes]]]:
        params: dict[str, Any] = dict(request.query)
        files: dict[str, tuple[str, bytes]] = {}
        if request.content_type.startswith("multipart/"):
            reader = await request.multipart()
            async for part in reader:
                if part.filename is not None:
                    files[part.name or ""] = (part.filename, bytes(await part.read()))
                else:
                    params[part.name or ""] = await part.text()
        elif request.content_type == "application/json":
            params.update(await request.json())
        elif request.can_read_body:
            params.update(await request.post())
        decoded: dict[str, Any] = {}
        for key, value in params.items():
            if isinstance(value, str) and key in _JSON_FIELDS:
                value = json.loads(value)
            elif isinstance(value, str) and key in _INT_FIELDS:
                value = int(value)
            decoded[key] = value
        return decoded, files

    @staticmethod
    def _error(status: int, description: str, retry_after: int | None = None) -> web.Response:
        body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
        if retry_after is not None:
            body["parameters"] = {"retry_after": retry_after}
        return web.json_response(body, status=status)

    async def _handle_method(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return self._error(401, "Unauthorized")
        method = request.match_info["method"]
        params, files = await self._params(request)
        call = Call(method, params, files, time.perf_counter())
        if self.holds.get(method, 0) > 0:
            self.holds[method] -= 1
            self.held.append(call)
            await self._notify()
            assert self._changed is not None
            async with self._changed:
                await self._changed.wait_for(lambda: self._closing)
            return self._error(502, "Bad Gateway")
        failures = self.failures.get(method)
        if failures:
            failure = failures[0]
            failure.times -= 1
            if failure.times <= 0:
                failures.pop(0)
            self.calls.append(call)
            return self._error(failure.status, failure.description, failure.retry_after)
        handler = getattr(self, f"_api_{method}", None)
        if handler is None:
            return self._error(404, "Not Found: method not found")
        self.calls.append(call)
        if method == "getUpdates":
            await self._notify()  # a long poll has begun (its offset confirms earlier updates)
        result = await handler(call)
        if self.on_call:
            self.on_call(call)
        await self._notify()
        if isinstance(result, web.Response):
            return result
        return web.json_response({"ok": True, "result": result})

    async def _handle_file(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.Response(status=401)
        path = request.match_info["path"]
        for stored_path, content in self.files.values():
            if stored_path == path:
                return web.Response(body=content)
        return web.Response(status=404)

    # -- API methods ------------------------------------------------------------------------------

    def _bot_user(self) -> dict[str, Any]:
        return {
            "id": BOT_ID,
            "is_bot": True,
            "first_name": "SalesBot",
            "username": BOT_USERNAME,
            "can_join_groups": False,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }

    async def _api_getMe(self, call: Call) -> Any:
        return self._bot_user()

    async def _api_deleteWebhook(self, call: Call) -> Any:
        self.webhook_url = ""
        if str(call.params.get("drop_pending_updates", "")).lower() == "true":
            self.pending_updates.clear()
        return True

    async def _api_setWebhook(self, call: Call) -> Any:
        self.webhook_url = call.params.get("url", "")
        return True

    async def _api_getUpdates(self, call: Call) -> Any:
        offset = int(call.params.get("offset", 0) or 0)
        limit = int(call.params.get("limit", 100) or 100)
        timeout = float(call.params.get("timeout", 0) or 0)
        if offset:
            # Telegram forgets every update below the offset: they are confirmed.
            self.pending_updates = [u for u in self.pending_updates if u["update_id"] >= offset]

        def available() -> list[dict[str, Any]]:
            return [u for u in self.pending_updates if u["update_id"] >= offset][:limit]

        if not available() and timeout > 0:
            assert self._changed is not None
            async with self._changed:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(
                        self._changed.wait_for(lambda: bool(available()) or self._closing), timeout
                    )
        return available()

    async def _api_setMyCommands(self, call: Call) -> Any:
        self.commands[call.params.get("language_code", "")] = call.params["commands"]
        return True

    async def _api_deleteMyCommands(self, call: Call) -> Any:
        self.commands.pop(call.params.get("language_code", ""), None)
        return True

    async def _api_sendChatAction(self, call: Call) -> Any:
        return True

    async def _api_answerCallbackQuery(self, call: Call) -> Any:
        return True

    def _record(self, call: Call, kind: str, text: str, file_part: str | None = None) -> dict[str, Any]:
        chat_id = int(call.params["chat_id"])
        file_name = content = None
        if file_part and file_part in call.files:
            file_name, content = call.files[file_part]
        sent = Sent(
            message_id=next(self._message_ids),
            chat_id=chat_id,
            kind=kind,
            text=text,
            reply_markup=call.params.get("reply_markup"),
            file_name=file_name,
            content=content,
            at=call.at,
        )
        self.sent.setdefault(chat_id, []).append(sent)
        message: dict[str, Any] = {
            "message_id": sent.message_id,
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private"},
            "from": self._bot_user(),
        }
        if kind == "text":
            message["text"] = text
        elif text:
            message["caption"] = text
        if kind == "document":
            message["document"] = {
                "file_id": f"sent-{sent.message_id}",
                "file_unique_id": f"u{sent.message_id}",
            }
        if kind == "photo":
            message["photo"] = [
                {
                    "file_id": f"sent-{sent.message_id}",
                    "file_unique_id": f"u{sent.message_id}",
                    "width": 1,
                    "height": 1,
                }
            ]
        if sent.reply_markup:
            message["reply_markup"] = sent.reply_markup
        return message

    async def _api_sendMessage(self, call: Call) -> Any:
        text = call.params.get("text", "")
        if not text or len(text) > 4096:
            return self._error(400, "Bad Request: message text is empty or too long")
        return self._record(call, "text", text)

    async def _api_sendDocument(self, call: Call) -> Any:
        return self._record(call, "document", call.params.get("caption", ""), "document")

    async def _api_sendPhoto(self, call: Call) -> Any:
        return self._record(call, "photo", call.params.get("caption", ""), "photo")

    async def _api_editMessageText(self, call: Call) -> Any:
        chat_id, message_id = int(call.params["chat_id"]), int(call.params["message_id"])
        for sent in self.sent.get(chat_id, []):
            if sent.message_id == message_id:
                sent.edits.append(call.params.get("text", ""))
                sent.text = call.params.get("text", "")
                sent.reply_markup = call.params.get("reply_markup")
                return {
                    "message_id": message_id,
                    "date": int(time.time()),
                    "chat": {"id": chat_id, "type": "private"},
                    "text": sent.text,
                }
        return self._error(400, "Bad Request: message to edit not found")

    async def _api_editMessageReplyMarkup(self, call: Call) -> Any:
        chat_id, message_id = int(call.params["chat_id"]), int(call.params["message_id"])
        for sent in self.sent.get(chat_id, []):
            if sent.message_id == message_id:
                sent.reply_markup = call.params.get("reply_markup")
                return True
        return self._error(400, "Bad Request: message to edit not found")

    async def _api_getFile(self, call: Call) -> Any:
        file_id = call.params.get("file_id", "")
        if file_id not in self.files:
            return self._error(400, "Bad Request: invalid file_id")
        path, content = self.files[file_id]
        return {"file_id": file_id, "file_unique_id": file_id, "file_size": len(content), "file_path": path}

    async def _api_close(self, call: Call) -> Any:
        return True

    async def _api_logOut(self, call: Call) -> Any:
        return True


def _short(params: dict[str, Any]) -> str:
    text = ", ".join(f"{k}={str(v)[:40]!r}" for k, v in params.items() if k != "reply_markup")
    return text[:120]

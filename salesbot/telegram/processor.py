"""Update processing: one chat strictly in order, different chats concurrently, duplicates dropped.

python-telegram-bot hands every update to `do_process_update` in the order it was received (its
semaphore is FIFO and the processor acquires the chat lock before its first await). Per chat we hold an
`asyncio.Lock`, so a trainee's messages are answered in the order typed, while hundreds of other chats
proceed in parallel. Locks are created on demand and dropped when no update of that chat is waiting, so
memory does not grow with the number of chats ever seen.

Duplicates: Telegram may deliver an update twice (a webhook retry, a restart before the offset was
confirmed). Before handling we ask the storage whether the update id was processed (through `begin`,
which the bot uses to read the sender and their session in the same trip to the database); the
handlers mark it processed in the same transaction as their first durable effect, and we mark it
afterwards for updates that wrote nothing (e.g. /help), so a duplicate is ignored whatever it carried.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

from salesbot.storage import AsyncStorage
from salesbot.telegram.delivery import TextLine

log = logging.getLogger(__name__)


def chat_key(update: object) -> int | None:
    """The chat an update belongs to (None for updates without a chat, processed without a lock)."""
    if isinstance(update, TextLine):
        return update.chat_id
    if isinstance(update, Update):
        if update.effective_chat is not None:
            return update.effective_chat.id
        if update.effective_user is not None:
            return update.effective_user.id
    return None


# Called under the chat's lock before an update is handled; True if the update is a duplicate.
BeginUpdate = Callable[[Update | TextLine], Awaitable[bool]]


class ChatOrderedUpdateProcessor(BaseUpdateProcessor):
    def __init__(
        self, db: AsyncStorage, max_concurrent_updates: int = 1024, begin: BeginUpdate | None = None
    ) -> None:
        super().__init__(max_concurrent_updates)
        self._db = db
        self._begin = begin or self._is_processed
        self._locks: dict[int, asyncio.Lock] = {}
        self._waiting: dict[int, int] = {}
        self.duplicates = 0
        # Updates whose handler marked them processed in its own transaction (a trainee's line): the
        # processor then skips its own mark, one storage round trip and commit less per line.
        self._marked_by_handler: set[int] = set()
        # Called with each update once it is completely handled (tests and the benchmark wait on it).
        self.on_processed: list[Callable[[object], None]] = []

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    async def _is_processed(self, update: Update | TextLine) -> bool:
        return await self._db.run(self._db.storage.is_processed, update.update_id)

    def marked_by_handler(self, update_id: int) -> None:
        """The running handler has committed this update's processed mark with its first write."""
        self._marked_by_handler.add(update_id)

    def lock_for(self, chat_id: int) -> _ChatLock:
        """The lock of one chat, also used by start-up recovery so it never races a live update."""
        return _ChatLock(self, chat_id)

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        chat_id = chat_key(update)
        if chat_id is None:
            await self._process(update, coroutine)
            return
        async with self.lock_for(chat_id):
            await self._process(update, coroutine)

    async def _process(self, update: object, coroutine: Awaitable[Any]) -> None:
        try:
            await self._handle(update, coroutine)
        finally:
            for listener in self.on_processed:
                listener(update)

    async def _handle(self, update: object, coroutine: Awaitable[Any]) -> None:
        known = update if isinstance(update, Update | TextLine) else None
        update_id = known.update_id if known is not None else None
        if known is not None and await self._begin(known):
            self.duplicates += 1
            log.info("ignoring duplicate update %s", update_id)
            if asyncio.iscoroutine(coroutine):
                coroutine.close()  # never started: close it so Python does not warn
            await self._db.run(self._db.storage.mark_processed, known.update_id)  # clears it from the inbox
            return
        try:
            await coroutine
        finally:
            already = update_id is not None and update_id in self._marked_by_handler
            if already:
                self._marked_by_handler.discard(update_id)
        if update_id is not None and not already:
            await self._db.run(self._db.storage.mark_processed, update_id)


class _ChatLock:
    """Reference-counted entry in the processor's lock table."""

    def __init__(self, processor: ChatOrderedUpdateProcessor, chat_id: int) -> None:
        self._p, self._chat = processor, chat_id

    async def __aenter__(self) -> None:
        p = self._p
        lock = p._locks.get(self._chat)
        if lock is None:
            lock = p._locks[self._chat] = asyncio.Lock()
        p._waiting[self._chat] = p._waiting.get(self._chat, 0) + 1
        try:
            await lock.acquire()
        except BaseException:
            self._release_ref()
            raise

    async def __aexit__(self, *exc: object) -> None:
        self._p._locks[self._chat].release()
        self._release_ref()

    def _release_ref(self) -> None:
        p = self._p
        p._waiting[self._chat] -= 1
        if p._waiting[self._chat] == 0:
            del p._waiting[self._chat]
            del p._locks[self._chat]

"""Run blocking storage calls off the event loop.

All calls go through one worker thread, in submission order: SQLite serialises writers anyway, a
single thread keeps the connection single-threaded, and the event loop never waits on an fsync.

Delivered marks are grouped: `mark_delivered_soon` queues the mark and at most one flush job at a time,
so under load one commit marks every reply sent since the previous flush instead of one commit each. A
mark is not needed for correctness (a reply whose mark was lost in a crash is sent again after the
restart: at-least-once), and every call submitted after `mark_delivered_soon` sees the mark, because
the flush job was queued before it.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import ParamSpec, TypeVar

from salesbot.storage.base import Storage

P = ParamSpec("P")
T = TypeVar("T")

log = logging.getLogger(__name__)


class AsyncStorage:
    """`await db.run(db.storage.add_trainee_message, session_id, text, update_id)`."""

    def __init__(self, storage: Storage) -> None:
        self.storage = storage
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="salesbot-db")
        self._pending_lock = threading.Lock()
        self._delivered: list[tuple[int, int]] = []
        self._flush_queued = False

    async def run(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, functools.partial(fn, *args, **kwargs))

    def mark_delivered_soon(self, session_id: int, seq: int) -> None:
        """Mark a reply sent, in the next grouped commit; returns at once."""
        with self._pending_lock:
            self._delivered.append((session_id, seq))
            if self._flush_queued:
                return
            self._flush_queued = True
        self._executor.submit(self._flush_delivered)

    def _flush_delivered(self) -> None:
        with self._pending_lock:
            batch, self._delivered = self._delivered, []
            self._flush_queued = False
        try:
            self.storage.mark_delivered_many(batch)
        except Exception:  # the replies stay in the outbox and are sent again after a restart
            log.exception("could not mark %d sent repl(ies) delivered", len(batch))

    async def flush(self) -> None:
        """Wait until every call submitted so far (grouped delivered marks included) has run."""
        await self.run(lambda: None)

    def close(self) -> None:
        """Finish queued calls, then close the database."""
        self._executor.shutdown(wait=True)
        self.storage.close()

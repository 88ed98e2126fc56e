"""Run blocking storage calls off the event loop.

All calls go through one worker thread, in submission order: SQLite serialises writers anyway, a
single thread keeps the connection single-threaded, and the event loop never waits on an fsync.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import ParamSpec, TypeVar

from salesbot.storage.base import Storage

P = ParamSpec("P")
T = TypeVar("T")


class AsyncStorage:
    """`await db.run(db.storage.add_trainee_message, session_id, text, update_id)`."""

    def __init__(self, storage: Storage) -> None:
        self.storage = storage
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="salesbot-db")

    async def run(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, functools.partial(fn, *args, **kwargs))

    def close(self) -> None:
        """Finish queued calls, then close the database."""
        self._executor.shutdown(wait=True)
        self.storage.close()

"""Run blocking storage calls off the event loop, with group commit.

All calls go through one worker thread, in submission order: SQLite serialises writers anyway, a
single thread keeps the connection single-threaded, and the event loop never waits on an fsync.

Group commit: the worker takes every call waiting in its queue (up to `max_batch`) and runs them in
one transaction, one commit (and one fsync) for all of them, then hands each caller its result. A
caller still gets its answer only after its writes are committed, so "the trainee's line is committed
before the reply is sent" holds as before; what changes is that under load hundreds of lines share a
commit instead of paying one each (the worker's per-commit cost, and its competition with the event
loop for the GIL, was the limit of the bot's throughput). If a call fails inside a group, the group
is rolled back and its calls are run again one transaction each, so only the failing call fails. When
the storage has no `transaction()` (another implementation), calls run one by one as before.

Delivered marks ride along: `mark_delivered_soon` only notes the mark; the worker writes the noted
marks at the start of its next group (no thread wake-up and no commit of their own under load), or
`flush_delay` seconds later when nothing else comes. A mark is not needed for correctness (a reply
whose mark was lost in a crash is sent again after the restart: at-least-once), and every call
submitted after `mark_delivered_soon` sees the mark, because its group starts with the marks.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import queue
import threading
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any, ParamSpec, TypeVar

from salesbot.storage.base import Storage, UpdateContext

P = ParamSpec("P")
T = TypeVar("T")

log = logging.getLogger(__name__)

# A queued call: the function, and where to deliver its outcome (None for fire-and-forget jobs).
_Job = tuple[Callable[[], Any], asyncio.AbstractEventLoop | None, "asyncio.Future[Any] | None"]
_Outcome = tuple[bool, Any]  # (succeeded, result or exception)


class AsyncStorage:
    """`await db.run(db.storage.add_trainee_message, session_id, text, update_id)`."""

    def __init__(self, storage: Storage, max_batch: int = 256, flush_delay: float = 0.2) -> None:
        self.storage = storage
        self.max_batch = max_batch
        self.flush_delay = flush_delay
        self._transaction: Callable[[], AbstractContextManager[Any]] | None = getattr(
            storage, "transaction", None
        )
        self._jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._pending_lock = threading.Lock()
        self._delivered: list[tuple[int, int]] = []
        self._flush_timer = False  # a timer will queue a flush of the noted marks
        self._closed = False
        self._worker = threading.Thread(target=self._work, name="salesbot-db", daemon=True)
        self._worker.start()

    async def run(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        if self._closed:
            raise RuntimeError("the storage is closed")
        loop = asyncio.get_running_loop()
        future: asyncio.Future[T] = loop.create_future()
        self._jobs.put((functools.partial(fn, *args, **kwargs), loop, future))
        return await future

    async def begin_update(
        self, update_id: int | None, telegram_id: int, name: str, is_trainer: bool
    ) -> UpdateContext:
        """`Storage.begin_update`, read right here when the storage can (`peek_update`, a read-only
        connection) and nothing has to be written: one trip less to the storage thread per update,
        which under a busy machine also means one thread wake-up less to wait for."""
        peek = getattr(self.storage, "peek_update", None)
        context = peek(update_id, telegram_id) if peek is not None else None
        if context is not None:
            user = context.user
            if context.processed or (
                user is not None and user.name == name and user.is_trainer == is_trainer
            ):
                return context
        return await self.run(self.storage.begin_update, update_id, telegram_id, name, is_trainer)

    def mark_delivered_soon(self, session_id: int, seq: int) -> None:
        """Mark a reply sent, with the storage thread's next group; returns at once. Call it from the
        event loop's thread."""
        with self._pending_lock:
            self._delivered.append((session_id, seq))
            if self._flush_timer:
                return
            self._flush_timer = True
        asyncio.get_running_loop().call_later(self.flush_delay, self._flush_soon)

    def _flush_soon(self) -> None:
        """Nothing else may come to carry the marks: queue a job of their own."""
        with self._pending_lock:
            self._flush_timer = False
            pending = bool(self._delivered)
        if pending and not self._closed:
            self._jobs.put((self._flush_delivered, None, None))

    def _flush_delivered(self) -> None:
        with self._pending_lock:
            batch, self._delivered = self._delivered, []
        if batch:
            self.storage.mark_delivered_many(batch)

    async def flush(self) -> None:
        """Wait until every call submitted so far (grouped delivered marks included) has run."""
        await self.run(lambda: None)

    def close(self) -> None:
        """Finish queued calls, then close the database."""
        if not self._closed:
            self._closed = True
            self._jobs.put(None)
            self._worker.join()
        self.storage.close()

    # -- the worker thread ------------------------------------------------------------------------

    def _work(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                break
            batch = [job]
            stopping = False
            while len(batch) < self.max_batch:
                try:
                    more = self._jobs.get_nowait()
                except queue.Empty:
                    break
                if more is None:
                    stopping = True
                    break
                batch.append(more)
            if self._delivered:  # noted delivered marks go first, in the same transaction
                batch.insert(0, (self._flush_delivered, None, None))
            self._deliver(batch, self._run_batch(batch))
            if stopping:
                break
        final: _Job = (self._flush_delivered, None, None)  # closing: the marks noted last
        self._deliver([final], [self._run_one(final)])

    def _run_batch(self, batch: list[_Job]) -> list[_Outcome]:
        if len(batch) > 1 and self._transaction is not None:
            grouped = self._run_grouped(batch, self._transaction)
            if grouped is not None:
                return grouped
        return [self._run_one(job) for job in batch]

    @staticmethod
    def _run_grouped(
        batch: list[_Job], transaction: Callable[[], AbstractContextManager[Any]]
    ) -> list[_Outcome] | None:
        """All calls in one transaction; None if one of them failed (then nothing was written)."""
        results: list[Any] = []
        try:
            with transaction():
                for job in batch:
                    try:
                        results.append(job[0]())
                    except Exception:
                        raise _CallFailed from None
        except _CallFailed:
            return None
        except Exception as error:  # beginning or committing failed: none of the calls took effect
            return [(False, error)] * len(batch)
        return [(True, result) for result in results]

    @staticmethod
    def _run_one(job: _Job) -> _Outcome:
        try:
            return True, job[0]()
        except Exception as error:
            return False, error

    @staticmethod
    def _deliver(batch: list[_Job], outcomes: list[_Outcome]) -> None:
        by_loop: dict[asyncio.AbstractEventLoop, list[tuple[asyncio.Future[Any], _Outcome]]] = {}
        for (fn, loop, future), outcome in zip(batch, outcomes, strict=True):
            if loop is None or future is None:
                if not outcome[0]:  # a fire-and-forget job (delivered marks): the replies stay in the outbox
                    log.error("storage job %s failed", getattr(fn, "__name__", fn), exc_info=outcome[1])
                continue
            by_loop.setdefault(loop, []).append((future, outcome))
        for loop, items in by_loop.items():  # one wake-up of each event loop per group
            with contextlib.suppress(RuntimeError):  # that loop is closed: nobody waits any more
                loop.call_soon_threadsafe(_resolve, items)


class _CallFailed(Exception):
    """A call inside a group failed: roll the group back and run its calls one by one."""


def _resolve(items: list[tuple[asyncio.Future[Any], _Outcome]]) -> None:
    for future, (succeeded, value) in items:
        if future.done():  # the caller was cancelled
            continue
        if succeeded:
            future.set_result(value)
        else:
            future.set_exception(value)

"""Telegram's flood limits and transient network errors, handled for every Bot API call.

`AIORateLimiter` (python-telegram-bot's own) throttles to Telegram's limits (about 30 messages per
second overall, 20 per minute per group) and retries after a `RetryAfter` (HTTP 429) for as long as
Telegram asks. On top of it we retry `NetworkError`s (connection reset, 5xx, time-outs) a few times with
a short exponential back-off; `BadRequest` is a NetworkError subclass in PTB but a permanent error, so
it is not retried. A retried send may reach the chat twice in the rare case the first attempt arrived
but its answer was lost: at-least-once, never lost.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from telegram.error import BadRequest, NetworkError
from telegram.ext import AIORateLimiter

log = logging.getLogger(__name__)

JSONResult = bool | dict[str, Any] | list[dict[str, Any]]


class RetryingRateLimiter(AIORateLimiter):
    def __init__(
        self,
        *,
        overall_max_rate: float = 30,
        group_max_rate: float = 20,
        retry_after_retries: int = 3,
        network_retries: int = 3,
        backoff: float = 0.25,
        max_in_flight: int = 16,
    ) -> None:
        # A rate of 0 switches that limit off (used by the benchmark against the stand-in API).
        super().__init__(
            overall_max_rate=overall_max_rate,
            overall_time_period=1 if overall_max_rate else 0,
            group_max_rate=group_max_rate,
            group_time_period=60 if group_max_rate else 0,
            max_retries=retry_after_retries,
        )
        self._network_retries = network_retries
        self._backoff = backoff
        # At most this many requests in flight: httpcore's connection pool does work proportional to
        # (queued requests x connections) for every request, so hundreds of concurrent chats would
        # otherwise spend their CPU in pool bookkeeping. Waiting here is cheap.
        self._in_flight = asyncio.Semaphore(max_in_flight)

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, JSONResult]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> JSONResult:
        attempt = 0
        while True:
            try:
                async with self._in_flight:
                    return await super().process_request(
                        callback, args, kwargs, endpoint, data, rate_limit_args
                    )
            except BadRequest:
                raise
            except NetworkError as error:
                if attempt >= self._network_retries:
                    raise
                delay = self._backoff * (2**attempt)
                attempt += 1
                log.warning("%s failed (%s); retry %d in %.2f s", endpoint, error, attempt, delay)
                await asyncio.sleep(delay)

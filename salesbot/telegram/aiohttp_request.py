"""python-telegram-bot's HTTP transport on aiohttp instead of httpx.

Profiling the bot under load showed most of its CPU in the httpx/httpcore stack (connection-pool
bookkeeping and socket checks on every request). aiohttp's client does the same job with far less
Python per request, so both the Bot API requests and the long-polling getUpdates go through this class.

Behaviour matches PTB's `HTTPXRequest` where it matters: form-encoded parameters, multipart uploads
(sendDocument/sendPhoto) when files are attached, time-outs raise `TimedOut`, other transport errors
`NetworkError` (which the rate limiter retries). aiohttp has no separate write time-out: the request
body is small except for uploads, and `write_timeout` is applied to the whole request only for uploads.
Error messages are passed through `mask` because transport errors may quote the URL, which holds the token.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any
from urllib.parse import urlencode

import aiohttp
from telegram._utils.defaultvalue import DefaultValue
from telegram._utils.types import ODVInput
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

from salesbot.telegram.masking import mask

log = logging.getLogger(__name__)


class AiohttpRequest(BaseRequest):
    """`AiohttpRequest(connection_pool_size=16, read_timeout=30.0)`; one aiohttp session per instance."""

    __slots__ = (
        "_connect_timeout",
        "_media_write_timeout",
        "_pool_size",
        "_pool_timeout",
        "_read_timeout",
        "_session",
        "_write_timeout",
    )

    def __init__(
        self,
        connection_pool_size: int = 16,
        read_timeout: float | None = 5.0,
        write_timeout: float | None = 5.0,
        connect_timeout: float | None = 5.0,
        pool_timeout: float | None = 1.0,
        media_write_timeout: float | None = 20.0,
    ) -> None:
        self._pool_size = connection_pool_size
        self._read_timeout = read_timeout
        self._write_timeout = write_timeout
        self._connect_timeout = connect_timeout
        self._pool_timeout = pool_timeout
        self._media_write_timeout = media_write_timeout
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float | None:
        return self._read_timeout

    async def initialize(self) -> None:
        # The session binds to the running loop, so it is created here and not in __init__.
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(limit=self._pool_size, limit_per_host=self._pool_size)
            self._session = aiohttp.ClientSession(
                connector=connector, headers={"User-Agent": self.USER_AGENT}
            )

    async def shutdown(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self._session = None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        session = self._session
        if session is None or session.closed:
            raise RuntimeError("This AiohttpRequest is not initialized!")
        files = request_data.multipart_data if request_data else None
        params = request_data.json_parameters if request_data else None

        read = self._read_timeout if isinstance(read_timeout, DefaultValue) else read_timeout
        connect = self._connect_timeout if isinstance(connect_timeout, DefaultValue) else connect_timeout
        pool = self._pool_timeout if isinstance(pool_timeout, DefaultValue) else pool_timeout
        write = write_timeout
        if isinstance(write, DefaultValue):
            write = self._media_write_timeout if files else self._write_timeout
        # aiohttp's `connect` covers waiting for a free pooled connection plus connecting.
        timeout = aiohttp.ClientTimeout(
            total=None,
            connect=None if connect is None or pool is None else connect + pool,
            sock_connect=connect,
            sock_read=read,
        )
        body = _form(params, files)
        headers = _FORM_HEADERS if isinstance(body, bytes) else None
        try:
            request = session.request(method, url, data=body, headers=headers, timeout=timeout)
            if files and write is not None and read is not None:
                # An upload: bound the whole exchange, as the write time-out cannot be set alone.
                async with asyncio.timeout(write + read + (connect or 0) + (pool or 0)):
                    return await _send(request)
            return await _send(request)
        except TimeoutError as error:
            raise TimedOut from error
        except aiohttp.ClientError as error:
            raise NetworkError(f"aiohttp.{error.__class__.__name__}: {mask(str(error))}") from error

    async def post_form(self, url: str, body: bytes) -> tuple[int, bytes]:
        """POST an already form-encoded body with the default time-outs: the bot's lean path for plain
        text messages (see `DurableBot.send_text`). Errors as in `do_request`."""
        session = self._session
        if session is None or session.closed:
            raise RuntimeError("This AiohttpRequest is not initialized!")
        connect, pool = self._connect_timeout, self._pool_timeout
        timeout = aiohttp.ClientTimeout(
            total=None,
            connect=None if connect is None or pool is None else connect + pool,
            sock_connect=connect,
            sock_read=self._read_timeout,
        )
        try:
            return await _send(
                session.request("POST", url, data=body, headers=_FORM_HEADERS, timeout=timeout)
            )
        except TimeoutError as error:
            raise TimedOut from error
        except aiohttp.ClientError as error:
            raise NetworkError(f"aiohttp.{error.__class__.__name__}: {mask(str(error))}") from error


class AnsweredRequest(BaseRequest):
    """One HTTP answer already received, handed to python-telegram-bot's own error handling: `post`
    raises exactly what PTB raises for that status and body (RetryAfter, BadRequest, Forbidden, ...)."""

    __slots__ = ("_answer",)

    def __init__(self, status: int, payload: bytes) -> None:
        self._answer = (status, payload)

    @property
    def read_timeout(self) -> float | None:
        return None

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    async def do_request(self, *args: Any, **kwargs: Any) -> tuple[int, bytes]:
        return self._answer


async def _send(request: Any) -> tuple[int, bytes]:
    async with request as response:
        payload = await response.read()
    if log.isEnabledFor(logging.DEBUG):  # the URL holds the token: the log-record factory masks it
        log.debug('HTTP Request: %s %s "%s"', response.method, response.url, response.status)
    return response.status, payload


_FORM_HEADERS = {"Content-Type": "application/x-www-form-urlencoded"}


def _form(
    params: dict[str, str] | None, files: dict[str, tuple[str, Any, str]] | None
) -> aiohttp.FormData | bytes | None:
    """Form-encoded parameters, or multipart with the files when there are any (as HTTPXRequest).
    Without files the body is encoded here: aiohttp would build a FormData (with a multipart writer
    and a random boundary it never uses) for every request, a measurable cost per reply."""
    if not files:
        return urlencode(params).encode("ascii") if params else None
    form = aiohttp.FormData(quote_fields=False)
    for name, value in (params or {}).items():
        form.add_field(name, value)
    for name, (filename, content, mimetype) in files.items():
        form.add_field(name, content, filename=filename, content_type=mimetype)
    return form

"""The aiohttp transport's error behaviour (its normal path runs in every other Telegram test)."""

from __future__ import annotations

import asyncio
import socket

import pytest
from telegram.error import NetworkError, TimedOut

from salesbot.telegram.aiohttp_request import AiohttpRequest
from salesbot.telegram.masking import install_token_masking, uninstall_token_masking

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def test_a_refused_connection_is_a_network_error_without_the_token() -> None:
    install_token_masking(TOKEN)
    request = AiohttpRequest(connect_timeout=2.0)
    await request.initialize()
    try:
        with pytest.raises(NetworkError) as raised:
            await request.do_request(f"http://127.0.0.1:{free_port()}/bot{TOKEN}/getMe", "POST")
        assert TOKEN not in str(raised.value) and "aiohttp." in str(raised.value)
    finally:
        await request.shutdown()
        uninstall_token_masking()


async def test_an_answer_slower_than_the_read_timeout_is_timed_out() -> None:
    async def silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await asyncio.sleep(5)  # accepts the request, never answers
        writer.close()

    server = await asyncio.start_server(silent, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    request = AiohttpRequest(read_timeout=0.2)
    await request.initialize()
    try:
        with pytest.raises(TimedOut):
            await request.do_request(f"http://127.0.0.1:{port}/bot{TOKEN}/getMe", "POST")
    finally:
        await request.shutdown()
        server.close()


async def test_a_request_before_initialize_is_refused() -> None:
    with pytest.raises(RuntimeError, match="not initialized"):
        await AiohttpRequest().do_request("http://127.0.0.1:1/x", "POST")

"""Nothing a trainee typed is lost: kill -9 of `salesbot serve` mid-session, restart, the session resumes.

Also the three recovery paths one by one, in process: a stored line without an answer, a stored answer
not yet sent, an update received but not processed.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
from pathlib import Path
from typing import Any

from salesbot.storage import SqliteStorage, TurnWrite

GOLDEN = Path(__file__).parents[1] / "data" / "golden" / "koelservice-supermarkt" / "strong.txt"
LINES = [ln for ln in GOLDEN.read_text("utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
SCENARIO = "koelservice-supermarkt"


def customer_lines(api: Any, chat_id: int, start: int = 0) -> list[str]:
    return [
        m.text
        for m in api.messages_to(chat_id)[start:]
        if m.kind == "text" and not m.text.startswith(("📍", "🏁", "📋", "📞", "Gekozen", "Welkom", "Kies"))
    ]


async def serve(api: Any, db_path: Path, token: str) -> asyncio.subprocess.Process:
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": token,
        "SALESBOT_TELEGRAM_API_URL": api.base_url,
        "SALESBOT_DB": str(db_path),
        "SALESBOT_TRAINERS": "",
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "salesbot", "serve", env=env, stderr=asyncio.subprocess.PIPE
    )
    return process


async def test_kill_9_mid_session_loses_nothing_and_the_session_resumes(
    api: Any, db_path: Path, token: str, trainee: Any, make_bot: Any
) -> None:
    polls_before = len(api.calls_of("getUpdates"))
    first = await serve(api, db_path, token)
    try:
        await api.wait_for(lambda: len(api.calls_of("getUpdates")) > polls_before, timeout=30)
        api.user_sends(trainee, "/start")
        picker = (await api.wait_messages(trainee.id, 2))[-1]
        api.user_clicks(trainee, picker, f"pick:{SCENARIO}")
        await api.wait_for(lambda: any("wacht op jouw opening" in t for t in api.texts_to(trainee.id)))
        start = len(api.messages_to(trainee.id))
        api.user_sends(trainee, LINES[0])
        await api.wait_for(lambda: len(customer_lines(api, trainee.id, start)) == 1)
        # The answer to the second line will hang (the process dies while sending it); the third line
        # is fetched (and confirmed to "Telegram") while the second is being handled.
        api.hold("sendMessage")
        api.user_sends(trainee, LINES[1])
        third = api.user_sends(trainee, LINES[2])
        await api.wait_for(lambda: api.held)
        await api.wait_for(
            lambda: any(int(c.params.get("offset", 0) or 0) > third for c in api.calls_of("getUpdates"))
        )
        assert not api.pending_updates  # Telegram has forgotten both lines: only our database has them
        first.send_signal(signal.SIGKILL)
        await first.wait()
    finally:
        if first.returncode is None:
            first.kill()
            await first.wait()

    second = await serve(api, db_path, token)
    try:
        await api.wait_for(lambda: len(customer_lines(api, trainee.id, start)) == 3, timeout=30)
        # The session continues after the restart: a fourth line is answered in the same session.
        api.user_sends(trainee, LINES[3])
        await api.wait_for(lambda: len(customer_lines(api, trainee.id, start)) == 4, timeout=15)
        second.send_signal(signal.SIGTERM)  # graceful stop
        _, stderr = await asyncio.wait_for(second.communicate(), 30)
    finally:
        if second.returncode is None:
            second.kill()
            await second.wait()
    assert second.returncode == 0, stderr.decode()
    assert b"Traceback" not in stderr and token.encode() not in stderr

    storage = SqliteStorage(db_path)
    [session] = [storage.get_session(h.session_id) for h in storage.history(trainee.id)]
    assert session.status == "active"
    messages = storage.messages(session.id)
    assert [m.role for m in messages] == ["seller", "customer"] * 4
    assert [m.text for m in messages if m.role == "seller"] == LINES[:4]
    assert (
        all(m.delivered for m in messages) and storage.undelivered() == [] and storage.inbox_pending() == []
    )
    # Exactly the engine's answers, each sent once, in order.
    bot = await make_bot(db=db_path)  # only for its catalogue/engine; it sees no new updates
    engine = bot.catalogue.engine(SCENARIO)
    state = engine.new_session(session.seed)
    expected = [engine.turn(state, line).reply for line in LINES[:4]]
    assert customer_lines(api, trainee.id, start) == expected
    assert [m.text for m in messages if m.role == "customer"] == expected


async def _session_with_lines(db_path: Path, bot: Any, user: Any, lines: list[str]) -> tuple[int, Any]:
    """Build a stored session by hand (what a previous run left behind); returns (session id, state)."""
    storage = SqliteStorage(db_path)
    engine = bot.catalogue.engine(SCENARIO)
    state = engine.new_session(7)
    storage.ensure_user(user.id, user.first_name, False)
    session = storage.start_session(user.id, user.id, SCENARIO, 7, state.to_json(), None)
    for line in lines:
        storage.add_trainee_message(session.id, line, None)
    storage.close()
    return session.id, state


async def test_a_stored_line_without_an_answer_is_answered_at_start_up(
    api: Any, make_bot: Any, db_path: Path, talk: Any, trainee: Any
) -> None:
    probe = await make_bot()
    await probe.stop()
    session_id, state = await _session_with_lines(db_path, probe, trainee, LINES[:2])
    engine = probe.catalogue.engine(SCENARIO)
    expected = [engine.turn(state, line).reply for line in LINES[:2]]
    bot = await make_bot()  # recovery runs before polling starts
    assert customer_lines(api, trainee.id) == expected
    messages = bot.storage.messages(session_id)
    assert [m.role for m in messages] == ["seller", "seller", "customer", "customer"]
    assert (
        bot.storage.get_session(session_id).state_seq == 2 and bot.storage.sessions_with_pending_turns() == []
    )
    answer = await talk(bot, trainee).send(LINES[2])
    assert answer[-1].text == engine.turn(state, LINES[2]).reply


async def test_a_stored_answer_not_yet_sent_is_sent_at_start_up(
    api: Any, make_bot: Any, db_path: Path, trainee: Any
) -> None:
    probe = await make_bot()
    await probe.stop()
    session_id, state = await _session_with_lines(db_path, probe, trainee, LINES[:1])
    result = probe.catalogue.engine(SCENARIO).turn(state, LINES[0])
    storage = SqliteStorage(db_path)
    storage.apply_turn(TurnWrite(session_id, state.to_json(), 1, reply=result.reply))
    storage.close()
    bot = await make_bot()
    assert customer_lines(api, trainee.id) == [result.reply]
    assert bot.storage.undelivered() == []


async def test_an_update_received_but_not_processed_is_replayed(
    api: Any, make_bot: Any, db_path: Path, talk: Any, trainee: Any
) -> None:
    probe = await make_bot()
    await probe.stop()
    storage = SqliteStorage(db_path)
    update = {
        "update_id": 4242,
        "message": {
            "message_id": 9,
            "date": 0,
            "chat": {"id": trainee.id, "type": "private"},
            "from": trainee.as_json(),
            "text": "/help",
            "entities": [{"type": "bot_command", "offset": 0, "length": 5}],
        },
    }
    storage.inbox_add(4242, json.dumps(update))
    storage.close()
    chats = []
    bot = await make_bot(before_start=lambda b: chats.append(talk(b, trainee)))
    await chats[0].wait_done(4242)
    [answer] = api.texts_to(trainee.id)
    assert answer.startswith("SalesBot laat je")
    assert bot.storage.inbox_pending() == [] and bot.storage.is_processed(4242)


async def test_a_token_the_bot_api_rejects_is_one_line_without_the_token(api: Any, db_path: Path) -> None:
    wrong = "987654321:" + "Z" * 35  # well-formed, but not the stand-in's token: 401 Unauthorized
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": wrong,
        "SALESBOT_TELEGRAM_API_URL": f"http://127.0.0.1:{api.port}/bot{wrong}",
        "SALESBOT_DB": str(db_path),
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "salesbot", "serve", env=env, stderr=asyncio.subprocess.PIPE
    )
    _, stderr = await asyncio.wait_for(process.communicate(), 60)
    text = stderr.decode()
    assert process.returncode == 1
    assert (
        text.strip().splitlines()[-1]
        == "salesbot serve: the Bot API rejected the bot token (check TELEGRAM_BOT_TOKEN)"
    )
    assert wrong not in text and "Z" * 35 not in text and "Traceback" not in text

"""Many chats at once, in order and without cross-talk; webhook mode; Bot API errors and retries."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from salesbot.core.engine import SessionState

GOLDEN = Path(__file__).parents[1] / "data" / "golden"
SCRIPTS = {
    "koelservice-supermarkt": ["strong.txt", "weak_pitch.txt", "weak_situation.txt", "weak_premature.txt"],
}


def script(path: Path) -> list[str]:
    return [ln for ln in path.read_text("utf-8").splitlines() if ln.strip() and not ln.startswith("#")]


def expected_replies(bot: Any, scenario_id: str, seed: int, lines: list[str]) -> list[str]:
    engine = bot.catalogue.engine(scenario_id)
    state = engine.new_session(seed)
    engine.opening(state)
    replies = []
    for line in lines:
        if state.ended:
            break
        reply = engine.turn(state, line).reply
        if reply is not None:
            replies.append(reply)
    return replies


async def test_many_chats_at_once_stay_in_order_without_cross_talk(
    api: Any, bot: Any, talk: Any, user_factory: Any
) -> None:
    scripts = [
        script(GOLDEN / "koelservice-supermarkt" / name)[:6] for name in SCRIPTS["koelservice-supermarkt"]
    ]
    users = [user_factory(1000 + i, f"Trainee {i}", "nl") for i in range(40)]
    chats = [talk(bot, u) for u in users]
    await asyncio.gather(*(chat.pick("koelservice-supermarkt") for chat in chats))
    before = {u.id: len(api.messages_to(u.id)) for u in users}
    # Every chat's lines are queued at once, interleaved with the other chats' lines.
    last_updates = {}
    for step in range(min(len(s) for s in scripts)):
        for i, user in enumerate(users):
            last_updates[user.id] = api.user_sends(user, scripts[i % len(scripts)][step])
    await asyncio.gather(*(chat.wait_done(last_updates[chat.user.id], timeout=30) for chat in chats))
    for i, user in enumerate(users):
        session = bot.storage.get_session(bot.storage.history(user.id)[0].session_id)
        seed = session.seed
        lines = scripts[i % len(scripts)][: min(len(s) for s in scripts)]
        received = [
            m.text
            for m in api.messages_to(user.id)[before[user.id] :]
            if m.kind == "text" and not m.text.startswith(("📍", "🏁", "Beoordeling"))
        ]
        expected = expected_replies(bot, "koelservice-supermarkt", seed, lines)
        assert received[: len(expected)] == expected, user.first_name
        stored = bot.storage.messages(session.id)
        assert [m.text for m in stored if m.role == "seller"] == lines[
            : len([m for m in stored if m.role == "seller"])
        ]


async def test_webhook_mode_stores_then_answers_and_checks_the_secret(
    api: Any, make_bot: Any, talk: Any, unused_port: int, trainee: Any
) -> None:
    url = f"http://127.0.0.1:{unused_port}/hook"
    bot = await make_bot(options={"webhook_url": url, "listen": "127.0.0.1", "port": unused_port})
    chat = talk(bot, trainee)
    assert api.webhook_url == url
    [set_call] = api.calls_of("setWebhook")
    assert set_call.params["secret_token"] == bot.webhook_secret
    update = {
        "update_id": 777,
        "message": {
            "message_id": 1,
            "date": 0,
            "chat": {"id": trainee.id, "type": "private"},
            "from": trainee.as_json(),
            "text": "/help",
            "entities": [{"type": "bot_command", "offset": 0, "length": 5}],
        },
    }
    async with aiohttp.ClientSession() as http:
        async with http.post(
            url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "wrong"}
        ) as response:
            assert response.status == 403
        async with http.post(
            url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": bot.webhook_secret}
        ) as response:
            assert response.status == 200
    # Telegram retries a webhook delivery it is unsure about: the second copy is ignored.
    async with (
        aiohttp.ClientSession() as http,
        http.post(
            url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": bot.webhook_secret}
        ) as response,
    ):
        assert response.status == 200
    await chat.wait_handled(777, times=2)
    assert bot.processor.duplicates == 1 and bot.storage.is_processed(777)
    assert [m.text[:20] for m in api.messages_to(trainee.id)] == ["SalesBot laat je een"]


async def test_network_errors_and_rate_limits_are_retried(
    api: Any, bot: Any, talk: Any, trainee: Any
) -> None:
    chat = talk(bot, trainee)
    api.fail("sendMessage", 502, "Bad Gateway", times=2)
    answer = await chat.send("/help")
    assert len(answer) == 1 and answer[0].text.startswith("SalesBot laat je")
    assert len(api.calls_of("sendMessage")) == 3
    api.fail("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1)
    answer = await chat.send("/help")
    assert len(answer) == 1
    failed, succeeded = api.calls_of("sendMessage")[-2:]
    assert succeeded.at - failed.at >= 1.0


async def test_a_reply_that_cannot_be_sent_stays_in_the_outbox(
    api: Any, bot: Any, talk: Any, trainee: Any
) -> None:
    chat = talk(bot, trainee)
    await chat.pick("koelservice-supermarkt")
    api.fail("sendMessage", 502, "Bad Gateway", times=20)
    await chat.send("Goedemorgen mevrouw Jansen, met Tessa van KoelTech.")
    session = bot.storage.active_session(trainee.id)
    [pending] = bot.storage.undelivered()
    assert pending.session_id == session.id and pending.text == bot.storage.messages(session.id)[-1].text
    assert json.loads(bot.storage.messages(session.id)[0].analysis)["acts"]


async def test_a_session_changed_behind_the_bots_back_is_read_from_the_database(
    api: Any, bot: Any, talk: Any, trainee: Any
) -> None:
    """The bot keeps recent engine states in memory, but the stored state is the truth."""
    chat = talk(bot, trainee)
    await chat.pick("koelservice-supermarkt")
    await chat.send("Goedemorgen mevrouw Jansen, met Tessa van KoelTech.")
    session = bot.storage.active_session(trainee.id)
    engine = bot.catalogue.engine("koelservice-supermarkt")
    # Another process (or an operator) replaces the state: a call where the branch count was asked.
    replaced = engine.new_session(4242)
    engine.turn(replaced, "Goedemorgen mevrouw Jansen, met Tessa van KoelTech.")
    engine.turn(replaced, "Hoeveel filialen heeft u?")
    bot.storage._db.execute("UPDATE sessions SET state = ? WHERE id = ?", (replaced.to_json(), session.id))
    line = "Hoeveel filialen heeft u?"
    stale = engine.turn(SessionState.from_json(session.state), line).reply
    expected = engine.turn(SessionState.from_json(replaced.to_json()), line).reply
    assert expected != stale  # (the customer says she answered that already)
    answer = await chat.send(line)
    assert [m.text for m in answer if m.kind == "text"][-1] == expected


async def test_plain_texts_take_the_lean_path_with_ptbs_errors(api: Any, bot: Any, trainee: Any) -> None:
    """send_text posts plain texts without PTB's request objects; error answers still become PTB's
    exceptions (not retried when permanent), and texts with options take PTB's own path."""
    from telegram import InlineKeyboardButton, InlineKeyboardMarkup
    from telegram.error import BadRequest, Forbidden

    sender = bot.app.bot
    sent = await sender.send_text(trainee.id, "Hallo & welkom = 100%")
    assert sent["text"] == "Hallo & welkom = 100%" and api.texts_to(trainee.id) == ["Hallo & welkom = 100%"]
    api.fail("sendMessage", 403, "Forbidden: bot was blocked by the user")
    before = len(api.calls_of("sendMessage"))
    with pytest.raises(Forbidden, match="(?i)blocked by the user"):
        await sender.send_text(trainee.id, "Hallo?")
    api.fail("sendMessage", 400, "Bad Request: chat not found")
    with pytest.raises(BadRequest, match="(?i)chat not found"):
        await sender.send_text(trainee.id, "Hallo?")
    assert len(api.calls_of("sendMessage")) == before + 2  # permanent errors: no retries
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Ja", callback_data="lang:nl")]])
    await sender.send_text(trainee.id, "Kies", reply_markup=keyboard)
    assert api.messages_to(trainee.id)[-1].buttons[0]["callback_data"] == "lang:nl"

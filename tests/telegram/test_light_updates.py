"""Plain text lines read straight from getUpdates' JSON (`TextLine`) behave exactly like PTB's path."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from telegram import Bot, Update
from telegram.ext import filters

from salesbot.core.engine import SessionState
from salesbot.telegram.delivery import TextLine
from salesbot.telegram.texts import texts as bot_texts

GOLDEN = Path(__file__).parents[1] / "data" / "golden" / "koelservice-supermarkt"
SCENARIO = "koelservice-supermarkt"
TEXT_HANDLER = filters.ChatType.PRIVATE & filters.TEXT & ~filters.COMMAND  # the bot's on_text filter


def update(message: dict[str, Any] | None = None, **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"update_id": 5}
    if message is not None:
        data["message"] = {
            "message_id": 1,
            "date": 0,
            "chat": {"id": 42, "type": "private", "first_name": "Tessa"},
            "from": {"id": 42, "is_bot": False, "first_name": "Tessa", "language_code": "nl"},
            **message,
        }
    data.update(extra)
    return data


CASES = {
    "plain text": update({"text": "Hoeveel filialen heeft u?"}),
    "text with a last name": update(
        {"text": "Hallo", "from": {"id": 42, "is_bot": False, "first_name": "Tessa", "last_name": "de Vries"}}
    ),
    "text with a link entity": update(
        {"text": "Zie koeltech.nl", "entities": [{"type": "url", "offset": 4, "length": 11}]}
    ),
    "a command mid-sentence": update(
        {"text": "Typ /hint", "entities": [{"type": "bot_command", "offset": 4, "length": 5}]}
    ),
    "a command": update({"text": "/hint", "entities": [{"type": "bot_command", "offset": 0, "length": 5}]}),
    "a group chat": update({"text": "Hallo", "chat": {"id": -7, "type": "group", "title": "Team"}}),
    "a photo with a caption": update(
        {"caption": "kijk", "photo": [{"file_id": "p", "file_unique_id": "p", "width": 1, "height": 1}]}
    ),
    "empty text": update({"text": ""}),
    "an edited message": update(
        edited_message={
            "message_id": 1,
            "date": 0,
            "edit_date": 1,
            "chat": {"id": 42, "type": "private"},
            "from": {"id": 42, "is_bot": False, "first_name": "Tessa"},
            "text": "Hallo!",
        }
    ),
    "a button press": update(
        callback_query={
            "id": "1",
            "from": {"id": 42, "is_bot": False, "first_name": "T"},
            "chat_instance": "1",
        }
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_a_line_is_light_exactly_when_the_text_handler_would_take_it(name: str) -> None:
    data = CASES[name]
    raw = json.dumps(data)
    line = TextLine.from_update(data, raw)
    ptb = Update.de_json(data, Bot("123:" + "A" * 35))
    handled_by_on_text = ptb.message is not None and bool(TEXT_HANDLER.check_update(ptb))
    assert (line is not None) == handled_by_on_text
    if line is not None:
        message, user = ptb.message, ptb.effective_user
        assert message is not None and user is not None
        assert (line.update_id, line.chat_id, line.user_id) == (ptb.update_id, message.chat.id, user.id)
        assert (line.full_name, line.language_code, line.text) == (
            user.full_name,
            user.language_code,
            message.text,
        )
        assert line.raw == raw


def test_a_malformed_update_is_left_to_python_telegram_bot() -> None:
    broken = update({"text": "Hallo", "from": {"id": "not a number", "first_name": "T"}})
    assert TextLine.from_update(broken, json.dumps(broken)) is None
    assert TextLine.from_update(update({"text": "Hallo", "entities": {"type": "x"}}), "{}") is None


@pytest.mark.parametrize("light", [True, False], ids=["light", "ptb-objects"])
async def test_a_role_play_is_the_same_with_and_without_ptb_objects(
    api: Any, make_bot: Any, talk: Any, trainee: Any, light: bool
) -> None:
    bot = await make_bot(light_updates=light)
    kinds: set[str] = set()
    bot.processor.on_processed.append(lambda handled: kinds.add(type(handled).__name__))
    chat = talk(bot, trainee)
    await chat.pick(SCENARIO)
    session = bot.storage.active_session(trainee.id)
    lines = [
        ln
        for ln in (GOLDEN / "strong.txt").read_text("utf-8").splitlines()
        if ln.strip() and not ln.startswith("#")
    ][:5]
    engine = bot.catalogue.engine(SCENARIO)
    state = engine.new_session(session.seed)
    expected = [engine.turn(state, line).reply for line in lines]
    answers = []
    for line in lines:
        answer = await chat.send(line)
        answers.append([m.text for m in answer if not m.text.startswith("📍")][-1])
    assert answers == expected
    assert kinds == ({"Update", "TextLine"} if light else {"Update"})  # commands and clicks stay PTB's
    stored = bot.storage.messages(session.id)
    assert [m.text for m in stored if m.role == "seller"] == lines
    assert all(m.delivered for m in stored) and bot.storage.inbox_pending() == []
    # A second delivery of a line (same update id, e.g. after a restart) is ignored on both paths.
    before = len(api.messages_to(trainee.id))
    first = stored[-2]  # the last trainee line
    again = update({"text": first.text}, update_id=first.update_id)
    again["message"]["chat"]["id"] = again["message"]["from"]["id"] = trainee.id
    item = TextLine.from_update(again, json.dumps(again)) if light else Update.de_json(again, bot.app.bot)
    await bot.queue.put(item)
    await chat.wait_handled(first.update_id, times=2)
    assert len(api.messages_to(trainee.id)) == before and bot.processor.duplicates == 1


@pytest.mark.parametrize("light", [True, False], ids=["light", "ptb-objects"])
async def test_a_line_the_engine_fails_on_is_consumed_and_the_trainee_told(
    api: Any, make_bot: Any, talk: Any, trainee: Any, light: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    bot = await make_bot(light_updates=light)
    chat = talk(bot, trainee)
    await chat.pick(SCENARIO)
    engine = bot.catalogue.engine(SCENARIO)
    real_turn = engine.turn

    def turn(state: Any, text: str) -> Any:
        if text == "boem":
            raise RuntimeError("engine bug")
        return real_turn(state, text)

    monkeypatch.setattr(engine, "turn", turn)
    session = bot.storage.active_session(trainee.id)
    [answer] = await chat.send("boem")
    assert answer.text == bot_texts("nl")("error")
    after = bot.storage.get_session(session.id)
    assert [m.text for m in bot.storage.messages(session.id)] == ["boem"]  # stored: nothing lost
    assert after.state == session.state and after.state_seq == 1  # consumed, the state unchanged
    line = "Goedemorgen mevrouw Jansen, met Tessa van KoelTech."
    expected = real_turn(SessionState.from_json(session.state), line).reply
    answer = await chat.send(line)
    assert [m.text for m in answer][-1] == expected  # the session goes on where it was
    assert len(bot.storage.messages(session.id)) == 3

"""What a trainee sees on Telegram: the real PTB Application talking HTTP to the stand-in Bot API."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from salesbot.core.assessment import assess
from salesbot.core.engine import SessionState
from salesbot.telegram.delivery import split_message
from salesbot.telegram.texts import texts as bot_texts

GOLDEN = Path(__file__).parents[1] / "data" / "golden" / "koelservice-supermarkt" / "strong.txt"


def script(path: Path) -> list[str]:
    return [
        line for line in path.read_text("utf-8").splitlines() if line.strip() and not line.startswith("#")
    ]


def replay(
    bot: Any, scenario_id: str, seed: int, lines: list[str]
) -> tuple[str | None, list[str | None], Any]:
    """What the engine says to these lines offline (same scenario, same seed): the bot must match it."""
    engine = bot.catalogue.engine(scenario_id)
    state = engine.new_session(seed)
    opening = engine.opening(state)
    replies = []
    for line in lines:
        if state.ended:
            break
        replies.append(engine.turn(state, line).reply)
    return opening, replies, state


async def test_start_greets_by_name_and_offers_every_scenario(
    api: Any, bot: Any, talk: Any, trainee: Any
) -> None:
    answer = await talk(bot, trainee).send("/start")
    welcome, picker = answer
    assert "Tessa" in welcome.text and "Welkom" in welcome.text
    labels = {b["callback_data"]: b["text"] for b in picker.buttons}
    assert set(labels) == {f"pick:{s.id}" for s in bot.catalogue.all()}
    assert labels["pick:koelservice-supermarkt"] == "Onderhoudscontract koelinstallaties · NL · gemiddeld"
    assert "· EN ·" in labels["pick:coffee-coworking"]
    # Dutch scenarios first for a Dutch-speaking trainee.
    assert picker.buttons[0]["text"].split(" · ")[1] == "NL"


async def test_choosing_a_scenario_shows_the_briefing_and_the_customer_waits(
    api: Any, bot: Any, talk: Any, trainee: Any
) -> None:
    chat = talk(bot, trainee)
    answer = await chat.pick("koelservice-supermarkt")
    scenario = bot.catalogue.get("koelservice-supermarkt")
    briefing, waits = answer
    assert briefing.text.startswith("📋 Onderhoudscontract koelinstallaties")
    assert scenario.briefing.strip()[:60] in briefing.text
    assert scenario.persona.name in briefing.text and "/hint" in briefing.text
    assert "wacht op jouw opening" in waits.text
    assert chat.messages[1].text == "Gekozen: Onderhoudscontract koelinstallaties"  # picker edited
    assert bot.storage.active_session(trainee.id).scenario_id == "koelservice-supermarkt"


async def test_when_the_customer_opens_the_first_line_is_the_customers(
    api: Any, bot: Any, talk: Any, trainee: Any
) -> None:
    chat = talk(bot, trainee)
    answer = await chat.pick("roosterplanning-thuiszorg")
    session = bot.storage.active_session(trainee.id)
    opening, _, _ = replay(bot, "roosterplanning-thuiszorg", session.seed, [])
    assert opening and [m.text for m in answer[1:]] == ["📞 De klant begint:", opening]
    [stored] = bot.storage.messages(session.id)
    assert (stored.role, stored.text, stored.delivered) == ("customer", opening, True)


async def test_a_full_role_play_matches_the_engine_and_ends_with_an_assessment(
    api: Any, bot: Any, talk: Any, trainee: Any
) -> None:
    chat = talk(bot, trainee)
    await chat.pick("koelservice-supermarkt")
    session = bot.storage.active_session(trainee.id)
    lines = script(GOLDEN)
    _, expected, offline_state = replay(bot, "koelservice-supermarkt", session.seed, lines)
    customer_lines, phases, typing_before_reply = [], [], []
    for line in lines[: len(expected)]:
        answer = await chat.send(line)
        phases += [m.text for m in answer if m.text.startswith("📍")]
        customer_lines += [
            m.text for m in answer if not m.text.startswith(("📍", "🏁")) and m.kind == "text"
        ][:1]
        last_action = max((c.at for c in api.calls_of("sendChatAction")), default=0)
        typing_before_reply.append(last_action <= answer[0].at)
    assert customer_lines == [r for r in expected if r is not None]
    assert all(typing_before_reply)
    assert phases and phases[0] == "📍 Fase: informatiefase"
    stored = bot.storage.get_session(session.id)
    assert SessionState.from_json(stored.state) == offline_state
    # Both sides of the conversation are stored in order, trainee lines with their analysis.
    messages = bot.storage.messages(session.id)
    assert [m.text for m in messages if m.role == "seller"] == lines[: len(expected)]
    assert all(json.loads(m.analysis)["role"] == "seller" for m in messages if m.role == "seller")
    assert all(m.delivered for m in messages)
    if not offline_state.ended:  # the script did not finish the call: the trainee stops it
        await chat.send("/stop")
    final = bot.storage.get_session(session.id)
    assert final.status == "ended" and final.outcome == (offline_state.outcome or "continuation")
    transcript = SessionState.from_json(final.state).transcript
    expected_assessment = assess(transcript, bot.catalogue.get(final.scenario_id), outcome=final.outcome)
    assert final.score == expected_assessment.total
    assert json.loads(bot.storage.assessment(trainee.id).report) == json.loads(
        json.dumps(expected_assessment.to_dict())
    )
    [ended_note] = [m for m in chat.messages if m.text.startswith("🏁")]
    assert (
        ended_note.text
        == f"🏁 Het gesprek is afgelopen. Uitkomst: {bot_texts('nl')(f'outcomes.{final.outcome}')}."
    )
    photo = chat.messages[-1]
    assert photo.kind == "photo" and photo.content.startswith(b"\x89PNG")
    summary = chat.messages[-2]
    assert (
        f"{expected_assessment.total:.1f}" in summary.text
        or f"{expected_assessment.total:.0f}" in summary.text
    )
    # The full HTML report on request.
    answer = await chat.click(photo, f"html:{session.id}")
    [document] = answer
    assert document.kind == "document" and document.file_name == f"salesbot-report-{session.id}.html"
    assert document.content.lstrip().lower().startswith(b"<!doctype html")


async def test_hint_restart_and_stop(api: Any, bot: Any, talk: Any, trainee: Any) -> None:
    chat = talk(bot, trainee)
    await chat.pick("koelservice-supermarkt")
    first = bot.storage.active_session(trainee.id)
    [hint] = await chat.send("/hint")
    engine = bot.catalogue.engine("koelservice-supermarkt")
    assert hint.text == "💡 Tip: " + engine.hint(SessionState.from_json(first.state))
    await chat.send("Goedemorgen mevrouw Jansen, u spreekt met Tessa van KoelTech.")
    answer = await chat.send("/restart")
    assert answer[0].text == "🔁 Het gesprek begint opnieuw."
    second = bot.storage.active_session(trainee.id)
    assert second.id != first.id and second.scenario_id == first.scenario_id
    assert bot.storage.get_session(first.id).status == "ended"
    answer = await chat.send("/stop")
    # Nothing said in the new call: ended, but nothing to assess.
    assert answer[-2].text.startswith("🏁") and "niets te beoordelen" in answer[-1].text
    assert bot.storage.active_session(trainee.id) is None
    [no_active] = await chat.send("/hint")
    assert "geen lopend rollenspel" in no_active.text


async def test_report_and_history(api: Any, bot: Any, talk: Any, trainee: Any) -> None:
    chat = talk(bot, trainee)
    [none] = await chat.send("/report")
    assert "nog geen beoordeelde" in none.text
    [empty] = await chat.send("/history")
    assert "nog geen gesprekken" in empty.text
    await chat.pick("koelservice-supermarkt")
    for line in script(GOLDEN)[:4]:
        await chat.send(line)
    stopped = await chat.send("/stop")
    session = bot.storage.history(trainee.id)[0]
    answer = await chat.send("/report")
    assert [m.kind for m in answer] == ["text", "photo"]
    assert answer[0].text == stopped[-2].text  # the same report as when the call ended
    assert answer[1].buttons[0]["callback_data"] == f"html:{session.session_id}"
    await chat.pick("coffee-coworking")
    [history] = await chat.send("/history")
    lines = history.text.splitlines()
    assert lines[0] == "Jouw gesprekken (nieuwste eerst):"
    assert "Bean-to-cup coffee service" in lines[1] and "loopt nog" in lines[1]
    assert "Onderhoudscontract koelinstallaties" in lines[2] and f"{session.score:.0f} punten" in lines[2]


async def test_help_lang_and_language_default(api: Any, bot: Any, talk: Any, user_factory: Any) -> None:
    User = user_factory
    english = talk(bot, User(202, "Emma", "en-GB"))
    [welcome, _] = await english.send("/start")
    assert welcome.text.startswith("Welcome to SalesBot, Emma!")
    [help_text] = await english.send("/help")
    assert "/hint" in help_text.text and "For trainers" not in help_text.text
    [prompt] = await english.send("/lang")
    assert [b["callback_data"] for b in prompt.buttons] == ["lang:nl", "lang:en"]
    await english.click(prompt, "lang:nl")
    assert prompt.text == "De bot spreekt nu Nederlands."  # the prompt was edited
    [help_nl] = await english.send("/help")
    assert help_nl.text.startswith("SalesBot laat je")
    [set_en] = await english.send("/lang en")
    assert set_en.text == "The bot now speaks English."
    [bad] = await english.send("/lang fr")
    assert "Unknown language" in bad.text
    [unknown] = await english.send("/frobnicate")
    assert unknown.text.startswith("SalesBot lets you practise")
    no_code = talk(bot, User(203, "Noor", None))
    [welcome_nl, _] = await no_code.send("/start")
    assert welcome_nl.text.startswith("Welkom")


async def test_commands_are_registered_in_both_languages(api: Any, bot: Any) -> None:
    assert set(api.commands) == {"", "nl", "en"}
    assert [c["command"] for c in api.commands["en"]] == [
        "start",
        "hint",
        "restart",
        "stop",
        "report",
        "history",
        "lang",
        "help",
    ]
    assert api.commands["en"][0]["description"] == "Pick a scenario and begin"
    assert api.commands["nl"][0]["description"] == "Scenario kiezen en beginnen"


async def test_non_text_and_too_long_messages_get_a_friendly_explanation(
    api: Any, bot: Any, talk: Any, trainee: Any
) -> None:
    chat = talk(bot, trainee)
    await chat.pick("koelservice-supermarkt")
    session = bot.storage.active_session(trainee.id)
    for push in (
        lambda: api.user_sends_sticker(trainee),
        lambda: api.user_sends_photo(trainee),
        lambda: api.user_sends_voice(trainee),
        lambda: api.user_sends_document(trainee, "notes.yaml", b"id: x\n"),
        lambda: api.user_sends_raw(trainee, location={"latitude": 52.1, "longitude": 5.1}),
    ):
        [answer] = await chat.do(push)
        assert "alleen tekst" in answer.text
    [too_long] = await chat.send("a" * 5000)
    assert "te lang (5000 tekens; maximaal 4096)" in too_long.text
    assert bot.storage.messages(session.id) == []  # nothing reached the engine
    assert api.calls_of("getFile") == []  # a trainee's file is never downloaded


async def test_text_without_an_active_role_play_points_to_start(
    api: Any, bot: Any, talk: Any, trainee: Any
) -> None:
    [answer] = await talk(bot, trainee).send("Goedemorgen!")
    assert answer.text == "Je hebt geen lopend rollenspel. Kies een scenario met /start."


async def test_a_duplicate_update_is_answered_once(api: Any, bot: Any, talk: Any, trainee: Any) -> None:
    chat = talk(bot, trainee)
    await chat.pick("koelservice-supermarkt")
    before = len(chat.messages)
    # Telegram delivers the same update twice in one batch (as after a lost getUpdates answer).
    api.user_sends(trainee, "Goedemorgen mevrouw Jansen, met Tessa van KoelTech.", update_id=5000)
    api.user_sends(trainee, "Goedemorgen mevrouw Jansen, met Tessa van KoelTech.", update_id=5000)
    api.user_sends(trainee, "/hint", update_id=5001)
    await chat.wait_done(5001)
    assert chat.handled[5000] == 2 and bot.processor.duplicates == 1
    session = bot.storage.active_session(trainee.id)
    assert [m.role for m in bot.storage.messages(session.id)] == ["seller", "customer"]
    answers = chat.messages[before:]
    assert sum(m.text.startswith("💡") for m in answers) == 1
    assert len([m for m in answers if not m.text.startswith(("💡", "📍"))]) == 1  # one customer reply


async def test_long_texts_are_split_under_telegrams_limit(
    api: Any, bot: Any, talk: Any, trainer: Any
) -> None:
    data = yaml.safe_load(
        (Path(__file__).parents[2] / "scenarios" / "koelservice-supermarkt.yaml").read_text("utf-8")
    )
    paragraph = "Dit is een lange voorbereiding met veel achtergrond over de klant en de markt. " * 12
    briefing = "\n\n".join([paragraph.strip()] * 5)[:4990]
    data.update(id="lange-briefing", briefing=briefing)
    long_yaml = yaml.safe_dump(data, allow_unicode=True)
    chat = talk(bot, trainer)
    [ok] = await chat.do(lambda: api.user_sends_document(trainer, "lang.yaml", long_yaml.encode()))
    assert ok.text.startswith("✅"), ok.text
    answer = await chat.pick("lange-briefing")
    parts = [m.text for m in answer[:-1]]
    assert len(parts) == 2 and all(len(p) <= 4096 for p in parts)
    assert "".join(parts).replace("\n", "").replace(" ", "").count("Ditiseenlange") == briefing.count(
        "Dit is een lange"
    )


def test_split_message_prefers_paragraph_then_word_boundaries() -> None:
    text = ("woord " * 700).strip() + "\n\n" + ("ander " * 300).strip()
    parts = split_message(text, 4096)
    assert [len(p) <= 4096 for p in parts] == [True, True]
    assert parts[0].endswith("woord") and parts[1].startswith("woord")
    assert split_message("kort") == ["kort"]
    assert all(len(p) == 4096 for p in split_message("x" * 8192))
    assert "".join(split_message("x" * 9000)) == "x" * 9000


async def test_typing_indicator_only_when_the_answer_is_slow_and_never_after_it(
    api: Any, bot: Any, talk: Any, trainee: Any
) -> None:
    chat = talk(bot, trainee)
    await chat.pick("koelservice-supermarkt")
    # Default: the indicator waits 0.3 s, and an engine turn takes milliseconds: none is sent.
    answer = await chat.send("Goedemorgen mevrouw Jansen, met Tessa van KoelTech.")
    assert answer and api.calls_of("sendChatAction") == []
    bot.typing_delay = 0.0  # as if the answer took longer than the delay
    answer = await chat.send("Hoe gaat het met de koeling in uw winkel?")
    actions = api.calls_of("sendChatAction")
    assert [(c.params["chat_id"], c.params["action"]) for c in actions] == [(trainee.id, "typing")]
    assert actions[0].at <= answer[0].at

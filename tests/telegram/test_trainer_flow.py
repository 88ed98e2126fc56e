"""Trainers on Telegram: following trainees, exports, scenario uploads, reloads; and refusals for trainees."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from salesbot.core.assessment import DIMENSIONS

ROOT = Path(__file__).parents[2]
STRONG = ROOT / "tests" / "data" / "golden" / "koelservice-supermarkt" / "strong.txt"


def lines(path: Path, n: int | None = None) -> list[str]:
    found = [ln for ln in path.read_text("utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    return found[:n] if n else found


async def play(chat: Any, scenario_id: str, script: list[str]) -> None:
    await chat.pick(scenario_id)
    for line in script:
        await chat.send(line)
    if chat.bot.storage.active_session(chat.user.id) is not None:
        await chat.send("/stop")


def scenario_yaml(**changes: Any) -> str:
    data = yaml.safe_load((ROOT / "scenarios" / "koelservice-supermarkt.yaml").read_text("utf-8"))
    data.update(changes)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@pytest.mark.parametrize("command", ["/trainees", "/export", "/reload", "/report 101", "/report 101 2"])
async def test_trainer_commands_politely_refuse_trainees(
    api: Any, bot: Any, talk: Any, trainee: Any, command: str
) -> None:
    [answer] = await talk(bot, trainee).send(command)
    assert answer.text == "Dit commando is alleen voor trainers. Met /help zie je wat je wel kunt doen."
    assert not [m for m in api.messages_to(trainee.id) if m.kind == "document"]


async def test_trainees_and_their_reports(
    api: Any, bot: Any, talk: Any, trainer: Any, user_factory: Any
) -> None:
    anna, bram = user_factory(301, "Anna", "nl"), user_factory(302, "Bram", "nl")
    await play(talk(bot, anna), "koelservice-supermarkt", lines(STRONG))
    await play(talk(bot, anna), "koelservice-supermarkt", lines(STRONG, 3))
    await talk(bot, bram).pick("koelservice-supermarkt")
    boss = talk(bot, trainer)
    [overview] = await boss.send("/trainees")
    rows = overview.text.splitlines()
    scores = [h.score for h in bot.storage.history(anna.id)]
    assert rows[0] == "Cursisten (2):"
    assert rows[1] == f"Anna (id 301): 2 gesprekken, 2 beoordeeld, gemiddeld {sum(scores) / 2:.0f}"
    assert rows[2] == "Bram (id 302): 1 gesprekken, 0 beoordeeld, gemiddeld -"
    # n=1 is the latest assessment, n=2 the one before; by id or by name.
    latest, earlier = bot.storage.assessment(anna.id, 1), bot.storage.assessment(anna.id, 2)
    answer = await boss.send("/report 301")
    assert answer[0].text.startswith("Beoordeling van Anna, Onderhoudscontract koelinstallaties")
    assert [m.kind for m in answer] == ["text", "text", "photo"]
    assert f"{latest.score:.1f}" in answer[1].text
    answer = await boss.send("/report anna 2")
    assert f"{earlier.score:.1f}" in answer[1].text
    # The trainer may open the trainee's HTML report.
    [document] = await boss.click(answer[2], f"html:{earlier.session_id}")
    assert document.kind == "document" and b"<html" in document.content.lower()
    for command, expected in (
        ("/report 301 3", "Anna heeft geen beoordeling nummer 3."),
        ("/report 302", "Bram heeft geen beoordeling nummer 1."),
        ("/report nobody", "Geen cursist gevonden met 'nobody'. Zie /trainees."),
        ("/report 301 two", "Gebruik: /report"),
    ):
        [reply] = await boss.send(command)
        assert reply.text.startswith(expected), command


async def test_a_trainee_cannot_open_someone_elses_report(
    api: Any, bot: Any, talk: Any, user_factory: Any
) -> None:
    anna, eve = user_factory(301, "Anna", "nl"), user_factory(666, "Eve", "nl")
    await play(talk(bot, anna), "koelservice-supermarkt", lines(STRONG, 4))
    photo = next(m for m in api.messages_to(anna.id) if m.kind == "photo")
    session_id = bot.storage.assessment(anna.id).session_id
    eve_chat = talk(bot, eve)
    # Eve crafts the callback of Anna's button in her own chat.
    api.sent.setdefault(eve.id, []).append(photo.__class__(**{**photo.__dict__, "chat_id": eve.id}))
    [answer] = await eve_chat.click(eve_chat.messages[-1], f"html:{session_id}")
    assert answer.kind == "text" and "nog geen beoordeelde" in answer.text


async def test_export_csv_and_json(api: Any, bot: Any, talk: Any, trainer: Any, user_factory: Any) -> None:
    boss = talk(bot, trainer)
    [empty] = await boss.send("/export")
    assert empty.text == "Er is nog niets te exporteren."
    anna = user_factory(301, "Anna", "nl")
    await play(talk(bot, anna), "koelservice-supermarkt", lines(STRONG))
    await talk(bot, anna).pick("coffee-coworking")
    csv_doc, json_doc = await boss.send("/export")
    assert csv_doc.file_name.endswith(".csv") and json_doc.file_name.endswith(".json")
    assert csv_doc.text == "Resultaten per gesprek (2 gesprekken)"
    rows = list(csv.DictReader(io.StringIO(csv_doc.content.decode("utf-8"))))
    assert list(rows[0]) == [
        "trainee_id",
        "trainee",
        "scenario",
        "date",
        "status",
        "outcome",
        *DIMENSIONS,
        "total",
    ]
    finished, running = rows
    report = json.loads(bot.storage.assessment(anna.id).report)
    assert (finished["trainee"], finished["scenario"], finished["status"]) == (
        "Anna",
        "koelservice-supermarkt",
        "ended",
    )
    assert finished["outcome"] == report["outcome"]
    assert float(finished["total"]) == pytest.approx(report["score"]["total"], abs=0.05)
    for name in DIMENSIONS:
        dim = report["score"]["dimensions"][name]
        assert finished[name] == (f"{dim['score']:.1f}" if dim["applicable"] else "")
    assert (running["status"], running["outcome"], running["total"]) == ("active", "", "")
    exported = json.loads(json_doc.content)
    first = exported["sessions"][0]
    assert first["assessment"] == report
    said = [t["text"] for t in first["transcript"] if t["role"] == "seller"]
    assert said == lines(STRONG)[: len(said)] and len(said) >= 10
    assert all(t["analysis"] for t in first["transcript"] if t["role"] == "seller")
    assert exported["sessions"][1]["transcript"][0]["role"] == "customer"  # the coffee customer opens


async def test_uploading_a_valid_scenario_makes_it_available(
    api: Any, bot: Any, talk: Any, trainer: Any, trainee: Any
) -> None:
    boss = talk(bot, trainer)
    text = scenario_yaml(id="koel-extra", title="Koeling voor de bakkerij")
    [ok] = await boss.do(lambda: api.user_sends_document(trainer, "bakkerij.yaml", text.encode()))
    assert (
        ok.text == "✅ Scenario 'Koeling voor de bakkerij' (koel-extra) is toegevoegd en staat nu in /start."
    )
    assert [u.scenario_id for u in bot.storage.uploaded_scenarios()] == ["koel-extra"]
    picker = (await talk(bot, trainee).send("/start"))[-1]
    assert "pick:koel-extra" in [b["callback_data"] for b in picker.buttons]
    answer = await talk(bot, trainee).click(picker, "pick:koel-extra")
    assert answer[0].text.startswith("📋 Koeling voor de bakkerij")
    [replaced] = await boss.do(
        lambda: api.user_sends_document(
            trainer, "b.yml", scenario_yaml(id="koel-extra", title="Versie 2").encode()
        )
    )
    assert replaced.text == "✅ Scenario 'Versie 2' (koel-extra) is bijgewerkt."


async def test_an_uploaded_scenario_survives_a_restart(
    api: Any, make_bot: Any, talk: Any, trainer: Any
) -> None:
    first = await make_bot()
    await talk(first, trainer).do(
        lambda: api.user_sends_document(trainer, "x.yaml", scenario_yaml(id="blijft").encode())
    )
    await first.stop()
    second = await make_bot()
    assert second.catalogue.get("blijft") is not None


async def test_an_invalid_upload_lists_line_column_problems(
    api: Any, bot: Any, talk: Any, trainer: Any
) -> None:
    boss = talk(bot, trainer)
    broken = scenario_yaml(id="Bad Id!", difficulty="extreme")
    [answer] = await boss.do(lambda: api.user_sends_document(trainer, "kapot.yaml", broken.encode()))
    heading, *problems = answer.text.splitlines()
    assert heading.startswith("❌ Het scenario 'kapot.yaml' is niet geldig")
    assert len(problems) >= 2
    for problem in problems:
        position, _, message = problem.partition(": ")
        line, column = position.split(":")
        assert line.isdigit() and column.isdigit() and message
    id_line = next(i for i, ln in enumerate(broken.splitlines(), 1) if ln.startswith("id:"))
    assert any(p.startswith(f"{id_line}:") for p in problems)
    [syntax] = await boss.do(lambda: api.user_sends_document(trainer, "s.yaml", b"id: x\ntitle: [unclosed\n"))
    assert syntax.text.splitlines()[1].startswith("3:1: YAML syntax error")
    assert bot.storage.uploaded_scenarios() == []


async def test_upload_refusals(api: Any, bot: Any, talk: Any, trainer: Any) -> None:
    boss = talk(bot, trainer)
    [clash] = await boss.do(lambda: api.user_sends_document(trainer, "k.yaml", scenario_yaml().encode()))
    assert clash.text.startswith("❌ Het id 'koelservice-supermarkt' wordt al gebruikt")
    [not_yaml] = await boss.do(
        lambda: api.user_sends_document(trainer, "notes.pdf", b"%PDF", "application/pdf")
    )
    assert not_yaml.text == "Stuur een scenario als .yaml- of .yml-bestand."
    assert bot.storage.uploaded_scenarios() == []


async def test_reload_rereads_the_scenario_folders(
    api: Any, make_bot: Any, talk: Any, trainer: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "extra"
    folder.mkdir()
    bot = await make_bot(env={"SALESBOT_SCENARIOS": str(folder)})
    boss = talk(bot, trainer)
    before = len(bot.catalogue.all())
    (folder / "nieuw.yaml").write_text(scenario_yaml(id="nieuw-scenario", title="Nieuw"), "utf-8")
    (folder / "kapot.yaml").write_text("id: kapot\nlanguage: xx\n", "utf-8")
    answer = await boss.send("/reload")
    assert answer[0].text == f"🔄 Scenario's opnieuw ingelezen: {before + 1} beschikbaar."
    assert answer[1].text.startswith("Problemen in de scenariomappen") and "kapot.yaml" in answer[1].text
    assert bot.catalogue.get("nieuw-scenario").title == "Nieuw"


async def test_trainer_help_and_commands(api: Any, bot: Any, talk: Any, trainer: Any) -> None:
    [help_text] = await talk(bot, trainer).send("/help")
    assert "Voor trainers:" in help_text.text and "/export" in help_text.text
    scoped = [
        c for c in api.calls_of("setMyCommands") if "scope" in c.params and c.params["scope"].get("chat_id")
    ]
    assert scoped and [c["command"] for c in scoped[0].params["commands"]][-3:] == [
        "trainees",
        "export",
        "reload",
    ]

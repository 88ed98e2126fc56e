"""`salesbot play`: scripted and interactive role-play in the terminal."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from salesbot.cli.main import main

GOLDEN = Path(__file__).resolve().parents[1] / "data" / "golden"
STRONG = GOLDEN / "koelservice-supermarkt" / "strong.txt"


def test_script_prints_the_transcript_outcome_and_assessment(capsys) -> None:
    assert main(["play", "koelservice-supermarkt", "--script", str(STRONG), "--seed", "1"]) == 0
    out = capsys.readouterr().out
    assert "Jij: Hoeveel filialen heeft u?" in out
    assert "Marieke Jansen: " in out
    assert "[fase: informatiefase]" in out
    assert "Uitkomst: vervolgstap (advance)" in out or "Uitkomst: order" in out
    assert "Afsluitbereidheid van de klant:" in out
    assert "== Beoordeling ==" in out


def test_script_is_reproducible_with_the_default_seed(capsys) -> None:
    main(["play", "koelservice-supermarkt", "--script", str(STRONG)])
    first = capsys.readouterr().out
    main(["play", "koelservice-supermarkt", "--script", str(STRONG)])
    assert capsys.readouterr().out == first


def test_script_from_stdin_skips_blank_lines_and_comments(monkeypatch, capsys) -> None:
    script = "# comment\n\nGoedemorgen, u spreekt met Sanne van KoelTech.\n   \nWaar loopt u tegenaan met de koeling?\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(script))
    assert main(["play", "koelservice-supermarkt", "--script", "-", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    sellers = [t["seller"] for t in data["turns"] if t.get("seller")]
    assert sellers == ["Goedemorgen, u spreekt met Sanne van KoelTech.", "Waar loopt u tegenaan met de koeling?"]
    assert data["outcome"] == "continuation" and data["seed"] == 1
    assert any("pain_revealed:storingen" in t["events"] for t in data["turns"])
    assert data["transcript"][0] == {"role": "seller", "text": sellers[0]}
    assert "score" in data["assessment"]


def test_script_lines_after_the_end_are_reported(tmp_path, capsys) -> None:
    lines = STRONG.read_text(encoding="utf-8") + "Bedankt en tot ziens!\nNog iets?\n"
    script = tmp_path / "s.txt"
    script.write_text(lines, encoding="utf-8")
    main(["play", "koelservice-supermarkt", "--script", str(script), "--json"])
    data = json.loads(capsys.readouterr().out)
    assert data["ignored_lines"] == 2


def test_english_scenario_uses_english_texts(tmp_path, capsys) -> None:
    script = tmp_path / "s.txt"
    script.write_text("Hi Sophie, this is Alex from BrewWorks.\nHow many members do you have?\n", encoding="utf-8")
    main(["play", "coffee-coworking", "--script", str(script)])
    out = capsys.readouterr().out
    assert "Sophie Turner: " in out and "You: How many members do you have?" in out
    assert "Outcome: continuation" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["play", "no-such-scenario", "--script", "x.txt"], "unknown scenario"),
        (["play", "koelservice-supermarkt", "--script", "/nonexistent/script.txt"], "script not found"),
        (["play", "koelservice-supermarkt", "--json"], "--json needs --script"),
    ],
)
def test_user_errors_are_one_clear_line(args, message, capsys) -> None:
    assert main(args) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_script_without_messages_or_with_too_long_lines_is_refused(tmp_path, capsys) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("# only a comment\n\n", encoding="utf-8")
    assert main(["play", "koelservice-supermarkt", "--script", str(empty)]) == 1
    assert "no trainee messages" in capsys.readouterr().err
    long = tmp_path / "long.txt"
    long.write_text("Hallo\n" + "a" * 5000 + "\n", encoding="utf-8")
    assert main(["play", "koelservice-supermarkt", "--script", str(long)]) == 1
    assert f"{long}:2: message longer than 4096" in capsys.readouterr().err


def test_interactive_briefing_hint_restart_stop(monkeypatch, capsys) -> None:
    typed = "\n".join(["Goedemorgen, u spreekt met Sanne van KoelTech.", "/hint", "/restart",
                       "Waar loopt u tegenaan met de koeling?", "/bogus", "/stop"]) + "\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(typed))
    assert main(["play", "koelservice-supermarkt", "--seed", "3"]) == 0
    out = capsys.readouterr().out
    assert "Voorbereiding:" in out and "KoelTech" in out and "/hint" in out
    assert "(Tip: " in out
    assert "Het gesprek begint opnieuw (seed 3)." in out
    assert "Onbekend commando /bogus" in out
    assert "Uitkomst: geen concrete stap (continuation)" in out
    assert "== Beoordeling ==" in out


def test_interactive_end_of_input_ends_the_call_cleanly(monkeypatch, capsys) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Waar loopt u tegenaan met de koeling?\n"))
    assert main(["play", "koelservice-supermarkt"]) == 0
    out = capsys.readouterr().out
    assert "Uitkomst:" in out


def test_interactive_without_any_message_has_nothing_to_assess(monkeypatch, capsys) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["play", "koelservice-supermarkt"]) == 0
    assert "niets te beoordelen" in capsys.readouterr().out


def test_script_commands_hint_and_stop(tmp_path, capsys) -> None:
    script = tmp_path / "s.txt"
    script.write_text("Waar loopt u tegenaan met de koeling?\n/hint\n/stop\nHoeveel filialen heeft u?\n",
                      encoding="utf-8")
    main(["play", "koelservice-supermarkt", "--script", str(script)])
    out = capsys.readouterr().out
    assert "(Tip: Vraag door op de gevolgen" in out
    assert "Hoeveel filialen" not in out
    assert "Uitkomst: geen concrete stap (continuation)" in out


def test_script_restart_starts_a_new_call_and_unknown_commands_are_refused(tmp_path, capsys) -> None:
    script = tmp_path / "s.txt"
    script.write_text("Hoeveel filialen heeft u?\n/restart\nWaar loopt u tegenaan met de koeling?\n", encoding="utf-8")
    assert main(["play", "koelservice-supermarkt", "--script", str(script), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    sellers = [m["text"] for m in data["transcript"] if m["role"] == "seller"]
    assert sellers == ["Waar loopt u tegenaan met de koeling?"]  # the played session is the restarted one
    assert any(turn.get("restart") for turn in data["turns"])
    script.write_text("Hallo\n/bogus\n", encoding="utf-8")
    assert main(["play", "koelservice-supermarkt", "--script", str(script)]) != 0
    assert "s.txt:2: unknown command /bogus" in capsys.readouterr().err


def test_ctrl_d_at_the_prompt_ends_the_prompt_line(monkeypatch, capsys) -> None:
    from salesbot.cli.commands import play

    def eof() -> str:
        raise EOFError

    monkeypatch.setattr("builtins.input", eof)
    assert play._read_stdin() == ""
    assert capsys.readouterr().out == "\n"

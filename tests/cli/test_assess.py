"""`salesbot assess`: transcript parsing, clear errors, and every output format end to end."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest

from salesbot.cli.commands.assess import TranscriptError, parse_transcript
from salesbot.cli.main import main
from salesbot.core.analysis.types import Analysis, Lang, Message, Role

assess_module = importlib.import_module("salesbot.core.assessment.assess")  # the module, not the function

PLAIN = """V: Goedemorgen, ik ben Eva van KoelTech.
K: Goedemorgen.

verkoper: Hoeveel filialen heeft u?
KLANT: Veertien,
allemaal in Brabant.
S: Zullen we een demo plannen?
Customer: Ja, prima.
"""


class TinyAnalyzer:
    """Labels by a few surface cues: enough to drive the CLI without the real analyser."""

    def detect_language(self, text: str) -> Lang:
        return "nl"

    def analyze(self, text: str, role: Role = "seller", context: object = (), lang: Lang | None = None) -> Analysis:
        question = ("open" if text.split()[0].lower() in ("hoeveel", "wat", "hoe") else "closed") if text.endswith("?") else None
        acts = tuple(a for cue, a in (("Goedemorgen", "greeting"), ("demo", "closing_attempt"), ("prima", "confirmation")) if cue in text)
        spin = "situation" if question == "open" else None
        return Analysis(lang=lang or "nl", role=role, question=question, spin=spin, acts=acts)  # type: ignore[arg-type]


@pytest.fixture(autouse=True)
def _tiny_analyzer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(assess_module, "_analyzer_for", lambda scenario: TinyAnalyzer())


def test_plain_text_prefixes_continuations_and_blank_lines() -> None:
    assert parse_transcript(PLAIN, "call.txt") == [
        ("seller", "Goedemorgen, ik ben Eva van KoelTech."),
        ("customer", "Goedemorgen."),
        ("seller", "Hoeveel filialen heeft u?"),
        ("customer", "Veertien, allemaal in Brabant."),
        ("seller", "Zullen we een demo plannen?"),
        ("customer", "Ja, prima."),
    ]


def test_json_and_yaml_lists_with_role_words() -> None:
    data = [{"role": "Verkoper", "text": "Hallo"}, {"role": "K", "text": "Dag"}]
    expected = [("seller", "Hallo"), ("customer", "Dag")]
    assert parse_transcript(json.dumps(data), "x.json") == expected
    assert parse_transcript("- {role: seller, text: Hallo}\n- {role: customer, text: Dag}\n", "x.yaml") == expected
    assert parse_transcript(json.dumps({"transcript": data}), "-") == expected  # a saved session


@pytest.mark.parametrize(
    ("text", "name", "message"),
    [
        ("", "x.txt", "the transcript is empty"),
        ("  \n\n", "x.txt", "the transcript is empty"),
        ("\nHallo daar\nV: test", "x.txt", "line 2: expected a role prefix"),
        ("Manager: hallo", "x.txt", "line 1: expected a role prefix"),
        ("V:\nK: hallo", "x.txt", "message 1 is empty"),
        ('[{"role": "seller", "text": "hi"},\n {"role": "seller" "text": "x"}]', "x.json", "line 2, column 20: invalid JSON"),
        ('{"role": "seller"}', "x.json", "expected a list"),
        ('[{"role": "boss", "text": "hi"}]', "x.json", "(item 1): unknown role 'boss'"),
        ('[{"role": "seller"}]', "x.json", "line 1 (item 1): missing 'text'"),
        ('[\n  {"role": "seller", "text": "hi"},\n  {"role": "klant"}\n]', "x.json", "line 3 (item 2): missing 'text'"),
        ("- role: seller\n  text: hi\n- role: manager\n  text: hoi\n", "x.yaml", "line 3 (item 2): unknown role 'manager'"),
        ('[{"role": "seller", "text": ""}]', "x.json", "(item 1): 'text' must be a non-empty string"),
        ('["hallo"]', "x.json", "line 1 (item 1): expected an object"),
        ("- role: seller\n  text: [unclosed\n", "x.yaml", "line 3, column 1: invalid YAML"),
        ("[]", "x.json", "no messages"),
    ],
)
def test_bad_transcripts_give_clear_errors(text: str, name: str, message: str) -> None:
    with pytest.raises(TranscriptError) as error:
        parse_transcript(text, name)
    assert message in str(error.value)


def _write(tmp_path: Path, text: str = PLAIN, name: str = "call.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def test_text_report_on_stdout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["assess", str(_write(tmp_path))]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Beoordeling verkoopgesprek: Score ")
    assert "Verbeterpunten" in out and len(out) < 4096


def test_json_report_has_the_contract_fields(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["assess", str(_write(tmp_path)), "--format", "json", "--outcome", "advance"]) == 0
    report = json.loads(capsys.readouterr().out)
    for key in ("score", "spin", "questions", "lsd", "talk_share", "longest_monologue", "buying_signals",
                "closing_attempts", "objections", "outcome", "turns", "feedback"):
        assert key in report
    assert report["outcome"] == "advance" and report["turns"][3]["text"] == "Veertien, allemaal in Brabant."


def test_stdin_and_output_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(PLAIN))
    html = tmp_path / "r.html"
    assert main(["assess", "-", "--format", "html", "--output", str(html)]) == 0
    assert html.read_text("utf-8").startswith("<!DOCTYPE html>")
    png = tmp_path / "r.png"
    assert main(["assess", str(_write(tmp_path)), "--format", "png", "-o", str(png)]) == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    md = tmp_path / "r.md"
    assert main(["assess", str(_write(tmp_path)), "--format", "markdown", "-o", str(md), "--lang", "en"]) == 0
    assert md.read_text("utf-8").startswith("# Sales call assessment")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["assess", "/nonexistent/call.txt"], "/nonexistent/call.txt: no such file"),
        (["assess", "{tmp}"], "is a folder"),
        (["assess", "{bad}"], "line 1: expected a role prefix"),
        (["assess", "{empty}"], "the transcript is empty"),
        (["assess", "{latin1}"], "line 2: not UTF-8 text"),
        (["assess", "{good}", "--scenario", "no-such-scenario"], "--scenario no-such-scenario:"),
        (["assess", "{good}", "--output", "/nonexistent/dir/r.txt"], "cannot write"),
    ],
)
def test_cli_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str) -> None:
    files = {
        "{tmp}": str(tmp_path),
        "{bad}": str(_write(tmp_path, "Hallo\nV: hoi", "bad.txt")),
        "{empty}": str(_write(tmp_path, "", "empty.txt")),
        "{good}": str(_write(tmp_path)),
    }
    latin = tmp_path / "latin.txt"
    latin.write_bytes("V: hallo\nK: café".encode("latin-1"))
    files["{latin1}"] = str(latin)
    assert main([files.get(a, a) for a in args]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("salesbot assess: ") and message in err and "\n" not in err and "Traceback" not in err


def test_png_to_a_terminal_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    assert main(["assess", str(_write(tmp_path)), "--format", "png"]) == 1
    assert "--output" in capsys.readouterr().err


def test_assess_with_a_bundled_scenario(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("salesbot.scenario_files")
    from salesbot.scenario_files import DEFAULT_SCENARIO_ID

    assert main(["assess", str(_write(tmp_path)), "--scenario", DEFAULT_SCENARIO_ID, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["scenario"] == DEFAULT_SCENARIO_ID


def test_messages_reach_the_analyser_in_order() -> None:
    a = assess_module.assess([Message("seller", "Hoeveel filialen?"), Message("customer", "Veertien.")],
                             analyzer=TinyAnalyzer())
    assert [t.role for t in a.turns] == ["seller", "customer"]


def test_a_one_sided_transcript_is_assessed_with_a_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # QA: a transcript with only K: lines got "Score 0/100" and advice, with no hint that no line was read as
    # the seller's (a prefix mix-up is the usual cause).
    path = _write(tmp_path, "K: Goedemorgen.\nK: Wat wilt u?\n")
    assert main(["assess", str(path)]) == 0
    captured = capsys.readouterr()
    assert f"warning: {path}: no seller messages" in captured.err
    assert "Score" in captured.out
    assert main(["assess", str(_write(tmp_path))]) == 0
    assert "warning" not in capsys.readouterr().err

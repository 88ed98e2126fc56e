"""Golden transcripts (tests/data/transcripts), assessed with the real analyser, against figures derived
from the label definitions. A failure caused by a mislabelled message belongs to the analyser."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from salesbot.cli.commands.assess import parse_transcript
from salesbot.core.analysis.types import Message
from salesbot.core.assessment import Assessment, assess

DATA = Path(__file__).parents[2] / "data" / "transcripts"
EXPECTED = yaml.safe_load((DATA / "expected.yaml").read_text("utf-8"))

analysis = pytest.importorskip("salesbot.core.analysis")
try:
    from salesbot.core.analysis import default_analyzer

    default_analyzer().analyze("Hoe gaat het?", lang="nl")
except Exception as error:  # the analyser is developed in parallel; skip until it is in
    pytest.skip(f"real analyser not available: {error}", allow_module_level=True)


def _assess(name: str) -> Assessment:
    text = (DATA / f"{name}.txt").read_text("utf-8")
    return assess([Message(role, body) for role, body in parse_transcript(text, f"{name}.txt")])  # type: ignore[arg-type]


# Golden cases that fail only because the analyser (owned by the analysis helper) mislabels a message go
# here, name -> the message and the wrong label; they are marked as expected failures (non-strict, so they
# XPASS once the analyser is fixed). Empty since analyser commit c151c0e: every golden figure holds.
ANALYSER_GAPS: dict[str, str] = {}


def _case(name: str) -> object:
    reason = ANALYSER_GAPS.get(name)
    return pytest.param(name, marks=pytest.mark.xfail(reason=f"analyser: {reason}", strict=False)) if reason else name


@pytest.mark.parametrize("name", [_case(n) for n in sorted(EXPECTED)])
def test_golden_transcript(name: str) -> None:
    expected = EXPECTED[name]
    report = _assess(name).to_dict()
    assert report["lang"] == expected["lang"]
    for spin, count in expected["spin"].items():
        assert report["spin"][spin] == count, (spin, report["spin"]["flow"])
    if "weak_pattern" in expected:
        assert report["spin"]["weak_pattern"] is expected["weak_pattern"]
    if "questions_min" in expected:
        assert report["questions"]["total"] >= expected["questions_min"]
    assert [{"turn": s["turn"], "confirmed": s["confirmed"]} for s in report["lsd"]["summary_turns"]] == expected["summaries"]
    assert [
        {k: s[k] for k in ("turn", "picked_up", "response_turn")} for s in report["buying_signals"]
    ] == expected["buying_signals"]
    assert [{k: c[k] for k in ("turn", "premature")} for c in report["closing_attempts"]] == expected["closing_attempts"]
    assert [{k: o[k] for k in ("turn", "handled", "resolved")} for o in report["objections"]] == expected["objections"]
    assert report["outcome"] == expected["outcome"]
    if "opening" in expected:
        assert report["structure"]["opening"] == expected["opening"]
    if "monologue_turns" in expected:
        assert report["longest_monologue"]["turns"] == expected["monologue_turns"]
    low, high = expected["score"]
    assert low <= report["score"]["total"] <= high


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_strong_beats_mixed_beats_weak(lang: str) -> None:
    totals = [_assess(f"{lang}-{kind}").score.total for kind in ("strong", "mixed", "weak")]
    assert totals == sorted(totals, reverse=True)
    assert totals[0] - totals[2] >= 40


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_feedback_quotes_messages_in_the_conversation_language(name: str) -> None:
    a = _assess(name)
    items = a.feedback.strengths + a.feedback.improvements
    assert a.feedback.improvements or name.endswith("strong")
    texts = {t.index: t.text for t in a.turns}
    for item in items:
        if item.turn is not None:
            assert item.quote and item.quote.rstrip("…") in " ".join(texts[item.turn].split())
            word = "beurt" if a.lang == "nl" else "turn"
            assert word in item.text.lower() or "{" not in item.text

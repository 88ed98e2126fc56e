"""The bundled scenarios: valid, varied, rich enough to feel like a real customer, every outcome reachable."""

from __future__ import annotations

import re

import pytest

from salesbot.core.scenario.checks import max_readiness, revealable_pains
from salesbot.core.scenario.model import Scenario
from salesbot.scenario_files import (
    DEFAULT_SCENARIO_ID,
    bundled_scenarios,
    bundled_scenarios_dir,
    validate_paths,
)

SCENARIOS = bundled_scenarios()
# The general situations every bundled customer answers in its own voice (the rest: language defaults).
GENERAL_REPLIES = (
    "greeting", "agenda", "summary_confirmed", "pitch_too_early", "premature_close", "impatient",
    "already_told", "fallback", "feature_neutral", "benefit_positive", "close_blocked", "signal_faded",
)


def test_bundled_folder_validates_without_errors_or_warnings() -> None:
    assert [str(p) for p in validate_paths([bundled_scenarios_dir()])] == []


def test_two_dutch_and_two_english_of_different_industries_personas_and_difficulty() -> None:
    assert len(SCENARIOS) >= 4
    languages = [s.language for s in SCENARIOS]
    assert languages.count("nl") >= 2 and languages.count("en") >= 2
    assert len({s.industry for s in SCENARIOS}) == len(SCENARIOS)
    assert {s.difficulty for s in SCENARIOS} == {"easy", "medium", "hard"}
    assert len({s.persona.dmu_role for s in SCENARIOS}) >= 4
    assert len({s.persona.temperament for s in SCENARIOS}) >= 4
    default = next(s for s in SCENARIOS if s.id == DEFAULT_SCENARIO_ID)
    assert default.language == "nl"


def _texts(scenario: Scenario) -> list[str]:
    texts = [t for f in scenario.facts for t in f.reply]
    for pain in scenario.pains:
        texts += pain.reply + [t for i in pain.implications for t in i.reply]
        texts += pain.need_payoff.reply if pain.need_payoff else []
    for objection in scenario.objections:
        texts += objection.text + (objection.explore_reply or []) + (objection.resolved_reply or [])
    texts += [t for c in scenario.closing_signals for t in c.text]
    for name in type(scenario.replies).model_fields:
        texts += getattr(scenario.replies, name) or []
    return texts


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.id)
def test_replies_are_short_like_a_real_customer(scenario: Scenario) -> None:
    for text in _texts(scenario):
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]
        assert len(sentences) <= 2, text
        assert len(text) <= 160, text


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.id)
def test_content_is_rich_enough(scenario: Scenario) -> None:
    assert 4 <= len(scenario.facts) <= 8
    assert all(len(f.topic) >= 8 for f in scenario.facts), "facts need rich topic keyword lists"
    assert 2 <= len(scenario.pains) <= 3
    for pain in scenario.pains:
        assert len(pain.topic) >= 10
        assert 1 <= len(pain.implications) <= 3
        assert pain.need_payoff is not None
    assert 1 <= len(scenario.objections) <= 3
    for objection in scenario.objections:
        assert objection.explore_reply and objection.resolved_reply
        assert objection.resolved_by.benefit_linked_to
    signals = [c.at_readiness for c in scenario.closing_signals]
    assert 2 <= len(signals) <= 3 and signals == sorted(signals) and len(set(signals)) == len(signals)
    assert scenario.cues.get("pitch"), "pitch cues: the product's own words"
    for name in GENERAL_REPLIES:
        assert getattr(scenario.replies, name), name
    if scenario.customer_opens:
        assert scenario.replies.opening
    variants = [len(f.reply) for f in scenario.facts] + [len(p.reply) for p in scenario.pains]
    assert sum(v >= 2 for v in variants) >= len(variants) / 2, "most items need several reply variants"


def test_at_least_one_scenario_overrides_the_rubric() -> None:
    assert any(s.rubric is not None for s in SCENARIOS)


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.id)
def test_every_outcome_is_reachable(scenario: Scenario) -> None:
    top = max_readiness(scenario)
    t = scenario.thresholds
    assert scenario.start.readiness < t.advance < t.order <= top  # continuation/no sale below, advance, order
    assert t.no_sale_patience < scenario.start.patience  # patience can run out: no sale
    assert all(c.at_readiness <= top for c in scenario.closing_signals)
    assert revealable_pains(scenario) == {p.id for p in scenario.pains}

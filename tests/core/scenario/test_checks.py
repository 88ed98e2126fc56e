"""Semantic checks, one test per problem class; scenarios are built in Python (the checks are pure)."""

from __future__ import annotations

from typing import Any

from salesbot.core.scenario.checks import Issue, check_scenario, max_readiness, revealable_pains
from salesbot.core.scenario.model import Scenario


def scenario(**changes: Any) -> Scenario:
    """A small valid scenario (no issues); keyword arguments replace top-level fields."""
    data: dict[str, Any] = {
        "id": "test",
        "language": "en",
        "title": "Test",
        "briefing": "You call Pat about printers.",
        "persona": {"name": "Pat", "role": "office manager", "company": "Acme", "dmu_role": "buyer"},
        "facts": [{"id": "size", "topic": ["staff", "people"], "reply": "About forty people."}],
        "pains": [
            {
                "id": "jams",
                "topic": ["jam", "jams"],
                "reply": "The printer jams all the time.",
                "implications": [{"id": "lost-time", "reply": "We lose hours every week.", "readiness": 30}],
                "need_payoff": {"reply": "A printer that just works would be great.", "readiness": 30},
            },
            {"id": "toner", "topic": ["toner", "ink"], "reply": "Toner runs out constantly."},
        ],
        "objections": [{"id": "price", "text": "That sounds expensive.", "resolved_by": {"benefit_linked_to": ["jams"]}}],
        "closing_signals": [{"id": "delivery", "at_readiness": 60, "text": "How soon could you deliver?"}],
        "outcomes": {"order": "Yes.", "advance": "Show us.", "continuation": "Call me.", "no_sale": "No."},
    }
    data.update(changes)
    return Scenario.model_validate(data)


def issues(s: Scenario, severity: str | None = None) -> list[Issue]:
    return [i for i in check_scenario(s) if severity is None or i.severity == severity]


def with_pains(*extra: dict[str, Any]) -> list[dict[str, Any]]:
    return [p.model_dump(exclude_none=True) for p in scenario().pains] + list(extra)


def test_the_base_scenario_has_no_issues() -> None:
    assert issues(scenario()) == []


def test_max_readiness_adds_every_gain_and_caps_at_100() -> None:
    s = scenario()
    assert max_readiness(s) == 20 + 5 + 30 + 30 + 5
    rich = scenario(start={"readiness": 90})
    assert max_readiness(rich) == 100


def test_duplicate_ids_share_one_namespace_for_facts_pains_and_implications() -> None:
    s = scenario(facts=[{"id": "jams", "topic": "staff", "reply": "Forty."}])
    [issue] = issues(s)
    assert issue.path == ("pains", 0, "id")
    assert issue.message.startswith("duplicate id 'jams': already used by the fact at facts[0]")


def test_duplicate_objection_and_signal_ids() -> None:
    objection = {"id": "price", "text": "Too expensive.", "resolved_by": {"benefit_linked_to": ["jams"]}}
    signal = {"id": "delivery", "at_readiness": 50, "text": "When?"}
    s = scenario(objections=[objection, objection],
                 closing_signals=[signal, {**signal, "at_readiness": 70}])
    paths = {i.path for i in issues(s, "error")}
    assert paths == {("objections", 1, "id"), ("closing_signals", 1, "id")}


def test_unknown_pain_references() -> None:
    s = scenario(objections=[{"id": "price", "text": "Hm.", "trigger": {"after_pain": "paper"},
                              "resolved_by": {"benefit_linked_to": ["jams", "papr"]}}])
    messages = {i.path: i.message for i in issues(s)}
    assert "waits for unknown pain 'paper'" in messages[("objections", 0, "trigger", "after_pain")]
    assert messages[("objections", 0, "resolved_by", "benefit_linked_to", 1)] == (
        "unknown pain 'papr' (known pains: jams, toner)"
    )


def test_closing_signal_above_reachable_readiness() -> None:
    s = scenario(closing_signals=[{"id": "late", "at_readiness": 95, "text": "When?"}])
    [issue] = issues(s)
    assert issue.path == ("closing_signals", 0, "at_readiness")
    assert "unreachable: start readiness plus every readiness gain adds up to 90" in issue.message


def test_closing_signal_at_start_readiness_is_a_warning() -> None:
    s = scenario(closing_signals=[{"id": "early", "at_readiness": 20, "text": "When?"}])
    [issue] = issues(s)
    assert issue.severity == "warning" and "given at once" in issue.message


def test_keyword_shared_by_two_pains() -> None:
    s = scenario(pains=with_pains({"id": "paper", "topic": ["paper", "JAM"], "reply": "Paper is bad."}))
    [issue] = issues(s)
    assert issue.path == ("pains", 2, "topic", 1)
    assert "'JAM' is also a topic of pain 'jams'" in issue.message


def test_pain_that_can_never_be_revealed() -> None:
    s = scenario(pains=with_pains({"id": "paper", "topic": ["ink"], "reply": "Paper is bad."}))
    assert ("pains", 2, "topic") in {i.path for i in issues(s, "error")}
    assert revealable_pains(s) == {"jams", "toner"}


def test_prefix_overlap_between_pains_is_a_warning() -> None:
    s = scenario(pains=with_pains({"id": "paper", "topic": ["tonerless"], "reply": "Paper is bad."}))
    [issue] = issues(s)
    assert issue.severity == "warning" and "a word starting with 'toner' matches both pains" in issue.message


def test_objection_that_requires_nothing() -> None:
    s = scenario(objections=[{"id": "price", "text": "Hm.",
                              "resolved_by": {"acknowledgement": False, "follow_up": False}}])
    [issue] = issues(s)
    assert issue.path == ("objections", 0, "resolved_by")
    assert "requires nothing to be resolved" in issue.message


def test_objection_linked_only_to_unrevealable_pains_can_never_be_resolved() -> None:
    pains = with_pains({"id": "paper", "topic": ["jam"], "reply": "Paper."})
    s = scenario(pains=pains, objections=[{"id": "price", "text": "Hm.",
                                           "resolved_by": {"benefit_linked_to": ["paper"]}}])
    assert any("'price' can never be resolved" in i.message for i in issues(s, "error"))


def test_objection_linked_only_to_pains_without_need_payoff_can_never_be_resolved() -> None:
    s = scenario(objections=[{"id": "price", "text": "Hm.", "resolved_by": {"benefit_linked_to": ["toner"]}}])
    [issue] = issues(s)
    assert issue.severity == "error" and "never voices the need a benefit must answer" in issue.message


def test_objection_that_is_never_raised() -> None:
    s = scenario(objections=[{"id": "price", "text": "Hm.", "trigger": {"readiness_below": 0},
                              "resolved_by": {"benefit_linked_to": ["jams"]}}])
    [issue] = issues(s)
    assert issue.path == ("objections", 0, "trigger", "readiness_below")


def test_inconsistent_and_unreachable_thresholds() -> None:
    [issue] = issues(scenario(thresholds={"order": 60, "advance": 60}))
    assert issue.path == ("thresholds", "advance") and "must be below the order threshold" in issue.message
    [issue] = issues(scenario(thresholds={"order": 95, "advance": 60}))
    assert issue.path == ("thresholds", "order") and "unreachable" in issue.message
    s = scenario(thresholds={"order": 99, "advance": 95}, closing_signals=[])
    assert [i.path for i in issues(s)] == [("thresholds", "order")]  # the order one is reported first


def test_start_readiness_at_advance_threshold_is_a_warning() -> None:
    [issue] = issues(scenario(start={"readiness": 60}, closing_signals=[]))
    assert issue.path == ("start", "readiness") and issue.severity == "warning"


def test_patience_that_ends_the_call_at_once() -> None:
    [issue] = issues(scenario(start={"patience": 20}, thresholds={"no_sale_patience": 20}))
    assert issue.path == ("thresholds", "no_sale_patience")


def test_empty_and_duplicate_keywords() -> None:
    s = scenario(facts=[{"id": "size", "topic": ["staff", "  ", "Staff ", "people"], "reply": "Forty."}])
    assert [(i.path, i.message) for i in issues(s)] == [
        (("facts", 0, "topic", 1), "empty topic keyword"),
        (("facts", 0, "topic", 2), "duplicate topic keyword 'Staff ' (also item 1 of this list)"),
    ]


def test_unknown_cue_label_and_empty_cue_phrase() -> None:
    s = scenario(cues={"pitchh": ["printer plan"], "pitch": [" "]})
    messages = {i.path: i.message for i in issues(s)}
    assert messages[("cues", "pitch", 0)] == "empty cue phrase"
    assert messages[("cues", "pitchh", "[key]")].startswith("unknown cue label 'pitchh' (known: acknowledgement,")


def test_reply_in_the_other_language_is_a_hint() -> None:
    s = scenario(language="nl", facts=[{"id": "size", "topic": "staff",
                                        "reply": "We have about forty people, and they are all in the office."}])
    warnings = issues(s, "warning")
    assert ("facts", 0, "reply", 0) in {i.path for i in warnings}
    assert any("looks English but the scenario's language is nl" in i.message for i in warnings)
    assert not issues(scenario(), "warning")  # English texts in an English scenario: no hint

"""A small scenario and a scripted analyser, so each engine rule is tested on exact labels.

Messages to the fake analyser look like "spin=problem q=open acts=summary,follow_up | free text": the
labels before the bar, the text after it (its words are the message's terms, for topic matching).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pytest

from salesbot.core.analysis.types import Analysis, Message
from salesbot.core.engine import Engine
from salesbot.core.scenario.model import Scenario


class FakeAnalyzer:
    def __init__(self, extra_cues: Mapping[str, Sequence[str]] | None = None) -> None:
        self.calls = 0

    def analyze(self, text: str, role: str = "seller", context: Sequence[Message] = (), lang: Any = None) -> Analysis:
        self.calls += 1
        labels, _, rest = text.partition("|")
        spin = question = None
        acts: tuple[str, ...] = ()
        for part in labels.split():
            key, _, value = part.partition("=")
            if key == "spin":
                spin = value
            elif key == "q":
                question = value
            elif key == "acts":
                acts = tuple(a for a in value.split(",") if a)
        return Analysis(lang=lang or "nl", role="seller", question=question, spin=spin,  # type: ignore[arg-type]
                        acts=acts, terms=self.terms(rest, "nl"))

    def terms(self, text: str, lang: Any) -> frozenset[str]:
        return frozenset(w.strip(".,?!").lower() for w in text.split() if len(w) > 2)


SCENARIO: dict[str, Any] = {
    "id": "test-koel",
    "language": "nl",
    "title": "Testscenario",
    "briefing": "Je belt met Marieke.",
    "persona": {"name": "Marieke", "role": "manager", "company": "Super", "dmu_role": "influencer",
                "temperament": "amiable"},
    "start": {"readiness": 20, "rapport": 50, "patience": 100},
    "facts": [
        {"id": "filialen", "topic": ["filialen", "winkels"], "reply": ["Veertien filialen."]},
        {"id": "onderhoud", "topic": ["onderhoud"], "reply": ["Op afroep."]},
    ],
    "pains": [
        {"id": "storingen", "topic": ["storingen", "uitval"], "reply": ["De koeling valt vaak uit."],
         "readiness": 5,
         "implications": [
             {"id": "derving", "topic": ["kosten", "weggooien"], "reply": ["Zesduizend euro weggegooid."],
              "readiness": 10},
             {"id": "nvwa", "topic": ["nvwa", "inspectie"], "reply": ["De NVWA kan langskomen."],
              "readiness": 10},
         ],
         "need_payoff": {"reply": ["Een monteur binnen vier uur zou geld besparen."], "readiness": 20}},
        {"id": "planning", "topic": ["planning", "grip"], "reply": ["Ik heb geen grip op de kosten."],
         "readiness": 5,
         "implications": [{"id": "eigenaar", "reply": ["Henk vraagt er steeds naar."], "readiness": 10}],
         "need_payoff": {"reply": ["Een vast bedrag zou fijn zijn."], "readiness": 10}},
    ],
    "objections": [
        {"id": "prijs", "trigger": {"after_phase": "transformation", "readiness_below": 90},
         "text": ["Het is wel duur."], "explore_reply": ["Henk ziet alleen een vaste last."],
         "resolved_reply": ["Zo bekeken verdient het zich terug."],
         "resolved_by": {"acknowledgement": True, "follow_up": True, "benefit_linked_to": ["storingen"]},
         "readiness_penalty": 10},
        {"id": "eigenaar", "trigger": {"on_close": True, "readiness_below": 60},
         "text": ["Dat moet ik met Henk bespreken."], "resolved_by": {"benefit_linked_to": ["planning"]}},
    ],
    "closing_signals": [
        {"id": "proef", "at_readiness": 55, "text": ["Kunnen we eerst een proef doen?"]},
        {"id": "ingaan", "at_readiness": 75, "text": ["Wanneer kan het ingaan?"]},
    ],
    "outcomes": {"order": ["Stuur de offerte maar."], "advance": ["Kom maar langs met Henk."],
                 "continuation": ["Bel me volgende maand."], "no_sale": ["Geen interesse, dag."]},
    "thresholds": {"order": 80, "advance": 60, "no_sale_patience": 0},
    "replies": {"greeting": ["Goedemorgen."], "fallback": ["Hoe bedoelt u?", "Mm-mm.", "Wat zegt u?"]},
}


def make_scenario(**changes: Any) -> Scenario:
    data = {**SCENARIO, **changes}
    return Scenario.model_validate(data)


@pytest.fixture
def scenario() -> Scenario:
    return make_scenario()


@pytest.fixture
def engine(scenario: Scenario) -> Engine:
    return Engine(scenario, analyzer=FakeAnalyzer())


class Messages:
    """Messages used across the tests (labels | text)."""

    GREET = "acts=greeting | Goedemorgen"
    SIT_FILIALEN = "spin=situation q=open | Hoeveel filialen heeft u?"
    SIT_ONDERHOUD = "spin=situation q=open | Hoe regelt u het onderhoud?"
    PROBLEM = "spin=problem q=open | Heeft u last van storingen?"
    PROBLEM_PLANNING = "spin=problem q=open | Hoe zit het met de planning?"
    IMPLICATION = "spin=implication q=open acts=follow_up | Wat zijn de kosten daarvan?"
    IMPLICATION_NVWA = "spin=implication q=open | En de nvwa?"
    NEED = "spin=need_payoff q=open | Wat zou het opleveren als storingen snel verholpen zijn?"
    SUMMARY = "q=closed acts=summary | Dus de storingen kosten u veel, klopt dat?"
    BENEFIT = "acts=benefit | Met ons contract zijn storingen binnen vier uur verholpen, zodat u niets weggooit."
    PITCH = "acts=pitch | Ons contract heeft een storingsdienst."
    ACK = "acts=acknowledgement | Dat begrijp ik."
    EXPLORE = "q=open acts=follow_up | Wat maakt het duur?"
    ACK_EXPLORE = "q=open acts=acknowledgement,follow_up | Dat begrijp ik. Wat maakt het duur?"
    CLOSE = "q=closed acts=closing_attempt | Zal ik de offerte opmaken?"
    OFFTOPIC = "| Mooi weer vandaag."


@pytest.fixture
def m() -> type[Messages]:
    return Messages


def _play(engine: Engine, state: Any, *messages: str) -> list[Any]:
    return [engine.turn(state, message) for message in messages]


@pytest.fixture
def play() -> Any:
    return _play


@pytest.fixture
def make_engine() -> Any:
    def make(**changes: Any) -> Engine:
        return Engine(make_scenario(**changes), analyzer=FakeAnalyzer())

    return make

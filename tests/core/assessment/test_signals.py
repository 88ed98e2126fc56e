"""Buying signals as the engine sees them: an objection after a signal pauses its window, a scenario's
closing-signal line is a signal even next to an objection, and the customer's stock lines (impatience,
"told you that already") are no signals, also when the engine appends them to an answer."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
import yaml

from salesbot.core.analysis.types import Analysis, Evidence, Lang, Message, Role
from salesbot.core.assessment import assess
from salesbot.core.scenario.model import Scenario

ROOT = Path(__file__).parents[3]


def _bundled(scenario_id: str) -> Scenario:
    path = ROOT / "scenarios" / f"{scenario_id}.yaml"
    if not path.exists():
        pytest.skip("bundled scenario not there")
    return Scenario.model_validate(yaml.safe_load(path.read_text("utf-8")))


# --- the window pauses while an objection raised after the signal is open ---------------------------------
SIGNAL_THEN_OBJECTION = [
    ("s", "Wat zou het u opleveren als er binnen vier uur een monteur is?", "open need_payoff"),
    ("c", "Hoe snel kan zo'n contract ingaan?", "buying_signal"),
    ("s", "Met ons contract komt er binnen vier uur een monteur, zodat u geen derving heeft.", "benefit"),
    ("c", "Dat is wel veel geld per maand.", "objection"),
    ("s", "Dat begrijp ik. Wat maakt het voor u een flinke kostenpost?", "acknowledgement follow_up open"),
    ("c", "Ik moet het aan de eigenaar uitleggen.", ""),
    ("s", "Eén storing kost u al meer dan het contract, zodat het zich terugverdient.", "benefit"),
    ("c", "Ja, zo bekeken wel.", "confirmation"),
]


def test_close_after_the_objection_is_handled_picks_up_the_signal(script) -> None:  # type: ignore[no-untyped-def]
    # fleet-telematics strong_qa, koelservice strong_alt: the seller handles the objection first (two
    # messages, the signal's two-message window long gone) and then closes: the engine takes the signal up.
    lines = SIGNAL_THEN_OBJECTION + [("s", "Zullen we een proef bij twee filialen inplannen?", "closing_attempt closed")]
    messages, analyzer = script(lines)
    a = assess(messages, analyzer=analyzer)
    assert [(s.turn, s.picked_up, s.response_turn) for s in a.metrics.buying_signals] == [(2, True, 9)]
    assert not any(i.rule == "closing.signal_missed" for i in a.feedback.improvements)


def test_the_window_restarts_with_two_seller_messages_after_the_handling(script) -> None:  # type: ignore[no-untyped-def]
    lines = SIGNAL_THEN_OBJECTION + [
        ("s", "Hoeveel filialen heeft u?", "open situation"),
        ("c", "Veertien.", ""),
        ("s", "En hoe oud zijn de koelmeubels?", "open situation"),
        ("c", "Tien jaar.", ""),
        ("s", "Zullen we een proef inplannen?", "closing_attempt closed"),
        ("c", "Goed.", "confirmation"),
    ]
    messages, analyzer = script(lines)
    signal = assess(messages, analyzer=analyzer).metrics.buying_signals[0]
    assert (signal.turn, signal.picked_up, signal.answered) == (2, False, True)


def test_a_summary_in_the_handling_message_is_a_summary_close(script) -> None:  # type: ignore[no-untyped-def]
    lines = [*SIGNAL_THEN_OBJECTION[:6],
             ("s", "Dus uw zorg is het geld, terwijl één storing meer kost, klopt dat?", "summary benefit closed")]
    messages, analyzer = script(lines)
    signal = assess(messages, analyzer=analyzer).metrics.buying_signals[0]
    assert (signal.picked_up, signal.response_turn, signal.response) == (True, 7, "summary")


def test_an_objection_never_handled_pauses_nothing(script) -> None:  # type: ignore[no-untyped-def]
    lines = [
        ("c", "Hoe snel kan zo'n contract ingaan?", "buying_signal"),
        ("s", "Onze monteurs zijn goed.", "pitch"),
        ("c", "Het is wel duur.", "objection"),
        ("s", "We hebben ook een app.", "pitch"),
        ("c", "Hm.", ""),
        ("s", "Zullen we een proef inplannen?", "closing_attempt closed"),
    ]
    messages, analyzer = script(lines)
    signal = assess(messages, analyzer=analyzer).metrics.buying_signals[0]
    assert (signal.picked_up, signal.answered) == (False, True)


# --- scenario closing-signal lines and stock lines inside a message --------------------------------------
class EvidenceAnalyzer:
    """Labels given per message as (act, matched text) pairs, like the real analyser's evidence."""

    def __init__(self, labels: dict[str, Sequence[tuple[str, str]]], lang: Lang) -> None:
        self.labels, self.lang = labels, lang

    def detect_language(self, text: str) -> Lang:
        return self.lang

    def analyze(
        self, text: str, role: Role = "seller", context: Sequence[Message] = (), lang: Lang | None = None
    ) -> Analysis:
        pairs = self.labels.get(text, ())
        acts = tuple(dict.fromkeys(act for act, _ in pairs))
        evidence = tuple(Evidence(f"act={act}", f"test.{act}", match) for act, match in pairs)
        return Analysis(lang=lang or self.lang, role=role, question=None, spin=None, acts=acts, evidence=evidence)  # type: ignore[arg-type]


def _assess(scenario: Scenario, lines: Sequence[tuple[str, str, Sequence[tuple[str, str]]]]):  # type: ignore[no-untyped-def]
    roles = {"s": "seller", "c": "customer"}
    messages = [Message(roles[r], text) for r, text, _ in lines]  # type: ignore[arg-type]
    analyzer = EvidenceAnalyzer({text: labels for _, text, labels in lines}, scenario.language)
    return assess(messages, scenario=scenario, analyzer=analyzer)


def test_a_scenario_signal_line_next_to_an_objection_is_a_signal() -> None:
    # koelservice strong, turn 16: the pain sentence reads as a risk objection, the closing-signal line
    # ("Kunnen we dat eerst bij één of twee filialen proberen?") is what the seller must take up.
    scenario = _bundled("koelservice-supermarkt")
    signal = next(s for s in scenario.closing_signals if s.id == "proef").text[0]
    message = "Daar wil ik geen risico mee lopen. " + signal
    a = _assess(scenario, [
        ("s", "Wat betekent dat voor de voedselveiligheid?", ()),
        ("c", message, [("buying_signal", "proberen"), ("objection", "risico")]),
        ("s", "Zullen we een proef bij twee filialen inplannen?", [("closing_attempt", "zullen we")]),
        ("c", "Goed.", ()),
    ])
    turn = a.turns[1].analysis
    assert turn.has("buying_signal") and turn.has("objection")  # the other sentence still objects
    assert [(s.turn, s.picked_up, s.response_turn) for s in a.metrics.buying_signals] == [(2, True, 3)]


def test_an_objection_read_only_into_the_signal_line_is_dropped() -> None:
    scenario = _bundled("koelservice-supermarkt")
    signal = next(s for s in scenario.closing_signals if s.id == "proef").text[0]
    a = _assess(scenario, [
        ("s", "Wat betekent dat voor de voedselveiligheid?", ()),
        ("c", "Tja. " + signal, [("objection", "eerst bij één of twee filialen")]),
        ("s", "Zullen we een proef inplannen?", [("closing_attempt", "zullen we")]),
    ])
    turn = a.turns[1].analysis
    assert turn.has("buying_signal") and not turn.has("objection")
    assert any(e.rule == "scenario.closing_signal:proef" for e in turn.evidence)


@pytest.mark.parametrize("scenario_id", ["fleet-telematics", "koelservice-supermarkt"])
def test_a_stock_line_after_a_fact_is_no_buying_signal(scenario_id: str) -> None:
    scenario = _bundled(scenario_id)
    assert scenario.replies is not None and scenario.replies.impatient
    impatient = scenario.replies.impatient[-1]
    fact = scenario.facts[0].reply[0]
    a = _assess(scenario, [
        ("s", "Hoeveel?" if scenario.language == "nl" else "How many?", ()),
        ("c", f"{fact} {impatient}", [("buying_signal", impatient.lower())]),
        ("s", "Ok.", ()),
        ("c", "Hm.", ()),
        ("s", "Ok.", ()),
    ])
    assert not a.turns[1].analysis.has("buying_signal")
    assert any(e.label == "act!=buying_signal" and e.rule == "scenario.reply:impatient" for e in a.turns[1].analysis.evidence)
    assert a.metrics.buying_signals == []


def test_a_real_signal_next_to_a_stock_line_stays_a_signal() -> None:
    scenario = _bundled("fleet-telematics")
    assert scenario.replies is not None and scenario.replies.already_told
    told = scenario.replies.already_told[0]
    a = _assess(scenario, [
        ("s", "How many trucks?", ()),
        ("c", f"{told} How much does it cost per truck?", [("buying_signal", "how much does it cost")]),
        ("s", "Shall we book a trial?", [("closing_attempt", "shall we")]),
    ])
    assert [(s.turn, s.picked_up) for s in a.metrics.buying_signals] == [(2, True)]


def test_a_stock_line_inside_a_sentence_is_not_recognised() -> None:
    scenario = _bundled("koelservice-supermarkt")
    # "Zoals gezegd." is a stock line; "zoals gezegd" opening a longer sentence is not.
    a = _assess(scenario, [
        ("s", "Hoe zit het met de prijs?", ()),
        ("c", "Zoals gezegd wil ik weten wat het kost?", [("buying_signal", "zoals gezegd wil ik weten wat het kost?")]),
        ("s", "Zullen we een proef inplannen?", [("closing_attempt", "zullen we")]),
    ])
    assert a.turns[1].analysis.has("buying_signal")


# --- the golden engine scripts: the assessment agrees with the engine on every closing signal -------------
GOLDEN = ROOT / "tests" / "data" / "golden"


def _golden_scripts() -> list[tuple[str, str]]:
    return [(d.name, p.stem) for d in sorted(GOLDEN.iterdir()) if d.is_dir() for p in sorted(d.glob("*.txt"))]


def _play_and_assess(scenario_id: str, name: str):  # type: ignore[no-untyped-def]
    """Play a golden script in the engine; the assessment of the transcript and, per closing signal the
    engine gave, the transcript turn of the customer message that said it and its fate in the engine:
    'taken' (signal_taken before it faded) or 'ignored'."""
    engine_module = pytest.importorskip("salesbot.core.engine")
    scenario_files = pytest.importorskip("salesbot.scenario_files")
    scenario = scenario_files.find_scenario(scenario_id)
    expected = yaml.safe_load((GOLDEN / scenario_id / "expected.yaml").read_text("utf-8"))
    engine = engine_module.Engine(scenario)
    state = engine.new_session(expected.get("seed", 1))
    engine.opening(state)
    fate: dict[int, str] = {}
    open_signal: int | None = None
    lines = [x.strip() for x in (GOLDEN / scenario_id / f"{name}.txt").read_text("utf-8").splitlines()]
    for text in (x for x in lines if x and not x.startswith(("#", "/"))):
        if state.ended:
            break
        events = engine.turn(state, text).events
        for event in events:  # events of one turn come in order: a fade is checked before a new signal
            if event == "signal_ignored" and open_signal is not None:
                fate.setdefault(open_signal, "ignored")
                open_signal = None
            elif event.startswith("signal_taken:") and open_signal is not None:
                fate.setdefault(open_signal, "taken")
            elif event.startswith("closing_signal:"):
                open_signal = len(state.transcript)  # the customer's reply is the last message (1-based)
    if not state.ended:
        engine.stop(state)
    return assess(state.transcript, scenario=scenario, outcome=state.outcome), fate


@pytest.mark.parametrize(("scenario_id", "name"), _golden_scripts())
def test_signals_the_engine_saw_taken_up_are_picked_up(scenario_id: str, name: str) -> None:
    a, fate = _play_and_assess(scenario_id, name)
    found = {s.turn: s for s in a.metrics.buying_signals}
    for turn, what in fate.items():
        assert turn in found, f"turn {turn}: the engine's closing signal is no buying signal in the report"
        assert found[turn].picked_up is (what == "taken"), (turn, what, found[turn])
    if name.startswith("weak_situation"):  # only impatience and facts: nothing to close on
        assert a.metrics.buying_signals == [], [(t.index, t.text) for t in a.turns if t.analysis.has("buying_signal")]


# --- scripted answers are answers ------------------------------------------------------------------------
def test_a_scripted_implication_that_sounds_like_resistance_is_no_objection() -> None:
    # The engine's food-safety implication ends "Daar wil ik geen risico mee lopen": the pain speaking.
    # Counted as an objection, the trainee was told to answer it with a benefit.
    scenario = _bundled("koelservice-supermarkt")
    nvwa = next(i for p in scenario.pains for i in p.implications if i.id == "nvwa")
    reply = next(r for r in nvwa.reply if "geen risico" in r)
    lines = [
        ("s", "Wat betekent zo'n storing voor de voedselveiligheid?", ()),
        ("c", reply, [("objection", "geen risico mee lopen")]),
        ("s", "Dat begrijp ik.", [("acknowledgement", "dat begrijp ik")]),
    ]
    played = _assess(scenario, lines).turns[1].analysis
    assert not played.has("objection")
    assert any(e.label == "act!=objection" and e.rule == "scenario.implication:nvwa" for e in played.evidence)
    # The same words in a transcript from elsewhere (no scenario) are read as the analyser reads them.
    messages = [Message("seller" if r == "s" else "customer", text) for r, text, _ in lines]
    analyzer = EvidenceAnalyzer({text: labels for _, text, labels in lines}, "nl")
    assert assess(messages, analyzer=analyzer).turns[1].analysis.has("objection")


def test_an_objection_next_to_a_scripted_fact_still_counts() -> None:
    scenario = _bundled("koelservice-supermarkt")
    fact = scenario.facts[0].reply[0]
    message = f"{fact} Maar eerlijk gezegd is het ons te duur."
    a = _assess(scenario, [
        ("s", "Hoe is het nu geregeld?", ()),
        ("c", message, [("objection", "te duur")]),
    ])
    assert a.turns[1].analysis.has("objection")


def test_the_engines_summary_confirmed_line_confirms_the_summary() -> None:
    # "That's about the size of it." is fleet-telematics' own confirmation line: the report said the summary
    # the simulated customer had just agreed with "was not confirmed".
    scenario = _bundled("fleet-telematics")
    assert scenario.replies is not None and scenario.replies.summary_confirmed
    for line in scenario.replies.summary_confirmed:
        a = _assess(scenario, [
            ("c", "Fuel is our biggest cost and the lads idle too long.", ()),
            ("s", "So fuel and idling are the main worries, correct?", [("summary", "so fuel and idling")]),
            ("c", line, ()),
        ])
        assert [(s.turn, s.confirmed) for s in a.metrics.lsd.summaries] == [(2, True)], line


def test_a_close_the_simulated_customer_calls_too_early_is_premature() -> None:
    # A pain was on the table, so by the transcript alone the close looks timely; the engine answered with
    # its "too early" line, and the report must not praise the timing.
    scenario = _bundled("coffee-coworking")
    assert scenario.replies is not None and scenario.replies.premature_close
    too_early = scenario.replies.premature_close[0]
    a = _assess(scenario, [
        ("s", "Is the coffee a problem at all?", ()),
        ("c", "The morning queue is a joke. There's a line of ten people at nine o'clock.", ()),
        ("s", "Great. Shall I send over a contract?", [("closing_attempt", "shall i send over a contract")]),
        ("c", too_early, ()),
    ])
    assert a.metrics.needs and [(c.turn, c.premature) for c in a.metrics.closing_attempts] == [(3, True)]

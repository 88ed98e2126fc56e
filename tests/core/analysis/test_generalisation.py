"""QA findings and the general rules added for them (each rule is checked on a phrasing it was not
written from, so a test fails if the fix was only the exact failing sentence)."""

from __future__ import annotations

import pytest

from salesbot.core.analysis import Analysis, Message, default_analyzer

A = default_analyzer()


def seller(text: str, *context: tuple[str, str]) -> Analysis:
    return A.analyze(text, "seller", [Message(role, t) for role, t in context])  # type: ignore[arg-type]


def customer(text: str) -> Analysis:
    return A.analyze(text, "customer")


@pytest.mark.parametrize(
    "text",
    [
        "Met het onderhoudscontract verdient het zich snel terug, en dat geeft u grip op de kosten.",
        "Omdat wij in zes weken implementeren, houden uw planners tijd over.",
        "Doordat onze monteurs altijd onderdelen bij zich hebben, krijgt u de storing in een keer opgelost.",
        "Because we install in a weekend, your shop never has to close.",
        "The sensor warns a day ahead, which gives you time to move the stock.",
    ],
)
def test_an_offer_linked_to_the_customers_gain_is_a_benefit(text: str) -> None:
    assert "benefit" in seller(text).acts


@pytest.mark.parametrize(
    "text",
    [
        "Kunt u dat anders zeggen?",
        "Could you say that another way?",
        "Waar zit uw kantoor?",
        "Where are you based?",
        "Hoe heet u ook alweer?",
        "Sorry, what was your name again?",
    ],
)
def test_clarification_and_small_talk_questions_are_not_buying_signals(text: str) -> None:
    assert customer(text).acts == ()


@pytest.mark.parametrize(
    "text",
    [
        "Dat klinkt interessant. Maar het is wel weer een extra kostenpost.",
        "Klinkt goed. Alleen hebben we daar dit jaar geen budget voor.",
        "That sounds interesting. But it's another cost on the books.",
    ],
)
def test_polite_interest_before_a_but_concern_is_an_objection_only(text: str) -> None:
    assert customer(text).acts == ("objection",)


@pytest.mark.parametrize(
    "text",
    [
        "Ho, ho. Zover zijn we nog lang niet.",
        "Oh, I'm not ready to sign anything yet!",
        "We're not quite ready for that.",
        "We hebben zoiets al eens geprobeerd en dat werd een drama.",
        "We tried something like it two years ago and it didn't work out.",
        "Just email it over and I'll have a look.",
        "Bel me over een half jaar nog maar eens.",
    ],
)
def test_resistance_without_price_words_is_an_objection(text: str) -> None:
    assert "objection" in customer(text).acts


@pytest.mark.parametrize(
    ("text", "corrected"),
    [
        ("Dat was twee weken geleden, daarbij in de winkel.", False),
        ("Bent u tevreeden met de huidge leverancier?", True),
    ],
)
def test_typo_correction_only_touches_words_that_are_not_words(text: str, corrected: bool) -> None:
    fixes = [e.match for e in seller(text).evidence if e.rule == "typo.corrected"]
    assert bool(fixes) is corrected
    if corrected:
        assert fixes == ["tevreeden -> tevreden, huidge -> huidige"]


def test_a_how_many_question_is_open_and_situation() -> None:
    result = seller("How many members do you have?")
    assert (result.question, result.spin) == ("open", "situation")


@pytest.mark.parametrize("text", ["Schikt een kwartier?", "Past het als we tot half drie de tijd nemen?"])
def test_time_checks_are_agenda_and_not_spin(text: str) -> None:
    result = seller(text)
    assert (result.question, result.spin, result.acts) == ("closed", None, ("agenda",))


def test_a_generic_shared_word_does_not_make_a_follow_up() -> None:
    result = seller("What is your current headcount?", ("customer", "Our current supplier is fine I guess."))
    assert "follow_up" not in result.acts


@pytest.mark.parametrize(
    ("text", "previous"),
    [
        ("Hoe vaak gebeurt dat dan?", "Soms valt de server gewoon uit."),
        ("How often does that happen?", "Sometimes the server just goes down."),
        ("Bij welke klanten speelt dat vooral?", "Sommige klanten klagen over de bezorgtijden."),
    ],
)
def test_a_fact_question_about_the_problem_just_raised_is_a_problem_follow_up(
    text: str, previous: str
) -> None:
    result = seller(text, ("customer", previous))
    assert result.spin == "problem" and "follow_up" in result.acts


@pytest.mark.parametrize(
    ("text", "spin"),
    [
        ("Hoe plant u nu de routes?", "situation"),
        ("Wat gaat er mis bij het plannen van de routes?", "problem"),
        ("Loopt de facturatie altijd op tijd?", "problem"),
        ("Is the system reliable enough for your night shift?", "problem"),
        ("What would you change about the way invoices are approved?", "problem"),
        ("What's it like for your staff when the scanner breaks down?", "implication"),
        ("How does your finance director see that?", "implication"),
        ("Wat betekent een week vertraging voor uw klanten?", "implication"),
    ],
)
def test_spin_follows_what_the_question_asks(text: str, spin: str) -> None:
    assert seller(text).spin == spin


SIGNAL = (
    "customer",
    "Als we een storing zien aankomen, scheelt dat veel weggegooid eten. "
    "Kunnen we dat eerst bij één of twee filialen proberen?",
)


def test_a_proposal_made_of_the_customers_words_is_a_close_not_a_summary() -> None:
    analysis = seller("Zal ik een voorstel voor twee filialen maken zodat u het kunt proberen?", SIGNAL)
    assert "summary" not in analysis.acts
    assert "closing_attempt" in analysis.acts


def test_a_summary_clause_before_a_closing_question_is_still_a_summary() -> None:
    analysis = seller(
        "U wilt minder storingen en snellere service; zullen we het contract per 1 april laten ingaan?",
        ("customer", "We willen vooral minder storingen en snellere service."),
    )
    assert {"summary", "closing_attempt"} <= set(analysis.acts)

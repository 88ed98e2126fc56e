"""Behaviour of the utterance analyser per label and language (definitions: analysis-labels.md)."""

from __future__ import annotations

import pytest

from salesbot.core.analysis import Analysis, Analyzer, Message, default_analyzer
from salesbot.core.analysis.lexicon import make_rule

A = default_analyzer()
C = "customer"


def seller(text: str, *context: tuple[str, str], lang: str | None = None) -> Analysis:
    return A.analyze(text, "seller", [Message(role, t) for role, t in context], lang)  # type: ignore[arg-type]


def customer(text: str, lang: str | None = None) -> Analysis:
    return A.analyze(text, "customer", (), lang)  # type: ignore[arg-type]


# ------------------------------------------------------------------------------------------ questions
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Welk systeem gebruikt u nu?", "open"),
        ("En, hoe plannen jullie de routes?", "open"),
        ("Interessant, wat doen jullie dan met de retouren?", "open"),
        ("Met welk programma registreren jullie de klachten?", "open"),
        ("Vertel eens over uw proces.", "open"),
        ("Kunt u dat toelichten?", "open"),
        ("Heeft u een eigen monteur?", "closed"),
        ("Zou het helpen als we sneller leveren?", "closed"),
        ("Zullen we dinsdag of donderdag leveren?", "closed"),
        ("U gebruikt nu SAP?", "closed"),
        ("Dat is helder.", None),
        ("Wat fijn!", None),
        ("Wat ik bedoel is dat we flexibel zijn.", None),
    ],
)
def test_question_type_dutch(text: str, expected: str | None) -> None:
    assert seller(text, lang="nl").question == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("How many sites do you run?", "open"),
        ("Right, and what happens after that?", "open"),
        ("Roughly how many meals do you serve a day?", "open"),
        ("Could you walk me through your ordering process?", "open"),
        ("Tell me about your current supplier.", "open"),
        ("Do you have an in-house engineer?", "closed"),
        ("Would it help if we delivered twice a week?", "closed"),
        ("Would you prefer Tuesday or Thursday?", "closed"),
        ("Got it.", None),
        ("What I'd suggest is that we start with one site.", None),
    ],
)
def test_question_type_english(text: str, expected: str | None) -> None:
    assert seller(text, lang="en").question == expected


def test_with_several_questions_the_last_one_is_labelled() -> None:
    a = seller("Hoeveel filialen heeft u? En waar loopt het in de planning het vaakst vast?")
    assert (a.question, a.spin) == ("open", "problem")
    b = seller("What's the biggest headache in scheduling? And how many planners do you have?")
    assert (b.question, b.spin) == ("open", "situation")


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Who checks the ski boots when they come back, is that done at the counter?", "en", "closed"),
        ("What's the deal with your scaffold poles now, do you rent them by the week?", "en", "closed"),
        ("Wie regelt de inkoop voor de tehuizen, gebeurt dat centraal?", "nl", "closed"),
        ("Hoe gaat het nu met de meterstanden, loopt de havenmeester die zelf langs?", "nl", "closed"),
        # A short aside after the question asks nothing new.
        ("What's the biggest risk there, do you think?", "en", "open"),
        ("Wat is daar het lastigste aan, denkt u?", "nl", "open"),
    ],
)
def test_a_yes_no_question_spliced_on_after_an_open_one_is_the_last_question(
    text: str, lang: str, expected: str
) -> None:
    assert seller(text, lang=lang).question == expected


def test_question_without_question_mark() -> None:
    assert seller("hoeveel vestigingen hebben jullie").question == "open"
    assert seller("do you use a planning tool").question == "closed"
    tag = seller("ok dus alles gaat via de mail klopt dat", (C, "Alles gaat bij ons via de mail."))
    assert tag.question == "closed"


# ---------------------------------------------------------------------------------------------- SPIN
@pytest.mark.parametrize(
    ("text", "spin"),
    [
        ("Hoeveel retouren verwerkt u per week?", "situation"),
        ("Wie beslist er over de aanschaf?", "situation"),
        ("Welk systeem gebruikt u voor het melden van storingen?", "situation"),
        ("Waar loopt u tegenaan bij de planning?", "problem"),
        ("Bent u tevreden over uw huidige leverancier?", "problem"),
        ("Wat vindt u het lastigste aan de roosters?", "problem"),
        ("Wat betekent dat voor uw klanten?", "implication"),
        ("Wat merken uw klanten van die retouren?", "implication"),
        ("Hoeveel omzet loopt u daardoor mis?", "implication"),
        ("Zou het helpen als er binnen vier uur een monteur is?", "need_payoff"),
        ("Wat zou het u opleveren als de planning automatisch gaat?", "need_payoff"),
        ("Hoe belangrijk is het voor u om dat op te lossen?", "need_payoff"),
    ],
)
def test_spin_dutch(text: str, spin: str) -> None:
    assert seller(text, lang="nl").spin == spin


@pytest.mark.parametrize(
    ("text", "spin"),
    [
        ("How many sites do you run?", "situation"),
        ("Which tool do you use to log customer complaints?", "situation"),
        ("What's the hardest part of scheduling?", "problem"),
        ("Are you happy with your current cleaner?", "problem"),
        ("How does that affect your customers?", "implication"),
        ("How much revenue do you lose when a truck breaks down?", "implication"),
        ("How would it help if engineers arrived within four hours?", "need_payoff"),
        ("What would it be worth to you to stop throwing stock away?", "need_payoff"),
    ],
)
def test_spin_english(text: str, spin: str) -> None:
    assert seller(text, lang="en").spin == spin


@pytest.mark.parametrize(
    "text",
    [
        "Komt het uit als we twintig minuten nemen?",
        "Heeft u nog vragen?",
        "Hoe was uw weekend?",
        "Kent u onze nieuwe lijn al?",
        "Zullen we de levering op dinsdag of donderdag plannen?",
        "Is now a good time to talk?",
        "Any questions so far?",
        "Shall I send over the agreement so you can sign it this week?",
        "Have you seen our new sensor range?",
    ],
)
def test_not_spin_questions(text: str) -> None:
    a = seller(text)
    assert a.question is not None
    assert a.spin is None


def test_a_statement_is_never_a_spin_question() -> None:
    for text in ("Wij leveren binnen vier uur.", "That must cost you a lot.", "De storingen kosten u geld."):
        assert seller(text).spin is None


def test_summary_check_is_not_spin() -> None:
    a = seller(
        "Dus u heeft veertien filialen en de koeling valt vaak uit, klopt dat?",
        (C, "We hebben veertien filialen en de koeling valt vaak uit."),
    )
    assert a.question == "closed" and a.spin is None and "summary" in a.acts


# ----------------------------------------------------------------------------------------------- acts
def test_opening_acts() -> None:
    nl = seller("Goedemorgen meneer De Boer, ik ben Eva van Planbaar. Ik wil graag eerst wat vragen stellen.")
    assert {"greeting", "introduction", "agenda"} <= set(nl.acts)
    en = seller("Hi Sandra, Josh from RouteLogic. Is now a good time?")
    assert {"greeting", "introduction", "agenda"} <= set(en.acts)


@pytest.mark.parametrize(
    ("text", "lang", "agenda"),
    [
        ("Heeft u een kwartiertje voor me?", "nl", True),
        ("We hebben nog tien minuten, zal ik de prijzen doorlopen?", "nl", True),
        ("Onze sensoren meten elke vijf minuten de vulgraad.", "nl", False),
        ("Wat zou het de kliniek opleveren als de uitslag binnen tien minuten binnen is?", "nl", False),
        ("Have you got twenty minutes now?", "en", True),
        ("The loggers report every 15 minutes.", "en", False),
        ("What would it mean for the ward if the lab answered within 30 minutes?", "en", False),
    ],
)
def test_a_duration_is_a_time_check_unless_it_is_a_frequency_or_a_deadline(
    text: str, lang: str, agenda: bool
) -> None:
    assert ("agenda" in seller(text, lang=lang).acts) is agenda


def test_acknowledgement() -> None:
    assert "acknowledgement" in seller("Dat klinkt lastig.", (C, "De koeling valt vaak uit.")).acts
    assert "acknowledgement" in seller("Right, got it.", (C, "We have four sites.")).acts
    assert "acknowledgement" not in seller("Interessant, wat doen jullie dan?", (C, "We koken zelf.")).acts


def test_summary_needs_the_customers_content() -> None:
    context = (C, "We hebben veertien filialen en de koeling valt in de zomer vaak uit.")
    assert "summary" in seller("Als ik u goed begrijp valt de koeling vooral in de zomer uit?", context).acts
    # a marker with no customer context is no summary, and announcing one is not one either
    assert "summary" not in seller("Als ik u goed begrijp valt de koeling vooral in de zomer uit?").acts
    assert "summary" not in seller("Ik mail u straks een samenvatting van de filialen.", context).acts


def test_summary_without_a_marker_restates_the_customer() -> None:
    a = seller(
        "You run four sites, each orders separately and nobody keeps an overview.",
        (C, "We run four sites, each one orders separately and nobody keeps an overview of it."),
    )
    assert "summary" in a.acts


def test_follow_up_builds_on_the_previous_customer_message() -> None:
    context = (C, "Het loopt steeds vast in de planning.")
    assert "follow_up" in seller("Hoezo loopt het vast, bij welke stap?", context).acts
    assert (
        "follow_up"
        in seller("What do you mean by unreliable?", (C, "Our supplier is a bit unreliable.")).acts
    )
    # changing the subject is not a follow-up; without context never
    assert (
        "follow_up"
        not in seller("Welk merk printers gebruiken jullie?", (C, "Het eten is meestal goed.")).acts
    )
    assert "follow_up" not in seller("Hoezo loopt het vast, bij welke stap?").acts


def test_closing_attempts() -> None:
    for text in (
        "Zal ik het contract opmaken?",
        "Zullen we de levering op dinsdag of donderdag plannen?",
        "Wanneer wilt u dat we de eerste levering doen?",
        "Dan stuur ik u vandaag het contract ter ondertekening.",
        "Shall we book a trial week then?",
        "When would you like us to start the first clean?",
    ):
        assert "closing_attempt" in seller(text).acts, text
    for text in (
        "Ik bel u volgende maand nog eens.",
        "Gefeliciteerd met de nieuwe vestiging!",
        "Any questions?",
    ):
        assert "closing_attempt" not in seller(text).acts, text


@pytest.mark.parametrize(
    ("text", "acts"),
    [
        ("Wat kost zo'n contract per jaar?", {"buying_signal"}),
        ("Hoe snel zou zo'n contract kunnen ingaan?", {"buying_signal"}),
        ("Dit is eigenlijk wat we nodig hebben.", {"buying_signal"}),
        ("Maar een vast contract is toch een flinke kostenpost.", {"objection"}),
        ("Daar moet ik met de eigenaar over praten.", {"objection"}),
        ("Mail me maar een brochure.", {"objection"}),
        ("We hebben veertien filialen, allemaal in Brabant.", set()),
        ("How quickly could you get an engineer out to us?", {"buying_signal"}),
        ("That's too expensive for us.", {"objection"}),
        ("No thanks, we're not interested.", {"objection"}),
        ("We're tied into a contract until next year.", {"objection"}),
    ],
)
def test_customer_acts(text: str, acts: set[str]) -> None:
    got = set(customer(text).acts) & {"buying_signal", "objection"}
    assert got == acts


@pytest.mark.parametrize(
    ("seller_line", "reply", "objection"),
    [
        # The seller's words thrown back as a question, then a statement: doubt about the offer.
        ("Het abonnement kost 14 cent per woord.", "Veertien cent? Online betaal ik er de helft voor.", True),
        ("Het abonnement kost 14 cent per woord.", "14? Online betaal ik er de helft voor.", True),
        ("De installatie duurt twee dagen.", "Twee dagen? Dan staat mijn hele productie stil.", True),
        ("We can deliver 30 pallets next week.", "30 pallets? I'd have nowhere to put them.", True),
        ("There's a one-off setup fee for the software.", "A setup fee? For software? I've never paid one.", True),
        # ... but not when the reply approves, or the echo asks something of its own.
        ("De installatie duurt twee dagen.", "Twee dagen? Prima, dat lukt wel.", False),
        ("The licence is 12 pounds a user.", "12? Oh, that's not bad. Is there a trial?", False),
        ("We werken met een hybride systeem.", "Hybride, hoe bedoelt u? Samen met de oude lampen.", False),
        ("Our team works weekends too.", "Can your team do Saturdays? That's when we need the cars.", False),
        ("Het abonnement kost 14 cent per woord.", "Per maand? Dan wil ik het zwart op wit.", False),
    ],
)
def test_doubting_echo_of_the_sellers_words(seller_line: str, reply: str, objection: bool) -> None:
    analysis = A.analyze(reply, "customer", [Message("seller", seller_line)])
    echo = any(e.rule == "objection.doubting_echo" for e in analysis.evidence)
    assert echo == objection, analysis.evidence
    if objection:
        assert "objection" in analysis.acts


def test_customer_extensions() -> None:
    assert "confirmation" in customer("Ja, klopt.").acts
    assert "explicit_need" in customer("We hebben eigenlijk een snellere service nodig.").acts
    assert "explicit_need" in customer("We need someone on site within four hours.").acts


def test_seller_extensions_pitch_and_benefit() -> None:
    a = seller(
        "Met ons onderhoudscontract is er binnen vier uur een monteur bij u, zodat u geen producten meer hoeft weg te gooien.",
        (C, "We moesten voor 6.000 euro aan zuivel weggooien."),
    )
    assert {"pitch", "benefit"} <= set(a.acts)


def test_customers_get_no_question_labels() -> None:
    a = customer("Hoeveel kost dat?")
    assert a.question is None and a.spin is None


# ------------------------------------------------------------------------------------------- evidence
def test_every_label_has_evidence() -> None:
    a = seller("Goedemorgen! Wat betekent dat voor uw klanten?", (C, "De koeling valt vaak uit."))
    labels = {e.label for e in a.evidence}
    assert f"question={a.question}" in labels
    assert f"spin={a.spin}" in labels
    for act in a.acts:
        assert f"act={act}" in labels
    assert all(e.rule for e in a.evidence)
    spin_evidence = next(e for e in a.evidence if e.label == "spin=implication")
    assert spin_evidence.match == "wat betekent dat voor"


def test_language_detection() -> None:
    assert A.detect_language("Hoeveel filialen heeft u?") == "nl"
    assert A.detect_language("How many sites do you run?") == "en"
    assert seller("Hoeveel filialen heeft u?").lang == "nl"
    assert seller("How many sites do you run?", lang="en").lang == "en"


# -------------------------------------------------------------------------------------- scenario cues
def test_scenario_cues_extend_the_lexicon() -> None:
    plain = Analyzer()
    extended = Analyzer(extra_cues={"closing_attempt": ["snuffelweek"], "objection": ["te ver weg"]})
    text = "Zal ik een snuffelweek voor u vastzetten?"
    assert "closing_attempt" not in plain.analyze(text).acts
    a = extended.analyze(text)
    assert "closing_attempt" in a.acts
    assert any(e.rule == "closing_attempt.scenario_cue" for e in a.evidence)
    assert "objection" in extended.analyze("Jullie zitten te ver weg.", "customer").acts


def test_scenario_spin_cue_decides_only_a_fallback_question() -> None:
    a = Analyzer(extra_cues={"problem": ["voorraadverschillen"]})
    assert a.analyze("Hoe gaan jullie om met voorraadverschillen?").spin == "problem"
    # a specific rule (implication) still wins over a scenario cue
    assert a.analyze("Wat betekenen die voorraadverschillen voor uw klanten?").spin == "implication"


# ---------------------------------------------------------------------------------------------- terms
def test_terms_normalise_plurals_and_compounds_alike() -> None:
    assert A.terms("filialen", "nl") == A.terms("filiaal", "nl")
    assert A.terms("storingen", "nl") == A.terms("storing", "nl")
    assert A.terms("koelcellen", "nl") == A.terms("koelcel", "nl")
    assert A.terms("sites companies", "en") == A.terms("site company", "en")
    analysed = seller("Hoeveel koelcellen staan er in uw filialen?", lang="nl")
    assert A.terms("koelcel filiaal", "nl") <= analysed.terms
    assert "de" not in analysed.terms and "hoeveel" not in analysed.terms


def test_deterministic() -> None:
    text = "Als ik u goed begrijp kost de uitval u veel geld, klopt dat?"
    context = [Message("customer", "De uitval kost ons veel geld.")]
    assert Analyzer().analyze(text, "seller", context) == Analyzer().analyze(text, "seller", context)


def test_an_answer_that_explains_is_not_a_new_objection() -> None:
    text = "We hebben net geïnvesteerd in nieuwe bussen."
    assert "objection" in customer(text).acts  # said out of the blue, a sunk cost blocks progress
    answer = A.analyze(text, "customer", [Message("seller", "Wat maakt dat het budget nu een probleem is?")])
    assert "objection" not in answer.acts
    stall = A.analyze("Bel me na de zomer maar.", "customer", [Message("seller", "Bel ik u na de zomer?")])
    assert "objection" in stall.acts  # specific cues (a stall) still count in an answer
    # An answer to a question about the value of the offer does not describe: resistance counts there.
    value = [Message("seller", "What would it mean for you if pupils booked their lessons online?")]
    assert "objection" in A.analyze("Not much. I don't see why we'd change it.", "customer", value, "en").acts



def test_evidence_quotes_the_earliest_match_of_a_rule() -> None:
    # The trainer reads the evidence: the phrase where the cue starts, whole. The second pattern has no
    # known first word, so it is searched through the text; it must win although it ends after the
    # first pattern's match starts.
    rule = make_rule("introduction.self", [r"from \w+ here", r"[a-z]+ [a-z]+ from \w+"])
    assert rule.search("ben walsh from acme here, how are you") == "ben walsh from acme"


def test_word_lists_in_language_data_must_be_words() -> None:
    from salesbot.core.analysis.lexicon import _words

    # YAML reads an unquoted on/off/yes/no as a boolean: "on" (a question preposition) became "true".
    with pytest.raises(ValueError, match="quote it"):
        _words(["in", True, "at"])


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Dan hoeft u nooit meer zelf een monteur te bellen.", "nl"),
        ("Daardoor ziet u meteen welke koelcel te warm wordt.", "nl"),
        ("Which means your drivers never wait at the gate.", "en"),
    ],
)
def test_a_benefit_stated_after_an_adverb_is_no_question(text: str, lang: str) -> None:
    # Dutch puts the verb second after "dan": "Dan hoeft u ..." states, "Hoeft u dan ..." asks.
    result = default_analyzer().analyze(text, lang=lang)  # type: ignore[arg-type]
    assert result.question is None and "benefit" in result.acts


@pytest.mark.parametrize(
    ("text", "kind"),
    [("en heeft u daar veel last van", "closed"), ("dus hoe gaat dat nu", "open"), ("hoeft u dan nooit te bellen", "closed")],
)
def test_unmarked_questions_after_a_connective_still_ask(text: str, kind: str) -> None:
    assert default_analyzer().analyze(text, lang="nl").question == kind


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Honestly, our top priority this year is getting the invoicing off my desk.", "en"),
        ("The big thing for us is that the vans are never off the road on a Friday.", "en"),
    ],
)
def test_a_stated_need_is_no_objection(text: str, lang: str) -> None:
    # "priority" and "big" lean towards objection in the fitted lexicon ("other priorities", "too big a
    # change"); a customer stating what they need is not resisting.
    acts = default_analyzer().analyze(text, "customer", lang=lang).acts  # type: ignore[arg-type]
    assert "explicit_need" in acts and "objection" not in acts


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("snap ik, wat maakt het voor jou zo'n flinke kostenpost", "nl"),
        ("stel dat er morgen iemand staat, wat levert je dat dan op", "nl"),
        ("ok fair enough, what worries you most about switching", "en"),
    ],
)
def test_an_unmarked_question_after_a_lead_clause_is_a_question(text: str, lang: str) -> None:
    # Chat without a question mark: the question follows "snap ik," or a condition.
    result = default_analyzer().analyze(text, lang=lang)  # type: ignore[arg-type]
    assert result.question == "open" and "benefit" not in result.acts


@pytest.mark.parametrize("text", ["het is prima zo, wat mij betreft", "we zitten goed, hoe dan ook"])
def test_a_clause_with_a_question_word_idiom_asks_nothing(text: str) -> None:
    assert default_analyzer().analyze(text, lang="nl").question is None


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("is er ook een proefperiode", "nl"),
        ("kunnen jullie ook op zaterdag leveren", "nl"),
        ("do you do weekend installs", "en"),
        ("is there a minimum contract length", "en"),
    ],
)
def test_a_customer_question_without_a_question_mark_can_signal(text: str, lang: str) -> None:
    assert "buying_signal" in default_analyzer().analyze(text, "customer", lang=lang).acts  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "lang"),
    [("weet ik niet", "nl"), ("hebben we al", "nl"), ("Is er een storing, dan bellen we de installateur.", "nl")],
)
def test_a_customer_statement_that_opens_with_a_verb_is_no_question(text: str, lang: str) -> None:
    assert "buying_signal" not in default_analyzer().analyze(text, "customer", lang=lang).acts  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Sorry, wat bedoel je precies met een servicecontract?", "nl"),
        ("Hoe bedoelt u, de levertijd?", "nl"),
        ("Sorry, what do you mean by a service level agreement?", "en"),
    ],
)
def test_asking_what_the_seller_meant_is_no_buying_signal(text: str, lang: str) -> None:
    # The topic words (contract, delivery, service level) are the seller's; asking what they mean is not interest.
    assert "buying_signal" not in default_analyzer().analyze(text, "customer", lang=lang).acts  # type: ignore[arg-type]


def test_a_question_about_the_price_is_still_a_buying_signal() -> None:
    assert "buying_signal" in default_analyzer().analyze("Wat kost zo'n servicecontract per maand?", "customer", lang="nl").acts


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("We bought new ones two years ago.", "en"),
        ("We need it every day.", "en"),
        ("We hebben het al.", "nl"),
        ("Wij willen een demo van de nieuwe software.", "nl"),
    ],
)
def test_short_lines_opening_with_we_get_their_language(text: str, lang: str) -> None:
    # "we" is a word in both languages: the rest of the line must decide.
    assert default_analyzer().detect_language(text) == lang


def test_a_bare_refusal_objects_to_a_close_but_answers_a_question() -> None:
    close = [Message("seller", "Zullen we de proef volgende week starten?")]
    question = [Message("seller", "Heeft u al eens naar planningssoftware gekeken?")]
    assert "objection" in A.analyze("Nog niet, nee.", "customer", close, "nl").acts
    assert "objection" not in A.analyze("Nog niet, nee.", "customer", question, "nl").acts
    assert "objection" not in A.analyze("Nee, dat doen we zelf niet.", "customer", [], "nl").acts


def test_general_doubt_in_an_answer_to_a_close_is_an_objection() -> None:
    # In an answer to a situation question a hedge explains; in an answer to a close it holds the sale up.
    close = [Message("seller", "Zal ik de offerte voor alle veertien filialen opmaken?")]
    assert "objection" in A.analyze("Ik weet het niet, hoor.", "customer", close, "nl").acts

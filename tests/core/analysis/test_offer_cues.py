"""The offer cue groups: pitch and benefit (seller), confirmation and explicit_need (customer), the acts the
simulated customer reacts to in the transformation phase (a benefit linked to a pain raises readiness, a bare
feature gets "and what does that bring me?", nothing recognised gets "could you say that another way?").

One test per pattern family, each with phrasings written for this file (not copied from the tuning corpus
offer_dev.jsonl), and near misses that must not fire: questions (a pitch or benefit is stated, not asked),
agenda and summaries that name the offer, stalls that sound like needs ("we need to think about it")."""

from __future__ import annotations

import pytest

from salesbot.core.analysis import Analysis, Message, default_analyzer

A = default_analyzer()


def seller(text: str, lang: str, pain: str | None = None) -> Analysis:
    context = [Message("customer", pain)] if pain else []
    return A.analyze(text, "seller", context, lang)  # type: ignore[arg-type]


def customer(text: str, lang: str, previous: str | None = None) -> Analysis:
    context = [Message("seller", previous)] if previous else []
    return A.analyze(text, "customer", context, lang)  # type: ignore[arg-type]


# ------------------------------------------------------------------------------ reported in play-testing
def test_play_test_misses_are_recognised() -> None:
    both = seller(
        "We maintain the machine ourselves and fix any fault within one working day, so members never go without.",
        "en",
    )
    assert {"pitch", "benefit"} <= set(both.acts)
    linked = seller(
        "So you'd keep the hardware budget but finally get the driver data you're missing, "
        "and the fuel saving pays for it.",
        "en",
        pain="We spent the hardware budget on tablets and we still can't see what the drivers do.",
    )
    assert "benefit" in linked.acts


# ------------------------------------------------------------------------------------------------ pitch
@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # our/the + offer noun + feature verb
        ("Onze app toont per medewerker de gewerkte uren.", "nl"),
        ("Het platform koppelt met uw kassasysteem.", "nl"),
        ("De sensoren in de koelcel melden elke afwijking.", "nl"),
        ("Our app shows every technician's jobs for the day.", "en"),
        ("The platform connects to your till system.", "en"),
        ("Every unit comes with a three-year warranty.", "en"),
        ("It integrates with Shopify.", "en"),
        # we + service verb, also inverted after an adverbial in Dutch
        ("Wij vervangen de filters elk kwartaal.", "nl"),
        ("Met ons eigen magazijn leveren we binnen twee dagen.", "nl"),
        ("We hebben een eigen storingsdienst.", "nl"),
        ("We replace the filters every quarter.", "en"),
        ("We've got technicians in every region.", "en"),
        # inclusion, terms and passive features
        ("De training zit gewoon in de prijs.", "nl"),
        ("Er zit een app bij voor de monteurs.", "nl"),
        ("De licentie is op elk moment opzegbaar.", "nl"),
        ("De meterstanden worden automatisch doorgestuurd.", "nl"),
        ("Training is included in the price.", "en"),
        ("Meter readings are sent automatically.", "en"),
        # people of the offer: an adviser, a specialist
        ("Onze adviseur komt eens per kwartaal langs.", "nl"),
        ("Our adviser visits once a quarter.", "en"),
        ("Onze mensen zijn VCA-gecertificeerd.", "nl"),
        ("Elke installatie krijgt een jaarlijkse controlebeurt.", "nl"),
        ("Bij het pakket hoort ook een cursus voor uw medewerkers.", "nl"),
        ("De lampen gaan twintig jaar mee.", "nl"),
        ("Our drones fly the whole field on their own.", "en"),
        ("Each installation gets an annual check-up.", "en"),
        ("All parts are kept in stock as standard.", "en"),
        ("The lamps last twenty years.", "en"),
    ],
)
def test_feature_statements_are_pitches(text: str, lang: str) -> None:
    assert "pitch" in seller(text, lang).acts


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # asked, not stated
        ("Kent u onze nieuwe app al?", "nl"),
        ("Zou het helpen als onze monteur binnen vier uur ter plekke is?", "nl"),
        ("Have you seen our new app?", "en"),
        ("Would it help if our engineer were there within four hours?", "en"),
        # agenda, summaries of the customer's own set-up, closes and plans for the call
        ("Daarna vertel ik kort wat wij doen.", "nl"),
        ("Dus de huidige app stuurt geen meldingen.", "nl"),
        ("Dan leveren we op 1 maart.", "nl"),
        ("We hebben een uur gepland.", "nl"),
        ("After that I'll tell you briefly what we do.", "en"),
        ("So the current system logs nothing at all.", "en"),
        ("I'll send you our brochure this afternoon.", "en"),
        # "onze"/"our" in a prepositional phrase or an indirect question is no subject of a feature
        ("Ik bel naar aanleiding van het formulier dat u op onze site heeft ingevuld.", "nl"),
        ("Ik wil vandaag laten zien hoe onze schermen werken.", "nl"),
        ("Ons voorstel is om met twee filialen te beginnen.", "nl"),
        ("Then I'd like to show you how our telemetry works.", "en"),
        ("Our engineer will come and fit the sensors on Monday.", "en"),
        ("Our meeting is booked for Thursday.", "en"),
    ],
)
def test_questions_agenda_and_summaries_are_no_pitches(text: str, lang: str) -> None:
    assert "pitch" not in seller(text, lang).acts


# ---------------------------------------------------------------------------------------------- benefit
@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # result clauses after a feature
        ("We komen 's avonds, zodat uw personeel er geen last van heeft.", "nl"),
        ("De app plant de routes, waardoor uw monteurs minder kilometers rijden.", "nl"),
        (
            "We stock the van before every visit, so your technicians never drive out without the right part.",
            "en",
        ),
        ("The portal holds every certificate, which means nobody has to dig through folders.", "en"),
        ("We clean before you open. That way your team can start on time.", "en"),
        # a cause clause and the customer's gain
        ("Doordat wij de planning overnemen, houdt u tijd over voor uw klanten.", "nl"),
        ("Because we handle the paperwork, you can focus on the customers.", "en"),
    ],
)
def test_features_linked_to_a_gain_are_pitch_and_benefit(text: str, lang: str) -> None:
    assert {"pitch", "benefit"} <= set(seller(text, lang).acts)


@pytest.mark.parametrize(
    ("text", "lang", "pain"),
    [
        # subject first, with "hoeven ... niet meer" / "never have to" / "would stop"
        (
            "U hoeft dan nooit meer zelf de meterstanden door te geven.",
            "nl",
            "Ik moet elke maand alle meters aflezen.",
        ),
        ("You'd never have to chase a delivery again.", "en", "I spend half my Monday chasing deliveries."),
        ("Your drivers would stop getting parking fines.", "en", "We pay a fortune in parking fines."),
        # value verbs: scheelt / saves / pays for itself
        ("Dat scheelt uw administratie twee dagen per maand.", "nl", None),
        ("That saves your office two days a month.", "en", None),
        ("It pays for itself within a year.", "en", None),
        # rid of the pain, in the customer's own words
        (
            "Van dat gedoe met losse facturen bent u dan af.",
            "nl",
            "Al die losse facturen, dat is echt gedoe.",
        ),
        ("Die papieren lijsten zijn dan verleden tijd.", "nl", "We werken nog met papieren lijsten."),
        ("you get your weekends back", "en", "I end up doing the invoicing at the weekend."),
        # result adverbs and conditions
        ("Zo houdt u overzicht over alle vestigingen.", "nl", None),
        ("U loopt dan geen risico meer op boetes.", "nl", None),
        ("If a sensor fails, you're covered.", "en", None),
        # less / fewer as the result
        ("Minder storingen betekent ook minder overuren.", "nl", None),
        ("Fewer call-outs means lower costs.", "en", None),
        # what the customer gets or keeps: rust, overzicht, control, time back
        ("Dat geeft u rust.", "nl", None),
        ("U krijgt er een hoop rust voor terug.", "nl", None),
        ("Uw keuken draait dan gewoon door.", "nl", None),
        ("Uw medewerkers kunnen zich dan richten op de klant.", "nl", None),
        ("U bespaart er zo tien procent mee op energie.", "nl", None),
        ("It takes the guesswork out of the rota.", "en", None),
        ("You stay in control of every site.", "en", None),
        ("It means your team can go home on time.", "en", None),
        ("Your team gets two hours a day back.", "en", None),
        ("That leaves you free to run the business.", "en", None),
        ("You will spend less time on the phone.", "en", None),
        ("You save about ten percent on energy.", "en", None),
        # the end of a nuisance, paying only for use, no extra kit needed
        ("Dat voorkomt dat u weer een boete krijgt.", "nl", None),
        ("Geen lege schappen meer op zaterdag.", "nl", None),
        ("Uw planners krijgen hun vrijdagmiddag terug.", "nl", None),
        ("U betaalt alleen voor wat u gebruikt.", "nl", None),
        ("Je hebt dus geen stroom nodig op de bouwplaats.", "nl", None),
        ("Your guests won't notice a thing.", "en", None),
        ("Your staff won't be tearing their hair out.", "en", None),
        ("The frustration about empty machines is gone.", "en", None),
        ("You'd have a clean office every morning without lifting a finger.", "en", None),
        ("You'd earn the investment back within two years.", "en", None),
        ("You only pay for what you use.", "en", None),
        ("You won't need any extra hardware.", "en", None),
    ],
)
def test_benefit_statements_without_a_feature(text: str, lang: str, pain: str | None) -> None:
    analysis = seller(text, lang, pain)
    assert "benefit" in analysis.acts
    assert analysis.question is None


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # need-payoff questions use the same words but ask
        ("Scheelt het u tijd als de facturen automatisch verstuurd worden?", "nl"),
        ("Would it save you time if the invoices went out automatically?", "en"),
        # summaries, continuations and reassurance are no benefits
        ("Dus drie vestigingen en alles nog op papier.", "nl"),
        ("Dan bel ik u volgende week.", "nl"),
        ("So you're still doing the rota on paper.", "en"),
        ("In other words, you need it before the summer.", "en"),
        ("No problem, you don't need to.", "en"),
        ("I'll get back to you on Friday.", "en"),
        ("So you can't see which driver is idling.", "en"),
        ("Dus u bent elke week twee uur kwijt aan planning.", "nl"),
        ("So you spend two hours a week on planning, right.", "en"),
        # a purpose about the sales process itself is no benefit of the offer
        ("I'll send the agreement today, so you can start on Monday.", "en"),
        ("Ik stuur u de offerte, zodat u die rustig kunt bekijken.", "nl"),
        # "less than" / "minder dan" is an amount, a recap with "So ..." states the pain
        ("Minder dan een uur, denk ik.", "nl"),
        ("Dus u heeft geen vaste monteur meer sinds januari.", "nl"),
        ("Less than an hour, I think.", "en"),
        ("So you don't need it before March.", "en"),
        ("So you never know which driver it is.", "en"),
    ],
)
def test_questions_summaries_and_small_talk_are_no_benefits(text: str, lang: str) -> None:
    assert "benefit" not in seller(text, lang, "We hebben drie vestigingen." if lang == "nl" else None).acts


# ----------------------------------------------------------------------------------------- confirmation
@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Dat klopt, ja.", "nl"),
        ("Precies.", "nl"),
        ("Dat heeft u mooi samengevat.", "nl"),
        ("Dat is het wel zo'n beetje.", "nl"),
        ("Zo is het.", "nl"),
        ("Inderdaad, vooral op maandag.", "nl"),
        ("Yes, that's correct.", "en"),
        ("Exactly right.", "en"),
        ("That's about the size of it.", "en"),
        ("You've summed it up.", "en"),
        ("You can say that again.", "en"),
        ("Spot on.", "en"),
        ("U slaat de spijker op de kop.", "nl"),
        ("Very true.", "en"),
        ("You've hit the nail on the head.", "en"),
        ("Pretty much, yes.", "en"),
    ],
)
def test_agreeing_with_the_seller_is_a_confirmation(text: str, lang: str) -> None:
    assert (
        "confirmation"
        in customer(
            text, lang, "Dus het gaat vooral om de maandagen." if lang == "nl" else "So it's mostly Mondays."
        ).acts
    )


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Nee, dat klopt niet.", "nl"),
        ("Klopt het dat jullie ook op zondag leveren?", "nl"),
        ("Ja, wat kost dat dan?", "nl"),
        ("Oké, en hoe lang duurt de installatie?", "nl"),
        ("No, that's not quite it.", "en"),
        ("Right, and what does it cost?", "en"),
        ("Okay, I'll think about it.", "en"),
    ],
)
def test_disagreeing_or_asking_is_no_confirmation(text: str, lang: str) -> None:
    assert "confirmation" not in customer(text, lang).acts


# ---------------------------------------------------------------------------------------- explicit_need
@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("We hebben iemand nodig die ook in het weekend kan komen.", "nl"),
        ("Wat wij zoeken is één leverancier voor alle vestigingen.", "nl"),
        ("Ik wil gewoon weten waar mijn busjes zijn.", "nl"),
        ("We willen van die papieren lijsten af.", "nl"),
        ("Het zou ideaal zijn als de facturen vanzelf klaarstaan.", "nl"),
        ("Onze hoogste prioriteit is minder uitval.", "nl"),
        ("Als de monteur binnen een dag komt, zijn we al heel blij.", "nl"),
        ("We need a supplier who can deliver on Sundays.", "en"),
        ("What we're looking for is one invoice for all sites.", "en"),
        ("I'd like to see where my vans are in real time.", "en"),
        ("It would be a huge relief if the reports were automatic.", "en"),
        ("Our main priority is fewer breakdowns.", "en"),
        ("If I could see the stock levels remotely, that would save us a fortune.", "en"),
        ("We've got to cut our energy bill this year.", "en"),
        ("I want to stop printing everything.", "en"),
        ("Daar zitten we echt op te wachten.", "nl"),
        ("We really just want one supplier for everything.", "en"),
        ("It'd be great if we didn't have to chase anyone.", "en"),
        ("If that's possible, it'll save us a lot of time.", "en"),
    ],
)
def test_stated_needs_and_wants_are_explicit_needs(text: str, lang: str) -> None:
    assert "explicit_need" in customer(text, lang).acts


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # stalls and refusals that use need words
        ("We moeten er nog even over nadenken.", "nl"),
        ("Ik moet het eerst met mijn compagnon overleggen.", "nl"),
        ("Wij hebben daar geen behoefte aan.", "nl"),
        ("Dit heeft nu geen prioriteit.", "nl"),
        ("We need to think it over.", "en"),
        ("I'd need to check with my manager.", "en"),
        ("We don't really need that.", "en"),
        ("I want to get a few other quotes first.", "en"),
        ("Daar zitten we niet op te wachten.", "nl"),
        ("Het zou fijn zijn als u een brochure stuurt.", "nl"),
        ("It'd be great if you could send a brochure.", "en"),
        # asked, not stated
        ("Hebben jullie ook iets nodig van ons?", "nl"),
        ("Do we need to install anything ourselves?", "en"),
        # a difficulty of today is an implied need, not an explicit one
        ("De koeling valt best vaak uit.", "nl"),
        ("The van's empty by Thursday most weeks.", "en"),
    ],
)
def test_stalls_questions_and_problems_are_no_explicit_needs(text: str, lang: str) -> None:
    assert "explicit_need" not in customer(text, lang).acts


@pytest.mark.parametrize(
    "text",
    [
        "We guarantee a fix within four hours, so your exam papers are always ready.",
        "Our engineers come the same day, so the kitchen is always up and running.",
        "We restock every Friday, so your shelves stay fully stocked over the weekend.",
    ],
)
def test_so_your_side_stays_in_good_order_is_a_benefit(text: str) -> None:
    assert "benefit" in seller(text, "en").acts


@pytest.mark.parametrize(
    "text", ["The copiers jam, so the teachers are always stressed.", "The copier broke, so the papers are not ready."]
)
def test_a_bad_state_after_so_is_no_benefit(text: str) -> None:
    assert "benefit" not in seller(text, "en").acts

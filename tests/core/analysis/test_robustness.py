"""The analyser never crashes and degrades sensibly on odd input."""

from __future__ import annotations

import pytest

from salesbot.core.analysis import Message, default_analyzer

A = default_analyzer()


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "😀😀😀", "???", "...", "👍", "1234", "-"])
def test_empty_and_symbol_only_messages(text: str) -> None:
    for role in ("seller", "customer"):
        a = A.analyze(text, role)  # type: ignore[arg-type]
        assert a.spin is None
        assert a.acts == ()
        assert a.lang in ("nl", "en")


def test_question_marks_alone_are_no_spin_question() -> None:
    assert A.analyze("??").spin is None


def test_long_message_of_4096_characters() -> None:
    question = " Wat betekent die uitval voor uw filialen?"
    filler = "Wij leveren koelinstallaties aan supermarkten in heel Nederland. "
    text = (filler * 80)[: 4096 - len(question) - 1].rsplit(". ", 1)[0] + "."
    text = text.ljust(4096 - len(question)) + question
    assert len(text) == 4096
    a = A.analyze(text)
    assert (a.question, a.spin) == ("open", "implication")
    assert a.lang == "nl"


def test_4096_characters_without_any_sentence_end() -> None:
    text = ("storing " * 600)[:4096]
    a = A.analyze(text, "customer")
    assert a.acts == ()
    assert "storing" in a.terms


def test_emoji_around_a_question() -> None:
    a = A.analyze("🙂 Hoeveel filialen heeft u? 🙂")
    assert (a.question, a.spin) == ("open", "situation")


def test_all_caps() -> None:
    a = A.analyze("WAAR LOOPT U TEGENAAN BIJ DE PLANNING?")
    assert (a.lang, a.question, a.spin) == ("nl", "open", "problem")
    b = A.analyze("HOW DOES THAT AFFECT YOUR CUSTOMERS?")
    assert (b.lang, b.question, b.spin) == ("en", "open", "implication")


def test_no_punctuation() -> None:
    a = A.analyze("zou het helpen als er binnen vier uur een monteur is")
    assert (a.question, a.spin) == ("closed", "need_payoff")
    b = A.analyze("what does that mean for your team")
    assert (b.question, b.spin) == ("open", "implication")


def test_typos_in_cue_words() -> None:
    a = A.analyze("Bent u tevreeden over uw huidge energieleverancier?")
    assert a.spin == "problem"
    assert any(e.rule == "typo.corrected" for e in a.evidence)
    b = A.analyze("what does taht mean for your staff?", lang="en")
    assert b.spin == "implication"


def test_ordinary_words_are_not_corrected() -> None:
    a = A.analyze("Our printers are mostly HP, about twenty of them.", "customer", lang="en")
    assert "objection" not in a.acts
    assert not any(e.rule == "typo.corrected" for e in a.evidence)


def test_mixed_languages_pick_the_majority_language() -> None:
    a = A.analyze("Hoeveel sites hebben jullie eigenlijk, en wat is de planning?")
    assert a.lang == "nl" and a.spin == "situation"
    b = A.analyze("How many filialen do you have in the region?")
    assert b.lang == "en" and b.question == "open"


def test_explicit_language_overrides_detection() -> None:
    a = A.analyze("Hoeveel filialen heeft u?", lang="en")
    assert a.lang == "en"
    assert not any(e.label.startswith("lang=") for e in a.evidence)


def test_context_with_odd_messages() -> None:
    context = [Message("customer", ""), Message("seller", "😀"), Message("customer", "ok")]
    a = A.analyze("Wat bedoelt u precies?", "seller", context)
    assert a.question == "open"
    assert "follow_up" in a.acts  # asks the customer to specify what was just said


def test_many_sentences_and_newlines() -> None:
    text = "Goedemorgen!\nIk ben Eva van KoelTech.\n\nHoeveel filialen heeft u?\n"
    a = A.analyze(text)
    assert {"greeting", "introduction"} <= set(a.acts)
    assert (a.question, a.spin) == ("open", "situation")

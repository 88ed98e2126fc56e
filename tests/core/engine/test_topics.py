"""Topic matching of trainee messages against scenario keywords."""

from __future__ import annotations

from salesbot.core.engine.topics import TopicIndex


def _lemma(word: str) -> frozenset[str]:
    # a toy lemmatiser: plural -en/-s off, so "filialen" and "filiaal" differ but "storingen" -> "storing"
    for suffix in ("en", "s"):
        if word.endswith(suffix) and len(word) > 4:
            return frozenset({word[: -len(suffix)]})
    return frozenset({word})


def test_whole_words_prefixes_phrases_and_lemmas() -> None:
    index = TopicIndex(["storing", "nu", "preventief onderhoud", "koelcel", "filiaal"], _lemma)
    keys = index.keys
    assert index.matches("Hoe vaak zijn er storingen?", frozenset()) == keys(["storing"])
    assert index.matches("Bel het nummer", frozenset()) == frozenset()  # short keyword: whole word only
    assert index.matches("Wat doet u nu?", frozenset()) == keys(["nu"])
    assert index.matches("Doet u aan preventief onderhoud?", frozenset()) == keys(["preventief onderhoud"])
    assert index.matches("De koelcelstoring", frozenset()) == keys(["koelcel"])
    assert index.matches("Hoeveel vestigingen?", frozenset({"filiaal"})) == keys(["filiaal"])


def test_inflected_variants_of_one_keyword_count_once() -> None:
    index = TopicIndex(["supplier", "suppliers", "decide"], _lemma)
    found = index.matches("Who decides on a new supplier or suppliers?", frozenset({"supplier", "decide"}))
    assert len(found) == 2
    assert index.keys(["supplier", "suppliers"]) == index.keys(["supplier"])

"""The fitted lexicons (data/lexicon_<lang>.json) are fitted to the tuning corpora, never to the held-out
ones, and must be current. Rewrite them with
SALESBOT_WRITE_LEXICON=1 .venv/bin/python -m pytest tests/core/analysis/test_fitted_lexicon.py"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import salesbot.core.analysis.analyzer as analyzer_module
import salesbot.core.analysis.weights as weights
from salesbot.core.analysis import Message, default_analyzer
from salesbot.core.analysis.lexicon import load_language, normalise

DATA = Path(weights.__file__).parent / "data"
CORPUS = Path(__file__).resolve().parents[2] / "data" / "analysis"
TUNING = (
    "dev.jsonl", "dev2.jsonl", "dev_extra.jsonl", "dev3.jsonl", "dev4_nl.jsonl", "dev4_en.jsonl", "dev5_en.jsonl",
    "dev6_en.jsonl", "dev6_cust.jsonl", "dev7_en.jsonl", "dev8_en.jsonl", "dev8_nl.jsonl", "dev8_cust.jsonl", "dev9_en.jsonl", "dev9_cust.jsonl",
    "dev9_nl.jsonl", "dev10_en.jsonl",
)  # never heldout*.jsonl


def _items(lang: str) -> list[dict]:
    out = []
    for name in TUNING:
        for line in (CORPUS / name).read_text("utf-8").splitlines():
            item = json.loads(line) if line.strip() else None
            if item and item["lang"] == lang:
                out.append(item)
    return out


def fitted_models(lang: str) -> dict[str, object]:
    items = _items(lang)
    stop_words = load_language(lang).stop_words  # type: ignore[arg-type]
    spin_examples = []
    act_examples: dict[str, list] = {act: [] for act in weights.FITTED_ACTS}
    for item in items:
        text = normalise(item["text"])
        if item["role"] == "seller" and item["question"] is not None:
            feats = weights.spin_features(weights.question_sentence(text))
            spin_examples.append((feats, item["spin"] or "none"))
        for act, fitted in weights.FITTED_ACTS.items():
            if item["role"] == fitted.role:
                feats = weights.act_features(text, stop_words if fitted.content_words_only else frozenset())
                act_examples[act].append((feats, "yes" if act in item["acts"] else "no"))
    models = {"spin": weights.train(spin_examples, weights.SPIN_LABELS)}
    models.update({act: weights.train(examples, weights.ACT_LABELS) for act, examples in act_examples.items()})
    return models


def _close(a: dict, b: dict) -> bool:
    # Weights are compared with a tolerance: the last digit of a float may differ between C libraries.
    if a["labels"] != b["labels"] or a["bias"] != pytest.approx(b["bias"], abs=2e-3):
        return False
    stale = [
        f
        for f in set(a["weights"]) | set(b["weights"])
        if f not in a["weights"] or f not in b["weights"] or a["weights"][f] != pytest.approx(b["weights"][f], abs=2e-3)
    ]
    return len(stale) <= 3


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_bundled_lexicons_are_fitted_to_the_tuning_corpora(lang: str) -> None:
    content = {"trained_on": list(TUNING), "models": fitted_models(lang)}
    path = DATA / f"lexicon_{lang}.json"
    if os.environ.get("SALESBOT_WRITE_LEXICON") == "1":
        path.write_text(json.dumps(content, ensure_ascii=False, separators=(",", ":")) + "\n", "utf-8")
    bundled = json.loads(path.read_text("utf-8"))
    assert bundled["trained_on"] == list(TUNING)
    assert not any(name.startswith("heldout") for name in bundled["trained_on"])
    assert set(bundled["models"]) == set(content["models"])
    stale = [name for name, model in content["models"].items() if not _close(bundled["models"][name], model)]
    assert not stale, f"lexicon_{lang}.json is stale ({stale}); see this module's docstring"


def _toy(examples: list[tuple[str, str]], labels: tuple[str, ...]) -> weights.FittedLexicon:
    return weights.from_data(weights.train([(weights.spin_features(s), y) for s, y in examples] * 5, labels))


def test_a_lexicon_overrides_only_with_a_clear_margin_and_names_the_words_behind_it() -> None:
    lexicon = _toy(
        [("hoeveel filialen heeft u?", "situation"), ("hoe vaak gaat het mis?", "problem")],
        weights.SPIN_LABELS,
    )
    feats = weights.spin_features("en hoe vaak gaat het mis?")
    label, words = lexicon.decide(feats, margin=1.0)  # type: ignore[misc]
    assert label == "problem"
    shown = [part.rsplit(" ", 1)[0] for part in words.split(", ")]
    assert shown and all(word in "en hoe vaak gaat het mis?" for word in shown)
    assert lexicon.decide(feats, margin=1000.0) is None  # not sure enough: the rules' answer stands
    assert lexicon.decide(weights.spin_features("hoeveel filialen heeft u?"), margin=0.0) is None


def test_a_question_only_the_situation_rules_matched_takes_the_lexicon_label(monkeypatch) -> None:
    toy = _toy(
        [("hoeveel filialen heeft u dan nog open?", "implication"), ("welk systeem gebruikt u?", "situation")],
        weights.SPIN_LABELS,
    )
    monkeypatch.setattr(analyzer_module, "load_lexicons", lambda lang: weights.Lexicons({"spin": toy}))
    analysis = default_analyzer().analyze("Hoeveel filialen heeft u?", lang="nl")
    spin = [e for e in analysis.evidence if e.label.startswith("spin=")]
    assert analysis.spin == "implication"
    assert spin[0].rule == "spin.weighted_lexicon" and "filialen" in spin[0].match

    monkeypatch.setattr(analyzer_module, "load_lexicons", lambda lang: weights.Lexicons({}))  # rules only
    assert default_analyzer().analyze("Hoeveel filialen heeft u?", lang="nl").spin == "situation"


def test_an_act_no_rule_found_is_added_from_the_words_with_its_evidence(monkeypatch) -> None:
    stop_words = load_language("nl").stop_words
    toy = weights.from_data(
        weights.train(
            [(weights.act_features("de kantine heeft blauwe stoelen", stop_words), "yes")] * 5
            + [(weights.act_features("we hebben vier winkels", stop_words), "no")] * 5,
            weights.ACT_LABELS,
        )
    )
    lexicons = weights.Lexicons({"objection": toy})
    monkeypatch.setattr(analyzer_module, "load_lexicons", lambda lang: lexicons)
    analysis = default_analyzer().analyze("De kantine heeft blauwe stoelen.", "customer", lang="nl")
    assert "objection" in analysis.acts
    objection = [e for e in analysis.evidence if e.label == "act=objection"]
    assert objection[0].rule == "objection.weighted_lexicon" and "kantine" in objection[0].match
    assert "objection" not in default_analyzer().analyze("We hebben vier winkels.", "customer", lang="nl").acts
    # An answer that describes what the seller asked about: only the cue rules find objections in it.
    for asked in ("Hoe ver bent u met de verbouwing?", "Waar loopt u tegenaan bij de verbouwing?"):
        answer = default_analyzer().analyze("De kantine heeft blauwe stoelen.", "customer", [Message("seller", asked)], "nl")
        assert "objection.weighted_lexicon" not in [e.rule for e in answer.evidence]
    # An answer to another question can resist, so there the words count.
    question = [Message("seller", "Wat vindt u van ons voorstel?")]
    answer = default_analyzer().analyze("De kantine heeft blauwe stoelen.", "customer", question, "nl")
    assert "objection.weighted_lexicon" in [e.rule for e in answer.evidence]


def test_a_plain_yes_no_situation_question_stays_situation() -> None:
    # The lexicon's "none" needs a higher bar than the other types: the rules know the non-SPIN questions.
    for text, lang in (("Heeft u koelcellen?", "nl"), ("Heeft u een eigen magazijn?", "nl"), ("Do you have a cold store?", "en")):
        assert default_analyzer().analyze(text, lang=lang).spin == "situation", text  # type: ignore[arg-type]
    assert default_analyzer().analyze("Heeft u nog vragen?", lang="nl").spin is None

"""Scoring the analyser against a labelled corpus: precision, recall and F1 per label, question accuracy,
SPIN macro-F1, a SPIN confusion matrix, per language and overall. Pure: items in, figures out.

The contract labels are compared on every item; the extension acts (pitch, benefit, confirmation,
explicit_need) only on items marked ``"extensions": true``, whose annotator labelled them too (the main
corpora do not). Question and SPIN are scored on seller messages, acts on the messages of the role that can
carry them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from salesbot.core.analysis.lexicon import load_language, normalise
from salesbot.core.analysis.types import (
    CUSTOMER_ACTS,
    EXTRA_CUSTOMER_ACTS,
    EXTRA_SELLER_ACTS,
    SELLER_ACTS,
    SPIN_TYPES,
    Analysis,
    Evidence,
    Lang,
    Message,
    QuestionType,
    Role,
    Spin,
)

SPIN_CLASSES: tuple[str, ...] = (*SPIN_TYPES, "none")
QUESTION_CLASSES: tuple[str, ...] = ("open", "closed")
_ALL_ACTS = SELLER_ACTS + CUSTOMER_ACTS + EXTRA_SELLER_ACTS + EXTRA_CUSTOMER_ACTS


@dataclass(frozen=True, slots=True)
class LabelledItem:
    """One corpus line: the message, its context and the gold labels."""

    id: str
    lang: Lang
    role: Role
    text: str
    context: tuple[Message, ...]
    question: QuestionType | None
    spin: Spin | None
    acts: frozenset[str]
    extensions: bool = False  # the extension acts are labelled too (scored only then)


Predictor = Callable[[LabelledItem], Analysis]


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def support(self) -> int:
        return self.tp + self.fn

    def to_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "support": self.support,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class Scores:
    """Figures for one slice of the corpus (a language, or everything)."""

    items: int = 0
    seller_items: int = 0
    question_correct: int = 0
    question: dict[str, Counts] = field(default_factory=lambda: {c: Counts() for c in QUESTION_CLASSES})
    spin: dict[str, Counts] = field(default_factory=lambda: {c: Counts() for c in SPIN_TYPES})
    spin_confusion: dict[str, dict[str, int]] = field(
        default_factory=lambda: {g: dict.fromkeys(SPIN_CLASSES, 0) for g in SPIN_CLASSES}
    )
    acts: dict[str, Counts] = field(
        default_factory=lambda: {a: Counts() for a in _ALL_ACTS}
    )

    @property
    def question_accuracy(self) -> float:
        return self.question_correct / self.seller_items if self.seller_items else 0.0

    @property
    def spin_macro_f1(self) -> float:
        return sum(c.f1 for c in self.spin.values()) / len(self.spin)

    def add(self, item: LabelledItem, predicted: Analysis) -> None:
        self.items += 1
        if item.role == "seller":
            self.seller_items += 1
            self.question_correct += item.question == predicted.question
            _count(self.question, item.question, predicted.question)
            _count(self.spin, item.spin, predicted.spin)
            self.spin_confusion[item.spin or "none"][predicted.spin or "none"] += 1
        for act in scored_acts(item):
            gold, got = act in item.acts, act in predicted.acts
            counts = self.acts[act]
            counts.tp += gold and got
            counts.fp += got and not gold
            counts.fn += gold and not got

    def to_dict(self) -> dict[str, object]:
        return {
            "items": self.items,
            "seller_items": self.seller_items,
            "question_accuracy": round(self.question_accuracy, 4),
            "question": {k: v.to_dict() for k, v in self.question.items()},
            "spin_macro_f1": round(self.spin_macro_f1, 4),
            "spin": {k: v.to_dict() for k, v in self.spin.items()},
            "spin_confusion": self.spin_confusion,
            "acts": {k: v.to_dict() for k, v in self.acts.items() if v.tp + v.fp + v.fn},
        }


def _count(table: dict[str, Counts], gold: str | None, got: str | None) -> None:
    if gold == got:
        if gold is not None:
            table[gold].tp += 1
        return
    if got is not None:
        table[got].fp += 1
    if gold is not None:
        table[gold].fn += 1


@dataclass
class Evaluation:
    overall: Scores
    by_lang: dict[str, Scores]
    errors: list[tuple[LabelledItem, Analysis]]

    def to_dict(self) -> dict[str, object]:
        return {
            "overall": self.overall.to_dict(),
            "by_lang": {k: v.to_dict() for k, v in self.by_lang.items()},
        }


def evaluate(items: Iterable[LabelledItem], predict: Predictor, keep_errors: bool = False) -> Evaluation:
    overall = Scores()
    by_lang: dict[str, Scores] = {}
    errors: list[tuple[LabelledItem, Analysis]] = []
    for item in items:
        predicted = predict(item)
        overall.add(item, predicted)
        by_lang.setdefault(item.lang, Scores()).add(item, predicted)
        if keep_errors and not _agrees(item, predicted):
            errors.append((item, predicted))
    return Evaluation(overall, dict(sorted(by_lang.items())), errors)


def scored_acts(item: LabelledItem) -> tuple[str, ...]:
    """The acts an item is scored on: its role's contract acts, and the extensions where it labels them."""
    if item.role == "seller":
        return SELLER_ACTS + EXTRA_SELLER_ACTS if item.extensions else SELLER_ACTS
    return CUSTOMER_ACTS + EXTRA_CUSTOMER_ACTS if item.extensions else CUSTOMER_ACTS


def _agrees(item: LabelledItem, predicted: Analysis) -> bool:
    allowed = set(scored_acts(item))
    got = {a for a in predicted.acts if a in allowed}
    if item.role == "seller" and (item.question != predicted.question or item.spin != predicted.spin):
        return False
    return got == set(item.acts) & allowed


# ------------------------------------------------------------------------------------ parsing items
class ItemError(ValueError):
    """A corpus line that is not a valid labelled item."""


def parse_item(raw: object, fallback_id: str) -> LabelledItem:
    if not isinstance(raw, dict):
        raise ItemError("expected a JSON object")
    text = raw.get("text")
    if not isinstance(text, str):
        raise ItemError('"text" must be a string')
    lang = raw.get("lang")
    if lang not in ("nl", "en"):
        raise ItemError('"lang" must be "nl" or "en"')
    role = raw.get("role", "seller")
    if role not in ("seller", "customer"):
        raise ItemError('"role" must be "seller" or "customer"')
    question = raw.get("question")
    if question not in (None, "open", "closed"):
        raise ItemError('"question" must be "open", "closed" or null')
    spin = raw.get("spin")
    if spin not in (None, *SPIN_TYPES):
        raise ItemError('"spin" must be one of situation, problem, implication, need_payoff or null')
    acts = raw.get("acts", [])
    if not isinstance(acts, list) or not all(isinstance(a, str) for a in acts):
        raise ItemError('"acts" must be a list of act names')
    # Extension acts (pitch, benefit, confirmation, explicit_need) may be labelled; they are scored only
    # on items that say they label them all.
    unknown = sorted(set(acts) - set(_ALL_ACTS))
    if unknown:
        raise ItemError(f"unknown act(s): {', '.join(unknown)}")
    extensions = raw.get("extensions", False)
    if not isinstance(extensions, bool):
        raise ItemError('"extensions" must be true or false')
    return LabelledItem(
        id=str(raw.get("id", fallback_id)),
        lang=lang,
        role=role,
        text=text,
        context=parse_context(raw.get("context", [])),
        question=question,
        spin=spin,
        acts=frozenset(acts),
        extensions=extensions,
    )


def parse_context(raw: object) -> tuple[Message, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise ItemError('"context" must be a list of {"role", "text"} objects')
    out: list[Message] = []
    for n, entry in enumerate(raw, 1):
        if not isinstance(entry, dict):
            raise ItemError(f'"context" entry {n} must be an object with "role" and "text"')
        role, text = entry.get("role", "customer"), entry.get("text")
        if role not in ("seller", "customer"):
            raise ItemError(f'"context" entry {n}: "role" must be "seller" or "customer"')
        if not isinstance(text, str):
            raise ItemError(f'"context" entry {n}: "text" must be a string')
        out.append(Message(role, text))
    return tuple(out)


# ------------------------------------------------------------------------------------------ baseline
class KeywordBaseline:
    """The naive matcher the issue compares against: a question is a message with "?", open if it starts
    with a question word; SPIN is the label of the first keyword found in the text (scanning left to
    right); an act is given when any of its keywords occurs. Keywords come from the language data."""

    def __init__(self) -> None:
        self._spin: dict[str, list[tuple[re.Pattern[str], str]]] = {}
        self._acts: dict[str, dict[str, re.Pattern[str]]] = {}

    def _load(self, lang: Lang) -> None:
        if lang in self._spin:
            return
        data = load_language(lang)
        self._spin[lang] = [
            (re.compile(rf"(?<!\w){re.escape(normalise(k))}(?!\w)"), label)
            for label, keywords in data.baseline_spin.items()
            for k in keywords
        ]
        self._acts[lang] = {
            act: re.compile(r"(?<!\w)(?:" + "|".join(re.escape(normalise(k)) for k in keywords) + r")(?!\w)")
            for act, keywords in data.baseline_acts.items()
        }

    def analyze(self, text: str, role: Role, lang: Lang) -> Analysis:
        self._load(lang)
        data = load_language(lang)
        norm = normalise(text)
        question: QuestionType | None = None
        spin: Spin | None = None
        if role == "seller" and "?" in norm:
            question = "open" if data.question_start.match(norm) else "closed"
            best: tuple[int, str] | None = None
            for pattern, label in self._spin[lang]:
                found = pattern.search(norm)
                if found and (best is None or found.start() < best[0]):
                    best = (found.start(), label)
            spin = best[1] if best else None  # type: ignore[assignment]
        allowed = SELLER_ACTS if role == "seller" else CUSTOMER_ACTS
        acts = tuple(a for a in allowed if a in self._acts[lang] and self._acts[lang][a].search(norm))
        evidence = tuple(Evidence(f"act={a}", "baseline.keyword") for a in acts)
        return Analysis(lang, role, question, spin, acts, evidence)


def format_report(evaluation: Evaluation, title: str) -> str:
    """The human-readable report of `salesbot analyze --evaluate`."""
    lines = [title, ""]
    slices: list[tuple[str, Scores]] = [*evaluation.by_lang.items(), ("overall", evaluation.overall)]
    lines.append(f"{'':28}" + "".join(f"{name:>10}" for name, _ in slices))
    lines.append(f"{'items':28}" + "".join(f"{s.items:>10}" for _, s in slices))
    lines.append(f"{'question accuracy':28}" + "".join(f"{s.question_accuracy:>10.3f}" for _, s in slices))
    lines.append(f"{'SPIN macro-F1':28}" + "".join(f"{s.spin_macro_f1:>10.3f}" for _, s in slices))
    lines.append("")
    lines.append(f"{'label (F1; P/R; support)':28}" + "".join(f"{name:>24}" for name, _ in slices))

    def row(name: str, pick: Callable[[Scores], Counts]) -> str:
        cells = []
        for _, scores in slices:
            c = pick(scores)
            cells.append(f"{c.f1:.3f} ({c.precision:.2f}/{c.recall:.2f};{c.support:>4})")
        return f"{name:28}" + "".join(f"{cell:>24}" for cell in cells)

    for q in QUESTION_CLASSES:
        lines.append(row(f"question={q}", lambda s, q=q: s.question[q]))  # type: ignore[misc]
    for sp in SPIN_TYPES:
        lines.append(row(f"spin={sp}", lambda s, sp=sp: s.spin[sp]))  # type: ignore[misc]
    for act in _ALL_ACTS:
        if act in SELLER_ACTS + CUSTOMER_ACTS or any(s.acts[act].support or s.acts[act].fp for _, s in slices):
            lines.append(row(f"act={act}", lambda s, act=act: s.acts[act]))  # type: ignore[misc]
    for name, scores in slices:
        lines.append("")
        lines.append(f"SPIN confusion ({name}; rows gold, columns predicted)")
        lines.append(f"{'':14}" + "".join(f"{c:>13}" for c in SPIN_CLASSES))
        for gold in SPIN_CLASSES:
            lines.append(
                f"{gold:14}" + "".join(f"{scores.spin_confusion[gold][p]:>13}" for p in SPIN_CLASSES)
            )
    return "\n".join(lines)


def item_predictor(predict: Callable[[str, Role, Sequence[Message], Lang], Analysis]) -> Predictor:
    return lambda item: predict(item.text, item.role, item.context, item.lang)


__all__ = [
    "Evaluation",
    "ItemError",
    "KeywordBaseline",
    "LabelledItem",
    "Scores",
    "evaluate",
    "format_report",
    "item_predictor",
    "parse_context",
    "parse_item",
    "scored_acts",
]

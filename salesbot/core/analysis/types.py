"""The analyser's contract: what every labelled message looks like.

Label meanings are defined in shared/design/analysis-labels.md. The engine, the assessment, the CLI and
the Telegram bot all consume these types, so change them only by extending.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Role = Literal["seller", "customer"]
Lang = Literal["nl", "en"]
QuestionType = Literal["open", "closed"]
Spin = Literal["situation", "problem", "implication", "need_payoff"]

SPIN_TYPES: tuple[Spin, ...] = ("situation", "problem", "implication", "need_payoff")

# The acts named in the label definitions (the contract).
SELLER_ACTS: tuple[str, ...] = (
    "greeting",
    "introduction",
    "agenda",
    "acknowledgement",
    "summary",
    "follow_up",
    "closing_attempt",
)
CUSTOMER_ACTS: tuple[str, ...] = ("buying_signal", "objection")

# Extensions used by the engine and the assessment; not part of the evaluated label set.
#   pitch: a seller statement presenting the offer's features ("Onze installatie heeft ...").
#   benefit: a seller statement linking the offer to the customer's need or value.
#   confirmation: the customer agrees with or confirms what the seller said ("Ja, klopt.").
#   explicit_need: the customer states a need or want ("We hebben ... nodig", "I want ...").
EXTRA_SELLER_ACTS: tuple[str, ...] = ("pitch", "benefit")
EXTRA_CUSTOMER_ACTS: tuple[str, ...] = ("confirmation", "explicit_need")


@dataclass(frozen=True, slots=True)
class Message:
    """One line of a conversation."""

    role: Role
    text: str


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why a label was given: the rule that fired and the text it matched."""

    label: str  # e.g. "question=open", "spin=implication", "act=summary", "lang=nl"
    rule: str  # a stable rule name, e.g. "open.question_word_start"
    match: str = ""  # the matched text (cue phrase, question word, shared content words)

    def to_dict(self) -> dict[str, str]:
        return {"label": self.label, "rule": self.rule, "match": self.match}


@dataclass(frozen=True, slots=True)
class Analysis:
    """The labels of one message, each backed by evidence."""

    lang: Lang
    role: Role
    question: QuestionType | None = None
    spin: Spin | None = None
    acts: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    # Normalised content words (lower-case lemmas, stop words removed), for topic matching by the
    # engine and for context overlap (summaries, follow-ups).
    terms: frozenset[str] = field(default_factory=frozenset)

    def has(self, act: str) -> bool:
        return act in self.acts

    def explores(self, concern_terms: frozenset[str]) -> bool:
        """Asks what lies behind a customer's objection: a follow-up, or an open question that is no
        discovery question about something else: one with no SPIN label, in a message that acknowledges the
        objection, or in its words ("Hoeveel medewerkers heeft u?" right after the objection is not)."""
        if self.has("follow_up"):
            return True
        return self.question == "open" and (
            self.spin is None
            or self.has("acknowledgement")
            or self.has("summary")
            or bool(concern_terms & self.terms)
        )

    def to_dict(self) -> dict[str, object]:
        return {
            "lang": self.lang,
            "role": self.role,
            "question": self.question,
            "spin": self.spin,
            "acts": list(self.acts),
            "evidence": [e.to_dict() for e in self.evidence],
        }

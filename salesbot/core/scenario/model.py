"""The scenario format trainers write in YAML, as typed models.

A scenario describes one customer: who they are, what they reveal when asked the right questions, which
objections they raise, when they give closing signals and how the call can end. `salesbot schema` exports
these models as JSON Schema for editor autocompletion; docs/scenarios.md documents every field.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema, field_validator

ScenarioId = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]{1,63}$", description="Lower-case id: letters, digits, - and _.")]
ItemId = Annotated[
    str, Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$", description="Short id: lower-case letters, digits, - and _.")
]


def _as_list(value: object) -> object:
    """A single string is accepted wherever variants are allowed: trainers write one line more often."""
    return [value] if isinstance(value, str) else value


def _one_or_many(max_length: int) -> dict[str, object]:
    """JSON Schema of a field that takes one string or a non-empty list of strings (see _as_list)."""
    text = {"type": "string", "minLength": 1, "maxLength": max_length}
    return {"anyOf": [text, {"type": "array", "items": text, "minItems": 1}]}


Variants = Annotated[
    list[Annotated[str, Field(min_length=1, max_length=2000)]],
    BeforeValidator(_as_list),
    WithJsonSchema(_one_or_many(2000)),
    Field(min_length=1, description="Reply variants; one is chosen with the session's seeded generator."),
]
Keywords = Annotated[
    list[Annotated[str, Field(min_length=1, max_length=100)]],
    BeforeValidator(_as_list),
    WithJsonSchema(_one_or_many(100)),
    Field(min_length=1, description="Topic words or phrases; a question mentioning one is about this topic."),
]

Phase = Literal["opening", "information", "transformation", "closing"]
Outcome = Literal["order", "advance", "continuation", "no_sale"]
DmuRole = Literal["user", "influencer", "buyer", "decider", "gatekeeper"]
Motive = Literal["gain", "convenience", "pleasure", "safety"]
Temperament = Literal["analytical", "driver", "amiable", "expressive"]
Difficulty = Literal["easy", "medium", "hard"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Persona(Strict):
    name: str = Field(min_length=1, max_length=100)
    role: str = Field(min_length=1, max_length=100, description="Job title, e.g. 'facilitair manager'.")
    company: str = Field(min_length=1, max_length=100)
    dmu_role: DmuRole = Field(description="Role in the decision-making unit.")
    motives: list[Motive] = Field(default_factory=list, description="Buying motives (koopmotieven).")
    temperament: Temperament = "analytical"


class Start(Strict):
    """The customer's state when the call begins (0-100 each)."""

    readiness: int = Field(default=20, ge=0, le=100, description="Readiness to buy (afsluitbereidheid).")
    rapport: int = Field(default=40, ge=0, le=100)
    patience: int = Field(default=100, ge=0, le=100)


class Fact(Strict):
    """Situation facts, revealed on situation questions about the topic."""

    id: ItemId
    topic: Keywords
    reply: Variants


class Implication(Strict):
    """Deepens a revealed pain when the trainee asks about its consequences; raises urgency."""

    id: ItemId
    topic: Keywords | None = Field(default=None, description="Optional: words that select this implication.")
    reply: Variants
    readiness: int = Field(default=10, ge=0, le=50, description="Readiness gained when revealed.")


class NeedPayoff(Strict):
    """The customer voices the explicit need when asked about the value of solving the pain."""

    reply: Variants
    readiness: int = Field(default=15, ge=0, le=50)


class Pain(Strict):
    """A problem (implied need), revealed on a problem question about the topic."""

    id: ItemId
    topic: Keywords
    reply: Variants
    implications: list[Implication] = Field(default_factory=list)
    need_payoff: NeedPayoff | None = None
    readiness: int = Field(default=5, ge=0, le=50, description="Readiness gained when revealed.")


class ObjectionTrigger(Strict):
    after_phase: Phase = "transformation"
    readiness_below: int = Field(default=100, ge=0, le=101, description="Raised only while readiness is below this.")
    after_pain: ItemId | None = Field(default=None, description="Raised only after this pain was revealed.")
    on_close: bool = Field(default=False, description="Raised when the trainee tries to close.")


class Resolution(Strict):
    """What the trainee must do to resolve an objection; every listed element is required."""

    acknowledgement: bool = True
    follow_up: bool = Field(default=True, description="Ask what lies behind the objection.")
    benefit_linked_to: list[ItemId] = Field(
        default_factory=list, description="Pain ids: answer with a benefit linked to one of these needs."
    )


class Objection(Strict):
    id: ItemId
    trigger: ObjectionTrigger = Field(default_factory=ObjectionTrigger)
    text: Variants
    explore_reply: Variants | None = Field(default=None, description="What lies behind it, when asked.")
    resolved_reply: Variants | None = None
    resolved_by: Resolution = Field(default_factory=Resolution)
    readiness_penalty: int = Field(default=10, ge=0, le=50, description="Readiness lost if ignored.")


class ClosingSignal(Strict):
    id: ItemId
    at_readiness: int = Field(ge=0, le=100)
    text: Variants


class Outcomes(Strict):
    order: Variants
    advance: Variants
    continuation: Variants
    no_sale: Variants


class Thresholds(Strict):
    order: int = Field(default=80, ge=0, le=100, description="Readiness at which a close wins the order.")
    advance: int = Field(default=60, ge=0, le=100, description="Readiness at which a close wins an advance.")
    no_sale_patience: int = Field(default=0, ge=0, le=100, description="Patience at or below which the customer ends the call.")


class Replies(Strict):
    """Customer reply variants for general situations; every field has a language default."""

    opening: Variants | None = Field(default=None, description="The customer's first line, if the customer opens.")
    greeting: Variants | None = None
    agenda: Variants | None = None
    summary_confirmed: Variants | None = None
    pitch_too_early: Variants | None = None
    premature_close: Variants | None = None
    impatient: Variants | None = Field(default=None, description="Too many situation questions in a row.")
    already_told: Variants | None = None
    fallback: Variants | None = None
    # More situations the engine has language defaults for (salesbot/core/engine/data/<lang>.yaml).
    introduction: Variants | None = Field(default=None, description="The trainee introduced themself.")
    feature_neutral: Variants | None = Field(default=None, description="A feature pitch after needs are known.")
    benefit_positive: Variants | None = Field(default=None, description="A benefit linked to a revealed pain.")
    close_blocked: Variants | None = Field(default=None, description="A close while an objection is open.")
    acknowledged: Variants | None = Field(default=None, description="A short 'yes' to a remark.")
    elaborate: Variants | None = Field(default=None, description="Asked again about a pain already explored.")
    vague_problem: Variants | None = Field(default=None, description="A problem question about no known topic.")
    vague_need: Variants | None = Field(default=None, description="A need-payoff question about no known pain.")
    objection_pending: Variants | None = Field(
        default=None, description="An answer that does not (yet) resolve the open objection."
    )
    objection_explore: Variants | None = Field(
        default=None, description="Default for what lies behind an objection (without explore_reply)."
    )
    objection_resolved: Variants | None = Field(
        default=None, description="Default reply when an objection is resolved (without resolved_reply)."
    )
    signal_faded: Variants | None = Field(default=None, description="A closing signal was ignored.")


RubricDimension = Literal["spin", "lsd", "closing", "objections", "structure"]


def _default_weights() -> dict[RubricDimension, int]:
    return {"spin": 30, "lsd": 25, "closing": 25, "objections": 10, "structure": 10}


class Rubric(Strict):
    """Override of the assessment's dimension weights (relative; they need not add up to 100)."""

    weights: dict[RubricDimension, int] = Field(default_factory=_default_weights)

    @field_validator("weights")
    @classmethod
    def _positive(cls, weights: dict[RubricDimension, int]) -> dict[RubricDimension, int]:
        if any(w < 0 for w in weights.values()) or sum(weights.values()) <= 0:
            raise ValueError("weights must be non-negative and add up to more than 0")
        return weights


class Scenario(Strict):
    id: ScenarioId
    language: Literal["nl", "en"]
    title: str = Field(min_length=1, max_length=200)
    difficulty: Difficulty = "medium"
    industry: str = Field(default="", max_length=100)
    briefing: str = Field(min_length=1, max_length=5000, description="What the trainee reads before the call.")
    goal: str = Field(default="", max_length=500, description="The goal of the call, shown with the briefing.")
    persona: Persona
    customer_opens: bool = Field(default=False, description="True: the customer speaks first.")
    start: Start = Field(default_factory=Start)
    facts: list[Fact] = Field(default_factory=list)
    pains: list[Pain] = Field(min_length=1)
    objections: list[Objection] = Field(default_factory=list)
    closing_signals: list[ClosingSignal] = Field(default_factory=list)
    outcomes: Outcomes
    thresholds: Thresholds = Field(default_factory=Thresholds)
    replies: Replies = Field(default_factory=Replies)
    rubric: Rubric | None = None
    cues: dict[str, list[str]] = Field(
        default_factory=dict,
        description="Extra cue phrases per analysis label (e.g. closing_attempt, buying_signal, pitch).",
    )

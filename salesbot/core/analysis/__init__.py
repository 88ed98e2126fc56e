"""Utterance analysis: SPIN, question type, LSD acts, closing attempts, buying signals, objections.

Public API (the contract other modules rely on):

    analyzer = Analyzer()                      # default language data, cached by default_analyzer()
    analyzer = Analyzer(extra_cues={...})      # scenario cue phrases: {label: [phrase, ...]}
    a = analyzer.analyze(text, role="seller", context=[Message(...), ...], lang=None)
    analyzer.terms(text, lang)                 # normalised content words, as in Analysis.terms
"""

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

__all__ = [
    "CUSTOMER_ACTS",
    "EXTRA_CUSTOMER_ACTS",
    "EXTRA_SELLER_ACTS",
    "SELLER_ACTS",
    "SPIN_TYPES",
    "Analysis",
    "Evidence",
    "Lang",
    "Message",
    "QuestionType",
    "Role",
    "Spin",
]

from salesbot.core.analysis.analyzer import Analyzer, default_analyzer  # noqa: E402

__all__ += ["Analyzer", "default_analyzer"]

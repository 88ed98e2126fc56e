"""The numbers of the customer model, in one place (docs/engine.md explains each).

Gains are modulated by rapport: gain * (50 + rapport) / 100, so a customer at rapport 50 gives the plain
gain, at 100 half as much again, at 0 half of it. Losses are not modulated.
"""

from __future__ import annotations

# Situation questions in a row the customer answers without getting impatient, by temperament.
SITUATION_FREE: dict[str, int] = {"analytical": 4, "amiable": 3, "expressive": 3, "driver": 2}
SITUATION_COST = 2  # patience per situation question within the free streak
IMPATIENT_COST = 10  # patience per situation question beyond it
ALREADY_TOLD_COST = 4  # patience for asking what the customer already said
FALLBACK_COST = 3  # patience for an off-topic or unclear message

PITCH_EARLY_READINESS = 5  # pitching before any need is known
PITCH_EARLY_RAPPORT = 5
PITCH_EARLY_PATIENCE = 5

PREMATURE_CLOSE_READINESS = 10  # closing before the customer is ready
PREMATURE_CLOSE_RAPPORT = 5
PREMATURE_CLOSE_PATIENCE = 10

SIGNAL_WINDOW = 2  # trainee turns to act on a closing signal
SIGNAL_IGNORED_READINESS = 10  # readiness lost when a signal fades

SUMMARY_RAPPORT = 5
SUMMARY_READINESS = 4  # a confirmed summary once a pain is known: the customer feels understood
SUMMARY_GAINS = 2  # summaries per call that raise readiness (testing understanding, not farming points)
FOLLOW_UP_RAPPORT = 3
ACKNOWLEDGEMENT_RAPPORT = 2
AGENDA_RAPPORT = 3
GREETING_RAPPORT = 1

BENEFIT_READINESS = 8  # a benefit linked to a revealed pain (once per pain)
# A customer who voiced an explicit need agrees to a concrete small step (an advance) a little below the
# scenario's advance threshold: explicit needs are what predict success (Rackham).
NEED_ADVANCE_MARGIN = 10
OBJECTION_RESOLVED_READINESS = 10
OBJECTION_ECHO_TERMS = 3  # words shared with an objection's lines for a question to bring it up first
OBJECTION_RESOLVED_RAPPORT = 3
NEED_WITHOUT_IMPLICATION_FACTOR = 0.5  # need-payoff asked before any consequence of that pain was explored

CONTEXT_MESSAGES = 6  # earlier messages passed to the analyser (follow-ups, summaries)


def modulated(gain: int, rapport: int) -> int:
    """A readiness gain scaled by rapport (rounded half up)."""
    return (gain * (50 + rapport) + 50) // 100


def clamp(value: int) -> int:
    return 0 if value < 0 else 100 if value > 100 else value

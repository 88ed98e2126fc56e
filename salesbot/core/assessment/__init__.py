"""Assessment of a sales conversation: metrics, a rubric score traced to rules and messages, feedback.

    from salesbot.core.assessment import assess
    a = assess(messages, scenario=None, analyzer=None, outcome=None)
    a.to_dict()          # the JSON report (docs/assessment.md)
    a.score.total, a.lang, a.feedback.improvements
"""

from salesbot.core.assessment.assess import REPORT_VERSION, Assessment, EmptyTranscriptError, assess
from salesbot.core.assessment.feedback import Feedback, FeedbackItem
from salesbot.core.assessment.rubric import DEFAULT_WEIGHTS, DIMENSIONS, Dimension, RuleHit, Score

__all__ = [
    "DEFAULT_WEIGHTS",
    "DIMENSIONS",
    "REPORT_VERSION",
    "Assessment",
    "Dimension",
    "EmptyTranscriptError",
    "Feedback",
    "FeedbackItem",
    "RuleHit",
    "Score",
    "assess",
]

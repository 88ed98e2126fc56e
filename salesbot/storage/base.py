"""The storage interface the Telegram bot is written against.

Every method is one short transaction, so a caller never holds a transaction open across network I/O.
The SQLite implementation lives in `sqlite.py`; a PostgreSQL one can implement the same `Storage`
protocol with the same plain SQL (see docs/deployment.md, "Scaling").

Timestamps are ISO 8601 strings in UTC (`2026-11-23T12:31:13.123456+00:00`): portable across databases
and sortable as text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal, Protocol, runtime_checkable

SessionStatus = Literal["active", "ended"]
MessageRole = Literal["seller", "customer"]


def utc_now() -> str:
    return datetime.now(UTC).isoformat()


class StorageError(Exception):
    """A storage problem the operator can act on (unreadable file, newer schema, ...)."""


@dataclass(frozen=True, slots=True)
class UserRecord:
    telegram_id: int
    name: str
    language: str | None  # chosen with /lang; None: follow the Telegram client's language
    is_trainer: bool
    created_at: str


@dataclass(frozen=True, slots=True)
class SessionRecord:
    id: int
    user_id: int
    chat_id: int
    scenario_id: str
    seed: int
    state: str  # the engine's SessionState.to_json()
    state_seq: int  # the last message seq already applied to `state`
    status: SessionStatus
    outcome: str | None
    score: float | None
    started_at: str
    updated_at: str
    ended_at: str | None


@dataclass(frozen=True, slots=True)
class MessageRecord:
    session_id: int
    seq: int  # 1, 2, 3 ... per session, in conversation order
    role: MessageRole
    text: str
    analysis: str | None  # JSON of the analyser's Analysis.to_dict(), for trainee messages
    update_id: int | None  # the Telegram update that carried a trainee message
    delivered: bool  # customer lines: sent to the chat (False: stored, not yet sent)
    created_at: str


@dataclass(frozen=True, slots=True)
class Outgoing:
    """A stored customer line that still has to be sent (the outbox)."""

    chat_id: int
    session_id: int
    seq: int
    text: str


@dataclass(frozen=True, slots=True)
class UpdateContext:
    """What handling one update needs to know first, read in one trip to the database."""

    processed: bool  # the update id was handled before (a duplicate): user and session are None
    user: UserRecord | None
    session: SessionRecord | None  # the user's active role-play


@dataclass(frozen=True, slots=True)
class TurnWrite:
    """Everything one engine step changes, written in one transaction before the reply is sent."""

    session_id: int
    state: str  # new engine state JSON
    state_seq: int  # seq of the trainee message this step consumed (or the last seq written)
    # The trainee's line this step consumed, stored in the same transaction as its effects (state_seq
    # is then the seq the line gets); None when the line was stored before (recovery) or for a command.
    line: str | None = None
    analysis: str | None = None  # analysis JSON for the trainee message `state_seq`
    reply: str | None = None  # customer line to append (undelivered until mark_delivered)
    ended: bool = False
    outcome: str | None = None
    score: float | None = None
    assessment: str | None = None  # Assessment.to_dict() JSON, stored with the ended session
    update_id: int | None = None  # the update that caused this step, marked processed with it


@dataclass(frozen=True, slots=True)
class HistoryRow:
    session_id: int
    scenario_id: str
    started_at: str
    ended_at: str | None
    status: SessionStatus
    outcome: str | None
    score: float | None


@dataclass(frozen=True, slots=True)
class TraineeSummary:
    telegram_id: int
    name: str
    sessions: int
    assessed: int
    average_score: float | None
    last_active: str | None


@dataclass(frozen=True, slots=True)
class AssessmentRecord:
    session_id: int
    user_id: int
    scenario_id: str
    outcome: str | None
    score: float | None
    report: str  # JSON
    started_at: str
    ended_at: str | None


@dataclass(frozen=True, slots=True)
class ExportRow:
    session_id: int
    user_id: int
    user_name: str
    scenario_id: str
    started_at: str
    ended_at: str | None
    status: SessionStatus
    outcome: str | None
    score: float | None
    report: str | None  # assessment JSON, None when the session was not assessed


@dataclass(frozen=True, slots=True)
class UploadedScenario:
    scenario_id: str
    yaml_text: str
    uploaded_by: int
    uploaded_at: str


@runtime_checkable
class Storage(Protocol):
    """Durable state of the bot. Implementations must make every method atomic."""

    def schema_version(self) -> int: ...
    def close(self) -> None: ...

    # updates (dedupe)
    def is_processed(self, update_id: int) -> bool: ...
    def mark_processed(self, update_id: int) -> None: ...
    def begin_update(
        self, update_id: int | None, telegram_id: int, name: str, is_trainer: bool
    ) -> UpdateContext: ...
    def prune_processed(self, older_than: str) -> int: ...
    def inbox_add(self, update_id: int, payload: str) -> bool: ...
    def inbox_add_many(self, updates: list[tuple[int, str]]) -> None: ...
    def inbox_pending(self) -> list[tuple[int, str]]: ...

    # users
    def get_user(self, telegram_id: int) -> UserRecord | None: ...
    def ensure_user(self, telegram_id: int, name: str, is_trainer: bool) -> UserRecord: ...
    def set_language(self, telegram_id: int, language: str | None) -> None: ...

    # sessions and messages
    def start_session(
        self,
        user_id: int,
        chat_id: int,
        scenario_id: str,
        seed: int,
        state: str,
        update_id: int | None,
        opening: str | None = None,
    ) -> SessionRecord: ...
    def active_session(self, user_id: int) -> SessionRecord | None: ...
    def get_session(self, session_id: int) -> SessionRecord | None: ...
    def abandon_session(self, session_id: int, update_id: int | None) -> None: ...
    def add_trainee_message(self, session_id: int, text: str, update_id: int | None) -> int: ...
    def apply_turn(self, turn: TurnWrite) -> int | None: ...
    def mark_delivered(self, session_id: int, seq: int) -> None: ...
    def mark_delivered_many(self, sent: list[tuple[int, int]]) -> None: ...
    def messages(self, session_id: int) -> list[MessageRecord]: ...
    def pending_trainee_messages(self, session_id: int) -> list[MessageRecord]: ...
    def sessions_with_pending_turns(self) -> list[SessionRecord]: ...
    def undelivered(self) -> list[Outgoing]: ...

    # assessments and trainer views
    def assessment(self, user_id: int, n: int = 1) -> AssessmentRecord | None: ...
    def assessment_for_session(self, session_id: int) -> AssessmentRecord | None: ...
    def history(self, user_id: int, limit: int = 20) -> list[HistoryRow]: ...
    def trainee_summaries(self) -> list[TraineeSummary]: ...
    def export_rows(self) -> list[ExportRow]: ...

    # scenarios uploaded by trainers
    def save_uploaded_scenario(self, scenario_id: str, yaml_text: str, uploaded_by: int) -> None: ...
    def uploaded_scenarios(self) -> list[UploadedScenario]: ...

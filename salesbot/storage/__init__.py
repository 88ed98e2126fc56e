"""Durable storage for the Telegram bot: a small interface (`Storage`) and its SQLite implementation."""

from salesbot.storage.aio import AsyncStorage
from salesbot.storage.base import (
    AssessmentRecord,
    ExportRow,
    HistoryRow,
    MessageRecord,
    Outgoing,
    SessionRecord,
    Storage,
    StorageError,
    TraineeSummary,
    TurnWrite,
    UpdateContext,
    UploadedScenario,
    UserRecord,
    utc_now,
)
from salesbot.storage.migrations import LATEST_VERSION, MIGRATIONS, Migration
from salesbot.storage.sqlite import SqliteStorage

__all__ = [
    "LATEST_VERSION",
    "MIGRATIONS",
    "AssessmentRecord",
    "AsyncStorage",
    "ExportRow",
    "HistoryRow",
    "MessageRecord",
    "Migration",
    "Outgoing",
    "SessionRecord",
    "SqliteStorage",
    "Storage",
    "StorageError",
    "TraineeSummary",
    "TurnWrite",
    "UpdateContext",
    "UploadedScenario",
    "UserRecord",
    "utc_now",
]

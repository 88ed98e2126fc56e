"""SQLite storage: schema migrations, round trips, the outbox and crash-safe ordering."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest

from salesbot.storage import (
    LATEST_VERSION,
    MIGRATIONS,
    AsyncStorage,
    Migration,
    SqliteStorage,
    Storage,
    StorageError,
    TurnWrite,
    UpdateContext,
)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "salesbot.db"


@pytest.fixture
def store(db_path: Path) -> SqliteStorage:
    storage = SqliteStorage(db_path)
    yield storage
    storage.close()


def other_connection(path: Path) -> sqlite3.Connection:
    """A second, independent connection: sees only what was committed."""
    return sqlite3.connect(path)


def new_session(
    store: SqliteStorage, user: int = 1, opening: str | None = None, update_id: int | None = None
):
    store.ensure_user(user, f"User {user}", is_trainer=False)
    return store.start_session(user, user * 10, "koelservice-supermarkt", 42, '{"s": 0}', update_id, opening)


# -- schema -----------------------------------------------------------------------------------------


def test_fresh_database_is_migrated_to_the_latest_version_with_pragmas(
    store: SqliteStorage, db_path: Path
) -> None:
    assert isinstance(store, Storage)
    assert store.schema_version() == LATEST_VERSION
    with other_connection(db_path) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        versions = conn.execute("SELECT version, description FROM schema_version").fetchall()
        journal = conn.execute("PRAGMA journal_mode").fetchone()[0]
    assert {
        "inbox",
        "users",
        "sessions",
        "messages",
        "assessments",
        "processed_updates",
        "uploaded_scenarios",
    } <= tables
    assert [v for v, _ in versions] == [m.version for m in MIGRATIONS]
    assert journal == "wal"
    assert store._db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store._db.execute("PRAGMA busy_timeout").fetchone()[0] == 5000


def test_reopening_does_not_rerun_migrations_and_keeps_data(db_path: Path) -> None:
    first = SqliteStorage(db_path)
    first.ensure_user(7, "Anna", is_trainer=False)
    first.close()
    second = SqliteStorage(db_path)
    assert second.get_user(7) is not None
    assert second._db.execute("SELECT COUNT(*) FROM schema_version").fetchone()[0] == len(MIGRATIONS)
    second.close()


def test_new_migration_steps_are_applied_in_order_once(db_path: Path) -> None:
    SqliteStorage(db_path).close()
    n = LATEST_VERSION
    extra = (
        Migration(n + 2, "third", ("ALTER TABLE users ADD COLUMN c3 TEXT",)),
        Migration(n + 1, "second", ("ALTER TABLE users ADD COLUMN c2 TEXT",)),
    )
    upgraded = SqliteStorage(db_path, migrations=MIGRATIONS + extra)
    assert upgraded.schema_version() == n + 2
    versions = [r[0] for r in upgraded._db.execute("SELECT version FROM schema_version ORDER BY rowid")]
    assert versions == list(range(1, n + 3))
    columns = [r[1] for r in upgraded._db.execute("PRAGMA table_info(users)")]
    assert columns[-2:] == ["c2", "c3"]
    upgraded.close()


def test_a_version_1_database_is_upgraded_and_keeps_its_data(db_path: Path) -> None:
    old = SqliteStorage(db_path, migrations=MIGRATIONS[:1])
    session = new_session(old, opening="Hallo")
    old.close()
    upgraded = SqliteStorage(db_path)
    assert upgraded.schema_version() == LATEST_VERSION
    assert [m.text for m in upgraded.messages(session.id)] == ["Hallo"]
    assert upgraded.inbox_add(1, "{}") is True  # the inbox table came with version 2
    upgraded.close()


def test_a_failing_migration_leaves_the_database_unchanged(db_path: Path) -> None:
    SqliteStorage(db_path).close()
    broken = Migration(
        LATEST_VERSION + 1, "broken", ("ALTER TABLE users ADD COLUMN ok TEXT", "THIS IS NOT SQL")
    )
    with pytest.raises(StorageError, match="cannot open the database"):
        SqliteStorage(db_path, migrations=MIGRATIONS + (broken,))
    reopened = SqliteStorage(db_path)
    assert reopened.schema_version() == LATEST_VERSION
    assert "ok" not in [r[1] for r in reopened._db.execute("PRAGMA table_info(users)")]
    reopened.close()


def test_a_database_from_a_newer_version_is_refused(db_path: Path) -> None:
    future = Migration(LATEST_VERSION + 1, "future", ("SELECT 1",))
    SqliteStorage(db_path, migrations=MIGRATIONS + (future,)).close()
    with pytest.raises(StorageError, match="newer than this SalesBot supports"):
        SqliteStorage(db_path)


def test_a_file_that_is_not_a_database_gives_a_clear_error(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_text("this is not sqlite " * 100)
    with pytest.raises(StorageError, match="notes.db: cannot open the database"):
        SqliteStorage(bogus)


# -- users ------------------------------------------------------------------------------------------


def test_users_are_created_updated_and_keep_their_language(store: SqliteStorage) -> None:
    user = store.ensure_user(5, "Bram", is_trainer=False)
    assert (user.telegram_id, user.name, user.language, user.is_trainer) == (5, "Bram", None, False)
    store.set_language(5, "en")
    renamed = store.ensure_user(5, "Bram de Vries", is_trainer=True)
    assert (renamed.name, renamed.language, renamed.is_trainer) == ("Bram de Vries", "en", True)
    assert renamed.created_at == user.created_at
    with pytest.raises(sqlite3.IntegrityError):
        store.set_language(5, "de")


# -- sessions, messages, outbox -----------------------------------------------------------------------


def test_session_round_trip_with_opening_line_in_the_outbox(store: SqliteStorage) -> None:
    session = new_session(store, opening="Goedemiddag, met Marieke.", update_id=100)
    assert session.status == "active" and session.state_seq == 0 and session.seed == 42
    assert store.active_session(1) == session
    assert store.get_session(session.id) == session
    assert store.is_processed(100)
    [opening] = store.messages(session.id)
    assert (opening.seq, opening.role, opening.text, opening.delivered) == (
        1,
        "customer",
        "Goedemiddag, met Marieke.",
        False,
    )
    assert [(o.chat_id, o.seq, o.text) for o in store.undelivered()] == [(10, 1, "Goedemiddag, met Marieke.")]
    store.mark_delivered(session.id, 1)
    assert store.undelivered() == []


def test_a_turn_is_written_atomically_and_messages_keep_their_order(store: SqliteStorage) -> None:
    session = new_session(store)
    seq = store.add_trainee_message(session.id, "Goedemiddag!", update_id=201)
    assert seq == 1 and store.is_processed(201)
    assert [m.seq for m in store.pending_trainee_messages(session.id)] == [1]
    assert [s.id for s in store.sessions_with_pending_turns()] == [session.id]
    analysis = json.dumps({"acts": ["greeting"]})
    reply_seq = store.apply_turn(TurnWrite(session.id, '{"s": 1}', 1, analysis=analysis, reply="Dag."))
    assert reply_seq == 2
    assert store.pending_trainee_messages(session.id) == []
    assert store.sessions_with_pending_turns() == []
    messages = store.messages(session.id)
    assert [(m.seq, m.role, m.text) for m in messages] == [
        (1, "seller", "Goedemiddag!"),
        (2, "customer", "Dag."),
    ]
    assert messages[0].analysis == analysis and messages[0].update_id == 201
    current = store.get_session(session.id)
    assert current is not None and (current.state, current.state_seq) == ('{"s": 1}', 1)


def test_a_new_line_is_stored_with_its_turn_in_one_transaction(store: SqliteStorage, db_path: Path) -> None:
    """The bot's path for a trainee line: line, analysis, reply, state and processed mark together."""
    session = new_session(store, opening="Goedemiddag, met Marieke.")
    store.mark_delivered(session.id, 1)
    analysis = json.dumps({"acts": ["greeting"]})
    write = TurnWrite(
        session.id, '{"s": 1}', 0, line="Goedemiddag!", analysis=analysis, reply="Dag.", update_id=77
    )
    assert store.apply_turn(write) == 3
    with other_connection(db_path) as conn:  # committed when the call returns
        rows = conn.execute(
            "SELECT seq, role, text, analysis, update_id, delivered FROM messages WHERE session_id = ? ORDER BY seq",
            (session.id,),
        ).fetchall()
    assert rows == [
        (1, "customer", "Goedemiddag, met Marieke.", None, None, 1),
        (2, "seller", "Goedemiddag!", analysis, 77, 1),
        (3, "customer", "Dag.", None, None, 0),
    ]
    current = store.get_session(session.id)
    assert current is not None and (current.state, current.state_seq) == ('{"s": 1}', 2)
    assert store.is_processed(77) and store.pending_trainee_messages(session.id) == []
    # A line whose turn failed (the engine raised) is still stored, with the state unchanged.
    assert store.apply_turn(TurnWrite(session.id, '{"s": 1}', 0, line="???", update_id=78)) is None
    assert [m.text for m in store.messages(session.id)][-1] == "???"
    assert store.get_session(session.id).state_seq == 4 and store.is_processed(78)


def test_a_failed_line_and_turn_write_stores_nothing(store: SqliteStorage) -> None:
    session = new_session(store)
    store._db.execute(
        "CREATE TRIGGER fail_on_end BEFORE UPDATE OF status ON sessions BEGIN SELECT RAISE(ABORT, 'boom'); END"
    )
    with pytest.raises(sqlite3.IntegrityError):
        store.apply_turn(
            TurnWrite(session.id, "{}", 0, line="Tot ziens", reply="Dag.", ended=True, update_id=5)
        )
    assert store.messages(session.id) == [] and not store.is_processed(5)


def test_begin_update_checks_duplicates_and_reads_user_and_session(store: SqliteStorage) -> None:
    fresh = store.begin_update(1, 1, "Anna", False)  # first contact: the user is created
    assert not fresh.processed and fresh.user is not None and fresh.user.name == "Anna"
    assert fresh.session is None
    session = new_session(store)  # ensure_user keeps "User 1" as the name
    context = store.begin_update(2, 1, "User 1", False)
    assert context.session == session and context.user == store.get_user(1)
    renamed = store.begin_update(3, 1, "Anna B.", True)  # name and trainer flag follow Telegram
    assert renamed.user is not None and (renamed.user.name, renamed.user.is_trainer) == ("Anna B.", True)
    store.mark_processed(4)
    assert store.begin_update(4, 1, "Anna B.", True) == UpdateContext(True, None, None)
    assert store.begin_update(None, 1, "Anna B.", True).session == session


def test_delivered_marks_in_one_commit(store: SqliteStorage) -> None:
    first = new_session(store, user=1, opening="Hallo 1")
    second = new_session(store, user=2, opening="Hallo 2")
    assert len(store.undelivered()) == 2
    store.mark_delivered_many([(first.id, 1), (second.id, 1)])
    store.mark_delivered_many([])
    assert store.undelivered() == []


def test_a_failed_turn_write_rolls_back_completely(store: SqliteStorage) -> None:
    session = new_session(store)
    store.add_trainee_message(session.id, "Hallo", None)
    store._db.execute(
        "CREATE TRIGGER fail_on_end BEFORE UPDATE OF status ON sessions BEGIN SELECT RAISE(ABORT, 'boom'); END"
    )
    with pytest.raises(sqlite3.IntegrityError):
        store.apply_turn(TurnWrite(session.id, "{}", 1, reply="Tot ziens.", ended=True, outcome="no_sale"))
    assert [m.role for m in store.messages(session.id)] == ["seller"]
    assert store.active_session(1) is not None


def test_ending_a_turn_stores_outcome_score_and_assessment(store: SqliteStorage) -> None:
    session = new_session(store)
    store.add_trainee_message(session.id, "Zullen we tekenen?", None)
    report = json.dumps({"score": {"total": 71.5}})
    store.apply_turn(
        TurnWrite(
            session.id, "{}", 1, reply="Akkoord.", ended=True, outcome="order", score=71.5, assessment=report
        )
    )
    assert store.active_session(1) is None
    ended = store.get_session(session.id)
    assert ended is not None and (ended.status, ended.outcome, ended.score) == ("ended", "order", 71.5)
    assert ended.ended_at is not None
    record = store.assessment(1)
    assert record is not None and record.report == report and record.scenario_id == "koelservice-supermarkt"
    assert store.assessment_for_session(session.id) == record


def test_only_one_active_session_per_user_and_restart_abandons_the_old(store: SqliteStorage) -> None:
    first = new_session(store)
    second = store.start_session(1, 10, "other", 7, "{}", None)
    assert store.active_session(1) == second
    old = store.get_session(first.id)
    assert old is not None and old.status == "ended" and old.outcome is None
    with pytest.raises(sqlite3.IntegrityError):
        store._db.execute("UPDATE sessions SET status = 'active' WHERE id = ?", (first.id,))
    store.abandon_session(second.id, update_id=300)
    assert store.active_session(1) is None and store.is_processed(300)


def test_foreign_keys_are_enforced(store: SqliteStorage) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        store.add_trainee_message(999, "no such session", None)
    with pytest.raises(sqlite3.IntegrityError):
        store.start_session(12345, 1, "x", 1, "{}", None)


def test_inbox_keeps_updates_until_processed_and_refuses_duplicates(store: SqliteStorage) -> None:
    assert store.inbox_add(10, '{"update_id": 10}') is True
    assert store.inbox_add(10, '{"update_id": 10}') is False  # already waiting
    assert store.inbox_add(11, '{"update_id": 11}') is True
    assert store.inbox_pending() == [(10, '{"update_id": 10}'), (11, '{"update_id": 11}')]
    session = new_session(store)
    store.add_trainee_message(session.id, "hallo", update_id=10)  # processing takes it out of the inbox
    store.mark_processed(11)
    assert store.inbox_pending() == []
    assert store.inbox_add(10, "{}") is False  # processed already


def test_processed_updates_dedupe_and_prune(store: SqliteStorage) -> None:
    assert not store.is_processed(1)
    store.mark_processed(1)
    store.mark_processed(1)  # idempotent
    assert store.is_processed(1)
    assert store.prune_processed("0000") == 0
    assert store.prune_processed("9999") == 1
    assert not store.is_processed(1)


def test_history_summaries_assessments_and_export(store: SqliteStorage) -> None:
    store.ensure_user(2, "Zoë", is_trainer=False)
    for user, score in ((1, 60.0), (1, 80.0), (2, 50.0)):
        session = new_session(store, user)
        store.add_trainee_message(session.id, "Tot ziens", None)
        store.apply_turn(
            TurnWrite(
                session.id,
                "{}",
                1,
                ended=True,
                outcome="advance",
                score=score,
                assessment=json.dumps({"t": score}),
            )
        )
    new_session(store, 2)  # still active, not assessed
    history = store.history(1)
    assert [h.score for h in history] == [80.0, 60.0]
    assert json.loads(store.assessment(1, 1).report) == {"t": 80.0}  # type: ignore[union-attr]
    assert json.loads(store.assessment(1, 2).report) == {"t": 60.0}  # type: ignore[union-attr]
    assert store.assessment(1, 3) is None and store.assessment(1, 0) is None
    summaries = {s.telegram_id: s for s in store.trainee_summaries()}
    assert (summaries[1].sessions, summaries[1].assessed, summaries[1].average_score) == (2, 2, 70.0)
    assert (summaries[2].sessions, summaries[2].assessed, summaries[2].average_score) == (2, 1, 50.0)
    rows = store.export_rows()
    assert len(rows) == 4
    assert [r.report is None for r in rows] == [False, False, False, True]
    assert {r.user_name for r in rows} == {"User 1", "User 2"}


def test_uploaded_scenarios_are_stored_and_replaced(store: SqliteStorage) -> None:
    store.ensure_user(9, "Trainer", is_trainer=True)
    store.save_uploaded_scenario("demo", "id: demo\n", 9)
    store.save_uploaded_scenario("demo", "id: demo\ntitle: v2\n", 9)
    [uploaded] = store.uploaded_scenarios()
    assert (uploaded.scenario_id, uploaded.yaml_text, uploaded.uploaded_by) == (
        "demo",
        "id: demo\ntitle: v2\n",
        9,
    )


# -- durability -------------------------------------------------------------------------------------


def test_a_trainee_message_is_committed_when_the_call_returns(store: SqliteStorage, db_path: Path) -> None:
    """What the bot relies on before it sends a reply: another connection already sees the message."""
    session = new_session(store)
    store.add_trainee_message(session.id, "Wat kost een storing u?", update_id=55)
    with other_connection(db_path) as conn:
        rows = conn.execute("SELECT role, text FROM messages WHERE session_id = ?", (session.id,)).fetchall()
        processed = conn.execute("SELECT COUNT(*) FROM processed_updates WHERE update_id = 55").fetchone()[0]
    assert rows == [("seller", "Wat kost een storing u?")] and processed == 1


def test_a_writer_waits_for_another_process_lock_instead_of_failing(db_path: Path) -> None:
    store = SqliteStorage(db_path, busy_timeout_ms=2000)
    session = new_session(store)
    blocker = sqlite3.connect(db_path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")

    async def scenario() -> int:
        db = AsyncStorage(store)
        pending = asyncio.ensure_future(db.run(store.add_trainee_message, session.id, "hallo", None))
        await asyncio.sleep(0.05)  # the write is now blocked on the other connection's lock
        assert not pending.done()
        blocker.execute("COMMIT")
        seq = await pending
        db.close()
        return seq

    assert asyncio.run(scenario()) == 1
    blocker.close()


async def test_async_storage_runs_calls_in_submission_order(store: SqliteStorage) -> None:
    db = AsyncStorage(store)
    session = await db.run(new_session, store)
    seqs = await asyncio.gather(
        *(db.run(store.add_trainee_message, session.id, f"m{i}", i) for i in range(50))
    )
    assert seqs == list(range(1, 51))
    assert [m.text for m in store.messages(session.id)] == [f"m{i}" for i in range(50)]
    db.close()


async def test_async_storage_groups_delivered_marks_into_few_commits(store: SqliteStorage) -> None:
    db = AsyncStorage(store)
    sessions = [await db.run(new_session, store, user, "Hallo") for user in range(1, 6)]
    batches: list[list[tuple[int, int]]] = []
    original = store.mark_delivered_many

    def recording(sent: list[tuple[int, int]]) -> None:
        batches.append(list(sent))
        original(sent)

    store.mark_delivered_many = recording  # type: ignore[method-assign]
    release = asyncio.Event()
    loop = asyncio.get_running_loop()
    busy = db.run(lambda: asyncio.run_coroutine_threadsafe(release.wait(), loop).result())
    busy_task = asyncio.ensure_future(busy)
    await asyncio.sleep(0.01)  # the storage thread is now busy: the marks queue up behind it
    for session in sessions:
        db.mark_delivered_soon(session.id, 1)
    release.set()
    await busy_task
    assert await db.run(store.undelivered) == []  # a call queued after the marks sees them
    assert batches == [[(s.id, 1) for s in sessions]]  # one commit for all five
    db.mark_delivered_soon(sessions[0].id, 1)
    db.close()  # closing writes what is still queued
    assert len(batches) == 2


async def test_queued_calls_share_one_commit_and_a_failing_call_fails_alone(
    store: SqliteStorage, db_path: Path
) -> None:
    db = AsyncStorage(store)
    session = await db.run(new_session, store)
    statements: list[str] = []
    store._db.set_trace_callback(lambda sql: statements.append(sql.strip().upper()))

    async def queued(calls: list[Any]) -> list[Any]:
        """Submit the calls while the storage thread is busy, so they wait in its queue together."""
        release = threading.Event()
        blocker = asyncio.ensure_future(db.run(release.wait))
        tasks = [asyncio.ensure_future(call) for call in calls]
        await asyncio.sleep(0.05)  # every task has submitted its call
        release.set()
        await blocker
        return await asyncio.gather(*tasks, return_exceptions=True)

    calls = [db.run(store.add_trainee_message, session.id, f"m{i}", 100 + i) for i in range(20)]
    calls.insert(10, db.run(store.add_trainee_message, 99999, "no such session", None))
    results = await queued(calls)
    failed = results.pop(10)
    assert isinstance(failed, sqlite3.IntegrityError)  # only the bad call fails ...
    assert results == list(range(1, 21))  # ... the others are stored, in submission order
    assert [m.text for m in store.messages(session.id)] == [f"m{i}" for i in range(20)]
    # The group was rolled back when the bad call failed, then each call ran in its own transaction.
    assert statements.count("COMMIT") == 20 and statements.count("ROLLBACK") == 2

    statements.clear()
    await queued([db.run(store.mark_processed, 500 + i) for i in range(30)])
    assert statements.count("COMMIT") == 1  # thirty calls, one commit
    with other_connection(db_path) as conn:  # committed before the callers got their answers
        assert (
            conn.execute("SELECT COUNT(*) FROM processed_updates WHERE update_id >= 500").fetchone()[0] == 30
        )
    store._db.set_trace_callback(None)
    db.close()


def test_peek_update_reads_committed_state_without_waiting_for_the_writer(store: SqliteStorage) -> None:
    session = new_session(store)
    store.mark_processed(9)
    assert store.peek_update(9, 1) == UpdateContext(True, None, None)
    peeked = store.peek_update(10, 1)
    assert peeked == UpdateContext(False, store.get_user(1), session)
    with store.transaction():  # the writer is in the middle of a transaction ...
        store.abandon_session(session.id, 10)
        # ... a reader on its own connection neither waits nor sees the uncommitted change
        assert store.peek_update(10, 1) == peeked
    assert store.peek_update(10, 1) == UpdateContext(True, None, None)
    assert store.peek_update(11, 1) == UpdateContext(False, store.get_user(1), None)
    assert store.peek_update(11, 2) == UpdateContext(False, None, None)  # an unknown user
    assert SqliteStorage(":memory:").peek_update(1, 1) is None


async def test_async_begin_update_creates_a_new_user_on_the_storage_thread(store: SqliteStorage) -> None:
    db = AsyncStorage(store)
    first = await db.begin_update(1, 5, "Anna", False)
    assert first.user is not None and first.user.name == "Anna" and store.get_user(5) == first.user
    again = await db.begin_update(2, 5, "Anna", False)  # known and unchanged: read without a write
    assert again == UpdateContext(False, first.user, None)
    renamed = await db.begin_update(3, 5, "Anna B.", False)
    assert renamed.user is not None and store.get_user(5).name == "Anna B."
    db.close()


async def test_a_delivered_mark_is_written_soon_even_when_nothing_else_comes(store: SqliteStorage) -> None:
    db = AsyncStorage(store, flush_delay=0.05)
    session = await db.run(new_session, store, 1, "Hallo")
    db.mark_delivered_soon(session.id, 1)
    assert store.undelivered() != []  # noted, not yet written
    for _ in range(50):
        await asyncio.sleep(0.02)
        if not store.undelivered():
            break
    assert store.undelivered() == []
    db.close()

"""The SalesBot Telegram bot: python-telegram-bot Application, handlers, start-up recovery, shutdown.

State lives in the database and is read per update (no ConversationHandler, no PTB persistence), so a
restart, or a second process after it, continues every session where it was (recent engine states are
also kept in memory, but used only when they match the stored state exactly). The order of work for a
trainee line is what makes a crash harmless:

1. the update is in the inbox (stored when fetched);
2. the engine computes the reply; the trainee's line, its analysis, the reply, the new engine state (and
   the assessment when the call ends) are committed in one transaction, with the update marked
   processed;
3. the reply is sent, then marked delivered (grouped with other marks).

A crash before 2 replays the update from the inbox (the engine is deterministic: same answer); between
2 and 3 start-up recovery sends the stored reply. Lines stored without their turn (by older versions,
which committed the line first) are answered by start-up recovery too.
"""

from __future__ import annotations

import asyncio
import csv
import hashlib
import io
import json
import logging
import secrets
import signal
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from telegram import (
    BotCommand,
    BotCommandScopeChat,
    BotCommandScopeDefault,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Update,
)
from telegram import User as TgUser
from telegram.constants import ChatAction
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    TypeHandler,
    filters,
)

from salesbot.core.analysis.types import Message as ChatLine
from salesbot.core.assessment import DIMENSIONS, Assessment, EmptyTranscriptError, assess
from salesbot.core.engine import SessionState, TurnResult
from salesbot.reports import render_html, render_png, render_text
from salesbot.runtime import settle_heap
from salesbot.scenario_files import MAX_BYTES, ScenarioError, load_scenario_text
from salesbot.storage import (
    AsyncStorage,
    SessionRecord,
    Storage,
    TurnWrite,
    UserRecord,
    utc_now,
)
from salesbot.telegram.aiohttp_request import AiohttpRequest
from salesbot.telegram.catalogue import ScenarioCatalogue, parse_uploads, scan_folders
from salesbot.telegram.config import BotConfig
from salesbot.telegram.delivery import (
    TELEGRAM_LIMIT,
    DurableBot,
    DurableUpdateQueue,
    TextLine,
    split_message,
)
from salesbot.telegram.processor import ChatOrderedUpdateProcessor
from salesbot.telegram.ratelimit import RetryingRateLimiter
from salesbot.telegram.texts import LANGUAGES, Texts, language_from_telegram, texts

if TYPE_CHECKING:
    from salesbot.core.scenario.model import Scenario

log = logging.getLogger(__name__)

Context = ContextTypes.DEFAULT_TYPE
TRAINEE_COMMANDS = ("start", "hint", "restart", "stop", "report", "history", "lang", "help")
TRAINER_COMMANDS = ("trainees", "export", "reload")
ALLOWED_UPDATES = ["message", "callback_query"]
MAX_PROBLEMS_SHOWN = 20
MAX_CALLBACK_DATA = 64


@dataclass
class Who:
    """The sender of an update, as read from the database for this update."""

    user: UserRecord
    chat_id: int
    t: Texts
    session: SessionRecord | None

    @property
    def is_trainer(self) -> bool:
        return self.user.is_trainer


def _load_who(
    storage: Storage, telegram_id: int, name: str, is_trainer: bool
) -> tuple[UserRecord, SessionRecord | None]:
    """One trip to the storage thread per update: the user (created on first contact) and their call."""
    user = storage.ensure_user(telegram_id, name, is_trainer)
    return user, storage.active_session(telegram_id)


def _export_data(storage: Storage) -> tuple[list[Any], dict[int, list[Any]]]:
    rows = storage.export_rows()
    return rows, {row.session_id: storage.messages(row.session_id) for row in rows}


def _pick_data(scenario_id: str) -> str:
    data = f"pick:{scenario_id}"
    if len(data.encode()) <= MAX_CALLBACK_DATA:
        return data
    # Telegram allows 64 bytes of callback data; a stable digest keeps old pickers valid after restarts.
    return "pick#" + hashlib.sha256(scenario_id.encode()).hexdigest()[:32]


class _Typing:
    """The typing indicator, sent only if the answer is not ready within `delay` seconds.

    Most answers take a few milliseconds; sending the indicator for each of them cost one Bot API request
    per trainee line (a third of the HTTP traffic) for an indicator the trainee would never see. A timer
    (not a task per line) starts the request only when the delay has passed.
    """

    def __init__(self, bot: SalesBot, chat_id: int, delay: float) -> None:
        self._bot, self._chat_id = bot, chat_id
        self._task: asyncio.Task[None] | None = None
        self._timer = asyncio.get_running_loop().call_later(max(delay, 0.0), self._start)

    def _start(self) -> None:
        self._task = asyncio.ensure_future(self._send())

    async def _send(self) -> None:
        with suppress(TelegramError):
            await self._bot.app.bot.send_chat_action(self._chat_id, ChatAction.TYPING)

    async def finish(self) -> None:
        """Call before sending the answer: the indicator is either never sent or already arrived."""
        if self._task is None:  # still waiting for its delay: cancelling means it is never sent
            self._timer.cancel()
            return
        await self._task


class _StateCache:
    """Engine states of recent sessions as objects, so a turn does not parse again the state JSON the
    previous turn wrote. An entry is used only if the stored JSON is exactly the JSON it was written
    as (the database stays the truth); it is taken out while a turn runs (the engine changes the object
    in place) and put back only after the turn's commit."""

    def __init__(self, size: int = 4096) -> None:
        self._size = size
        self._entries: dict[int, tuple[str, SessionState]] = {}

    def take(self, session: SessionRecord) -> SessionState:
        entry = self._entries.pop(session.id, None)
        if entry is not None and entry[0] == session.state:
            return entry[1]
        return SessionState.from_json(session.state)

    def put(self, session_id: int, state_json: str, state: SessionState) -> None:
        self._entries[session_id] = (state_json, state)
        if len(self._entries) > self._size:  # forget the least recently written
            del self._entries[next(iter(self._entries))]


class SalesBot:
    """Owns the Application, the storage and the scenario catalogue for one `salesbot serve` process."""

    def __init__(
        self,
        config: BotConfig,
        storage: Storage,
        *,
        catalogue: ScenarioCatalogue | None = None,
        rate_limiter: RetryingRateLimiter | None = None,
        max_concurrent_updates: int = 1024,
        poll_timeout: float = 10.0,
        seed_source: Callable[[], int] | None = None,
        typing_indicator: bool = True,
        typing_delay: float = 0.3,
        light_updates: bool = True,
    ) -> None:
        self.config = config
        self.db = AsyncStorage(storage)
        self.storage = storage
        self.catalogue = catalogue or ScenarioCatalogue(config.scenario_dirs)
        self.processor = ChatOrderedUpdateProcessor(self.db, max_concurrent_updates, self._begin_update)
        # Who sent an update, read with its duplicate check (one trip to the database per update);
        # taken by the handler's `who`, dropped when the update is done whatever the handler did.
        self._prefetched: dict[int, Who] = {}
        self.processor.on_processed.append(self._forget_prefetched)
        self.queue = DurableUpdateQueue(self.db)
        self.poll_timeout = poll_timeout
        self.seed_source = seed_source or (lambda: secrets.randbits(31))
        self.typing_indicator = typing_indicator
        self.typing_delay = typing_delay
        self.light_updates = light_updates  # plain text lines without PTB objects (see delivery.py)
        self.webhook_secret = config.webhook_secret or secrets.token_urlsafe(32)
        self._render_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="salesbot-render")
        self._states = _StateCache()
        self._stop_event: asyncio.Event | None = None
        self._started = False
        self.app = self._build_application(rate_limiter or RetryingRateLimiter())
        self._add_handlers()

    # ------------------------------------------------------------------------------ application set-up

    def _build_application(
        self, rate_limiter: RetryingRateLimiter
    ) -> Application[Any, Any, Any, Any, Any, Any]:
        api_url, file_url = self.config.api_url, self.config.file_url
        # The URLs already contain the token: give PTB callables so it does not append it again.
        # aiohttp rather than PTB's default httpx: a fraction of the CPU per request (see the module).
        request = AiohttpRequest(
            connection_pool_size=16, pool_timeout=30.0, read_timeout=30.0, write_timeout=30.0
        )
        updates_request = AiohttpRequest(connection_pool_size=2, read_timeout=self.poll_timeout + 10.0)
        self._requests = (request, updates_request)
        bot = DurableBot(
            self.config.token,
            base_url=lambda _token: api_url,
            base_file_url=lambda _token: file_url,
            request=request,
            get_updates_request=updates_request,
            rate_limiter=rate_limiter,
            db=self.db,
            queue=self.queue,
            light_updates=self.light_updates,
        )
        builder: ApplicationBuilder[Any, Any, Any, Any, Any, Any] = (
            ApplicationBuilder().bot(bot).update_queue(self.queue).concurrent_updates(self.processor)
        )
        return builder.build()

    def _add_handlers(self) -> None:
        app, private = self.app, filters.ChatType.PRIVATE
        app.add_handler(TypeHandler(TextLine, self.on_text_line))  # first: the most common update
        commands: dict[str, Callable[[Update, Context], Any]] = {
            "start": self.cmd_start,
            "help": self.cmd_help,
            "hint": self.cmd_hint,
            "restart": self.cmd_restart,
            "stop": self.cmd_stop,
            "report": self.cmd_report,
            "history": self.cmd_history,
            "lang": self.cmd_lang,
            "trainees": self.cmd_trainees,
            "export": self.cmd_export,
            "reload": self.cmd_reload,
        }
        for name, callback in commands.items():
            app.add_handler(CommandHandler(name, callback, filters=private))
        app.add_handler(CallbackQueryHandler(self.on_pick, pattern=r"^pick[:#]"))
        app.add_handler(CallbackQueryHandler(self.on_lang_button, pattern=r"^lang:"))
        app.add_handler(CallbackQueryHandler(self.on_html_button, pattern=r"^html:"))
        app.add_handler(MessageHandler(private & filters.TEXT & ~filters.COMMAND, self.on_text))
        app.add_handler(MessageHandler(private & filters.COMMAND, self.on_unknown_command))
        app.add_handler(MessageHandler(private & filters.Document.ALL, self.on_document))
        app.add_handler(MessageHandler(private & ~filters.TEXT, self.on_non_text))
        app.add_error_handler(self.on_error)

    # ----------------------------------------------------------------------------------- lifecycle

    async def start(self) -> None:
        """Initialise, recover what a crash left, then receive updates (polling or webhook)."""
        await self.reload_catalogue()
        await self.app.initialize()
        await self.register_commands()
        await self.recover()
        updater = self.app.updater
        assert updater is not None
        if self.config.webhook_url:
            path = urlsplit(self.config.webhook_url).path.lstrip("/")
            await updater.start_webhook(
                listen=self.config.listen,
                port=self.config.port,
                url_path=path,
                webhook_url=self.config.webhook_url,
                allowed_updates=ALLOWED_UPDATES,
                secret_token=self.webhook_secret,
                drop_pending_updates=False,
            )
            log.info("receiving updates by webhook on %s:%s", self.config.listen, self.config.port)
        else:
            await updater.start_polling(
                poll_interval=0.0,
                timeout=timedelta(seconds=self.poll_timeout),
                allowed_updates=ALLOWED_UPDATES,
                drop_pending_updates=False,
            )
            log.info("receiving updates by long polling")
        await self.app.start()
        self._started = True
        # What is loaded by now lives as long as the process: out of the collector's full collections,
        # which paused the event loop for up to ~180 ms under load (the largest part of the p99 latency).
        settle_heap()

    async def stop(self) -> None:
        """Stop receiving, finish every update in progress, close the database."""
        if self._started:
            updater = self.app.updater
            if updater is not None and updater.running:
                await updater.stop()
            if self.app.running:
                await self.app.stop()
            self._started = False
        with suppress(RuntimeError):
            await self.app.shutdown()
        for request in self._requests:  # also when initialize failed half-way (e.g. a rejected token)
            await request.shutdown()
        self._render_pool.shutdown(wait=True)
        await asyncio.to_thread(self.db.close)

    async def run_until_signalled(self) -> None:
        """`salesbot serve`: run until SIGTERM or SIGINT, then shut down gracefully."""
        self._stop_event = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, self._stop_event.set)
        try:
            await self.start()
            log.info("SalesBot is running; stop with Ctrl-C or SIGTERM")
            await self._stop_event.wait()
            log.info("stopping: finishing the updates in progress")
        finally:
            await self.stop()
            for sig in (signal.SIGTERM, signal.SIGINT):
                loop.remove_signal_handler(sig)

    async def register_commands(self) -> None:
        """setMyCommands in both languages (Dutch as the default), trainers get their commands too."""
        bot = self.app.bot
        for lang in (*LANGUAGES, None):
            t = texts(lang or "nl")
            listed = [BotCommand(c, t(f"commands.{c}")) for c in TRAINEE_COMMANDS]
            await bot.set_my_commands(listed, scope=BotCommandScopeDefault(), language_code=lang)
        for trainer in sorted(self.config.trainers):
            t = texts("nl")
            listed = [BotCommand(c, t(f"commands.{c}")) for c in TRAINEE_COMMANDS]
            listed += [BotCommand(c, c) for c in TRAINER_COMMANDS]
            with suppress(TelegramError):  # "chat not found" until the trainer has talked to the bot
                await bot.set_my_commands(listed, scope=BotCommandScopeChat(trainer))

    async def reload_catalogue(self) -> None:
        scan = await asyncio.to_thread(scan_folders, self.catalogue.extra_dirs)
        uploads = await self.db.run(self.storage.uploaded_scenarios)
        self.catalogue.apply(scan, await asyncio.to_thread(parse_uploads, uploads))

    async def recover(self) -> None:
        """Finish what a previous run left: turns stored but not answered, replies stored but not sent,
        updates received but not processed (in that order: it is the order they happened in)."""
        cutoff = (datetime.now(UTC) - timedelta(days=2)).isoformat()
        await self.db.run(self.storage.prune_processed, cutoff)
        for session in await self.db.run(self.storage.sessions_with_pending_turns):
            async with self.processor.lock_for(session.chat_id):
                await self._resume_turns(session)
        for outgoing in await self.db.run(self.storage.undelivered):
            async with self.processor.lock_for(outgoing.chat_id):
                await self._deliver(outgoing.chat_id, outgoing.session_id, outgoing.seq, outgoing.text)
        await self.db.flush()  # the delivered marks of the replies sent above are written
        replayed = await self.queue.replay(self.app.bot)
        if replayed:
            log.info("replaying %d update(s) received before a restart", replayed)

    async def _resume_turns(self, session: SessionRecord) -> None:
        pending = await self.db.run(self.storage.pending_trainee_messages, session.id)
        log.info("session %s: answering %d stored message(s) after a restart", session.id, len(pending))
        user = await self.db.run(self.storage.get_user, session.user_id)
        t = texts(user.language if user and user.language else "nl")
        for message in pending:
            current = await self.db.run(self.storage.get_session, session.id)
            if current is None or current.status != "active":
                return
            await self._play_turn(current, message.seq, message.text, t, None, None)

    # ------------------------------------------------------------------------------------- helpers

    @staticmethod
    def _sender(update: Update | TextLine) -> tuple[int, str, str | None, int] | None:
        """(user id, full name, Telegram language, chat id) of an update, None without user or chat."""
        if isinstance(update, TextLine):
            return update.user_id, update.full_name, update.language_code, update.chat_id
        tg_user, chat = update.effective_user, update.effective_chat
        if tg_user is None or chat is None:
            return None
        return tg_user.id, tg_user.full_name, tg_user.language_code, chat.id

    async def _begin_update(self, update: Update | TextLine) -> bool:
        """The processor's first step for every update, under the chat's lock: True for a duplicate.
        Otherwise the sender and their role-play are read in the same trip and kept for `who`."""
        sender = self._sender(update)
        if sender is None:
            return await self.db.run(self.storage.is_processed, update.update_id)
        user_id, name, language_code, chat_id = sender
        is_trainer = user_id in self.config.trainers
        context = await self.db.begin_update(update.update_id, user_id, name, is_trainer)
        if context.processed:
            return True
        assert context.user is not None
        self._prefetched[update.update_id] = self._who(context.user, language_code, chat_id, context.session)
        return False

    def _forget_prefetched(self, update: object) -> None:
        if isinstance(update, Update | TextLine):
            self._prefetched.pop(update.update_id, None)

    @staticmethod
    def _who(user: UserRecord, language_code: str | None, chat_id: int, session: SessionRecord | None) -> Who:
        lang = user.language or language_from_telegram(language_code)
        return Who(user, chat_id, texts(lang), session)

    async def who(self, update: Update | TextLine) -> Who:
        prefetched = self._prefetched.pop(update.update_id, None)
        if prefetched is not None:
            return prefetched
        sender = self._sender(update)
        assert sender is not None
        user_id, name, language_code, chat_id = sender
        is_trainer = user_id in self.config.trainers
        user, session = await self.db.run(_load_who, self.storage, user_id, name, is_trainer)
        return self._who(user, language_code, chat_id, session)

    async def send(self, chat_id: int, text: str, **kwargs: Any) -> None:
        """Send a text, split into parts under Telegram's limit; extra arguments go with the last."""
        parts = split_message(text)
        bot = self.app.bot
        assert isinstance(bot, DurableBot)
        for index, part in enumerate(parts):
            extra = kwargs if index == len(parts) - 1 else {}
            await bot.send_text(chat_id, part, **extra)

    async def _deliver(self, chat_id: int, session_id: int, seq: int, text: str) -> None:
        await self.send(chat_id, text)
        # Grouped with other replies' marks into one commit (see AsyncStorage): under load this saves
        # a commit per line; a mark lost in a crash only means the reply is sent again.
        self.db.mark_delivered_soon(session_id, seq)

    def _typing(self, chat_id: int) -> _Typing | None:
        return _Typing(self, chat_id, self.typing_delay) if self.typing_indicator else None

    def _scenario_button(self, scenario: Scenario, t: Texts) -> InlineKeyboardButton:
        label = t(
            "scenario_button",
            title=scenario.title,
            language=scenario.language.upper(),
            difficulty=t(f"difficulty.{scenario.difficulty}"),
        )
        return InlineKeyboardButton(label, callback_data=_pick_data(scenario.id))

    def _find_pick(self, data: str) -> Scenario | None:
        for scenario in self.catalogue.all():
            if _pick_data(scenario.id) == data:
                return scenario
        return None

    def _briefing(self, scenario: Scenario, t: Texts) -> str:
        lines = [t("briefing", title=scenario.title, briefing=scenario.briefing.strip())]
        if scenario.goal:
            lines.append(t("briefing_goal", goal=scenario.goal))
        persona = scenario.persona
        lines.append(t("briefing_customer", name=persona.name, role=persona.role, company=persona.company))
        lines.append("")
        lines.append(t("briefing_commands"))
        return "\n".join(lines)

    async def _new_session(self, who: Who, scenario: Scenario, update_id: int | None) -> None:
        """Start (or restart) a role-play and let the customer open, or say the customer waits."""
        engine = self.catalogue.engine(scenario.id)
        assert engine is not None
        seed = self.seed_source()
        state = engine.new_session(seed)
        opening = engine.opening(state)
        session = await self.db.run(
            self.storage.start_session,
            who.user.telegram_id,
            who.chat_id,
            scenario.id,
            seed,
            state.to_json(),
            update_id,
            opening,
        )
        if opening is None:
            await self.send(who.chat_id, who.t("customer_waits"))
        else:
            await self.send(who.chat_id, who.t("customer_opens"))
            await self._deliver(who.chat_id, session.id, 1, opening)

    async def _assess(
        self, scenario_id: str, transcript: Sequence[ChatLine], outcome: str | None
    ) -> Assessment | None:
        if not any(line.role == "seller" for line in transcript):
            return None  # the trainee said nothing: nothing to assess
        scenario = self.catalogue.get(scenario_id)
        analyzer = self.catalogue.analyzer(scenario_id) if scenario else None
        try:
            return assess(transcript, scenario, analyzer, outcome=outcome)  # type: ignore[arg-type]
        except EmptyTranscriptError:
            return None

    async def _stored_assessment(self, session_id: int) -> tuple[SessionRecord, Assessment] | None:
        """Rebuild a finished session's assessment: scoring is deterministic, the transcript is stored."""
        session = await self.db.run(self.storage.get_session, session_id)
        if session is None:
            return None
        # The engine state's transcript is what was assessed when the call ended (lines as the engine
        # normalised them), so the rebuilt report is identical to the stored one.
        transcript = SessionState.from_json(session.state).transcript
        assessment = await self._assess(session.scenario_id, transcript, session.outcome)
        return (session, assessment) if assessment is not None else None

    async def _send_assessment(self, chat_id: int, session_id: int, a: Assessment, t: Texts) -> None:
        await self.send(chat_id, render_text(a))
        png = await asyncio.get_running_loop().run_in_executor(self._render_pool, render_png, a)
        button = InlineKeyboardButton(t("html_button"), callback_data=f"html:{session_id}")
        await self.app.bot.send_photo(
            chat_id, photo=png, caption=t("assessment_caption"), reply_markup=InlineKeyboardMarkup([[button]])
        )

    async def _finish(
        self, chat_id: int, session_id: int, result: TurnResult, a: Assessment | None, t: Texts
    ) -> None:
        outcome = t(f"outcomes.{result.outcome or 'none'}")
        await self.send(chat_id, t("call_ended", outcome=outcome))
        if a is not None:
            await self._send_assessment(chat_id, session_id, a, t)
        else:
            await self.send(chat_id, t("nothing_to_assess"))

    async def _play_turn(
        self,
        session: SessionRecord,
        seq: int | None,
        text: str,
        t: Texts,
        typing: _Typing | None,
        update_id: int | None,
    ) -> None:
        """Run the engine on one trainee line, commit the line (unless already stored: `seq`) with its
        effects in one transaction, then answer. A crash before the commit loses nothing: the update
        is still in the inbox and is replayed at start-up (the engine is deterministic)."""
        line = text if seq is None else None
        engine = self.catalogue.engine(session.scenario_id)
        if engine is None:
            await self._consume_line(session, seq, line, update_id)
            await self.db.run(self.storage.abandon_session, session.id, None)
            await self.send(session.chat_id, t("scenario_gone"))
            return
        state = self._states.take(session)
        phase_before = state.phase
        try:
            result = engine.turn(state, text)
        except Exception:
            # Consume the line so one bad message cannot block the session, then tell the trainee.
            await self._consume_line(session, seq, line, update_id)
            raise
        assessment, report, score = None, None, None
        if result.ended:
            assessment = await self._assess(session.scenario_id, state.transcript, result.outcome)
            if assessment is not None:
                report, score = json.dumps(assessment.to_dict(), ensure_ascii=False), assessment.total
        analysis = json.dumps(result.analysis.to_dict(), ensure_ascii=False) if result.analysis else None
        state_json = state.to_json()
        write = TurnWrite(
            session.id,
            state_json,
            seq or 0,
            line=line,
            analysis=analysis,
            reply=result.reply,
            ended=result.ended,
            outcome=result.outcome,
            score=score,
            assessment=report,
            update_id=update_id,
        )
        reply_seq = await self.db.run(self.storage.apply_turn, write)
        if update_id is not None:
            self.processor.marked_by_handler(update_id)  # committed with the turn
        if not result.ended:
            self._states.put(session.id, state_json, state)
        if typing is not None:
            await typing.finish()  # the indicator must not arrive after the reply
        if (
            result.phase != phase_before
            and not result.ended
            and result.phase in ("information", "transformation", "closing")
        ):
            await self.send(session.chat_id, t("phase_changed", phase=t(f"phases.{result.phase}")))
        if result.reply is not None and reply_seq is not None:
            await self._deliver(session.chat_id, session.id, reply_seq, result.reply)
        if result.ended:
            await self._finish(session.chat_id, session.id, result, assessment, t)

    async def _consume_line(
        self, session: SessionRecord, seq: int | None, line: str | None, update_id: int | None
    ) -> None:
        """Store the line (if new) as consumed without changing the engine state."""
        write = TurnWrite(session.id, session.state, seq or 0, line=line, update_id=update_id)
        await self.db.run(self.storage.apply_turn, write)
        if update_id is not None:
            self.processor.marked_by_handler(update_id)

    # ------------------------------------------------------------------------------- trainee handlers

    async def cmd_start(self, update: Update, context: Context) -> None:
        who = await self.who(update)
        tg_user = update.effective_user
        assert tg_user is not None
        await self.send(who.chat_id, who.t("welcome", name=tg_user.first_name))
        await self._send_picker(who)

    async def _send_picker(self, who: Who) -> None:
        scenarios = self.catalogue.all()
        if not scenarios:
            await self.send(who.chat_id, who.t("no_scenarios"))
            return
        # Scenarios in the trainee's interface language first, then by title.
        scenarios.sort(key=lambda s: (s.language != who.t.lang, s.title.lower(), s.id))
        keyboard = [[self._scenario_button(s, who.t)] for s in scenarios]
        await self.send(who.chat_id, who.t("pick_scenario"), reply_markup=InlineKeyboardMarkup(keyboard))

    async def on_pick(self, update: Update, context: Context) -> None:
        query = update.callback_query
        assert query is not None and query.data is not None
        who = await self.who(update)
        scenario = self._find_pick(query.data)
        with suppress(TelegramError):
            await query.answer()
        if scenario is None:
            await self.send(who.chat_id, who.t("scenario_gone"))
            return
        if query.message is not None:
            with suppress(TelegramError):  # keep the chat tidy; a stale message cannot be edited
                await query.edit_message_text(who.t("chosen", title=scenario.title))
        await self.send(who.chat_id, self._briefing(scenario, who.t))
        await self._new_session(who, scenario, update.update_id)

    async def on_text(self, update: Update, context: Context) -> None:
        message = update.effective_message
        assert message is not None and message.text is not None
        await self._on_line(update, message.text)

    async def on_text_line(self, line: TextLine, context: Context) -> None:
        """The same as `on_text`, for a line read without PTB objects (see delivery.TextLine)."""
        await self._on_line(line, line.text)

    async def _on_line(self, update: Update | TextLine, text: str) -> None:
        who = await self.who(update)
        if len(text) > TELEGRAM_LIMIT:
            await self.send(who.chat_id, who.t("too_long", length=len(text), limit=TELEGRAM_LIMIT))
            return
        if not text.strip():
            await self.send(who.chat_id, who.t("empty_message"))
            return
        if who.session is None:
            await self.send(who.chat_id, who.t("no_active"))
            return
        typing = self._typing(who.chat_id)
        try:
            await self._play_turn(who.session, None, text, who.t, typing, update.update_id)
        finally:
            if typing is not None:
                await typing.finish()

    async def cmd_hint(self, update: Update, context: Context) -> None:
        who = await self.who(update)
        engine = self.catalogue.engine(who.session.scenario_id) if who.session else None
        if who.session is None or engine is None:
            await self.send(who.chat_id, who.t("no_active"))
            return
        state = SessionState.from_json(who.session.state)
        hint = engine.hint(state)
        after = state.to_json()
        if after != who.session.state:  # the engine may count hints: keep that
            write = TurnWrite(who.session.id, after, who.session.state_seq, update_id=update.update_id)
            await self.db.run(self.storage.apply_turn, write)
        await self.send(who.chat_id, who.t("hint", hint=hint))

    async def cmd_restart(self, update: Update, context: Context) -> None:
        who = await self.who(update)
        scenario_id = who.session.scenario_id if who.session else None
        if scenario_id is None:
            history = await self.db.run(self.storage.history, who.user.telegram_id, 1)
            scenario_id = history[0].scenario_id if history else None
        scenario = self.catalogue.get(scenario_id) if scenario_id else None
        if scenario is None:
            await self.send(who.chat_id, who.t("no_active" if scenario_id is None else "scenario_gone"))
            return
        await self.send(who.chat_id, who.t("restarted"))
        await self._new_session(who, scenario, update.update_id)

    async def cmd_stop(self, update: Update, context: Context) -> None:
        who = await self.who(update)
        session = who.session
        engine = self.catalogue.engine(session.scenario_id) if session else None
        if session is None:
            await self.send(who.chat_id, who.t("no_active"))
            return
        if engine is None:
            await self.db.run(self.storage.abandon_session, session.id, update.update_id)
            await self.send(who.chat_id, who.t("scenario_gone"))
            return
        typing = self._typing(who.chat_id)
        state = SessionState.from_json(session.state)
        result = engine.stop(state)
        assessment = await self._assess(session.scenario_id, state.transcript, result.outcome)
        report = json.dumps(assessment.to_dict(), ensure_ascii=False) if assessment else None
        write = TurnWrite(
            session.id,
            state.to_json(),
            session.state_seq,
            reply=result.reply,
            ended=True,
            outcome=result.outcome,
            score=assessment.total if assessment else None,
            assessment=report,
            update_id=update.update_id,
        )
        reply_seq = await self.db.run(self.storage.apply_turn, write)
        if typing is not None:
            await typing.finish()
        if result.reply is not None and reply_seq is not None:
            await self._deliver(who.chat_id, session.id, reply_seq, result.reply)
        await self._finish(who.chat_id, session.id, result, assessment, who.t)

    async def cmd_report(self, update: Update, context: Context) -> None:
        who = await self.who(update)
        args = context.args or []
        if args:
            if not who.is_trainer:
                await self.send(who.chat_id, who.t("not_trainer"))
                return
            await self._trainer_report(who, args)
            return
        record = await self.db.run(self.storage.assessment, who.user.telegram_id, 1)
        rebuilt = await self._stored_assessment(record.session_id) if record else None
        if rebuilt is None:
            await self.send(who.chat_id, who.t("report_none"))
            return
        await self._send_assessment(who.chat_id, rebuilt[0].id, rebuilt[1], who.t)

    def _date(self, iso: str | None, t: Texts) -> str:
        if not iso:
            return "-"
        return datetime.fromisoformat(iso).strftime(t("date_format"))

    def _title(self, scenario_id: str) -> str:
        scenario = self.catalogue.get(scenario_id)
        return scenario.title if scenario else scenario_id

    async def cmd_history(self, update: Update, context: Context) -> None:
        who = await self.who(update)
        rows = await self.db.run(self.storage.history, who.user.telegram_id, 30)
        if not rows:
            await self.send(who.chat_id, who.t("history_empty"))
            return
        lines = [who.t("history_header")]
        for row in rows:
            if row.status == "active":
                result = who.t("history_active")
            elif row.score is None:
                result = who.t("history_abandoned")
            else:
                result = who.t(
                    "history_score",
                    score=f"{row.score:.0f}",
                    outcome=who.t(f"outcomes.{row.outcome or 'none'}"),
                )
            lines.append(
                who.t(
                    "history_row",
                    date=self._date(row.started_at, who.t),
                    scenario=self._title(row.scenario_id),
                    result=result,
                )
            )
        await self.send(who.chat_id, "\n".join(lines))

    async def cmd_help(self, update: Update, context: Context) -> None:
        who = await self.who(update)
        text = who.t("help")
        if who.is_trainer:
            text += "\n\n" + who.t("help_trainer")
        await self.send(who.chat_id, text)

    async def cmd_lang(self, update: Update, context: Context) -> None:
        who = await self.who(update)
        args = context.args or []
        if args:
            choice = args[0].lower()[:2]
            if choice not in LANGUAGES:
                await self.send(who.chat_id, who.t("lang_unknown"))
                return
            await self.db.run(self.storage.set_language, who.user.telegram_id, choice)
            await self.send(who.chat_id, texts(choice)("lang_set"))
            return
        buttons = [
            InlineKeyboardButton(texts(lang)("language_name"), callback_data=f"lang:{lang}")
            for lang in LANGUAGES
        ]
        await self.send(who.chat_id, who.t("lang_prompt"), reply_markup=InlineKeyboardMarkup([buttons]))

    async def on_lang_button(self, update: Update, context: Context) -> None:
        query = update.callback_query
        assert query is not None and query.data is not None
        who = await self.who(update)
        choice = query.data.partition(":")[2]
        with suppress(TelegramError):
            await query.answer()
        if choice not in LANGUAGES:
            await self.send(who.chat_id, who.t("lang_unknown"))
            return
        await self.db.run(self.storage.set_language, who.user.telegram_id, choice)
        with suppress(TelegramError):
            await query.edit_message_text(texts(choice)("lang_set"))

    async def on_html_button(self, update: Update, context: Context) -> None:
        query = update.callback_query
        assert query is not None and query.data is not None
        who = await self.who(update)
        with suppress(TelegramError):
            await query.answer()
        raw_id = query.data.partition(":")[2]
        rebuilt = await self._stored_assessment(int(raw_id)) if raw_id.isdigit() else None
        # Only the trainee's own report, or any report for a trainer.
        if rebuilt is None or (rebuilt[0].user_id != who.user.telegram_id and not who.is_trainer):
            await self.send(who.chat_id, who.t("report_none"))
            return
        session, assessment = rebuilt
        html = await asyncio.get_running_loop().run_in_executor(self._render_pool, render_html, assessment)
        await self.app.bot.send_document(
            who.chat_id,
            document=html.encode("utf-8"),
            filename=f"salesbot-report-{session.id}.html",
            caption=who.t("html_caption", title=self._title(session.scenario_id)),
        )

    async def on_unknown_command(self, update: Update, context: Context) -> None:
        await self.cmd_help(update, context)

    async def on_non_text(self, update: Update, context: Context) -> None:
        who = await self.who(update)
        await self.send(who.chat_id, who.t("non_text"))

    # ------------------------------------------------------------------------------- trainer handlers

    async def _trainer(self, update: Update) -> Who | None:
        """The sender if a trainer; otherwise a polite refusal and None. Every trainer command asks."""
        who = await self.who(update)
        if not who.is_trainer:
            await self.send(who.chat_id, who.t("not_trainer"))
            return None
        return who

    async def cmd_trainees(self, update: Update, context: Context) -> None:
        who = await self._trainer(update)
        if who is None:
            return
        rows = await self.db.run(self.storage.trainee_summaries)
        if not rows:
            await self.send(who.chat_id, who.t("trainees_empty"))
            return
        lines = [who.t("trainees_header", count=len(rows))]
        for row in rows:
            average = f"{row.average_score:.0f}" if row.average_score is not None else "-"
            lines.append(
                who.t(
                    "trainees_row",
                    name=row.name or "?",
                    id=row.telegram_id,
                    sessions=row.sessions,
                    assessed=row.assessed,
                    average=average,
                )
            )
        await self.send(who.chat_id, "\n".join(lines))

    async def _trainer_report(self, who: Who, args: Sequence[str]) -> None:
        wanted, rest = args[0], args[1:]
        if len(rest) > 1 or (rest and not rest[0].isdigit()):
            await self.send(who.chat_id, who.t("report_usage"))
            return
        n = int(rest[0]) if rest else 1
        summaries = await self.db.run(self.storage.trainee_summaries)
        if wanted.lstrip("-").isdigit():
            matches = [s for s in summaries if s.telegram_id == int(wanted)]
        else:
            matches = [s for s in summaries if s.name.casefold() == wanted.casefold()]
        if not matches:
            await self.send(who.chat_id, who.t("report_user_unknown", user=wanted))
            return
        if len(matches) > 1:
            await self.send(who.chat_id, who.t("report_user_ambiguous", user=wanted))
            return
        trainee = matches[0]
        record = await self.db.run(self.storage.assessment, trainee.telegram_id, n)
        rebuilt = await self._stored_assessment(record.session_id) if record else None
        if rebuilt is None:
            await self.send(who.chat_id, who.t("report_not_found", name=trainee.name, n=n))
            return
        session, assessment = rebuilt
        header = who.t(
            "report_header",
            name=trainee.name,
            scenario=self._title(session.scenario_id),
            date=self._date(session.ended_at or session.started_at, who.t),
        )
        await self.send(who.chat_id, header)
        await self._send_assessment(who.chat_id, session.id, assessment, who.t)

    async def cmd_export(self, update: Update, context: Context) -> None:
        who = await self._trainer(update)
        if who is None:
            return
        rows, transcripts = await self.db.run(_export_data, self.storage)
        if not rows:
            await self.send(who.chat_id, who.t("export_empty"))
            return
        csv_bytes, json_bytes = await asyncio.to_thread(build_export, rows, transcripts)
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M")
        await self.app.bot.send_document(
            who.chat_id,
            document=csv_bytes,
            filename=f"salesbot-results-{stamp}.csv",
            caption=who.t("export_caption_csv", count=len(rows)),
        )
        await self.app.bot.send_document(
            who.chat_id,
            document=json_bytes,
            filename=f"salesbot-sessions-{stamp}.json",
            caption=who.t("export_caption_json"),
        )

    async def cmd_reload(self, update: Update, context: Context) -> None:
        who = await self._trainer(update)
        if who is None:
            return
        await self.reload_catalogue()
        await self.send(who.chat_id, who.t("reload_done", count=len(self.catalogue.all())))
        if self.catalogue.problems:
            await self.send(
                who.chat_id,
                self._problem_list(
                    who.t("reload_problems", count=len(self.catalogue.problems)),
                    [str(p) for p in self.catalogue.problems],
                    who.t,
                ),
            )

    def _problem_list(self, heading: str, problems: Sequence[str], t: Texts) -> str:
        shown = list(problems[:MAX_PROBLEMS_SHOWN])
        if len(problems) > MAX_PROBLEMS_SHOWN:
            shown.append(t("more_problems", count=len(problems) - MAX_PROBLEMS_SHOWN))
        return "\n".join([heading, *shown])

    async def on_document(self, update: Update, context: Context) -> None:
        message = update.effective_message
        assert message is not None and message.document is not None
        who = await self.who(update)
        if not who.is_trainer:
            await self.send(who.chat_id, who.t("non_text"))
            return
        document = message.document
        name = document.file_name or "scenario.yaml"
        if not name.lower().endswith((".yaml", ".yml")):
            await self.send(who.chat_id, who.t("upload_not_yaml"))
            return
        if document.file_size and document.file_size > MAX_BYTES:
            await self.send(who.chat_id, who.t("upload_too_big", size=document.file_size, limit=MAX_BYTES))
            return
        file = await context.bot.get_file(document.file_id)
        data = bytes(await file.download_as_bytearray())
        try:
            scenario = load_scenario_text(data, name)
        except ScenarioError as error:
            errors = [p for p in error.problems if p.severity == "error"] or error.problems
            heading = who.t("upload_errors", file=name, count=len(errors))
            await self.send(
                who.chat_id,
                self._problem_list(heading, [f"{p.line}:{p.column}: {p.message}" for p in errors], who.t),
            )
            return
        if self.catalogue.is_folder_scenario(scenario.id):
            await self.send(who.chat_id, who.t("upload_conflict", id=scenario.id))
            return
        text = data.decode("utf-8-sig")
        await self.db.run(self.storage.save_uploaded_scenario, scenario.id, text, who.user.telegram_id)
        replaced = self.catalogue.add_upload(scenario)
        await self.send(
            who.chat_id,
            who.t("upload_replaced" if replaced else "upload_ok", title=scenario.title, id=scenario.id),
        )

    # ------------------------------------------------------------------------------------ errors

    async def on_error(self, update: object, context: Context) -> None:
        log.error("error while handling an update", exc_info=context.error)
        if isinstance(update, TextLine):
            with suppress(Exception):
                await self.send(update.chat_id, texts(language_from_telegram(update.language_code))("error"))
            return
        if isinstance(update, Update) and update.effective_chat is not None:
            user = update.effective_user
            t = texts(language_from_telegram(user.language_code if isinstance(user, TgUser) else None))
            with suppress(Exception):
                await self.send(update.effective_chat.id, t("error"))


def build_export(rows: Sequence[Any], transcripts: dict[int, list[Any]]) -> tuple[bytes, bytes]:
    """CSV (one row per session, dimension scores as columns) and JSON (full transcripts)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["trainee_id", "trainee", "scenario", "date", "status", "outcome", *DIMENSIONS, "total"])
    sessions = []
    for row in rows:
        report = json.loads(row.report) if row.report else None
        dims = (report or {}).get("score", {}).get("dimensions", {})
        scores = []
        for name in DIMENSIONS:
            dim = dims.get(name)
            scores.append("" if not dim or not dim.get("applicable", True) else f"{dim['score']:.1f}")
        total = "" if row.score is None else f"{row.score:.1f}"
        writer.writerow(
            [
                row.user_id,
                row.user_name,
                row.scenario_id,
                row.started_at,
                row.status,
                row.outcome or "",
                *scores,
                total,
            ]
        )
        sessions.append(
            {
                "session_id": row.session_id,
                "trainee_id": row.user_id,
                "trainee": row.user_name,
                "scenario": row.scenario_id,
                "started_at": row.started_at,
                "ended_at": row.ended_at,
                "status": row.status,
                "outcome": row.outcome,
                "score": row.score,
                "transcript": [
                    {
                        "seq": m.seq,
                        "role": m.role,
                        "text": m.text,
                        "created_at": m.created_at,
                        "analysis": json.loads(m.analysis) if m.analysis else None,
                    }
                    for m in transcripts.get(row.session_id, [])
                ],
                "assessment": report,
            }
        )
    document = {"exported_at": utc_now(), "sessions": sessions}
    return out.getvalue().encode("utf-8"), json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")

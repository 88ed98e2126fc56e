"""`salesbot serve`: run the Telegram bot (long polling, or a webhook behind HTTPS)."""

from __future__ import annotations

import argparse
import logging
import sys

from salesbot.cli.errors import CliError

DESCRIPTION = """\
Run the SalesBot Telegram bot until SIGTERM or Ctrl-C (a graceful stop: updates in progress are
finished). Long polling by default; with --webhook-url Telegram pushes updates to this process, which
listens on --listen:--port behind an HTTPS reverse proxy. Options override environment variables:

  TELEGRAM_BOT_TOKEN          --token       bot token from @BotFather (required)
  SALESBOT_TELEGRAM_API_URL   --api-url     Bot API base URL with the token appended
                                            (default https://api.telegram.org/bot<token>)
  SALESBOT_DB                 --db          SQLite database file (default ./salesbot.db)
  SALESBOT_TRAINERS           --trainers    comma-separated Telegram user ids of trainers
  SALESBOT_SCENARIOS          --scenarios   extra scenario folder(s), ':'-separated
  SALESBOT_WEBHOOK_SECRET                   webhook secret token (default: random per start)

Prefer the environment for the token: command-line options are visible to other local users.
See docs/deployment.md."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="run the Telegram bot (polling, or --webhook-url)",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--token", help="bot token (default: $TELEGRAM_BOT_TOKEN)")
    parser.add_argument(
        "--api-url", help="Bot API base URL with the token appended ($SALESBOT_TELEGRAM_API_URL)"
    )
    parser.add_argument("--db", help="SQLite database file ($SALESBOT_DB, default ./salesbot.db)")
    parser.add_argument("--trainers", help="comma-separated trainer user ids ($SALESBOT_TRAINERS)")
    parser.add_argument("--scenarios", help="extra scenario folder(s) ($SALESBOT_SCENARIOS)")
    parser.add_argument("--webhook-url", help="public HTTPS URL Telegram posts updates to (webhook mode)")
    parser.add_argument("--listen", help="address the webhook server binds to (default 127.0.0.1)")
    parser.add_argument("--port", type=int, help="port the webhook server listens on (default 8443)")
    parser.add_argument(
        "--log-level", default="INFO", choices=["DEBUG", "INFO", "WARNING", "ERROR"], help="default INFO"
    )
    parser.set_defaults(func=run)


def _configure_logging(level: str) -> None:
    logging.basicConfig(
        level=getattr(logging, level),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    if level != "DEBUG":  # one line per HTTP request is noise at INFO (and the token is masked anyway)
        logging.getLogger("httpx").setLevel(logging.WARNING)


def run(args: argparse.Namespace) -> int:
    import asyncio
    import os

    from salesbot.telegram.config import ConfigError, load_config
    from salesbot.telegram.masking import install_token_masking, mask

    raw_token = args.token if args.token is not None else os.environ.get("TELEGRAM_BOT_TOKEN", "")
    if raw_token.strip():
        install_token_masking(raw_token.strip())  # before anything can log or fail with it
    try:
        config = load_config(
            token=args.token,
            api_url=args.api_url,
            db=args.db,
            trainers=args.trainers,
            scenarios=args.scenarios,
            webhook_url=args.webhook_url,
            listen=args.listen,
            port=args.port,
        )
    except ConfigError as error:
        raise CliError(mask(str(error))) from None
    if config.webhook_secret:
        install_token_masking(config.webhook_secret)
    _configure_logging(args.log_level)

    from telegram.error import InvalidToken, NetworkError, TelegramError

    from salesbot.storage import SqliteStorage, StorageError
    from salesbot.telegram.bot import SalesBot

    try:
        storage = SqliteStorage(config.db_path)
    except StorageError as error:
        raise CliError(mask(str(error))) from None
    try:
        bot = SalesBot(config, storage)
        install_token_masking(bot.webhook_secret)
        asyncio.run(bot.run_until_signalled())
    except InvalidToken:
        raise CliError("the Bot API rejected the bot token (check TELEGRAM_BOT_TOKEN)") from None
    except NetworkError as error:
        raise CliError(f"cannot reach the Bot API: {mask(str(error))}") from None
    except TelegramError as error:
        raise CliError(f"Bot API error: {mask(str(error))}") from None
    except OSError as error:  # e.g. the webhook port is in use
        raise CliError(mask(str(error))) from None
    except (CliError, KeyboardInterrupt):
        raise
    except Exception as error:  # main() would print str(error) unmasked: mask it here
        if os.environ.get("SALESBOT_DEBUG"):
            raise
        raise CliError(f"internal error: {type(error).__name__}: {mask(str(error))}") from None
    return 0

"""The `salesbot` command. Each sub-command is a module in salesbot/cli/commands with a `register`
function; they are discovered, so adding a command means adding one file."""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
from collections.abc import Sequence

from salesbot import __version__
from salesbot.cli import commands
from salesbot.cli.errors import CliError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="salesbot",
        description="SalesBot: practise B2B sales conversations with a simulated customer, and assess them.",
    )
    parser.add_argument("--version", action="version", version=f"salesbot {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{commands.__name__}.{info.name}")
        module.register(sub)
    return parser


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args, unknown = parser.parse_known_args(argv)
    if unknown:
        # Name the sub-command in the usage error ("salesbot play: error: ..."), not just "salesbot".
        subparser = _subparsers(parser).get(getattr(args, "command", None) or "", parser)
        subparser.error(f"unrecognized arguments: {' '.join(unknown)}")
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except CliError as error:
        print(f"salesbot {args.command}: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # no traceback reaches a user; SALESBOT_DEBUG=1 shows it
        if os.environ.get("SALESBOT_DEBUG"):
            raise
        print(f"salesbot {args.command}: internal error: {type(error).__name__}: {error}", file=sys.stderr)
        return 1

"""`salesbot schema`: the JSON Schema of scenario files, for editor autocompletion."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from salesbot.cli.errors import CliError

SCHEMA_ID = "urn:salesbot:schema:scenario:1"

DESCRIPTION = """\
Print the JSON Schema of SalesBot scenario files (or write it with --output). Point your editor's
YAML support at it for autocompletion and inline errors, e.g. with the YAML language server put this
first line in a scenario:

  # yaml-language-server: $schema=./scenario.schema.json

The schema covers structure and types; `salesbot validate` also checks meaning (ids, reachability)."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "schema",
        help="print the JSON Schema of scenario files (editor autocompletion)",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write the schema to FILE instead of stdout")
    parser.set_defaults(func=run)


def scenario_schema() -> dict[str, Any]:
    from salesbot.core.scenario.model import Scenario

    body = Scenario.model_json_schema()
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "SalesBot scenario",
        "description": "A customer for a SalesBot sales role-play: persona, facts, pains, objections, closing "
        "signals and outcomes. Documented in docs/scenarios.md.",
    }
    schema.update({k: v for k, v in body.items() if k not in ("title", "description")})
    return schema


def run(args: argparse.Namespace) -> int:
    text = json.dumps(scenario_schema(), indent=2, ensure_ascii=False) + "\n"
    if args.output in (None, "-"):
        print(text, end="")
        return 0
    target = Path(args.output)
    if target.is_dir():
        raise CliError(f"--output {args.output} is a directory; give a file name")
    try:
        target.write_text(text, encoding="utf-8")
    except OSError as error:
        raise CliError(f"cannot write {args.output}: {error.strerror or error}") from None
    return 0

"""`salesbot scenarios`: list the bundled scenarios (and those in extra folders)."""

from __future__ import annotations

import argparse
import json

from salesbot.cli.errors import CliError

DESCRIPTION = """\
List the scenarios you can play by id: the bundled ones in scenarios/, plus the folders in the
SALESBOT_SCENARIOS environment variable (separated by ':') and --dir. Invalid files are reported
on stderr and skipped; run `salesbot validate` on them for the details."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "scenarios",
        help="list the available scenarios (id, language, difficulty, title)",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--json", action="store_true", help="print a JSON list instead of a table")
    parser.add_argument("--dir", action="append", default=[], metavar="FOLDER",
                        help="also list scenarios in FOLDER (repeatable)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import sys
    from pathlib import Path

    from salesbot.scenario_files import DEFAULT_SCENARIO_ID
    from salesbot.scenario_files.catalog import ENV_VAR, load_catalogue, scenario_dirs
    from salesbot.scenario_files.loader import iter_scenario_files

    for folder in args.dir:
        if not Path(folder).is_dir():
            raise CliError(f"--dir {folder}: no such folder")
    folders = scenario_dirs(args.dir)
    for folder in folders:  # a mistyped SALESBOT_SCENARIOS folder would otherwise just list nothing extra
        if not folder.is_dir():
            print(f"warning: scenario folder {folder} (from {ENV_VAR}) does not exist", file=sys.stderr)
    files = [f for d in folders if d.is_dir() for f in iter_scenario_files(d)]
    catalogue = load_catalogue(files)
    errors = [p for p in catalogue.problems if p.severity == "error"]
    # Say why: a file that clashes with a bundled id is valid on its own, so "run validate" would not tell.
    for name in sorted({p.file for p in errors}):
        own = [p for p in errors if p.file == name]
        more = f" (and {len(own) - 1} more: run `salesbot validate {name}`)" if len(own) > 1 else ""
        print(f"skipped {own[0]}{more}", file=sys.stderr)

    rows = [catalogue.scenarios[k] for k in sorted(catalogue.scenarios)]
    if args.json:
        data = [
            {
                "id": s.id, "language": s.language, "difficulty": s.difficulty, "title": s.title,
                "industry": s.industry, "persona": f"{s.persona.name}, {s.persona.role}, {s.persona.company}",
                "default": s.id == DEFAULT_SCENARIO_ID, "path": str(path),
            }
            for s, path in rows
        ]
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    if not rows:
        print("no scenarios found")
        return 0
    width = max(len(s.id) for s, _ in rows) + 2  # room for the default marker
    print(f"{'ID':<{width}}  {'LANG':<4}  {'LEVEL':<6}  TITLE")
    for s, _path in rows:
        marker = "*" if s.id == DEFAULT_SCENARIO_ID else ""
        print(f"{s.id + marker:<{width}}  {s.language:<4}  {s.difficulty:<6}  {s.title}")
    print("\n* default scenario. Play one with: salesbot play ID")
    return 0

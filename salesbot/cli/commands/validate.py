"""`salesbot validate PATH...`: check scenario files for syntax, schema and meaning."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from salesbot.cli.errors import CliError

DESCRIPTION = """\
Check scenario files: YAML syntax, the schema (see `salesbot schema`) and their meaning (duplicate
ids, references to unknown ids, content the customer can never reach, objections nothing can
resolve). PATH is a .yaml/.yml file or a folder (searched recursively). Every problem is printed as
file:line:column: message, so editors and CI can jump to it. Exit status: 0 when every file is
valid (warnings allowed), 1 when any file has an error, 2 on a usage error."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "validate",
        help="check scenario files and report problems as file:line:column",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="scenario file or folder")
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    parser.add_argument("-q", "--quiet", action="store_true", help="print problems only, no summary line")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from salesbot.scenario_files import validate_paths
    from salesbot.scenario_files.loader import iter_scenario_files

    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        raise CliError(f"no such file or directory: {', '.join(missing)}", exit_code=2)
    files = 0
    for raw in args.paths:
        path = Path(raw)
        files += sum(1 for _ in iter_scenario_files(path)) if path.is_dir() else 1
    if files == 0:
        raise CliError(f"no .yaml or .yml files in {', '.join(args.paths)}", exit_code=2)

    problems = validate_paths(args.paths)
    for problem in problems:
        print(problem)
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    bad_files = len({p.file for p in problems if p.severity == "error" or args.strict})
    failed = errors > 0 or (args.strict and warnings > 0)
    if not args.quiet:
        summary = (
            f"{files} file{'s' if files != 1 else ''} checked: "
            f"{errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}"
        )
        summary += f" in {bad_files} file{'s' if bad_files != 1 else ''}" if failed else ", all valid"
        print(summary, file=sys.stderr if failed else sys.stdout)
    return 1 if failed else 0

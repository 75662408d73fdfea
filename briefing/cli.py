"""The ``briefing`` command: flags in, the public API called, errors out as one line.

Nothing heavy is imported before a command runs, so ``briefing --help`` is fast.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from briefing import __version__

if TYPE_CHECKING:
    from briefing.models import InputWarning

FORMAT_BY_SUFFIX = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".pdf": "pdf", ".json": "json"}
Handler = Callable[[argparse.Namespace], int]


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {value!r}") from None


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {value!r}")
    return int(value)


def _warn(warning: InputWarning) -> None:
    print(f"briefing: warning: {warning.path}: {warning.message}", file=sys.stderr)


def output_format(output: str, fmt: str | None) -> str:
    """The format asked for with ``--format``, or the one ``output``'s suffix names."""
    from briefing.errors import ConfigError

    if fmt:
        return fmt
    if output == "-":
        raise ConfigError("writing to standard output needs --format (md, html, pdf or json)")
    suffix = Path(output).suffix.lower()
    if suffix not in FORMAT_BY_SUFFIX:
        raise ConfigError(f"cannot tell the format of {output!r} from its suffix; use .md, .html, .pdf or .json")
    return FORMAT_BY_SUFFIX[suffix]


def _build(args: argparse.Namespace) -> int:
    from briefing import build_briefing, render
    from briefing.deliver import write_atomic
    from briefing.progress import StderrReporter, stage

    fmt = output_format(args.output, args.format)
    with StderrReporter(quiet=args.quiet, verbose=args.verbose) as reporter, stage(reporter, "total"):
        briefing = build_briefing(
            args.inputs,
            title=args.title,
            date=args.date or dt.date.today(),
            method=args.method,
            sentences=args.sentences,
            language=args.language,
            on_warning=_warn,
            jobs=args.jobs,
            listener=reporter,
        )
        with stage(reporter, f"render {fmt}"):
            content = render(briefing, fmt)
        with stage(reporter, "write"):
            if args.output == "-":
                if isinstance(content, bytes):
                    sys.stdout.buffer.write(content)
                else:
                    sys.stdout.write(content)
                sys.stdout.flush()
            else:
                write_atomic(args.output, content)
    return 0


def _add_build(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    build = commands.add_parser(
        "build",
        help="build a briefing from documents",
        description="Build one briefing from files, folders (read recursively) or - for standard input.",
    )
    build.add_argument("inputs", nargs="+", metavar="INPUT", help="a file, a folder, or - for standard input")
    build.add_argument("-o", "--output", required=True, metavar="OUT", help="output file (.md .html .pdf .json) or -")
    build.add_argument("-f", "--format", choices=("md", "html", "pdf", "json"), help="output format (needed with -o -)")
    build.add_argument("--title", default="Briefing", help="the briefing's title (default: %(default)s)")
    build.add_argument("--date", type=_date, help="the briefing's date, YYYY-MM-DD (default: today)")
    build.add_argument("--method", help="summary method: our default, lead, or a sumy method such as lexrank")
    build.add_argument("--sentences", type=_positive, metavar="N", help="summary sentences per story")
    build.add_argument("--language", default="english", help="language of the documents (default: %(default)s)")
    build.add_argument(
        "-j", "--jobs", type=_positive, metavar="N", help="worker processes (default: one per core of this machine)"
    )
    chatter = build.add_mutually_exclusive_group()
    chatter.add_argument("-q", "--quiet", action="store_true", help="no progress bar (warnings are still shown)")
    chatter.add_argument("-v", "--verbose", action="store_true", help="print each stage's time to standard error")
    build.set_defaults(handler=_build)


def make_parser() -> argparse.ArgumentParser:
    """The argument parser, with one sub-command per job."""
    parser = argparse.ArgumentParser(
        prog="briefing", description="Turn a pile of documents into a briefing a busy person reads in five minutes."
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    _add_build(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = make_parser().parse_args(argv)
    handler: Handler = args.handler
    from briefing.errors import BriefingError

    try:
        return handler(args)
    except BriefingError as exc:
        print(f"briefing: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        if os.environ.get("BRIEFING_DEBUG"):
            raise
        print(
            f"briefing: internal error: {type(exc).__name__}: {exc} (set BRIEFING_DEBUG=1 for the traceback)",
            file=sys.stderr,
        )
        return 70

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


def _size(value: str) -> int:
    """``20MB``, ``500KB``, ``1.5M`` or a number of bytes."""
    import re

    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmg]?)i?b?\s*", value.lower())
    if not match or float(match.group(1)) <= 0:
        raise argparse.ArgumentTypeError(f"not a size such as 20MB, 500KB or 100000: {value!r}")
    return int(float(match.group(1)) * 1024 ** " kmg".index(match.group(2) or " "))


def _parse_seconds(value: str, *, zero_ok: bool) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = float("nan")
    if not (seconds >= 0 if zero_ok else seconds > 0) or seconds == float("inf"):
        raise argparse.ArgumentTypeError(f"not a {'' if zero_ok else 'positive '}number of seconds: {value!r}")
    return seconds


def _seconds(value: str) -> float:
    return _parse_seconds(value, zero_ok=False)


def _non_negative(value: str) -> float:
    return _parse_seconds(value, zero_ok=True)


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
    from briefing.loaders import LoadOptions
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
            load_options=LoadOptions(max_bytes=args.max_size, timeout=args.timeout),
            jobs=args.jobs,
            listener=reporter,
        )
        with stage(reporter, f"render {fmt}"):
            content = render(briefing, fmt, template_dirs=args.template_dir, page_size=args.page_size)
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
        description="Build one briefing from files, folders (read recursively), globs, URLs or - (standard input).",
    )
    build.add_argument("inputs", nargs="+", metavar="INPUT", help="a file, folder, glob, URL, or - for stdin")
    build.add_argument("-o", "--output", required=True, metavar="OUT", help="output file (.md .html .pdf .json) or -")
    build.add_argument("-f", "--format", choices=("md", "html", "pdf", "json"), help="output format (needed with -o -)")
    build.add_argument("--title", default="Briefing", help="the briefing's title (default: %(default)s)")
    build.add_argument("--date", type=_date, help="the briefing's date, YYYY-MM-DD (default: today)")
    build.add_argument("--method", help="summary method: our default, lead, or a sumy method such as lexrank")
    build.add_argument("--sentences", type=_positive, metavar="N", help="summary sentences per story")
    build.add_argument("--language", default="english", help="language of the documents (default: %(default)s)")
    build.add_argument(
        "--template-dir",
        action="append",
        default=[],
        metavar="DIR",
        help="look for templates here before the defaults (repeatable; see 'briefing templates')",
    )
    build.add_argument(
        "--page-size", choices=("A4", "Letter"), default="A4", help="the PDF's paper size (default: %(default)s)"
    )
    build.add_argument(
        "--max-size",
        type=_size,
        default="20MB",
        metavar="SIZE",
        help="refuse any input larger than this, e.g. 500KB or 50MB (default: 20MB)",
    )
    build.add_argument(
        "--timeout", type=_seconds, default=10.0, metavar="SECONDS", help="time allowed per URL (default: %(default)s)"
    )
    build.add_argument(
        "-j", "--jobs", type=_positive, metavar="N", help="worker processes (default: one per core of this machine)"
    )
    chatter = build.add_mutually_exclusive_group()
    chatter.add_argument("-q", "--quiet", action="store_true", help="no progress bar (warnings are still shown)")
    chatter.add_argument("-v", "--verbose", action="store_true", help="print each stage's time to standard error")
    build.set_defaults(handler=_build)


def _daily(args: argparse.Namespace) -> int:
    from briefing.config import load_config
    from briefing.daily import run_daily

    config = load_config(
        args.config,
        {
            "title": args.title,
            "output_dir": args.output_dir,
            "formats": args.formats,
            "state": args.state,
            "lock_timeout": args.wait,
            "summary.method": args.method,
            "summary.sentences": args.sentences,
            "summary.language": args.language,
            "email.to": args.to,
        },
    )
    result = run_daily(
        config, date=args.date or dt.date.today(), dry_run=args.dry_run, force=args.force, on_warning=_warn
    )
    print(f"briefing: {result.message}")
    return 0


def _add_daily(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    daily = commands.add_parser(
        "daily",
        help="build the day's briefing from what is new, keep it, and e-mail it once",
        description="The scheduled job: brief the documents no earlier day covered, write the files into "
        "output_dir, and send the PDF unless this day was sent already. Flags override the config file.",
    )
    daily.add_argument("--config", required=True, metavar="FILE", help="the TOML config file")
    daily.add_argument("--date", type=_date, help="the day to brief, YYYY-MM-DD (default: today)")
    daily.add_argument("--dry-run", action="store_true", help="build in memory; write, record and send nothing")
    daily.add_argument("--force", action="store_true", help="send again even if this day was sent")
    daily.add_argument("--title", help="the briefing's title")
    daily.add_argument("--output-dir", metavar="DIR", help="where the day's files go")
    daily.add_argument(
        "--format", dest="formats", action="append", choices=("md", "html", "pdf", "json"), help="repeatable"
    )
    daily.add_argument("--state", metavar="FILE", help="the SQLite state file")
    daily.add_argument("--wait", type=_non_negative, metavar="SECONDS", help="how long to wait for another run")
    daily.add_argument("--method", help="summary method")
    daily.add_argument("--sentences", type=_positive, metavar="N", help="summary sentences per story")
    daily.add_argument("--language", help="language of the documents")
    daily.add_argument("--to", action="append", metavar="ADDR", help="recipient instead of the config's (repeatable)")
    daily.set_defaults(handler=_daily)


def _send(args: argparse.Namespace) -> int:
    from briefing.config import load_config
    from briefing.daily import send_file

    security = {"starttls": (True, False), "ssl": (False, True), "none": (False, False)}.get(args.security)
    config = load_config(
        args.config,
        {
            "email.to": args.to,
            "email.from": args.sender,
            "email.subject": args.subject,
            "email.smtp_host": args.smtp_host,
            "email.smtp_port": args.smtp_port,
            "email.starttls": security[0] if security else None,
            "email.ssl": security[1] if security else None,
            "email.username_env": args.username_env,
            "email.password_env": args.password_env,
        },
    )
    sent_to = send_file(config, args.file)
    print(f"briefing: sent {args.file} to {', '.join(sent_to)}")
    return 0


def _add_send(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    send = commands.add_parser(
        "send",
        help="e-mail one file now",
        description="Send FILE as an attachment. SMTP settings come from --config's [email] table, "
        "overridden by these flags; the username and password only from the environment variables named.",
    )
    send.add_argument("file", metavar="FILE", help="the file to attach, e.g. out/brief-2026-11-23.pdf")
    send.add_argument("--to", required=True, nargs="+", action="extend", metavar="ADDR", help="recipients")
    send.add_argument("--config", metavar="FILE", help="a TOML config file with an [email] table")
    send.add_argument("--from", dest="sender", metavar="ADDR", help="the sender's address")
    send.add_argument("--subject", help="the subject; may use {title} and {date}")
    send.add_argument("--smtp-host", metavar="HOST")
    send.add_argument("--smtp-port", type=_positive, metavar="PORT")
    send.add_argument("--security", choices=("starttls", "ssl", "none"), help="how to protect the connection")
    send.add_argument("--username-env", metavar="VAR", help="environment variable holding the SMTP user name")
    send.add_argument("--password-env", metavar="VAR", help="environment variable holding the SMTP password")
    send.set_defaults(handler=_send)


def _templates_list(args: argparse.Namespace) -> int:
    from briefing.render.themes import list_templates

    for name, place in list_templates(args.template_dir):
        print(f"{name}\t{place}")
    return 0


def _templates_copy(args: argparse.Namespace) -> int:
    from briefing.render.themes import copy_templates

    for path in copy_templates(args.directory, overwrite=args.force):
        print(path)
    return 0


def _add_templates(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    templates = commands.add_parser(
        "templates",
        help="list the templates, or copy the defaults to start a theme",
        description="Templates are looked up in each --template-dir, then among the defaults.",
    )
    actions = templates.add_subparsers(title="actions", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="each template name and the file it is loaded from")
    listing.add_argument("--template-dir", action="append", default=[], metavar="DIR", help="a theme folder")
    listing.set_defaults(handler=_templates_list)
    copy = actions.add_parser("copy", help="copy the default templates into DIR to start a theme")
    copy.add_argument("directory", metavar="DIR", help="the theme folder (created if needed)")
    copy.add_argument("--force", action="store_true", help="replace files already in DIR")
    copy.set_defaults(handler=_templates_copy)


def make_parser() -> argparse.ArgumentParser:
    """The argument parser, with one sub-command per job."""
    parser = argparse.ArgumentParser(
        prog="briefing", description="Turn a pile of documents into a briefing a busy person reads in five minutes."
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    _add_build(commands)
    _add_daily(commands)
    _add_send(commands)
    _add_templates(commands)
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

"""The ``briefing`` command: flags in, the public API called, errors out as one line.

The flags of every setting come from the records of :mod:`briefing.options`
and :mod:`briefing.config`, so a setting has the same name, kind and default
here, in the config file and in the README. Nothing heavy is imported before
a command runs, so ``briefing --help`` is fast.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import shutil
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from briefing._version import __version__
from briefing.config import KEYS, Config, EmailSettings, find_config, load_config
from briefing.options import FLAG, FORMATS, BuildOptions, Kind, RenderOptions, Setting, own_settings, records
from briefing.text.controls import visible

if TYPE_CHECKING:
    from briefing.errors import BriefingError
    from briefing.models import InputWarning

FORMAT_BY_SUFFIX = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".pdf": "pdf", ".json": "json"}
Handler = Callable[[argparse.Namespace], int]

EXIT_STATUS = """\
exit status:
  0    done
  1    an error, told in one line: a bad setting, no usable input, a send that failed (the files are kept)
  2    the command line is wrong
  3    --strict, and an input was left out (nothing was written or sent)
  70   an internal error: a bug (BRIEFING_DEBUG=1 shows its traceback)
  130  interrupted"""
CONFIG_HELP = "the TOML config file (default: $BRIEFING_CONFIG, ./briefing.toml, or the user's config folder)"
LIBRARIES = ("sumy", "weasyprint", "trafilatura", "jinja2", "markdown")
"""The libraries whose versions shape the output, for ``--version``."""


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {value!r}") from None


def _flag_type(kind: Kind) -> Callable[[str], object]:
    """A flag's text as its setting holds it, or argparse's one-line error."""

    def convert(text: str) -> object:
        try:
            return kind.from_text(text)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(f"{exc}: {text!r}") from None

    convert.__name__ = kind.describe  # argparse names it in its messages
    return convert


def _help(setting: Setting, default: object) -> str:
    repeat = "; repeatable" if setting.kind.repeated else ""
    return f"{setting.help} (default: {setting.shown_default(default)}{repeat})".replace("%", "%%")


def add_settings(parser: argparse.ArgumentParser, *held: type, keys: Iterable[str] | None = None) -> None:
    """A flag for each setting of ``held`` and the records they hold (only ``keys``, when given), by record."""
    wanted = set(keys) if keys is not None else None
    for record in (each for top in held for each in records(top)):
        group = parser.add_argument_group(getattr(record, "heading", None))
        for setting, default in own_settings(record):
            if not setting.flags or (wanted is not None and setting.key not in wanted):
                continue
            kind = setting.kind
            extra: dict[str, Any] = {}
            if kind is FLAG:
                extra["action"] = argparse.BooleanOptionalAction
            else:
                extra["type"] = _flag_type(kind)
                extra["metavar"] = setting.metavar or setting.key.rpartition(".")[2].upper()
                if kind.repeated:
                    extra["action"] = "append"
                if kind.choices:
                    extra["choices"] = kind.choices()
                    extra["metavar"] = setting.metavar or "{" + ",".join(kind.choices()) + "}"
            group.add_argument(*setting.flags, dest=setting.key, default=None, help=_help(setting, default), **extra)


def given_settings(args: argparse.Namespace) -> dict[str, object]:
    """The settings given as flags, by config key (dotted)."""
    return {key: value for key, value in vars(args).items() if key in KEYS}


def _config(args: argparse.Namespace) -> Config:
    return load_config(find_config(args.config), given_settings(args))


def _warn(warning: InputWarning) -> None:
    print(f"briefing: warning: {visible(warning.path)}: {visible(warning.message)}", file=sys.stderr)


def output_format(output: str, fmt: str | None) -> str:
    """The format asked for with ``--format``, or the one ``output``'s suffix names."""
    from briefing.errors import ConfigError

    if fmt:
        return fmt
    if output == "-":
        raise ConfigError(f"writing to standard output needs --format ({', '.join(FORMATS)})")
    suffix = Path(output).suffix.lower()
    if suffix not in FORMAT_BY_SUFFIX:
        raise ConfigError(f"cannot tell the format of {output!r} from its suffix; use .md, .html, .pdf or .json")
    return FORMAT_BY_SUFFIX[suffix]


def outputs(targets: Sequence[str], fmt: str | None) -> dict[str, str]:
    """Each ``-o`` target with its format; ``--format`` names standard output's, or the only target's."""
    from briefing.errors import ConfigError

    if targets.count("-") > 1:
        raise ConfigError("standard output (-o -) can take one format only")
    return {
        target: output_format(target, fmt if target == "-" or len(targets) == 1 else None)
        for target in dict.fromkeys(targets)
    }


def _write_stdout(content: str | bytes) -> None:
    """Write to standard output; closed, full or gone, that is an error of its own, not an internal one."""
    from briefing.errors import DeliveryError

    if sys.stdout is None:
        raise DeliveryError("cannot write to standard output: it is closed")
    try:
        if isinstance(content, bytes):
            sys.stdout.buffer.write(content)
        else:
            sys.stdout.write(content)
    except OSError as exc:
        raise _stdout_failed(exc) from None
    _flush_stdout()


def _flush_stdout() -> None:
    if sys.stdout is not None:
        try:
            sys.stdout.flush()
        except OSError as exc:
            raise _stdout_failed(exc) from None


def _stdout_failed(exc: OSError) -> BriefingError:
    """The error for a standard output that is full or gone; Python's own flush at exit then finds /dev/null."""
    from briefing.errors import DeliveryError

    with contextlib.suppress(OSError, ValueError, AttributeError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    return DeliveryError(f"cannot write to standard output: {exc.strerror or exc}")


def _command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    summary: str,
    description: str,
    *,
    config: bool = False,
) -> argparse.ArgumentParser:
    """A sub-command whose help ends with the exit status; with ``config``, it reads the config file."""
    parser = commands.add_parser(
        name,
        help=summary,
        description=description,
        epilog=EXIT_STATUS,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    if config:
        parser.add_argument("--config", metavar="FILE", help=CONFIG_HELP)
    return parser


def _build(args: argparse.Namespace) -> int:
    from briefing.deliver.files import StagedFile, stage_output
    from briefing.pipeline import build_briefing
    from briefing.progress import StderrReporter, stage
    from briefing.render import render, render_text

    targets = outputs(args.output, args.format)
    options = _config(args).build
    with StderrReporter(quiet=args.quiet, verbose=args.verbose) as reporter, stage(reporter, "total"):
        briefing = build_briefing(
            args.inputs, options, date=args.date or dt.date.today(), on_warning=_warn, listener=reporter
        )
        pdf = b""
        if "pdf" in targets.values():
            with stage(reporter, "render pdf"):
                pdf = render(briefing, "pdf", options.render)
        # A file's text is written to its temporary file as it is rendered, never held whole; the files are
        # put in place once every one is written; standard output, which cannot be taken back, comes last.
        staged: list[StagedFile] = []
        to_stdout: str | bytes | None = None
        try:
            for target, fmt in targets.items():
                with stage(reporter, f"render {fmt}") if fmt != "pdf" else contextlib.nullcontext():
                    if target == "-":
                        to_stdout = pdf if fmt == "pdf" else render(briefing, fmt, options.render)
                    elif made := stage_output(
                        target, pdf if fmt == "pdf" else render_text(briefing, fmt, options.render)
                    ):
                        staged.append(made)
            with stage(reporter, "write"):
                for made in staged:
                    made.commit()
                if to_stdout is not None:
                    _write_stdout(to_stdout)
        finally:
            for made in staged:
                made.discard()
    return 0


def _add_build(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    build = _command(
        commands,
        "build",
        "build a briefing from documents",
        "Build one briefing from files, folders (read recursively), globs, URLs or - (standard input), "
        "and write it in every format asked for (it is built once). Settings come from the config file, "
        "then these flags.",
        config=True,
    )
    build.add_argument("inputs", nargs="+", metavar="INPUT", help="a file, folder, glob, URL, or - for stdin")
    build.add_argument(
        "-o",
        "--output",
        action="append",
        required=True,
        metavar="OUT",
        help="an output file (.md .html .pdf .json) or - for stdout (repeatable: each format is rendered once)",
    )
    build.add_argument("-f", "--format", choices=FORMATS, help="the format of -o - (or of the only -o)")
    build.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help="the briefing's date (default: today)")
    add_settings(build, BuildOptions)
    chatter = build.add_mutually_exclusive_group()
    chatter.add_argument("-q", "--quiet", action="store_true", help="no progress bar (warnings are still shown)")
    chatter.add_argument("-v", "--verbose", action="store_true", help="print each stage's time to standard error")
    build.set_defaults(handler=_build)


def _daily(args: argparse.Namespace) -> int:
    from briefing.daily import run_daily
    from briefing.errors import ConfigError

    path = find_config(args.config)
    if path is None:
        raise ConfigError("no config file: give --config FILE, set BRIEFING_CONFIG, or write one with 'briefing init'")
    config = load_config(path, given_settings(args))
    result = run_daily(
        config, date=args.date or dt.date.today(), dry_run=args.dry_run, force=args.force, on_warning=_warn
    )
    print(f"briefing: {visible(result.message)}")
    return 0


def _add_daily(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    daily = _command(
        commands,
        "daily",
        "build the day's briefing from what is new, keep it, and e-mail it once",
        "The scheduled job: brief the documents no earlier day covered, write the files into "
        "output_dir, and send the PDF unless this day was sent already. Flags override the config file.",
        config=True,
    )
    daily.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help="the day to brief (default: today)")
    daily.add_argument("--dry-run", action="store_true", help="build in memory; write, record and send nothing")
    daily.add_argument("--force", action="store_true", help="send again even if this day was sent")
    add_settings(daily, Config, EmailSettings)
    daily.set_defaults(handler=_daily)


def _send(args: argparse.Namespace) -> int:
    from briefing.daily import send_files

    sent_to = send_files(_config(args), args.files)
    print(f"briefing: sent {', '.join(map(visible, args.files))} to {', '.join(map(visible, sent_to))}")
    return 0


def _add_send(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    send = _command(
        commands,
        "send",
        "e-mail files now",
        "Send FILE... as attachments of one message. SMTP settings and recipients come from the "
        "config file's [email] table, overridden by these flags; the username and password only from the "
        "environment variables named.",
        config=True,
    )
    send.add_argument("files", nargs="+", metavar="FILE", help="a file to attach, e.g. out/brief-2026-11-23.pdf")
    add_settings(send, BuildOptions, keys=["title"])
    add_settings(send, EmailSettings)
    send.set_defaults(handler=_send)


def _init(args: argparse.Namespace) -> int:
    from briefing.config import write_starter

    written = write_starter(Path(args.directory), overwrite=args.force)
    command, config = visible(shutil.which("briefing") or "briefing"), visible(str(written))
    print(f"briefing: wrote {config}; put documents in {visible(str(written.parent / 'in'))}")
    print("Run it each morning (and again until 09:30, to retry a failed send):")
    print(f"  cron:    30 6-9 * * *  {command} daily --config {config}")
    print(f"  systemd: ExecStart={command} daily --config {config}   (with OnCalendar=*-*-* 06..09:30:00)")
    print("  see examples/cron.txt and examples/systemd/ in the source for whole files")
    return 0


def _add_init(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    init = _command(
        commands,
        "init",
        "write a starter briefing.toml",
        "Write DIR/briefing.toml, every setting in it explained with its default, and an empty "
        "DIR/in folder for the documents; then print the cron and systemd lines that run the daily job.",
    )
    init.add_argument("directory", nargs="?", default=".", metavar="DIR", help="where to write it (default: .)")
    init.add_argument("--force", action="store_true", help="replace a briefing.toml already there")
    init.set_defaults(handler=_init)


def _templates_list(args: argparse.Namespace) -> int:
    from briefing.render.themes import list_templates

    for name, place in list_templates(args.template_dirs or ()):
        print(f"{visible(name)}\t{visible(str(place))}")
    return 0


def _templates_copy(args: argparse.Namespace) -> int:
    from briefing.render.themes import copy_templates

    for path in copy_templates(args.directory, overwrite=args.force):
        print(visible(str(path)))
    return 0


def _add_templates(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    templates = _command(
        commands,
        "templates",
        "list the templates, or copy the defaults to start a theme",
        "Templates are looked up in each --template-dir, then among the defaults.",
    )
    actions = templates.add_subparsers(title="actions", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="each template name and the file it is loaded from")
    add_settings(listing, RenderOptions, keys=["template_dirs"])
    listing.set_defaults(handler=_templates_list)
    copy = actions.add_parser("copy", help="copy the default templates into DIR to start a theme")
    copy.add_argument("directory", metavar="DIR", help="the theme folder (created if needed)")
    copy.add_argument("--force", action="store_true", help="replace files already in DIR")
    copy.set_defaults(handler=_templates_copy)


def _completion(args: argparse.Namespace) -> int:
    import shtab

    print(shtab.complete(make_parser(), shell=args.shell))
    return 0


def _add_completion(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    completion = _command(
        commands,
        "completion",
        "print a shell completion script",
        "Print the completion script for your shell, e.g. "
        "briefing completion bash > ~/.local/share/bash-completion/completions/briefing",
    )
    completion.add_argument("shell", choices=("bash", "zsh", "tcsh"), help="the shell")
    completion.set_defaults(handler=_completion)


class _Versions(argparse.Action):
    """``--version``: briefing's, and those of the libraries that shape what it writes."""

    def __call__(self, parser: argparse.ArgumentParser, *args: object, **kwargs: object) -> None:
        from importlib.metadata import PackageNotFoundError, version

        found = []
        for name in LIBRARIES:
            try:
                found.append(f"{name} {version(name)}")
            except PackageNotFoundError:
                found.append(f"{name} (not installed)")
        python = ".".join(map(str, sys.version_info[:3]))
        print(f"briefing {__version__} ({', '.join(found)}; Python {python})")
        parser.exit()


class _Parser(argparse.ArgumentParser):
    """argparse's parser, whose errors show control characters in what they quote (file names a shell expanded)."""

    def error(self, message: str) -> NoReturn:
        super().error(visible(message))


def make_parser() -> argparse.ArgumentParser:
    """The argument parser, with one sub-command per job."""
    parser: argparse.ArgumentParser = _Parser(
        prog="briefing",
        description="Turn a pile of documents into a briefing a busy person reads in five minutes.",
        epilog=EXIT_STATUS,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action=_Versions, nargs=0, help="the versions of briefing and its libraries")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    for add in (_add_build, _add_daily, _add_send, _add_init, _add_templates, _add_completion):
        add(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = make_parser().parse_args(argv)
    handler: Handler = args.handler
    from briefing.errors import BriefingError, LeftOutError

    try:
        status = handler(args)
        _flush_stdout()
        return status
    except BriefingError as exc:
        print(f"briefing: error: {visible(str(exc))}", file=sys.stderr)
        return 3 if isinstance(exc, LeftOutError) else 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        if os.environ.get("BRIEFING_DEBUG"):
            raise
        print(
            f"briefing: internal error: {type(exc).__name__}: {visible(str(exc))} "
            "(set BRIEFING_DEBUG=1 for the traceback)",
            file=sys.stderr,
        )
        return 70

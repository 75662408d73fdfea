"""Control characters, defined once: what text from outside may not carry into an output or a terminal.

Document text, file names, URLs and servers' replies are untrusted: an escape
sequence in a title could clear a terminal, a newline in a subject could forge
a header. Each place that passes such text on uses one of these.
"""

from __future__ import annotations

import re
import unicodedata

CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""C0 and C1 control characters and DEL, apart from tab, newline and carriage return."""


def without_controls(text: str) -> str:
    """``text`` minus control characters; tabs and line breaks stay (for bodies of text)."""
    return CONTROLS.sub("", text)


def one_line(text: str) -> str:
    """``text`` on one line: every control and format character a space, runs of space one (titles, subjects)."""
    shown = "".join(" " if unicodedata.category(char).startswith("C") else char for char in text)
    return " ".join(shown.split())


def visible(text: str) -> str:
    """``text`` with every control character shown as an escape (``\\x1b``, ``\\n``), as ``ls -b`` shows names.

    For anything from outside that reaches a terminal: an escape sequence cannot
    act, and a newline cannot start a forged line of output.
    """
    return "".join(_escaped(char) if unicodedata.category(char) in _HIDDEN else char for char in text)


_HIDDEN = frozenset({"Cc", "Cf", "Zl", "Zp"})
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escaped(char: str) -> str:
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

"""The one exception type users see.

Every failure a user can cause (a missing file, a bad query, an unreachable store) is raised as
``KgError`` with a message that fits on one line, so the CLI can print it and exit non-zero
without a traceback, and a notebook can catch one type. :func:`terminal_safe` makes the names
in such messages harmless to print.
"""

import re


class KgError(Exception):
    """A problem with the user's input or environment, explained in one line."""


#: What a terminal acts on instead of showing: C0 and C1 controls (escape sequences start with ESC or CSI, and
#: a title can be set with OSC ... BEL), the bidi embeddings, overrides and isolates that reverse what follows,
#: and lone surrogates (a file name that is not UTF-8), which cannot be written at all.
_TERMINAL_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def terminal_safe(text: str) -> str:
    """``text`` with every character a terminal would act on shown as an escape (``\\x1b``, ``\\u202e``).

    For names and titles that come from the input (file names, record fields) and are printed on stderr
    or stdout: a file name must not be able to set the terminal's title or reverse the line it is on.
    """
    return _TERMINAL_UNSAFE.sub(lambda m: f"\\x{ord(m[0]):02x}" if ord(m[0]) < 0x100 else f"\\u{ord(m[0]):04x}", text)

"""The one exception type users see.

Every failure a user can cause (a missing file, a bad query, an unreachable store) is raised as
``KgError`` with a message that fits on one line, so the CLI can print it and exit non-zero
without a traceback, and a notebook can catch one type.
"""


class KgError(Exception):
    """A problem with the user's input or environment, explained in one line."""

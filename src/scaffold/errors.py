"""The one exception hierarchy of scaffold.

Every error a user can cause is a :class:`ScaffoldError`; the CLI turns it into one line on stderr and
its ``exit_code`` (Click's convention: 2 for bad usage or input, 1 for a failure of the work); Ctrl-C and
SIGTERM are not errors of this kind: the CLI turns them into 130 and 143.
"""

from __future__ import annotations


class ScaffoldError(Exception):
    """Base class: a message for a person and the exit code that goes with it."""

    exit_code = 1

    def __init__(self, message: str, exit_code: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        if exit_code is not None:
            self.exit_code = exit_code

    def __str__(self) -> str:
        return self.message


class InputError(ScaffoldError):
    """Bad usage or a bad answer: an unknown key, a value outside its choices, a contradiction."""

    exit_code = 2


class TargetExistsError(InputError):
    """The target directory holds files and ``--force`` was not given."""


class RenderError(ScaffoldError):
    """Rendering or a template hook failed; nothing was left behind."""

    exit_code = 1

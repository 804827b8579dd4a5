"""The one exception hierarchy of scaffold, and the one translation of everything else into it.

Every error a user can cause is a :class:`ScaffoldError`; the CLI turns it into one line on stderr and
its ``exit_code`` (Click's convention: 2 for bad usage, bad input or an environment that refuses, 1 for a
failure of the work). Errors raised by the system or a library (``OSError``, decoding, archives, JSON, TOML,
YAML) become a ScaffoldError naming the path and the reason: inside :func:`reading`, where the path is
known, or at the command's edge by :func:`translate`. Ctrl-C, SIGTERM and SIGHUP are not errors of this
kind: see :mod:`scaffold.signals`.
"""

from __future__ import annotations

import errno
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


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


class UnsafeError(InputError):
    """A file scaffold keeps is damaged or hostile, or a write would leave the project: refused, nothing touched."""


class RenderError(ScaffoldError):
    """Rendering or a template hook failed; nothing was left behind."""

    exit_code = 1


def _first_line(err: BaseException) -> str:
    text = str(err).strip()
    return text.splitlines()[0] if text else type(err).__name__


def reason(err: BaseException) -> str:
    """A short, path-free reason for a system or library error."""
    if isinstance(err, OSError) and err.strerror:
        return err.strerror[0].lower() + err.strerror[1:]
    if isinstance(err, UnicodeDecodeError):
        return f"not UTF-8 text (byte {err.start})"
    if isinstance(err, EOFError):
        return "it ends too early (truncated)"
    return _first_line(err)


def translate(err: BaseException) -> ScaffoldError | None:
    """The ScaffoldError for a system error that reached a command's edge, or None when it is a bug."""
    if isinstance(err, ScaffoldError):
        return err
    if isinstance(err, OSError):
        names = [str(n) for n in (err.filename, err.filename2) if n is not None]
        where = " -> ".join(names) if names else "writing the output"
        if err.errno == errno.ENAMETOOLONG:
            return InputError(f"{where}: a name is too long for the file system (at most 255 bytes per name)")
        return InputError(f"{where}: {reason(err)}")
    import tarfile
    import zlib

    if isinstance(err, UnicodeDecodeError | EOFError | tarfile.TarError | zlib.error):
        return InputError(f"a file could not be read: {reason(err)}")
    return None


@contextmanager
def reading(path: Path | str, what: str) -> Iterator[None]:
    """Turn every way reading ``path`` can fail (system, decoding, parsing, archives) into one InputError."""
    import tarfile
    import zlib

    import yaml

    try:
        yield
    except ScaffoldError:
        raise
    except (OSError, ValueError, EOFError, tarfile.TarError, zlib.error, yaml.YAMLError) as err:
        raise UnsafeError(f"{what} {path} cannot be read: {reason(err)}") from err

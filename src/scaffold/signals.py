"""Ctrl-C, SIGTERM and SIGHUP: an interrupt unwinds like an exception, and the message about it is true.

SIGTERM (a supervisor) and SIGHUP (the terminal closed) are raised as :class:`Terminated`, a
``KeyboardInterrupt``, where the program is, so every ``finally`` cleans up as for Ctrl-C. Short critical
sections (moving a finished project into place, applying an update, cleaning up) run with the three signals
*blocked* rather than ignored: one that arrives meanwhile is delivered right after, never lost, and never
splits the work. :data:`progress` records what is already on disk, so the CLI's message says what is true.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

#: Exit codes: 128 + the signal number, as a shell reports them.
EXIT_CODES = {signal.SIGINT: 130, signal.SIGTERM: 143, signal.SIGHUP: 129}
STOPPING = frozenset(EXIT_CODES)


class Terminated(KeyboardInterrupt):
    """SIGTERM or SIGHUP, raised where the program is."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _raise_terminated(signum: int, frame: Any) -> None:
    raise Terminated(signum)


def _exit_quietly(signum: int, frame: Any) -> None:
    os.write(2, (progress.message() + "\n").encode())
    os._exit(EXIT_CODES.get(signal.Signals(signum), 128 + signum))


def guard_startup() -> None:
    """Until a command runs, an interrupt ends the program with one true line, not an import traceback."""
    for sig in STOPPING:
        signal.signal(sig, _exit_quietly)


@contextmanager
def handled() -> Iterator[None]:
    """While a command runs: Ctrl-C raises KeyboardInterrupt, SIGTERM and SIGHUP :class:`Terminated`."""
    previous = {sig: signal.signal(sig, _raise_terminated) for sig in (signal.SIGTERM, signal.SIGHUP)}
    previous[signal.SIGINT] = signal.signal(signal.SIGINT, signal.default_int_handler)
    progress.clear()
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


@contextmanager
def deferred() -> Iterator[None]:
    """Hold back Ctrl-C, SIGTERM and SIGHUP for a critical section; they arrive when it is over."""
    old = signal.pthread_sigmask(signal.SIG_BLOCK, STOPPING)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def exit_code(err: BaseException) -> int:
    """The exit code for an interrupt: Click turns Ctrl-C into Abort, so look at what caused it too."""
    for candidate in (err, err.__context__, err.__cause__):
        if isinstance(candidate, Terminated):
            return EXIT_CODES.get(signal.Signals(candidate.signum), 143)
    return EXIT_CODES[signal.SIGINT]


class Progress:
    """What a command has already put on disk, for the message after an interrupt."""

    def __init__(self) -> None:
        self.done: str | None = None

    def clear(self) -> None:
        self.done = None

    def record(self, what: str) -> None:
        self.done = what

    def message(self) -> str:
        if self.done is None:
            return "Interrupted; nothing was written."
        return f"Interrupted; {self.done}."


progress = Progress()

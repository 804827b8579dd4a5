"""scaffold: recommend Django, Flask or FastAPI from documented trade-offs and start the project right."""

import sys

__version__ = "0.1.0"

if sys.argv and sys.argv[0].rsplit("/", 1)[-1] == "scaffold":  # the console script, not an import by a program
    from .signals import guard_startup

    guard_startup()

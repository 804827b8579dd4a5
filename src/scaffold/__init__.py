"""scaffold: recommend Django, Flask or FastAPI from documented trade-offs and start the project right."""

__version__ = "0.1.0"

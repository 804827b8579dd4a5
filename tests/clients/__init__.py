"""External clients for baked projects: a production start, a browser, a fuzzer and a data-safety run.

``server`` starts a project's Procfile commands and speaks plain HTTP to them; the other modules build the
checks of issue 11 on it. ``tests/clients/<framework>.py`` (one per template) holds each framework's own flows.
"""

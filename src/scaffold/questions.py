"""The interview as data: every question, its choices in words, and when it is worth asking.

A question whose answer cannot change the outcome is skipped (``ask_if``). Every question has a flag
equivalent: ``--set KEY=VALUE`` with the same key. No third-party imports: :mod:`scaffold.prompts` turns
these into questionary prompts.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

YES_NO = {"yes": "Yes", "no": "No"}


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    choices: dict[str, str] = field(default_factory=lambda: dict(YES_NO))
    ask_if: Callable[[Mapping[str, str]], bool] = lambda answers: True


NEED_QUESTIONS: tuple[Question, ...] = (
    Question(
        "project_type",
        "What are you building?",
        {
            "web_app": "A multi-user web site (SaaS, shop, marketplace, CMS-backed)",
            "api": "A JSON API for a separate frontend or mobile app",
            "microservice": "A single-purpose service (webhooks, data-pipeline endpoint, integration)",
            "ml_api": "A model inference API",
            "prototype": "A prototype with uncertain requirements",
            "learning": "A project to learn how web frameworks work",
        },
    ),
    Question(
        "data_store",
        "Where does its data live?",
        {
            "relational": "A relational database (SQLite, PostgreSQL)",
            "non_relational": "A document, search or time-series store",
            "none": "No database",
        },
    ),
    Question("user_accounts", "Do users sign up and log in (with roles or permissions)?"),
    Question("admin_interface", "Do staff need an admin interface to manage the data?"),
    Question(
        "complex_data_model",
        "Many related models, with a schema that keeps evolving?",
        ask_if=lambda a: a["data_store"] == "relational",
    ),
    Question(
        "multi_tenant",
        "Several customers (tenants) sharing one deployment?",
        ask_if=lambda a: a["project_type"] in ("web_app", "api") or a["data_store"] == "relational",
    ),
    Question(
        "api_docs",
        "Generated OpenAPI documentation?",
        ask_if=lambda a: a["project_type"] != "api",
    ),
    Question("async_needed", "High-concurrency I/O, streaming or WebSockets?"),
    Question("footprint_critical", "Do memory per worker or cold starts matter (serverless, many instances)?"),
    Question("custom_architecture", "Is the architecture unusual (not the standard web-app model)?"),
    Question(
        "team_size",
        "How many developers will work on it?",
        {"solo": "Just me", "small": "Two or three", "large": "Four or more"},
    ),
    Question(
        "maintenance",
        "How long will it be maintained?",
        {"short": "Months", "long": "Years, with people coming and going"},
    ),
    Question(
        "team_expertise",
        "Does the team already know one of these frameworks well?",
        {"none": "None of them", "django": "Django", "flask": "Flask", "fastapi": "FastAPI"},
    ),
)

#: Words for stack option values; a value without words is shown as it is.
OPTION_WORDS: dict[str, str] = {
    "sqlite": "SQLite (one file, nothing to run)",
    "postgresql": "PostgreSQL (psycopg 3)",
    "none": "None",
    "celery": "Celery with a Redis broker",
    "github": "GitHub Actions",
    "gitlab": "GitLab CI",
    "yes": "Yes",
    "no": "No",
}

#: When a stack option is worth asking, given the options chosen so far.
OPTION_ASK_IF: dict[str, Callable[[Mapping[str, str]], bool]] = {
    "auth": lambda s: s["database"] != "none",
}

FRAMEWORK_WORDS = {
    "django": "Django 5.2 LTS + Django REST Framework",
    "flask": "Flask + SQLAlchemy, Login, Migrate, WTF",
    "fastapi": "FastAPI + SQLAlchemy, Alembic, Pydantic settings",
}

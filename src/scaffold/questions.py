"""The question registry: every answer scaffold takes, declared once, and every list derived from it.

A :class:`Question` has the shape of copier's: a key, a kind, its choices each with their own words, a
default, when it is worth asking, a length limit for free text, and whether the bake matrix varies it.

- ``need``: what the developer is building; feeds the recommender (:mod:`scaffold.needs`).
- ``option``: a stack option a template renders. The template's ``cookiecutter.json`` lists the values it
  offers (a subset of the choices here, its first value being its default) and ``suggest`` says which value
  the needs call for.
- ``text``: free text; the template's ``cookiecutter.json`` holds its default.

Every question has a flag equivalent, ``--set KEY=VALUE``, and is skipped when ``ask_if`` says its answer
cannot change the outcome. No third-party imports: :mod:`scaffold.prompts` turns these into prompts.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from .needs import Needs

YES_NO = {"yes": "Yes", "no": "No"}
Kind = Literal["need", "option", "text"]


def always(answers: Mapping[str, str]) -> bool:
    return True


def never(answers: Mapping[str, str]) -> bool:
    return False


@dataclass(frozen=True)
class Question:
    key: str
    kind: Kind
    prompt: str
    #: Each allowed value and the words shown for it, in the order they are offered.
    choices: Mapping[str, str] = field(default_factory=dict)
    #: A need's default; options and text take theirs from the template's cookiecutter.json.
    default: str = ""
    ask_if: Callable[[Mapping[str, str]], bool] = always
    #: Free text: the most characters allowed.
    limit: int = 0
    #: Options: the value the needs call for, given the framework (it falls back to the template default).
    suggest: Callable[[Needs, str], str] | None = None
    #: Options: the value to take when the suggestion is not offered by the template, if it is offered.
    prefer: str | None = None
    #: Options: whether the bake matrix (tests/templates/conftest.py) covers its values pairwise.
    in_matrix: bool = True
    #: Options: the value that adds the most to a project, for the matrix's fullest bake ("yes" if unset).
    fullest: str = "yes"

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(self.choices)

    @property
    def smallest(self) -> tuple[str, ...]:
        """Options: the values that add the least, in order of preference, for the matrix's smallest bake."""
        return tuple(value for value in ("none", "no") if value in self.choices)


def _database(needs: Needs, framework: str) -> str:
    if not needs.relational:
        # Django keeps sessions, users and its admin in a database of its own.
        return "sqlite" if framework == "django" else "none"
    durable = needs.team_size == "large" or needs.maintenance == "long"
    if durable or needs.yes("multi_tenant") or needs.yes("complex_data_model"):
        return "postgresql"
    return "sqlite"


def _auth(needs: Needs, framework: str) -> str:
    return "yes" if needs.yes("user_accounts") and _database(needs, framework) != "none" else "no"


def _api(needs: Needs, framework: str) -> str:
    wants_api = needs.project_type in ("api", "microservice", "ml_api") or needs.yes("api_docs")
    return "yes" if framework == "fastapi" or wants_api else "no"


QUESTIONS: tuple[Question, ...] = (
    # What is being built (the recommender's input), in the order asked.
    Question(
        "project_type",
        "need",
        "What are you building?",
        {
            "web_app": "A multi-user web site (SaaS, shop, marketplace, CMS-backed)",
            "api": "A JSON API for a separate frontend or mobile app",
            "microservice": "A single-purpose service (webhooks, data-pipeline endpoint, integration)",
            "ml_api": "A model inference API",
            "prototype": "A prototype with uncertain requirements",
            "learning": "A project to learn how web frameworks work",
        },
        default="web_app",
    ),
    Question(
        "data_store",
        "need",
        "Where does its data live?",
        {
            "relational": "A relational database (SQLite, PostgreSQL)",
            "non_relational": "A document, search or time-series store",
            "none": "No database",
        },
        default="relational",
    ),
    Question("user_accounts", "need", "Do users sign up and log in (with roles or permissions)?", YES_NO, "no"),
    Question("admin_interface", "need", "Do staff need an admin interface to manage the data?", YES_NO, "no"),
    Question(
        "complex_data_model",
        "need",
        "Many related models, with a schema that keeps evolving?",
        YES_NO,
        "no",
        ask_if=lambda a: a["data_store"] == "relational",
    ),
    Question(
        "multi_tenant",
        "need",
        "Several customers (tenants) sharing one deployment?",
        YES_NO,
        "no",
        ask_if=lambda a: a["project_type"] in ("web_app", "api") or a["data_store"] == "relational",
    ),
    Question(
        "api_docs",
        "need",
        "Generated OpenAPI documentation?",
        YES_NO,
        "no",
        ask_if=lambda a: a["project_type"] != "api",
    ),
    Question("async_needed", "need", "High-concurrency I/O, streaming or WebSockets?", YES_NO, "no"),
    Question(
        "footprint_critical",
        "need",
        "Do memory per worker or cold starts matter (serverless, many instances)?",
        YES_NO,
        "no",
    ),
    Question(
        "custom_architecture", "need", "Is the architecture unusual (not the standard web-app model)?", YES_NO, "no"
    ),
    Question(
        "team_size",
        "need",
        "How many developers will work on it?",
        {"solo": "Just me", "small": "Two or three", "large": "Four or more"},
        default="solo",
    ),
    Question(
        "maintenance",
        "need",
        "How long will it be maintained?",
        {"short": "Months", "long": "Years, with people coming and going"},
        default="short",
    ),
    Question(
        "team_expertise",
        "need",
        "Does the team already know one of these frameworks well?",
        {"none": "None of them", "django": "Django", "flask": "Flask", "fastapi": "FastAPI"},
        default="none",
    ),
    # Free text, in the order asked; the slug follows the name unless given.
    Question("project_name", "text", "Project name", limit=80),
    Question("project_slug", "text", "Python package name", ask_if=never, limit=58),
    Question("description", "text", "One-line description", limit=200),
    Question("author_name", "text", "Author", limit=100),
    Question("author_email", "text", "Author e-mail", limit=120),
    # The stack, in the order asked.
    Question(
        "database",
        "option",
        "Database",
        {"sqlite": "SQLite (one file, nothing to run)", "postgresql": "PostgreSQL (psycopg 3)", "none": "No database"},
        suggest=_database,
        fullest="postgresql",
    ),
    Question(
        "auth",
        "option",
        "User accounts (registration, login, logout)",
        YES_NO,
        ask_if=lambda s: s["database"] != "none",
        suggest=_auth,
    ),
    Question("api", "option", "JSON API", YES_NO, suggest=_api, prefer="yes"),
    Question(
        "task_queue",
        "option",
        "Background task queue",
        {"none": "None: no background worker", "celery": "Celery with a Redis broker"},
        suggest=lambda needs, framework: "none",
        fullest="celery",
    ),
    Question(
        "docker",
        "option",
        "Dockerfile and compose file",
        YES_NO,
        suggest=lambda needs, framework: "no" if needs.project_type in ("learning", "prototype") else "yes",
    ),
    Question(
        "ci",
        "option",
        "CI workflow",
        {"github": "GitHub Actions", "gitlab": "GitLab CI", "none": "No CI workflow"},
        suggest=lambda needs, framework: "none" if needs.project_type == "learning" else "github",
        fullest="github",
    ),
)

BY_KEY: Mapping[str, Question] = {question.key: question for question in QUESTIONS}
NEED_QUESTIONS: tuple[Question, ...] = tuple(q for q in QUESTIONS if q.kind == "need")
OPTION_QUESTIONS: tuple[Question, ...] = tuple(q for q in QUESTIONS if q.kind == "option")
TEXT_QUESTIONS: tuple[Question, ...] = tuple(q for q in QUESTIONS if q.kind == "text")

NEED_KEYS: tuple[str, ...] = tuple(q.key for q in NEED_QUESTIONS)
NEED_CHOICES: Mapping[str, tuple[str, ...]] = {q.key: q.values for q in NEED_QUESTIONS}
NEED_DEFAULTS: Mapping[str, str] = {q.key: q.default for q in NEED_QUESTIONS}
OPTION_KEYS: tuple[str, ...] = tuple(q.key for q in OPTION_QUESTIONS)
TEXT_KEYS: tuple[str, ...] = tuple(q.key for q in TEXT_QUESTIONS)
STACK_KEYS: tuple[str, ...] = TEXT_KEYS + OPTION_KEYS
TEXT_LIMITS: Mapping[str, int] = {q.key: q.limit for q in TEXT_QUESTIONS if q.limit}
MATRIX_KEYS: tuple[str, ...] = tuple(q.key for q in OPTION_QUESTIONS if q.in_matrix)
#: Every key an answers file, a preset or ``--set`` may hold.
KNOWN_KEYS: tuple[str, ...] = NEED_KEYS + STACK_KEYS + ("framework",)

FRAMEWORK_WORDS = {
    "django": "Django 5.2 LTS + Django REST Framework",
    "flask": "Flask + SQLAlchemy, Login, Migrate, WTF",
    "fastapi": "FastAPI + SQLAlchemy, Alembic, Pydantic settings",
}

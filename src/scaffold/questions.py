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
from itertools import combinations
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
    #: One line under the prompt that a newcomer can answer from.
    hint: str = ""
    #: Why the question is skipped when ``ask_if`` is false: said when an answer given anyway is set aside.
    moot: str = ""
    #: Needs: several choices may be picked; the value is them joined by commas in choice order, or "none".
    multiple: bool = False

    @property
    def values(self) -> tuple[str, ...]:
        """Every value the answer may take: for ``multiple``, "none" and each combination in choice order."""
        if not self.multiple:
            return tuple(self.choices)
        picks = [
            ",".join(combo) for size in range(1, len(self.choices) + 1) for combo in combinations(self.choices, size)
        ]
        return (self.default, *picks)

    def picked(self, value: str) -> tuple[str, ...]:
        """The choices a ``multiple`` answer holds ("none" holds none)."""
        return () if value == self.default else tuple(value.split(","))

    def canonical(self, value: str) -> str:
        """A ``multiple`` answer in choice order without repeats ("flask,django" -> "django,flask")."""
        if not self.multiple or value == self.default:
            return value
        parts = {part.strip() for part in value.split(",")} - {self.default}
        ordered = [choice for choice in self.choices if choice in parts]
        return ",".join(ordered) if ordered and len(ordered) == len(parts) else value

    @property
    def smallest(self) -> tuple[str, ...]:
        """Options: the values that add the least, in order of preference, for the matrix's smallest bake."""
        return tuple(value for value in ("none", "no") if value in self.choices)


def _database(needs: Needs, framework: str) -> str:
    if not needs.relational:
        # Django keeps sessions, users and its admin in a database of its own.
        return "sqlite" if framework == "django" else "none"
    durable = needs.team_size == "large" or needs.maintenance == "long" or needs.project_size == "large"
    # SQLite is one file on one machine: traffic that needs many servers needs a database server.
    if durable or needs.traffic == "high" or needs.yes("multi_tenant") or needs.yes("complex_data_model"):
        return "postgresql"
    return "sqlite"


def _auth(needs: Needs, framework: str) -> str:
    # Tenants are organisations of users who sign in (multi_tenant is asked of relational stores only).
    people = needs.yes("user_accounts") or (needs.relational and needs.yes("multi_tenant"))
    wanted = people and needs.data_store != "none"
    return "yes" if wanted and _database(needs, framework) != "none" else "no"


def _tenancy(needs: Needs, framework: str) -> str:
    tenants = needs.relational and needs.yes("multi_tenant")
    return "yes" if tenants and _auth(needs, framework) == "yes" else "no"


def _realtime(needs: Needs, framework: str) -> str:
    # Open connections are what an event loop holds cheaply and a thread pool does not.
    return "yes" if needs.yes("async_needed") and _database(needs, framework) != "none" else "no"


def _api(needs: Needs, framework: str) -> str:
    wants_api = needs.project_type in ("api", "microservice", "ml_api") or needs.yes("api_docs")
    # Flask's notes come with its API, and organisations and live updates are of notes.
    notes_options = framework == "flask" and "yes" in (_tenancy(needs, framework), _realtime(needs, framework))
    return "yes" if framework == "fastapi" or wants_api or notes_options else "no"


QUESTIONS: tuple[Question, ...] = (
    # What is being built (the recommender's input), in the order asked. Every need has a hint a newcomer can
    # answer from, and is skipped where its answer cannot change the result (``moot`` says why, if given).
    Question(
        "project_type",
        "need",
        "What are you building?",
        {
            "web_app": "A web site or web application: pages people use in a browser",
            "api": "A JSON API for a separate frontend or mobile app",
            "microservice": "A small single-purpose service (webhooks, a data-pipeline endpoint, an integration)",
            "ml_api": "A service that answers with a machine-learning model's predictions",
            "prototype": "A prototype whose requirements are still unclear",
            "learning": "A project to learn web development",
        },
        default="web_app",
        hint="Pick the closest; a simple site is a web site too.",
    ),
    Question(
        "learning_goal",
        "need",
        "What do you want to get out of it?",
        {
            "fundamentals": "Understand how a web framework works underneath",
            "career": "Skills for a job building production web applications",
        },
        default="fundamentals",
        ask_if=lambda a: a["project_type"] == "learning",
        hint="The articles answer beginners differently for these two goals.",
        moot="only a learning project has a learning goal",
    ),
    Question(
        "project_size",
        "need",
        "How big will it get?",
        {
            "unsure": "Not sure yet",
            "small": "Small: a handful of pages or endpoints with one clear purpose",
            "medium": "Medium: several features, but a scope you can see the end of",
            "large": "Large: many features and data models, growing for years",
        },
        default="unsure",
        hint="Size is what the source articles cite most often when they pick a framework.",
    ),
    Question(
        "data_store",
        "need",
        "Where does its data live?",
        {
            "relational": "In tables: SQLite or PostgreSQL",
            "non_relational": "In a document, search or time-series store (MongoDB, Elasticsearch, ...)",
            "none": "It keeps no data of its own",
        },
        default="relational",
        hint="If unsure, tables: most web applications keep their data in SQLite or PostgreSQL.",
    ),
    Question(
        "user_accounts",
        "need",
        "Do people sign up and log in?",
        YES_NO,
        "no",
        ask_if=lambda a: a["data_store"] != "none",
        hint="Yes if users have passwords, roles or permissions.",
        moot="accounts need somewhere to be kept, and data_store=none keeps nothing",
    ),
    Question(
        "admin_interface",
        "need",
        "Will staff manage the data through an admin screen?",
        YES_NO,
        "no",
        ask_if=lambda a: a["data_store"] != "none",
        hint="Back-office pages to list, add, edit and delete records.",
        moot="an admin screen manages stored data, and data_store=none stores nothing",
    ),
    Question(
        "complex_data_model",
        "need",
        "Will it have many kinds of related records whose structure keeps changing?",
        YES_NO,
        "no",
        ask_if=lambda a: a["data_store"] == "relational",
        hint="For example orders, customers, products and invoices that point at each other.",
        moot="only a relational store has a schema to migrate",
    ),
    Question(
        "multi_tenant",
        "need",
        "Will several customer organisations share one installation, each seeing only its own data?",
        YES_NO,
        "no",
        ask_if=lambda a: a["data_store"] == "relational",
        hint="Typical of software sold to companies as a service, known as SaaS.",
        moot="tenant data is kept apart in a relational store, and this project has none",
    ),
    Question(
        "security_critical",
        "need",
        "Does it handle sensitive data, such as payments, health or personal records?",
        YES_NO,
        "no",
        hint="Then safe defaults matter more than freedom of choice.",
    ),
    Question(
        "api_docs",
        "need",
        "Should it publish documentation of its API for other programs?",
        YES_NO,
        "no",
        ask_if=lambda a: a["project_type"] != "api",
        hint="An OpenAPI page that other developers or tools read.",
        moot="a JSON API always publishes its documentation here",
    ),
    Question(
        "async_needed",
        "need",
        "Will it keep many connections open or wait a lot on other services?",
        YES_NO,
        "no",
        hint="Live updates, chat, streaming, or calling slow APIs on most requests.",
    ),
    Question(
        "traffic",
        "need",
        "How much traffic do you expect?",
        {"normal": "Ordinary: one or a few servers are enough", "high": "High: many servers behind a load balancer"},
        default="normal",
        hint="Most projects start ordinary; choose high only if you already know.",
    ),
    Question(
        "footprint_critical",
        "need",
        "Will it run as many small copies or serverless functions, where memory and start-up time cost money?",
        YES_NO,
        "no",
    ),
    Question(
        "custom_architecture",
        "need",
        "Do you want to choose every component yourself rather than follow a framework's conventions?",
        YES_NO,
        "no",
        hint="Yes if your design does not fit the usual pages-and-forms-over-one-database shape.",
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
        {"short": "Months", "long": "Years"},
        default="short",
    ),
    Question(
        "team_expertise",
        "need",
        "Which of these frameworks does the team already know well?",
        {"django": "Django", "flask": "Flask", "fastapi": "FastAPI"},
        default="none",
        multiple=True,
        hint="Choose all that apply, or none.",
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
        "inference",
        "option",
        "Model serving (a trained model behind POST /predict)",
        YES_NO,
        ask_if=lambda s: s["api"] == "yes",
        suggest=lambda needs, framework: "yes" if needs.project_type == "ml_api" else "no",
        hint="A small model the project trains itself, loaded once at start-up, with /predict and /model.",
        moot="predictions are served through the JSON API, and api=no has none",
    ),
    Question(
        "tenancy",
        "option",
        "Organisations (tenants) sharing one deployment",
        YES_NO,
        ask_if=lambda s: s["auth"] == "yes",
        suggest=_tenancy,
        hint="Each organisation sees only its own data; users belong to organisations with a role.",
        moot="tenants are organisations of users, and auth=no has no users",
    ),
    Question(
        "realtime",
        "option",
        "Live updates (a WebSocket streaming changes as they happen)",
        YES_NO,
        ask_if=lambda s: s["database"] != "none",
        suggest=_realtime,
        hint="Clients get changes to the example resource as they happen; through Redis across workers.",
        moot="live updates stream changes to stored items, and database=none stores none",
    ),
    Question(
        "task_queue",
        "option",
        "Background task queue",
        {"none": "None: no background worker", "celery": "Celery with a Redis broker"},
        suggest=lambda needs, framework: "none",
        fullest="celery",
    ),
    Question(
        "error_tracking",
        "option",
        "Error tracking",
        {"none": "None: errors go to the logs only", "sentry": "Sentry, reporting errors when SENTRY_DSN is set"},
        # Many servers' logs are not read line by line: someone has to be told when an error happens.
        suggest=lambda needs, framework: "sentry" if needs.traffic == "high" or needs.maintenance == "long" else "none",
        fullest="sentry",
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


def need_value(key: str, value: str) -> str:
    """A need's answer in its one spelling: several picks in choice order ("flask,django" -> "django,flask")."""
    return BY_KEY[key].canonical(value) if key in BY_KEY else value


#: Every key an answers file, a preset or ``--set`` may hold.
KNOWN_KEYS: tuple[str, ...] = NEED_KEYS + STACK_KEYS + ("framework",)

FRAMEWORK_WORDS = {
    "django": "Django 5.2 LTS + Django REST Framework",
    "flask": "Flask + SQLAlchemy, Login, Migrate, WTF",
    "fastapi": "FastAPI + SQLAlchemy, Alembic, Pydantic settings",
}

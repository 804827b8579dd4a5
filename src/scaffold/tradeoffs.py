"""The documented trade-offs (``shared/tradeoffs.md``) as data: id, framework, points, trigger, reason.

Ids never change. ``points`` is what a trade-off adds to the framework it names when ``applies`` holds;
a negative value counts against that framework (T28, T29). ``why`` is one sentence saying why the
trade-off applies to *these* answers. ``python -m scaffold.tradeoffs`` prints the table for the README.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .needs import Needs

API_LIKE = ("api", "microservice", "ml_api")


@dataclass(frozen=True)
class TradeOff:
    id: str
    favours: str
    points: int
    claim: str
    applies: Callable[[Needs], bool]
    why: str
    trigger: str  # the condition in words, for the README table


def _standard_web_app(n: Needs) -> bool:
    return n.project_type == "web_app" and n.relational


def _has_batteries_needs(n: Needs) -> bool:
    complex_relational = n.yes("complex_data_model") and n.relational
    return complex_relational or any(n.yes(k) for k in ("user_accounts", "admin_interface", "multi_tenant"))


def _few_builtin_needs(n: Needs) -> bool:
    return n.project_type == "web_app" and not _has_batteries_needs(n)


TRADEOFFS: tuple[TradeOff, ...] = (
    TradeOff(
        "T01",
        "django",
        2,
        "Batteries included: ORM, migrations, admin, authentication, forms, caching, i18n and security come "
        "integrated, so a standard web application needs less assembly.",
        lambda n: _standard_web_app(n) and _has_batteries_needs(n),
        "A relational web app with accounts, admin, tenants or a rich model uses the pieces Django integrates.",
        "web_app on a relational store with accounts, admin, a complex model or tenants",
    ),
    TradeOff(
        "T02",
        "django",
        3,
        "The admin interface, generated from the models, replaces weeks of custom CRUD tooling for "
        "internal/back-office users.",
        lambda n: n.yes("admin_interface"),
        "You want an admin interface, and Django generates one from the models.",
        "admin_interface=yes",
    ),
    TradeOff(
        "T03",
        "django",
        2,
        "Built-in user accounts, groups, permissions and sessions (login, logout, password reset) are "
        "production-ready; role-based access is cheap.",
        lambda n: n.yes("user_accounts") and n.relational,
        "You need user accounts on a relational store, which Django ships with groups and permissions.",
        "user_accounts=yes on a relational store",
    ),
    TradeOff(
        "T04",
        "django",
        2,
        "Migrations track model changes automatically and handle data migrations too: best for complex "
        "relational models whose schema keeps evolving.",
        lambda n: n.yes("complex_data_model") and n.relational,
        "Your relational model is complex and evolving, which Django's migrations track automatically.",
        "complex_data_model=yes on a relational store",
    ),
    TradeOff(
        "T05",
        "django",
        2,
        "Enforced conventions: every Django project looks alike, so onboarding is faster and teams of more "
        "than 2-3 developers stay consistent.",
        lambda n: n.team_size == "large",
        "A team of four or more stays consistent with Django's enforced conventions.",
        "team_size=large",
    ),
    TradeOff(
        "T06",
        "django",
        1,
        "Long-lived products (years of maintenance, staff turnover) profit from predictable structure and "
        "the LTS release cycle (3 years of fixes).",
        lambda n: n.maintenance == "long",
        "The product will be maintained for years, where Django's structure and LTS releases pay off.",
        "maintenance=long",
    ),
    TradeOff(
        "T07",
        "django",
        2,
        "Content management systems, e-commerce, SaaS, marketplaces, social and multi-tenant platforms fit "
        "Django's model directly.",
        lambda n: n.project_type == "web_app" and (n.yes("multi_tenant") or (n.yes("user_accounts") and n.relational)),
        "A multi-user or multi-tenant web platform is the kind of site Django's model fits directly.",
        "web_app with tenants, or with accounts on a relational store",
    ),
    TradeOff(
        "T08",
        "django",
        1,
        "Security on by default: CSRF, clickjacking, XSS protection, SQL injection prevention via the ORM, "
        "strong password hashing.",
        lambda n: n.project_type == "web_app" and n.yes("user_accounts"),
        "A site where users log in profits from Django's security defaults.",
        "web_app with user_accounts=yes",
    ),
    TradeOff(
        "T09",
        "django",
        2,
        "When the API is one part of a larger system with admin, users and server-rendered pages, Django + "
        "Django REST Framework serves both from one codebase.",
        lambda n: (
            (n.project_type == "api" or n.yes("api_docs"))
            and (n.yes("admin_interface") or (n.project_type == "web_app" and n.yes("user_accounts")))
        ),
        "Your API sits beside an admin or user-facing pages, which Django + DRF serve from one codebase.",
        "an API (project_type=api or api_docs=yes) beside an admin or a multi-user site",
    ),
    TradeOff(
        "T10",
        "django",
        1,
        "Roughly 30-40% less infrastructure plumbing in the first months of a multi-user SaaS with auth, "
        "permissions, API and admin.",
        lambda n: (
            n.yes("user_accounts")
            and n.yes("admin_interface")
            and n.relational
            and n.project_type in ("web_app", "api")
        ),
        "Accounts plus admin on a relational store is where Django saves the most plumbing.",
        "user_accounts=yes and admin_interface=yes on a relational store",
    ),
    TradeOff(
        "T11",
        "flask",
        1,
        "Minimal core (routing, request handling, Jinja templates): nothing loaded that the app does not use.",
        lambda n: (
            n.project_type in ("microservice", "prototype", "learning")
            and not (n.yes("admin_interface") or n.yes("user_accounts"))
        ),
        "A small project without accounts or admin needs no more than Flask's minimal core.",
        "microservice, prototype or learning, without accounts or admin",
    ),
    TradeOff(
        "T12",
        "flask",
        2,
        "Freedom to compose the stack from extensions: good when requirements are unusual or the structure "
        "does not fit a standard web app.",
        lambda n: n.yes("custom_architecture"),
        "Your architecture does not fit the standard web-app model, and Flask lets you compose your own.",
        "custom_architecture=yes",
    ),
    TradeOff(
        "T13",
        "flask",
        2,
        "No assumption about the data layer: fits document stores, search engines, time-series or no database "
        "at all, where Django's ORM is dead weight.",
        lambda n: n.data_store in ("non_relational", "none"),
        "With a non-relational store or none, Flask assumes nothing about the data layer.",
        "data_store=non_relational or none",
    ),
    TradeOff(
        "T14",
        "flask",
        2,
        "Small single-purpose services fit well: microservices, webhook processors, data-pipeline endpoints, "
        "wrappers around a third-party API.",
        lambda n: n.project_type == "microservice",
        "A single-purpose service such as a webhook processor is a natural fit for Flask.",
        "project_type=microservice",
    ),
    TradeOff(
        "T15",
        "flask",
        2,
        "Lower memory and start-up cost (about 20-30 MB per worker versus 40-60 MB for a moderate Django app): "
        "matters for serverless cold starts and hundreds of instances.",
        lambda n: n.yes("footprint_critical"),
        "Footprint matters to you, and a Flask worker needs about half the memory of a Django one.",
        "footprint_critical=yes",
    ),
    TradeOff(
        "T16",
        "flask",
        3,
        "Smallest learning surface: a working route in minutes, one file to start; the usual recommendation for "
        "beginners learning how web frameworks work.",
        lambda n: n.project_type == "learning",
        "You are learning, and Flask has the smallest surface to learn first.",
        "project_type=learning",
    ),
    TradeOff(
        "T17",
        "flask",
        2,
        "Fastest to prototype when requirements are uncertain: a single file grows incrementally, no project ceremony.",
        lambda n: n.project_type == "prototype",
        "A prototype with uncertain requirements grows most easily from Flask's single file.",
        "project_type=prototype",
    ),
    TradeOff(
        "T18",
        "flask",
        7,
        "A team that already knows Flask well will outperform one still learning another framework, on a "
        "well-defined, bounded scope.",
        lambda n: n.team_expertise == "flask",
        "Your team already knows Flask well, and keeps its speed in it.",
        "team_expertise=flask",
    ),
    TradeOff(
        "T19",
        "django",
        1,
        "Flask's weak spot: no enforced structure, so large or growing teams drift apart; authentication, admin "
        "and forms must be chosen, integrated and maintained as extensions of uneven upkeep.",
        lambda n: n.team_size == "large" and n.project_type in ("web_app", "api"),
        "A large team on a web app or API would drift apart in Flask's unenforced structure.",
        "team_size=large on a web_app or api",
    ),
    TradeOff(
        "T20",
        "fastapi",
        3,
        "Pure JSON APIs consumed by a separate frontend or mobile app: typed request/response validation "
        "(Pydantic) and automatic OpenAPI docs with no extra code.",
        lambda n: (
            n.project_type == "api" or (n.yes("api_docs") and n.project_type in ("microservice", "ml_api", "prototype"))
        ),
        "You are building a JSON API (or want generated docs for a service), FastAPI's home ground.",
        "project_type=api, or api_docs=yes on a microservice, ml_api or prototype",
    ),
    TradeOff(
        "T21",
        "fastapi",
        3,
        "Native async: high-concurrency I/O-bound services, streaming and WebSockets, with throughput that "
        "matches or exceeds Flask.",
        lambda n: n.yes("async_needed"),
        "You need high-concurrency async I/O, which FastAPI does natively.",
        "async_needed=yes",
    ),
    TradeOff(
        "T22",
        "fastapi",
        4,
        "Machine-learning model serving: async endpoints, input validation and generated docs have made it the "
        "usual choice for inference APIs.",
        lambda n: n.project_type == "ml_api",
        "Model inference APIs are the usual case for FastAPI.",
        "project_type=ml_api",
    ),
    TradeOff(
        "T23",
        "fastapi",
        2,
        "For a new API project with no prior Flask investment, FastAPI is the stronger default over Flask for "
        "API work.",
        lambda n: n.project_type in API_LIKE and n.team_expertise != "flask",
        "This is API work with no Flask investment to protect, where FastAPI is the stronger default.",
        "api, microservice or ml_api, and team_expertise is not flask",
    ),
    TradeOff(
        "T24",
        "fastapi",
        1,
        "Dependency injection makes authentication, database sessions and settings explicit and testable per endpoint.",
        lambda n: n.project_type in ("api", "ml_api") and (n.yes("user_accounts") or n.relational),
        "Your API has accounts or a database, which FastAPI's dependencies make explicit per endpoint.",
        "api or ml_api with accounts or a relational store",
    ),
    TradeOff(
        "T25",
        "django",
        7,
        "A team that already knows Django well keeps its speed; switching frameworks because of an article costs "
        "more than it saves.",
        lambda n: n.team_expertise == "django",
        "Your team already knows Django well; switching would cost more than it saves.",
        "team_expertise=django",
    ),
    TradeOff(
        "T26",
        "fastapi",
        7,
        "A team that already knows FastAPI well keeps its speed on API work.",
        lambda n: n.team_expertise == "fastapi",
        "Your team already knows FastAPI well, and keeps its speed in it.",
        "team_expertise=fastapi",
    ),
    TradeOff(
        "T27",
        "flask",
        2,
        "Server-rendered small-to-medium sites with few built-in needs stay lean in Flask with Jinja templates.",
        _few_builtin_needs,
        "A site without accounts, admin, tenants or a complex model stays lean in Flask.",
        "web_app without accounts, admin, tenants or a complex model",
    ),
    TradeOff(
        "T28",
        "django",
        -2,
        "Django has a steeper start (ORM, migrations, settings, apps, URLconf at once); a beginner building a "
        "first small site pays that cost up front.",
        lambda n: n.project_type == "learning",
        "You are learning, and Django makes you meet ORM, settings, apps and URLconf at once.",
        "project_type=learning (counts against Django)",
    ),
    TradeOff(
        "T29",
        "fastapi",
        -3,
        "FastAPI does not bring an admin, a user system or server-rendered forms: for content-heavy multi-user "
        "sites it needs as much assembly as Flask.",
        lambda n: n.project_type == "web_app" and (n.yes("user_accounts") or n.yes("admin_interface")),
        "A multi-user site needs an admin or user system that FastAPI does not bring.",
        "web_app with accounts or admin (counts against FastAPI)",
    ),
    TradeOff(
        "T30",
        "flask",
        0,
        "Raw framework overhead rarely matters: database, caching and infrastructure dominate; so performance "
        "alone should never outweigh fit.",
        lambda n: n.yes("footprint_critical") and _has_batteries_needs(n),
        "Footprint counts only lightly (T15 adds 2 points) next to the accounts, admin or model you need.",
        "footprint_critical=yes beside accounts, admin, tenants or a complex model (0 points: keeps T15 light)",
    ),
)

BY_ID: dict[str, TradeOff] = {t.id: t for t in TRADEOFFS}


def markdown_table() -> str:
    """The README's table of trade-offs, generated from the data so the two never drift."""
    lines = ["| id | framework | points | applies when |", "|---|---|---|---|"]
    for t in TRADEOFFS:
        lines.append(f"| {t.id} | {t.favours} | {t.points:+d} | {t.trigger} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(markdown_table())

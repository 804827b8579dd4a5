"""The trade-offs behind the recommendation, as data, each traced to the articles it comes from.

Five comparison articles are the recommender's sources (``docs/tradeoffs.md`` lists them). Every trade-off
names the framework it favours, its points, the group of related claims it belongs to, when it applies, one
sentence saying why it applies to *these* answers, and what each source article claims, paraphrased.

Scoring rules, stated once (:mod:`scaffold.recommend` applies them):

- Points are never negative: a weakness of one framework is written as the strength of another.
- A group is one idea said several ways (the built-in pieces of a multi-user site, say). Per framework, a
  group adds at most its cap, so one answer cannot stack restatements of one idea.
- Where the sources disagree, each side is its own trade-off and ``disputes`` links them; when both apply,
  the output says so.

Ids never change; an id whose claim none of the sources makes is retired (:data:`RETIRED`), not reused.
``python -m scaffold.docgen`` writes ``docs/tradeoffs.md`` from this module.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from .needs import Needs

#: The source articles, by file name, with what each is.
SOURCES: Mapping[str, str] = {
    "000_814d65fdf42e8148.txt": "Django vs Flask: Comparing Python's Top Web Frameworks (a long comparison)",
    "001_233a33760e93f009.txt": "Working with Web Frameworks (Django, Flask), from noob to master",
    "002_5563ffd67f57cf2e.txt": "Flask vs. Django: Which Python framework suits you? (Outsource Accelerator)",
    "003_353df0017b10e2c4.txt": "An essay on the two philosophies, Django or Flask, with a section on FastAPI",
    "004_c1fe459370eea53a.txt": "Flask vs Django, a practitioner's guide (Lycore), with FastAPI for APIs",
}
S0, S1, S2, S3, S4 = SOURCES

#: Each group's cap: the most it adds to one framework, whatever else in it applies.
GROUPS: Mapping[str, int] = {
    "expertise": 4,
    "built-ins": 4,
    "size": 2,
    "team": 2,
    "security": 2,
    "scale": 2,
    "api": 3,
    "services": 2,
    "ml": 3,
    "learning": 3,
    "prototype": 2,
    "freedom": 2,
    "data layer": 2,
    "footprint": 2,
    "async": 2,
    "community": 1,
}

#: Ids no longer used, and why; they are never given to a new claim.
RETIRED: Mapping[str, str] = {
    "T11": "restated the microservice, prototype and learning claims (T14, T17, T16)",
    "T19": "restated T05 from Flask's side",
    "T23": "overstated the sources; replaced by T41",
    "T24": "dependency injection as a reason is in none of the sources",
    "T28": "a penalty; the steeper start is part of T16",
    "T29": "penalised FastAPI alone for what Flask needs too; the built-in pieces (T01-T10) say it",
    "T30": "folded into T15",
}

API_LIKE = ("api", "microservice", "ml_api")


@dataclass(frozen=True)
class TradeOff:
    id: str
    favours: str
    points: int
    group: str
    claim: str
    applies: Callable[[Needs], bool]
    why: str
    trigger: str  # the condition in words, for the docs
    #: What each source article claims, paraphrased, by file name.
    sources: Mapping[str, str]
    #: The id of a trade-off that says the opposite, where the sources disagree.
    disputes: str | None = None


def _stored(n: Needs) -> bool:
    return n.data_store != "none"


def _accounts(n: Needs) -> bool:
    return n.yes("user_accounts") and _stored(n)


def _admin(n: Needs) -> bool:
    return n.yes("admin_interface") and _stored(n)


def _has_builtin_needs(n: Needs) -> bool:
    model = n.relational and (n.yes("complex_data_model") or n.yes("multi_tenant"))
    return model or _accounts(n) or _admin(n)


def _bounded(n: Needs) -> bool:
    return n.project_size in ("small", "medium") or n.project_type in ("microservice", "prototype")


TRADEOFFS: tuple[TradeOff, ...] = (
    TradeOff(
        "T01",
        "django",
        1,
        "built-ins",
        "Batteries included: ORM, migrations, admin, authentication and forms come integrated, so a standard "
        "data-driven web application needs less assembly.",
        lambda n: n.project_type == "web_app" and n.relational and _has_builtin_needs(n),
        "A relational web app with accounts, admin, tenants or a rich model uses the pieces Django integrates.",
        "web_app on a relational store with accounts, admin, a complex model or tenants",
        {
            S0: "Built-in ORM, admin and authentication make complex, data-driven sites quick to build.",
            S2: "Everything a web project needs is bundled, so developers work on the application, not groundwork.",
            S3: "Installed, it already has ORM, accounts, admin, forms, security and migrations ready.",
            S4: "A complete opinionated stack, very productive when the project fits its conventions.",
        },
    ),
    TradeOff(
        "T02",
        "django",
        2,
        "built-ins",
        "The admin interface, generated from the models, replaces weeks of custom back-office work.",
        _admin,
        "You want an admin screen, and Django generates one from the models.",
        "admin_interface=yes (with a data store)",
        {
            S0: "The admin panel is one of the built-in tools.",
            S1: "The built-in admin makes managing the site's back end easy.",
            S2: "Pick Django when you need built-in authentication, database management and admin.",
            S3: "A complete web application with an admin panel is where Django still leads.",
            S4: "The generated admin alone can replace weeks of custom internal tooling.",
        },
    ),
    TradeOff(
        "T03",
        "django",
        2,
        "built-ins",
        "Accounts, groups, permissions and sessions (login, logout, password reset) are built in.",
        lambda n: _accounts(n) and n.relational,
        "You need user accounts on a relational store, which Django ships with groups and permissions.",
        "user_accounts=yes on a relational store",
        {
            S0: "Authentication and authorisation (users, groups, permissions, sessions) are ready to use.",
            S2: "Authentication is among the features Django bundles.",
            S4: "Login, logout, password reset and sessions are production-ready out of the box.",
        },
    ),
    TradeOff(
        "T04",
        "django",
        2,
        "built-ins",
        "Migrations track model changes and handle data migrations too: best for complex relational models whose "
        "schema keeps evolving.",
        lambda n: n.relational and n.yes("complex_data_model"),
        "Your relational model is complex and evolving, which Django's migrations track automatically.",
        "complex_data_model=yes on a relational store",
        {
            S3: "Django shines on projects with complex data structures.",
            S4: "Its migration system is more mature than Alembic through Flask-Migrate, which matters for "
            "evolving models.",
        },
    ),
    TradeOff(
        "T07",
        "django",
        1,
        "built-ins",
        "Content sites, e-commerce, SaaS, marketplaces and multi-tenant platforms fit Django's model directly.",
        lambda n: n.relational and (n.yes("multi_tenant") or (n.project_type == "web_app" and _accounts(n))),
        "A multi-user or multi-tenant platform is the kind of site Django's model fits directly.",
        "multi_tenant=yes, or a web_app with accounts, on a relational store",
        {
            S1: "Content management systems and large web applications are its use cases.",
            S3: "CMSs, social platforms, e-commerce and enterprise projects are where it shines.",
            S4: "Multi-tenancy is on its list; SaaS, CMS sites and marketplaces fit its profile.",
        },
    ),
    TradeOff(
        "T10",
        "django",
        1,
        "built-ins",
        "In the first months of a multi-user platform with accounts and admin, Django saves a large share of the "
        "plumbing.",
        lambda n: _accounts(n) and _admin(n) and n.relational,
        "Accounts plus admin on a relational store is where Django saves the most plumbing.",
        "user_accounts=yes and admin_interface=yes on a relational store",
        {S4: "Estimates 30-40% less infrastructure work in the first two months of such a platform."},
    ),
    TradeOff(
        "T34",
        "flask",
        2,
        "size",
        "Small and medium projects are Flask's ground: less code and setup for what they need.",
        lambda n: n.project_size in ("small", "medium"),
        "A small or medium project is where the articles put Flask.",
        "project_size=small or medium",
        {
            S0: "Flask suits smaller applications; Django the larger ones.",
            S1: "An excellent choice for small to medium-sized applications.",
            S2: "Well suited to small and medium projects that want flexibility.",
            S3: "Less code for a small task; pick it for small, specialised projects.",
        },
    ),
    TradeOff(
        "T35",
        "django",
        2,
        "size",
        "Large projects profit from Django's structure, which keeps a growing codebase in order.",
        lambda n: n.project_size == "large",
        "A large project is where the articles put Django.",
        "project_size=large",
        {
            S0: "Its comprehensive feature set is ideal for larger projects.",
            S1: "Suited to large-scale web applications.",
            S2: "More suitable for larger projects with complex requirements.",
            S3: "As a project grows, Django's structure keeps it orderly.",
        },
    ),
    TradeOff(
        "T27",
        "flask",
        1,
        "size",
        "A site with few built-in needs stays lean in Flask: only the components it uses.",
        lambda n: n.project_type == "web_app" and n.project_size != "large" and not _has_builtin_needs(n),
        "A site without accounts, admin, tenants or a complex model stays lean in Flask.",
        "web_app, not large, without accounts, admin, tenants or a complex model",
        {
            S0: "Consider Flask for a smaller, simpler application that does not need all of Django.",
            S4: "Django costs more memory and start-up for applications that use few of its features.",
        },
    ),
    TradeOff(
        "T05",
        "django",
        2,
        "team",
        "Enforced conventions: every Django project looks alike, so teams stay consistent and onboarding is fast; "
        "Flask projects drift apart as teams grow.",
        lambda n: n.team_size == "large",
        "A team of four or more stays consistent with Django's enforced conventions.",
        "team_size=large",
        {
            S0: "Convention over configuration enforces a structure that is easier to maintain.",
            S4: "Past two or three developers, its predictable structure shortens onboarding and reviews; "
            "Flask teams diverge.",
        },
    ),
    TradeOff(
        "T06",
        "django",
        1,
        "team",
        "Long-lived products profit from predictable structure and the long-term-support releases.",
        lambda n: n.maintenance == "long",
        "The product will be maintained for years, where Django's structure and LTS releases pay off.",
        "maintenance=long",
        {
            S2: "Pick it when you prioritise maintainability.",
            S4: "A long maintenance period is on its list, and each LTS release gets three years of fixes.",
        },
    ),
    TradeOff(
        "T08",
        "django",
        2,
        "security",
        "Security on by default: CSRF, clickjacking and XSS protection, SQL injection prevention, strong "
        "password hashing.",
        lambda n: n.yes("security_critical"),
        "Your data is sensitive, and Django's protections are on by default.",
        "security_critical=yes",
        {
            S0: "Ships protection against XSS, CSRF and SQL injection; in Flask security is assembled from extensions.",
            S1: "Suits high-traffic sites that need robust security.",
            S2: "For projects where security is essential, with CSRF, SQL injection and password handling built in.",
            S4: "Its security defaults are strong and on by default.",
        },
    ),
    TradeOff(
        "T37",
        "django",
        2,
        "scale",
        "Built for heavy traffic: a caching framework, horizontal scaling and a record at very large sites.",
        lambda n: n.traffic == "high",
        "You expect high traffic, and Django has caching and a record of scaling out.",
        "traffic=high",
        {
            S0: "Caching and load balancing help it handle heavy traffic; Flask needs more setup for them.",
            S1: "Suited to high-traffic websites.",
            S4: "Scales horizontally, with a proven record at very large scale.",
        },
        disputes="T38",
    ),
    TradeOff(
        "T38",
        "flask",
        1,
        "scale",
        "Flask scales too: its finer control helps tuning, and the team's proficiency decides more than the framework.",
        lambda n: n.traffic == "high",
        "High traffic is not Django's alone: Flask scales, and the team's skill decides more.",
        "traffic=high",
        {S0: "Both scale to high demand; the project's structure and the team's proficiency usually decide."},
        disputes="T37",
    ),
    TradeOff(
        "T15",
        "flask",
        2,
        "footprint",
        "Lower memory and start-up cost per worker; raw speed matters only at very high request rates or for "
        "serverless cold starts, and is negligible for most applications.",
        lambda n: n.yes("footprint_critical"),
        "Memory and start-up cost matter to you, and a Flask worker needs about half a Django one.",
        "footprint_critical=yes",
        {
            S0: "Slightly faster out of the box, though for most applications the difference is negligible.",
            S2: "Its lightweight nature gives faster response times.",
            S4: "About 20-30 MB per worker against 40-60 MB for Django; counts for serverless and many instances.",
        },
    ),
    TradeOff(
        "T20",
        "fastapi",
        3,
        "api",
        "Pure JSON APIs: typed validation and OpenAPI documentation come built in, with performance that matches "
        "or exceeds Flask.",
        lambda n: n.project_type == "api",
        "You are building a JSON API, which the newer articles give to FastAPI.",
        "project_type=api",
        {
            S3: "For a purely high-performance API, FastAPI deserves consideration on its own.",
            S4: "The strongest option today for pure API development; evaluate it before defaulting to Flask.",
        },
    ),
    TradeOff(
        "T32",
        "flask",
        2,
        "api",
        "Flask is a long-standing choice for REST APIs, with extensions that add OpenAPI documentation; for a "
        "separate frontend, Django's templates and forms are unused weight.",
        lambda n: n.project_type == "api",
        "A JSON API is a classic Flask project, with extensions for validation and docs.",
        "project_type=api",
        {
            S0: "With extensions such as Flask-RESTful it is a popular choice for REST APIs.",
            S1: "Widely used for RESTful services and APIs.",
            S4: "Traditionally preferred for lightweight REST APIs (Flask-Smorest adds OpenAPI); for a JSON API "
            "behind a separate frontend Django's templates are irrelevant.",
        },
    ),
    TradeOff(
        "T40",
        "django",
        1,
        "api",
        "Django REST Framework is a mature API toolkit: serializers, viewsets, pagination, authentication.",
        lambda n: n.project_type == "api",
        "Django REST Framework makes a comprehensive API practical too.",
        "project_type=api",
        {
            S0: "Serves REST APIs well with DRF, which brings more ready-made features.",
            S4: "DRF is mature and feature-rich, with a browsable API.",
        },
    ),
    TradeOff(
        "T09",
        "django",
        2,
        "built-ins",
        "When the API is one part of a system with admin, users and server-rendered pages, Django + DRF serve "
        "both from one codebase.",
        lambda n: (n.project_type == "api" or n.yes("api_docs")) and _admin(n),
        "Your API sits beside an admin screen, and Django + DRF serve both from one codebase.",
        "an API (project_type=api or api_docs=yes) beside an admin",
        {S4: "Same models, authentication and permissions for the API and the web interface: no second codebase."},
    ),
    TradeOff(
        "T42",
        "fastapi",
        1,
        "api",
        "Generated OpenAPI documentation and validation from type hints, with no extra code.",
        lambda n: n.yes("api_docs") and n.project_type in ("microservice", "ml_api", "prototype"),
        "You want generated API documentation, which FastAPI writes from type hints.",
        "api_docs=yes on a microservice, ml_api or prototype",
        {
            S3: "Automatic documentation and validation based on type hints.",
            S4: "Pydantic validation and generated OpenAPI docs come with it.",
        },
    ),
    TradeOff(
        "T14",
        "flask",
        2,
        "services",
        "Small single-purpose services fit well: microservices, webhook processors, data-pipeline endpoints, "
        "wrappers around a third-party API.",
        lambda n: n.project_type == "microservice",
        "A single-purpose service such as a webhook processor is a natural fit for Flask.",
        "project_type=microservice",
        {
            S3: "Stands out for microservices and small APIs.",
            S4: "Standalone microservices, webhook processors and pipeline endpoints are its use cases.",
        },
    ),
    TradeOff(
        "T41",
        "fastapi",
        1,
        "services",
        "For API services, many teams not already invested in Flask now reach for FastAPI.",
        lambda n: n.project_type == "microservice" and not n.knows("flask"),
        "With no Flask investment to protect, FastAPI is worth weighing for a service.",
        "project_type=microservice, and the team does not know Flask",
        {S4: "Many teams now pick FastAPI over Flask for production APIs unless already invested in Flask."},
    ),
    TradeOff(
        "T13",
        "flask",
        2,
        "data layer",
        "No assumption about the data layer: fits document stores, search engines, time-series or no database, "
        "where Django's ORM is dead weight.",
        # The sources weigh the data layer between Flask and Django; for a pure API or a model service they
        # compare Flask with FastAPI on other grounds, so it does not count there.
        lambda n: n.data_store in ("non_relational", "none") and n.project_type not in ("api", "ml_api"),
        "With a non-relational store or none, Flask assumes nothing about the data layer.",
        "data_store=non_relational or none, except for an api or ml_api",
        {S4: "Works as well with document and key-value stores; Django's ORM can get in the way there."},
    ),
    TradeOff(
        "T22",
        "fastapi",
        3,
        "ml",
        "Model serving: async endpoints, input validation and generated docs have made FastAPI the usual choice.",
        lambda n: n.project_type == "ml_api",
        "Model-serving APIs are where FastAPI has displaced the other two.",
        "project_type=ml_api",
        {S4: "For ML serving, FastAPI has largely displaced both Flask and Django."},
    ),
    TradeOff(
        "T43",
        "flask",
        1,
        "ml",
        "A standalone model service (load at start-up, expose predict) is a common Flask project.",
        lambda n: n.project_type == "ml_api" and not (_accounts(n) or _admin(n)),
        "A standalone model service is a common Flask project too.",
        "project_type=ml_api without accounts or admin",
        {S4: "Of the two, Flask is the usual choice for standalone ML microservices."},
    ),
    TradeOff(
        "T44",
        "django",
        2,
        "built-ins",
        "When the model API is one part of a platform with users, stored results and staff review, Django's ORM, "
        "admin and accounts justify it.",
        lambda n: n.project_type == "ml_api" and (_accounts(n) or _admin(n)),
        "Your model API is part of a platform with users or an admin, where Django's pieces pay.",
        "project_type=ml_api with accounts or admin",
        {S4: "Django makes sense when the ML API sits in a larger system with users, admins and reports."},
    ),
    TradeOff(
        "T16",
        "flask",
        3,
        "learning",
        "Smallest surface to learn first: a working route in minutes, one file, and the framework's mechanics in "
        "view; Django has a steeper start.",
        lambda n: n.project_type == "learning" and n.learning_goal == "fundamentals",
        "You want to learn how web frameworks work, and Flask has the smallest surface.",
        "project_type=learning, learning_goal=fundamentals",
        {
            S0: "Often recommended to beginners for its gentle learning curve.",
            S2: "Easier for beginners in web development.",
            S3: "If you are learning, Flask shows the inner mechanics more deeply.",
            S4: "Easier to start; Django asks a newcomer to meet ORM, settings and apps at once.",
        },
    ),
    TradeOff(
        "T45",
        "django",
        3,
        "learning",
        "A beginner aiming at production work or a job gains more from Django: its conventions teach good "
        "practice, and most job postings that name a framework name it.",
        lambda n: n.project_type == "learning" and n.learning_goal == "career",
        "You are learning for production work, and most framework-specific job postings ask for Django.",
        "project_type=learning, learning_goal=career",
        {S4: "For employability or building real products, Django's steeper start is worth it."},
    ),
    TradeOff(
        "T17",
        "flask",
        2,
        "prototype",
        "Fastest to prototype when requirements are uncertain: a single file grows incrementally, no ceremony.",
        lambda n: n.project_type == "prototype",
        "A prototype with uncertain requirements grows most easily from Flask's single file.",
        "project_type=prototype",
        {
            S1: "An excellent choice for prototypes.",
            S3: "Stands out for prototypes with its lightness.",
            S4: "Faster to prototype with when requirements are genuinely uncertain.",
        },
    ),
    TradeOff(
        "T12",
        "flask",
        2,
        "freedom",
        "Freedom to compose the stack: good when the design is unusual or the team wants to pick each component.",
        lambda n: n.yes("custom_architecture"),
        "You want to choose each component, and Flask lets you compose your own stack.",
        "custom_architecture=yes",
        {
            S0: "Chosen by teams who prefer freedom over the framework dictating the design.",
            S3: "The ideal choice for a custom architecture or a project that fits no standard template.",
            S4: "Wins when the application does not fit the standard web-application model.",
        },
    ),
    TradeOff(
        "T21",
        "fastapi",
        2,
        "async",
        "Async is native: many open connections and requests that wait on other services cost little.",
        lambda n: n.yes("async_needed"),
        "You need many concurrent waits or open connections, which FastAPI handles natively.",
        "async_needed=yes",
        {S4: "Gives automatic async support, with performance that matches or exceeds Flask."},
    ),
    TradeOff(
        "T46",
        "flask",
        1,
        "async",
        "Flask serves WebSocket and real-time services too, and runs async under an ASGI server through Quart.",
        lambda n: n.yes("async_needed"),
        "A real-time service is a Flask project too (with Quart for async).",
        "async_needed=yes",
        {
            S0: "Powers real-time features in production.",
            S4: "Lists a WebSocket server among Flask's use cases; with Quart and Uvicorn it serves async APIs.",
        },
    ),
    TradeOff(
        "T47",
        "django",
        1,
        "async",
        "Django's async views, middleware and ORM queries are now viable for I/O-bound work.",
        lambda n: n.yes("async_needed") and n.project_type == "web_app",
        "A web app that waits on I/O can use Django's async views.",
        "async_needed=yes on a web_app",
        {S4: "Async views, middleware and ORM queries are viable for I/O-bound workloads since Django 4."},
    ),
    TradeOff(
        "T48",
        "django",
        1,
        "community",
        "The largest community and the most praised documentation, for a long-lived project built by people new "
        "to all three.",
        lambda n: n.maintenance == "long" and not n.known,
        "Nobody knows any of the three yet, and the project is long-lived: Django's documentation carries most.",
        "maintenance=long and team_expertise=none",
        {
            S0: "Its documentation is widely praised for clarity and depth; both communities are strong.",
            S4: "The Pallets community behind Flask is smaller than Django's, though stable.",
        },
    ),
    TradeOff(
        "T18",
        "flask",
        2,
        "expertise",
        "A team that knows Flask inside out keeps its speed on a well-defined, bounded project, even where "
        "Django would fit.",
        lambda n: n.knows("flask") and _bounded(n),
        "Your team knows Flask, and the scope is bounded: the case where Flask stays a strong choice.",
        "team_expertise includes flask, with a small or medium project, a microservice or a prototype",
        {S4: "A team with deep Flask expertise on a bounded project will outperform one still learning Django."},
    ),
    TradeOff(
        "T31",
        "flask",
        2,
        "expertise",
        "Framework familiarity has real value; do not switch frameworks only because a comparison says so.",
        lambda n: n.knows("flask"),
        "Your team already knows Flask well.",
        "team_expertise includes flask",
        {
            S0: "The team's proficiency is often what decides.",
            S4: "Familiarity has genuine value; do not switch because an article tells you to.",
        },
    ),
    TradeOff(
        "T25",
        "django",
        2,
        "expertise",
        "Framework familiarity has real value; do not switch frameworks only because a comparison says so.",
        lambda n: n.knows("django"),
        "Your team already knows Django well.",
        "team_expertise includes django",
        {
            S0: "The team's proficiency is often what decides.",
            S4: "Familiarity has genuine value (said of a Flask team; the point is general).",
        },
    ),
    TradeOff(
        "T26",
        "fastapi",
        2,
        "expertise",
        "Framework familiarity has real value; do not switch frameworks only because a comparison says so.",
        lambda n: n.knows("fastapi"),
        "Your team already knows FastAPI well.",
        "team_expertise includes fastapi",
        {
            S0: "The team's proficiency is often what decides.",
            S4: "Familiarity has genuine value (said of a Flask team; the point is general).",
        },
    ),
)

BY_ID: dict[str, TradeOff] = {t.id: t for t in TRADEOFFS}

#: The articles' default per kind of project, as a full order: it breaks a tie the team's expertise did not.
#: Each order cites where the articles say it.
DEFAULT_ORDER: Mapping[str, tuple[tuple[str, ...], str]] = {
    "web_app": (("django", "flask", "fastapi"), "for user-facing web apps with data and logins, Django (004)"),
    "web_app, small or medium": (("flask", "django", "fastapi"), "small and medium sites go to Flask (000, 001, 002)"),
    "api": (("fastapi", "flask", "django"), "pure APIs go to FastAPI, then Flask (003, 004)"),
    "microservice": (("flask", "fastapi", "django"), "single-purpose services go to Flask (003, 004)"),
    "ml_api": (("fastapi", "flask", "django"), "model serving goes to FastAPI, then Flask (004)"),
    "prototype": (("flask", "fastapi", "django"), "prototypes go to Flask (001, 003, 004)"),
    "learning": (("flask", "django", "fastapi"), "beginners learning the mechanics start with Flask (000, 002, 004)"),
    "learning, for a career": (("django", "flask", "fastapi"), "beginners aiming at a job start with Django (004)"),
}


def default_order(needs: Needs) -> tuple[tuple[str, ...], str]:
    """The articles' preferred order for this kind of project, and the words that say why."""
    if needs.project_type == "web_app" and needs.project_size in ("small", "medium"):
        return DEFAULT_ORDER["web_app, small or medium"]
    if needs.project_type == "learning" and needs.learning_goal == "career":
        return DEFAULT_ORDER["learning, for a career"]
    return DEFAULT_ORDER[needs.project_type]


def markdown_table() -> str:
    """The README's table of trade-offs, generated from the data so the two never drift."""
    lines = ["| id | framework | points | group (cap) | applies when | sources |", "|---|---|---|---|---|---|"]
    for t in TRADEOFFS:
        cited = ", ".join(name[:3] for name in t.sources)
        lines.append(f"| {t.id} | {t.favours} | +{t.points} | {t.group} ({GROUPS[t.group]}) | {t.trigger} | {cited} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(markdown_table())

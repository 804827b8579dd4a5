"""The recommender's regression set: cases the source articles describe, with the framework(s) they back.

Each scenario names the article it comes from (by the short ids of ``scaffold.tradeoffs.SOURCES``: "000" is
``000_814d65fdf42e8148.txt``), the answers that describe it, and the frameworks the article supports. One
framework: the recommendation must be it, and not a close call. Several ("either" in the article): the
recommendation must be one of them, flagged as a close call.
"""

from __future__ import annotations

from typing import NamedTuple


class Scenario(NamedTuple):
    name: str
    source: str
    needs: dict[str, str]
    supported: tuple[str, ...]


SCENARIOS: tuple[Scenario, ...] = (
    # Multi-user platforms (004's "strong Django fit" examples and its checklist).
    Scenario(
        "logistics platform: dispatch, customer accounts, an operations dashboard",
        "004",
        dict(user_accounts="yes", admin_interface="yes", complex_data_model="yes", project_size="large"),
        ("django",),
    ),
    Scenario(
        "subscription billing with several roles, plans and an audit trail",
        "004",
        dict(user_accounts="yes", complex_data_model="yes", security_critical="yes"),
        ("django",),
    ),
    Scenario(
        "multi-school e-learning platform with student and teacher accounts",
        "004",
        dict(user_accounts="yes", multi_tenant="yes", admin_interface="yes"),
        ("django",),
    ),
    Scenario(
        "content-heavy site with relational data and logins",
        "004",
        dict(user_accounts="yes", admin_interface="yes", maintenance="long"),
        ("django",),
    ),
    Scenario("content management system", "001", dict(admin_interface="yes", complex_data_model="yes"), ("django",)),
    Scenario(
        "needs built-in authentication, database management and admin",
        "002",
        dict(user_accounts="yes", admin_interface="yes"),
        ("django",),
    ),
    Scenario(
        "large standard project, complex database, admin panel",
        "003",
        dict(project_size="large", complex_data_model="yes", admin_interface="yes"),
        ("django",),
    ),
    Scenario(
        "complete web app with admin panel and complex business logic",
        "003",
        dict(admin_interface="yes", complex_data_model="yes", user_accounts="yes"),
        ("django",),
    ),
    Scenario(
        "larger project where maintainability and security are essential",
        "002",
        dict(project_size="large", complex_data_model="yes", security_critical="yes", maintenance="long"),
        ("django",),
    ),
    Scenario(
        "high-traffic site that needs robust security",
        "001",
        dict(traffic="high", security_critical="yes", user_accounts="yes"),
        ("django",),
    ),
    Scenario(
        "growing team, long maintenance, accounts",
        "004",
        dict(team_size="large", maintenance="long", user_accounts="yes"),
        ("django",),
    ),
    Scenario(
        "enterprise application for a large organisation",
        "001",
        dict(project_size="large", team_size="large", maintenance="long"),
        ("django",),
    ),
    Scenario("large web project", "002", dict(project_size="large"), ("django",)),
    # Small, specialised and unusual projects.
    Scenario("small site with minimal requirements", "002", dict(project_size="small"), ("flask",)),
    Scenario("medium-sized site, flexibility wanted", "001", dict(project_size="medium"), ("flask",)),
    Scenario(
        "small specialised project wanting full control",
        "003",
        dict(project_size="small", custom_architecture="yes"),
        ("flask",),
    ),
    Scenario(
        "unconventional project that does not fit a standard template",
        "000",
        dict(custom_architecture="yes", project_size="medium"),
        ("flask",),
    ),
    Scenario("web app on MongoDB", "004", dict(data_store="non_relational", project_size="medium"), ("flask",)),
    Scenario("prototype with uncertain requirements", "004", dict(project_type="prototype"), ("flask",)),
    Scenario("beginner learning how frameworks work", "000", dict(project_type="learning"), ("flask",)),
    Scenario(
        "beginner aiming at a web development job",
        "004",
        dict(project_type="learning", learning_goal="career"),
        ("django",),
    ),
    # Services.
    Scenario("webhook processor", "004", dict(project_type="microservice", data_store="none"), ("flask",)),
    Scenario(
        "aggregation service consuming a queue and writing to Elasticsearch",
        "004",
        dict(project_type="microservice", data_store="non_relational", team_expertise="flask"),
        ("flask",),
    ),
    Scenario(
        "internal tool wrapping a third-party API",
        "004",
        dict(project_type="microservice", data_store="none", project_size="small"),
        ("flask",),
    ),
    Scenario(
        "high-density microservice: hundreds of instances, serverless cold starts",
        "004",
        dict(project_type="microservice", footprint_critical="yes", data_store="none"),
        ("flask",),
    ),
    Scenario(
        "document-processing API: PDFs in, JSON out",
        "004",
        dict(project_type="microservice", data_store="none"),
        ("flask",),
    ),
    Scenario(
        "WebSocket server",
        "004",
        dict(project_type="microservice", async_needed="yes"),
        ("flask", "fastapi"),
    ),
    # APIs.
    Scenario("pure JSON API for a separate frontend", "004", dict(project_type="api"), ("fastapi", "flask")),
    Scenario(
        "high-performance pure API",
        "003",
        dict(project_type="api", traffic="high", async_needed="yes", data_store="none"),
        ("fastapi", "flask"),
    ),
    Scenario(
        "API with admin, user management and web pages from one codebase",
        "004",
        dict(project_type="api", user_accounts="yes", admin_interface="yes"),
        ("django",),
    ),
    Scenario(
        "Flask team building a lightweight REST API",
        "004",
        dict(project_type="api", team_expertise="flask", project_size="small"),
        ("flask",),
    ),
    # Model serving.
    Scenario("standalone model-serving API", "004", dict(project_type="ml_api", data_store="none"), ("fastapi",)),
    Scenario(
        "ML API inside a platform with users, stored results and staff review",
        "004",
        # 004 gives this case to Django over Flask, and model serving in general to FastAPI: either.
        dict(project_type="ml_api", user_accounts="yes", admin_interface="yes", complex_data_model="yes"),
        ("django", "fastapi"),
    ),
    # Expertise and scale.
    Scenario(
        "deep Flask expertise, bounded web app with logins",
        "004",
        dict(team_expertise="flask", user_accounts="yes", project_size="medium"),
        ("flask",),
    ),
    Scenario(
        "high traffic, a team proficient in Flask: either scales",
        "000",
        dict(traffic="high", team_expertise="flask"),
        ("flask", "django"),
    ),
)

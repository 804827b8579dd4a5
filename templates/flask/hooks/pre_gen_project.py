"""Refuse answers the Flask template cannot render, before cookiecutter writes anything.

Cookiecutter runs a hook on its own, so it cannot import a shared module: the part above the marker holds
what this template offers, and the body below it is the same in every template.
"""

import keyword
import sys

# tojson makes each answer a JSON string, which is also a Python string literal: quotes stay data.
ANSWERS = {
    "project_slug": {{ cookiecutter.project_slug|tojson }},
    "database": {{ cookiecutter.database|tojson }},
    "auth": {{ cookiecutter.auth|tojson }},
    "api": {{ cookiecutter.api|tojson }},
    "inference": {{ cookiecutter.inference|tojson }},
    "tenancy": {{ cookiecutter.tenancy|tojson }},
    "realtime": {{ cookiecutter.realtime|tojson }},
    "task_queue": {{ cookiecutter.task_queue|tojson }},
    "error_tracking": {{ cookiecutter.error_tracking|tojson }},
    "docker": {{ cookiecutter.docker|tojson }},
    "ci": {{ cookiecutter.ci|tojson }},
}
#: What this template offers: the lists of its cookiecutter.json.
CHOICES = {
    "database": ("sqlite", "postgresql", "none"),
    "auth": ("no", "yes"),
    "api": ("no", "yes"),
    "inference": ("no", "yes"),
    "tenancy": ("no", "yes"),
    "realtime": ("no", "yes"),
    "task_queue": ("none", "celery"),
    "error_tracking": ("none", "sentry"),
    "docker": ("yes", "no"),
    "ci": ("github", "gitlab", "none"),
}
#: The template this hook belongs to (some CONFLICTS hold for one template only).
FRAMEWORK = "flask"
#: The template's own top-level modules.
OWN_MODULES = frozenset()

# ---- shared body: the same in every template (tests/test_hooks.py), only the data above differs ----

#: Names a project package must not take: it would shadow a module the project imports or runs.
SHADOWED = frozenset(
    {
        "aiosqlite", "alembic", "anyio", "argon2", "asyncpg", "celery", "click", "django", "dotenv",
        "drf_spectacular", "drf_spectacular_sidecar", "email_validator", "environ", "fastapi",
        "fastapi_offline", "flask", "flask_login", "flask_migrate", "flask_smorest", "flask_sqlalchemy",
        "flask_swagger_ui", "flask_wtf", "greenlet", "gunicorn", "httpx", "httpx2", "itsdangerous", "jinja2",
        "jwt", "kombu", "marshmallow", "psycopg", "pwdlib", "pydantic", "pydantic_settings", "pytest", "redis",
        "rest_framework", "scaffold", "sentry_sdk", "sqlalchemy", "starlette", "test", "tests", "uvicorn",
        "werkzeug", "whitenoise", "wtforms",
    }
)  # fmt: skip
#: PostgreSQL allows 63 bytes in a name, and the tests' database is test_<project_slug>.
SLUG_LIMIT = 58
#: Answers that cannot go together, what to do instead, and the templates the rule holds for (empty: all).
CONFLICTS = (
    (
        {"auth": "yes", "database": "none"},
        "auth=yes needs a database: set database=sqlite or database=postgresql, or set auth=no",
        (),
    ),
    (
        {"inference": "yes", "api": "no"},
        "inference=yes serves predictions through the JSON API: set api=yes, or set inference=no",
        (),
    ),
    (
        {"tenancy": "yes", "auth": "no"},
        "tenancy=yes makes organisations of users: set auth=yes, or set tenancy=no",
        (),
    ),
    (
        {"tenancy": "yes", "api": "no"},
        "tenancy=yes in Flask scopes the notes, which come with its JSON API: set api=yes, or set tenancy=no",
        ("flask",),
    ),
    (
        {"realtime": "yes", "database": "none"},
        "realtime=yes streams changes to stored items: set database=sqlite or database=postgresql, or set realtime=no",
        (),
    ),
    (
        {"realtime": "yes", "api": "no"},
        "realtime=yes in Flask streams the notes, which come with its JSON API: set api=yes, or set realtime=no",
        ("flask",),
    ),
)


def slug_problem(slug: str) -> str | None:
    if not slug:
        return "project_slug is empty; use letters or digits (e.g. 'my_service')"
    if len(slug) > SLUG_LIMIT:
        return f"project_slug is {len(slug)} characters long; at most {SLUG_LIMIT} are allowed"
    if not (slug.isascii() and slug.isidentifier() and slug == slug.lower()):
        return f"project_slug={slug} is not a lower-case Python identifier; use letters, digits and underscores"
    if keyword.iskeyword(slug) or keyword.issoftkeyword(slug):
        return f"project_slug={slug} is a Python keyword; choose another project name or project_slug"
    if slug in SHADOWED or slug in OWN_MODULES or slug in sys.stdlib_module_names:
        return f"project_slug={slug} would shadow the module '{slug}' the project needs; choose another name"
    return None


def choice_problems() -> list[str]:
    found = []
    for key, allowed in CHOICES.items():
        if ANSWERS[key] not in allowed:
            found.append(f"{key}={ANSWERS[key]} is not offered by this template; choose one of: {', '.join(allowed)}")
    for combination, message, frameworks in CONFLICTS:
        if frameworks and FRAMEWORK not in frameworks:
            continue
        if all(ANSWERS.get(key) == value for key, value in combination.items()):
            found.append(message)
    return found


def main() -> None:
    problem = slug_problem(ANSWERS["project_slug"])
    found = ([problem] if problem else []) + choice_problems()
    if found:
        print(f"ERROR: {found[0]}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()

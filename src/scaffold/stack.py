"""The stack answers (docs/contract.md, "Stack options"): names, slugs, free text, choices and contradictions.

Pure functions with no third-party imports. Values the user gave are checked strictly; values that only
came from the recommendation or a template default are adjusted quietly to fit the chosen framework.
"""

from __future__ import annotations

import keyword
import re
import sys
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from .errors import InputError
from .layers import Answers
from .questions import BY_KEY, TEXT_LIMITS
from .templates import Template

#: Package names a generated project must not take: they would shadow what it imports or runs. Each
#: template's pre-generation hook holds the same set (tests/test_hooks.py).
SHADOWED = frozenset(
    {
        "aiosqlite",
        "alembic",
        "anyio",
        "argon2",
        "asyncpg",
        "celery",
        "click",
        "django",
        "dotenv",
        "drf_spectacular",
        "drf_spectacular_sidecar",
        "email_validator",
        "environ",
        "fastapi",
        "fastapi_offline",
        "flask",
        "flask_login",
        "flask_migrate",
        "flask_smorest",
        "flask_sqlalchemy",
        "flask_swagger_ui",
        "flask_wtf",
        "greenlet",
        "gunicorn",
        "httpx",
        "httpx2",
        "itsdangerous",
        "jinja2",
        "jwt",
        "kombu",
        "marshmallow",
        "psycopg",
        "pwdlib",
        "pydantic",
        "pydantic_settings",
        "pytest",
        "redis",
        "rest_framework",
        "scaffold",
        "sentry_sdk",
        "sqlalchemy",
        "starlette",
        "test",
        "tests",
        "uvicorn",
        "werkzeug",
        "whitenoise",
        "wtforms",
    }
)
#: The package name also names the databases; PostgreSQL's limit is 63 bytes, and Django's test database
#: adds "test_" in front.
SLUG_LIMIT = BY_KEY["project_slug"].limit
EMAIL = re.compile(r"^[^@\s\"'<>]+@[^@\s\"'<>]+\.[^@\s\"'<>]+$")


def derive_slug(name: str) -> str:
    """A lower-case Python identifier from any project name ("My Shop!" -> "my_shop")."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "_", ascii_name.lower()).strip("_")
    if slug[:1].isdigit():
        slug = f"project_{slug}"
    return slug


def check_slug(slug: str, *, source: str = "project_slug", taken: frozenset[str] = frozenset()) -> None:
    """Refuse a package name that is not an identifier or that would shadow a module the project needs.

    ``taken`` holds the template's own top-level modules (Django's ``config``, say).
    """
    if not slug:
        raise InputError(f"{source} gives no package name; use letters or digits (e.g. 'my_service')")
    if len(slug) > SLUG_LIMIT:
        raise InputError(
            f"{source} gives a package name of {len(slug)} characters; at most {SLUG_LIMIT} are allowed "
            "(PostgreSQL names the test database test_<project_slug>, and allows 63 bytes)"
        )
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", slug):
        raise InputError(
            f"project_slug={slug} is not a lower-case Python identifier; use letters, digits and underscores"
        )
    if keyword.iskeyword(slug) or keyword.issoftkeyword(slug):
        raise InputError(f"project_slug={slug} is a Python keyword; choose another project name or project_slug")
    if slug in SHADOWED or slug in taken or slug in sys.stdlib_module_names:
        raise InputError(
            f"project_slug={slug} would shadow the module '{slug}' the project needs; "
            "choose another project name or set project_slug"
        )


def check_text(key: str, value: str) -> None:
    """Free text is data: one printable line that every generated file format can hold."""
    if key == "project_name" and not value.strip():
        raise InputError("project_name is empty; give the project a name")
    limit = TEXT_LIMITS.get(key)
    if limit and len(value) > limit:
        raise InputError(f"{key} is {len(value)} characters long; at most {limit} are allowed")
    for char in value:
        if not char.isprintable():
            raise InputError(f"{key} contains the control character {char!r}; use one line of printable text")
        if ord(char) > 0xFFFF:
            # JSON-escaped into TOML it becomes a surrogate pair, which TOML forbids.
            raise InputError(f"{key} contains {char!r}, outside the Basic Multilingual Plane; leave it out")
    if key == "author_email" and value and not EMAIL.match(value):
        raise InputError(f"author_email={value} is not an e-mail address like 'you@example.com'")


@dataclass(frozen=True)
class Conflict:
    """Answers that cannot go together, and the quiet fix when the offending one was only a default.

    Plain data, so each template's pre-generation hook can hold the same table (tests/test_hooks.py).
    """

    when: Mapping[str, str]
    message: str
    fix_key: str
    fix_value: str
    #: The templates the rule holds for; empty: every template.
    frameworks: tuple[str, ...] = ()

    def applies(self, answers: Mapping[str, str], framework: str) -> bool:
        if self.frameworks and framework not in self.frameworks:
            return False
        return all(answers.get(key) == value for key, value in self.when.items())


CONFLICTS: tuple[Conflict, ...] = (
    Conflict(
        {"auth": "yes", "database": "none"},
        "auth=yes needs a database: set database=sqlite or database=postgresql, or set auth=no",
        "auth",
        "no",
    ),
    Conflict(
        {"inference": "yes", "api": "no"},
        "inference=yes serves predictions through the JSON API: set api=yes, or set inference=no",
        "inference",
        "no",
    ),
    Conflict(
        {"tenancy": "yes", "auth": "no"},
        "tenancy=yes makes organisations of users: set auth=yes, or set tenancy=no",
        "tenancy",
        "no",
    ),
    Conflict(
        {"tenancy": "yes", "api": "no"},
        "tenancy=yes in Flask scopes the notes, which come with its JSON API: set api=yes, or set tenancy=no",
        "tenancy",
        "no",
        frameworks=("flask",),
    ),
    Conflict(
        {"realtime": "yes", "database": "none"},
        "realtime=yes streams changes to stored items: set database=sqlite or database=postgresql, or set realtime=no",
        "realtime",
        "no",
    ),
    Conflict(
        {"realtime": "yes", "api": "no"},
        "realtime=yes in Flask streams the notes, which come with its JSON API: set api=yes, or set realtime=no",
        "realtime",
        "no",
        frameworks=("flask",),
    ),
)


def resolve_options(template: Template, answers: Answers) -> dict[str, str]:
    """The stack options for ``template``, by the priority of :mod:`scaffold.layers`.

    A chosen value (given or prompted) outside the template's choices is an error; a proposed one falls back
    to the option's preferred value, else the template default.
    """
    resolved: dict[str, str] = {}
    for key, choices in template.options.items():
        if answers.chosen(key):
            value = answers[key]
            if value not in choices:
                raise InputError(
                    f"{key}={value} is not offered for {template.framework}; choose one of: {', '.join(choices)}"
                )
        else:
            value = answers.proposal(key) or choices[0]
            if value not in choices:
                prefer = BY_KEY[key].prefer
                value = prefer if prefer in choices else choices[0]
        resolved[key] = value
    for conflict in CONFLICTS:
        if conflict.applies(resolved, template.framework):
            if answers.chosen(conflict.fix_key):
                raise InputError(conflict.message)
            resolved[conflict.fix_key] = conflict.fix_value
    return resolved


def resolve_text(template: Template, answers: Answers) -> dict[str, str]:
    """Project name, slug and the other free text, checked; the slug derives from the name unless chosen."""
    text = {**template.text_defaults, **answers.view(template.text_defaults)}
    for key, value in text.items():
        check_text(key, value)
    if answers.chosen("project_slug"):
        slug = answers["project_slug"]
        check_slug(slug, taken=template.top_level_modules)
    else:
        slug = derive_slug(text["project_name"])
        check_slug(slug, source=f"project_name={text['project_name']}", taken=template.top_level_modules)
    others = {k: v for k, v in text.items() if k != "project_name"}
    return {"project_name": text["project_name"], "project_slug": slug, **others}

"""Reject answers the FastAPI template cannot render, before anything is written."""

import sys

ANSWERS = {
    "project_slug": {{ cookiecutter.project_slug|tojson }},
    "database": {{ cookiecutter.database|tojson }},
    "auth": {{ cookiecutter.auth|tojson }},
    "api": {{ cookiecutter.api|tojson }},
    "task_queue": {{ cookiecutter.task_queue|tojson }},
    "docker": {{ cookiecutter.docker|tojson }},
    "ci": {{ cookiecutter.ci|tojson }},
}

CHOICES = {
    "database": ("sqlite", "postgresql", "none"),
    "auth": ("no", "yes"),
    "api": ("yes",),
    "task_queue": ("none", "celery"),
    "docker": ("yes", "no"),
    "ci": ("github", "gitlab", "none"),
}


def check_slug(slug: str) -> str | None:
    if slug.isidentifier() and slug.isascii() and slug == slug.lower():
        return None
    return f"project_slug={slug!r} is not a lower-case Python identifier; use letters, digits and _."


def check_choices() -> str | None:
    for key, allowed in CHOICES.items():
        if ANSWERS[key] not in allowed:
            return f"{key}={ANSWERS[key]!r} is not allowed; choose one of: {', '.join(allowed)}."
    return None


def check_auth_needs_database() -> str | None:
    if ANSWERS["auth"] == "yes" and ANSWERS["database"] == "none":
        return "auth=yes needs a database: set database to sqlite or postgresql, or set auth=no."
    return None


def main() -> None:
    checks = (lambda: check_slug(ANSWERS["project_slug"]), check_choices, check_auth_needs_database)
    for check in checks:
        error = check()
        if error:
            print(error, file=sys.stderr)
            sys.exit(1)


if __name__ == "__main__":
    main()

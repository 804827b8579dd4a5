"""Reject answers the Django template cannot render, before anything is written."""

import json
import keyword
import sys

# tojson escapes every quote (the spaces keep its own quotes off the delimiters), so any value
# reaches the check intact.
SLUG = json.loads(r""" {{ cookiecutter.project_slug|tojson }} """)

CHOICES = {
    "database": ("{{ cookiecutter.database }}", ("sqlite", "postgresql")),
    "auth": ("{{ cookiecutter.auth }}", ("no", "yes")),
    "api": ("{{ cookiecutter.api }}", ("no", "yes")),
    "task_queue": ("{{ cookiecutter.task_queue }}", ("none", "celery")),
    "docker": ("{{ cookiecutter.docker }}", ("yes", "no")),
    "ci": ("{{ cookiecutter.ci }}", ("github", "gitlab", "none")),
}

# Top-level names the generated project or its dependencies already use.
RESERVED_SLUGS = {
    "celery",
    "config",
    "django",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "environ",
    "gunicorn",
    "psycopg",
    "redis",
    "rest_framework",
    "tests",
    "whitenoise",
}


def fail(message: str) -> None:
    print(f"ERROR: {message}", file=sys.stderr)
    sys.exit(1)


def check_slug(slug: str) -> None:
    if not slug.isidentifier() or keyword.iskeyword(slug) or slug != slug.lower():
        fail(
            f"project_slug {slug!r} is not allowed: use a lower-case Python identifier "
            "(letters, digits and underscores, not starting with a digit)."
        )
    if slug in RESERVED_SLUGS:
        fail(
            f"project_slug {slug!r} is not allowed: it would shadow a package the project "
            f"uses ({', '.join(sorted(RESERVED_SLUGS))}); choose another name."
        )


def check_choices() -> None:
    for key, (value, allowed) in CHOICES.items():
        if value not in allowed:
            allowed_text = ", ".join(allowed)
            fail(f"{key} {value!r} is not supported by the Django template; use: {allowed_text}.")


def main() -> None:
    check_slug(SLUG)
    check_choices()


if __name__ == "__main__":
    main()

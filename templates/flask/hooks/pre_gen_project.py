"""Reject answers the template cannot render, before anything is written."""

import json
import keyword
import sys

# JSON in a raw '''-string parses whatever slug was typed (tojson escapes the quote ').
SLUG = json.loads(r'''{{ cookiecutter.project_slug|tojson }}''')  # fmt: skip
ANSWERS = {
    "project_slug": SLUG,
    "database": "{{ cookiecutter.database }}",
    "auth": "{{ cookiecutter.auth }}",
    "api": "{{ cookiecutter.api }}",
    "task_queue": "{{ cookiecutter.task_queue }}",
    "docker": "{{ cookiecutter.docker }}",
    "ci": "{{ cookiecutter.ci }}",
}

CHOICES = {
    "database": ("sqlite", "postgresql", "none"),
    "auth": ("yes", "no"),
    "api": ("yes", "no"),
    "task_queue": ("none", "celery"),
    "docker": ("yes", "no"),
    "ci": ("github", "gitlab", "none"),
}


def problems() -> list[str]:
    found = []
    slug = ANSWERS["project_slug"]
    if not slug.isidentifier() or keyword.iskeyword(slug) or slug != slug.lower():
        found.append(
            f"project_slug={slug!r} is not a lower-case Python identifier "
            "(letters, digits and underscores, not starting with a digit)"
        )
    for key, allowed in CHOICES.items():
        if ANSWERS[key] not in allowed:
            choices = ", ".join(allowed)
            found.append(f"{key}={ANSWERS[key]!r} is not allowed; choose one of {choices}")
    if ANSWERS["auth"] == "yes" and ANSWERS["database"] == "none":
        found.append(
            "auth=yes needs a database to store users; "
            "choose database=sqlite or database=postgresql, or auth=no"
        )
    return found


def main() -> None:
    found = problems()
    if found:
        print(found[0], file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()

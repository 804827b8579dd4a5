"""Remove what the chosen options do not need and write a development .env."""

import secrets
import shutil
from pathlib import Path

SLUG = "{{ cookiecutter.project_slug }}"
DATABASE = "{{ cookiecutter.database }}"
AUTH = "{{ cookiecutter.auth }}"
API = "{{ cookiecutter.api }}"
TASK_QUEUE = "{{ cookiecutter.task_queue }}"
DOCKER = "{{ cookiecutter.docker }}"
CI = "{{ cookiecutter.ci }}"

PROJECT = Path.cwd()

DOCKER_FILES = ["Dockerfile", "compose.yaml", ".dockerignore"]
AUTH_FILES = [
    f"{SLUG}/users/urls.py",
    f"{SLUG}/users/views.py",
    f"{SLUG}/templates/registration",
    f"{SLUG}/templates/users",
    f"{SLUG}/templates/notes/note_form.html",
    "tests/test_auth.py",
]
API_FILES = [
    "config/api_urls.py",
    f"{SLUG}/notes/api.py",
    f"{SLUG}/notes/serializers.py",
    f"{SLUG}/notes/permissions.py",
    f"{SLUG}/core/openapi.py",
    "tests/test_api.py",
]
CELERY_FILES = ["config/celery.py", f"{SLUG}/notes/tasks.py", "tests/test_tasks.py"]

DATABASE_URLS = {
    "sqlite": "sqlite:///db.sqlite3",
    "postgresql": f"postgresql://postgres@127.0.0.1:5432/{SLUG}",
}


def remove(*relative_paths: str) -> None:
    for relative in relative_paths:
        path = PROJECT / relative
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()


def dotenv_lines() -> list[str]:
    lines = [
        "# Development settings for this checkout only: never commit this file.",
        "# The process environment always wins over the values below.",
        "DJANGO_SETTINGS_MODULE=config.settings.local",
        f"DJANGO_SECRET_KEY={secrets.token_urlsafe(50)}",
        "DJANGO_DEBUG=true",
        "DJANGO_ADMIN_URL=admin/",
        f"DATABASE_URL={DATABASE_URLS[DATABASE]}",
    ]
    if TASK_QUEUE == "celery":
        lines.append("REDIS_URL=redis://127.0.0.1:6379/0")
    return lines


def write_dotenv() -> None:
    path = PROJECT / ".env"
    path.write_text("\n".join(dotenv_lines()) + "\n", encoding="utf-8")
    path.chmod(0o600)


ACTIONS = [
    (DOCKER == "no", lambda: remove(*DOCKER_FILES)),
    (CI != "github", lambda: remove(".github")),
    (CI != "gitlab", lambda: remove(".gitlab-ci.yml")),
    (AUTH != "yes", lambda: remove(*AUTH_FILES)),
    (API != "yes", lambda: remove(*API_FILES)),
    (TASK_QUEUE != "celery", lambda: remove(*CELERY_FILES)),
    (True, write_dotenv),
]


def main() -> None:
    for condition, action in ACTIONS:
        if condition:
            action()


if __name__ == "__main__":
    main()

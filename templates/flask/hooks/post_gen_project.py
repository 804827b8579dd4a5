"""Remove what the chosen options do not use and write the local .env file."""

import secrets
import shutil
from collections.abc import Callable
from pathlib import Path

PACKAGE = "{{ cookiecutter.project_slug }}"
DATABASE = "{{ cookiecutter.database }}"
AUTH = "{{ cookiecutter.auth }}"
API = "{{ cookiecutter.api }}"
TASK_QUEUE = "{{ cookiecutter.task_queue }}"
DOCKER = "{{ cookiecutter.docker }}"
CI = "{{ cookiecutter.ci }}"

PROJECT = Path.cwd()
MIGRATIONS = f"{PACKAGE}/migrations"

DATABASE_URLS = {
    # A relative SQLite path lives in the Flask instance folder (Flask-SQLAlchemy 3).
    "sqlite": f"sqlite:///{PACKAGE}.sqlite3",
    "postgresql": f"postgresql://postgres@127.0.0.1:5432/{PACKAGE}",
}


def remove(*paths: str) -> Callable[[], None]:
    def action() -> None:
        for relative in paths:
            path = PROJECT / relative
            if path.is_dir():
                shutil.rmtree(path)
            elif path.exists():
                path.unlink()

    return action


def remove_empty_github_folder() -> None:
    workflows = PROJECT / ".github" / "workflows"
    if workflows.is_dir() and not any(workflows.iterdir()):
        shutil.rmtree(PROJECT / ".github")


def write_env_file() -> None:
    lines = [
        "# Local development settings, read by the `flask` command only. Never commit this file.",
        # Local runs (flask, gunicorn via compose) use the development settings.
        "APP_ENV=development",
        f"SECRET_KEY={secrets.token_urlsafe(50)}",
    ]
    if DATABASE in DATABASE_URLS:
        lines.append(f"DATABASE_URL={DATABASE_URLS[DATABASE]}")
    if TASK_QUEUE == "celery":
        lines.append("REDIS_URL=redis://127.0.0.1:6379/0")
    env_file = PROJECT / ".env"
    env_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    env_file.chmod(0o600)


STEPS: list[tuple[bool, Callable[[], None]]] = [
    (DATABASE == "none", remove(MIGRATIONS, "tests/test_migrations.py", "tests/test_database.py")),
    (DATABASE == "none" and API == "no", remove(f"{PACKAGE}/extensions.py")),
    (AUTH == "no", remove(f"{PACKAGE}/auth", f"{PACKAGE}/templates/auth", "tests/test_auth.py")),
    (AUTH == "no", remove(f"{MIGRATIONS}/versions/0001_create_users.py")),
    (AUTH == "no", remove(f"{PACKAGE}/api/csrf.py")),
    (API == "no", remove(f"{PACKAGE}/api", f"{MIGRATIONS}/versions/0002_create_notes.py")),
    (API == "no", remove("tests/test_api_notes.py", "tests/test_api_text_stats.py")),
    (API == "no", remove(f"{PACKAGE}/templates/swagger_ui.html", f"{PACKAGE}/static/js")),
    (API == "no", remove("tests/test_api_docs.py")),
    # The notes pages need both the notes (API) and someone to write them (accounts).
    (
        AUTH == "no" or API == "no",
        remove(f"{PACKAGE}/notes", f"{PACKAGE}/templates/notes", "tests/test_note_pages.py"),
    ),
    # With a database the API serves stored notes; without one, a stateless computation.
    (DATABASE == "none", remove(f"{PACKAGE}/api/notes.py", f"{PACKAGE}/api/models.py")),
    (DATABASE == "none", remove("tests/test_api_notes.py")),
    (DATABASE != "none", remove(f"{PACKAGE}/api/text_stats.py", "tests/test_api_text_stats.py")),
    (AUTH == "yes" or API == "yes", remove(f"{MIGRATIONS}/versions/.gitkeep")),
    (TASK_QUEUE == "none", remove(f"{PACKAGE}/tasks.py", f"{PACKAGE}/worker.py")),
    (TASK_QUEUE == "none", remove("tests/test_tasks.py")),
    (DOCKER == "no", remove("Dockerfile", "compose.yaml", ".dockerignore")),
    (CI != "github", remove(".github/workflows/ci.yml")),
    (CI != "gitlab", remove(".gitlab-ci.yml")),
    (True, remove_empty_github_folder),
    (True, write_env_file),
]


def main() -> None:
    for condition, action in STEPS:
        if condition:
            action()


if __name__ == "__main__":
    main()

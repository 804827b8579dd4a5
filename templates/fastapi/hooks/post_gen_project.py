"""Remove what the chosen options do not use, then write a private `.env`."""

import secrets
import shutil
from pathlib import Path

SLUG = {{ cookiecutter.project_slug|tojson }}
DATABASE = {{ cookiecutter.database|tojson }}
AUTH = {{ cookiecutter.auth|tojson }}
TASK_QUEUE = {{ cookiecutter.task_queue|tojson }}
DOCKER = {{ cookiecutter.docker|tojson }}
CI = {{ cookiecutter.ci|tojson }}

DATABASE_FILES = (
    "alembic.ini",
    "migrations",
    f"{SLUG}/db",
    f"{SLUG}/models",
    f"{SLUG}/api/routes/items.py",
    f"{SLUG}/schemas/item.py",
    f"{SLUG}/schemas/page.py",
    f"{SLUG}/schemas/fields.py",
    f"{SLUG}/services/items.py",
    "tests/test_items.py",
    "tests/test_database.py",
)
STATELESS_EXAMPLE_FILES = (
    f"{SLUG}/api/routes/temperatures.py",
    f"{SLUG}/schemas/temperature.py",
    f"{SLUG}/services/temperatures.py",
    "tests/test_temperatures.py",
)
AUTH_FILES = (
    f"{SLUG}/core/security.py",
    f"{SLUG}/api/routes/auth.py",
    f"{SLUG}/api/routes/users.py",
    f"{SLUG}/models/user.py",
    f"{SLUG}/schemas/user.py",
    f"{SLUG}/services/users.py",
    "migrations/versions/0002_create_users.py",
    "migrations/versions/0003_items_have_owners.py",
    "tests/test_auth.py",
)
CELERY_FILES = (f"{SLUG}/worker.py", f"{SLUG}/tasks.py", "tests/test_tasks.py")
DOCKER_FILES = ("Dockerfile", "compose.yaml", ".dockerignore")
GITHUB_FILES = (".github",)
GITLAB_FILES = (".gitlab-ci.yml",)


def remove(paths: tuple[str, ...]) -> None:
    for name in paths:
        path = Path(name)
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()


def database_url() -> str:
    if DATABASE == "postgresql":
        return f"postgresql://postgres@127.0.0.1:5432/{SLUG}"
    return f"sqlite:///./{SLUG}.db"


def write_env() -> None:
    lines = ["ENVIRONMENT=development", f"SECRET_KEY={secrets.token_urlsafe(50)}"]
    if DATABASE != "none":
        lines.append(f"DATABASE_URL={database_url()}")
    if TASK_QUEUE == "celery":
        lines.append("REDIS_URL=redis://127.0.0.1:6379/0")
    env = Path(".env")
    env.write_text("\n".join(lines) + "\n", encoding="utf-8")
    env.chmod(0o600)


RULES = (
    (DATABASE == "none", lambda: remove(DATABASE_FILES + AUTH_FILES)),
    (DATABASE != "none", lambda: remove(STATELESS_EXAMPLE_FILES)),
    (AUTH == "no", lambda: remove(AUTH_FILES)),
    (TASK_QUEUE == "none", lambda: remove(CELERY_FILES)),
    (DOCKER == "no", lambda: remove(DOCKER_FILES)),
    (CI != "github", lambda: remove(GITHUB_FILES)),
    (CI != "gitlab", lambda: remove(GITLAB_FILES)),
    (True, write_env),
)


def main() -> None:
    for condition, action in RULES:
        if condition:
            action()


if __name__ == "__main__":
    main()

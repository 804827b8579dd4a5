"""Remove what the chosen options do not use, lay out the Python with ruff, then write a private .env.

Cookiecutter runs a hook on its own, so it cannot import a shared module: the part above the marker holds
this template's files per option, and the body below it is the same in every template.
"""

import secrets
import shutil
import subprocess
import sys
from pathlib import Path

SLUG = {{ cookiecutter.project_slug|tojson }}
DATABASE = {{ cookiecutter.database|tojson }}
AUTH = {{ cookiecutter.auth|tojson }}
API = {{ cookiecutter.api|tojson }}
INFERENCE = {{ cookiecutter.inference|tojson }}
TENANCY = {{ cookiecutter.tenancy|tojson }}
REALTIME = {{ cookiecutter.realtime|tojson }}
TASK_QUEUE = {{ cookiecutter.task_queue|tojson }}
ERROR_TRACKING = {{ cookiecutter.error_tracking|tojson }}
DOCKER = {{ cookiecutter.docker|tojson }}
CI = {{ cookiecutter.ci|tojson }}

#: Files that only an option uses, each kept only when its condition holds (paths from the project root).
KEEP_ONLY_IF = (
    (
        DATABASE != "none",
        (
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
        ),
    ),
    # Without a database (or a model to serve) the example endpoint is a stateless computation.
    (
        DATABASE == "none" and INFERENCE == "no",
        (
            f"{SLUG}/api/routes/temperatures.py",
            f"{SLUG}/schemas/temperature.py",
            f"{SLUG}/services/temperatures.py",
            "tests/test_temperatures.py",
        ),
    ),
    (
        AUTH == "yes" and DATABASE != "none",
        (
            f"{SLUG}/core/security.py",
            f"{SLUG}/api/deps.py",
            f"{SLUG}/api/routes/auth.py",
            f"{SLUG}/api/routes/users.py",
            f"{SLUG}/models/user.py",
            f"{SLUG}/schemas/user.py",
            f"{SLUG}/services/users.py",
            "migrations/versions/0002_create_users.py",
            "migrations/versions/0003_items_have_owners.py",
            "migrations/versions/0004_index_items_by_owner_and_id.py",
            "migrations/versions/0005_users_have_email_and_superuser.py",
            f"{SLUG}/core/mail.py",
            f"{SLUG}/initial_data.py",
            "tests/test_auth.py",
            "tests/test_password_reset.py",
            "tests/test_superuser.py",
            "tests/test_event_loop.py",
            "tests/test_mail.py",
        ),
    ),
    (
        INFERENCE == "yes",
        (
            f"{SLUG}/ml",
            f"{SLUG}/api/routes/predict.py",
            f"{SLUG}/schemas/prediction.py",
            "tests/test_model.py",
            "tests/test_predict.py",
        ),
    ),
    (
        TENANCY == "yes",
        (
            f"{SLUG}/models/organization.py",
            f"{SLUG}/schemas/organization.py",
            f"{SLUG}/services/organizations.py",
            f"{SLUG}/api/routes/organizations.py",
            "migrations/versions/0006_organizations.py",
            "tests/test_tenancy.py",
        ),
    ),
    (
        REALTIME == "yes",
        (f"{SLUG}/core/events.py", f"{SLUG}/api/routes/live.py", "tests/test_live.py"),
    ),
    (ERROR_TRACKING == "sentry", (f"{SLUG}/core/error_tracking.py", "tests/test_error_tracking.py")),
    (TASK_QUEUE == "celery", (f"{SLUG}/worker.py", f"{SLUG}/tasks.py", "tests/test_tasks.py")),
    (DOCKER == "yes", ("Dockerfile", "compose.yaml", ".dockerignore")),
    (CI == "github", (".github",)),
    (CI == "gitlab", (".gitlab-ci.yml",)),
)

DATABASE_URLS = {
    "sqlite": f"sqlite:///./{SLUG}.db",
    "postgresql": f"postgresql://postgres@127.0.0.1:5432/{SLUG}",
}
#: The development .env; {secret} becomes a fresh random key.
DOTENV = (
    "ENVIRONMENT=development",
    "SECRET_KEY={secret}",
    *([f"DATABASE_URL={DATABASE_URLS[DATABASE]}"] if DATABASE in DATABASE_URLS else []),
    *(["REDIS_URL=redis://127.0.0.1:6379/0"] if TASK_QUEUE == "celery" else []),
)

# ---- shared body: the same in every template (tests/test_hooks.py), only the data above differs ----

PROJECT = Path.cwd()


def remove(relative: str) -> None:
    """Delete a file or folder of the project, then any folder the deletion left empty."""
    path = PROJECT / relative
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()
    parent = path.parent
    while parent != PROJECT and parent.is_dir() and not any(parent.iterdir()):
        parent.rmdir()
        parent = parent.parent


def write_dotenv() -> None:
    """A private .env for this checkout: a fresh secret each time, never committed (see .gitignore)."""
    lines = [line.replace("{secret}", secrets.token_urlsafe(50)) for line in DOTENV]
    path = PROJECT / ".env"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    path.chmod(0o600)


def train_model() -> None:
    """inference=yes: the first model, trained by the project's own ml.train (standard library only, so
    this interpreter runs it without the project's dependencies) and kept with the project."""
    run = "import sys; sys.path.insert(0, sys.argv[1]); from ml.train import main; raise SystemExit(main(['--quiet']))"
    # -I: nothing from the user's environment or this directory is imported; -B: no __pycache__ left behind.
    subprocess.run([sys.executable, "-I", "-B", "-c", run, str(PROJECT / SLUG)], check=True, cwd=PROJECT)


def format_python() -> None:
    """Lay out the Python files for this project's own names. The templates are written to 100 columns
    for a short package name; a longer one can push an import or a call past them. ruff (scaffold's
    dependency, and the project's own linter) sorts the imports and reflows those lines, with the
    project's settings; the rest of every file is left exactly as the template wrote it."""
    try:
        from ruff.__main__ import find_ruff_bin
    except ImportError:
        sys.exit("this template needs ruff to lay out the project: pip install 'ruff>=0.17.6,<0.18'")
    ruff = find_ruff_bin()  # the binary itself: no second interpreter to start
    for command in (["check", "--fix-only", "--select", "I"], ["format"]):
        subprocess.run([ruff, *command, "--quiet", "--no-cache", "."], check=True, cwd=PROJECT)


def main() -> None:
    for wanted, paths in KEEP_ONLY_IF:
        if not wanted:
            for relative in paths:
                remove(relative)
    if INFERENCE == "yes":
        train_model()
    format_python()
    write_dotenv()


if __name__ == "__main__":
    main()

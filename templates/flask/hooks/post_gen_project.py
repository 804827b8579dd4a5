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

MIGRATIONS = f"{SLUG}/migrations"
#: Files that only an option uses, each kept only when its condition holds (paths from the project root).
KEEP_ONLY_IF = (
    (
        DATABASE != "none",
        (MIGRATIONS, f"{SLUG}/readiness.py", "tests/test_migrations.py", "tests/test_database.py"),
    ),
    (DATABASE != "none" or API == "yes", (f"{SLUG}/extensions.py",)),
    (
        AUTH == "yes",
        (
            f"{SLUG}/auth",
            f"{SLUG}/templates/auth",
            "tests/test_auth.py",
            "tests/test_password_reset.py",
            f"{SLUG}/mail.py",
            "tests/test_mail.py",
            f"{MIGRATIONS}/versions/0001_create_users.py",
            f"{SLUG}/api/csrf.py",
        ),
    ),
    (
        API == "yes",
        (
            f"{SLUG}/api",
            f"{MIGRATIONS}/versions/0002_create_notes.py",
            "tests/test_api_notes.py",
            "tests/test_api_text_stats.py",
            f"{SLUG}/templates/swagger_ui.html",
            f"{SLUG}/static/js",
            "tests/test_api_docs.py",
        ),
    ),
    # The notes pages need both the notes (API) and someone to write them (accounts).
    (AUTH == "yes" and API == "yes", (f"{SLUG}/notes", f"{SLUG}/templates/notes", "tests/test_note_pages.py")),
    # With a database the API serves stored notes; without one, a stateless computation.
    (DATABASE != "none", (f"{SLUG}/api/notes.py", f"{SLUG}/api/models.py", "tests/test_api_notes.py")),
    (DATABASE == "none", (f"{SLUG}/api/text_stats.py", "tests/test_api_text_stats.py")),
    # An empty versions folder needs a placeholder to stay in git.
    (AUTH == "no" and API == "no", (f"{MIGRATIONS}/versions/.gitkeep",)),
    (
        TENANCY == "yes",
        (
            f"{SLUG}/organizations",
            f"{SLUG}/templates/organizations",
            f"{SLUG}/api/organizations.py",
            f"{MIGRATIONS}/versions/0003_organizations.py",
            "tests/test_tenancy.py",
        ),
    ),
    (
        REALTIME == "yes",
        (f"{SLUG}/events.py", f"{SLUG}/api/live.py", "tests/test_live.py"),
    ),
    (
        INFERENCE == "yes",
        (f"{SLUG}/ml", f"{SLUG}/api/predict.py", "tests/test_model.py", "tests/test_predict.py"),
    ),
    (ERROR_TRACKING == "sentry", (f"{SLUG}/error_tracking.py", "tests/test_error_tracking.py")),
    (TASK_QUEUE == "celery", (f"{SLUG}/tasks.py", f"{SLUG}/worker.py", "tests/test_tasks.py")),
    (DOCKER == "yes", ("Dockerfile", "compose.yaml", ".dockerignore")),
    (CI == "github", (".github",)),
    (CI == "gitlab", (".gitlab-ci.yml",)),
)

DATABASE_URLS = {
    # A relative SQLite path lives in the Flask instance folder (Flask-SQLAlchemy 3).
    "sqlite": f"sqlite:///{SLUG}.sqlite3",
    "postgresql": f"postgresql://postgres@127.0.0.1:5432/{SLUG}",
}
#: The development .env, read by the `flask` command and the worker; {secret} becomes a fresh random key.
DOTENV = (
    "# Local development settings, read by the `flask` command only. Never commit this file.",
    "APP_ENV=development",
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

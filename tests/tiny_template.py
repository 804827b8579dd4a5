"""A small cookiecutter template made on the fly, with the same keys as ours, for rendering tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from scaffold.questions import OPTION_QUESTIONS
from scaffold.templates import PROJECT_DIR, Template

#: The registry's keys, each option offering every value the registry knows.
SPEC: dict[str, Any] = {
    "project_name": "My Service",
    "project_slug": "{{ cookiecutter.project_name|slugify(separator='_') }}",
    "description": "A web service.",
    "author_name": "Your Name",
    "author_email": "you@example.com",
    **{question.key: list(question.values) for question in OPTION_QUESTIONS},
    "_framework": "flask",
    "__web_command": "gunicorn {{ cookiecutter.project_slug }}.wsgi:app",
}
FILES = {
    "README.md": "# {{ cookiecutter.project_name }}\n\n{{ cookiecutter.description }}\n",
    "{{cookiecutter.project_slug}}/__init__.py": "",
    "Procfile": "web: {{ cookiecutter.__web_command }}\n",
}


def make_template(
    root: Path, *, framework: str = "flask", files: dict[str, str] | None = None, hooks: dict[str, str] | None = None
) -> Template:
    path = root / framework
    project = path / PROJECT_DIR
    for relative, text in (files if files is not None else FILES).items():
        file = project / relative
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(text, encoding="utf-8")
    project.mkdir(parents=True, exist_ok=True)
    for name, text in (hooks or {}).items():
        (path / "hooks").mkdir(exist_ok=True)
        (path / "hooks" / f"{name}.py").write_text(text, encoding="utf-8")
    spec = {**SPEC, "_framework": framework}
    (path / "cookiecutter.json").write_text(json.dumps(spec), encoding="utf-8")
    return Template(framework, path, spec)


STACK = {
    "project_name": "Shop",
    "project_slug": "shop",
    "description": "Sells things.",
    "author_name": "Ada",
    "author_email": "ada@example.com",
    "database": "sqlite",
    "auth": "no",
    "api": "no",
    "inference": "no",
    "tenancy": "no",
    "realtime": "no",
    "task_queue": "none",
    "error_tracking": "none",
    "docker": "yes",
    "ci": "github",
}


# Runs the real CLI in a process of its own; the first argument, when not "-", points it at a templates folder.
LAUNCH = (
    "import sys\n"
    "sys.argv[0] = 'scaffold'\n"  # as the console script: the start-up guard applies
    "import scaffold, pathlib\n"
    "root = sys.argv.pop(1)\n"
    "if root != '-':\n"
    "    import scaffold.templates as t\n"
    "    t.template_root = lambda: pathlib.Path(root)\n"
    "from scaffold.cli import main\n"
    "main()\n"
)


def make_templates(root: Path, hooks: dict[str, str] | None = None) -> Path:
    """The three stand-ins in ``root``, as ``template_root()`` would find them."""
    for framework in ("django", "flask", "fastapi"):
        make_template(root, framework=framework, hooks=hooks)
    return root

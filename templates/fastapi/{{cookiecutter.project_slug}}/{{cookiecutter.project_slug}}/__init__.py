"""{{ cookiecutter.project_slug }}: a FastAPI service."""

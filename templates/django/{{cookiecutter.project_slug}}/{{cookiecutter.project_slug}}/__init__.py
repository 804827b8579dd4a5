"""{{ cookiecutter.project_slug }}: the project's Django apps."""

from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Project-wide pieces that belong to no domain: health check, template context."""

    name = "{{ cookiecutter.project_slug }}.core"
    label = "core"

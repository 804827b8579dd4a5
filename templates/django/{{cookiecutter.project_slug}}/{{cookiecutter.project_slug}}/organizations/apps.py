from django.apps import AppConfig


class OrganizationsConfig(AppConfig):
    """Organisations (tenants), their members, and the scoping every tenant's rows go through."""

    name = "{{ cookiecutter.project_slug }}.organizations"
    label = "organizations"

    def ready(self) -> None:
        # Connects the signal that gives every new account an organisation of its own.
        from {{ cookiecutter.project_slug }}.organizations import signals  # noqa: F401

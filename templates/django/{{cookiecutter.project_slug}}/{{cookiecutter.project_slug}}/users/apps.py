from django.apps import AppConfig


class UsersConfig(AppConfig):
    """The custom user model (email login), in place from the first migration."""

    name = "{{ cookiecutter.project_slug }}.users"
    label = "users"

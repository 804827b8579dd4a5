from django.apps import AppConfig


class NotesConfig(AppConfig):
    """The example domain app: a model, its admin, pages{% if cookiecutter.api == "yes" %} and API{% endif %}."""

    name = "{{ cookiecutter.project_slug }}.notes"
    label = "notes"

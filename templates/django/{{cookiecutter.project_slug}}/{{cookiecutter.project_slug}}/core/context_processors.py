from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict[str, str]:
    """The project's name and description for every template, as data from settings.

    Not `site_name`: Django's auth views set that one to the request's host."""
    return {"project_name": settings.SITE_NAME, "project_description": settings.SITE_DESCRIPTION}

from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict[str, str]:
    """The site's name for every template, from settings rather than hard-coded HTML."""
    return {"site_name": settings.SITE_NAME}

"""The smallest Django app with the same /health answer: the floor a generated Django app is measured against."""

from django.conf import settings

settings.configure(
    DEBUG=False,
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    SECRET_KEY="benchmark-only-not-a-secret",  # noqa: S106 - a throwaway app that only answers /health
    MIDDLEWARE=[],
)

from django.core.wsgi import get_wsgi_application  # noqa: E402 - settings must be configured first
from django.http import HttpRequest, JsonResponse  # noqa: E402
from django.urls import path  # noqa: E402


def health(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


urlpatterns = [path("health", health)]
application = get_wsgi_application()

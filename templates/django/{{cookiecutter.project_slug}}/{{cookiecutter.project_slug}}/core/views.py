import logging

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseServerError,
    JsonResponse,
)
from django.shortcuts import render
from django.template import loader
from django.templatetags.static import static
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_safe

from .readiness import Readiness

logger = logging.getLogger(__name__)


def database_answers() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        logger.warning("Health check: the database does not answer", exc_info=True)
        return False
    return True


#: The database's answer, asked at most once a second per worker process (readiness.py).
readiness = Readiness(database_answers)


@never_cache
@require_safe
def health(request: HttpRequest) -> JsonResponse:
    """Liveness and database reachability, for load balancers and uptime checks."""
    if not readiness.ready():
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_safe
def favicon(request: HttpRequest) -> HttpResponse:
    """Pages name their icon; this answers the browsers and tools that ask for /favicon.ico."""
    return HttpResponsePermanentRedirect(static("favicon.svg"))


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """An expired or altered CSRF token: an HTML page that says what to do, not Django's own."""
    return render(request, "403_csrf.html", status=403)


@requires_csrf_token
def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page, rendered without the request's context: whatever broke (the database, a
    context processor) cannot break the error page too."""
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"project_name": settings.SITE_NAME}))

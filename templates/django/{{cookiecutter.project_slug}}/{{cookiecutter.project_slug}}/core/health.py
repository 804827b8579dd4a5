"""Load balancers' probes of /health, answered before most of the middleware.

A balancer polls /health every few seconds on every instance. The session, CSRF, authentication
and message middleware have nothing to do with a probe, so this middleware sits above them in
MIDDLEWARE and answers it itself. What comes before it still applies: the request id,
SecurityMiddleware's headers and HTTPS rules, and X-Frame-Options.

It also sits above CommonMiddleware, which checks the Host header against ALLOWED_HOSTS: balancers
probe an instance at its own address, which ALLOWED_HOSTS need not name. The answer names no host,
so a forged one can do nothing with it. Every other path is checked as before.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from . import views

PROBE_PATH = "/health"


def health_middleware(
    get_response: Callable[[HttpRequest], HttpResponse],
) -> Callable[[HttpRequest], HttpResponse]:
    def middleware(request: HttpRequest) -> HttpResponse:
        if request.path_info == PROBE_PATH:
            return views.health(request)
        return get_response(request)

    return middleware

"""Trusted hosts and proxies, HTTPS redirects and security headers applied to every response."""

from flask import Flask, Response, current_app, redirect, request
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.wrappers import Response as BaseResponse

# Load balancers probe the health check over plain HTTP, so it is never redirected.
HTTPS_EXEMPT_PATHS = frozenset({"/health"})
# Scripts, styles and images only from this site (no inline script), and no framing.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


def init_security(app: Flask) -> None:
    # Trust only as many X-Forwarded-* values as there are proxies in front of the app (config.py):
    # a header the client itself sent is never believed. The host always comes from `Host`, checked
    # against TRUSTED_HOSTS, unless PROXY_X_HOST says a proxy rewrites it.
    hops = app.config["PROXY_FIX"]
    if any(hops.values()):
        app.wsgi_app = ProxyFix(app.wsgi_app, **hops)  # type: ignore[method-assign]
    if app.config["FORCE_HTTPS"]:
        app.before_request(redirect_to_https)
    app.extensions["security_headers"] = security_headers(app.config["HSTS_SECONDS"])
    app.after_request(set_security_headers)


def redirect_to_https() -> BaseResponse | None:
    if request.is_secure or request.path in HTTPS_EXEMPT_PATHS:
        return None
    # request.url names a host from TRUSTED_HOSTS: any other Host was answered 400 already.
    return redirect(request.url.replace("http://", "https://", 1), code=308)


def security_headers(hsts_seconds: int) -> list[tuple[str, str]]:
    """The headers every response gets, unless a view set its own value."""
    headers = [
        ("X-Content-Type-Options", "nosniff"),
        ("X-Frame-Options", "DENY"),
        ("Content-Security-Policy", CONTENT_SECURITY_POLICY),
        ("Referrer-Policy", "strict-origin-when-cross-origin"),
    ]
    if hsts_seconds:
        headers.append(("Strict-Transport-Security", f"max-age={hsts_seconds}; includeSubDomains"))
    return headers


def set_security_headers(response: Response) -> Response:
    # One pass over the names already set: Werkzeug's `setdefault` and `in` raise and catch a
    # KeyError for each missing header, a tenth of the app's time on /health.
    present = {name.lower() for name, _ in response.headers}
    for name, value in current_app.extensions["security_headers"]:
        if name.lower() not in present:
            response.headers.add(name, value)
    return response

"""HTTPS redirects and security headers applied to every response."""

from flask import Flask, Response, current_app, redirect, request
from werkzeug.middleware.proxy_fix import ProxyFix

# Load balancers probe the health check over plain HTTP, so it is never redirected.
HTTPS_EXEMPT_PATHS = frozenset({"/health"})


def init_security(app: Flask) -> None:
    if app.config["FORCE_HTTPS"]:
        # Behind one reverse proxy (Heroku, Render, a load balancer), trust its X-Forwarded-*
        # headers so `request.is_secure` reflects the client's scheme.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)
        app.before_request(redirect_to_https)
    app.after_request(set_security_headers)


def redirect_to_https() -> Response | None:
    if request.is_secure or request.path in HTTPS_EXEMPT_PATHS:
        return None
    return redirect(request.url.replace("http://", "https://", 1), code=308)


def set_security_headers(response: Response) -> Response:
    headers = response.headers
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Content-Security-Policy", "frame-ancestors 'none'")
    headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
    if current_app.config["HSTS_SECONDS"]:
        headers.setdefault(
            "Strict-Transport-Security",
            f"max-age={current_app.config['HSTS_SECONDS']}; includeSubDomains",
        )
    return response

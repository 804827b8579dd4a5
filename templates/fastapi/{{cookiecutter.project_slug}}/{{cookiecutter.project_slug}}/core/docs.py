"""Swagger UI and ReDoc served by the app itself: no CDN, no web fonts, no inline scripts.

The JavaScript and CSS come from the fastapi-offline package; Swagger UI is started by our own
static/swagger-init.js, so the pages work offline and under the CSP below.
"""

from html import escape

from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

ASSETS_URL = "/docs-assets"
# Scripts only from this server; both UIs style their components inline, and ReDoc's search
# runs in a worker it builds from a blob.
DOCS_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; worker-src blob:; frame-ancestors 'none'; "
    "base-uri 'none'; form-action 'none'"
)


def _page(title: str, head: str, body: str) -> HTMLResponse:
    html = (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n"
        f'<link rel="icon" href="{ASSETS_URL}/favicon.png">\n{head}</head>\n<body>\n{body}</body>\n</html>\n'
    )
    return HTMLResponse(html, headers={"Content-Security-Policy": DOCS_CSP})


def add_docs(app: FastAPI, openapi_url: str) -> None:
    """Mount /docs (Swagger UI), /redoc (ReDoc) and their assets."""
    app.mount(
        ASSETS_URL,
        StaticFiles(packages=[("fastapi_offline", "static"), ("{{ cookiecutter.project_slug }}", "static")]),
        name="docs-assets",
    )
    spec = escape(openapi_url)

    @app.get("/docs", include_in_schema=False)
    def swagger_ui() -> HTMLResponse:
        return _page(
            f"{app.title} - API docs",
            f'<link rel="stylesheet" href="{ASSETS_URL}/swagger-ui.css">\n',
            f'<div id="swagger-ui" data-openapi-url="{spec}"></div>\n'
            f'<script src="{ASSETS_URL}/swagger-ui-bundle.js"></script>\n'
            f'<script src="{ASSETS_URL}/swagger-init.js"></script>\n',
        )

    @app.get("/redoc", include_in_schema=False)
    def redoc() -> HTMLResponse:
        return _page(
            f"{app.title} - API reference",
            "",
            f'<redoc spec-url="{spec}"></redoc>\n<script src="{ASSETS_URL}/redoc.standalone.js"></script>\n',
        )

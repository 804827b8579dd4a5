"""Swagger UI's files, served by this app so the API docs work offline and under a strict CSP.

They come from the flask-swagger-ui package, which ships Swagger UI's released `dist` files and
follows Swagger UI's releases; only its files are used (the page is `templates/swagger_ui.html`).
"""

from pathlib import Path

import flask_swagger_ui
from flask import Blueprint

SWAGGER_UI_DIST = Path(flask_swagger_ui.__file__).parent / "dist"

# OPENAPI_SWAGGER_UI_URL in config.py points at this folder.
bp = Blueprint(
    "swagger_ui_assets",
    __name__,
    static_folder=SWAGGER_UI_DIST,
    static_url_path="/api/docs/assets",
)

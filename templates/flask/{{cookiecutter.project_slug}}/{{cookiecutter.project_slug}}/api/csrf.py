"""The CSRF token API writes need: the API authenticates with the session cookie, like the site."""

from flask.views import MethodView
from flask_wtf.csrf import generate_csrf
from marshmallow import Schema, fields

from .blueprint import Blueprint

blp = Blueprint(
    "csrf_token",
    __name__,
    url_prefix="/api/v1",
    description="The token to send in the X-CSRFToken header with every write.",
)


class CsrfTokenSchema(Schema):
    csrf_token = fields.String(required=True)


@blp.route("/csrf-token")
class CsrfToken(MethodView):
    @blp.response(200, CsrfTokenSchema)
    def get(self) -> tuple[dict[str, str], dict[str, str]]:
        """Get this session's CSRF token; fetch a new one after logging in (a new session)."""
        # The token belongs to one session, so no cache may hand it to anyone else.
        return {"csrf_token": generate_csrf()}, {"Cache-Control": "no-store"}

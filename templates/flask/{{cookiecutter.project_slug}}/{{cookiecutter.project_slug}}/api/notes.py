{% set has_auth = cookiecutter.auth == "yes" -%}
"""Notes: list (paginated), create and fetch one.{% if has_auth %} Reads are public; writing needs a login.{% endif %}"""

from datetime import UTC, datetime
from typing import Any
{% if has_auth %}
from flask import request
from flask.views import MethodView
from flask_login import current_user
{%- else %}
from flask.views import MethodView
{%- endif %}
from marshmallow import Schema, ValidationError, fields, validate
from sqlalchemy import func, select

{% if has_auth -%}
from ..extensions import csrf, db, login_manager
{%- else -%}
from ..extensions import db
{%- endif %}
from .blueprint import Blueprint
from .models import Note, unstorable

# The largest id the `notes.id` column holds (a 32-bit integer); larger ids cannot exist: 404.
MAX_NOTE_ID = 2**31 - 1

blp = Blueprint("notes", __name__, url_prefix="/api/v1/notes", description="Short text notes.")
{%- if has_auth %}
# An API client gets a JSON 401, not the redirect to the login page that browsers get.
login_manager.blueprint_login_views[blp.name] = None
# Writes authenticate with the session cookie, so they also need the CSRF token (see csrf.py).
WRITE_SECURITY: list[dict[str, list[str]]] = [{"session": [], "csrf": []}]
# The CSRF check runs in `login_then_csrf` below, after the login check, instead of before it.
csrf.exempt(blp)


@blp.before_request
def login_then_csrf() -> None:
    """A write without a login gets 401 (log in first); a logged-in write without the token, 400."""
    if request.method in {"GET", "HEAD", "OPTIONS"}:
        return
    if not current_user.is_authenticated:
        login_manager.unauthorized()  # aborts with 401
    csrf.protect()
{%- endif %}


def storable_text(value: str) -> None:
    problem = unstorable(value)
    if problem:
        raise ValidationError(problem)


class UtcDateTime(fields.DateTime):
    """An RFC 3339 timestamp with its offset: SQLite returns naive datetimes, which hold UTC."""

    def _serialize(self, value: datetime | None, attr: str | None, obj: Any, **kwargs: Any) -> Any:
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return super()._serialize(value, attr, obj, **kwargs)


class NoteSchema(Schema):
    id = fields.Integer(dump_only=True)
    title = fields.String(required=True, validate=[validate.Length(min=1, max=200), storable_text])
    body = fields.String(load_default="", validate=[validate.Length(max=10_000), storable_text])
{%- if has_auth %}
    author_id = fields.Integer(dump_only=True)
{%- endif %}
    created_at = UtcDateTime(dump_only=True)


@blp.route("/")
class Notes(MethodView):
    @blp.response(200, NoteSchema(many=True))
    @blp.paginate()
    def get(self, pagination_parameters: Any) -> list[Note]:
        """List notes, oldest first."""
        count = db.session.scalar(select(func.count()).select_from(Note)) or 0
        pagination_parameters.item_count = count
        if pagination_parameters.first_item >= count:
            # Past the last page: no query, so a huge page number never becomes a huge OFFSET.
            return []
        query = (
            select(Note)
            .order_by(Note.id)
            .offset(pagination_parameters.first_item)
            .limit(pagination_parameters.page_size)
        )
        return list(db.session.scalars(query))
{%- if has_auth %}

    @blp.doc(security=WRITE_SECURITY)
    @blp.alt_response(400, response="BAD_REQUEST", description="No valid CSRF token.")
    @blp.alt_response(401, response="UNAUTHORIZED", description="Not logged in.")
    @blp.arguments(NoteSchema)
    @blp.response(201, NoteSchema)
    def post(self, data: dict[str, Any]) -> Note:
        """Create a note written by the logged-in user."""
        note = Note(**data, author_id=current_user.id)
        db.session.add(note)
        db.session.commit()
        return note
{%- else %}

    @blp.arguments(NoteSchema)
    @blp.response(201, NoteSchema)
    def post(self, data: dict[str, Any]) -> Note:
        """Create a note. Without user accounts the API is open: anyone can write."""
        note = Note(**data)
        db.session.add(note)
        db.session.commit()
        return note
{%- endif %}


@blp.route(f"/<int(max={MAX_NOTE_ID}):note_id>")
class NoteById(MethodView):
    @blp.alt_response(404, response="NOT_FOUND", description="No note with this id.")
    @blp.response(200, NoteSchema)
    def get(self, note_id: int) -> Note:
        """Fetch one note."""
        return db.get_or_404(Note, note_id, description="No note with this id.")

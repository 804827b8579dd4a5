"""Notes: list (paginated), create and fetch one.{% if cookiecutter.auth == "yes" %} Reads are public; writing needs a login.{% endif %}"""

from typing import Any

from flask.views import MethodView
{%- if cookiecutter.auth == "yes" %}
from flask_login import current_user, login_required
{%- endif %}
from flask_smorest import Blueprint
from marshmallow import Schema, fields, validate
from sqlalchemy import func, select

{% if cookiecutter.auth == "yes" -%}
from ..extensions import db, login_manager
{%- else -%}
from ..extensions import db
{%- endif %}
from .models import Note

blp = Blueprint("notes", __name__, url_prefix="/api/v1/notes", description="Short text notes.")
{%- if cookiecutter.auth == "yes" %}
# An API client gets a JSON 401, not the redirect to the login page that browsers get.
login_manager.blueprint_login_views[blp.name] = None
# Writes authenticate with the session cookie, so they also need the CSRF token (see csrf.py).
WRITE_SECURITY = [{"session": [], "csrf": []}]
{%- endif %}


class NoteSchema(Schema):
    id = fields.Integer(dump_only=True)
    title = fields.String(required=True, validate=validate.Length(min=1, max=200))
    body = fields.String(load_default="", validate=validate.Length(max=10_000))
{%- if cookiecutter.auth == "yes" %}
    author_id = fields.Integer(dump_only=True)
{%- endif %}
    created_at = fields.DateTime(dump_only=True)


@blp.route("/")
class Notes(MethodView):
    @blp.response(200, NoteSchema(many=True))
    @blp.paginate()
    def get(self, pagination_parameters: Any) -> list[Note]:
        """List notes, oldest first."""
        pagination_parameters.item_count = db.session.scalar(select(func.count()).select_from(Note))
        query = (
            select(Note)
            .order_by(Note.id)
            .offset(pagination_parameters.first_item)
            .limit(pagination_parameters.page_size)
        )
        return list(db.session.scalars(query))
{%- if cookiecutter.auth == "yes" %}

    @blp.doc(security=WRITE_SECURITY)
    @blp.alt_response(400, response="BAD_REQUEST", description="No valid CSRF token.")
    @blp.alt_response(401, response="UNAUTHORIZED", description="Not logged in.")
    # Outside the argument parsing: an anonymous client learns it must log in, not what to fix.
    @login_required
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


@blp.route("/<int:note_id>")
class NoteById(MethodView):
    @blp.response(200, NoteSchema)
    def get(self, note_id: int) -> Note:
        """Fetch one note."""
        return db.get_or_404(Note, note_id, description="No note with this id.")

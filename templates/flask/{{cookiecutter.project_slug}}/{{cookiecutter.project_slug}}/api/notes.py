"""Notes: list (paginated), create and fetch one."""

from typing import Any

from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import Schema, fields, validate
from sqlalchemy import func, select

from ..extensions import db
from .models import Note

blp = Blueprint("notes", __name__, url_prefix="/api/v1/notes", description="Short text notes.")


class NoteSchema(Schema):
    id = fields.Integer(dump_only=True)
    title = fields.String(required=True, validate=validate.Length(min=1, max=200))
    body = fields.String(load_default="", validate=validate.Length(max=10_000))
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

    @blp.arguments(NoteSchema)
    @blp.response(201, NoteSchema)
    def post(self, data: dict[str, Any]) -> Note:
        """Create a note."""
        note = Note(**data)
        db.session.add(note)
        db.session.commit()
        return note


@blp.route("/<int:note_id>")
class NoteById(MethodView):
    @blp.response(200, NoteSchema)
    def get(self, note_id: int) -> Note:
        """Fetch one note."""
        return db.get_or_404(Note, note_id, description="No note with this id.")

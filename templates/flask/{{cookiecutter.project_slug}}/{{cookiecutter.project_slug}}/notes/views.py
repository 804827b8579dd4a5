from flask import Blueprint, flash, redirect, render_template, url_for
from flask_login import current_user, login_required
from sqlalchemy import select
from werkzeug.wrappers import Response

from ..api.models import Note
from ..extensions import db
from .forms import NoteForm

bp = Blueprint("note_pages", __name__, url_prefix="/notes")

RECENT = 50


@bp.route("/", methods=["GET", "POST"])
@login_required
def index() -> str | Response:
    form = NoteForm()
    if form.validate_on_submit():
        note = Note(title=form.title.data, body=form.body.data or "", author_id=current_user.id)
        db.session.add(note)
        db.session.commit()
        flash("Note saved.", "success")
        return redirect(url_for("note_pages.index"))
    notes = db.session.scalars(select(Note).order_by(Note.id.desc()).limit(RECENT))
    return render_template("notes/index.html", form=form, notes=list(notes))

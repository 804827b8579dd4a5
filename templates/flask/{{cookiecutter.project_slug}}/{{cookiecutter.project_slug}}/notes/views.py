{% set has_tenancy = cookiecutter.tenancy == "yes" -%}
from flask import Blueprint, flash, redirect, render_template, url_for
from flask_login import current_user, login_required
{%- if not has_tenancy %}
from sqlalchemy import select
{%- endif %}
from werkzeug.wrappers import Response

from ..api.models import Note
{%- if cookiecutter.realtime == "yes" %}
from ..api.notes import announce
{%- endif %}
from ..extensions import db
{%- if has_tenancy %}
from ..organizations.tenant import current_tenant
{%- endif %}
from .forms import NoteForm

bp = Blueprint("note_pages", __name__, url_prefix="/notes")

RECENT = 50


@bp.route("/", methods=["GET", "POST"])
@login_required
def index() -> str | Response:
    form = NoteForm()
{%- if has_tenancy %}
    tenant = current_tenant()
{%- endif %}
    if form.validate_on_submit():
        note = Note(title=form.title.data, body=form.body.data or "", author_id=current_user.id)
{%- if has_tenancy %}
        note.organization_id = tenant.organization_id
{%- endif %}
        db.session.add(note)
        db.session.commit()
{%- if cookiecutter.realtime == "yes" %}
        announce(note)
{%- endif %}
        flash("Note saved.", "success")
        return redirect(url_for("note_pages.index"))
{%- if has_tenancy %}
    notes = db.session.scalars(tenant.select(Note).order_by(Note.id.desc()).limit(RECENT))
{%- else %}
    notes = db.session.scalars(select(Note).order_by(Note.id.desc()).limit(RECENT))
{%- endif %}
    return render_template("notes/index.html", form=form, notes=list(notes))

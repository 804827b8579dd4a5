from flask_wtf import FlaskForm
from wtforms import Field, StringField, TextAreaField
from wtforms.form import BaseForm
from wtforms.validators import InputRequired, Length, ValidationError

from ..api.models import unstorable


def storable(_form: BaseForm, field: Field) -> None:
    problem = unstorable(field.data or "")
    if problem:
        raise ValidationError(problem)


class NoteForm(FlaskForm):
    title = StringField("Title", validators=[InputRequired(), Length(max=200), storable])
    body = TextAreaField("Text", validators=[Length(max=10_000), storable])

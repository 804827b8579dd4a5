from typing import Any

from flask_wtf import FlaskForm
from wtforms import EmailField, SelectField, StringField
from wtforms.validators import Email, InputRequired, Length

from .models import Role

#: Plain values: WTForms 3.3 deprecates (value, label) pairs, which its stubs (3.2) still expect.
ROLE_CHOICES: list[Any] = [role.value for role in Role]


class OrganizationForm(FlaskForm):
    name = StringField("Name", validators=[InputRequired(), Length(max=100)])


class MemberForm(FlaskForm):
    """Add an existing account, by its e-mail address, to the current organisation."""

    email = EmailField("E-mail", validators=[InputRequired(), Email(), Length(max=255)])
    role = SelectField("Role", choices=ROLE_CHOICES, default=Role.MEMBER.value)

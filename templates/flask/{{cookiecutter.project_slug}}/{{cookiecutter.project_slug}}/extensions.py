"""Extensions are created once here and bound to an application in `create_app`."""
{%- if cookiecutter.database != "none" %}

from pathlib import Path
{%- endif %}

{% if cookiecutter.auth == "yes" -%}
from flask_login import LoginManager
{% endif -%}
{% if cookiecutter.database != "none" -%}
from flask_migrate import Migrate
{% endif -%}
{% if cookiecutter.api == "yes" -%}
from flask_smorest import Api
{% endif -%}
{% if cookiecutter.database != "none" -%}
from flask_sqlalchemy import SQLAlchemy
{% endif -%}
{% if cookiecutter.auth == "yes" -%}
from flask_wtf.csrf import CSRFProtect
{% endif -%}
{% if cookiecutter.database != "none" -%}
from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

# Named constraints keep migrations reproducible on every database (and let Alembic drop them).
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


db = SQLAlchemy(model_class=Base)
# The migrations ship inside the package, so `flask db upgrade` works from any directory.
migrate = Migrate(directory=str(Path(__file__).parent / "migrations"))
{% else %}
{% endif -%}
{% if cookiecutter.auth == "yes" -%}
login_manager = LoginManager()
csrf = CSRFProtect()
{% endif -%}
{% if cookiecutter.api == "yes" -%}
api = Api()
{% endif -%}

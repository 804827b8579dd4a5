from collections.abc import Iterator

import pytest
from flask import Flask
from flask_migrate import check, downgrade, upgrade
from sqlalchemy import inspect, text

from {{ cookiecutter.project_slug }} import create_app
from {{ cookiecutter.project_slug }}.config import Config
from {{ cookiecutter.project_slug }}.extensions import db


@pytest.fixture
def empty_database_app(config: Config) -> Iterator[Flask]:
    app = create_app(config)
    with app.app_context():
        yield app
        downgrade(revision="base")
        with db.engine.begin() as connection:
            connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
        db.engine.dispose()


def test_migrations_build_exactly_the_models(empty_database_app: Flask) -> None:
    upgrade()

    check()  # exits non-zero when the models hold a change no migration covers
    tables = set(inspect(db.engine).get_table_names()) - {"alembic_version"}
    assert tables == set(db.metadata.tables)
{%- if cookiecutter.tenancy == "yes" %}


def test_adding_organizations_keeps_existing_accounts_and_notes(empty_database_app: Flask) -> None:
    """What `scaffold update --set tenancy=yes` meets: accounts and notes made before tenancy."""
    upgrade(revision="0002_notes")
    with db.engine.begin() as connection:
        connection.execute(
            text("INSERT INTO users (email, password_hash) VALUES ('early@example.com', '!')")
        )
        connection.execute(
            text("INSERT INTO notes (title, body, author_id) SELECT 'Early', '', id FROM users")
        )

    upgrade()

    with db.engine.connect() as connection:
        found = connection.execute(
            text(
                "SELECT n.title, o.name, m.role FROM notes n "
                "JOIN organizations o ON o.id = n.organization_id "
                "JOIN memberships m ON m.organization_id = o.id AND m.user_id = n.author_id"
            )
        ).all()
    assert [tuple(row) for row in found] == [("Early", "early@example.com's organisation", "owner")]
{%- endif %}

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

"""The generated tests never touch a developer's database (issue 11 item 2), whatever the shell exports.

A development database is made the way a developer makes one: the Procfile ``release:`` line migrates it and
``seed`` fills it. Then the project's own ``pytest`` runs as from a developer's shell with direnv: the
project's ``.env`` present, ``DATABASE_URL`` exported and pointing at that database, ``CI`` unset. Schema and
every row must be the same afterwards.
"""

from __future__ import annotations

import difflib
import re
import sqlite3
import subprocess
import tempfile
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.clients.server import dev_env, run_release
from tests.harness import CheckFailed, Project, fresh_database, require_tool

TABLE_MARK = "### table "


@dataclass
class Snapshot:
    schema: list[str]
    rows: dict[str, list[str]]


class PostgresDatabase:
    def __init__(self, url: str) -> None:
        self.url = url

    def _psql(self, script: str) -> str:
        proc = subprocess.run(
            ["psql", "-X", "-At", "-v", "ON_ERROR_STOP=1", "-d", self.url, "-f", "-"],
            input=script,
            capture_output=True,
            text=True,
            timeout=120,
        )
        if proc.returncode != 0:
            raise CheckFailed(f"[data-safety] psql failed on the development database: {proc.stderr[-3000:]}")
        return proc.stdout

    def execute(self, statements: Sequence[str]) -> None:
        self._psql("".join(f"{statement.rstrip().rstrip(';')};\n" for statement in statements))

    def snapshot(self) -> Snapshot:
        dump = subprocess.run(
            ["pg_dump", "--schema-only", "--no-owner", "--no-privileges", "-d", self.url],
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        ).stdout
        # pg_dump's \restrict lines carry a fresh random key on every run; comments and blanks say nothing.
        schema = [line for line in dump.splitlines() if line.strip() and not re.match(r"--|\\(un)?restrict", line)]
        tables = self._psql(
            "SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) FROM pg_tables "
            "WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1;"
        ).split()
        script = "".join(
            f"\\echo '{TABLE_MARK}{table}'\nSELECT r::text FROM {table} r ORDER BY 1;\n" for table in tables
        )
        rows: dict[str, list[str]] = {}
        current = ""
        for line in self._psql(script).splitlines() if tables else []:
            if line.startswith(TABLE_MARK):
                current = line.removeprefix(TABLE_MARK)
                rows[current] = []
            else:
                rows[current].append(line)
        return Snapshot(schema, rows)


class SqliteDatabase:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.url = f"sqlite:///{path}"  # path is absolute: sqlite:////abs/dev.db

    def execute(self, statements: Sequence[str]) -> None:
        with sqlite3.connect(self.path) as connection:
            connection.executescript("".join(f"{statement.rstrip().rstrip(';')};\n" for statement in statements))
        connection.close()

    def snapshot(self) -> Snapshot:
        connection = sqlite3.connect(self.path)
        try:
            master = connection.execute(
                "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY 1, 2"
            ).fetchall()
            tables = [name for kind, name, _, _ in master if kind == "table"]
            rows = {
                table: sorted(repr(row) for row in connection.execute(f'SELECT * FROM "{table}"')) for table in tables
            }
        finally:
            connection.close()
        return Snapshot([repr(entry) for entry in master], rows)


DevDatabase = PostgresDatabase | SqliteDatabase


@contextmanager
def dev_database(project: Project) -> Iterator[DevDatabase]:
    """An empty development database of the project's kind, dropped afterwards."""
    kind = project.context.get("database")
    if kind == "postgresql":
        require_tool("psql", "pg_dump")
        slug = re.sub(r"[^a-z0-9_]", "_", str(project.context.get("project_slug", "app")).lower())[:30]
        with fresh_database(f"dev_{slug}_{uuid.uuid4().hex[:8]}") as url:
            yield PostgresDatabase(url)
    elif kind == "sqlite":
        with tempfile.TemporaryDirectory(prefix="scaffold-devdb-") as folder:
            yield SqliteDatabase(Path(folder).resolve() / "dev.db")
    else:
        raise CheckFailed(f"[data-safety] database={kind}: there is no development database to protect")


def differences(before: Snapshot, after: Snapshot) -> list[str]:
    """What changed, table by table, in words."""
    found = []
    if before.schema != after.schema:
        diff = list(difflib.unified_diff(before.schema, after.schema, "before", "after", lineterm="", n=1))
        found.append("the schema changed:\n" + "\n".join(diff[:60]))
    for table in sorted(before.rows.keys() | after.rows.keys()):
        old, new = before.rows.get(table), after.rows.get(table)
        if old is None:
            found.append(f"table {table} appeared with {len(new or [])} rows")
        elif new is None:
            found.append(f"table {table} is gone (it held {len(old)} rows)")
        elif old != new:
            gone = sorted(set(old) - set(new))
            added = sorted(set(new) - set(old))
            found.append(
                f"table {table}: {len(old)} rows before, {len(new)} after; gone or changed: {gone[:3]}; "
                f"new or changed: {added[:3]}"
            )
    return found


def assert_tests_leave_database_alone(project: Project, seed: Sequence[str]) -> None:
    """Migrate and seed a development database, run the project's pytest pointed at it, compare everything."""
    if not seed:
        raise ValueError("give seed statements: an empty development database proves nothing")
    with dev_database(project) as database:
        env = dev_env(project, {"DATABASE_URL": database.url})
        env.pop("CI", None)  # a developer's shell, not CI
        run_release(project, env)
        database.execute(seed)
        before = database.snapshot()
        if not any(before.rows.values()):
            raise CheckFailed(f"[data-safety] the seed left every table empty: {list(seed)}")
        try:
            project.run("python -m pytest -q -p no:cacheprovider", step="data-safety-pytest", env=env)
            failed = ""
        except CheckFailed as err:
            failed = str(err)
        changed = differences(before, database.snapshot())
    if changed:
        raise CheckFailed(
            f"[data-safety] the project's pytest, run with DATABASE_URL={database.url} exported, changed the "
            "development database:\n"
            + "\n".join(changed)
            + (f"\nand pytest failed: {failed[-3000:]}" if failed else "")
        )
    if failed:
        raise CheckFailed(f"[data-safety] with DATABASE_URL exported the project's pytest failed: {failed}")

"""The project record: one class reads, exposes and writes `.scaffold.json`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scaffold.errors import InputError, UnsafeError
from scaffold.record import ProjectRecord


def test_a_written_record_reads_back_the_same(tmp_path: Path) -> None:
    record = ProjectRecord(
        framework="flask",
        needs={"project_type": "api"},
        stack={"project_name": "Shop", "database": "none"},
        recommendation={"framework": "flask"},
        preset={"name": "team", "sha256": "0" * 64},
        scaffold_version="1.2.3",
    )
    record.write(tmp_path)
    assert ProjectRecord.read(tmp_path) == record
    assert record.answers() == {"project_type": "api", "project_name": "Shop", "database": "none", "framework": "flask"}
    assert record.release == (1, 2, 3)


@pytest.mark.parametrize(
    ("content", "error", "says"),
    [
        ({"scaffold_version": "0.1", "answers": {"stack": {"databse": "none"}}}, InputError, "unknown key 'databse'"),
        ({"scaffold_version": "0.1", "answers": []}, InputError, "'answers' must be an object"),
        ({"scaffold_version": "0.1", "answers": {"needs": {"team_size": ["a"]}}}, InputError, "single value"),
        ({"scaffold_version": "$(id)", "answers": {}}, UnsafeError, "must be a version"),
        ([1, 2], UnsafeError, "must hold a JSON object"),
    ],
)
def test_a_bad_record_is_refused_with_its_reason(tmp_path: Path, content: object, error: type, says: str) -> None:
    (tmp_path / ".scaffold.json").write_text(json.dumps(content))
    with pytest.raises(error, match=says):
        ProjectRecord.read(tmp_path)


def test_a_linked_record_is_not_followed(tmp_path: Path) -> None:
    (tmp_path / "elsewhere.json").write_text("{}")
    (tmp_path / ".scaffold.json").symlink_to(tmp_path / "elsewhere.json")
    with pytest.raises(UnsafeError, match="not a regular file"):
        ProjectRecord.read(tmp_path)

"""The repository explains itself: its docs are its own, current, and every citation of them resolves."""

from __future__ import annotations

import re
from pathlib import Path

from scaffold.docgen import PAGE, TRADEOFFS_PAGE, questions_markdown, tradeoffs_markdown

REPO = Path(__file__).resolve().parents[1]
CITED = re.compile(r"docs/([\w-]+\.md)")
SOURCES = [*REPO.glob("src/scaffold/*.py"), *REPO.glob("tests/**/*.py"), REPO / "README.md", *REPO.glob("docs/*.md")]


def test_the_questions_page_is_written_from_the_registry() -> None:
    assert PAGE.read_text(encoding="utf-8") == questions_markdown(), "run: python -m scaffold.docgen"


def test_the_tradeoffs_page_is_written_from_the_data() -> None:
    text = TRADEOFFS_PAGE.read_text(encoding="utf-8")
    assert text == tradeoffs_markdown(), "run: python -m scaffold.docgen"
    assert text.count("\n- `0") >= 60, "every trade-off lists what its sources claim"


def test_every_cited_doc_exists_in_this_repository() -> None:
    cited = {(path.name, name) for path in SOURCES for name in CITED.findall(path.read_text(encoding="utf-8"))}
    assert cited, "the code cites its docs"
    assert {name for _, name in cited if not (REPO / "docs" / name).is_file()} == set()


def test_nothing_cites_files_outside_the_repository() -> None:
    outside = re.compile(r"shared/(tradeoffs|CONTRACT|STYLE)|CONTRACT (section )?\d")
    assert [path.name for path in SOURCES if path != Path(__file__) and outside.search(path.read_text())] == []

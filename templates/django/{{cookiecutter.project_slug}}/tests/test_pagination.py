"""Totals are counted up to COUNT_LIMIT rows; above it, pages go on without one."""

import pytest
from django.core.paginator import EmptyPage
from django.urls import reverse

from {{ cookiecutter.project_slug }}.core import pagination
from {{ cookiecutter.project_slug }}.core.pagination import CountLimitedPaginator
from {{ cookiecutter.project_slug }}.notes.models import Note

pytestmark = pytest.mark.django_db


def paginator() -> CountLimitedPaginator:
    return CountLimitedPaginator(Note.objects.order_by("id"), per_page=2)


def test_up_to_the_limit_pages_are_djangos_own(make_note):
    for n in range(3):
        make_note(f"Note {n}")

    assert paginator().total == 3
    assert paginator().num_pages == 2
    assert [note.title for note in paginator().page(2)] == ["Note 2"]


def test_above_the_limit_pages_go_on_without_a_total(make_note, monkeypatch):
    monkeypatch.setattr(pagination, "COUNT_LIMIT", 3)
    for n in range(5):
        make_note(f"Note {n}")

    counter = paginator()
    first, last = counter.page(1), paginator().page(3)

    assert counter.total is None
    assert first.has_next()
    assert first.next_page_number() == 2
    assert [note.title for note in last] == ["Note 4"]
    assert last.has_previous()
    assert not last.has_next()
    with pytest.raises(EmptyPage):
        paginator().page(4)
    with pytest.raises(EmptyPage):
        paginator().page(10**30)  # never an OFFSET past 64 bits


def test_the_home_page_numbers_pages_without_a_last_one(reader, make_note, monkeypatch):
    monkeypatch.setattr(pagination, "COUNT_LIMIT", 3)
    for n in range(25):
        make_note(f"Note {n}")

    response = reader.get(reverse("notes:list"), {"page": 2})

    assert response.status_code == 200
    assert len(response.context["note_list"]) == 5
    assert "<span>Page 2</span>" in response.text

import pytest
from django.urls import reverse

from {{ cookiecutter.project_slug }}.notes.models import Note

pytestmark = pytest.mark.django_db


@pytest.fixture
def note(make_note):
    return make_note("First note", body="Hello there.")


def test_note_str_and_url(note):
    assert str(note) == "First note"
    assert note.get_absolute_url() == reverse("notes:detail", args=[note.pk])


def test_notes_are_listed_newest_first(make_note):
    older = make_note("Older")
    newer = make_note("Newer")

    assert list(Note.objects.all()) == [newer, older]


def test_author_deletion_keeps_the_note(note, user):
    user.delete()
    note.refresh_from_db()

    assert note.author is None


def test_home_page_lists_notes(reader, note):
    response = reader.get(reverse("notes:list"))

    assert response.status_code == 200
    assert note.title in response.text
    assert note.author.email in response.text


def test_home_page_without_notes(reader):
    response = reader.get(reverse("notes:list"))

    assert response.status_code == 200
    assert "No notes yet." in response.text


def test_home_page_paginates(reader, make_note):
    for n in range(25):
        make_note(f"Note {n}")

    response = reader.get(reverse("notes:list"), {"page": 2})

    assert response.status_code == 200
    assert len(response.context["note_list"]) == 5


def test_note_detail_page(reader, note):
    response = reader.get(note.get_absolute_url())

    assert response.status_code == 200
    assert note.body in response.text


def test_missing_note_is_404(reader):
    assert reader.get(reverse("notes:detail", args=[999_999])).status_code == 404

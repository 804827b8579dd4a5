import pytest
from django.urls import reverse

from {{ cookiecutter.project_slug }}.notes.models import Note

pytestmark = pytest.mark.django_db


@pytest.fixture
def note(user):
    return Note.objects.create(title="First note", body="Hello there.", author=user)


def test_note_str_and_url(note):
    assert str(note) == "First note"
    assert note.get_absolute_url() == reverse("notes:detail", args=[note.pk])


def test_notes_are_listed_newest_first(user):
    older = Note.objects.create(title="Older", author=user)
    newer = Note.objects.create(title="Newer", author=user)

    assert list(Note.objects.all()) == [newer, older]


def test_author_deletion_keeps_the_note(note, user):
    user.delete()
    note.refresh_from_db()

    assert note.author is None


def test_home_page_lists_notes(client, note):
    response = client.get(reverse("notes:list"))

    assert response.status_code == 200
    assert note.title in response.text
    assert note.author.email in response.text


def test_home_page_without_notes(client):
    response = client.get(reverse("notes:list"))

    assert response.status_code == 200
    assert "No notes yet." in response.text


def test_home_page_paginates(client, user):
    Note.objects.bulk_create(Note(title=f"Note {n}", author=user) for n in range(25))

    response = client.get(reverse("notes:list"), {"page": 2})

    assert response.status_code == 200
    assert len(response.context["note_list"]) == 5


def test_note_detail_page(client, note):
    response = client.get(note.get_absolute_url())

    assert response.status_code == 200
    assert note.body in response.text


def test_missing_note_is_404(client):
    assert client.get(reverse("notes:detail", args=[999_999])).status_code == 404

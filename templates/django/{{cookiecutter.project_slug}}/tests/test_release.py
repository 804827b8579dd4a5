"""The release step: migrations, then the static files production serves from their manifest."""

import django
import pytest
from django.core.management import call_command
from django.templatetags.static import static
from django.urls import reverse

from config import release


def test_release_migrates_then_collects_static_files(monkeypatch):
    calls: list[str] = []
    monkeypatch.setattr(django, "setup", lambda: None)
    monkeypatch.setattr(release, "call_command", lambda name, **options: calls.append(name))

    release.main()

    assert calls == ["migrate", "collectstatic"]


def test_procfile_runs_the_release_step(settings):
    procfile = (settings.BASE_DIR / "Procfile").read_text()

    assert "release: python -m config.release" in procfile.splitlines()


@pytest.mark.django_db
def test_pages_render_from_the_collected_manifest(client, settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)

    response = client.get(reverse("notes:list"))

    assert response.status_code == 200
    hashed = static("css/site.css")
    assert hashed != f"{settings.STATIC_URL}css/site.css"
    assert hashed in response.text

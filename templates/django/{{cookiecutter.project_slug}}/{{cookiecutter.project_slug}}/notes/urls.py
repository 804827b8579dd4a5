from django.urls import path

from {{ cookiecutter.project_slug }}.notes import views

app_name = "notes"

urlpatterns = [
    path("", views.NoteListView.as_view(), name="list"),
    path("notes/<int:pk>/", views.NoteDetailView.as_view(), name="detail"),
{%- if cookiecutter.auth == "yes" %}
    path("notes/new/", views.NoteCreateView.as_view(), name="create"),
{%- endif %}
]

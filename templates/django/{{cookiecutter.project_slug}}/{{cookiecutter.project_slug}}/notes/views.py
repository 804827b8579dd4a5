{% set has_auth = cookiecutter.auth == "yes" -%}
{%- if has_auth -%}
from django.contrib.auth.mixins import LoginRequiredMixin
from django.forms import ModelForm
from django.http import HttpResponse
from django.views.generic import CreateView, DetailView, ListView
{%- else -%}
from django.views.generic import DetailView, ListView
{%- endif %}

from {{ cookiecutter.project_slug }}.notes.models import Note


class NoteListView(ListView):
    """The home page: the latest notes, twenty to a page."""

    queryset = Note.objects.select_related("author")
    paginate_by = 20


class NoteDetailView(DetailView):
    queryset = Note.objects.select_related("author")
{%- if has_auth %}


class NoteCreateView(LoginRequiredMixin, CreateView):
    """Only signed-in users write notes; the author is whoever is signed in."""

    model = Note
    fields = ["title", "body"]

    def form_valid(self, form: ModelForm) -> HttpResponse:
        form.instance.author = self.request.user
        return super().form_valid(form)
{%- endif %}

{% set has_auth = cookiecutter.auth == "yes" -%}
{% set has_tenancy = cookiecutter.tenancy == "yes" -%}
{%- if has_tenancy -%}
from typing import Any

from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpResponse
from django.views.generic import CreateView, DetailView, ListView

from {{ cookiecutter.project_slug }}.core.pagination import CountLimitedPaginator
from {{ cookiecutter.project_slug }}.notes.models import Note
from {{ cookiecutter.project_slug }}.organizations.tenant import current_tenant, page_tenant


class NoteListView(ListView):
    """The home page: the latest notes of the organisation the user works in, twenty to a page."""

    paginate_by = 20
    paginator_class = CountLimitedPaginator

    def get_queryset(self) -> QuerySet[Note]:
        tenant = page_tenant(self.request)
        if tenant is None:
            return Note.objects.none()
        return Note.objects.for_tenant(tenant).select_related("author")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["sign_in_to_read"] = not self.request.user.is_authenticated
        return context


class NoteDetailView(LoginRequiredMixin, DetailView):
    """A note of the current organisation; any other note is a 404, whether or not it exists."""

    def get_queryset(self) -> QuerySet[Note]:
        return Note.objects.for_tenant(current_tenant(self.request)).select_related("author")


class NoteCreateView(LoginRequiredMixin, CreateView):
    """The note goes to the organisation the user works in; the author is whoever is signed in."""

    model = Note
    fields = ["title", "body"]

    def form_valid(self, form: ModelForm) -> HttpResponse:
        form.instance.author = self.request.user
        form.instance.organization = current_tenant(self.request).organization
        return super().form_valid(form)
{%- else -%}
{%- if has_auth -%}
from django.contrib.auth.mixins import LoginRequiredMixin
from django.forms import ModelForm
from django.http import HttpResponse
from django.views.generic import CreateView, DetailView, ListView
{%- else -%}
from django.views.generic import DetailView, ListView
{%- endif %}

from {{ cookiecutter.project_slug }}.core.pagination import CountLimitedPaginator
from {{ cookiecutter.project_slug }}.notes.models import Note


class NoteListView(ListView):
    """The home page: the latest notes, twenty to a page."""

    queryset = Note.objects.select_related("author")
    paginate_by = 20
    paginator_class = CountLimitedPaginator


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
{%- endif %}

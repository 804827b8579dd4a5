from typing import Any

from django.conf import settings
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.forms import ModelForm
from django.http import HttpRequest, HttpResponse
from django.urls import reverse_lazy
from django.views.generic import CreateView

from {{ cookiecutter.project_slug }}.users.forms import SignupForm


class SignupView(CreateView):
    """Create an account and sign the new user in straight away."""

    form_class = SignupForm
    template_name = "users/signup.html"
    success_url = reverse_lazy("notes:list")

    def form_valid(self, form: ModelForm) -> HttpResponse:
        response = super().form_valid(form)
        login(self.request, self.object)
        return response


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset view; its mail names the project (SITE_NAME), not the request's host."""

    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"

    def setup(self, request: HttpRequest, *args: Any, **kwargs: Any) -> None:
        super().setup(request, *args, **kwargs)
        # Read per request, so a changed SITE_NAME (or a test's override) is what the mail says.
        self.extra_email_context = {"site_name": settings.SITE_NAME}

from typing import Any

from django.conf import settings
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.http import HttpResponse
from django.urls import reverse_lazy
from django.views.generic import CreateView

from {{ cookiecutter.project_slug }}.users.forms import SignupForm


class SignupView(CreateView):
    """Create an account and sign the new user in straight away."""

    form_class = SignupForm
    template_name = "users/signup.html"
    success_url = reverse_lazy("notes:list")

    def form_valid(self, form: SignupForm) -> HttpResponse:
        response = super().form_valid(form)
        login(self.request, self.object)
        return response


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset view; its mail names the project (SITE_NAME), not the request's host."""

    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"

    @property
    def extra_email_context(self) -> dict[str, Any]:
        return {"site_name": settings.SITE_NAME}

from django.contrib.auth import login
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

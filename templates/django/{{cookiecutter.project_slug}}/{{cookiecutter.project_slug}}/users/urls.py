from django.urls import path

from {{ cookiecutter.project_slug }}.users.views import SignupView

urlpatterns = [
    path("signup/", SignupView.as_view(), name="signup"),
]

from django.urls import path

from {{ cookiecutter.project_slug }}.users.views import PasswordResetView, SignupView

# Included before django.contrib.auth.urls, so these take precedence over Django's own.
urlpatterns = [
    path("signup/", SignupView.as_view(), name="signup"),
    path("password_reset/", PasswordResetView.as_view(), name="password_reset"),
]

from django.contrib.auth import forms as auth_forms

from {{ cookiecutter.project_slug }}.users.models import User


class UserAdminCreationForm(auth_forms.AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email",)


class UserAdminChangeForm(auth_forms.UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"
{%- if cookiecutter.auth == "yes" %}


class SignupForm(auth_forms.BaseUserCreationForm):
    """Sign-up with an email address and a password typed twice."""

    class Meta:
        model = User
        fields = ("email",)
{%- endif %}

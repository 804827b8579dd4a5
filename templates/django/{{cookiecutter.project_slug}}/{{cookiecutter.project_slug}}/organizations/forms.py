from django import forms

from {{ cookiecutter.project_slug }}.organizations.models import Organization, Role


class OrganizationForm(forms.ModelForm):
    class Meta:
        model = Organization
        fields = ["name"]


class MemberForm(forms.Form):
    """Add an existing account, by its e-mail address, to the current organisation."""

    email = forms.EmailField()
    role = forms.ChoiceField(choices=Role.choices, initial=Role.MEMBER)

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from {{ cookiecutter.project_slug }}.organizations.forms import MemberForm, OrganizationForm
from {{ cookiecutter.project_slug }}.organizations.tenant import (
    AlreadyMemberError,
    UnknownUserError,
    add_member,
    choose,
    create_organization,
    current_tenant,
    memberships_of,
    signed_in,
)


@login_required
@require_http_methods(["GET", "POST"])
def organization_list(request: HttpRequest) -> HttpResponse:
    """The user's organisations, the one they work in, and a form to start another."""
    form = OrganizationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        organization = create_organization(form.cleaned_data["name"], owner=signed_in(request))
        choose(request, organization.pk)
        messages.success(request, f"You now work in {organization.name}.")
        return redirect("organizations:list")
    context = {
        "memberships": memberships_of(signed_in(request)),
        "tenant": current_tenant(request),
        "form": form,
    }
    return render(request, "organizations/organization_list.html", context)


@login_required
@require_POST
def switch(request: HttpRequest, pk: int) -> HttpResponse:
    """Work in another of the user's organisations; 404 for one they do not belong to."""
    tenant = choose(request, pk)
    messages.success(request, f"You now work in {tenant.organization.name}.")
    return redirect("notes:list")


@login_required
@require_http_methods(["GET", "POST"])
def members(request: HttpRequest) -> HttpResponse:
    """The current organisation's members; owners and admins add accounts by e-mail address."""
    tenant = current_tenant(request)
    form = MemberForm(request.POST or None)
    if request.method == "POST":
        if not tenant.manages_members:
            raise PermissionDenied("Only the organisation's owners and admins add members.")
        if form.is_valid():
            email = form.cleaned_data["email"]
            try:
                add_member(tenant, email, form.cleaned_data["role"])
            except UnknownUserError:
                form.add_error("email", "No account has this e-mail address.")
            except AlreadyMemberError:
                form.add_error("email", "This account is already a member.")
            else:
                messages.success(request, f"{email} is now a member.")
                return redirect("organizations:members")
    memberships = tenant.organization.memberships.select_related("user")
    context = {"tenant": tenant, "memberships": memberships, "form": form}
    return render(request, "organizations/members.html", context)

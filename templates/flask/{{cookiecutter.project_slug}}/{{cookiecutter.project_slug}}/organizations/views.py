"""Pages: the user's organisations, switching between them, and adding members."""

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_login import current_user, login_required
from werkzeug.wrappers import Response

from .forms import MemberForm, OrganizationForm
from .tenant import (
    AlreadyMemberError,
    UnknownUserError,
    add_member,
    choose,
    create_organization,
    current_tenant,
    members_of,
    memberships_of,
    page_tenant,
)

bp = Blueprint("organizations", __name__, url_prefix="/organizations")


@bp.route("/", methods=["GET", "POST"])
@login_required
def index() -> str | Response:
    """The user's organisations and their role in each; a form to start another."""
    form = OrganizationForm()
    if form.validate_on_submit():
        organization = create_organization(form.name.data or "", owner_id=current_user.id)
        choose(organization.id)
        flash(f"You now work in {organization.name}.", "success")
        return redirect(url_for("organizations.index"))
    return render_template(
        "organizations/index.html",
        memberships=memberships_of(current_user.id),
        tenant=current_tenant(),
        form=form,
    )


@bp.post("/<int(max=2147483647):organization_id>/switch")
@login_required
def switch(organization_id: int) -> Response:
    """Work in another of the user's organisations; 404 for one they do not belong to."""
    tenant = choose(organization_id)
    flash(f"You now work in {tenant.organization.name}.", "success")
    return redirect(url_for("note_pages.index"))


@bp.route("/members", methods=["GET", "POST"])
@login_required
def members() -> str | Response:
    """The current organisation's members; owners and admins add accounts by e-mail address."""
    tenant = current_tenant()
    form = MemberForm()
    if form.is_submitted() and not tenant.manages_members:
        abort(403)
    if form.validate_on_submit():
        email = form.email.data or ""
        try:
            membership = add_member(tenant, email, form.role.data or "member")
        except UnknownUserError:
            form.email.errors = [*form.email.errors, "No account has this e-mail address."]
        except AlreadyMemberError:
            form.email.errors = [*form.email.errors, "This account is already a member."]
        else:
            flash(f"{membership.user.email} is now a member.", "success")
            return redirect(url_for("organizations.members"))
    return render_template(
        "organizations/members.html",
        tenant=tenant,
        memberships=members_of(tenant.organization_id),
        form=form,
    )


@bp.app_context_processor
def tenant_for_templates() -> dict[str, object]:
    """The header names the organisation the user works in; looked up only where a page asks."""
    return {"current_tenant_or_none": page_tenant}

"""The tenant a request works in, and the only ways to find, create or join one.

Views never filter notes by organisation themselves: they ask for `current_tenant(request)` (the
session's choice, for pages) or `api_tenant(...)` (the X-Organization header, for the API), then
read through `Model.objects.for_tenant(tenant)`. A row of another organisation is then simply not
found: a 404, which tells nothing about whether it exists.
"""

import re
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.http import Http404, HttpRequest

from {{ cookiecutter.project_slug }}.organizations.models import (
    MANAGERS,
    Membership,
    Organization,
    Role,
)
from {{ cookiecutter.project_slug }}.users.models import User

#: The session key that holds the organisation chosen on the organisations page.
SESSION_KEY = "organization_id"
#: The request header an API client names its organisation with.
HEADER = "X-Organization"
DIGITS = re.compile(r"[0-9]{1,18}")


class AlreadyMemberError(Exception):
    """The user already belongs to the organisation."""


class UnknownUserError(Exception):
    """No account has this e-mail address."""


@dataclass(frozen=True)
class Tenant:
    """The organisation a request works in, and the signed-in user's role there."""

    organization: Organization
    role: str

    @property
    def manages_members(self) -> bool:
        return self.role in MANAGERS


def tenant_for(user: User, organization_id: int | None = None) -> Tenant | None:
    """The user's tenant: the organisation asked for if they belong to it, else their oldest one."""
    memberships = memberships_of(user)
    if organization_id is not None:
        memberships = memberships.filter(organization_id=organization_id)
    membership = memberships.first()
    if membership is None:
        return None
    return Tenant(membership.organization, membership.role)


def account_of(user: object) -> User | None:
    """The signed-in account, or None for a visitor (Django's `AnonymousUser`)."""
    return user if isinstance(user, User) else None


def signed_in_account(user: object) -> User:
    """The signed-in account; 404 for a visitor, who works in no organisation."""
    account = account_of(user)
    if account is None:
        raise Http404("Sign in to work in an organisation.")
    return account


def signed_in(request: HttpRequest) -> User:
    return signed_in_account(request.user)


def memberships_of(user: object) -> QuerySet[Membership]:
    """The user's memberships, oldest first, with their organisations; none when signed out."""
    account = account_of(user)
    if account is None:
        return Membership.objects.none()
    return Membership.objects.filter(user=account).select_related("organization").order_by("id")


def page_tenant(request: HttpRequest) -> Tenant | None:
    """The page's tenant, or None: the organisation chosen in this session, else the user's own."""
    account = account_of(request.user)
    if account is None:
        return None
    chosen = request.session.get(SESSION_KEY)
    tenant = tenant_for(account, chosen if isinstance(chosen, int) else None)
    if tenant is None and chosen is not None:
        # The choice went stale (the membership ended): back to the user's own organisation.
        request.session.pop(SESSION_KEY, None)
        tenant = tenant_for(account)
    return tenant


def current_tenant(request: HttpRequest) -> Tenant:
    """The page's tenant (see `page_tenant`); 404 for a user who belongs to no organisation."""
    signed_in(request)
    tenant = page_tenant(request)
    if tenant is None:
        raise Http404("You belong to no organisation.")
    return tenant


def api_tenant(user: object, named: str | None) -> Tenant:
    """The API's tenant: the organisation named by X-Organization (`named`), else the user's own;
    404 if the user is not a member (the same answer as for an organisation that does not exist)."""
    account = signed_in_account(user)
    organization_id = None
    if named is not None:
        # ASCII digits within the id column's 64-bit range: anything else names no organisation.
        if not DIGITS.fullmatch(named):
            raise Http404(f"{HEADER} must name an organisation by its id.")
        organization_id = int(named)
    tenant = tenant_for(account, organization_id)
    if tenant is None:
        raise Http404("No such organisation.")
    return tenant


def choose(request: HttpRequest, organization_id: int) -> Tenant:
    """Make `organization_id` the session's organisation; 404 unless the user belongs to it."""
    tenant = tenant_for(signed_in(request), organization_id)
    if tenant is None:
        raise Http404("No such organisation.")
    request.session[SESSION_KEY] = tenant.organization.pk
    return tenant


@transaction.atomic
def create_organization(name: str, owner: User) -> Organization:
    organization = Organization.objects.create(name=name)
    Membership.objects.create(user=owner, organization=organization, role=Role.OWNER)
    return organization


def add_member(tenant: Tenant, email: str, role: str = Role.MEMBER) -> Membership:
    """Add the account with this e-mail address to the tenant's organisation."""
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        raise UnknownUserError(email)
    try:
        with transaction.atomic():
            return Membership.objects.create(user=user, organization=tenant.organization, role=role)
    except IntegrityError as err:
        raise AlreadyMemberError(email) from err

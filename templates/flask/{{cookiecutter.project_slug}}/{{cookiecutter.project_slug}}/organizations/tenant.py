"""The organisation a request works in, and the one place a tenant's rows are queried from.

Views never filter notes by organisation themselves: they take the request's `Tenant` (from
`page_tenant()` for pages, `api_tenant()` for the API) and start every query from
`tenant.select(Note)`. A note of another organisation is then simply not found: a 404, which tells
nothing about whether it exists.
"""

import re
from dataclasses import dataclass
from typing import TypeVar

from flask import abort, request, session
from flask_login import current_user
from sqlalchemy import ColumnElement, Select, select
from sqlalchemy.exc import IntegrityError

from ..auth.models import User, normalize_email
from ..extensions import db
from .models import MANAGERS, Membership, Organization, Role, TenantOwned

#: The session key that holds the organisation chosen on the organisations page.
SESSION_KEY = "organization_id"
#: The request header an API client names its organisation with.
HEADER = "X-Organization"
#: The largest id `organizations.id` (a 32-bit integer) holds.
MAX_ORGANIZATION_ID = 2**31 - 1
DIGITS = re.compile(r"[0-9]{1,10}")


Owned = TypeVar("Owned", bound=TenantOwned)


class AlreadyMemberError(Exception):
    """The account already belongs to the organisation."""


class UnknownUserError(Exception):
    """No account has this e-mail address."""


@dataclass(frozen=True)
class Tenant:
    """The organisation a request works in, and the signed-in user's role there."""

    organization: Organization
    role: str

    @property
    def organization_id(self) -> int:
        return self.organization.id

    @property
    def manages_members(self) -> bool:
        return self.role in MANAGERS

    def owns(self, model: type[TenantOwned]) -> ColumnElement[bool]:
        return model.organization_id == self.organization_id

    def select(self, model: type[Owned]) -> Select[Owned]:
        return select(model).where(self.owns(model))


def memberships_of(user_id: int) -> list[Membership]:
    """The user's memberships, oldest first (their own organisation first)."""
    query = select(Membership).where(Membership.user_id == user_id).order_by(Membership.id)
    return list(db.session.scalars(query))


def members_of(organization_id: int) -> list[Membership]:
    """An organisation's memberships, oldest first, with the accounts."""
    query = select(Membership).where(Membership.organization_id == organization_id)
    return list(db.session.scalars(query.order_by(Membership.id)))


def tenant_for(user_id: int, organization_id: int | None = None) -> Tenant | None:
    """The user's tenant: the organisation asked for if they belong to it, else their oldest one."""
    query = select(Membership).where(Membership.user_id == user_id)
    if organization_id is not None:
        query = query.where(Membership.organization_id == organization_id)
    membership = db.session.scalar(query.order_by(Membership.id).limit(1))
    if membership is None:
        return None
    return Tenant(membership.organization, membership.role)


def page_tenant() -> Tenant | None:
    """The pages' tenant: the organisation chosen in this session, else the user's own."""
    if not current_user.is_authenticated:
        return None
    chosen = session.get(SESSION_KEY)
    tenant = tenant_for(current_user.id, chosen if isinstance(chosen, int) else None)
    if tenant is None and chosen is not None:
        # The choice went stale (the membership ended): back to the user's own organisation.
        session.pop(SESSION_KEY, None)
        tenant = tenant_for(current_user.id)
    return tenant


def current_tenant() -> Tenant:
    """`page_tenant()`, or 404 for a user who belongs to no organisation."""
    tenant = page_tenant()
    if tenant is None:
        abort(404)
    return tenant


def api_tenant() -> Tenant:
    """The API's tenant: the organisation named by X-Organization, else the user's own; 404 if the
    user is not a member (the same answer as for an organisation that does not exist)."""
    named = request.headers.get(HEADER)
    organization_id = None
    if named is not None:
        # ASCII digits within the id column's 32-bit range: anything else names no organisation.
        if not DIGITS.fullmatch(named) or int(named) > MAX_ORGANIZATION_ID:
            abort(404, description=f"{HEADER} must name one of your organisations by its id.")
        organization_id = int(named)
    tenant = tenant_for(current_user.id, organization_id)
    if tenant is None:
        abort(404, description="No such organisation.")
    return tenant


def choose(organization_id: int) -> Tenant:
    """Make `organization_id` the session's organisation; 404 unless the user belongs to it."""
    tenant = tenant_for(current_user.id, organization_id)
    if tenant is None:
        abort(404)
    session[SESSION_KEY] = tenant.organization_id
    return tenant


def personal_organization(user: User) -> tuple[Organization, Membership]:
    """A new account's own organisation, which it owns: every user can work from the start."""
    organization = Organization(name=f"{user.email}'s organisation")
    return organization, Membership(user=user, organization=organization, role=Role.OWNER)


def create_organization(name: str, owner_id: int) -> Organization:
    organization = Organization(name=name)
    db.session.add(organization)
    db.session.flush()
    db.session.add(Membership(user_id=owner_id, organization_id=organization.id, role=Role.OWNER))
    db.session.commit()
    return organization


def add_member(tenant: Tenant, email: str, role: str) -> Membership:
    """Add the account with this e-mail address to the tenant's organisation."""
    user = db.session.scalar(select(User).where(User.email == normalize_email(email)))
    if user is None:
        raise UnknownUserError(email)
    membership = Membership(user_id=user.id, organization_id=tenant.organization_id, role=role)
    db.session.add(membership)
    try:
        db.session.commit()
    except IntegrityError as err:
        db.session.rollback()
        raise AlreadyMemberError(email) from err
    return membership

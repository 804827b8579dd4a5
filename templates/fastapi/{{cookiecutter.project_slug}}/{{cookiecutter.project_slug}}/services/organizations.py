"""Organisations (tenants) and memberships, and `Tenant`: the one place a query is scoped to a tenant.

Every read or write of a tenant's rows starts from `tenant.select(Model)` or filters with
`tenant.owns(Model)`; a service that takes a `Tenant` cannot forget the filter, because it never
builds the query from scratch. Rows of another organisation are then simply not found (404), which
tells nothing about whether they exist.
"""

from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import ColumnElement, Select, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from {{ cookiecutter.project_slug }}.models import Membership, Organization, Role, User
from {{ cookiecutter.project_slug }}.models.organization import TenantOwned

Owned = TypeVar("Owned", bound=TenantOwned)


class AlreadyMemberError(Exception):
    """The user already belongs to the organisation."""


class UnknownUserError(Exception):
    """No account has this username."""


@dataclass(frozen=True)
class Tenant:
    """The organisation a request works in, and the signed-in user's place in it."""

    organization_id: int
    user_id: int
    role: Role

    def owns(self, model: type[TenantOwned]) -> ColumnElement[bool]:
        return model.organization_id == self.organization_id

    def select(self, model: type[Owned]) -> Select[Owned]:
        return select(model).where(self.owns(model))

    @property
    def manages_members(self) -> bool:
        return self.role in (Role.OWNER, Role.ADMIN)


def personal_organization(user: User) -> tuple[Organization, Membership]:
    """A new account's own organisation, which it owns: every user can work from the first request."""
    organization = Organization(name=f"{user.username}'s organization")
    return organization, Membership(user=user, organization=organization, role=Role.OWNER)


async def create_organization(session: AsyncSession, name: str, owner_id: int) -> Organization:
    organization = Organization(name=name)
    session.add(organization)
    await session.flush()
    session.add(Membership(user_id=owner_id, organization_id=organization.id, role=Role.OWNER))
    await session.commit()
    await session.refresh(organization)
    return organization


async def memberships_of(session: AsyncSession, user_id: int) -> list[tuple[Organization, Role]]:
    query = (
        select(Organization, Membership.role)
        .join(Membership, Membership.organization_id == Organization.id)
        .where(Membership.user_id == user_id)
        .order_by(Organization.id)
    )
    return [(organization, Role(role)) for organization, role in await session.execute(query)]


async def tenant_for(
    session: AsyncSession, user_id: int, organization_id: int | None
) -> Tenant | None:
    """The user's tenant: the organisation asked for if they belong to it, else their first one."""
    query = select(Membership).where(Membership.user_id == user_id)
    if organization_id is not None:
        query = query.where(Membership.organization_id == organization_id)
    # Without a choice, the oldest membership: a new account's own organisation.
    membership = await session.scalar(query.order_by(Membership.id).limit(1))
    if membership is None:
        return None
    return Tenant(membership.organization_id, user_id, Role(membership.role))


async def add_member(session: AsyncSession, tenant: Tenant, username: str, role: Role) -> User:
    """Add the account named `username` to the tenant's organisation; return the account."""
    user = await session.scalar(select(User).where(User.username == username))
    if user is None:
        raise UnknownUserError(username)
    session.add(Membership(user_id=user.id, organization_id=tenant.organization_id, role=role))
    try:
        await session.commit()
    except IntegrityError as err:
        await session.rollback()
        raise AlreadyMemberError(username) from err
    return user

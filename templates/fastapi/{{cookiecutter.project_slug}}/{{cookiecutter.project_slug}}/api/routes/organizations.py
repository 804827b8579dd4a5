"""Organisations (tenants): the signed-in user's, a new one, and adding members."""

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, status

from {{ cookiecutter.project_slug }}.api.deps import CurrentUser
from {{ cookiecutter.project_slug }}.db.session import SessionDep
from {{ cookiecutter.project_slug }}.models import Role
from {{ cookiecutter.project_slug }}.schemas.organization import (
    MemberAdd,
    MemberRead,
    OrganizationCreate,
    OrganizationRead,
)
from {{ cookiecutter.project_slug }}.services import organizations as service

router = APIRouter(
    prefix="/organizations",
    tags=["organizations"],
    responses={status.HTTP_401_UNAUTHORIZED: {"description": "Missing or invalid token"}},
)
OrganizationId = Annotated[int, Path(ge=1, le=2**31 - 1)]
MEMBER_ANSWERS: dict[int | str, dict[str, Any]] = {
    status.HTTP_403_FORBIDDEN: {"description": "Only owners and admins add members"},
    status.HTTP_404_NOT_FOUND: {"description": "No such organization among yours, or no such user"},
    status.HTTP_409_CONFLICT: {"description": "The user is a member already"},
}


@router.get("")
async def list_organizations(user: CurrentUser, session: SessionDep) -> list[OrganizationRead]:
    """The organisations the signed-in user belongs to, with their role in each."""
    return [
        OrganizationRead(id=organization.id, name=organization.name, role=role)
        for organization, role in await service.memberships_of(session, user.id)
    ]


@router.post("", status_code=status.HTTP_201_CREATED)
async def create_organization(
    data: OrganizationCreate, user: CurrentUser, session: SessionDep
) -> OrganizationRead:
    """A new organisation, owned by the signed-in user."""
    organization = await service.create_organization(session, data.name, owner_id=user.id)
    return OrganizationRead(id=organization.id, name=organization.name, role=Role.OWNER)


@router.post(
    "/{organization_id}/members", status_code=status.HTTP_201_CREATED, responses=MEMBER_ANSWERS
)
async def add_member(
    organization_id: OrganizationId, data: MemberAdd, user: CurrentUser, session: SessionDep
) -> MemberRead:
    """Add an existing account to one of your organisations, as an admin or a member."""
    tenant = await service.tenant_for(session, user.id, organization_id)
    if tenant is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail="Organization not found")
    if not tenant.manages_members:
        raise HTTPException(status.HTTP_403_FORBIDDEN, detail="Only owners and admins add members")
    try:
        member = await service.add_member(session, tenant, data.username, Role(data.role))
    except service.UnknownUserError as err:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail="User not found") from err
    except service.AlreadyMemberError as err:
        raise HTTPException(status.HTTP_409_CONFLICT, detail="Already a member") from err
    return MemberRead(user_id=member.id, username=member.username, role=data.role)

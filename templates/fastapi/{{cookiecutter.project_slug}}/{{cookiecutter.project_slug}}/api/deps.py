{% set has_auth = cookiecutter.auth == "yes" -%}
{% set has_tenancy = cookiecutter.tenancy == "yes" -%}
"""Dependencies shared by the routers."""

from typing import Annotated
{% if has_auth %}
from fastapi import Depends, {% if has_tenancy %}Header, {% endif %}HTTPException, Request, status
from fastapi.security import OAuth2PasswordBearer
from sqlalchemy.ext.asyncio import AsyncSession
{%- else %}
from fastapi import Depends, Request
{%- endif %}

from {{ cookiecutter.project_slug }}.core.config import Settings
{%- if has_auth %}
from {{ cookiecutter.project_slug }}.core.security import read_access_token
from {{ cookiecutter.project_slug }}.db.session import SessionDep
from {{ cookiecutter.project_slug }}.models import User
{%- if has_tenancy %}
from {{ cookiecutter.project_slug }}.services.organizations import Tenant, tenant_for
{%- endif %}
from {{ cookiecutter.project_slug }}.services.users import get_active_user
{%- endif %}


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


SettingsDep = Annotated[Settings, Depends(get_settings)]
{%- if has_auth %}

# auto_error=False: a missing token gets the same 401 as a bad one, from one place.
oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/api/v1/auth/token", auto_error=False)


async def user_for_token(token: str, session: AsyncSession, settings: Settings) -> User | None:
    """The active user a valid, unexpired access token names, if any."""
    subject = read_access_token(token, secret_key=settings.secret)
    if subject is None or not subject.isdecimal() or len(subject) > 18:
        return None
    return await get_active_user(session, int(subject))


async def get_current_user(
    token: Annotated[str | None, Depends(oauth2_scheme)],
    session: SessionDep,
    settings: SettingsDep,
) -> User:
    """Guard for routes that need a signed-in user."""
    unauthorized = HTTPException(
        status_code=status.HTTP_401_UNAUTHORIZED,
        detail="Not authenticated",
        headers={"WWW-Authenticate": "Bearer"},
    )
    user = await user_for_token(token, session, settings) if token else None
    if user is None:
        raise unauthorized
    return user


CurrentUser = Annotated[User, Depends(get_current_user)]
{%- if has_tenancy %}
# Which organisation a request works in; without the header, the user's first (their own).
OrganizationHeader = Annotated[
    int | None,
    Header(alias="X-Organization", ge=1, le=2**31 - 1, description="The organisation's id"),
]


async def get_tenant(
    user: CurrentUser, session: SessionDep, organization: OrganizationHeader = None
) -> Tenant:
    """The request's tenant; an organisation the user does not belong to is not found."""
    tenant = await tenant_for(session, user.id, organization)
    if tenant is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail="Organization not found")
    return tenant


CurrentTenant = Annotated[Tenant, Depends(get_tenant)]
{%- endif %}
{%- endif %}

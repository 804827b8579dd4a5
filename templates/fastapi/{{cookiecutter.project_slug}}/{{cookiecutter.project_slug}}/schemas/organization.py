"""Organisations (tenants) and their members, as clients see them."""

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from {{ cookiecutter.project_slug }}.schemas.fields import NonBlankText
from {{ cookiecutter.project_slug }}.schemas.user import Username

OrganizationName = Annotated[NonBlankText, Field(min_length=1, max_length=100)]


class OrganizationCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: OrganizationName


class OrganizationRead(BaseModel):
    id: int
    name: str
    #: The signed-in user's role in it.
    role: Literal["owner", "admin", "member"]


class MemberAdd(BaseModel):
    model_config = ConfigDict(extra="forbid")

    username: Username
    # Owners are made when an organisation is created; others join as admins or members.
    role: Literal["admin", "member"] = "member"


class MemberRead(BaseModel):
    user_id: int
    username: str
    role: Literal["owner", "admin", "member"]

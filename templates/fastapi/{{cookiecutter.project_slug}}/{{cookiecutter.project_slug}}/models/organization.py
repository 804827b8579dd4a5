"""Tenants: organisations, and the users who belong to them with a role."""

from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import DateTime, ForeignKey, Integer, String, UniqueConstraint, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from {{ cookiecutter.project_slug }}.db.base import Base

if TYPE_CHECKING:
    from {{ cookiecutter.project_slug }}.models.user import User


class Role(StrEnum):
    OWNER = "owner"  # everything an admin may, and the organisation is theirs
    ADMIN = "admin"  # adds and removes members
    MEMBER = "member"  # works with the organisation's items


class Organization(Base):
    __tablename__ = "organizations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class TenantOwned:
    """Rows that belong to one organisation. Query them through `Tenant` (services/organizations.py)."""

    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id", ondelete="CASCADE"))


class Membership(Base):
    __tablename__ = "memberships"
    __table_args__ = (UniqueConstraint("user_id", "organization_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[str] = mapped_column(String(20), default=Role.MEMBER)

    user: Mapped["User"] = relationship()
    organization: Mapped[Organization] = relationship()

"""Tenants: organisations, and the users who belong to them with a role."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import DateTime, ForeignKey, String, UniqueConstraint, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..auth.models import User
from ..extensions import Model


class Role(StrEnum):
    OWNER = "owner"  # everything an admin may, and the organisation is theirs
    ADMIN = "admin"  # adds members
    MEMBER = "member"  # works with the organisation's notes


#: Roles that may add members to their organisation.
MANAGERS = frozenset({Role.OWNER, Role.ADMIN})


class Organization(Model):
    __tablename__ = "organizations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    def __repr__(self) -> str:
        return f"<Organization {self.id}>"


class TenantOwned:
    """Rows that belong to one organisation: query them through `Tenant` (tenant.py)."""

    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id", ondelete="CASCADE"))


class Membership(Model):
    __tablename__ = "memberships"
    __table_args__ = (UniqueConstraint("user_id", "organization_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[str] = mapped_column(String(20), default=Role.MEMBER)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    user: Mapped[User] = relationship()
    organization: Mapped[Organization] = relationship()

    def __repr__(self) -> str:
        return f"<Membership {self.user_id} in {self.organization_id}>"

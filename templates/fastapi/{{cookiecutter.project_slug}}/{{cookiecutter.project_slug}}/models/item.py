{% set has_auth = cookiecutter.auth == "yes" -%}
{% set has_tenancy = cookiecutter.tenancy == "yes" -%}
"""The example resource{% if has_tenancy %}, kept by an organisation (its tenant) and made by one of its users{% elif has_auth %}, owned by the user who created it{% endif %}."""

from datetime import datetime

from sqlalchemy import DateTime, {% if has_auth %}ForeignKey, Index, {% endif %}Integer, String, func
from sqlalchemy.orm import Mapped, mapped_column

from {{ cookiecutter.project_slug }}.db.base import Base
{%- if has_tenancy %}
from {{ cookiecutter.project_slug }}.models.organization import TenantOwned
{%- endif %}


class Item({% if has_tenancy %}TenantOwned, {% endif %}Base):
    __tablename__ = "items"
{%- if has_auth %}
    # A page of one owner's items is read in id order straight off this index, however many rows there are.
{%- if has_tenancy %}
    __table_args__ = (
        Index("ix_items_owner_id_id", "owner_id", "id"),
        # The same for one organisation's items: every query of a tenant's items reads this index.
        Index("ix_items_organization_id_id", "organization_id", "id"),
    )
{%- else %}
    __table_args__ = (Index("ix_items_owner_id_id", "owner_id", "id"),)
{%- endif %}
{%- endif %}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
{%- if has_auth %}
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
{%- endif %}
    name: Mapped[str] = mapped_column(String(100), index=True)
    description: Mapped[str | None] = mapped_column(String(1000))
    quantity: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

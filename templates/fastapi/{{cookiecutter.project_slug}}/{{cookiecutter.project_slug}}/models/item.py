{% set has_auth = cookiecutter.auth == "yes" -%}
"""The example resource{% if has_auth %}, owned by the user who created it{% endif %}."""

from datetime import datetime

from sqlalchemy import DateTime, {% if has_auth %}ForeignKey, Index, {% endif %}Integer, String, func
from sqlalchemy.orm import Mapped, mapped_column

from {{ cookiecutter.project_slug }}.db.base import Base


class Item(Base):
    __tablename__ = "items"
{%- if has_auth %}
    # A page of one owner's items is read in id order straight off this index, however many rows there are.
    __table_args__ = (Index("ix_items_owner_id_id", "owner_id", "id"),)
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

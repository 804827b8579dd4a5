{% set has_auth = cookiecutter.auth == "yes" -%}
{% set has_tenancy = cookiecutter.tenancy == "yes" -%}
from datetime import datetime

{% if has_tenancy -%}
from sqlalchemy import DateTime, ForeignKey, Index, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import Model
from ..organizations.models import TenantOwned
{%- elif has_auth -%}
from sqlalchemy import DateTime, ForeignKey, String, Text, func
{%- else -%}
from sqlalchemy import DateTime, String, Text, func
{%- endif %}
{%- if not has_tenancy %}
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import Model
{%- endif %}


class Note({% if has_tenancy %}TenantOwned, {% endif %}Model):
    __tablename__ = "notes"
{%- if has_tenancy %}
    # A page of an organisation's notes is a walk along this index.
    __table_args__ = (Index("ix_notes_organization_id_id", "organization_id", "id"),)
{%- endif %}

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")
{%- if has_auth %}
    # Notes belong to the user who wrote them and go when that account is deleted.
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
{%- endif %}

    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    def __repr__(self) -> str:
        return f"<Note {self.id}>"


def unstorable(text: str) -> str | None:
    """Why no database column can store `text`, or None: checked before it reaches the driver."""
    if "\x00" in text:
        return "NUL characters are not allowed."
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "The text is not valid Unicode (an unpaired surrogate)."
    return None

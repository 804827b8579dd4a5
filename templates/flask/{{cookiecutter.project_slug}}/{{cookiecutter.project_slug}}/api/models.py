{% set has_auth = cookiecutter.auth == "yes" -%}
from datetime import datetime

{% if has_auth -%}
from sqlalchemy import DateTime, ForeignKey, String, Text, func
{%- else -%}
from sqlalchemy import DateTime, String, Text, func
{%- endif %}
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import Model


class Note(Model):
    __tablename__ = "notes"

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

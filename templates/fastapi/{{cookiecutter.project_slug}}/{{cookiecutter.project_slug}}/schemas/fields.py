"""Field types shared by the schemas."""

from datetime import UTC, datetime
from typing import Annotated

from pydantic import AfterValidator, Field

# PostgreSQL cannot store NUL characters in text; saying so in the pattern documents it in OpenAPI.
NO_NUL = r"^[^\x00]*$"
NO_NUL_NOT_BLANK = r"^[^\x00]*[^\s\x00][^\x00]*$"


def encodable(value: str) -> str:
    """Reject unpaired surrogates, which cannot be encoded to UTF-8 for storage or hashing."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as err:
        raise ValueError("must be valid Unicode text") from err
    return value


def json_number(value: object) -> object:
    """Let 3 and 3.0 through (both are JSON Schema integers), but not true or "3"."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError("must be a number")
    return value


def as_utc(value: datetime) -> datetime:
    """SQLite hands back naive UTC timestamps; the API always states the offset."""
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


Text = Annotated[str, Field(pattern=NO_NUL), AfterValidator(encodable)]
NonBlankText = Annotated[str, Field(pattern=NO_NUL_NOT_BLANK), AfterValidator(encodable)]
UnicodeText = Annotated[str, AfterValidator(encodable)]
UtcDatetime = Annotated[datetime, AfterValidator(as_utc)]

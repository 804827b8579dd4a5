"""Registration, profile and token payloads."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from {{ cookiecutter.project_slug }}.schemas.fields import UnicodeText, UtcDatetime

USERNAME_PATTERN = r"^[A-Za-z0-9_.-]+$"

Username = Annotated[str, Field(min_length=3, max_length=50, pattern=USERNAME_PATTERN)]
# The upper bound keeps hashing cheap for the server; argon2 itself has no limit.
Password = Annotated[UnicodeText, Field(min_length=8, max_length=128)]


class UserCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    username: Username
    password: Password


class UserRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    username: str
    created_at: UtcDatetime


class Token(BaseModel):
    access_token: str
    token_type: str = "bearer"  # noqa: S105 (the OAuth2 token type, not a secret)

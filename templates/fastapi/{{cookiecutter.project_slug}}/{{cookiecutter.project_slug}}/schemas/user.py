"""Registration, profile and token payloads."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, EmailStr, Field

from {{ cookiecutter.project_slug }}.schemas.fields import UnicodeText, UtcDatetime

USERNAME_PATTERN = r"^[A-Za-z0-9_.-]+$"

Username = Annotated[str, Field(min_length=3, max_length=50, pattern=USERNAME_PATTERN)]
# Checked by email-validator, which also bounds its length (254 characters).
Email = EmailStr
# The upper bound keeps hashing cheap for the server; argon2 itself has no limit.
Password = Annotated[UnicodeText, Field(min_length=8, max_length=128)]


class UserCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    username: Username
    password: Password
    # Where a password reset link can be sent; without one, a forgotten password cannot be reset.
    email: Email | None = None


class UserRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    username: str
    email: str | None
    is_superuser: bool
    created_at: UtcDatetime


class PasswordResetRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    email: Email


class PasswordReset(BaseModel):
    model_config = ConfigDict(extra="forbid")

    token: str = Field(min_length=1, max_length=1000)
    new_password: Password


class PasswordChange(BaseModel):
    model_config = ConfigDict(extra="forbid")

    current_password: str = Field(max_length=128)
    new_password: Password


class Message(BaseModel):
    message: str


class Token(BaseModel):
    access_token: str
    token_type: str = "bearer"  # noqa: S105 (the OAuth2 token type, not a secret)

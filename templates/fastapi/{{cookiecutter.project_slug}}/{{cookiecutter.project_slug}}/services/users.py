{% set has_tenancy = cookiecutter.tenancy == "yes" -%}
"""Registration, sign-in and passwords."""

import logging
import re
import smtplib
from datetime import timedelta
from functools import cache

from anyio import to_thread
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from {{ cookiecutter.project_slug }}.core.config import Settings
from {{ cookiecutter.project_slug }}.core.mail import compose
from {{ cookiecutter.project_slug }}.core.security import (
    create_reset_token,
    fingerprint_matches,
    hash_password,
    hash_password_in_thread,
    read_reset_token,
    verify_password,
    verify_password_in_thread,
)
from {{ cookiecutter.project_slug }}.models import User
from {{ cookiecutter.project_slug }}.schemas.user import USERNAME_PATTERN, UserCreate
{%- if has_tenancy %}
from {{ cookiecutter.project_slug }}.services.organizations import personal_organization
{%- endif %}

logger = logging.getLogger(__name__)


class UsernameTakenError(Exception):
    """Another account already uses this username or e-mail address."""


def normalize_email(email: str) -> str:
    return email.strip().lower()


async def create_user(
    session: AsyncSession, data: UserCreate, *, is_superuser: bool = False
) -> User:
    user = User(
        username=data.username,
        email=normalize_email(data.email) if data.email else None,
        password_hash=await hash_password_in_thread(data.password),
        is_superuser=is_superuser,
    )
    session.add(user)
{%- if has_tenancy %}
    session.add_all(personal_organization(user))
{%- endif %}
    try:
        await session.commit()
    except IntegrityError as err:
        await session.rollback()
        raise UsernameTakenError(data.username) from err
    await session.refresh(user)
    return user


async def get_active_user(session: AsyncSession, user_id: int) -> User | None:
    user = await session.get(User, user_id)
    return user if user is not None and user.is_active else None


async def authenticate(session: AsyncSession, username: str, password: str) -> User | None:
    user = None
    if re.fullmatch(USERNAME_PATTERN, username):
        user = await session.scalar(select(User).where(User.username == username))
    if user is None or not user.is_active:
        # Hash anyway, so that response time does not reveal which usernames exist.
        await to_thread.run_sync(_verify_against_dummy, password)
        return None
    return user if await verify_password_in_thread(password, user.password_hash) else None


@cache
def _dummy_hash() -> str:
    return hash_password("not a real password")


def _verify_against_dummy(password: str) -> None:
    verify_password(password, _dummy_hash())  # in a thread: both are argon2, slow on purpose


async def find_by_email(session: AsyncSession, email: str) -> User | None:
    user = await session.scalar(select(User).where(User.email == normalize_email(email)))
    return user if user is not None and user.is_active else None


async def set_password(session: AsyncSession, user: User, password: str) -> None:
    user.password_hash = await hash_password_in_thread(password)
    await session.commit()


async def user_for_reset_token(
    session: AsyncSession, token: str, *, secret_key: str
) -> User | None:
    """The active user a genuine, unexpired and unused reset token was made for; else None."""
    claims = read_reset_token(token, secret_key=secret_key)
    if claims is None or not claims[0].isdecimal() or len(claims[0]) > 18:
        return None
    user = await get_active_user(session, int(claims[0]))
    if user is None or not fingerprint_matches(user.password_hash, claims[1]):
        return None
    return user


async def list_users(session: AsyncSession, *, limit: int, offset: int) -> list[User]:
    query = select(User).order_by(User.id).limit(limit).offset(offset)
    return list(await session.scalars(query))


def send_reset_mail(user: User, settings: Settings) -> None:
    """Mail the user a reset token; a failure is logged, never shown to whoever asked.

    Blocking (SMTP): the route hands it to a background task, which Starlette runs in a thread."""
    if user.email is None:
        return
    token = create_reset_token(
        str(user.id),
        user.password_hash,
        secret_key=settings.secret,
        expires_in=timedelta(minutes=settings.password_reset_expire_minutes),
    )
    body = (
        f"Someone asked to reset the password of the account {user.username}.\n\n"
        f"To choose a new one within {settings.password_reset_expire_minutes} minutes, send this "
        f"token with the new password to POST /api/v1/auth/password-reset/confirm:\n\n{token}\n\n"
        "If it was not you, ignore this message: your password stays as it is.\n"
    )
    message = compose(
        sender=settings.default_from_email,
        recipient=user.email,
        subject="Reset your password",
        body=body,
    )
    try:
        settings.mailer.send(message)
    except (OSError, smtplib.SMTPException):
        logger.exception("Could not send the password reset mail for user %s", user.id)

"""Registration and sign-in."""

import re
from functools import cache

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from {{ cookiecutter.project_slug }}.core.security import hash_password, verify_password
from {{ cookiecutter.project_slug }}.models import User
from {{ cookiecutter.project_slug }}.schemas.user import USERNAME_PATTERN, UserCreate


class UsernameTakenError(Exception):
    """Another account already uses this username."""


def create_user(session: Session, data: UserCreate) -> User:
    user = User(username=data.username, password_hash=hash_password(data.password))
    session.add(user)
    try:
        session.commit()
    except IntegrityError as err:
        session.rollback()
        raise UsernameTakenError(data.username) from err
    session.refresh(user)
    return user


def get_active_user(session: Session, user_id: int) -> User | None:
    user = session.get(User, user_id)
    return user if user is not None and user.is_active else None


def authenticate(session: Session, username: str, password: str) -> User | None:
    user = None
    if re.fullmatch(USERNAME_PATTERN, username):
        user = session.scalar(select(User).where(User.username == username))
    if user is None or not user.is_active:
        # Hash anyway, so that response time does not reveal which usernames exist.
        verify_password(password, _dummy_hash())
        return None
    return user if verify_password(password, user.password_hash) else None


@cache
def _dummy_hash() -> str:
    return hash_password("not a real password")

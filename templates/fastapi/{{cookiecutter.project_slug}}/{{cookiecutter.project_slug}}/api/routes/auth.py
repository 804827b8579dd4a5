"""OAuth2 password flow: trade a username and password for a bearer token."""

from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, status
from fastapi.security import OAuth2PasswordRequestForm

from {{ cookiecutter.project_slug }}.api.deps import SettingsDep
from {{ cookiecutter.project_slug }}.core.security import create_access_token
from {{ cookiecutter.project_slug }}.db.session import SessionDep
from {{ cookiecutter.project_slug }}.schemas.user import Token
from {{ cookiecutter.project_slug }}.services.users import authenticate

router = APIRouter(prefix="/auth", tags=["auth"])


@router.post(
    "/token",
    responses={status.HTTP_401_UNAUTHORIZED: {"description": "Wrong username or password"}},
)
def issue_token(
    form: Annotated[OAuth2PasswordRequestForm, Depends()],
    session: SessionDep,
    settings: SettingsDep,
) -> Token:
    user = authenticate(session, form.username, form.password)
    if user is None:
        raise HTTPException(
            status_code=status.HTTP_401_UNAUTHORIZED,
            detail="Incorrect username or password",
            headers={"WWW-Authenticate": "Bearer"},
        )
    token = create_access_token(
        str(user.id),
        secret_key=settings.secret,
        expires_in=timedelta(minutes=settings.access_token_expire_minutes),
    )
    return Token(access_token=token)

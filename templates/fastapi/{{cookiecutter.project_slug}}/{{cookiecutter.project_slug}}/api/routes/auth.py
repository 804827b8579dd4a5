"""Sign-in (OAuth2 password flow: a username and password for a bearer token) and password reset."""

from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Depends, HTTPException, status
from fastapi.security import OAuth2PasswordRequestForm

from {{ cookiecutter.project_slug }}.api.deps import SettingsDep
from {{ cookiecutter.project_slug }}.core.security import create_access_token
from {{ cookiecutter.project_slug }}.db.session import SessionDep
from {{ cookiecutter.project_slug }}.schemas.user import Message, PasswordReset, PasswordResetRequest, Token
from {{ cookiecutter.project_slug }}.services.users import (
    authenticate,
    find_by_email,
    send_reset_mail,
    set_password,
    user_for_reset_token,
)

router = APIRouter(prefix="/auth", tags=["auth"])

# The same answer whether or not the address belongs to an account.
RESET_REQUESTED = "If an account uses that address, a password reset token is on its way."


@router.post(
    "/token",
    responses={status.HTTP_401_UNAUTHORIZED: {"description": "Wrong username or password"}},
)
async def issue_token(
    form: Annotated[OAuth2PasswordRequestForm, Depends()],
    session: SessionDep,
    settings: SettingsDep,
) -> Token:
    user = await authenticate(session, form.username, form.password)
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


@router.post("/password-reset", status_code=status.HTTP_202_ACCEPTED)
async def request_password_reset(
    data: PasswordResetRequest,
    session: SessionDep,
    settings: SettingsDep,
    background: BackgroundTasks,
) -> Message:
    """Mail a reset token to the address, if an account has it."""
    user = await find_by_email(session, data.email)
    if user is not None:
        # Sent after the answer, so the time it takes does not tell which addresses exist.
        background.add_task(send_reset_mail, user, settings)
    return Message(message=RESET_REQUESTED)


@router.post(
    "/password-reset/confirm",
    status_code=status.HTTP_204_NO_CONTENT,
    responses={status.HTTP_400_BAD_REQUEST: {"description": "Invalid, expired or used token"}},
)
async def reset_password(data: PasswordReset, session: SessionDep, settings: SettingsDep) -> None:
    """Set a new password with a token from the reset mail; the token then stops working."""
    user = await user_for_reset_token(session, data.token, secret_key=settings.secret)
    if user is None:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, detail="Invalid or expired token")
    await set_password(session, user, data.new_password)

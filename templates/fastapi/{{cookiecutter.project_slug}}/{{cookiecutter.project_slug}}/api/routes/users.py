"""Registration, the signed-in user's profile and password, and the superusers' list of accounts."""

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, status

from {{ cookiecutter.project_slug }}.api.deps import CurrentUser
from {{ cookiecutter.project_slug }}.core.security import verify_password_in_thread
from {{ cookiecutter.project_slug }}.db.session import SessionDep
from {{ cookiecutter.project_slug }}.schemas.user import PasswordChange, UserCreate, UserRead
from {{ cookiecutter.project_slug }}.services.users import (
    UsernameTakenError,
    create_user,
    list_users,
    set_password,
)

router = APIRouter(prefix="/users", tags=["users"])


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    responses={status.HTTP_409_CONFLICT: {"description": "Username or e-mail already taken"}},
)
async def register(session: SessionDep, data: UserCreate) -> UserRead:
    try:
        user = await create_user(session, data)
    except UsernameTakenError as err:
        raise HTTPException(
            status.HTTP_409_CONFLICT, detail="Username or e-mail already taken"
        ) from err
    return UserRead.model_validate(user)


@router.get(
    "/me", responses={status.HTTP_401_UNAUTHORIZED: {"description": "Missing or invalid token"}}
)
async def read_me(user: CurrentUser) -> UserRead:
    return UserRead.model_validate(user)


@router.post(
    "/me/password",
    status_code=status.HTTP_204_NO_CONTENT,
    responses={
        status.HTTP_400_BAD_REQUEST: {"description": "Wrong current password"},
        status.HTTP_401_UNAUTHORIZED: {"description": "Missing or invalid token"},
    },
)
async def change_password(data: PasswordChange, user: CurrentUser, session: SessionDep) -> None:
    """Change the signed-in user's password; tokens issued before stay valid until they expire."""
    if not await verify_password_in_thread(data.current_password, user.password_hash):
        raise HTTPException(status.HTTP_400_BAD_REQUEST, detail="Wrong current password")
    await set_password(session, user, data.new_password)


@router.get(
    "",
    responses={
        status.HTTP_401_UNAUTHORIZED: {"description": "Missing or invalid token"},
        status.HTTP_403_FORBIDDEN: {"description": "Only superusers may list accounts"},
    },
)
async def read_users(
    user: CurrentUser,
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0, le=1_000_000_000)] = 0,
) -> list[UserRead]:
    """Every account, oldest first; superusers only."""
    if not user.is_superuser:
        raise HTTPException(status.HTTP_403_FORBIDDEN, detail="Only superusers may list accounts")
    return [
        UserRead.model_validate(each)
        for each in await list_users(session, limit=limit, offset=offset)
    ]

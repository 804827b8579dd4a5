"""CRUD for items{% if cookiecutter.auth == "yes" %}: anyone may read, signed-in users may write{% endif %}."""

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query, status

{% if cookiecutter.auth == "yes" -%}
from {{ cookiecutter.project_slug }}.api.deps import CurrentUser
{% endif -%}
from {{ cookiecutter.project_slug }}.db.session import SessionDep
from {{ cookiecutter.project_slug }}.models import Item
from {{ cookiecutter.project_slug }}.schemas.item import ItemCreate, ItemRead, ItemUpdate
from {{ cookiecutter.project_slug }}.schemas.page import Page
from {{ cookiecutter.project_slug }}.services import items as service

router = APIRouter(prefix="/items", tags=["items"])

NOT_FOUND = {status.HTTP_404_NOT_FOUND: {"description": "No item with this id"}}
{%- if cookiecutter.auth == "yes" %}
UNAUTHORIZED = {status.HTTP_401_UNAUTHORIZED: {"description": "Missing or invalid token"}}
WRITE_ERRORS = NOT_FOUND | UNAUTHORIZED
{%- else %}
WRITE_ERRORS = NOT_FOUND
{%- endif %}
# Ids stay inside a 32-bit integer column's range.
ItemId = Annotated[int, Path(ge=1, le=2**31 - 1)]


def find_item(session: SessionDep, item_id: ItemId) -> Item:
    item = service.get_item(session, item_id)
    if item is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail="Item not found")
    return item


@router.get("")
def list_items(
    session: SessionDep,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    size: Annotated[int, Query(ge=1, le=100)] = 20,
) -> Page[ItemRead]:
    items, total = service.list_items(session, page=page, size=size)
    return Page[ItemRead](
        items=[ItemRead.model_validate(item) for item in items], total=total, page=page, size=size
    )


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
{%- if cookiecutter.auth == "yes" %}
    responses=UNAUTHORIZED,
{%- endif %}
)
def create_item(
    session: SessionDep,
    data: ItemCreate,
{%- if cookiecutter.auth == "yes" %}
    user: CurrentUser,
{%- endif %}
) -> ItemRead:
    return ItemRead.model_validate(service.create_item(session, data))


@router.get("/{item_id}", responses=NOT_FOUND)
def read_item(session: SessionDep, item_id: ItemId) -> ItemRead:
    return ItemRead.model_validate(find_item(session, item_id))


@router.patch("/{item_id}", responses=WRITE_ERRORS)
def update_item(
    session: SessionDep,
    item_id: ItemId,
    data: ItemUpdate,
{%- if cookiecutter.auth == "yes" %}
    user: CurrentUser,
{%- endif %}
) -> ItemRead:
    item = find_item(session, item_id)
    return ItemRead.model_validate(service.update_item(session, item, data))


@router.delete("/{item_id}", status_code=status.HTTP_204_NO_CONTENT, responses=WRITE_ERRORS)
def delete_item(
    session: SessionDep,
    item_id: ItemId,
{%- if cookiecutter.auth == "yes" %}
    user: CurrentUser,
{%- endif %}
) -> None:
    service.delete_item(session, find_item(session, item_id))

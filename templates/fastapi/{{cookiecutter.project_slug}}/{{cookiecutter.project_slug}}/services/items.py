{% set has_auth = cookiecutter.auth == "yes" -%}
"""Item use cases, free of HTTP concerns so they can be reused by tasks and scripts.
{%- if has_auth %}

Every query is scoped to an owner: another user's item is not found, never merely forbidden.
{%- endif %}"""

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from {{ cookiecutter.project_slug }}.models import Item
from {{ cookiecutter.project_slug }}.schemas.item import ItemCreate, ItemUpdate
{%- if has_auth %}


def list_items(session: Session, *, owner_id: int, page: int, size: int) -> tuple[list[Item], int]:
    owned = Item.owner_id == owner_id
    total = session.scalar(select(func.count()).select_from(Item).where(owned)) or 0
    query = select(Item).where(owned).order_by(Item.id).offset((page - 1) * size).limit(size)
    return list(session.scalars(query)), total


def get_item(session: Session, item_id: int, *, owner_id: int) -> Item | None:
    return session.scalar(select(Item).where(Item.id == item_id, Item.owner_id == owner_id))


def create_item(session: Session, data: ItemCreate, *, owner_id: int) -> Item:
    item = Item(**data.model_dump(), owner_id=owner_id)
{%- else %}


def list_items(session: Session, *, page: int, size: int) -> tuple[list[Item], int]:
    total = session.scalar(select(func.count()).select_from(Item)) or 0
    query = select(Item).order_by(Item.id).offset((page - 1) * size).limit(size)
    return list(session.scalars(query)), total


def get_item(session: Session, item_id: int) -> Item | None:
    return session.get(Item, item_id)


def create_item(session: Session, data: ItemCreate) -> Item:
    item = Item(**data.model_dump())
{%- endif %}
    session.add(item)
    session.commit()
    session.refresh(item)
    return item


def update_item(session: Session, item: Item, data: ItemUpdate) -> Item:
    for field, value in data.model_dump(exclude_unset=True).items():
        setattr(item, field, value)
    session.commit()
    session.refresh(item)
    return item


def delete_item(session: Session, item: Item) -> None:
    session.delete(item)
    session.commit()

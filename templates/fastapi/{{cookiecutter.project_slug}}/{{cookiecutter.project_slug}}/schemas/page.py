"""A page of results, the shape every list endpoint answers with."""

from typing import Generic, TypeVar

from pydantic import BaseModel, Field

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int | None = Field(
        ge=0,
        description="How many items all pages hold; null when there are more than 10,000 (not counted).",
    )
    page: int = Field(ge=1)
    size: int = Field(ge=1)

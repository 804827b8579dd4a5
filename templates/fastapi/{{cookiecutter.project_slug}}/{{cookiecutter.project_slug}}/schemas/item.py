"""What clients send and receive for items."""

from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator
from pydantic.json_schema import SkipJsonSchema

from {{ cookiecutter.project_slug }}.schemas.fields import NonBlankText, Text, UtcDatetime, json_number

Name = Annotated[NonBlankText, Field(min_length=1, max_length=100)]
Description = Annotated[Text, Field(max_length=1000)]
# Constraints first, so that they stay in the OpenAPI schema.
Quantity = Annotated[int, Field(ge=0, le=1_000_000), BeforeValidator(json_number)]


class ItemCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Name
    description: Description | None = None
    quantity: Quantity = 0


class ItemUpdate(BaseModel):
    """Only the fields sent are changed; `description` may be cleared with null."""

    model_config = ConfigDict(extra="forbid")

    name: Name | SkipJsonSchema[None] = None
    description: Description | None = None
    quantity: Quantity | SkipJsonSchema[None] = None

    @field_validator("name", "quantity")
    @classmethod
    def not_null(cls, value: object) -> object:
        # These may be left out, but not set to null: the columns are required.
        if value is None:
            raise ValueError("may be omitted, but not null")
        return value


class ItemRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
{%- if cookiecutter.tenancy == "yes" %}
    organization_id: int
{%- endif %}
    name: str
    description: str | None
    quantity: int
    created_at: UtcDatetime
    updated_at: UtcDatetime

"""A stateless example: convert a temperature between scales."""

from enum import StrEnum
from typing import Annotated, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator


class Scale(StrEnum):
    CELSIUS = "celsius"
    FAHRENHEIT = "fahrenheit"
    KELVIN = "kelvin"


ABSOLUTE_ZERO = {Scale.CELSIUS: -273.15, Scale.FAHRENHEIT: -459.67, Scale.KELVIN: 0.0}

Value = Annotated[float, Field(ge=-1_000_000, le=1_000_000, allow_inf_nan=False)]


class ConversionRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    value: Value
    source: Scale
    target: Scale

    @model_validator(mode="after")
    def above_absolute_zero(self) -> Self:
        if self.value < ABSOLUTE_ZERO[self.source]:
            raise ValueError(f"{self.value} is below absolute zero on the {self.source} scale")
        return self


class ConversionResult(BaseModel):
    value: float
    source: Scale
    target: Scale
    result: float

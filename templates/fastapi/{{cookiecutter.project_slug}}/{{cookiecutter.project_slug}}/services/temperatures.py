"""Temperature conversion through kelvin, the scale the others are defined against."""

from {{ cookiecutter.project_slug }}.schemas.temperature import Scale


def to_kelvin(value: float, scale: Scale) -> float:
    if scale is Scale.CELSIUS:
        return value + 273.15
    if scale is Scale.FAHRENHEIT:
        return (value + 459.67) * 5 / 9
    return value


def from_kelvin(kelvin: float, scale: Scale) -> float:
    if scale is Scale.CELSIUS:
        return kelvin - 273.15
    if scale is Scale.FAHRENHEIT:
        return kelvin * 9 / 5 - 459.67
    return kelvin


def convert(value: float, source: Scale, target: Scale) -> float:
    if source is target:
        return value
    return round(from_kelvin(to_kelvin(value, source), target), 10)

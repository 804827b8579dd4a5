"""A stateless endpoint: everything it needs comes with the request."""

from fastapi import APIRouter

from {{ cookiecutter.project_slug }}.schemas.temperature import ConversionRequest, ConversionResult
from {{ cookiecutter.project_slug }}.services.temperatures import convert

router = APIRouter(prefix="/temperatures", tags=["temperatures"])


@router.post("/conversions")
async def convert_temperature(data: ConversionRequest) -> ConversionResult:
    result = convert(data.value, data.source, data.target)
    return ConversionResult(value=data.value, source=data.source, target=data.target, result=result)

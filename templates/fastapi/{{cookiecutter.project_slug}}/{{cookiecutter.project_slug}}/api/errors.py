"""Error answers FastAPI leaves incomplete: the Allow header of a 405, and the 400 for a broken body."""

from typing import Any

from fastapi import FastAPI, Request, status
from fastapi.responses import JSONResponse
from starlette.routing import BaseRoute, Match
from starlette.types import Scope

METHODS = ("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT")
# FastAPI answers 400 when a body cannot be parsed at all (JSON that is not UTF-8, a broken form).
UNPARSEABLE_BODY = {
    "description": "The request body could not be parsed",
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "properties": {"detail": {"type": "string"}},
                "required": ["detail"],
            }
        }
    },
}


def matches(route: BaseRoute, scope: Scope) -> bool:
    return route.matches(scope)[0] is Match.FULL


async def method_not_allowed(request: Request, exc: Exception) -> JSONResponse:
    """405 with every method the path allows: FastAPI makes one route per method, and the
    router would only list the methods of the first route whose path matches."""
    routes = request.app.router.routes
    allowed = [
        method
        for method in METHODS
        if any(matches(route, {**request.scope, "method": method}) for route in routes)
    ]
    return JSONResponse(
        {"detail": "Method Not Allowed"},
        status_code=status.HTTP_405_METHOD_NOT_ALLOWED,
        headers={"Allow": ", ".join(allowed)},
    )


def complete_error_answers(app: FastAPI) -> None:
    app.add_exception_handler(status.HTTP_405_METHOD_NOT_ALLOWED, method_not_allowed)
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            for path in generate().get("paths", {}).values():
                for operation in path.values():
                    if "requestBody" in operation:
                        operation["responses"].setdefault("400", UNPARSEABLE_BODY)
        return generate()

    app.openapi = openapi  # type: ignore[method-assign]

"""The OpenAPI schema documents the errors every operation can answer with, not only its success,
so clients (and schema-driven fuzzers) know a 400, 401, 403 or 404 is part of the contract."""

from typing import Any

from drf_spectacular import openapi
from drf_spectacular.plumbing import ResolvedComponent
from drf_spectacular.utils import Direction
from rest_framework.permissions import AllowAny

# DRF's answer for authentication, permission, not-found and parse errors: {"detail": "..."}.
ERROR = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
}
# DRF's answer for invalid input: each field (or non_field_errors) with its messages; a request
# body that cannot be parsed gets {"detail": "..."} instead.
VALIDATION_ERROR = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
}
COMPONENTS = {"Error": ERROR, "ValidationError": VALIDATION_ERROR}
BODY_METHODS = {"POST", "PUT", "PATCH"}


class AutoSchema(openapi.AutoSchema):
    """drf-spectacular's schema plus the error answers. It extends the library's own response
    hook, which is not public API: the dependency is pinned to one minor release for that."""

    def _get_response_bodies(self, direction: Direction = "response") -> dict[str, Any]:
        responses = super()._get_response_bodies(direction)
        for code, description, component, headers in self._error_responses():
            responses.setdefault(code, self._error_response(description, component, headers))
        return responses

    def _error_responses(self) -> list[tuple[str, str, str, dict[str, Any]]]:
        errors: list[tuple[str, str, str, dict[str, Any]]] = []
        if self.method in BODY_METHODS:
            errors.append(("400", "Invalid input", "ValidationError", {}))
        if self._needs_authentication():
            challenge = {"WWW-Authenticate": {"schema": {"type": "string"}}}
            errors.append(("401", "No or invalid credentials", "Error", challenge))
            errors.append(("403", "Not allowed for these credentials", "Error", {}))
        paginated = self._is_list_view() and self._get_paginator()  # type: ignore[no-untyped-call]
        # A tenant-scoped view answers 404 for an organisation the user is not in.
        if "{" in self.path or paginated or getattr(self.view, "tenant_scoped", False):
            errors.append(("404", "No such object (or page)", "Error", {}))
        return errors

    def _needs_authentication(self) -> bool:
        return not all(isinstance(p, AllowAny) for p in self.view.get_permissions())

    def _error_response(
        self, description: str, name: str, headers: dict[str, Any]
    ) -> dict[str, Any]:
        component = ResolvedComponent(
            name=name, type=ResolvedComponent.SCHEMA, schema=COMPONENTS[name], object=name
        )
        self.registry.register_on_missing(component)
        media_types = self.map_renderers("media_type")
        response = {
            "description": description,
            "content": {media: {"schema": component.ref} for media in media_types},
        }
        return {**response, "headers": headers} if headers else response

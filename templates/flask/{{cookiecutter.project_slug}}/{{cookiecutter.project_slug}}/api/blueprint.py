"""Flask-Smorest's Blueprint, with the pagination header documented as what it is on the wire."""

from typing import Any

import flask_smorest

PAGINATION_HEADER_DOC = {
    "description": (
        "Pagination metadata, a JSON-encoded object: total, total_pages, first_page, last_page, "
        "page, previous_page, next_page."
    ),
    "schema": {"type": "string", "contentMediaType": "application/json"},
}


class Blueprint(flask_smorest.Blueprint):
    def _document_pagination_metadata(self, spec: Any, resp_doc: dict[str, Any]) -> None:
        # Flask-Smorest documents the header as an object, but headers are strings: it sends JSON.
        resp_doc.setdefault("headers", {})[self.PAGINATION_HEADER_NAME] = PAGINATION_HEADER_DOC

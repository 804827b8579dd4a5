"""Flask-Smorest's Blueprint, with the pagination header documented as what it is on the wire, and
totals counted only up to COUNT_LIMIT."""

import json
from typing import Any

import flask_smorest

#: A page's total is exact up to this many rows; above it the header leaves the total out. Counting
#: is a pass over the rows (about 3 ms per 100,000 on PostgreSQL), so an exact total would cost more
#: than the page itself on a large table. GitLab's REST API draws the same line for its X-Total.
COUNT_LIMIT = 10_000

PAGINATION_HEADER_DOC = {
    "description": (
        "Pagination metadata, a JSON-encoded object: total, total_pages, first_page, last_page, "
        f"page, previous_page, next_page. Above {COUNT_LIMIT:,} rows the rows are not counted: "
        "total, total_pages and last_page are left out."
    ),
    "schema": {"type": "string", "contentMediaType": "application/json"},
}


def counted(item_count: int) -> bool:
    """Whether a count that read at most COUNT_LIMIT + 1 rows is the exact total."""
    return item_count <= COUNT_LIMIT


class Blueprint(flask_smorest.Blueprint):
    def _document_pagination_metadata(self, spec: Any, resp_doc: dict[str, Any]) -> None:
        # Flask-Smorest documents the header as an object, but headers are strings: it sends JSON.
        resp_doc.setdefault("headers", {})[self.PAGINATION_HEADER_NAME] = PAGINATION_HEADER_DOC

    def _set_pagination_metadata(self, page_params: Any, result: Any, headers: Any) -> Any:
        if counted(page_params.item_count):
            return super()._set_pagination_metadata(page_params, result, headers)
        # Not counted: the pages before this one are known, and the view says whether one follows.
        page = page_params.page
        metadata = {"first_page": 1, "page": page}
        if page > 1:
            metadata["previous_page"] = page - 1
        if getattr(page_params, "has_next", False):
            metadata["next_page"] = page + 1
        headers = {} if headers is None else headers
        headers[self.PAGINATION_HEADER_NAME] = json.dumps(metadata)
        return result, headers

{% set has_api = cookiecutter.api == "yes" -%}
"""Pages that count their rows only up to COUNT_LIMIT.

Counting is a pass over the rows (about 3 ms per 100,000 on PostgreSQL), so an exact total would
cost more than the page itself on a large table. Up to COUNT_LIMIT rows a page is Django's own;
above, the total is not known: pages are numbered with no last one, and a page reads one row more
than it shows to know whether another follows. GitLab's REST API draws the same line for its
X-Total header.
"""

from functools import cached_property
from typing import Any

from django.core.paginator import EmptyPage, Page, Paginator
from django.db.models import QuerySet
{%- if has_api %}
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
{%- endif %}

COUNT_LIMIT = 10_000
# The most rows a page number may skip: OFFSET is a 64-bit integer in SQLite and PostgreSQL alike.
MAX_OFFSET = 2**62


class CountLimitedPaginator(Paginator):
    @cached_property
    def total(self) -> int | None:
        """The number of rows, or None when there are more than COUNT_LIMIT (not counted)."""
        rows = self.object_list
        if isinstance(rows, QuerySet):
            # Which rows are counted does not matter, only how many: no order, no joins, ids only.
            counted = rows.select_related(None).order_by().values("pk")[: COUNT_LIMIT + 1].count()
        else:
            counted = len(rows[: COUNT_LIMIT + 1])
        return counted if counted <= COUNT_LIMIT else None

    @cached_property
    def count(self) -> int:
        # Until a page is read, an uncounted list is as long as any page number may reach.
        return self.total if self.total is not None else MAX_OFFSET

    def page(self, number: Any) -> Page:
        if self.total is not None:
            return super().page(number)
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        rows = list(self.object_list[bottom : bottom + self.per_page + 1])
        if not rows and number > 1:
            raise EmptyPage(self.error_messages["no_results"])
        # What this page shows of the list: it ends here or one page later.
        self.__dict__["num_pages"] = number + 1 if len(rows) > self.per_page else number
        self.__dict__["count"] = bottom + len(rows)
        return Page(rows[: self.per_page], number, self)
{%- if has_api %}


class CountLimitedPagination(PageNumberPagination):
    """DRF's page numbers over CountLimitedPaginator: `count` is null above COUNT_LIMIT."""

    django_paginator_class = CountLimitedPaginator

    def get_paginated_response(self, data: Any) -> Response:
        response = super().get_paginated_response(data)
        paginator = self.page.paginator if self.page is not None else None
        if isinstance(paginator, CountLimitedPaginator):
            response.data["count"] = paginator.total
        return response

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        paginated = super().get_paginated_response_schema(schema)
        paginated["properties"]["count"] |= {
            "nullable": True,
            "description": f"Rows in all pages; null above {COUNT_LIMIT:,} (not counted).",
        }
        return paginated
{%- endif %}

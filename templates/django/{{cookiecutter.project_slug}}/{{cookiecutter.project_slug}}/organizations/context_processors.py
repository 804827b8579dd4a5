from django.http import HttpRequest

from {{ cookiecutter.project_slug }}.organizations.tenant import Tenant, page_tenant


def tenant(request: HttpRequest) -> dict[str, Tenant | None]:
    """The organisation the signed-in user works in, for the header of every page."""
    return {"tenant": page_tenant(request)}

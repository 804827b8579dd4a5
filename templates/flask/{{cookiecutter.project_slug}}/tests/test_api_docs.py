"""The API docs are served entirely by this app: no CDN, no inline script."""

import re

from flask.testing import FlaskClient


def test_swagger_ui_page_loads_its_assets_from_this_site(client: FlaskClient) -> None:
    response = client.get("/api/docs/")

    assert response.status_code == 200
    page = response.get_data(as_text=True)
    sources = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert sources
    assert all(source.startswith("/") and not source.startswith("//") for source in sources)
    assert "<script>" not in page  # works under the site's script-src 'self'
    for source in sources:
        with client.get(source) as asset:
            assert asset.status_code == 200, source
            assert asset.data


def test_swagger_ui_bundle_is_served(client: FlaskClient) -> None:
    with client.get("/api/docs/assets/swagger-ui-bundle.js") as response:
        assert response.status_code == 200
        assert b"SwaggerUIBundle" in response.data

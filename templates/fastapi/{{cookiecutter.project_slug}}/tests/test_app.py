{% set has_db = cookiecutter.database != "none" -%}
"""HTTP behaviour every deployment gets: HTTPS in production, security headers, hosts, CORS, docs."""

import json
from html import escape
from importlib.resources import files

from fastapi.testclient import TestClient

from {{ cookiecutter.project_slug }}.core.config import Settings
from {{ cookiecutter.project_slug }}.main import create_app

PRODUCTION_SECRET = "a-production-secret-that-is-long-enough"
ASSETS = ("swagger-ui-bundle.js", "swagger-ui.css", "swagger-init.js", "redoc.standalone.js")
{%- if not has_db and cookiecutter.inference == "yes" %}
BODY_ROUTE = "/api/v1/predict"
{%- elif not has_db %}
BODY_ROUTE = "/api/v1/temperatures/conversions"
{%- else %}
BODY_ROUTE = "/api/v1/items"
{%- endif %}


def production_settings(settings: Settings, **changes: object) -> Settings:
    return settings.model_copy(
        update={"environment": "production", "secret_key": PRODUCTION_SECRET, **changes}
    )


def test_production_redirects_to_https_except_health(settings: Settings) -> None:
    app = create_app(production_settings(settings))
    with TestClient(app, follow_redirects=False) as client:
        assert client.get("/health").status_code == 200
        response = client.get("/docs?x=1")

    assert response.status_code == 308
    assert response.headers["location"] == "https://testserver/docs?x=1"


def test_production_sends_hsts_over_https(settings: Settings) -> None:
    app = create_app(production_settings(settings))
    with TestClient(app, base_url="https://testserver") as client:
        for path in ("/health", "/openapi.json"):
            response = client.get(path)
            assert response.headers["strict-transport-security"].startswith("max-age="), path


def test_a_foreign_host_is_refused_and_never_redirected_to(settings: Settings) -> None:
    app = create_app(production_settings(settings))
    with TestClient(app, follow_redirects=False) as client:
        response = client.get("/docs", headers={"Host": "evil.example"})
        health = client.get("/health", headers={"Host": "10.0.0.7"})

    assert response.status_code == 400
    assert "location" not in response.headers
    # Load balancers probe /health by IP address.
    assert health.status_code == 200


def test_every_answer_carries_security_headers(client: TestClient) -> None:
    for response in (client.get("/health"), client.get("/nowhere"), client.get("/openapi.json")):
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["x-frame-options"] == "DENY"
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"]


def test_cors_is_off_by_default(client: TestClient) -> None:
    response = client.get("/health", headers={"Origin": "https://app.example.com"})

    assert "access-control-allow-origin" not in response.headers


def test_cors_allows_the_configured_origins(settings: Settings) -> None:
    origin = "https://app.example.com"
    app = create_app(settings.model_copy(update={"cors_allowed_origins": [origin]}))
    with TestClient(app) as client:
        allowed = client.options(
            BODY_ROUTE, headers={"Origin": origin, "Access-Control-Request-Method": "POST"}
        )
        other = client.get("/health", headers={"Origin": "https://evil.example"})

    assert allowed.headers["access-control-allow-origin"] == origin
    assert "access-control-allow-origin" not in other.headers


def test_405_lists_every_allowed_method(client: TestClient) -> None:
{%- if not has_db %}
    response = client.get(BODY_ROUTE)

    assert response.status_code == 405
    assert response.headers["allow"] == "POST"
{%- else %}
    response = client.put(f"{BODY_ROUTE}/1", json={})

    assert response.status_code == 405
    assert response.headers["allow"] == "DELETE, GET, PATCH"
{%- endif %}


def test_an_unparseable_body_is_a_documented_400(client: TestClient) -> None:
    response = client.post(
        BODY_ROUTE, content=b'{"name": "\xff"}', headers={"Content-Type": "application/json"}
    )
    documented = client.get("/openapi.json").json()["paths"][BODY_ROUTE]["post"]["responses"]

    assert response.status_code == 400
    assert "400" in documented


def test_docs_are_served_from_the_project(client: TestClient) -> None:
    for page in ("/docs", "/redoc"):
        response = client.get(page)
        assert response.status_code == 200
        assert "http://" not in response.text
        assert "https://" not in response.text
        policy = response.headers["content-security-policy"]
        assert "script-src 'self';" in policy
        assert "frame-ancestors 'none'" in policy
    for asset in ASSETS:
        assert client.get(f"/docs-assets/{asset}").status_code == 200, asset


def test_docs_show_the_project_name_as_text(client: TestClient) -> None:
    info = json.loads(files("{{ cookiecutter.project_slug }}").joinpath("project.json").read_text())

    page = client.get("/docs").text
    schema = client.get("/openapi.json").json()

    assert f"<title>{escape(info['name'])} - API docs</title>" in page
    assert schema["info"]["title"] == info["name"]
    assert schema["info"]["description"] == info["description"]


def test_docs_can_be_switched_off(settings: Settings) -> None:
    app = create_app(production_settings(settings, docs_enabled=False))
    with TestClient(app, base_url="https://testserver") as client:
        for path in ("/docs", "/redoc", "/openapi.json", "/docs-assets/swagger-ui.css"):
            assert client.get(path).status_code == 404, path

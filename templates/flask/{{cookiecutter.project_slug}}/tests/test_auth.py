import re

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from {{ cookiecutter.project_slug }}.auth.models import User
from {{ cookiecutter.project_slug }}.extensions import db

CSRF_INPUT = re.compile(r'name="csrf_token"[^>]*? value="([^"]+)"')
EMAIL = "ada@example.com"
PASSWORD = "correct horse battery"
HTTP, HTTPS = "http://localhost", "https://localhost"


def csrf_token(client: FlaskClient, path: str, base_url: str = HTTP) -> str:
    """Fetch a form page and return the CSRF token it embeds, as a browser would."""
    page = client.get(path, base_url=base_url).get_data(as_text=True)
    match = CSRF_INPUT.search(page)
    assert match, f"no CSRF token on {path}"
    return match.group(1)


def post_form(client: FlaskClient, path: str, data: dict[str, str], base_url: str) -> TestResponse:
    data = {**data, "csrf_token": csrf_token(client, path, base_url)}
    return client.post(path, data=data, base_url=base_url)


def register(
    client: FlaskClient, email: str = EMAIL, password: str = PASSWORD, base_url: str = HTTP
) -> TestResponse:
    data = {"email": email, "password": password, "confirm": password}
    return post_form(client, "/auth/register", data, base_url)


def login(
    client: FlaskClient,
    password: str = PASSWORD,
    query: str = "",
    remember: bool = False,
    base_url: str = HTTP,
) -> TestResponse:
    data = {"email": EMAIL, "password": password}
    if remember:
        data["remember"] = "y"
    return post_form(client, f"/auth/login{query}", data, base_url)


def test_register_login_account_logout(client: FlaskClient) -> None:
    assert register(client).headers["Location"] == "/auth/login"

    response = login(client)
    assert response.headers["Location"] == "/auth/account"
    assert EMAIL in client.get("/auth/account").get_data(as_text=True)

    token = csrf_token(client, "/auth/account")
    assert client.post("/auth/logout", data={"csrf_token": token}).status_code == 302
    assert client.get("/auth/account").status_code == 302


def test_account_page_requires_login(client: FlaskClient) -> None:
    response = client.get("/auth/account")

    assert response.status_code == 302
    assert response.headers["Location"].startswith("/auth/login?next=")


def test_wrong_password_is_rejected(client: FlaskClient) -> None:
    register(client)

    response = login(client, password="not the password")

    assert response.status_code == 200
    assert "Wrong e-mail or password." in response.get_data(as_text=True)
    assert client.get("/auth/account").status_code == 302


def test_unknown_email_is_rejected_like_a_wrong_password(client: FlaskClient) -> None:
    response = login(client)

    assert "Wrong e-mail or password." in response.get_data(as_text=True)


def test_post_without_csrf_token_is_rejected(client: FlaskClient) -> None:
    response = client.post("/auth/login", data={"email": EMAIL, "password": PASSWORD})

    assert response.status_code == 400


def test_password_needs_eight_characters(app: Flask, client: FlaskClient) -> None:
    response = register(client, password="short")

    assert response.status_code == 200
    assert "Use at least 8 and at most 128 characters." in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(db.select(User)) is None


def test_email_is_unique_ignoring_case(client: FlaskClient) -> None:
    register(client)

    response = register(client, email=EMAIL.upper())

    assert "already exists" in response.get_data(as_text=True)


def test_password_is_stored_as_argon2id_hash(app: Flask, client: FlaskClient) -> None:
    register(client)

    with app.app_context():
        user = db.session.scalar(db.select(User))
    assert user is not None
    assert user.password_hash.startswith("$argon2id$")
    assert PASSWORD not in user.password_hash


def test_login_starts_a_new_session(client: FlaskClient) -> None:
    register(client)
    with client.session_transaction() as session:
        session["planted"] = "by an attacker"

    login(client)

    with client.session_transaction() as session:
        assert "planted" not in session
        assert "_user_id" in session


@pytest.mark.parametrize("target", ["/auth/account?tab=1", "/"])
def test_login_follows_next_on_this_site(client: FlaskClient, target: str) -> None:
    register(client)

    response = login(client, query=f"?next={target}")

    assert response.headers["Location"] == target


@pytest.mark.parametrize(
    "target",
    ["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)", "x"],
)
def test_login_ignores_next_leaving_the_site(client: FlaskClient, target: str) -> None:
    register(client)

    response = login(client, query=f"?next={target}")

    assert response.headers["Location"] == "/auth/account"


def test_production_login_cookies_are_secure_httponly_lax(production_app: Flask) -> None:
    client = production_app.test_client()
    # Over HTTPS, Flask-WTF also wants a Referer from this site, as browsers send.
    client.environ_base["HTTP_REFERER"] = f"{HTTPS}/auth/login"
    register(client, base_url=HTTPS)

    response = login(client, remember=True, base_url=HTTPS)

    cookies = response.headers.getlist("Set-Cookie")
    for name in ("session", "remember_token"):
        cookie = next(c for c in cookies if c.startswith(f"{name}="))
        assert "Secure" in cookie
        assert "HttpOnly" in cookie
        assert "SameSite=Lax" in cookie


def test_create_user_command(app: Flask) -> None:
    runner = app.test_cli_runner()

    result = runner.invoke(args=["create-user", "Grace@Example.com"], input=f"{PASSWORD}\n" * 2)

    assert result.exit_code == 0, result.output
    with app.app_context():
        user = db.session.scalar(db.select(User).where(User.email == "grace@example.com"))
    assert user is not None


def test_create_user_command_rejects_a_short_password(app: Flask) -> None:
    result = app.test_cli_runner().invoke(args=["create-user", EMAIL, "--password", "short"])

    assert result.exit_code == 1
    assert "at least 8 characters" in result.output

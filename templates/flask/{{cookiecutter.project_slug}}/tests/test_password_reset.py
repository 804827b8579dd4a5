"""Password reset by e-mail: the link arrives, works once, expires, and reveals no accounts."""

import re
import time

import pytest
from flask.testing import FlaskClient
from itsdangerous import TimestampSigner

from {{ cookiecutter.project_slug }}.auth.reset import MAX_AGE_SECONDS
from {{ cookiecutter.project_slug }}.auth.views import RESET_LINK_SENT as SENT
from {{ cookiecutter.project_slug }}.mail import OUTBOX

from tests.test_auth import EMAIL, PASSWORD, csrf_token, login, post_form, register

NEW_PASSWORD = "a brand new passphrase"
LINK = re.compile(r"http://localhost(/auth/reset-password/\S+)")


@pytest.fixture(autouse=True)
def empty_outbox() -> None:
    OUTBOX.clear()


def ask_for_link(client: FlaskClient, email: str = EMAIL) -> str:
    """Request a reset for `email` and return the page shown after it."""
    response = post_form(client, "/auth/forgot-password", {"email": email}, "http://localhost")
    assert response.status_code == 302
    return client.get(response.headers["Location"]).get_data(as_text=True)


def link_in_mail() -> str:
    (message,) = OUTBOX
    assert message["To"] == EMAIL
    match = LINK.search(message.get_content())
    assert match, message.get_content()
    return match.group(1)


def choose(client: FlaskClient, path: str, password: str = NEW_PASSWORD) -> str:
    response = post_form(
        client, path, {"password": password, "confirm": password}, "http://localhost"
    )
    return response.headers.get("Location", "")


def test_the_mailed_link_sets_a_new_password(client: FlaskClient) -> None:
    register(client)
    assert SENT in ask_for_link(client)
    path = link_in_mail()

    assert choose(client, path) == "/auth/login"
    assert login(client, password=PASSWORD).status_code == 200  # the old one is refused
    assert login(client, password=NEW_PASSWORD).headers["Location"] == "/auth/account"


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client: FlaskClient) -> None:
    register(client)
    known = ask_for_link(client)
    OUTBOX.clear()

    unknown = ask_for_link(client, "nobody@example.com")

    assert SENT in unknown and SENT in known
    assert OUTBOX == []


def test_a_link_works_once(client: FlaskClient) -> None:
    register(client)
    ask_for_link(client)
    path = link_in_mail()
    assert choose(client, path) == "/auth/login"

    assert client.get(path).headers["Location"] == "/auth/forgot-password"
    # A form posted to the used link (the CSRF token from another page) changes nothing either.
    data = {"password": "yet another passphrase", "confirm": "yet another passphrase"}
    data["csrf_token"] = csrf_token(client, "/auth/login")
    assert client.post(path, data=data).headers["Location"] == "/auth/forgot-password"
    assert login(client, password=NEW_PASSWORD).headers["Location"] == "/auth/account"


def test_an_expired_or_altered_link_is_refused(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    register(client)
    signed_at = int(time.time()) - MAX_AGE_SECONDS - 1
    with monkeypatch.context() as past:
        past.setattr(TimestampSigner, "get_timestamp", lambda self: signed_at)
        ask_for_link(client)
    expired = link_in_mail()

    for path in (expired, expired[:-2] + "xx", "/auth/reset-password/not-a-token"):
        assert client.get(path).headers["Location"] == "/auth/forgot-password"


def test_the_new_password_must_be_long_enough_and_typed_twice(client: FlaskClient) -> None:
    register(client)
    ask_for_link(client)
    path = link_in_mail()

    assert choose(client, path, "short") == ""
    response = post_form(
        client, path, {"password": NEW_PASSWORD, "confirm": "something else"}, "http://localhost"
    )
    assert "The passwords do not match." in response.get_data(as_text=True)
    assert login(client, password=PASSWORD).headers["Location"] == "/auth/account"

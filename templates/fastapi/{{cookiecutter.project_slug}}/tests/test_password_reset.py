"""Password reset by e-mail and password change: a token arrives, works once, expires, and the answer
never tells who has an account."""

import re
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient

from {{ cookiecutter.project_slug }}.api.routes.auth import RESET_REQUESTED
from {{ cookiecutter.project_slug }}.core.mail import OUTBOX
from {{ cookiecutter.project_slug }}.core.security import create_access_token, create_reset_token

from tests.conftest import TEST_SECRET

EMAIL = "ada@example.com"
OLD, NEW = "correct horse", "a brand new passphrase"
TOKEN_IN_MAIL = re.compile(r"^(eyJ\S+)$", re.MULTILINE)


@pytest.fixture(autouse=True)
def empty_outbox() -> None:
    OUTBOX.clear()


@pytest.fixture
def ada(client: TestClient) -> dict[str, object]:
    payload = {"username": "ada", "password": OLD, "email": "Ada@Example.com"}
    response = client.post("/api/v1/users", json=payload)
    assert response.status_code == 201, response.text
    user: dict[str, object] = response.json()
    return user


def sign_in(client: TestClient, password: str) -> int:
    data = {"username": "ada", "password": password}
    return client.post("/api/v1/auth/token", data=data).status_code


def ask(client: TestClient, email: str = EMAIL) -> str:
    response = client.post("/api/v1/auth/password-reset", json={"email": email})
    assert response.status_code == 202
    message: str = response.json()["message"]
    return message


def token_in_mail() -> str:
    (message,) = OUTBOX
    assert message["To"] == EMAIL
    match = TOKEN_IN_MAIL.search(message.get_content())
    assert match, message.get_content()
    return match.group(1)


def confirm(client: TestClient, token: str, password: str = NEW) -> int:
    payload = {"token": token, "new_password": password}
    return client.post("/api/v1/auth/password-reset/confirm", json=payload).status_code


def test_the_mailed_token_sets_a_new_password(client: TestClient, ada: dict[str, object]) -> None:
    assert ada["email"] == EMAIL  # stored lower-case
    assert ask(client) == RESET_REQUESTED

    assert confirm(client, token_in_mail()) == 204
    assert sign_in(client, OLD) == 401
    assert sign_in(client, NEW) == 200


def test_an_unknown_address_gets_the_same_answer_and_no_mail(
    client: TestClient, ada: dict[str, object]
) -> None:
    assert ask(client, "nobody@example.com") == RESET_REQUESTED
    assert OUTBOX == []


def test_a_token_works_once(client: TestClient, ada: dict[str, object]) -> None:
    ask(client)
    token = token_in_mail()

    assert confirm(client, token) == 204
    assert confirm(client, token, "yet another passphrase") == 400
    assert sign_in(client, NEW) == 200


def test_expired_forged_and_access_tokens_are_refused(
    client: TestClient, ada: dict[str, object]
) -> None:
    user_id = str(ada["id"])
    ask(client)
    genuine = token_in_mail()
    expired = create_reset_token(
        user_id, "any hash", secret_key=TEST_SECRET, expires_in=timedelta(seconds=-1)
    )
    access = create_access_token(user_id, secret_key=TEST_SECRET, expires_in=timedelta(minutes=5))

    for token in (expired, access, genuine[:-2] + "xx", "not-a-token"):
        assert confirm(client, token) == 400
    assert sign_in(client, OLD) == 200


def test_a_reset_token_is_not_an_access_token(client: TestClient, ada: dict[str, object]) -> None:
    ask(client)
    headers = {"Authorization": f"Bearer {token_in_mail()}"}

    assert client.get("/api/v1/users/me", headers=headers).status_code == 401


def test_the_signed_in_user_changes_their_password(
    client: TestClient, ada: dict[str, object]
) -> None:
    token = client.post("/api/v1/auth/token", data={"username": "ada", "password": OLD})
    headers = {"Authorization": f"Bearer {token.json()['access_token']}"}
    url = "/api/v1/users/me/password"

    wrong = client.post(
        url, json={"current_password": "not it", "new_password": NEW}, headers=headers
    )
    assert wrong.status_code == 400
    assert client.post(url, json={"current_password": OLD, "new_password": NEW}).status_code == 401
    changed = client.post(url, json={"current_password": OLD, "new_password": NEW}, headers=headers)

    assert changed.status_code == 204
    assert sign_in(client, OLD) == 401
    assert sign_in(client, NEW) == 200


def test_a_taken_address_is_409(client: TestClient, ada: dict[str, object]) -> None:
    payload = {"username": "grace", "password": OLD, "email": EMAIL}

    assert client.post("/api/v1/users", json=payload).status_code == 409

from datetime import UTC, datetime, timedelta

import jwt
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from {{ cookiecutter.project_slug }}.core.security import ALGORITHM, create_access_token
from {{ cookiecutter.project_slug }}.models import User

from tests.conftest import TEST_SECRET, register

ME = "/api/v1/users/me"
TOKEN = "/api/v1/auth/token"


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def token_for(user_id: int, **claims: object) -> str:
    now = datetime.now(UTC)
    payload = {"sub": str(user_id), "iat": now, "exp": now + timedelta(minutes=5), **claims}
    return jwt.encode(payload, TEST_SECRET, algorithm=ALGORITHM)


def test_register_returns_the_user_without_the_password(client: TestClient) -> None:
    user = register(client)

    assert user["username"] == "ada"
    assert "password" not in user
    assert "password_hash" not in user


def test_register_twice_is_409(client: TestClient) -> None:
    register(client)
    response = client.post("/api/v1/users", json={"username": "ada", "password": "another one"})

    assert response.status_code == 409


def test_register_validates_input(client: TestClient) -> None:
    for payload in (
        {"username": "ada", "password": "short"},
        {"username": "no spaces allowed", "password": "long enough"},
        {"username": "ab", "password": "long enough"},
        {"username": "ada"},
    ):
        assert client.post("/api/v1/users", json=payload).status_code == 422


def test_passwords_are_stored_as_argon2id_hashes(client: TestClient, engine: Engine) -> None:
    register(client, password="correct horse")

    with engine.connect() as connection:
        stored = connection.scalar(select(User.password_hash).where(User.username == "ada"))

    assert stored is not None
    assert stored.startswith("$argon2id$")
    assert "correct horse" not in stored


def test_login_with_a_wrong_password_is_401(client: TestClient, user_id: int) -> None:

    response = client.post(TOKEN, data={"username": "ada", "password": "wrong horse"})

    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"


def test_login_for_an_unknown_user_is_401(client: TestClient) -> None:
    response = client.post(TOKEN, data={"username": "nobody", "password": "whatever1"})

    assert response.status_code == 401


def login(client: TestClient, username: str = "ada", password: str = "correct horse") -> str:
    response = client.post(TOKEN, data={"username": username, "password": password})
    assert response.status_code == 200, response.text
    assert response.json()["token_type"] == "bearer"
    return response.json()["access_token"]


def test_good_token_reads_me(client: TestClient, user_id: int) -> None:
    response = client.get(ME, headers=bearer(login(client)))

    assert response.status_code == 200
    assert response.json()["username"] == "ada"


def test_no_token_is_401(client: TestClient) -> None:
    response = client.get(ME)

    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"


def test_garbage_token_is_401(client: TestClient) -> None:
    assert client.get(ME, headers=bearer("not-a-jwt")).status_code == 401


def test_expired_token_is_401(client: TestClient, user_id: int) -> None:
    expired = create_access_token(
        str(user_id), secret_key=TEST_SECRET, expires_in=timedelta(seconds=-1)
    )

    assert client.get(ME, headers=bearer(expired)).status_code == 401


def test_token_signed_with_another_key_is_401(client: TestClient, user_id: int) -> None:
    forged = jwt.encode(
        {
            "sub": str(user_id),
            "iat": datetime.now(UTC),
            "exp": datetime.now(UTC) + timedelta(minutes=5),
        },
        "some-other-secret-key-that-is-long-enough",
        algorithm=ALGORITHM,
    )

    assert client.get(ME, headers=bearer(forged)).status_code == 401


def test_tampered_token_is_401(client: TestClient) -> None:
    user = register(client)
    other = register(client, username="grace")
    header, _, signature = token_for(user["id"]).split(".")
    _, payload, _ = token_for(other["id"]).split(".")
    # Swap in another user's claims while keeping the first token's signature.
    tampered = f"{header}.{payload}.{signature}"

    assert client.get(ME, headers=bearer(tampered)).status_code == 401


def test_alg_none_token_is_401(client: TestClient, user_id: int) -> None:
    unsigned = jwt.encode(
        {"sub": str(user_id), "exp": datetime.now(UTC) + timedelta(minutes=5)},
        None,
        algorithm="none",
    )

    assert client.get(ME, headers=bearer(unsigned)).status_code == 401


def test_token_for_a_missing_user_is_401(client: TestClient) -> None:
    assert client.get(ME, headers=bearer(token_for(424242))).status_code == 401


def test_token_without_expiry_is_401(client: TestClient, user_id: int) -> None:
    token = jwt.encode({"sub": str(user_id)}, TEST_SECRET, algorithm=ALGORITHM)

    assert client.get(ME, headers=bearer(token)).status_code == 401


def test_issued_token_expires(client: TestClient, user_id: int) -> None:
    claims = jwt.decode(login(client), TEST_SECRET, algorithms=[ALGORITHM])

    assert 0 < claims["exp"] - claims["iat"] <= 30 * 60

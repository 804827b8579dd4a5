"""Password hashing (argon2id), signed access tokens and password reset tokens (JWT, HS256).

Argon2 is slow on purpose (tens of milliseconds of CPU per password): async code hashes and verifies
through `hash_password_in_thread` and `verify_password_in_thread`, which run it in a worker thread so
the event loop keeps answering other requests meanwhile.
"""

import hashlib
import hmac
from datetime import UTC, datetime, timedelta

import jwt
from anyio import to_thread
from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher

ALGORITHM = "HS256"

_password_hash = PasswordHash((Argon2Hasher(),))


def hash_password(password: str) -> str:
    return _password_hash.hash(password)


def verify_password(password: str, password_hash: str) -> bool:
    return _password_hash.verify(password, password_hash)


async def hash_password_in_thread(password: str) -> str:
    return await to_thread.run_sync(hash_password, password)


async def verify_password_in_thread(password: str, password_hash: str) -> bool:
    return await to_thread.run_sync(verify_password, password, password_hash)


def create_access_token(subject: str, *, secret_key: str, expires_in: timedelta) -> str:
    now = datetime.now(UTC)
    claims = {"sub": subject, "iat": now, "exp": now + expires_in}
    return jwt.encode(claims, secret_key, algorithm=ALGORITHM)


def read_access_token(token: str, *, secret_key: str) -> str | None:
    """Return the token's subject, or None when it is invalid, tampered with or expired."""
    try:
        claims = jwt.decode(
            token, secret_key, algorithms=[ALGORITHM], options={"require": ["exp", "iat", "sub"]}
        )
    except jwt.InvalidTokenError:
        return None
    subject = claims["sub"]
    return subject if isinstance(subject, str) else None


def _reset_key(secret_key: str) -> bytes:
    # A key of their own: a reset token is never accepted as an access token, nor the reverse.
    return hmac.new(secret_key.encode(), b"password-reset", hashlib.sha256).digest()


def _fingerprint(password_hash: str) -> str:
    return hashlib.sha256(password_hash.encode()).hexdigest()


def create_reset_token(
    subject: str, password_hash: str, *, secret_key: str, expires_in: timedelta
) -> str:
    """A token for one password reset: setting a new password changes the hash it is bound to,
    so it (and every other reset token sent before) stops working once used."""
    now = datetime.now(UTC)
    claims = {
        "sub": subject,
        "fp": _fingerprint(password_hash),
        "iat": now,
        "exp": now + expires_in,
    }
    return jwt.encode(claims, _reset_key(secret_key), algorithm=ALGORITHM)


def read_reset_token(token: str, *, secret_key: str) -> tuple[str, str] | None:
    """The subject and password fingerprint of a genuine, unexpired reset token; else None."""
    try:
        claims = jwt.decode(
            token,
            _reset_key(secret_key),
            algorithms=[ALGORITHM],
            options={"require": ["exp", "iat", "sub", "fp"]},
        )
    except jwt.InvalidTokenError:
        return None
    subject, fingerprint = claims["sub"], claims["fp"]
    if not isinstance(subject, str) or not isinstance(fingerprint, str):
        return None
    return subject, fingerprint


def fingerprint_matches(password_hash: str, fingerprint: str) -> bool:
    return hmac.compare_digest(_fingerprint(password_hash), fingerprint)

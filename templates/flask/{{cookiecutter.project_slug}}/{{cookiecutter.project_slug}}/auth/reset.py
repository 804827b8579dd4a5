"""Password reset links: signed, expiring, and good for one use.

The token carries the user's id and a fingerprint of their password hash, signed with SECRET_KEY
(itsdangerous). Setting a new password changes the hash, so a used link stops working, and so do
all others sent before it.
"""

import hashlib
import hmac
import logging
import smtplib

from flask import current_app, url_for
from itsdangerous import BadSignature, URLSafeTimedSerializer

from ..extensions import db
from ..mail import Mailer, compose
from .models import User

logger = logging.getLogger(__name__)

SALT = "password-reset"
#: How long a link works, in seconds.
MAX_AGE_SECONDS = 60 * 60


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=SALT)


def _fingerprint(user: User) -> str:
    return hashlib.sha256(user.password_hash.encode("utf-8")).hexdigest()


def reset_token(user: User) -> str:
    return _serializer().dumps({"user": user.id, "fingerprint": _fingerprint(user)})


def user_for_token(token: str) -> User | None:
    """The user the token was made for, if it is genuine, unexpired and unused; else None."""
    try:
        claims = _serializer().loads(token, max_age=MAX_AGE_SECONDS)
    except BadSignature:  # tampered with or expired (SignatureExpired is a BadSignature)
        return None
    if not isinstance(claims, dict) or not isinstance(claims.get("user"), int):
        return None
    user = db.session.get(User, claims["user"])
    if user is None or not hmac.compare_digest(str(claims.get("fingerprint")), _fingerprint(user)):
        return None
    return user


def send_reset_mail(user: User) -> None:
    """Mail the user a reset link; a failure is logged, never shown to whoever asked."""
    link = url_for("auth.reset_password", token=reset_token(user), _external=True)
    name = current_app.config["PROJECT_NAME"]
    body = (
        f"Someone asked to reset the password of your {name} account.\n\n"
        f"To choose a new password, open this link within an hour:\n{link}\n\n"
        "If it was not you, ignore this message: your password stays as it is.\n"
    )
    message = compose(
        sender=current_app.config["DEFAULT_FROM_EMAIL"],
        recipient=user.email,
        subject=f"Reset your {name} password",
        body=body,
    )
    try:
        Mailer.from_url(current_app.config["EMAIL_URL"]).send(message)
    except (OSError, smtplib.SMTPException):
        logger.exception("Could not send the password reset mail for user %s", user.id)

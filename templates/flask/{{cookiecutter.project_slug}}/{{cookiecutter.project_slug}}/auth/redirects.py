from typing import TypeGuard
from urllib.parse import urlsplit


def is_safe_next(target: str | None) -> TypeGuard[str]:
    """Allow only a path on this site, so `?next=` cannot send a user elsewhere after login."""
    if not target or not target.startswith("/") or target.startswith("//"):
        return False
    if "\\" in target or any(ord(char) < 32 for char in target):
        return False
    parts = urlsplit(target)
    return not parts.scheme and not parts.netloc

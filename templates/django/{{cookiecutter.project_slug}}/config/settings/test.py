"""Test settings: no .env, a throwaway secret, fast password hashing, mail kept in memory.

The database is DATABASE_URL when set, else the local default; the test runner creates its own
database from it (SQLite in memory, PostgreSQL as test_<name>) and drops it afterwards.
"""

from django.core.management.utils import get_random_secret_key

from config.settings.base import *  # noqa: F403

SECRET_KEY = get_random_secret_key()
DEBUG = False

# Argon2 costs ~100 ms per password; tests that check hashing switch it back on.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

# Tests run without collectstatic: WhiteNoise serves from the app folders, as in development.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

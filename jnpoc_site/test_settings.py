"""Settings for the test suite: the real settings with a few things made fast and hermetic."""

import os

# A fixed key, for tests only: the real settings refuse to start without one.
os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-secret-key-never-used-outside-the-test-suite")
# Mail only ever reaches the test outbox; a staff address keeps inquiries.W001 quiet.
os.environ.setdefault("INQUIRY_NOTIFY_TO", "staff@example.jp")

from jnpoc_site.settings import *  # noqa: E402, F403

# Manifest storage needs collectstatic first; tests/test_static_files.py checks it separately.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

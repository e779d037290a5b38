"""Settings for the test suite: the real settings with a few things made fast and hermetic."""

import os
import tempfile

# A fixed key, for tests only: the real settings refuse to start without one.
os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-secret-key-never-used-outside-the-test-suite")
# Plain HTTP like the test client; tests/test_security.py checks the HTTPS mode explicitly.
os.environ.setdefault("DJANGO_HTTPS", "false")
# What the site writes (file cache, mail, media) goes to a folder of this test run, never var/.
os.environ.setdefault("DJANGO_VAR_DIR", tempfile.mkdtemp(prefix="jnpoc-tests-"))
# An empty folder for collected static files, so that whitenoise has one to index.
os.environ.setdefault("DJANGO_STATIC_ROOT", tempfile.mkdtemp(prefix="jnpoc-tests-static-"))
# Tests render pages; tests/test_page_cache.py turns the page cache on where it is the subject.
os.environ.setdefault("PAGE_CACHE_ENABLED", "false")
# Mail only ever reaches the test outbox; a staff address keeps inquiries.W001 quiet.
os.environ.setdefault("INQUIRY_NOTIFY_TO", "staff@example.jp")

from jnpoc_site.settings import *  # noqa: E402, F403

# Manifest storage needs collectstatic first; tests/test_static_files.py checks it separately.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

import re
from html import unescape
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.core.management import call_command

CONTENT_DIR = Path(settings.BASE_DIR) / "content"


@pytest.fixture(autouse=True)
def media_root(tmp_path, settings):
    """Uploads of a test go to a folder of its own, never into var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache (a folder of this test run, see test_settings)."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def content(db):
    """The site's initial content, loaded by the same command `make run` uses."""
    call_command("load_content", verbosity=0)


@pytest.fixture
def staff_client(client, content):
    """The test client, signed in as a superuser, with the initial content loaded."""
    from django.contrib.auth.models import User

    user = User.objects.create_superuser("editor", "editor@example.jp", "a-long-test-password")
    client.force_login(user)
    return client


@pytest.fixture(scope="session")
def content_data():
    """The content files as data, to check pages against what the project ships."""
    return {
        name: yaml.safe_load((CONTENT_DIR / f"{name}.yaml").read_text(encoding="utf-8"))
        for name in ("pages", "principles", "events", "inquiries")
    }


def visible_text(html: str) -> str:
    """The text a reader sees: tags, scripts and styles removed, whitespace collapsed."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    html = re.sub(r"<head\b.*?</head>", " ", html, flags=re.S)
    html = re.sub(r"</?(a|span|strong|em|small|abbr|time|b|i)\b[^>]*>", "", html)  # inline
    text = unescape(re.sub(r"<[^>]+>", " ", html))
    return re.sub(r"\s+", " ", text)

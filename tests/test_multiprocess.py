"""Several gunicorn processes serve the same content: an admin edit made through one process
shows on the very next request to every process, with Redis and with the file-cache default."""

import re
import uuid

import pytest
import requests

from tests.servers import fresh_database_url, gunicorn, manage, shell, site_environment
from tests.test_cache import LIVE_REDIS, redis_is_up

CACHES = [
    pytest.param({}, id="file-cache"),
    pytest.param(
        {"REDIS_URL": LIVE_REDIS},
        id="redis",
        marks=pytest.mark.skipif(not redis_is_up(), reason="no Redis on 127.0.0.1:6379"),
    ),
]
STANCE_PK = (
    "from principles.models import Stance; "
    "print(Stance.objects.get(stance_list__slug='staff', number=1).pk)"
)


def admin_session(base: str) -> requests.Session:
    session = requests.Session()
    login = session.get(f"{base}/admin/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login.text).group(1)
    response = session.post(
        f"{base}/admin/login/",
        data={
            "csrfmiddlewaretoken": token,
            "username": "editor",
            "password": "a-long-test-password",
            "next": "/admin/",
        },
        headers={"Referer": f"{base}/admin/login/"},
        allow_redirects=False,
    )
    assert response.status_code == 302, response.text
    return session


def edit_stance(session: requests.Session, base: str, pk: str, text_ja: str) -> None:
    url = f"{base}/admin/principles/stance/{pk}/change/"
    page = session.get(url)
    assert page.status_code == 200, (page.status_code, page.text[:3000])
    form = page.text
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    stance_list = re.search(r"<option value=\"(\d+)\" selected>", form)
    assert stance_list, form[:3000]
    stance_list = stance_list.group(1)
    response = session.post(
        url,
        data={
            "csrfmiddlewaretoken": token,
            "stance_list": stance_list,
            "number": "1",
            "text_ja": text_ja,
            "text_en": "Edited through one process",
            "explanation_ja": "",
            "explanation_en": "",
            "status": "published",
            "_save": "Save",
        },
        headers={"Referer": url},
        allow_redirects=False,
    )
    assert response.status_code == 302, response.text[:2000]


@pytest.mark.parametrize("cache_env", CACHES)
def test_an_admin_edit_shows_on_the_next_request_to_every_process(tmp_path, cache_env):
    with fresh_database_url(tmp_path, "multiprocess") as database_url:
        check_admin_edit_reaches_every_process(tmp_path, database_url, cache_env)


def check_admin_edit_reaches_every_process(tmp_path, database_url, cache_env):
    env = site_environment(
        tmp_path,
        DATABASE_URL=database_url,
        CACHE_KEY_PREFIX=f"test-{uuid.uuid4().hex}",
        PAGE_CACHE_ENABLED="true",
        **cache_env,
    )
    manage(env, "migrate", "--noinput")
    manage(env, "load_content")
    shell(
        env,
        "from django.contrib.auth.models import User; "
        "User.objects.create_superuser('editor', 'e@example.jp', 'a-long-test-password')",
    )  # fmt: skip
    pk = shell(env, STANCE_PK).strip()
    edited = f"職員が管理画面で書き換えた姿勢 {uuid.uuid4().hex[:6]}"

    with gunicorn(env, workers=2) as first, gunicorn(env, workers=2) as second:
        for base in (first, second):  # both serve the old page from the shared cache
            for language in ("ja", "en"):
                for _ in range(3):
                    response = requests.get(f"{base}/{language}/government/", timeout=10)
                    assert response.status_code == 200
                assert response.headers["X-Page-Cache"] == "hit"

        edit_stance(admin_session(first), first, pk, edited)

        for base in (first, second, first, second):
            page = requests.get(f"{base}/ja/government/", timeout=10).text
            assert edited in page
            assert (
                "Edited through one process"
                in requests.get(f"{base}/en/government/", timeout=10).text
            )

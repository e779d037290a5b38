"""The page cache: hits cost no query, every content change shows on the next request, staff
and forms are never cached, and HTTP revalidation answers 304."""

import gzip
import shutil
from http import HTTPStatus

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from pages.models import Section
from principles.models import Stance
from tests.conftest import CONTENT_DIR

pytestmark = pytest.mark.django_db

PAGE = "/ja/government/"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


def test_second_request_is_served_from_the_cache_without_any_query(
    client, content, django_assert_num_queries
):
    first = client.get(PAGE)
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get(PAGE)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Length"] == str(len(second.content))
    assert second.status_code == HTTPStatus.OK


def test_cached_page_keeps_every_security_header(client, content):
    first = client.get(PAGE)
    second = client.get(PAGE)
    for header in (
        "Content-Security-Policy",
        "X-Frame-Options",
        "Referrer-Policy",
        "X-Content-Type-Options",
        "Cross-Origin-Opener-Policy",
        "Content-Language",
        "Content-Type",
    ):
        assert second[header] == first[header], header


def test_languages_are_cached_separately(client, content):
    client.get("/ja/government/")
    english = client.get("/en/government/")
    assert english["X-Page-Cache"] == "miss"
    assert '<html lang="en">' in english.text


def test_an_edit_shows_on_the_very_next_request(
    client, content, django_capture_on_commit_callbacks
):
    client.get(PAGE)
    stance = Stance.objects.get(stance_list__slug="staff", number=1)
    with django_capture_on_commit_callbacks(execute=True):
        stance.text_ja = "編集した姿勢"
        stance.save()
    response = client.get(PAGE)
    assert response["X-Page-Cache"] == "miss"
    assert "編集した姿勢" in response.text


def test_a_delete_shows_on_the_very_next_request(
    client, content, django_capture_on_commit_callbacks
):
    assert "自治体会員となってください" in client.get(PAGE).text
    with django_capture_on_commit_callbacks(execute=True):
        Section.objects.get(anchor="membership", page__slug="government").delete()
    assert "自治体会員となってください" not in client.get(PAGE).text


def test_the_content_command_makes_pages_fresh(
    client, db, django_capture_on_commit_callbacks, tmp_path
):
    data = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, data)
    call_command("load_content", "--dir", str(data), verbosity=0)
    assert "Sending committee members" in client.get("/en/government/").text
    pages_yaml = data / "pages.yaml"
    pages_yaml.write_text(
        pages_yaml.read_text(encoding="utf-8").replace(
            "en: Sending committee members}", "en: Committee members on request}"
        ),
        encoding="utf-8",
    )
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_content", "--dir", str(data), verbosity=0)
    assert "Committee members on request" in client.get("/en/government/").text


def test_an_edit_through_the_admin_makes_the_page_fresh(
    client, content, django_capture_on_commit_callbacks
):
    anonymous_view = client.get(PAGE)
    assert anonymous_view["X-Page-Cache"] == "miss"
    staff = User.objects.create_superuser("editor", "e@example.jp", "a-long-test-password")
    staff_client = client.__class__()
    staff_client.force_login(staff)
    section = Section.objects.get(anchor="membership", page__slug="government")
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            "/admin/pages/section/",
            {
                "action": "hide",
                "_selected_action": [section.pk],
            },
        )
    assert response.status_code == HTTPStatus.FOUND
    assert "自治体会員となってください" not in client.get(PAGE).text


def test_logged_in_staff_are_never_served_from_or_stored_into_the_cache(client, content):
    staff = User.objects.create_superuser("editor", "e@example.jp", "a-long-test-password")
    client.force_login(staff)
    response = client.get(PAGE)
    assert "X-Page-Cache" not in response
    assert response["Cache-Control"] == "private, no-cache"
    client.logout()
    client.cookies.clear()
    assert client.get(PAGE)["X-Page-Cache"] == "miss", "the staff view was not stored"


def test_responses_that_set_cookies_or_vary_on_them_are_not_stored():
    # Form pages set the CSRF cookie and vary on cookies (tests/inquiries check the form itself).
    from django.http import HttpResponse

    from jnpoc_site.page_cache import PageCacheMiddleware

    response = HttpResponse("x")
    response.set_cookie("csrftoken", "abc")
    assert not PageCacheMiddleware._is_cacheable_response(response)
    response = HttpResponse("x")
    response["Vary"] = "Cookie"
    assert not PageCacheMiddleware._is_cacheable_response(response)
    response = HttpResponse("x")
    response["Cache-Control"] = "private"
    assert not PageCacheMiddleware._is_cacheable_response(response)
    assert PageCacheMiddleware._is_cacheable_response(HttpResponse("x"))


def test_unknown_query_strings_bypass_the_cache(client, content):
    client.get(PAGE + "?utm=1")
    assert "X-Page-Cache" not in client.get(PAGE + "?utm=2")


def test_not_found_pages_are_not_cached(client, content):
    client.get("/ja/government/no-such-page/")
    assert "X-Page-Cache" not in client.get("/ja/government/no-such-page/")


def test_revalidation_with_etag_answers_304(client, content):
    first = client.get(PAGE)
    assert first["Cache-Control"] == "public, no-cache"
    etag = first["ETag"]
    response = client.get(PAGE, headers={"if-none-match": etag})
    assert response.status_code == HTTPStatus.NOT_MODIFIED
    assert response.content == b""
    assert response["ETag"] == etag


def test_revalidation_with_last_modified_answers_304(client, content):
    first = client.get(PAGE)
    response = client.get(PAGE, headers={"if-modified-since": first["Last-Modified"]})
    assert response.status_code == HTTPStatus.NOT_MODIFIED


def test_an_old_etag_gets_the_new_page_after_an_edit(
    client, content, django_capture_on_commit_callbacks
):
    etag = client.get(PAGE)["ETag"]
    with django_capture_on_commit_callbacks(execute=True):
        Stance.objects.get(stance_list__slug="staff", number=2).save()
    response = client.get(PAGE, headers={"if-none-match": etag})
    # Saved without a change: same bytes, same ETag; a real change gives a new one.
    assert response.status_code in (HTTPStatus.OK, HTTPStatus.NOT_MODIFIED)
    with django_capture_on_commit_callbacks(execute=True):
        stance = Stance.objects.get(stance_list__slug="staff", number=2)
        stance.text_ja = "変わった"
        stance.save()
    response = client.get(PAGE, headers={"if-none-match": etag})
    assert response.status_code == HTTPStatus.OK
    assert "変わった" in response.text


def test_gzip_copy_for_clients_that_accept_it(client, content):
    plain = client.get(PAGE)
    compressed = client.get(PAGE, headers={"accept-encoding": "gzip, deflate, br"})
    assert compressed["Content-Encoding"] == "gzip"
    assert compressed["Content-Length"] == str(len(compressed.content))
    assert gzip.decompress(compressed.content) == plain.content
    assert "Accept-Encoding" in compressed["Vary"]
    assert len(compressed.content) < len(plain.content) / 3


def test_disallowed_host_gets_400_even_for_a_cached_page(client, content):
    client.get(PAGE)
    assert client.get(PAGE, headers={"host": "evil.example"}).status_code == HTTPStatus.BAD_REQUEST


def test_pages_render_when_the_cache_itself_fails(client, content, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "jnpoc_site.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    from jnpoc_site.cache import ResilientRedisCache

    ResilientRedisCache._down_until = 0.0
    assert client.get(PAGE).status_code == HTTPStatus.OK
    assert client.get(PAGE).status_code == HTTPStatus.OK


def test_generation_lasts_until_the_next_status_change_of_an_upcoming_edition(db, settings):
    from datetime import timedelta

    from django.utils import timezone

    from events.selectors import next_status_change
    from jnpoc_site.page_cache import _generation_lifetime
    from tests.events.factories import make_edition

    opens = timezone.now() + timedelta(hours=2)
    tomorrow = timezone.localdate() + timedelta(days=30)
    make_edition(
        start_date=tomorrow, registration_opens_at=opens, application_url="https://example.jp/apply"
    )
    assert next_status_change() == opens
    assert 7190 <= _generation_lifetime() <= 7202
    settings.PAGE_CACHE_SECONDS = 60
    assert _generation_lifetime() == 60


def test_a_registration_opening_makes_the_cached_page_fresh_by_itself(client, content):
    import time
    from datetime import timedelta

    from django.utils import timezone

    from tests.events.factories import make_edition

    edition = make_edition(
        start_date=timezone.localdate() + timedelta(days=30),
        registration_opens_at=timezone.now() + timedelta(seconds=2),
        application_url="https://example.jp/apply",
    )
    url = edition.get_absolute_url()
    assert "受付前" in client.get(url).text
    assert client.get(url)["X-Page-Cache"] == "hit"
    time.sleep(3)  # the generation expires when registration opens; nobody saves anything
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert "受付中" in response.text


def test_renaming_an_inquiry_category_refreshes_the_landing_page(
    client, content, django_capture_on_commit_callbacks
):
    from inquiries.models import InquiryCategory

    client.get(PAGE)
    with django_capture_on_commit_callbacks(execute=True):
        InquiryCategory.objects.filter(slug="lecturers").update(slug="lecture")
        category = InquiryCategory.objects.get(slug="lecture")
        category.save()
    assert 'href="/ja/inquiry/?category=lecture"' in client.get(PAGE).text

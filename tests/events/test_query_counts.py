"""The events pages cost the same number of queries with 14 editions or 1,000 (10 sessions each)."""

import datetime
from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import Edition, Series, Session
from tests.events.factories import add_editions

pytestmark = pytest.mark.django_db

MAX_QUERIES = 8

PAGES = [
    "/ja/government/",
    "/en/government/",
    "/ja/government/events/",
    "/ja/government/events/?page=2",
    "/en/government/events/forum/",
    "/ja/government/events/course/",
    "/ja/government/events/forum/2017-07/",
    "/en/government/events/forum/2099-01/",
    "/ja/government/events/forum/2099-01/calendar.ics",
    "/ja/government/events/upcoming.ics",
    "/ja/government/events/feed.atom",
]


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == HTTPStatus.OK, url
    return len(captured)


def test_events_pages_use_a_constant_number_of_queries(client, content):
    add_editions(1, sessions_each=10)  # the edition whose page is measured: 2099-01
    Edition.objects.bulk_create(  # enough past editions for a second archive page
        Edition(
            series=Series.objects.first(), slug=f"1800-{n}", start_date=datetime.date(1800, 1, n)
        )
        for n in range(1, 29)
    )
    small = {url: queries_for(client, url) for url in PAGES}
    add_editions(1000, sessions_each=10, first=1)
    assert Edition.objects.count() > 1000 and Session.objects.count() >= 10_000
    large = {url: queries_for(client, url) for url in PAGES}
    assert large == small
    assert max(large.values()) <= MAX_QUERIES, large


def test_landing_page_adds_one_query_for_the_next_editions(
    client, content, django_assert_num_queries
):
    # site settings, page with sections, stances, series, next editions, offerings, themes
    add_editions(1000, sessions_each=1)
    with django_assert_num_queries(7):
        assert client.get("/ja/government/").status_code == HTTPStatus.OK

"""The events pages cost the same number of queries with 14 editions or 1,000 (10 sessions each)."""

import datetime
from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import Edition, Series, Session, Speaker

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


def add_editions(count: int, sessions_each: int, first: int = 0) -> None:
    """`count` published editions split over both series, a tenth of them upcoming, each with
    `sessions_each` sessions of one speaker."""
    series = list(Series.objects.order_by("pk"))
    editions = []
    for n in range(first, first + count):
        upcoming = n % 10 == 0
        year = 2100 + n // 12 if upcoming else 1900 + n // 12
        editions.append(
            Edition(
                series=series[n % len(series)],
                slug=f"{year}-{n % 12 + 1:02d}-{n}" if n else "2099-01",
                title_ja=f"第{n}回",
                title_en=f"Edition {n}",
                start_date=datetime.date(2099, 1, 15)
                if not n
                else datetime.date(year, n % 12 + 1, 1),
                start_time=datetime.time(10),
                end_time=datetime.time(17),
                fee_general=5000,
            )
        )
    editions = Edition.objects.bulk_create(editions)
    sessions = Session.objects.bulk_create(
        Session(
            edition=edition,
            position=position,
            kind=Session.Kind.BREAKOUT,
            title_ja=f"分科会{position}",
            title_en=f"Breakout {position}",
            start_time=datetime.time(10 + position % 6),
        )
        for edition in editions
        for position in range(sessions_each)
    )
    Speaker.objects.bulk_create(
        Speaker(session=session, name_ja="講師", affiliation_ja="所属") for session in sessions
    )


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
    add_editions(1000, sessions_each=1)
    with django_assert_num_queries(8):
        assert client.get("/ja/government/").status_code == HTTPStatus.OK

import datetime
from http import HTTPStatus

import icalendar
import pytest

from events.models import TOKYO
from tests.events.factories import make_edition

pytestmark = pytest.mark.django_db


def parse(response):
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def the_event(calendar):
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    return events[0]


def test_edition_ics_has_tokyo_times_location_url_and_a_stable_uid(client, settings):
    settings.SITE_URL = "https://www.example.jp"
    edition = make_edition(
        start_time=datetime.time(10, 15),
        end_time=datetime.time(17, 0),
        venue_name_ja="かながわ県民センター",
        venue_address_ja="横浜市神奈川区鶴屋町2-24-2",
    )
    response = client.get("/ja/government/events/forum/2026-07/calendar.ics")
    assert response.status_code == HTTPStatus.OK
    assert "attachment" in response["Content-Disposition"]
    calendar = parse(response)
    assert str(calendar["VERSION"]) == "2.0"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Asia/Tokyo"]
    event = the_event(calendar)
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert start == datetime.datetime(2026, 7, 14, 10, 15, tzinfo=TOKYO)
    assert end == datetime.datetime(2026, 7, 14, 17, 0, tzinfo=TOKYO)
    assert start.astimezone(datetime.UTC).hour == 1  # 10:15 JST is 01:15 UTC
    assert event["DTSTART"].params["TZID"] == "Asia/Tokyo"
    assert str(event["SUMMARY"]) == "テストの回"
    assert str(event["LOCATION"]) == "かながわ県民センター, 横浜市神奈川区鶴屋町2-24-2"
    assert str(event["URL"]) == "https://www.example.jp/ja/government/events/forum/2026-07/"
    assert str(event["UID"]) == f"edition-{edition.pk}@www.example.jp"
    assert event.decoded("DTSTAMP").tzinfo is not None
    # Same UID in the other language and on the next download: calendars update, not duplicate.
    again = the_event(parse(client.get("/en/government/events/forum/2026-07/calendar.ics")))
    assert again["UID"] == event["UID"]
    assert str(again["SUMMARY"]) == "A test edition"


def test_raw_ics_uses_crlf_line_endings_and_folds_long_lines(client):
    make_edition(title_ja="とても長いタイトル" * 10)
    raw = client.get("/ja/government/events/forum/2026-07/calendar.ics").content
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))


def test_an_all_day_multi_day_edition_uses_date_values_with_an_exclusive_end(client):
    make_edition(
        slug="2014-07", start_date=datetime.date(2014, 7, 15), end_date=datetime.date(2014, 7, 16)
    )
    event = the_event(parse(client.get("/ja/government/events/forum/2014-07/calendar.ics")))
    assert event["DTSTART"].params.get("VALUE") == "DATE"
    assert event.decoded("DTSTART") == datetime.date(2014, 7, 15)
    assert event.decoded("DTEND") == datetime.date(2014, 7, 17)


def test_a_multi_day_edition_with_times_spans_from_first_start_to_last_end(client):
    make_edition(
        slug="2015-07",
        start_date=datetime.date(2015, 7, 23),
        end_date=datetime.date(2015, 7, 24),
        start_time=datetime.time(13),
        end_time=datetime.time(16, 30),
    )
    event = the_event(parse(client.get("/ja/government/events/forum/2015-07/calendar.ics")))
    assert event.decoded("DTSTART") == datetime.datetime(2015, 7, 23, 13, tzinfo=TOKYO)
    assert event.decoded("DTEND") == datetime.datetime(2015, 7, 24, 16, 30, tzinfo=TOKYO)


def test_hidden_or_unknown_edition_ics_is_404(client):
    make_edition(status="hidden")
    assert client.get("/ja/government/events/forum/2026-07/calendar.ics").status_code == 404
    assert client.get("/ja/government/events/forum/1999-01/calendar.ics").status_code == 404
    assert client.get("/ja/government/events/course/2026-07/calendar.ics").status_code == 404


def test_upcoming_feed_lists_only_published_upcoming_editions(client, content):
    soon = make_edition(slug="2099-07", start_date=datetime.date(2099, 7, 14))
    make_edition(slug="2099-08", start_date=datetime.date(2099, 8, 1), status="hidden")
    response = client.get("/ja/government/events/upcoming.ics")
    assert response.status_code == HTTPStatus.OK
    calendar = parse(response)
    assert str(calendar["X-WR-CALNAME"]) == "日本NPOセンター フォーラム・講座"
    events = calendar.walk("VEVENT")
    assert [str(e["UID"]) for e in events] == [f"edition-{soon.pk}@testserver"]


def test_atom_feed_announces_editions_in_each_language(client, content):
    response = client.get("/en/government/events/feed.atom")
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"].startswith("application/atom+xml")
    text = response.text
    assert 'xml:lang="en"' in text
    assert "<title>Civil society and community" in text
    assert "http://testserver/en/government/events/forum/2017-07/" in text
    ja = client.get("/ja/government/events/feed.atom").text
    assert "市民社会とコミュニティ" in ja


@pytest.mark.parametrize(
    ("override", "status"),
    [("", "CONFIRMED"), ("cancelled", "CANCELLED"), ("postponed", "TENTATIVE")],
)
def test_a_called_off_edition_keeps_its_uid_and_changes_its_status(client, override, status):
    """Calendars that imported the event or subscribed to the feed see it called off."""
    edition = make_edition(
        start_date=datetime.date(2099, 7, 14), registration_status_override=override
    )
    event = the_event(parse(client.get(edition.get_calendar_url())))
    assert event["status"] == status
    assert str(event["uid"]).startswith(f"edition-{edition.pk}@")

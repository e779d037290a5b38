import datetime
import json
import re

import pytest

from events.models import TOKYO
from tests.events.factories import make_edition

pytestmark = pytest.mark.django_db


def json_ld(html: str) -> dict:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, flags=re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def test_edition_page_carries_a_schema_org_event(client, content, settings):
    settings.SITE_URL = "https://www.example.jp"
    make_edition(
        slug="2099-07",
        start_date=datetime.date(2099, 7, 14),
        start_time=datetime.time(10, 15),
        end_time=datetime.time(17),
        venue_name_ja="かながわ県民センター",
        venue_address_ja="横浜市神奈川区鶴屋町2-24-2",
        fee_general=7000,
        fee_member=6000,
        registration_opens_at=datetime.datetime(2099, 5, 1, 10, tzinfo=TOKYO),
        application_url="https://example.jp/apply",
    )
    data = json_ld(client.get("/ja/government/events/forum/2099-07/").text)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Event"
    assert data["name"] == "テストの回"
    assert data["startDate"] == "2099-07-14T10:15:00+09:00"
    assert data["endDate"] == "2099-07-14T17:00:00+09:00"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"]["@type"] == "Place"
    assert data["location"]["name"] == "かながわ県民センター"
    assert data["location"]["address"]["streetAddress"] == "横浜市神奈川区鶴屋町2-24-2"
    assert [(o["price"], o["priceCurrency"]) for o in data["offers"]] == [
        ("7000", "JPY"),
        ("6000", "JPY"),
    ]
    assert data["offers"][0]["availability"] == "https://schema.org/PreOrder"
    assert data["offers"][0]["url"] == "https://example.jp/apply"
    assert data["organizer"] == {
        "@type": "Organization",
        "name": "日本NPOセンター",
        "url": "https://www.example.jp/ja/government/",
    }
    assert data["url"] == "https://www.example.jp/ja/government/events/forum/2099-07/"


def test_online_free_all_day_edition(client, content):
    make_edition(
        slug="2099-08",
        start_date=datetime.date(2099, 8, 1),
        end_date=datetime.date(2099, 8, 2),
        online=True,
        online_url="https://example.jp/live",
        is_free=True,
    )
    data = json_ld(client.get("/en/government/events/forum/2099-08/").text)
    assert data["startDate"] == "2099-08-01" and data["endDate"] == "2099-08-02"
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://example.jp/live"}
    assert [(o["name"], o["price"]) for o in data["offers"]] == [("Free", "0")]


def test_unknown_fees_give_no_offers(client, content):
    data = json_ld(client.get("/ja/government/events/forum/2008-02/").text)
    assert "offers" not in data
    assert data["startDate"] == "2008-02-20T10:00:00+09:00"


def test_json_ld_cannot_be_broken_out_of_by_content(client, content):
    make_edition(slug="2099-09", title_ja="</script><script>alert(1)</script>&")
    html = client.get("/ja/government/events/forum/2099-09/").text
    assert "<script>alert(1)" not in html
    assert json_ld(html)["name"] == "</script><script>alert(1)</script>&"


@pytest.mark.parametrize(
    ("override", "event_status", "availability"),
    [
        ("", "https://schema.org/EventScheduled", "https://schema.org/InStock"),
        ("cancelled", "https://schema.org/EventCancelled", "https://schema.org/Discontinued"),
        ("postponed", "https://schema.org/EventPostponed", "https://schema.org/OutOfStock"),
    ],
)
def test_event_status_follows_a_cancellation_or_postponement(
    client, content, override, event_status, availability
):
    make_edition(
        slug="2099-07",
        start_date=datetime.date(2099, 7, 14),
        fee_general=1000,
        application_url="https://example.jp/apply",
        registration_status_override=override,
    )
    data = json_ld(client.get("/ja/government/events/forum/2099-07/").text)
    assert data["eventStatus"] == event_status
    assert {offer["availability"] for offer in data["offers"]} == {availability}

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from events.models import TOKYO, Edition, RegistrationStatus
from tests.events.factories import make_edition, make_series

pytestmark = pytest.mark.django_db


def tokyo(*args):
    return datetime.datetime(*args, tzinfo=TOKYO)


@pytest.fixture
def edition():
    """14 July 2026, 10:15–17:00; registration from 1 May to 30 June."""
    return make_edition(
        start_time=datetime.time(10, 15),
        end_time=datetime.time(17, 0),
        registration_opens_at=tokyo(2026, 5, 1, 10),
        registration_closes_at=tokyo(2026, 6, 30, 17),
        application_url="https://example.jp/apply",
    )


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (tokyo(2026, 4, 1), RegistrationStatus.NOT_OPEN),
        (tokyo(2026, 5, 1, 9, 59), RegistrationStatus.NOT_OPEN),
        (tokyo(2026, 5, 1, 10), RegistrationStatus.OPEN),
        (tokyo(2026, 6, 30, 16, 59), RegistrationStatus.OPEN),
        (tokyo(2026, 6, 30, 17), RegistrationStatus.CLOSED),
        (tokyo(2026, 7, 14, 12), RegistrationStatus.CLOSED),
        (tokyo(2026, 7, 14, 17), RegistrationStatus.ENDED),
        (tokyo(2027, 1, 1), RegistrationStatus.ENDED),
    ],
)
def test_status_follows_the_dates(edition, now, expected):
    assert edition.registration_status(now) == expected


def test_status_compares_moments_not_wall_clocks(edition):
    # 01:00 UTC on 1 May is 10:00 in Tokyo: registration has just opened.
    now = datetime.datetime(2026, 5, 1, 1, 0, tzinfo=datetime.UTC)
    assert edition.registration_status(now) == RegistrationStatus.OPEN


@pytest.mark.parametrize(
    "override",
    [RegistrationStatus.FEW_LEFT, RegistrationStatus.FULL, RegistrationStatus.CLOSED],
)
def test_staff_override_wins_before_the_event(edition, override):
    edition.registration_status_override = override
    assert edition.registration_status(tokyo(2026, 6, 1)) == override
    assert edition.registration_status_label(tokyo(2026, 6, 1)) == override.label


def test_override_gives_way_to_ended_once_the_event_is_over(edition):
    edition.registration_status_override = RegistrationStatus.FEW_LEFT
    assert edition.registration_status(tokyo(2026, 7, 15)) == RegistrationStatus.ENDED


@pytest.mark.parametrize("called_off", [RegistrationStatus.CANCELLED, RegistrationStatus.POSTPONED])
def test_cancelled_or_postponed_stays_shown_after_the_dates(edition, called_off):
    edition.registration_status_override = called_off
    for now in (tokyo(2026, 4, 1), tokyo(2026, 5, 2), tokyo(2026, 7, 15), tokyo(2030, 1, 1)):
        assert edition.registration_status(now) == called_off
    assert edition.is_called_off


def test_without_an_opening_date_registration_is_open_once_there_is_a_link():
    edition = make_edition()
    assert edition.registration_status(tokyo(2026, 6, 1)) == RegistrationStatus.NOT_OPEN
    edition.application_url = "/ja/government/contact/"
    assert edition.registration_status(tokyo(2026, 6, 1)) == RegistrationStatus.OPEN


def test_an_all_day_edition_ends_at_midnight_after_its_last_day():
    edition = make_edition(
        start_date=datetime.date(2014, 7, 15), end_date=datetime.date(2014, 7, 16)
    )
    assert edition.is_all_day and edition.starts_at is None
    assert edition.registration_status(tokyo(2014, 7, 16, 23, 59)) == RegistrationStatus.CLOSED
    assert edition.registration_status(tokyo(2014, 7, 17)) == RegistrationStatus.ENDED


def test_a_draft_without_dates_is_not_open():
    edition = make_edition(start_date=None, status="hidden")
    assert edition.registration_status(tokyo(2026, 1, 1)) == RegistrationStatus.NOT_OPEN


def test_upcoming_and_past_split_on_the_last_day_in_tokyo():
    series = make_series()
    over = make_edition(series=series, slug="a", start_date=datetime.date(2026, 7, 13))
    two_days = make_edition(
        series=series,
        slug="b",
        start_date=datetime.date(2026, 7, 13),
        end_date=datetime.date(2026, 7, 14),
    )
    later = make_edition(series=series, slug="c", start_date=datetime.date(2026, 9, 1))
    # 15:30 UTC on 13 July is already 14 July in Tokyo.
    now = datetime.datetime(2026, 7, 13, 15, 30, tzinfo=datetime.UTC)
    assert list(Edition.objects.upcoming(now)) == [two_days, later]
    assert list(Edition.objects.past(now)) == [over]


def test_published_leaves_out_hidden_editions_and_editions_of_hidden_series():
    shown = make_edition(slug="shown")
    make_edition(slug="hidden", status="hidden")
    course = make_series(slug="course", name_ja="講座", status="hidden")
    make_edition(series=course, slug="in-hidden-series")
    assert list(Edition.objects.published()) == [shown]


def test_heading_falls_back_to_series_and_month_when_there_is_no_title():
    edition = make_edition(title_ja="", title_en="", start_date=datetime.date(2008, 2, 20))
    with translation.override("ja"):
        assert edition.heading == "NPOと行政の対話フォーラム（2008年2月）"
    with translation.override("en"):
        assert edition.heading == "Forum (February 2008)"


def errors_of(edition) -> dict:
    with translation.override("ja"), pytest.raises(ValidationError) as error:
        edition.full_clean()
    return error.value.message_dict


def test_end_before_start_is_refused_in_japanese():
    edition = make_edition()
    edition.end_date = datetime.date(2026, 7, 13)
    assert errors_of(edition)["end_date"] == ["最終日は開催日（初日）より後の日付にしてください。"]
    edition.end_date = None
    edition.start_time, edition.end_time = datetime.time(17), datetime.time(10)
    assert errors_of(edition)["end_time"] == ["終了時刻は開始時刻より後にしてください。"]


def test_registration_closing_after_the_event_is_refused():
    edition = make_edition(end_time=datetime.time(17), start_time=datetime.time(10))
    edition.registration_closes_at = tokyo(2026, 7, 14, 18)
    assert errors_of(edition)["registration_closes_at"] == [
        "申込締切が開催終了より後になっています。開催前の日時にしてください。"
    ]


def test_registration_closing_before_it_opens_is_refused():
    edition = make_edition()
    edition.registration_opens_at = tokyo(2026, 6, 1)
    edition.registration_closes_at = tokyo(2026, 5, 1)
    assert "registration_closes_at" in errors_of(edition)


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("capacity", "定員は0以上の数で入力してください。"),
        ("fee_general", "参加費は0円以上で入力してください。"),
        ("fee_member", "参加費は0円以上で入力してください。"),
    ],
)
def test_negative_capacity_and_fees_are_refused_in_japanese(field, message):
    edition = make_edition()
    setattr(edition, field, -1)
    assert errors_of(edition)[field] == [message]


def test_free_with_a_fee_is_refused_and_unknown_fee_is_not_free():
    edition = make_edition()
    assert not edition.has_fees  # unknown: nothing is shown, nothing is claimed
    edition.is_free = True
    edition.fee_general = 1000
    assert "is_free" in errors_of(edition)


def test_a_published_edition_needs_a_date():
    edition = make_edition()
    edition.start_date = None
    assert errors_of(edition)["start_date"] == ["公開するには開催日を入力してください。"]


def test_held_within_must_be_an_edition_of_another_series():
    forum_edition = make_edition(slug="2015-07")
    other = make_edition(slug="2015-08", held_within=forum_edition)
    assert "held_within" in errors_of(other)
    course_edition = make_edition(
        series=make_series(slug="course", name_ja="講座"), slug="2015-07", held_within=forum_edition
    )
    course_edition.full_clean()

import datetime

import pytest
from django.template import Context, Template
from django.utils import translation

from events import dates

D = datetime.date


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2026, 7, 14), "令和8年"),
        (D(2019, 5, 1), "令和元年"),
        (D(2019, 4, 30), "平成31年"),
        (D(2020, 1, 1), "令和2年"),
        (D(1989, 1, 8), "平成元年"),
        (D(1989, 1, 7), "昭和64年"),
        (D(1990, 1, 1), "平成2年"),
        (D(2008, 2, 20), "平成20年"),
        (D(1926, 12, 25), "昭和元年"),
        (D(1926, 12, 24), ""),
    ],
)
def test_era_year_changes_on_the_first_day_of_each_era(day, expected):
    assert dates.era_year(day) == expected


def test_japanese_long_date_has_the_weekday_in_full_width_brackets():
    with translation.override("ja"):
        assert dates.long_date(D(2026, 7, 14)) == "2026年7月14日（火）"
        assert dates.long_date(D(2008, 2, 20)) == "2008年2月20日（水）"


def test_english_long_date_reads_weekday_day_month_year():
    with translation.override("en"):
        assert dates.long_date(D(2026, 7, 14)) == "Tue 14 July 2026"


def test_japanese_date_with_the_era():
    assert dates.japanese_date(D(2019, 5, 1), era=True) == "令和元年5月1日（水）"


def test_time_range_uses_an_en_dash_and_no_leading_zero():
    assert dates.time_range(datetime.time(10, 15), datetime.time(17)) == "10:15\u201317:00"
    assert dates.time_range(datetime.time(9, 30), None) == "9:30\u2013"
    assert dates.time_range(None, None) == ""


def test_date_range_of_one_day_with_times():
    with translation.override("ja"):
        assert (
            dates.date_range(D(2017, 7, 14), None, datetime.time(10, 15), datetime.time(17))
            == "2017年7月14日（金） 10:15–17:00"
        )


def test_date_range_over_two_days_names_the_last_day_without_repeating_the_year():
    with translation.override("ja"):
        assert (
            dates.date_range(D(2014, 7, 15), D(2014, 7, 16)) == "2014年7月15日（火）〜7月16日（水）"
        )
    with translation.override("en"):
        assert dates.date_range(D(2014, 7, 15), D(2014, 7, 16)) == (
            "Tue 15 July 2014 \u2013 Wed 16 July 2014"
        )


def test_date_range_over_new_year_keeps_both_years():
    with translation.override("ja"):
        assert dates.date_range(D(2025, 12, 31), D(2026, 1, 1)) == (
            "2025年12月31日（水）〜2026年1月1日（木）"
        )


def test_filters_are_available_in_templates():
    template = Template(
        "{% load event_dates %}{{ day|long_date }} {{ day|era_year }} {{ day|wareki_date }} "
        "{% time_range start end %}"
    )
    context = Context(
        {"day": D(2026, 7, 14), "start": datetime.time(10, 15), "end": datetime.time(17)}
    )
    with translation.override("ja"):
        assert template.render(context) == (
            "2026年7月14日（火） 令和8年 令和8年7月14日（火） 10:15–17:00"
        )
    with translation.override("en"):
        assert template.render(context).startswith("Tue 14 July 2026 ")


def test_stored_datetimes_are_shown_in_japan_time():
    # 15:30 UTC on 30 June is 00:30 on 1 July in Tokyo.
    moment = datetime.datetime(2026, 6, 30, 15, 30, tzinfo=datetime.UTC)
    with translation.override("ja"):
        assert dates.long_date(moment) == "2026年7月1日（水）"
    assert dates.time_text(moment) == "0:30"

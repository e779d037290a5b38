"""Dates and times written the way readers expect them in each language.

Japanese: 2026年7月14日（火）, with the era year (令和8年) available; English: Tue 14 July 2026.
Times: 10:15–17:00 (an en dash, no spaces) in both.
"""

import datetime

from django.utils import dateformat, timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

JAPANESE_WEEKDAYS = "月火水木金土日"

# (first day, name): each era starts on the day after the previous emperor's reign ended.
ERAS = [
    (datetime.date(2019, 5, 1), "令和"),
    (datetime.date(1989, 1, 8), "平成"),
    (datetime.date(1926, 12, 25), "昭和"),
]

EN_DASH = "\u2013"


def _local(value):
    """Aware datetimes (as stored, in UTC) are shown in Japan time."""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def _is_japanese() -> bool:
    return (get_language() or "ja").split("-")[0] == "ja"


def era_year(value: datetime.date) -> str:
    """令和8年, 平成元年 (the first year of an era is 元年); "" before 昭和."""
    if isinstance(value, datetime.datetime):
        value = value.date()
    for first_day, name in ERAS:
        if value >= first_day:
            number = value.year - first_day.year + 1
            return f"{name}{'元' if number == 1 else number}年"
    return ""


def japanese_date(value: datetime.date, *, era: bool = False, year: bool = True) -> str:
    weekday = JAPANESE_WEEKDAYS[value.weekday()]
    if not year:
        return f"{value.month}月{value.day}日（{weekday}）"
    year_text = era_year(value) if era else f"{value.year}年"
    return f"{year_text}{value.month}月{value.day}日（{weekday}）"


def long_date(value: datetime.date | None) -> str:
    """2026年7月14日（火） in Japanese, Tue 14 July 2026 in English."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = _local(value).date()
    if _is_japanese():
        return japanese_date(value)
    return dateformat.format(value, "D j F Y")


def time_text(value: datetime.time | datetime.datetime | None) -> str:
    if isinstance(value, datetime.datetime):
        value = _local(value).time()
    return f"{value.hour}:{value.minute:02d}" if value else ""


def time_range(start: datetime.time | None, end: datetime.time | None) -> str:
    """10:15–17:00; 10:15– when only the start is known; "" when neither is."""
    if not start and not end:
        return ""
    return f"{time_text(start)}{EN_DASH}{time_text(end)}"


def date_range(
    start: datetime.date | None,
    end: datetime.date | None,
    start_time: datetime.time | None = None,
    end_time: datetime.time | None = None,
) -> str:
    """When an event takes place, in one line.

    One day: 2026年7月14日（火）10:15–17:00. Several days: 2014年7月15日（火）10:30 〜
    7月16日（水）17:30 (the start time is on the first day, the end time on the last).
    """
    if start is None:
        return ""
    if end is None or end == start:
        times = time_range(start_time, end_time)
        return f"{long_date(start)} {times}".strip()
    if _is_japanese():
        first = japanese_date(start)
        last = japanese_date(end, year=end.year != start.year)
        separator = "〜"
    else:
        first, last, separator = long_date(start), long_date(end), f" {EN_DASH} "
    first = f"{first} {time_text(start_time)}".strip() if start_time else first
    last = f"{last} {time_text(end_time)}".strip() if end_time else last
    return f"{first}{separator}{last}"


def month_year(value: datetime.date | None) -> str:
    """2026年7月 / July 2026: for the fallback title of an edition without one."""
    if value is None:
        return _("日程未定")
    if _is_japanese():
        return f"{value.year}年{value.month}月"
    return dateformat.format(value, "F Y")

"""Template filters for dates the Japanese way (see events/dates.py).

{{ edition.start_date|long_date }}        2026年7月14日（火） / Tue 14 July 2026
{{ edition.start_date|era_year }}         令和8年
{{ edition.start_date|wareki_date }}      令和8年7月14日（火）
{% time_range session.start_time session.end_time %}   10:15–17:00
{% edition_when edition %}                the whole date and time line of an edition
"""

import datetime

from django import template

from events import dates
from events.models import TOKYO

register = template.Library()


@register.filter
def long_date(value):
    return dates.long_date(value)


@register.filter
def era_year(value):
    return dates.era_year(value) if value else ""


@register.filter
def wareki_date(value):
    return dates.japanese_date(value, era=True) if value else ""


@register.filter
def time_text(value):
    return dates.time_text(value)


@register.simple_tag
def time_range(start, end):
    return dates.time_range(start, end)


@register.simple_tag
def edition_when(edition):
    return dates.date_range(
        edition.start_date, edition.end_date, edition.start_time, edition.end_time
    )


def iso_moment(date: datetime.date | None, time: datetime.time | None = None) -> str:
    """For datetime attributes and JSON-LD: 2026-07-14T10:15:00+09:00, or 2026-07-14."""
    if date is None:
        return ""
    if time is None:
        return date.isoformat()
    return datetime.datetime.combine(date, time, tzinfo=TOKYO).isoformat()


@register.simple_tag
def iso(date, time=None):
    return iso_moment(date, time)

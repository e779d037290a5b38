"""iCalendar (RFC 5545) files of editions, for staff to put into their office calendars.

Editions with times are written in Asia/Tokyo with its VTIMEZONE; editions known to the day
only are all-day events (DATE values, the end exclusive), never an invented 00:00.
"""

import datetime

import icalendar
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from events.models import Edition, RegistrationStatus

PRODID = "-//Japan NPO Center//For government events//EN"
# RFC 5545 STATUS: a calendar that subscribed to the feed shows a called-off event as such.
CALENDAR_STATUS = {
    RegistrationStatus.CANCELLED: "CANCELLED",
    RegistrationStatus.POSTPONED: "TENTATIVE",
}


def _location(edition: Edition) -> str:
    parts = [edition.venue_name, edition.venue_address]
    if edition.online:
        parts.append(edition.online_url or str(_("オンライン")))
    return ", ".join(part for part in parts if part)


def _event(edition: Edition, *, base_url: str, uid_domain: str) -> icalendar.Event:
    event = icalendar.Event()
    # The primary key never changes, so calendars update the event rather than duplicate it.
    event.add("uid", f"edition-{edition.pk}@{uid_domain}")
    # No METHOD: DTSTAMP is when the information was last revised (RFC 5545, 3.8.7.2).
    event.add("dtstamp", edition.updated_at.astimezone(datetime.UTC))
    event.add("last-modified", edition.updated_at.astimezone(datetime.UTC))
    event.add("summary", edition.heading)
    if edition.is_all_day:
        event.add("dtstart", edition.start_date)
        event.add("dtend", edition.last_date + datetime.timedelta(days=1))
    else:
        event.add("dtstart", edition.starts_at)
        if edition.ends_at:
            event.add("dtend", edition.ends_at)
        elif edition.is_multi_day:
            # The end time is unknown: the event runs to the end of its last day.
            event.add(
                "dtend",
                datetime.datetime.combine(
                    edition.last_date + datetime.timedelta(days=1),
                    datetime.time(),
                    tzinfo=edition.starts_at.tzinfo,
                ),
            )
    location = _location(edition)
    if location:
        event.add("location", location)
    url = base_url + edition.get_absolute_url()
    event.add("url", url)
    description = "\n\n".join(part for part in (edition.theme, edition.summary, url) if part)
    event.add("description", description)
    event.add("status", CALENDAR_STATUS.get(edition.registration_status_override, "CONFIRMED"))
    return event


def calendar_bytes(editions, *, base_url: str, name: str = "") -> bytes:
    """One VCALENDAR holding a VEVENT per edition with a date."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if name:
        calendar.add("name", name)
        calendar.add("x-wr-calname", name)
        calendar.add(
            "refresh-interval", datetime.timedelta(days=1), parameters={"VALUE": "DURATION"}
        )
        calendar.add("x-published-ttl", "PT24H")
    uid_domain = base_url.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0] or "localhost"
    for edition in editions:
        if edition.start_date is not None:
            calendar.add_component(_event(edition, base_url=base_url, uid_domain=uid_domain))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def calendar_filename(edition: Edition) -> str:
    return f"{edition.series.slug}-{edition.slug}.{get_language()}.ics"

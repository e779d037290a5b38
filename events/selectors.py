"""Read paths for the events section, each in a fixed number of queries."""

import datetime
from dataclasses import dataclass, field
from itertools import groupby

from django.db.models import F, Prefetch, Window
from django.db.models.functions import RowNumber
from django.shortcuts import get_object_or_404
from django.utils import timezone

from events.models import Edition, EditionPhoto, Series, Session, Speaker
from pages.publishing import PublicationStatus


def series_for_listing() -> list[Series]:
    return list(Series.objects.published().order_by("position", "pk"))


def next_editions(now: datetime.datetime | None = None) -> dict[int, Edition]:
    """The next published edition of every series, by series id, in one query."""
    ranked = (
        Edition.objects.published()
        .upcoming(now)
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=F("series_id"),
                order_by=[F("start_date").asc(), F("start_time").asc(nulls_first=True), "pk"],
            )
        )
        .filter(rank=1)
    )
    return {edition.series_id: edition for edition in ranked}


def series_with_next_edition(now: datetime.datetime | None = None) -> list[Series]:
    """Published series, each with `next_edition` (or None): two queries whatever the archive."""
    series_list = series_for_listing()
    upcoming = next_editions(now)
    for series in series_list:
        series.next_edition = upcoming.get(series.pk)
        if series.next_edition is not None:
            series.next_edition.series = series
    return series_list


def upcoming_editions(now: datetime.datetime | None = None) -> list[Edition]:
    return list(Edition.objects.published().upcoming(now).select_related("series"))


def upcoming_editions_of(series: Series) -> list[Edition]:
    editions = list(Edition.objects.published().upcoming().filter(series=series))
    for edition in editions:
        edition.series = series
    return editions


def announced_editions(limit: int) -> list[Edition]:
    """The most recently announced editions (latest first day first), for the Atom feed."""
    return list(
        Edition.objects.published().select_related("series").order_by("-start_date", "-pk")[:limit]
    )


def past_editions(series: Series | None = None, now: datetime.datetime | None = None):
    """A queryset (for pagination) of published editions that are over, newest first."""
    editions = Edition.objects.published().past(now).select_related("series")
    if series is not None:
        editions = editions.filter(series=series)
    return editions


@dataclass
class YearGroup:
    year: int
    editions: list[Edition] = field(default_factory=list)


def group_by_year(editions) -> list[YearGroup]:
    """Editions in order, grouped by the calendar year of their first day."""
    return [
        YearGroup(year, list(items))
        for year, items in groupby(editions, key=lambda edition: edition.start_date.year)
    ]


def edition_for_page(*, series_slug: str, slug: str) -> Edition:
    """A published edition with its series, the forum it was held within and those held in it,
    its programme and speakers, and its photos: five queries."""
    edition = get_object_or_404(
        Edition.objects.published().select_related("series", "held_within__series"),
        series__slug=series_slug,
        slug=slug,
    )
    held_within = edition.held_within
    if held_within is not None and not (
        held_within.status == PublicationStatus.PUBLISHED
        and held_within.series.status == PublicationStatus.PUBLISHED
    ):
        edition.held_within = None
    speakers = Speaker.objects.published().order_by("position", "pk")
    edition.programme = list(
        Session.objects.published()
        .filter(edition=edition)
        .order_by(F("day").asc(nulls_last=True), "position", "start_time", "pk")
        .prefetch_related(Prefetch("speakers", queryset=speakers, to_attr="published_speakers"))
    )
    edition.published_photos = list(
        EditionPhoto.objects.published().filter(edition=edition).exclude(image="")
    )
    edition.held_inside_editions = list(
        Edition.objects.published()
        .filter(held_within=edition)
        .select_related("series")
        .order_by("start_date", "pk")
    )
    return edition


@dataclass
class ProgrammeDay:
    day: int
    date: datetime.date | None
    sessions: list[Session]


def programme_days(edition: Edition) -> list[ProgrammeDay]:
    """The programme split by day, each day with its date when the edition's dates allow."""
    days = []
    for day, sessions in groupby(edition.programme, key=lambda session: session.day):
        date = None
        if edition.start_date and day is not None:
            date = edition.start_date + datetime.timedelta(days=day - 1)
            if edition.last_date and date > edition.last_date:
                date = None
        days.append(ProgrammeDay(day, date, list(sessions)))
    return days


def next_status_change(now: datetime.datetime | None = None) -> datetime.datetime | None:
    """The next moment a public page changes without anyone saving anything, or None.

    An upcoming edition's status moves with time (受付前 → 受付中 → 受付終了 → 終了) and it
    moves to the archive after its last day; the page cache expires its pages at that moment.
    """
    now = now or timezone.now()
    moments = [
        moment
        for edition in Edition.objects.published().upcoming(now)
        for moment in edition.status_changes()
        if moment > now
    ]
    return min(moments, default=None)

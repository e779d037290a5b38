"""Read paths for the events section."""

from events.models import Series


def series_for_listing() -> list[Series]:
    return list(Series.objects.published().order_by("position", "pk"))


def next_status_change():
    """The next moment an event page changes by itself (a status boundary), or None.

    Series carry no dates; editions, with their registration periods, will.
    """
    return None

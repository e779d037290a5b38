"""Read paths for the events section."""

from events.models import Series


def series_for_listing() -> list[Series]:
    return list(Series.objects.published().order_by("position", "pk"))

"""How content/events.yaml maps onto the events models (see pages/content_loader.py)."""

from events.models import Series
from pages.content_loader import Kind

KINDS = {
    "series": Kind(Series),
}

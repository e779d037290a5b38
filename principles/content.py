"""How content/principles.yaml maps onto the principles models (see pages/content_loader.py)."""

from pages.content_loader import Kind
from principles.models import Booklet, Stance, StanceList

KINDS = {
    "booklets": Kind(Booklet, key_field="key"),
    "stance_lists": Kind(
        StanceList,
        refs={"booklet": "principles.booklet"},
        children={"stances": Kind(Stance, key_field="key", parent="stance_list")},
    ),
}

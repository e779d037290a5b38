"""How content/events.yaml maps onto the events models (see pages/content_loader.py).

Editions are top-level entries with a `key` (e.g. forum-2014-02) so that a course edition can
name the forum edition it was held within; their programme nests sessions, then speakers.
"""

from events.models import Edition, Series, Session, Speaker
from pages.content_loader import Kind

KINDS = {
    "series": Kind(Series),
    "editions": Kind(
        Edition,
        key_field="key",
        refs={"series": "events.series", "held_within": "events.edition"},
        children={
            "sessions": Kind(
                Session,
                key_field="key",
                parent="edition",
                children={"speakers": Kind(Speaker, key_field="key", parent="session")},
            )
        },
    ),
}

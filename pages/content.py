"""How content/pages.yaml maps onto the pages models (see pages/content_loader.py)."""

from pages.content_loader import Kind
from pages.models import LecturerTheme, Page, Section, SiteSettings, SupportOffering

KINDS = {
    "site_settings": Kind(SiteSettings, singleton=True),
    "pages": Kind(
        Page,
        children={"sections": Kind(Section, key_field="key", parent="page", lists=("items",))},
    ),
    "offerings": Kind(
        SupportOffering,
        children={"themes": Kind(LecturerTheme, key_field="key", parent="offering")},
    ),
}

from django.contrib import admin

from events.models import Series
from pages.content_admin import ContentAdmin, both_languages


@admin.register(Series)
class SeriesAdmin(ContentAdmin):
    list_display = [
        "name",
        "slug",
        "held_since_fiscal_year",
        "position",
        "status",
        "english_complete",
    ]
    list_editable = ["position", "status"]
    search_fields = both_languages("name", "description", "note")
    fields = [
        "slug",
        "name",
        "description",
        "page_link_text",
        "note",
        "held_since_fiscal_year",
        "position",
        "status",
    ]

    def get_readonly_fields(self, request, obj=None):
        return ["slug"] if obj else []

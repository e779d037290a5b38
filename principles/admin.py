from django.contrib import admin
from modeltranslation.admin import TranslationStackedInline

from pages.content_admin import ContentAdmin, MissingEnglishFilter, both_languages
from principles.models import Booklet, Stance, StanceList


class StanceInline(TranslationStackedInline):
    model = Stance
    extra = 0
    fields = [("number", "status"), "text", "explanation"]
    ordering = ["number"]


@admin.register(StanceList)
class StanceListAdmin(ContentAdmin):
    list_display = ["title", "slug", "compiler_credit", "position", "status", "english_complete"]
    list_editable = ["position", "status"]
    search_fields = both_languages("title", "compiler_credit", "intro", "background")
    fields = [
        "slug",
        "title",
        "compiler_credit",
        "booklet",
        "intro",
        "background_heading",
        "background",
        "position",
        "status",
    ]
    inlines = [StanceInline]

    def get_readonly_fields(self, request, obj=None):
        return ["slug"] if obj else []


@admin.register(Stance)
class StanceAdmin(ContentAdmin):
    list_display = ["__str__", "stance_list", "number", "status", "english_complete"]
    list_filter = ["stance_list", "status", MissingEnglishFilter]
    list_select_related = ["stance_list"]
    search_fields = both_languages("text", "explanation")
    fields = ["stance_list", "number", "text", "explanation", "status"]


@admin.register(Booklet)
class BookletAdmin(ContentAdmin):
    list_display = ["__str__", "price", "status", "english_complete"]
    search_fields = both_languages("title", "description")
    fields = ["title", "description", "price", "ordering_info", "status"]

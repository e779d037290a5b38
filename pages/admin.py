from django.contrib import admin
from modeltranslation.admin import TranslationStackedInline, TranslationTabularInline

from pages.content_admin import ContentAdmin, MissingEnglishFilter, both_languages
from pages.models import LecturerTheme, Page, Section, SiteSettings, SupportOffering


class SectionInline(TranslationStackedInline):
    model = Section
    extra = 0
    fields = [
        ("position", "status", "kind", "anchor"),
        "heading",
        "body",
        ("link_text", "link_url"),
        ("items_heading", "item_style"),
        "items",
    ]
    ordering = ["position", "pk"]


@admin.register(Page)
class PageAdmin(ContentAdmin):
    list_display = ["title", "slug", "position", "status", "english_complete", "updated_at"]
    list_editable = ["position", "status"]
    search_fields = both_languages("title", "lead")
    fields = ["slug", "title", "lead", "meta_description", "position", "status"]
    inlines = [SectionInline]

    def get_readonly_fields(self, request, obj=None):
        # A published slug is a URL others link to: fixed once the page exists.
        return ["slug"] if obj else []


@admin.register(Section)
class SectionAdmin(ContentAdmin):
    list_display = ["__str__", "page", "kind", "position", "status", "english_complete"]
    list_editable = ["position", "status"]
    list_filter = ["page", "kind", "status", MissingEnglishFilter]
    list_select_related = ["page"]
    search_fields = both_languages("heading", "body", "items")
    fields = ["page", *SectionInline.fields]


class LecturerThemeInline(TranslationTabularInline):
    model = LecturerTheme
    extra = 0
    fields = ["position", "name", "status"]
    ordering = ["position", "pk"]


@admin.register(SupportOffering)
class SupportOfferingAdmin(ContentAdmin):
    list_display = ["title", "slug", "position", "status", "english_complete"]
    list_editable = ["position", "status"]
    search_fields = both_languages("title", "body")
    fields = ["slug", "title", "body", "themes_note", "position", "status"]
    inlines = [LecturerThemeInline]


@admin.register(LecturerTheme)
class LecturerThemeAdmin(ContentAdmin):
    list_display = ["name", "offering", "position", "status", "english_complete"]
    list_editable = ["position", "status"]
    list_select_related = ["offering"]
    search_fields = both_languages("name")


@admin.register(SiteSettings)
class SiteSettingsAdmin(ContentAdmin):
    actions = []
    list_display = ["organisation_name", "phone", "email", "english_complete"]
    list_filter = [MissingEnglishFilter]
    search_fields = both_languages("organisation_name")

    def has_add_permission(self, request):
        return not SiteSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

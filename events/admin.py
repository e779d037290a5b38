from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import models
from django.db.models.functions import ExtractYear
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationStackedInline

from events.forms import EditionForm, ImageUploadForm, PhotoForm
from events.models import Edition, EditionPhoto, Series, Session, Speaker
from events.services import edition_copy_as_draft
from pages.content_admin import ContentAdmin, MissingEnglishFilter, both_languages, hide
from pages.publishing import PublicationStatus

IMAGE_FIELDS = ["upload", "alt", "remove_image", "image_preview"]


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


class ImagePreviewMixin:
    @admin.display(description=_("現在の画像"))
    def image_preview(self, obj):
        if not obj or not obj.renditions:
            return "—"
        smallest = obj.renditions[0]
        return format_html(
            '<img src="{}" width="{}" height="{}" alt="">',
            default_storage.url(smallest["jpg"]),
            min(smallest["width"], 200),
            round(smallest["height"] * min(smallest["width"], 200) / smallest["width"]),
        )


class YearFilter(admin.SimpleListFilter):
    title = _("開催年")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = (
            Edition.objects.exclude(start_date=None)
            .annotate(year=ExtractYear("start_date"))
            .order_by("-year")
            .values_list("year", flat=True)
            .distinct()
        )
        return [(str(year), str(year)) for year in years]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(start_date__year=int(self.value()))
        return queryset


class SessionInline(TranslationStackedInline):
    model = Session
    extra = 0
    fields = [
        ("day", "position", "start_time", "end_time", "kind", "status"),
        "label",
        "title",
        "description",
    ]
    ordering = ["day", "position", "pk"]
    show_change_link = True  # speakers are edited on the session's own page


class EditionPhotoInline(ImagePreviewMixin, TranslationStackedInline):
    model = EditionPhoto
    form = PhotoForm
    extra = 0
    fields = [("position", "status"), *IMAGE_FIELDS, "caption"]
    readonly_fields = ["image_preview"]
    ordering = ["position", "pk"]


@admin.action(description=_("来年の下書きとしてコピーする"))
def copy_as_next_year_draft(modeladmin, request, queryset):
    drafts = [edition_copy_as_draft(edition=edition) for edition in queryset.order_by("pk")]
    modeladmin.message_user(
        request,
        ngettext(
            "%(count)d件を非公開の下書きとしてコピーしました。日付を入れてから公開してください。",
            "%(count)d件を非公開の下書きとしてコピーしました。日付を入れてから公開してください。",
            len(drafts),
        )
        % {"count": len(drafts)},
        messages.SUCCESS,
    )


@admin.action(description=_("選択したものを公開する"))
def publish_editions(modeladmin, request, queryset):
    """Publish what passes the edition checks (a date above all); name the rest."""
    ready, refused = [], []
    for edition in queryset.exclude(status=PublicationStatus.PUBLISHED).select_related("series"):
        edition.status = PublicationStatus.PUBLISHED
        try:
            edition.full_clean()
        except ValidationError:
            refused.append(str(edition))
            continue
        ready.append(edition)
    for edition in ready:
        edition.save()
    modeladmin.message_user(
        request,
        ngettext("%(count)d件を公開しました。", "%(count)d件を公開しました。", len(ready))
        % {"count": len(ready)},
        messages.SUCCESS,
    )
    if refused:
        modeladmin.message_user(
            request,
            _("開催日がないなど入力に不足があるため公開しませんでした：%(editions)s")
            % {"editions": "、".join(refused)},
            messages.WARNING,
        )


@admin.register(Edition)
class EditionAdmin(ContentAdmin):
    form = EditionForm
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = [
        "__str__",
        "series",
        "start_date",
        "registration_status_display",
        "status",
        "facts_uncertain",
        "english_complete",
    ]
    list_filter = [
        "series",
        YearFilter,
        "status",
        "registration_status_override",
        "facts_uncertain",
        MissingEnglishFilter,
    ]
    list_select_related = ["series"]
    search_fields = both_languages("title", "theme", "summary", "venue_name", "report_text") + (
        "slug",
    )
    actions = [publish_editions, hide, copy_as_next_year_draft]
    date_hierarchy = "start_date"
    autocomplete_fields = ["held_within"]
    readonly_fields = ["flyer_link", "calendar_link"]
    inlines = [SessionInline, EditionPhotoInline]
    fieldsets = [
        (None, {"fields": ["series", "slug", "edition_number", "status"]}),
        (_("名称"), {"fields": ["title", "theme", "summary", "note"]}),
        (
            _("日時"),
            {
                "fields": [
                    ("start_date", "end_date"),
                    ("start_time", "end_time", "doors_open_time"),
                    "calendar_link",
                ]
            },
        ),
        (
            _("会場"),
            {"fields": ["venue_name", "venue_address", "venue_access", ("online", "online_url")]},
        ),
        (
            _("対象・定員・参加費"),
            {
                "fields": [
                    "audience",
                    ("capacity", "capacity_note"),
                    ("is_free", "fee_general", "fee_member"),
                    "fee_note",
                ]
            },
        ),
        (_("共催・協力・後援"), {"fields": ["co_organisers", "cooperation", "support"]}),
        (
            _("申込"),
            {
                "fields": [
                    ("registration_opens_at", "registration_closes_at"),
                    "application_url",
                    "registration_status_override",
                ]
            },
        ),
        (_("チラシ"), {"fields": ["flyer_link", "flyer_upload", "remove_flyer"]}),
        (
            _("開催報告"),
            {
                "fields": [
                    "report_text",
                    (
                        "participants_people",
                        "participants_organisations",
                        "participants_prefectures",
                    ),
                    ("participants_approximate", "participants_note"),
                ]
            },
        ),
        (_("関連・確認"), {"fields": ["held_within", "facts_uncertain", "staff_note"]}),
    ]

    @admin.display(description=_("受付状況"))
    def registration_status_display(self, obj):
        return obj.registration_status_label()

    @admin.display(description=_("現在のチラシ"))
    def flyer_link(self, obj):
        if not obj or not obj.flyer:
            return "—"
        return format_html('<a href="{}">{}</a>', obj.flyer.url, obj.flyer.name.rsplit("/", 1)[-1])

    @admin.display(description=_("カレンダー"))
    def calendar_link(self, obj):
        if not obj or not obj.pk or not obj.start_date:
            return "—"
        return format_html('<a href="{}">.ics</a>', obj.get_calendar_url())


class SpeakerInline(ImagePreviewMixin, TranslationStackedInline):
    model = Speaker
    form = ImageUploadForm
    extra = 0
    fields = [("position", "status"), "name", "affiliation", "role", *IMAGE_FIELDS]
    readonly_fields = ["image_preview"]
    ordering = ["position", "pk"]


@admin.register(Session)
class SessionAdmin(ContentAdmin):
    list_display = ["__str__", "edition", "day", "start_time", "kind", "status", "english_complete"]
    list_filter = ["kind", "edition__series", "status", MissingEnglishFilter]
    list_select_related = ["edition__series"]
    search_fields = both_languages("label", "title", "description") + (
        "speakers__name_ja",
        "speakers__name_en",
    )
    autocomplete_fields = ["edition"]
    fields = ["edition", *SessionInline.fields]
    inlines = [SpeakerInline]


@admin.register(Speaker)
class SpeakerAdmin(ImagePreviewMixin, ContentAdmin):
    form = ImageUploadForm
    list_display = ["name", "affiliation", "session", "status", "english_complete"]
    list_select_related = ["session__edition__series"]
    list_filter = ["session__edition__series", "status", MissingEnglishFilter]
    search_fields = both_languages("name", "affiliation")
    autocomplete_fields = ["session"]
    fields = ["session", "position", "status", "name", "affiliation", "role", *IMAGE_FIELDS]
    readonly_fields = ["image_preview"]


@admin.register(EditionPhoto)
class EditionPhotoAdmin(ImagePreviewMixin, ContentAdmin):
    form = PhotoForm
    list_display = ["__str__", "edition", "position", "status", "english_complete"]
    list_select_related = ["edition__series"]
    list_filter = ["edition__series", "status", MissingEnglishFilter]
    search_fields = both_languages("caption", "alt")
    autocomplete_fields = ["edition"]
    fields = ["edition", "position", "status", *IMAGE_FIELDS, "caption"]
    readonly_fields = ["image_preview"]

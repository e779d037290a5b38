"""Staff admin: inquiry categories (content) and the inquiries themselves (a work queue).

What a sender wrote is read-only: staff set the status, the assignee and internal notes, and
export the selected or the filtered inquiries as CSV for Excel.
"""

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext_lazy as _

from inquiries.export import csv_response
from inquiries.models import Inquiry, InquiryCategory, MailStatus
from inquiries.normalize import format_phone
from pages.content_admin import ContentAdmin, both_languages


@admin.register(InquiryCategory)
class InquiryCategoryAdmin(ContentAdmin):
    list_display = ["label", "slug", "offering", "position", "status", "english_complete"]
    list_editable = ["position", "status"]
    list_select_related = ["offering"]
    search_fields = both_languages("label")
    fields = ["slug", "label", "offering", "position", "status"]

    def get_readonly_fields(self, request, obj=None):
        # The slug is in links (?category=...) others may have saved: fixed once it exists.
        return ["slug"] if obj else []


class SpamFilter(admin.SimpleListFilter):
    """Suspected spam (the honeypot was filled in) is kept, but out of the way by default."""

    title = _("迷惑送信の疑い")
    parameter_name = "spam"

    def lookups(self, request, model_admin):
        return [("yes", _("迷惑送信の疑いのみ")), ("all", _("すべて"))]

    def choices(self, changelist):
        yield {
            "selected": self.value() is None,
            "query_string": changelist.get_query_string(remove=[self.parameter_name]),
            "display": _("通常のお問い合わせ"),
        }
        for lookup, title in self.lookup_choices:
            yield {
                "selected": self.value() == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(is_spam=True)
        if self.value() == "all":
            return queryset
        return queryset.filter(is_spam=False)


class MailProblemFilter(admin.SimpleListFilter):
    title = _("メールの送信状況")
    parameter_name = "mail"

    def lookups(self, request, model_admin):
        return [("failed", _("送信に失敗したものあり")), ("pending", _("未送信のものあり"))]

    def queryset(self, request, queryset):
        if self.value() in (MailStatus.FAILED, MailStatus.PENDING):
            return queryset.filter(notify_status=self.value()) | queryset.filter(
                reply_status=self.value()
            )
        return queryset


SUBMITTED_FIELDS = [
    "reference",
    "received_at",
    "language",
    "category",
    "organization",
    "department",
    "name",
    "name_kana",
    "email",
    "phone_display",
    "message",
    "preferred_dates",
    "audience_size",
    "theme_name",
    "is_spam",
]
MAIL_FIELDS = [
    "notify_status",
    "notify_attempts",
    "notify_last_attempt_at",
    "notify_error",
    "reply_status",
    "reply_attempts",
    "reply_last_attempt_at",
    "reply_error",
]


@admin.action(description=_("選択したお問い合わせをCSVで書き出す"), permissions=["view"])
def export_selected(modeladmin, request, queryset):
    return csv_response(queryset)


@admin.register(Inquiry)
class InquiryAdmin(admin.ModelAdmin):
    list_display = [
        "reference",
        "received_at",
        "category",
        "organization",
        "status",
        "assignee",
        "mail_state",
    ]
    list_display_links = ["reference"]
    list_filter = [
        SpamFilter,
        "status",
        "category",
        ("assignee", admin.RelatedOnlyFieldListFilter),
        MailProblemFilter,
        "received_at",
    ]
    list_select_related = ["category", "assignee"]
    search_fields = [
        "reference",
        "organization",
        "department",
        "name",
        "name_kana",
        "email",
        "phone",
        "message",
    ]
    date_hierarchy = "received_at"
    actions = [export_selected]
    readonly_fields = [*SUBMITTED_FIELDS, *MAIL_FIELDS]
    fieldsets = [
        (_("対応"), {"fields": ["status", "assignee", "internal_notes"]}),
        (_("送信された内容（変更できません）"), {"fields": SUBMITTED_FIELDS}),
        (_("メールの送信状況"), {"fields": MAIL_FIELDS}),
    ]
    change_list_template = "admin/inquiries/inquiry/change_list.html"

    def has_add_permission(self, request):
        return False  # inquiries come from the public form only

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "assignee":
            kwargs["queryset"] = get_user_model().objects.filter(is_staff=True, is_active=True)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description=_("電話番号"))
    def phone_display(self, obj):
        return format_phone(obj.phone)

    @admin.display(description=_("メール（通知／自動返信）"))
    def mail_state(self, obj):
        return f"{obj.get_notify_status_display()}／{obj.get_reply_status_display()}"

    def get_urls(self):
        export = self.admin_site.admin_view(self.export_filtered_view)
        return [
            path("export/", export, name="inquiries_inquiry_export"),
            *super().get_urls(),
        ]

    def export_filtered_view(self, request):
        """The changelist's current filters and search, as CSV (every page of it)."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        try:
            changelist = self.get_changelist_instance(request)
        except IncorrectLookupParameters:
            return redirect("admin:inquiries_inquiry_changelist")
        return csv_response(changelist.get_queryset(request))

"""Admin building blocks shared by every content model (pages, principles, events).

Japanese and English fields sit side by side in tabs; the changelists search both languages,
toggle publication, and filter the records whose English is still missing.
"""

from django.contrib import admin, messages
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin
from modeltranslation.translator import translator
from modeltranslation.utils import get_translation_fields

from pages.publishing import PublicationStatus


def translated_fields(model) -> tuple[str, ...]:
    return tuple(translator.get_options_for_model(model).fields)


def both_languages(*field_names: str) -> tuple[str, ...]:
    """search_fields over every language: modeltranslation only searches the admin's language."""
    return tuple(name for field in field_names for name in get_translation_fields(field))


def missing_english_q(model) -> Q:
    """Rows where some text exists in Japanese but its English counterpart is empty."""
    condition = Q()
    for field in translated_fields(model):
        has_japanese = Q(**{f"{field}_ja__gt": ""})
        lacks_english = Q(**{f"{field}_en__isnull": True}) | Q(**{f"{field}_en": ""})
        condition |= has_japanese & lacks_english
    return condition


def is_missing_english(obj) -> bool:
    for field in translated_fields(type(obj)):
        if getattr(obj, f"{field}_ja", "") and not getattr(obj, f"{field}_en", ""):
            return True
    return False


class MissingEnglishFilter(admin.SimpleListFilter):
    title = _("英語の入力")
    parameter_name = "english"

    def lookups(self, request, model_admin):
        return [("missing", _("英語が未入力")), ("complete", _("英語が入力済み"))]

    def queryset(self, request, queryset):
        condition = missing_english_q(queryset.model)
        if self.value() == "missing":
            return queryset.filter(condition)
        if self.value() == "complete":
            return queryset.exclude(condition)
        return queryset


@admin.action(description=_("選択したものを公開する"))
def publish(modeladmin, request, queryset):
    _set_status(modeladmin, request, queryset, PublicationStatus.PUBLISHED)


@admin.action(description=_("選択したものを非公開にする"))
def hide(modeladmin, request, queryset):
    _set_status(modeladmin, request, queryset, PublicationStatus.HIDDEN)


def _set_status(modeladmin, request, queryset, status):
    # save() per row rather than update(): keeps updated_at and any save-time behaviour right.
    count = 0
    for obj in queryset.exclude(status=status):
        obj.status = status
        obj.save()
        count += 1
    modeladmin.message_user(
        request,
        ngettext("%(count)d件を更新しました。", "%(count)d件を更新しました。", count)
        % {"count": count},
        messages.SUCCESS,
    )


class ContentAdmin(TabbedTranslationAdmin):
    """Base admin for translated, publishable content."""

    actions = [publish, hide]
    list_filter = ["status", MissingEnglishFilter]
    save_on_top = True

    @admin.display(description=_("英語"), boolean=True)
    def english_complete(self, obj):
        return not is_missing_english(obj)

"""modeltranslation's fallback as the visitor meets it: text shown in Japanese because its field
in the visitor's language is empty. Such text is marked lang="ja", so that screen readers read it
as Japanese (WCAG 3.1.2, language of parts)."""

from django.conf import settings
from django.utils.html import escape, format_html
from django.utils.translation import get_language

DEFAULT_LANGUAGE = settings.LANGUAGE_CODE
_NOT_TRANSLATED = object()


def shows_fallback(obj, field: str) -> bool:
    """Whether obj.field, read now, is the Japanese text standing in for an empty field."""
    language = get_language()
    if language == DEFAULT_LANGUAGE or not getattr(obj, field, ""):
        return False
    own = getattr(obj, f"{field}_{language}", _NOT_TRANSLATED)
    return own is not _NOT_TRANSLATED and not own


def translated_html(obj, field: str) -> str:
    """obj.field as escaped inline HTML, in <span lang="ja"> when shown in Japanese."""
    value = getattr(obj, field) or ""
    if shows_fallback(obj, field):
        return format_html('<span lang="{}">{}</span>', DEFAULT_LANGUAGE, value)
    return escape(value)

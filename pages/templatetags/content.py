"""Rendering of staff-written text: paragraphs, a linked phrase, site links per language, and the
lang="ja" mark on Japanese text shown on an English page because its English field is empty."""

import re

from django import template
from django.conf import settings
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from jnpoc_site.fallback import DEFAULT_LANGUAGE, shows_fallback, translated_html

register = template.Library()

_LANGUAGE_CODES = "|".join(code for code, _name in settings.LANGUAGES)
_LANGUAGE_PREFIX = re.compile(rf"^/({_LANGUAGE_CODES})(/|$)")


@register.filter
def localized_url(url: str) -> str:
    """A site path written for one language ("/ja/...") pointed at the current language."""
    if not url:
        return ""
    return _LANGUAGE_PREFIX.sub(lambda m: f"/{get_language()}{m.group(2)}", url, count=1)


@register.simple_tag
def lang_attr(obj, field):
    """` lang="ja"` for an element holding obj.field when that is shown in Japanese, else ""."""
    if shows_fallback(obj, field):
        return format_html(' lang="{}"', DEFAULT_LANGUAGE)
    return ""


# A translated field as inline text: {% translated obj "field" %}
register.simple_tag(translated_html, name="translated")


@register.simple_tag
def translated_paragraphs(obj, field, link_text="", link_url=""):
    """paragraphs() of a translated field, each marked lang="ja" when shown in Japanese."""
    lang = DEFAULT_LANGUAGE if shows_fallback(obj, field) else ""
    return paragraphs(getattr(obj, field), link_text, link_url, lang=lang)


@register.simple_tag
def paragraphs(text, link_text="", link_url="", lang=""):
    """Blank lines separate paragraphs, single newlines become <br>.

    When `link_text` occurs in the text its first occurrence links to `link_url`; otherwise the
    link follows the text as a paragraph of its own, so it is never lost. `lang`, when given, is
    the language of the text, marked on every paragraph.
    """
    lang_attribute = format_html(' lang="{}"', lang) if lang else ""
    text = (text or "").replace("\r\n", "\n").strip()
    href = localized_url(link_url)
    link = format_html('<a href="{}">{}</a>', href, link_text) if href and link_text else ""
    needle = escape(link_text) if link else ""
    html_paragraphs = []
    for block in re.split(r"\n\s*\n", text) if text else []:
        html = escape(block.strip())
        if link and needle in html:
            html = html.replace(needle, link, 1)
            link = ""
        html_paragraphs.append(f"<p{lang_attribute}>" + html.replace("\n", "<br>") + "</p>")
    if link:
        html_paragraphs.append(f"<p>{link}</p>")
    return mark_safe("\n".join(html_paragraphs))

"""Rendering of staff-written plain text: paragraphs, a linked phrase, site links per language."""

import re

from django import template
from django.conf import settings
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

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
def paragraphs(text, link_text="", link_url=""):
    """Blank lines separate paragraphs, single newlines become <br>.

    When `link_text` occurs in the text its first occurrence links to `link_url`; otherwise the
    link follows the text as a paragraph of its own, so it is never lost.
    """
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
        html_paragraphs.append("<p>" + html.replace("\n", "<br>") + "</p>")
    if link:
        html_paragraphs.append(f"<p>{link}</p>")
    return mark_safe("\n".join(html_paragraphs))

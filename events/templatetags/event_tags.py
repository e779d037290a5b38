"""Rendering helpers for the events pages: responsive pictures, JSON-LD, edition headings."""

import json

from django import template
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from events import dates
from events.models import UNTITLED_HEADING
from events.structured_data import edition_json_ld
from jnpoc_site.fallback import translated_html
from pages.templatetags.content import lang_attr

register = template.Library()

# The characters that could end a <script> element or start a comment inside it, escaped the way
# django.utils.html.json_script does.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def site_origin(request) -> str:
    return settings.SITE_URL or f"{request.scheme}://{request.get_host()}"


@register.simple_tag
def edition_heading(edition):
    """The edition's title, or the neutral heading built from its series and month."""
    if edition.title:
        return translated_html(edition, "title")
    # As Edition.heading, with the series name marked lang="ja" when shown in Japanese.
    return mark_safe(  # noqa: S308 - the format is ours; both parts are escaped
        escape(UNTITLED_HEADING)
        % {
            "series": translated_html(edition.series, "name"),
            "month": escape(dates.month_year(edition.start_date)),
        }
    )


@register.simple_tag
def picture(obj, sizes="100vw", css_class=""):
    """<picture> with WebP and JPEG srcsets, the intrinsic size and the alt text."""
    renditions = obj.renditions or []
    if not renditions:
        return ""

    def srcset(extension):
        return ", ".join(f"{default_storage.url(r[extension])} {r['width']}w" for r in renditions)

    largest = renditions[-1]
    fallback = next((r for r in renditions if r["width"] >= 800), largest)
    return format_html(
        '<picture{}><source type="image/webp" srcset="{}" sizes="{}">'
        '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}" '
        'loading="lazy" decoding="async"></picture>',
        format_html(' class="{}"', css_class) if css_class else "",
        srcset("webp"),
        sizes,
        default_storage.url(fallback["jpg"]),
        srcset("jpg"),
        sizes,
        largest["width"],
        largest["height"],
        obj.alt,
    )


@register.simple_tag(takes_context=True)
def edition_structured_data(context, edition):
    """The schema.org Event of an edition as <script type="application/ld+json">."""
    data = edition_json_ld(
        edition,
        base_url=site_origin(context["request"]),
        organisation_name=context["site_settings"].organisation_name,
        labels={"free": _("無料"), "general": _("一般"), "member": _("正会員")},
        language=get_language(),
    )
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(_JSON_SCRIPT_ESCAPES)),
    )


@register.filter
def lines(text):
    """Staff-written text with one item per line, as a list."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


@register.simple_tag
def credit_list(edition, field):
    items = lines(getattr(edition, field))
    lang = lang_attr(edition, field)
    return format_html_join("", "<li{}>{}</li>", ((lang, item) for item in items))


@register.filter
def thousands(value):
    """1234567 -> 1,234,567 (both languages group digits this way)."""
    return f"{value:,}" if value is not None else ""

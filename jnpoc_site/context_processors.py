"""Context every page needs: the organisation's details and the language links."""

from dataclasses import dataclass

from django.conf import settings
from django.urls import Resolver404, resolve, reverse, translate_url
from django.utils import translation
from django.utils.functional import SimpleLazyObject

from pages.models import SiteSettings


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    absolute_url: str
    is_current: bool


class LanguageLinks(list):
    """The links, plus the x-default alternate: the unprefixed URL, which redirects each
    visitor to their language (the same choice Django's i18n sitemap makes)."""

    @property
    def x_default(self) -> str:
        default = self[0]
        prefix = f"/{default.code}/"
        base = default.absolute_url.removesuffix(default.url)
        return base + default.url.replace(prefix, "/", 1)


def language_links(request, *, to_home: bool = False) -> LanguageLinks:
    """The same page in every language, for the language switch and hreflang alternates.

    Slugs are not translated, so re-reversing the current URL under each language gives the
    same page. A page that does not exist (to_home) leads to the section home instead.
    """
    path = request.get_full_path()
    current = translation.get_language()
    if not to_home:
        try:
            resolve(request.path_info)
        except Resolver404:
            to_home = True
    links = LanguageLinks()
    for code, name in settings.LANGUAGES:
        if not to_home:
            url = translate_url(path, code)
        else:
            with translation.override(code):
                url = reverse("pages:landing")
        base = settings.SITE_URL or f"{request.scheme}://{request.get_host()}"
        links.append(LanguageLink(code, name, url, base + url, code == current))
    return links


def site(request):
    return {
        "site_settings": SimpleLazyObject(SiteSettings.current),
        "language_links": SimpleLazyObject(lambda: language_links(request)),
    }

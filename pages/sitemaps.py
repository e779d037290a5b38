from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from pages.models import Page


class I18nSitemap(Sitemap):
    """Every URL in both languages, with hreflang alternates, on the public origin (SITE_URL)."""

    i18n = True
    alternates = True
    x_default = True

    def get_protocol(self, protocol=None):
        if settings.SITE_URL:
            return settings.SITE_URL.split("://", 1)[0]
        return super().get_protocol(protocol)

    def get_domain(self, site=None):
        if settings.SITE_URL:
            return settings.SITE_URL.split("://", 1)[1]
        return super().get_domain(site)

    def lastmod(self, item):
        return getattr(item, "updated_at", None)


class PageSitemap(I18nSitemap):
    def items(self):
        return Page.objects.published().order_by("position", "pk")


class NamedViewSitemap(I18nSitemap):
    """Pages with no model row of their own, by URL name."""

    def __init__(self, names):
        self.names = names

    def items(self):
        return self.names

    def location(self, item):
        return reverse(item)

    def lastmod(self, item):
        return None

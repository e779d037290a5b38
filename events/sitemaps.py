from events.models import Edition, Series
from pages.sitemaps import I18nSitemap


class SeriesSitemap(I18nSitemap):
    def items(self):
        return Series.objects.published().order_by("position", "pk")


class EditionSitemap(I18nSitemap):
    def items(self):
        return Edition.objects.published().select_related("series").order_by("-start_date", "pk")

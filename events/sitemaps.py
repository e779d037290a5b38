from events.models import Series
from pages.sitemaps import I18nSitemap


class SeriesSitemap(I18nSitemap):
    def items(self):
        return Series.objects.published().order_by("position", "pk")

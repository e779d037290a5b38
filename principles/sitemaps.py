from pages.sitemaps import I18nSitemap
from principles.models import Stance, StanceList


class StanceListSitemap(I18nSitemap):
    def items(self):
        return StanceList.objects.published().order_by("position", "pk")


class StanceSitemap(I18nSitemap):
    def items(self):
        stances = (
            Stance.objects.published()
            .filter(stance_list__status="published")
            .select_related("stance_list")
        )
        return [stance for stance in stances if stance.has_page]

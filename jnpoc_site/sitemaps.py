"""The sitemap.xml sections, one per kind of public page."""

from events.sitemaps import EditionSitemap, SeriesSitemap
from pages.sitemaps import NamedViewSitemap, PageSitemap
from principles.sitemaps import StanceListSitemap, StanceSitemap

SITEMAPS = {
    "pages": PageSitemap,
    "stance-lists": StanceListSitemap,
    "stances": StanceSitemap,
    "series": SeriesSitemap,
    "editions": EditionSitemap,
    "sections": NamedViewSitemap(
        ["principles:stancelist_list", "events:edition_list", "inquiries:inquiry_form"]
    ),
}

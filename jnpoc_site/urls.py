"""Root URL map. Every public page is under a language prefix: /ja/... and /en/..."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from jnpoc_site import views
from jnpoc_site.media import serve_media
from jnpoc_site.sitemaps import SITEMAPS

urlpatterns = [
    path("", views.root_redirect, name="root"),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path(
        "sitemap.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path(settings.ADMIN_PATH, admin.site.urls),
]

if settings.SERVE_MEDIA:
    media_prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns.append(path(f"{media_prefix}<path:path>", serve_media, name="media"))

urlpatterns += i18n_patterns(
    path("government/stances/", include("principles.urls")),
    path("government/events/", include("events.urls")),
    path("government/", include("pages.urls")),
    path("inquiry/", include("inquiries.urls")),
    prefix_default_language=True,
)

handler404 = "jnpoc_site.views.page_not_found"
handler500 = "jnpoc_site.views.server_error"

admin.site.site_header = _("「行政の方へ」管理画面")
admin.site.site_title = _("「行政の方へ」管理画面")
admin.site.index_title = _("コンテンツとお問い合わせの管理")

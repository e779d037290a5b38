"""Site-wide endpoints that belong to no single app: the root redirect, health, robots, errors."""

import logging

from django.conf import settings
from django.contrib import admin
from django.db import connection
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template import loader
from django.urls import Resolver404, resolve, reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from jnpoc_site.context_processors import language_links

logger = logging.getLogger(__name__)


@require_GET
def root_redirect(request):
    """/ leads to the section home in the visitor's language: Japanese or English if preferred."""
    language = translation.get_language_from_request(request, check_path=False)
    with translation.override(language):
        response = HttpResponseRedirect(reverse("pages:landing"))
    patch_vary_headers(response, ["Accept-Language", "Cookie"])
    return response


@never_cache
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any database failure means "not healthy", never a 500
        logger.exception("Health check: database unreachable")
        return HttpResponse("database unreachable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        f"Disallow: /{settings.ADMIN_PATH}",
        f"Sitemap: {absolute_url(request, reverse('django.contrib.sitemaps.views.sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def absolute_url(request, path: str) -> str:
    """An absolute URL on the public origin (SITE_URL), or on the request's host when unset."""
    if settings.SITE_URL:
        return settings.SITE_URL + path
    return request.build_absolute_uri(path)


def csrf_failure(request, reason=""):
    """A post whose security token is missing or stale (an old tab, blocked cookies): say how
    to carry on. A post of the inquiry form comes back with everything the visitor typed."""
    from inquiries.views import render_form_after_csrf_failure

    try:
        match = resolve(request.path_info)
    except Resolver404:
        match = None
    if match and match.view_name == "inquiries:inquiry_form" and request.method == "POST":
        return render_form_after_csrf_failure(request)
    context = {"language_links": language_links(request, to_home=True)}
    return render(request, "403_csrf.html", context, status=403)


def page_not_found(request, exception):
    # The language switch of a missing page leads to the home page in the other language.
    context = {"language_links": language_links(request, to_home=True)}
    return render(request, "404.html", context, status=404)


def admin_lockout(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out login: a Japanese page, HTTP 429."""
    context = {
        **admin.site.each_context(request),
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cooloff_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
    }
    return render(request, "admin/lockout.html", context, status=429)


def server_error(request):
    # No context processors: the database may be what failed.
    return HttpResponse(loader.render_to_string("500.html"), status=500)

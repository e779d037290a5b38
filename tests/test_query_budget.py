"""Every public page renders in at most 8 SQL queries with a cold cache, whatever the amount of
content: here 1,000 more editions with 10 sessions each and 100 more sections on the landing page.
The page cache is on, so its own work on a cold start counts too."""

import re

import pytest
from django.core.cache import cache

from pages.models import Page, Section
from tests.events.factories import add_editions

MAX_QUERIES = 8

# Public URLs the sitemap does not list.
NOT_IN_SITEMAP = [
    "/ja/government/events/?page=2",
    "/ja/government/events/upcoming.ics",
    "/en/government/events/feed.atom",
    "/ja/government/no-such-page/",
    "/ja/inquiry/complete/",
    "/en/inquiry/complete/",
]


@pytest.fixture
def lots_of_content(content):
    add_editions(1000, sessions_each=10)
    landing = Page.objects.get(slug="government")
    Section.objects.bulk_create(
        Section(
            page=landing,
            position=1000 + n,
            anchor=f"extra-{n}",
            heading_ja=f"追加の見出し{n}",
            body_ja="本文",
            items_ja="一\n二\n三",
        )
        for n in range(100)
    )


def budgeted_urls(client) -> list[str]:
    locations = re.findall(r"<loc>http://testserver([^<]+)</loc>", client.get("/sitemap.xml").text)
    editions = [url for url in locations if re.search(r"/events/\w+/[\w-]+/$", url)]
    others = [url for url in locations if url not in editions]
    return sorted(set(others)) + editions[:4] + editions[-4:] + NOT_IN_SITEMAP


@pytest.mark.django_db
def test_every_public_page_renders_within_the_query_budget_with_a_cold_cache(
    client, lots_of_content, settings, django_assert_max_num_queries
):
    settings.PAGE_CACHE_ENABLED = True
    urls = budgeted_urls(client)
    assert len(urls) > 30
    for url in urls:
        cache.clear()
        with django_assert_max_num_queries(MAX_QUERIES, info=url):
            response = client.get(url)
        assert response.status_code in (200, 404), url

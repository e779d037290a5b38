"""Every public page renders in a fixed, small number of SQL queries (cold, no cache)."""

import pytest

PAGES = [
    "/ja/government/",
    "/en/government/",
    "/ja/government/membership/",
    "/ja/government/stances/",
    "/ja/government/stances/npo/",
    "/ja/government/events/",
    "/ja/government/events/forum/",
    "/ja/government/privacy/",
    "/ja/inquiry/",
    "/en/inquiry/",
    "/ja/inquiry/complete/",
]

MAX_QUERIES = 8


@pytest.mark.django_db
@pytest.mark.parametrize("url", PAGES)
def test_page_renders_within_the_query_budget(client, content, django_assert_max_num_queries, url):
    with django_assert_max_num_queries(MAX_QUERIES):
        assert client.get(url).status_code == 200

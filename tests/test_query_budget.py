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
    "/en/government/events/course/",
    "/ja/government/events/forum/2008-02/",
    "/en/government/events/forum/2014-07/",
    "/ja/government/events/course/2015-07/",
    "/ja/government/events/forum/2015-07/",
]

MAX_QUERIES = 8


@pytest.mark.django_db
@pytest.mark.parametrize("url", PAGES)
def test_page_renders_within_the_query_budget(client, content, django_assert_max_num_queries, url):
    with django_assert_max_num_queries(MAX_QUERIES):
        assert client.get(url).status_code == 200

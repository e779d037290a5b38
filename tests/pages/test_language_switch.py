import re
from http import HTTPStatus

import pytest

pytestmark = pytest.mark.django_db

PAGES = [
    "/ja/government/",
    "/ja/government/membership/",
    "/ja/government/contact/",
    "/ja/government/accessibility/",
    "/ja/government/accessibility-results/",
    "/ja/government/privacy/",
    "/ja/government/stances/",
    "/ja/government/stances/staff/",
    "/ja/government/stances/npo/",
    "/ja/government/events/",
    "/ja/government/events/forum/",
    "/ja/government/events/course/",
    "/ja/government/events/forum/2008-02/",
    "/ja/government/events/forum/2014-07/",
    "/ja/government/events/course/2015-07/",
    "/ja/inquiry/",
    "/ja/inquiry/complete/",
]


def switch_links(html):
    nav = re.search(r'<nav class="language-switch".*?</nav>', html, flags=re.S).group(0)
    return dict(re.findall(r'<a href="([^"]+)" lang="(\w+)" hreflang="\w+"', nav))


def alternates(html):
    return dict(
        (lang, href)
        for href, lang in [
            (m[1], m[0])
            for m in re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)"', html)
        ]
    )


@pytest.mark.parametrize("ja_url", PAGES)
def test_language_switch_leads_to_the_same_page_in_the_other_language(client, content, ja_url):
    en_url = "/en/" + ja_url.removeprefix("/ja/")
    for url in (ja_url, en_url):
        response = client.get(url)
        assert response.status_code == HTTPStatus.OK, url
        links = {href: lang for href, lang in switch_links(response.text).items()}
        assert links == {ja_url: "ja", en_url: "en"}
        assert client.get(en_url).status_code == HTTPStatus.OK


@pytest.mark.parametrize("ja_url", PAGES)
def test_hreflang_alternates_are_absolute_and_list_every_language(
    client, content, settings, ja_url
):
    settings.SITE_URL = "https://www.example.jp"
    html = client.get(ja_url).text
    found = alternates(html)
    en_url = "/en/" + ja_url.removeprefix("/ja/")
    assert found == {
        "ja": "https://www.example.jp" + ja_url,
        "en": "https://www.example.jp" + en_url,
        "x-default": "https://www.example.jp/" + ja_url.removeprefix("/ja/"),
    }


def test_alternates_use_the_request_host_without_site_url(client, content, settings):
    settings.SITE_URL = ""
    html = client.get("/en/government/")
    assert alternates(html.text)["ja"] == "http://testserver/ja/government/"


def test_current_language_is_marked_in_the_switch(client, content):
    html = client.get("/en/government/").text
    assert (
        '<a href="/en/government/" lang="en" hreflang="en" aria-current="true">English</a>' in html
    )
    assert '<a href="/ja/government/" lang="ja" hreflang="ja">日本語</a>' in html


def test_switch_keeps_the_query_string(client, content):
    html = client.get("/ja/government/events/?page=1").text
    assert "/en/government/events/?page=1" in switch_links(html)


def test_404_page_switch_leads_to_the_other_language_home(client, content):
    html = client.get("/ja/government/no-such-page/").text
    assert switch_links(html) == {"/ja/government/": "ja", "/en/government/": "en"}
    assert 'rel="alternate"' not in html

import re
from http import HTTPStatus

import pytest

from principles.models import Stance

pytestmark = pytest.mark.django_db


def locations(xml):
    return re.findall(r"<loc>([^<]+)</loc>", xml)


def test_sitemap_lists_every_page_in_both_languages_with_alternates(client, content, settings):
    settings.SITE_URL = "https://www.example.jp"
    response = client.get("/sitemap.xml")
    assert response.status_code == HTTPStatus.OK
    urls = locations(response.text)
    for path in [
        "government/",
        "government/membership/",
        "government/stances/",
        "government/stances/npo/",
        "government/events/",
        "government/events/forum/",
        "government/events/forum/2008-02/",
        "government/events/course/2015-07/",
    ]:
        assert f"https://www.example.jp/ja/{path}" in urls
        assert f"https://www.example.jp/en/{path}" in urls
    assert 'hreflang="x-default" href="https://www.example.jp/government/"' in response.text
    assert 'hreflang="en" href="https://www.example.jp/en/government/"' in response.text


def test_sitemap_leaves_out_hidden_pages_and_stances_without_pages(client, content, settings):
    settings.SITE_URL = "https://www.example.jp"
    urls = locations(client.get("/sitemap.xml").text)
    assert not any("/stances/staff/1/" in url for url in urls)
    Stance.objects.filter(stance_list__slug="staff", number=1).update(explanation_ja="解説")
    urls = locations(client.get("/sitemap.xml").text)
    assert "https://www.example.jp/ja/government/stances/staff/1/" in urls

import re
from http import HTTPStatus
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from pages.models import Page, Section
from tests.conftest import visible_text

SOURCE = Path(settings.BASE_DIR) / "content" / "source" / "for-government.ja.txt"
# The old site's form address is replaced by our own inquiry form, on purpose.
REPLACED_BY_OUR_FORM = "https://www.jnpoc.ne.jp/?page_id=607"

pytestmark = pytest.mark.django_db


def source_phrases():
    """Every sentence, list item, name and number of the source page, without its list markers."""
    phrases = []
    for line in SOURCE.read_text(encoding="utf-8").splitlines():
        line = re.sub(r"^(■|◎|・|\(\d\)|\d+\.\s*)", "", line.strip())
        if line.startswith("お問い合わせフォーム:"):
            # The label, linked to our own form instead of the old site's address.
            phrases.append("お問い合わせフォーム")
            continue
        for label in ("TEL:", "Email:"):
            if line.startswith(label):
                phrases.extend([label.rstrip(":"), line[len(label) :].strip()])
                break
        else:
            # Sentence by sentence: a source paragraph may be split over two sections.
            phrases.extend(s for s in re.split(r"(?<=。)", line) if s)
    return phrases


def test_japanese_landing_page_has_every_phrase_of_the_source(client, content):
    text = visible_text(client.get("/ja/government/").text)
    missing = [phrase for phrase in source_phrases() if phrase not in text]
    assert missing == []
    assert REPLACED_BY_OUR_FORM not in text


def test_landing_page_shows_each_section_in_both_languages(client, content, content_data):
    landing = next(p for p in content_data["pages"]["pages"] if p["slug"] == "government")
    for language in ("ja", "en"):
        response = client.get(f"/{language}/government/")
        assert response.status_code == HTTPStatus.OK
        text = visible_text(response.text)
        assert landing["title"][language] in text
        for section in landing["sections"]:
            for field in ("heading", "body", "items_heading"):
                if field in section:
                    assert section[field][language] in text, (language, section["key"], field)
            for item in section.get("items", {}).get(language, []):
                assert item in text


def test_landing_page_shows_offerings_and_themes_in_order(client, content, content_data):
    for language in ("ja", "en"):
        text = visible_text(client.get(f"/{language}/government/").text)
        offerings = content_data["pages"]["offerings"]
        positions = [text.index(o["title"][language]) for o in offerings]
        assert positions == sorted(positions)
        for offering in offerings:
            assert offering["body"][language] in text
            themes = [t["name"][language] for t in offering.get("themes", [])]
            theme_positions = [text.index(theme) for theme in themes]
            assert theme_positions == sorted(theme_positions)


def test_landing_page_links_to_the_pages_its_sections_point_to(client, content):
    html = client.get("/en/government/").text
    assert '<a href="/en/government/stances/npo/">the explanation page</a>' in html
    assert '<a href="/en/government/membership/">the explanation page</a>' in html
    assert 'href="/en/government/events/forum/"' in html


def test_email_is_shown_without_an_at_sign_for_harvesters(client, content):
    html = client.get("/ja/government/").text
    assert "jncenter#jnpoc.ne.jp" in html
    assert "jncenter@jnpoc.ne.jp" not in html
    assert 'href="tel:0335100855"' in html


def test_every_page_has_one_h1_a_skip_link_and_main(client, content):
    for url in ["/ja/government/", "/en/government/membership/", "/ja/government/contact/"]:
        html = client.get(url).text
        assert html.count("<h1") == 1, url
        assert '<a class="skip-link" href="#main">' in html
        assert '<main id="main"' in html


def test_html_lang_follows_the_url_prefix(client, content):
    assert '<html lang="ja">' in client.get("/ja/government/").text
    assert '<html lang="en">' in client.get("/en/government/").text
    assert client.get("/en/government/").headers["Content-Language"] == "en"


def test_pages_other_than_the_landing_page_have_breadcrumbs(client, content):
    html = client.get("/ja/government/membership/").text
    assert 'aria-label="現在位置"' in html
    assert '<li aria-current="page">自治体会員のご案内</li>' in html
    assert 'aria-label="現在位置"' not in client.get("/ja/government/").text


def test_hidden_section_is_not_shown(client, content):
    Section.objects.filter(anchor="membership").update(status="hidden")
    text = visible_text(client.get("/ja/government/").text)
    assert "自治体会員となってください" not in text


@pytest.mark.parametrize(
    "url",
    [
        "/ja/government/no-such-page/",
        "/en/government/no-such-page/",
        "/ja/government/government/",
        "/fr/government/",
        "/ja/nothing-here/",
    ],
)
def test_unknown_urls_give_the_friendly_404(client, content, url):
    response = client.get(url)
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert "<h1>" in response.text
    assert "noindex" in response.text


def test_404_is_in_the_language_of_the_url(client, content):
    assert "Page not found" in client.get("/en/government/nope/").text
    assert "ページが見つかりません" in client.get("/ja/government/nope/").text


def test_hidden_page_gives_404(client, content):
    Page.objects.filter(slug="membership").update(status="hidden")
    assert client.get("/ja/government/membership/").status_code == HTTPStatus.NOT_FOUND
    assert client.get("/en/government/membership/").status_code == HTTPStatus.NOT_FOUND


def test_landing_page_without_content_gives_404_not_500(client, db):
    assert client.get("/ja/government/").status_code == HTTPStatus.NOT_FOUND


def test_root_redirects_to_japanese_by_default(client, db):
    response = client.get("/")
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/ja/government/"
    assert "Accept-Language" in response["Vary"]


def test_root_redirects_to_english_when_the_browser_prefers_it(client, db):
    response = client.get("/", headers={"accept-language": "en-GB,en;q=0.9,ja;q=0.5"})
    assert response["Location"] == "/en/government/"


def test_unprefixed_page_urls_redirect_to_the_japanese_page(client, content):
    response = client.get("/government/membership/")
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/ja/government/membership/"


def test_server_error_page_is_friendly_and_needs_no_database(rf):
    from jnpoc_site.views import server_error

    response = server_error(rf.get("/ja/government/"))
    assert response.status_code == HTTPStatus.INTERNAL_SERVER_ERROR
    assert "一時的な問題が発生しました" in response.content.decode()


def test_healthz_answers_200_when_the_database_is_reachable(client, db):
    response = client.get("/healthz")
    assert response.status_code == HTTPStatus.OK
    assert response.text == "ok\n"


def test_healthz_answers_503_when_the_database_is_not(client, db, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise connection.OperationalError("unable to open database file")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE


def test_robots_txt_points_at_the_sitemap_and_keeps_robots_out_of_the_admin(client, settings):
    settings.SITE_URL = "https://www.example.jp"
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "Sitemap: https://www.example.jp/sitemap.xml" in response.text
    assert f"Disallow: /{settings.ADMIN_PATH}" in response.text

import re
from html import unescape
from http import HTTPStatus

import pytest

from principles.models import Stance, StanceList
from tests.conftest import visible_text

pytestmark = pytest.mark.django_db


def stance_texts(html):
    ol = re.search(r'<ol class="stances">(.*?)</ol>', html, flags=re.S).group(1)
    items = re.findall(
        r"<li value=\"(\d+)\"[^>]*>(.*?)(?: <a class=\"stance__more\".*?)?</li>", ol, flags=re.S
    )
    return [(int(number), unescape(text.strip())) for number, text in items]


@pytest.mark.parametrize("language", ["ja", "en"])
def test_each_list_page_shows_its_eight_stances_in_order(client, content, content_data, language):
    for stance_list in content_data["principles"]["stance_lists"]:
        response = client.get(f"/{language}/government/stances/{stance_list['slug']}/")
        assert response.status_code == HTTPStatus.OK
        expected = [(s["number"], s["text"][language]) for s in stance_list["stances"]]
        assert len(expected) == 8
        assert stance_texts(response.text) == expected
        text = visible_text(response.text)
        assert stance_list["title"][language] in text
        assert stance_list["compiler_credit"][language] in text


@pytest.mark.parametrize("language", ["ja", "en"])
def test_landing_page_shows_both_lists_with_every_stance_in_order(
    client, content, content_data, language
):
    text = visible_text(client.get(f"/{language}/government/").text)
    cursor = 0
    for stance_list in content_data["principles"]["stance_lists"]:
        for phrase in [stance_list["title"][language], stance_list["compiler_credit"][language]] + [
            s["text"][language] for s in stance_list["stances"]
        ]:
            found = text.find(phrase, cursor)
            assert found >= 0, phrase
            cursor = found + len(phrase)


def test_npo_list_page_carries_its_explanation(client, content, content_data):
    npo = next(s for s in content_data["principles"]["stance_lists"] if s["slug"] == "npo")
    for language in ("ja", "en"):
        text = visible_text(client.get(f"/{language}/government/stances/npo/").text)
        assert npo["background_heading"][language] in text
        for paragraph in npo["background"][language].split("\n\n"):
            assert paragraph in text


def test_index_page_shows_the_booklet_without_invented_price(client, content):
    text = visible_text(client.get("/ja/government/stances/").text)
    assert "ブックレットとして発行しています" in text
    assert "価格" not in text  # unknown until staff fill it in


def test_booklet_price_shows_once_staff_fill_it_in(client, content):
    from principles.models import Booklet

    Booklet.objects.update(price_ja="500円", price_en="500 yen")
    assert "500 yen" in client.get("/en/government/stances/").text


def test_stance_without_explanation_has_no_page(client, content):
    assert client.get("/ja/government/stances/staff/3/").status_code == HTTPStatus.NOT_FOUND
    assert "姿勢3の解説" not in client.get("/ja/government/stances/staff/").text


def test_stance_with_explanation_gets_its_own_page_in_both_languages(client, content):
    stance = Stance.objects.get(stance_list__slug="staff", number=3)
    stance.explanation_ja = "現場に行くことの大切さ。"
    stance.explanation_en = "Why going out matters."
    stance.save()
    list_html = client.get("/ja/government/stances/staff/").text
    assert 'href="/ja/government/stances/staff/3/"' in list_html
    response = client.get("/en/government/stances/staff/3/")
    assert response.status_code == HTTPStatus.OK
    text = visible_text(response.text)
    assert "Why going out matters." in text
    assert "Be aware that needs can only be understood" in text


def test_english_page_falls_back_to_japanese_explanation(client, content):
    stance = Stance.objects.get(stance_list__slug="npo", number=1)
    stance.explanation_ja = "日本語の解説のみ"
    stance.save()
    response = client.get("/en/government/stances/npo/1/")
    assert response.status_code == HTTPStatus.OK
    assert "日本語の解説のみ" in response.text


def test_hidden_stance_and_hidden_list_are_not_shown(client, content):
    Stance.objects.filter(stance_list__slug="npo", number=3).update(status="hidden")
    assert "行政に依存せず" not in client.get("/ja/government/stances/npo/").text
    StanceList.objects.filter(slug="npo").update(status="hidden")
    assert client.get("/ja/government/stances/npo/").status_code == HTTPStatus.NOT_FOUND
    assert "民間NPO支援センター・将来を展望する会" not in visible_text(
        client.get("/ja/government/stances/").text
    )


def test_stance_of_a_hidden_list_has_no_page(client, content):
    Stance.objects.filter(stance_list__slug="npo", number=1).update(explanation_ja="解説")
    StanceList.objects.filter(slug="npo").update(status="hidden")
    assert client.get("/ja/government/stances/npo/1/").status_code == HTTPStatus.NOT_FOUND


@pytest.mark.parametrize(
    "url",
    [
        "/ja/government/stances/nope/",
        "/ja/government/stances/staff/9/",
        "/en/government/stances/staff/0/",
    ],
)
def test_unknown_stance_urls_give_404(client, content, url):
    assert client.get(url).status_code == HTTPStatus.NOT_FOUND

from http import HTTPStatus

import pytest

from events.models import Series
from tests.conftest import visible_text

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["ja", "en"])
def test_series_pages_show_name_description_and_note(client, content, content_data, language):
    for series in content_data["events"]["series"]:
        response = client.get(f"/{language}/government/events/{series['slug']}/")
        assert response.status_code == HTTPStatus.OK
        text = visible_text(response.text)
        assert series["name"][language] in text
        assert series["description"][language] in text
        if "note" in series:
            assert series["note"][language] in text


def test_series_page_says_since_when_it_is_held(client, content):
    assert "2002年度から開催" in client.get("/ja/government/events/forum/").text
    assert "Held since fiscal 2005" in client.get("/en/government/events/course/").text


def test_landing_page_links_each_series_from_its_description(client, content):
    html = client.get("/ja/government/").text
    assert (
        '<a href="/ja/government/events/forum/">「NPOと行政の対話フォーラム」のページ</a>' in html
    )
    assert (
        '<a href="/ja/government/events/course/">「自治体職員のためのNPO講座」のページ</a>' in html
    )


def test_hidden_series_gives_404(client, content):
    Series.objects.filter(slug="course").update(status="hidden")
    assert client.get("/ja/government/events/course/").status_code == HTTPStatus.NOT_FOUND
    assert "自治体職員のためのNPO講座" not in client.get("/ja/government/events/").text

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


# --- Editions ---------------------------------------------------------------------------------

import datetime  # noqa: E402
import re  # noqa: E402

from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402

from events import images  # noqa: E402
from events.models import Edition, EditionPhoto  # noqa: E402
from tests.events.factories import image_bytes, make_edition, make_series  # noqa: E402


def edition_links(html):
    return re.findall(r'href="(/\w\w/government/events/\w+/[\w-]+/)"', html)


@pytest.mark.parametrize("language", ["ja", "en"])
def test_archive_shows_every_past_edition_from_the_shared_facts(
    client, content, content_data, language
):
    response = client.get(f"/{language}/government/events/")
    assert response.status_code == HTTPStatus.OK
    links = edition_links(response.text)
    for edition in content_data["events"]["editions"]:
        url = f"/{language}/government/events/{edition['series']}/{edition['slug']}/"
        assert url in links, url
    forum_years = {
        e["start_date"].year for e in content_data["events"]["editions"] if e["series"] == "forum"
    }
    course_years = {
        e["start_date"].year for e in content_data["events"]["editions"] if e["series"] == "course"
    }
    assert min(forum_years) == 2008 and max(forum_years) == 2018
    assert min(course_years) == 2011 and max(course_years) == 2017


def test_archive_is_grouped_by_year_newest_first(client, content):
    html = client.get("/ja/government/events/").text
    years = re.findall(r'<h3 class="editions__year">(\d{4})年</h3>', html)
    assert years == sorted(set(years), reverse=True)
    assert years[0] == "2018" and years[-1] == "2008"
    section_2014 = html.split(">2014年</h3>")[1].split("<h3")[0]
    assert "/ja/government/events/forum/2014-02/" in section_2014
    assert "/ja/government/events/forum/2014-07/" in section_2014


def test_archive_in_english_uses_english_titles_and_dates(client, content):
    text = visible_text(client.get("/en/government/events/").text)
    assert "Civil society and community" in text
    assert "NPO–Government Dialogue Forum (February 2008)" in text
    assert "Wed 20 February 2008 10:00–17:00" in text


def test_upcoming_editions_come_first_with_their_status(client, content):
    make_edition(slug="2099-07", start_date=datetime.date(2099, 7, 14), title_ja="次のフォーラム")
    html = client.get("/ja/government/events/").text
    assert html.index("次のフォーラム") < html.index("これまでの開催")
    upcoming = html.split('id="upcoming-heading"')[1].split('id="archive-heading"')[0]
    assert "status-badge--not_open" in upcoming and "受付前" in upcoming


def test_without_upcoming_editions_the_list_says_the_next_will_be_announced(client, content):
    assert "次回の開催は決まり次第お知らせします。" in client.get("/ja/government/events/").text


def test_archive_is_paginated(client, content):
    series = Edition.objects.first().series
    Edition.objects.bulk_create(
        Edition(series=series, slug=f"1990-{n:02d}", start_date=datetime.date(1990, 1, n))
        for n in range(1, 29)
    )
    first = client.get("/ja/government/events/")
    assert first.context["paginator"].num_pages == 2
    second = client.get("/ja/government/events/?page=2")
    assert second.status_code == HTTPStatus.OK
    assert "/ja/government/events/forum/1990-01/" in second.text
    assert 'id="upcoming-heading"' not in second.text
    assert '<a href="?page=1" rel="prev">' in second.text
    assert client.get("/ja/government/events/?page=3").status_code == HTTPStatus.NOT_FOUND
    assert client.get("/ja/government/events/?page=x").status_code == HTTPStatus.NOT_FOUND


def test_series_page_lists_only_its_past_editions_and_the_next_one(client, content):
    make_edition(
        slug="2099-07",
        start_date=datetime.date(2099, 7, 14),
        title_ja="次回の講座",
        series=make_series(slug="course"),
    )
    html = client.get("/ja/government/events/course/").text
    links = edition_links(html)
    assert "/ja/government/events/course/2011-07/" in links
    assert not any("/forum/" in link for link in links)
    next_section = html.split('id="next-heading"')[1].split('id="past-heading"')[0]
    assert "次回の講座" in next_section


def test_edition_page_shows_the_facts_fees_and_report(client, content):
    text = visible_text(client.get("/ja/government/events/forum/2013-02/").text)
    assert "2013年2月22日（金） 10:30–17:30" in text
    assert "平成25年" in text
    assert "200人 先着順" in text
    assert "一般 5,000円" in text and "日本NPOセンター正会員 3,500円" in text
    assert "資料代を含みます。昼食代は含みません。" in text
    report = visible_text(client.get("/ja/government/events/forum/2014-02/").text)
    assert "第12回" in report
    assert "参加者 202人" in report and "143団体" in report and "39都道府県" in report


def test_edition_page_in_english(client, content):
    text = visible_text(client.get("/en/government/events/forum/2017-07/").text)
    assert "General ¥7,000" in text and "Full members of the Japan NPO Center ¥6,000" in text
    assert "(doors open 9:30)" in text
    assert "Fri 14 July 2017 10:15–17:00" in text
    assert "150 people" in text


def test_registration_status_is_shown_before_the_details(client, content):
    make_edition(
        slug="2099-07",
        start_date=datetime.date(2099, 7, 14),
        application_url="/ja/government/contact/",
        registration_status_override="few_left",
    )
    html = client.get("/en/government/events/forum/2099-07/").text
    assert html.index("status-badge--few_left") < html.index('class="facts edition__facts"')
    assert "Few places left" in html
    assert '<a class="button" href="/en/government/contact/">Apply to take part</a>' in html


def test_programme_is_a_table_with_caption_and_header_scopes(client, content):
    html = client.get("/ja/government/events/forum/2008-02/").text
    table = re.search(r'<table class="programme__table">.*?</table>', html, flags=re.S).group(0)
    assert "<caption>プログラム（2008年2月20日（水））</caption>" in table
    assert table.count('<th scope="col">') == 3
    assert table.count('<th scope="row"') == 6
    text = visible_text(table)
    assert "10:00–12:00 鼎談 市民社会創造の10年-NPOと行政の関係から見えるもの-" in text
    assert "福嶋浩彦 前我孫子市長" in text
    assert "分科会1 議会「NPOとともに地域課題を解決する議会(議員)とは」" in text


def test_multi_day_programme_without_known_days_says_so(client, content):
    html = client.get("/ja/government/events/forum/2014-07/").text
    assert "<caption>プログラム（何日目か不明）</caption>" in html
    assert "2014年7月15日（火）〜7月16日（水）" in visible_text(html)


def test_speaker_names_without_english_stay_japanese_and_marked(client, content):
    html = client.get("/en/government/events/forum/2018-07/").text
    assert '<span lang="ja">萩原なつ子</span>' in html
    assert "Representative Director, Japan NPO Center" in html
    assert "(Interviewer)" in html


def test_uncertain_editions_say_their_record_is_being_checked(client, content):
    assert "確認中の情報" in client.get("/ja/government/events/course/2013-07/").text
    assert "being checked" in client.get("/en/government/events/course/2011-07/").text
    assert "確認中の情報" not in client.get("/ja/government/events/forum/2008-02/").text


def test_course_held_within_a_forum_and_the_forum_link_each_other(client, content):
    course = client.get("/ja/government/events/course/2015-07/").text
    forum = client.get("/ja/government/events/forum/2015-07/").text
    assert 'href="/ja/government/events/forum/2015-07/"' in course
    assert 'href="/ja/government/events/course/2015-07/"' in forum
    assert "260人" in forum and "2日間の合計" in forum


@pytest.mark.parametrize(
    "url",
    [
        "/ja/government/events/forum/1999-01/",
        "/ja/government/events/course/2008-02/",  # the slug exists, in the other series
        "/ja/government/events/nosuch/2008-02/",
    ],
)
def test_unknown_editions_give_404(client, content, url):
    assert client.get(url).status_code == HTTPStatus.NOT_FOUND


def test_hidden_editions_give_404_and_leave_the_lists(client, content):
    Edition.objects.filter(series__slug="forum", slug="2008-02").update(status="hidden")
    assert client.get("/ja/government/events/forum/2008-02/").status_code == HTTPStatus.NOT_FOUND
    assert "/forum/2008-02/" not in client.get("/ja/government/events/").text
    assert "/forum/2008-02/" not in client.get("/ja/government/events/forum/").text


def test_landing_page_shows_the_next_forum_and_course(client, content):
    make_edition(slug="2099-07", start_date=datetime.date(2099, 7, 14), title_ja="次のフォーラム")
    make_edition(slug="2099-09", start_date=datetime.date(2099, 9, 1), title_ja="その次")
    html = client.get("/ja/government/").text
    forum = html.split('id="series-forum"')[1].split('id="series-course"')[0]
    course = html.split('id="series-course"')[1]
    assert "次のフォーラム" in forum and "その次" not in forum
    assert 'href="/ja/government/events/forum/2099-07/"' in forum
    assert "次回の開催は決まり次第お知らせします。" in course


def test_landing_page_says_the_next_edition_will_be_announced(client, content):
    text = visible_text(client.get("/en/government/").text)
    assert text.count("The next edition will be announced here once it is decided.") == 2


def test_report_photos_render_as_responsive_pictures_with_alt_text(client, content):
    edition = Edition.objects.get(series__slug="forum", slug="2014-02")
    photo = EditionPhoto(
        edition=edition, alt_ja="会場の様子", alt_en="The venue", caption_ja="鼎談"
    )
    checked = images.image_check(SimpleUploadedFile("x.jpg", image_bytes(size=(2000, 1000))))
    images.image_attach(instance=photo, checked=checked)
    photo.save()
    html = client.get("/en/government/events/forum/2014-02/").text
    picture = re.search(r"<picture>.*?</picture>", html, flags=re.S).group(0)
    assert '<source type="image/webp" srcset="/media/events/images/' in picture
    assert " 400w, " in picture and " 1600w" in picture
    assert 'width="1600" height="800" alt="The venue"' in picture
    assert 'loading="lazy"' in picture


def test_series_page_paginates_its_past_editions(client, content):
    import datetime

    from events.models import Edition

    forum = Series.objects.get(slug="forum")
    Edition.objects.bulk_create(
        Edition(series=forum, slug=f"1900-{n:02d}", start_date=datetime.date(1900, 1, n))
        for n in range(1, 31)
    )
    first = client.get("/ja/government/events/forum/")
    past = first.text.split('id="past-heading"', 1)[1]
    assert past.count('<li class="edition-item">') == 30
    second = client.get("/ja/government/events/forum/?page=2")
    assert second.status_code == HTTPStatus.OK
    assert "2ページ目" in second.text
    assert "次回の開催" not in second.text
    assert "/ja/government/events/forum/1900-01/" in second.text  # the oldest is last
    assert "/ja/government/events/forum/1900-01/" not in first.text
    assert client.get("/ja/government/events/forum/?page=99").status_code == HTTPStatus.NOT_FOUND


def test_a_cancelled_edition_says_so_everywhere_and_offers_no_application(client, content):
    from events.models import RegistrationStatus

    edition = make_edition(
        slug="2099-07",
        start_date=datetime.date(2099, 7, 14),
        registration_opens_at=datetime.datetime(2099, 5, 1, tzinfo=datetime.UTC),
        application_url="https://example.jp/apply",
        registration_status_override=RegistrationStatus.CANCELLED,
    )
    page = visible_text(client.get(edition.get_absolute_url()).text)
    assert "この回は中止になりました。" in page
    assert "申込受付状況 中止" in page
    assert "参加を申し込む" not in page and "申込受付開始" not in page
    english = visible_text(client.get("/en/government/events/forum/2099-07/").text)
    assert "This edition has been cancelled." in english
    for listing in ("/ja/government/events/", "/ja/government/events/forum/", "/ja/government/"):
        html = client.get(listing).text
        assert '<span class="status-badge status-badge--cancelled">中止</span>' in html, listing


def test_a_postponed_edition_says_new_dates_will_follow(client, content):
    from events.models import RegistrationStatus

    make_edition(
        slug="2099-07",
        start_date=datetime.date(2099, 7, 14),
        registration_status_override=RegistrationStatus.POSTPONED,
    )
    page = visible_text(client.get("/ja/government/events/forum/2099-07/").text)
    assert "この回は延期になりました。新しい日程は決まり次第お知らせします。" in page

import re
from http import HTTPStatus

import pytest

from inquiries.models import Inquiry, InquiryCategory, SubmissionAttempt
from tests.conftest import visible_text
from tests.inquiries.conftest import confirm_token, form_data, started_seconds_ago, submit

pytestmark = pytest.mark.django_db


def title(html: str) -> str:
    return re.search(r"<title>(.*?)</title>", html, flags=re.S).group(1).strip()


def error_summary_links(html: str) -> list[tuple[str, str]]:
    summary = re.search(r"<div class=\"error-summary\".*?</div>", html, flags=re.S)
    assert summary, "no error summary"
    return re.findall(r'<a href="([^"]+)">([^<]+)</a>', summary.group(0))


def post_input(client, language="ja", **overrides):
    return client.post(f"/{language}/inquiry/", form_data(**overrides))


# --- The journey -------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["ja", "en"])
def test_form_page_opens_in_both_languages_with_every_field(client, content, language):
    response = client.get(f"/{language}/inquiry/")
    assert response.status_code == HTTPStatus.OK
    html = response.text
    for name in [
        "category",
        "organization",
        "department",
        "name",
        "name_kana",
        "email",
        "phone",
        "message",
        "preferred_dates",
        "audience_size",
        "theme",
        "consent",
    ]:
        assert f'name="{name}"' in html, name
    assert "novalidate" in html
    assert " required" not in html
    assert "maxlength" not in html
    assert 'autocomplete="organization"' in html
    assert 'autocomplete="email"' in html
    assert 'autocomplete="tel"' in html
    assert 'autocomplete="name"' in html
    assert response["Cache-Control"].startswith("max-age=0")


def test_japanese_form_marks_required_and_optional_in_words(client, content):
    html = client.get("/ja/inquiry/").text
    organization = re.search(r'<label[^>]*for="id_organization">(.*?)</label>', html, re.S)
    department = re.search(r'<label[^>]*for="id_department">(.*?)</label>', html, re.S)
    assert "必須" in organization.group(1)
    assert "任意" in department.group(1)


def test_english_form_is_in_english(client, content):
    html = client.get("/en/inquiry/").text
    text = visible_text(html)
    assert "Inquiry form" in text
    assert "Request for a lecturer" in text
    assert "required" in text and "optional" in text


def test_category_is_preselected_by_the_link(client, content):
    html = client.get("/ja/inquiry/?category=committees").text
    assert re.search(r'value="committees" id="id_category_\d" checked', html)


def test_unknown_category_in_the_link_preselects_nothing(client, content):
    response = client.get("/ja/inquiry/?category=<script>")
    assert response.status_code == HTTPStatus.OK
    assert "checked" not in response.text


def test_lecturer_themes_come_from_the_published_themes(client, content):
    from pages.models import LecturerTheme

    hidden = LecturerTheme.objects.get(name_ja="災害ボランティアの育成")
    hidden.status = "hidden"
    hidden.save()
    html = client.get("/ja/inquiry/").text
    assert "協働によるまちづくり" in html
    assert "災害ボランティアの育成" not in html


def test_choices_without_english_are_marked_japanese_on_the_english_form(client, content):
    from pages.models import LecturerTheme

    InquiryCategory.objects.filter(slug="lecturers").update(label_en="")
    theme = LecturerTheme.objects.get(name_ja="協働によるまちづくり")
    LecturerTheme.objects.filter(pk=theme.pk).update(name_en="")
    html = client.get("/en/inquiry/").text
    assert '<span lang="ja">講師派遣のご依頼</span></label>' in html
    assert f'<option value="{theme.pk}" lang="ja">協働によるまちづくり</option>' in html
    assert "Individual consultation</label>" in html, "translated labels stay unmarked"

    post_input(client, "en", theme=str(theme.pk))
    confirm = client.get("/en/inquiry/confirm/").text
    assert '<span lang="ja">講師派遣のご依頼</span>' in confirm
    assert '<span lang="ja">協働によるまちづくり</span>' in confirm

    japanese = client.get("/ja/inquiry/").text
    assert 'lang="ja">講師派遣' not in japanese and 'lang="ja">協働' not in japanese


@pytest.mark.parametrize("language", ["ja", "en"])
def test_whole_journey_stores_one_inquiry_and_shows_its_reference(client, content, language):
    response = submit(client, language=language)
    assert response.status_code == HTTPStatus.OK
    assert response.redirect_chain[-1][0] == f"/{language}/inquiry/complete/"
    inquiry = Inquiry.objects.get()
    assert re.fullmatch(r"\d{4}-\d{6}", inquiry.reference)
    assert inquiry.reference in response.text
    assert inquiry.language == language
    assert inquiry.category.slug == "lecturers"
    assert inquiry.organization == "○○市"
    assert inquiry.message == "職員研修の講師をお願いできますか。\n日程は相談させてください。"
    assert inquiry.status == Inquiry.Status.NEW


def test_values_are_normalised_before_they_are_stored(client, content):
    submit(
        client,
        name_kana="ﾔﾏﾀﾞ　ﾀﾛｳ",
        phone="(090) 1234‐5678",
        email="　ＴＡＲＯ＠ＥＸＡＭＰＬＥ．ＪＰ ",
        name="山田\x00 太郎\x1b",
        message="一行目\r\n\t二行目\x07",
    )
    inquiry = Inquiry.objects.get()
    assert inquiry.name_kana == "ヤマダ タロウ"
    assert inquiry.phone == "09012345678"
    assert inquiry.email == "TARO@EXAMPLE.JP"
    assert inquiry.name == "山田 太郎"
    assert inquiry.message == "一行目\n\t二行目"


def test_names_and_message_are_not_nfkc_normalised(client, content):
    submit(client, name="髙橋 ①郎", organization="㈱テスト", message="ﾊﾝｶｸ ①")
    inquiry = Inquiry.objects.get()
    assert inquiry.name == "髙橋 ①郎"
    assert inquiry.organization == "㈱テスト"
    assert inquiry.message == "ﾊﾝｶｸ ①"


def test_confirm_page_shows_exactly_what_will_be_sent(client, content):
    response = post_input(client)
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/ja/inquiry/confirm/"
    html = client.get("/ja/inquiry/confirm/").text
    assert title(html).startswith("お問い合わせ（確認）")
    text = visible_text(html)
    for shown in [
        "講師派遣のご依頼",
        "○○市",
        "市民協働課",
        "山田 太郎",
        "ヤマダ タロウ",
        "taro@example.jp",
        "03-1234-5678",
        "2027年2月の平日午後",
        "30名程度",
        "送信する",
        "修正する",
    ]:
        assert shown in text, shown
    assert "職員研修の講師をお願いできますか。<br>日程は相談させてください。" in html
    assert 'aria-current="step"' in html
    assert Inquiry.objects.count() == 0


def test_confirm_page_carries_no_submitted_value_in_hidden_fields(client, content):
    post_input(client)
    html = client.get("/ja/inquiry/confirm/").text
    hidden = re.findall(r'<input type="hidden" name="(\w+)"', html)
    assert sorted(set(hidden)) == ["csrfmiddlewaretoken", "token"]


def test_going_back_from_confirm_keeps_every_value(client, content):
    post_input(client, theme="")
    html = client.get("/ja/inquiry/").text  # what 修正する opens
    assert 'value="○○市"' in html
    assert 'value="ヤマダ タロウ"' in html
    assert 'value="taro@example.jp"' in html
    assert 'value="0312345678"' in html
    assert "職員研修の講師をお願いできますか。\n日程は相談させてください。</textarea>" in html
    assert re.search(r'value="lecturers" id="id_category_\d" checked', html)
    assert re.search(r'<input type="checkbox" name="consent"[^>]*checked>', html)


def test_changing_a_value_after_going_back_sends_the_new_value(client, content):
    post_input(client)
    submit(client, organization="△△町")
    assert list(Inquiry.objects.values_list("organization", flat=True)) == ["△△町"]


def test_confirm_page_without_a_draft_leads_back_to_the_form(client, content):
    response = client.get("/ja/inquiry/confirm/")
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/ja/inquiry/"


def test_complete_page_shows_no_reference_to_another_visitor(client, content, django_user_model):
    from django.test import Client

    submit(client)
    reference = Inquiry.objects.get().reference
    assert reference in client.get("/ja/inquiry/complete/").text
    stranger = Client().get("/ja/inquiry/complete/")
    assert stranger.status_code == HTTPStatus.OK
    assert reference not in stranger.text
    assert "taro@example.jp" not in stranger.text


def test_reloading_the_complete_page_sends_nothing_again(client, content):
    submit(client)
    client.get("/ja/inquiry/complete/")
    client.get("/ja/inquiry/complete/")
    assert Inquiry.objects.count() == 1


# --- Double submission -----------------------------------------------------------------------


def test_double_click_on_send_creates_one_inquiry(client, content):
    post_input(client)
    token = confirm_token(client.get("/ja/inquiry/confirm/").text)
    first = client.post("/ja/inquiry/confirm/", {"token": token})
    second = client.post("/ja/inquiry/confirm/", {"token": token})
    assert first.status_code == second.status_code == HTTPStatus.FOUND
    assert second["Location"] == "/ja/inquiry/complete/"
    assert Inquiry.objects.count() == 1
    assert Inquiry.objects.get().reference in client.get("/ja/inquiry/complete/").text


def test_back_and_resubmit_of_the_same_values_creates_one_inquiry(client, content):
    post_input(client)
    token = confirm_token(client.get("/ja/inquiry/confirm/").text)
    client.post("/ja/inquiry/confirm/", {"token": token})
    # The browser's back button shows the cached confirm page: its token is already used.
    client.post("/ja/inquiry/confirm/", {"token": token}, follow=True)
    assert Inquiry.objects.count() == 1


def test_confirming_the_same_values_twice_keeps_one_token(client, content):
    post_input(client)
    first = confirm_token(client.get("/ja/inquiry/confirm/").text)
    post_input(client)
    second = confirm_token(client.get("/ja/inquiry/confirm/").text)
    assert first == second


def test_a_forged_or_foreign_token_creates_nothing(client, content):
    post_input(client)
    for token in ["not-a-token", "6f1c1b8e-0000-4000-8000-000000000000", ""]:
        response = client.post("/ja/inquiry/confirm/", {"token": token})
        assert response.status_code == HTTPStatus.FOUND
        assert response["Location"] == "/ja/inquiry/"
    assert Inquiry.objects.count() == 0


# --- Errors ------------------------------------------------------------------------------------


REQUIRED_MESSAGES = {
    "category": "お問い合わせの種別を選んでください。",
    "organization": "自治体名・団体名を入力してください。",
    "name": "お名前を入力してください。",
    "email": "メールアドレスを入力してください。",
    "message": "お問い合わせ内容を入力してください。",
    "consent": "個人情報の取扱いに同意する場合はチェックを入れてください。",
}


def test_empty_form_lists_every_missing_field_in_the_summary(client, content):
    response = post_input(client, **{name: "" for name in REQUIRED_MESSAGES})
    assert response.status_code == HTTPStatus.OK
    html = response.text
    assert title(html).startswith("エラー：お問い合わせ（入力）")
    links = error_summary_links(html)
    assert links == [
        ("#id_category_0", REQUIRED_MESSAGES["category"]),
        ("#id_organization", REQUIRED_MESSAGES["organization"]),
        ("#id_name", REQUIRED_MESSAGES["name"]),
        ("#id_email", REQUIRED_MESSAGES["email"]),
        ("#id_message", REQUIRED_MESSAGES["message"]),
        ("#id_consent", REQUIRED_MESSAGES["consent"]),
    ]
    assert "入力内容に問題があります（6件）" in html
    assert "data-error-summary autofocus" in html
    for anchor, _message in links:
        assert f'id="{anchor[1:]}"' in html
    assert Inquiry.objects.count() == 0


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("email", "taro@", "メールアドレスの形式が正しくありません（例：name@example.jp）。"),
        ("email", "a@b.jp\r\nBcc: x@example.jp", "メールアドレスの形式が正しくありません"),
        ("email", "a" * 250 + "@example.jp", "メールアドレスは254文字以内で入力してください"),
        ("phone", "12345", "電話番号は0から始まる10桁か11桁の数字で入力してください"),
        ("phone", "03-1234-5678 内線12", "電話番号は0から始まる10桁か11桁の数字で入力してください"),
        ("name_kana", "Yamada", "フリガナはカタカナかひらがなで入力してください"),
        ("name_kana", "山田", "フリガナはカタカナかひらがなで入力してください"),
        (
            "message",
            "あ" * 4001,
            "お問い合わせ内容は4000文字以内で入力してください（現在4001文字）。",
        ),
        ("organization", "x" * 101, "自治体名・団体名は100文字以内で入力してください"),
        ("department", "x" * 101, "部署名は100文字以内で入力してください"),
        ("name", "x" * 101, "お名前は100文字以内で入力してください"),
        ("preferred_dates", "x" * 501, "希望日時は500文字以内で入力してください"),
        ("audience_size", "x" * 101, "参加予定人数は100文字以内で入力してください"),
        ("category", "no-such", "お問い合わせの種別を一覧から選んでください。"),
        ("theme", "999999", "希望するテーマを一覧から選んでください。"),
    ],
)
def test_each_error_is_explained_next_to_its_field_and_keeps_the_value(
    client, content, field, value, message
):
    response = post_input(client, **{field: value})
    assert response.status_code == HTTPStatus.OK
    html = response.text
    assert title(html).startswith("エラー：")
    summary = error_summary_links(html)
    anchor = "#id_category_0" if field == "category" else f"#id_{field}"
    assert [link for link in summary if link[0] == anchor], summary
    assert any(message in text for _a, text in summary)
    inline = re.search(rf'<p class="field__error" id="id_{field}_error">(.*?)</p>', html, re.S)
    assert inline and message in inline.group(1)
    if field not in ("category", "theme"):
        control = re.search(rf"<(input|textarea)[^>]*id=\"id_{field}\"[^>]*>", html).group(0)
        assert 'aria-invalid="true"' in control
        assert f"id_{field}_error" in control
    assert 'value="○○市"' in html or field == "organization"
    assert Inquiry.objects.count() == 0


def test_english_errors_are_in_english(client, content):
    response = post_input(client, language="en", email="taro@", consent="")
    html = response.text
    assert title(html).startswith("Error: ")
    messages = [text for _a, text in error_summary_links(html)]
    assert (
        "The e-mail address is not in the right format (for example, name@example.jp)." in messages
    )
    assert "Tick the box if you agree to how we handle personal information." in messages


def test_a_withdrawn_category_sends_the_visitor_back_to_the_form_with_values(client, content):
    post_input(client)
    InquiryCategory.objects.filter(slug="lecturers").update(status="hidden")
    response = client.get("/ja/inquiry/confirm/")
    assert response.status_code == HTTPStatus.OK
    assert title(response.text).startswith("エラー：")
    assert 'value="○○市"' in response.text


# --- Abuse resistance -------------------------------------------------------------------------


def test_a_form_sent_too_fast_is_refused_with_values_kept(client, content, settings):
    settings.INQUIRY_MIN_FILL_SECONDS = 3
    response = post_input(client)
    assert response.status_code == HTTPStatus.OK
    html = response.text
    assert title(html).startswith("エラー：")
    assert "入力から送信までの時間が短すぎたため" in html
    assert error_summary_links(html)[0][0] == "#inquiry-submit"
    assert 'value="○○市"' in html
    assert Inquiry.objects.count() == 0


def test_a_form_filled_in_at_human_speed_passes_the_time_trap(client, content, settings):
    settings.INQUIRY_MIN_FILL_SECONDS = 3
    response = post_input(client, started=started_seconds_ago(10))
    assert response.status_code == HTTPStatus.FOUND


def test_a_form_older_than_a_day_is_re_stamped_and_confirmed_again(client, content):
    old = started_seconds_ago(25 * 3600)
    response = post_input(client, started=old)
    assert response.status_code == HTTPStatus.OK
    assert "入力画面を開いてから時間がたったため" in response.text
    assert 'value="○○市"' in response.text
    fresh = re.search(r'name="started" value="([^"]+)"', response.text).group(1)
    assert fresh != old
    assert post_input(client, started=fresh).status_code == HTTPStatus.FOUND


@pytest.mark.parametrize("started", ["", "forged:value", "inquiry:abc:def"])
def test_a_missing_or_forged_time_stamp_asks_to_confirm_again(client, content, started):
    response = post_input(client, started=started)
    assert response.status_code == HTTPStatus.OK
    assert "入力画面を開いてから時間がたったため" in response.text


def test_honeypot_is_hidden_from_people_and_assistive_technology(client, content):
    html = client.get("/ja/inquiry/").text
    honeypot = re.search(r'<div class="hp" aria-hidden="true">(.*?)</div>', html, re.S).group(1)
    assert 'name="website"' in honeypot
    assert 'tabindex="-1"' in honeypot
    assert 'autocomplete="off"' in honeypot


def test_filled_honeypot_shows_the_normal_complete_page_but_sends_no_mail(
    client, content, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, website="http://spam.example/")
    assert response.status_code == HTTPStatus.OK
    inquiry = Inquiry.objects.get()
    assert inquiry.reference in response.text
    assert inquiry.is_spam
    assert inquiry.notify_status == inquiry.reply_status == "skipped"
    assert mailoutbox == []


def test_rate_limit_answers_429_with_the_form_and_the_text_kept(client, content, settings):
    settings.INQUIRY_RATE_LIMIT = (2, 600)
    submit(client)
    submit(client)
    post_input(client, message="三通目の問い合わせです。")
    token = confirm_token(client.get("/ja/inquiry/confirm/").text)
    response = client.post("/ja/inquiry/confirm/", {"token": token})
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    html = response.text
    assert title(html).startswith("エラー：")
    assert "短い時間に続けて送信されたため" in html
    assert "三通目の問い合わせです。</textarea>" in html
    assert 'value="○○市"' in html
    assert Inquiry.objects.count() == 2


def test_rate_limit_counts_per_client_and_stores_no_address(client, content, settings):
    settings.INQUIRY_RATE_LIMIT = (1, 600)
    submit(client)
    from django.test import Client

    other = Client(REMOTE_ADDR="192.0.2.7")
    assert submit(other).status_code == HTTPStatus.OK
    assert Inquiry.objects.count() == 2
    keys = list(SubmissionAttempt.objects.values_list("client_key", flat=True))
    assert len(set(keys)) == 2
    assert not any("127.0.0.1" in key or "192.0.2.7" in key for key in keys)


def test_rate_limit_off_lets_every_submission_through(client, content, settings):
    settings.INQUIRY_RATE_LIMIT = None
    for _ in range(7):
        submit(client, message=f"{_}")
    assert Inquiry.objects.count() == 7


def test_csrf_failure_on_the_form_keeps_the_text_and_says_what_to_do(content):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post("/ja/inquiry/", form_data(message="消えては困る本文"))
    assert response.status_code == HTTPStatus.FORBIDDEN
    html = response.text
    assert "安全のための確認ができませんでした" in html
    assert "消えては困る本文</textarea>" in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert "CSRF" not in visible_text(html)


def test_csrf_failure_elsewhere_gives_the_friendly_page_in_the_visitors_language(content):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    post_input(Client())  # nothing shared
    response = client.post("/en/inquiry/confirm/", {"token": "x"})
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert '<html lang="en">' in response.text
    assert "We could not send this" in response.text
    assert "/en/inquiry/" in response.text


# --- Links to the form ------------------------------------------------------------------------


def test_landing_page_links_each_offering_to_the_form_with_its_category(client, content):
    html = client.get("/ja/government/").text
    for slug in ["consultation", "lecturers", "committees"]:
        assert f'href="/ja/inquiry/?category={slug}"' in html


def test_hidden_category_is_not_linked_from_the_landing_page(client, content):
    InquiryCategory.objects.filter(slug="committees").update(status="hidden")
    html = client.get("/en/government/").text
    assert "/en/inquiry/?category=committees" not in html
    assert "/en/inquiry/?category=lecturers" in html


def test_contact_block_links_to_the_form(client, content):
    html = client.get("/en/government/contact/").text
    assert re.search(r"<dt>Inquiry form</dt>\s*<dd><a href=\"/en/inquiry/\">", html)


def test_form_links_to_the_privacy_page_and_summarises_it(client, content, settings):
    settings.INQUIRY_RETENTION_DAYS = 730
    html = client.get("/ja/inquiry/").text
    assert 'href="/ja/government/privacy/"' in html
    consent = re.search(r'<input type="checkbox" name="consent"[^>]*>', html).group(0)
    assert "id_consent_helptext" in consent
    summary = re.search(r'<p class="field__hint" id="id_consent_helptext">(.*?)</p>', html, re.S)
    assert "お問い合わせへの回答" in summary.group(1)
    assert "730日" in summary.group(1)


def test_privacy_page_is_content_in_both_languages(client, content):
    ja = visible_text(client.get("/ja/government/privacy/").text)
    assert "個人情報の取扱い" in ja
    for heading in ["利用目的", "保存期間", "第三者への提供", "問い合わせ先"]:
        assert heading in ja
    assert "730日（約2年）" in ja
    en = visible_text(client.get("/en/government/privacy/").text)
    assert "Handling of personal information" in en


def test_a_database_failure_while_sending_keeps_the_draft_and_says_to_try_again(
    client, content, monkeypatch
):
    from django.db import OperationalError

    def locked(**kwargs):
        raise OperationalError("database is locked")

    post_input(client)
    token = confirm_token(client.get("/ja/inquiry/confirm/").text)
    monkeypatch.setattr("inquiries.views.inquiry_submit", locked)
    response = client.post("/ja/inquiry/confirm/", {"token": token})
    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert title(response.text).startswith("エラー：")
    assert "混み合っているため、送信できませんでした" in response.text
    assert "○○市" in response.text
    monkeypatch.undo()
    assert client.post("/ja/inquiry/confirm/", {"token": token}).status_code == HTTPStatus.FOUND
    assert Inquiry.objects.count() == 1


def test_a_huge_honeypot_value_still_reaches_the_normal_complete_page(client, content):
    response = submit(client, website="x" * 5000)
    assert response.status_code == HTTPStatus.OK
    assert Inquiry.objects.get().is_spam

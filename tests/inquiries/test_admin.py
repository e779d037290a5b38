import csv
import io
from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

from inquiries.export import safe_cell
from inquiries.models import Inquiry, InquiryCategory
from tests.inquiries.conftest import submit

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/inquiries/inquiry/"
EXPORT = "/admin/inquiries/inquiry/export/"


@pytest.fixture
def inquiries(client, content, settings):
    settings.INQUIRY_RATE_LIMIT = None
    submit(client, organization='=HYPERLINK("http://evil.example")', category="lecturers")
    submit(client, organization="△△町", category="consultation", message="+1 相談です\n二行目")
    submit(client, organization="××村", category="other", name="@admin", phone="")
    submit(client, organization="スパム送信団", website="http://spam.example/")
    return Inquiry.objects.order_by("pk")


def staff_user(username, group=None, **extra):
    user = User.objects.create_user(
        username, password="a-long-test-password", is_staff=True, **extra
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def superuser_client(client):
    user = User.objects.create_superuser("admin", "admin@example.jp", "a-long-test-password")
    client.force_login(user)
    return client


def read_csv(response) -> list[list[str]]:
    body = response.content
    assert body.startswith("\ufeff".encode())
    text = body.decode("utf-8-sig")
    assert "\r\n" in text
    return list(csv.reader(io.StringIO(text, newline="")))


def test_changelist_lists_inquiries_with_their_state(inquiries, superuser_client):
    response = superuser_client.get(CHANGELIST)
    assert response.status_code == HTTPStatus.OK
    html = response.text
    for inquiry in inquiries.filter(is_spam=False):
        assert inquiry.reference in html
    assert "スパム送信団" not in html  # suspected spam is out of the way by default
    for column in [
        "受付番号",
        "受付日時",
        "お問い合わせの種別",
        "自治体名・団体名",
        "対応状況",
        "担当者",
    ]:
        assert column in html
    assert "新規" in html
    assert "絞り込んだ結果をCSVで書き出す" in html


def test_changelist_search_and_filters_work(inquiries, superuser_client):
    search = superuser_client.get(CHANGELIST + "?q=△△町")
    assert search.context["cl"].result_count == 1
    other = InquiryCategory.objects.get(slug="other").pk
    by_category = superuser_client.get(CHANGELIST + f"?category__id__exact={other}")
    assert [i.organization for i in by_category.context["cl"].result_list] == ["××村"]
    spam = superuser_client.get(CHANGELIST + "?spam=yes")
    assert [i.organization for i in spam.context["cl"].result_list] == ["スパム送信団"]
    for query in ["?status__exact=new", "?mail=failed", "?mail=pending", "?spam=all"]:
        assert superuser_client.get(CHANGELIST + query).status_code == HTTPStatus.OK


def test_submitted_fields_are_read_only_and_notes_editable(inquiries, superuser_client):
    inquiry = inquiries.first()
    url = reverse("admin:inquiries_inquiry_change", args=[inquiry.pk])
    html = superuser_client.get(url).text
    assert 'name="internal_notes"' in html
    assert 'name="status"' in html
    assert 'name="assignee"' in html
    for submitted in ["organization", "name", "email", "message", "category"]:
        assert f'name="{submitted}"' not in html
    assistant = staff_user("handler", "inquiry_handlers")
    response = superuser_client.post(
        url,
        {
            "status": "in_progress",
            "assignee": assistant.pk,
            "internal_notes": "電話で折り返し済み",
            "organization": "書き換え",
            "message": "書き換え",
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    inquiry.refresh_from_db()
    assert inquiry.status == "in_progress"
    assert inquiry.assignee == assistant
    assert inquiry.internal_notes == "電話で折り返し済み"
    assert inquiry.organization.startswith("=HYPERLINK")
    assert inquiry.message != "書き換え"


def test_assignee_can_only_be_an_active_staff_member(inquiries, superuser_client):
    staff_user("staffer")
    User.objects.create_user("visitor", password="a-long-test-password")
    staff_user("former", is_active=False)
    url = reverse("admin:inquiries_inquiry_change", args=[inquiries.first().pk])
    form = superuser_client.get(url).context["adminform"].form
    names = {user.username for user in form.fields["assignee"].queryset}
    assert names == {"admin", "staffer"}


def test_inquiries_cannot_be_added_by_hand(superuser_client, content):
    assert superuser_client.get(CHANGELIST + "add/").status_code == HTTPStatus.FORBIDDEN


def test_csv_export_of_the_filtered_list_opens_in_excel(inquiries, superuser_client):
    response = superuser_client.get(EXPORT + "?q=△△町")
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="inquiries-')
    rows = read_csv(response)
    assert rows[0][:6] == [
        "受付番号",
        "受付日時",
        "お問い合わせの種別",
        "対応状況",
        "担当者",
        "自治体名・団体名",
    ]
    assert len(rows) == 2
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["自治体名・団体名"] == "△△町"
    assert row["お問い合わせ内容"] == "'+1 相談です\n二行目"  # escaped formula, line break kept
    assert row["電話番号"] == "03-1234-5678"
    assert row["お問い合わせの種別"] == "個別のご相談"


def test_csv_export_follows_the_changelist_filters(inquiries, superuser_client):
    default = read_csv(superuser_client.get(EXPORT))
    assert len(default) == 1 + 3  # genuine inquiries only, like the list
    every = read_csv(superuser_client.get(EXPORT + "?spam=all"))
    assert len(every) == 1 + 4
    other = InquiryCategory.objects.get(slug="other").pk
    only = read_csv(superuser_client.get(EXPORT + f"?category__id__exact={other}"))
    assert [row[5] for row in only[1:]] == ["××村"]


def test_csv_export_of_selected_inquiries_escapes_formulas(inquiries, superuser_client):
    selected = [inquiries[0].pk, inquiries[2].pk]
    response = superuser_client.post(
        CHANGELIST, {"action": "export_selected", "_selected_action": selected}
    )
    rows = read_csv(response)
    assert len(rows) == 3
    organizations = {row[5] for row in rows[1:]}
    assert organizations == {'\'=HYPERLINK("http://evil.example")', "××村"}
    names = {row[7] for row in rows[1:]}
    assert "'@admin" in names


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+81", "'+81"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("普通の文", "普通の文"),
        ("03-1234-5678", "03-1234-5678"),
        (None, ""),
    ],
)
def test_csv_cells_that_excel_would_run_are_escaped(value, expected):
    assert safe_cell(value) == expected


def test_inquiry_handlers_view_and_change_inquiries_but_cannot_delete(client, inquiries):
    group = Group.objects.get(name="inquiry_handlers")
    codenames = set(group.permissions.values_list("content_type__app_label", "codename"))
    assert codenames == {
        ("inquiries", "view_inquiry"),
        ("inquiries", "change_inquiry"),
        ("inquiries", "view_inquirycategory"),
    }
    client.force_login(staff_user("sato", "inquiry_handlers"))
    assert client.get(CHANGELIST).status_code == HTTPStatus.OK
    assert client.get(EXPORT).status_code == HTTPStatus.OK
    inquiry = inquiries.first()
    assert client.get(reverse("admin:inquiries_inquiry_delete", args=[inquiry.pk])).status_code == (
        HTTPStatus.FORBIDDEN
    )
    assert client.get("/admin/pages/page/").status_code == HTTPStatus.FORBIDDEN
    category = InquiryCategory.objects.first()
    url = reverse("admin:inquiries_inquirycategory_change", args=[category.pk])
    assert client.get(url).status_code == HTTPStatus.OK
    assert client.post(url, {"label_ja": "x"}).status_code == HTTPStatus.FORBIDDEN


def test_content_editors_cannot_see_inquiries_but_edit_categories(client, inquiries):
    client.force_login(staff_user("suzuki", "content_editors"))
    assert client.get(CHANGELIST).status_code == HTTPStatus.FORBIDDEN
    assert client.get(EXPORT).status_code == HTTPStatus.FORBIDDEN
    inquiry = inquiries.first()
    url = reverse("admin:inquiries_inquiry_change", args=[inquiry.pk])
    assert client.get(url).status_code == HTTPStatus.FORBIDDEN
    assert client.get("/admin/inquiries/inquirycategory/").status_code == HTTPStatus.OK
    assert "受付番号" not in client.get("/admin/").text


def test_category_admin_pages_open(superuser_client, content):
    url = "/admin/inquiries/inquirycategory/"
    assert superuser_client.get(url).status_code == HTTPStatus.OK
    assert superuser_client.get(url + "?q=講師").context["cl"].result_count == 1
    assert superuser_client.get(url + "add/").status_code == HTTPStatus.OK
    category = InquiryCategory.objects.get(slug="lecturers")
    html = superuser_client.get(url + f"{category.pk}/change/").text
    assert 'name="label_en"' in html
    assert 'name="slug"' not in html  # fixed once it exists: links carry it


def test_category_used_by_inquiries_cannot_be_deleted(superuser_client, inquiries):
    category = InquiryCategory.objects.get(slug="lecturers")
    url = reverse("admin:inquiries_inquirycategory_delete", args=[category.pk])
    response = superuser_client.post(url, {"post": "yes"})
    assert InquiryCategory.objects.filter(pk=category.pk).exists()
    assert response.status_code == HTTPStatus.OK

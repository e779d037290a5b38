from http import HTTPStatus

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.urls import reverse

from pages.models import LecturerTheme, Page, Section, SiteSettings, SupportOffering
from principles.models import Stance

pytestmark = pytest.mark.django_db

CONTENT_APPS = ("pages", "principles", "events")


def registered_content_models():
    return [model for model in admin.site._registry if model._meta.app_label in CONTENT_APPS]


def admin_url(model, action="changelist", *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{action}", args=args)


def test_every_content_model_is_in_the_admin():
    registered = {model._meta.label for model in registered_content_models()}
    expected = {
        model._meta.label
        for app in CONTENT_APPS
        for model in apps.get_app_config(app).get_models()
        if model._meta.model_name != "contentseed"
    }
    assert registered == expected


@pytest.mark.parametrize("model", registered_content_models(), ids=lambda m: m._meta.label)
def test_changelist_add_change_and_search_pages_open(staff_client, model):
    assert staff_client.get(admin_url(model)).status_code == HTTPStatus.OK
    assert staff_client.get(admin_url(model) + "?q=NPO").status_code == HTTPStatus.OK
    assert staff_client.get(admin_url(model) + "?english=missing").status_code == HTTPStatus.OK
    obj = model.objects.first()
    if obj is not None:  # report photos are not in the initial content: tests/events/test_admin.py
        assert staff_client.get(admin_url(model, "change", obj.pk)).status_code == HTTPStatus.OK
    if model is not SiteSettings:
        assert staff_client.get(admin_url(model, "add")).status_code == HTTPStatus.OK


def test_admin_is_in_japanese_whatever_the_browser_asks(staff_client):
    response = staff_client.get(admin_url(Page), headers={"accept-language": "en"})
    assert '<html lang="ja"' in response.text
    assert "「行政の方へ」管理画面" in response.text


def test_admin_shows_both_languages_in_tabs_with_jquery_ui_served_by_us(staff_client):
    html = staff_client.get(admin_url(Page, "change", Page.objects.get(slug="government").pk)).text
    assert 'name="title_ja"' in html and 'name="title_en"' in html
    assert "/static/vendor/jquery-ui-1.14.2/jquery-ui.min.js" in html
    assert "googleapis" not in html and "//ajax." not in html


def test_admin_search_finds_english_text(staff_client):
    response = staff_client.get(admin_url(Stance) + "?q=officialdom")
    assert response.context["cl"].result_count == 1


def test_admin_search_finds_japanese_text(staff_client):
    response = staff_client.get(admin_url(Stance) + "?q=精神的に独立")
    assert response.context["cl"].result_count == 1


def test_missing_english_filter_lists_what_needs_translating(staff_client):
    theme = LecturerTheme.objects.first()
    theme.name_en = ""
    theme.save()
    response = staff_client.get(admin_url(LecturerTheme) + "?english=missing")
    assert list(response.context["cl"].result_list) == [theme]
    response = staff_client.get(admin_url(LecturerTheme) + "?english=complete")
    assert theme not in response.context["cl"].result_list


def test_publication_can_be_toggled_from_the_changelist(staff_client):
    offering = SupportOffering.objects.get(slug="committees")
    response = staff_client.post(
        admin_url(SupportOffering),
        {"action": "hide", "_selected_action": [offering.pk]},
        follow=True,
    )
    assert response.status_code == HTTPStatus.OK
    offering.refresh_from_db()
    assert offering.status == "hidden"
    assert "委員の派遣" not in staff_client.get("/ja/government/").text


def test_change_form_has_view_on_site_link(staff_client):
    page = Page.objects.get(slug="membership")
    html = staff_client.get(admin_url(Page, "change", page.pk)).text
    assert "viewsitelink" in html


def test_staff_edit_in_the_admin_shows_on_the_page(staff_client):
    section = Section.objects.get(anchor="membership", page__slug="government")
    url = admin_url(Section, "change", section.pk)
    form = staff_client.get(url).context["adminform"].form
    data = {name: form.initial.get(name, "") or "" for name in form.fields}
    data.update({"heading_ja": "自治体会員募集中", "page": section.page_id, "_save": "1"})
    data = {k: v for k, v in data.items() if v is not None}
    response = staff_client.post(url, data)
    assert response.status_code == HTTPStatus.FOUND, response.context["adminform"].form.errors
    assert "自治体会員募集中" in staff_client.get("/ja/government/").text


def test_page_slug_is_fixed_once_the_page_exists(staff_client):
    page = Page.objects.get(slug="membership")
    html = staff_client.get(admin_url(Page, "change", page.pk)).text
    assert 'name="slug"' not in html


def test_reserved_slug_is_refused(staff_client):
    response = staff_client.post(
        admin_url(Page, "add"),
        {
            "slug": "events",
            "title_ja": "x",
            "position": 0,
            "status": "published",
            "sections-TOTAL_FORMS": 0,
            "sections-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == HTTPStatus.OK
    assert "このスラッグは他のページで使われているため使えません。" in response.text


def test_content_editors_group_can_edit_content_and_nothing_else(client, content):
    group = Group.objects.get(name="content_editors")
    codenames = set(group.permissions.values_list("content_type__app_label", "codename"))
    assert ("pages", "change_page") in codenames
    assert ("principles", "change_stance") in codenames
    assert ("events", "add_series") in codenames
    for model in ("edition", "session", "speaker", "editionphoto"):
        for action in ("add", "change", "delete", "view"):
            assert ("events", f"{action}_{model}") in codenames
    assert ("pages", "delete_sitesettings") not in codenames
    assert ("inquiries", "change_inquirycategory") in codenames
    assert {app for app, _ in codenames} == {"pages", "principles", "events", "inquiries"}
    assert not any(codename.endswith("_inquiry") for _, codename in codenames)
    assert not any(codename.endswith("contentseed") for _, codename in codenames)

    editor = User.objects.create_user("sato", password="a-long-test-password", is_staff=True)
    editor.groups.add(group)
    client.force_login(editor)
    assert client.get(admin_url(Stance)).status_code == HTTPStatus.OK
    assert client.get(reverse("admin:auth_user_changelist")).status_code == HTTPStatus.FORBIDDEN

import datetime
from http import HTTPStatus

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from events.models import Edition, EditionPhoto, Session, Speaker
from tests.events.factories import MINIMAL_PDF, image_bytes
from tests.events.test_images import png_bomb

pytestmark = pytest.mark.django_db


def url(model, action="changelist", *args):
    return reverse(f"admin:events_{model._meta.model_name}_{action}", args=args)


def form_data(response, **changes):
    """What the browser would post back: the form's current values, then our changes."""
    data = {}
    forms = [response.context["adminform"].form] + [
        form for formset in response.context["inline_admin_formsets"] for form in formset.formset
    ]
    for formset in response.context["inline_admin_formsets"]:
        management = formset.formset.management_form
        for name in management.fields:
            data[f"{management.prefix}-{name}"] = management[name].value()
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            key = form.add_prefix(name)
            if value is None or value is False:
                continue
            if isinstance(value, (list, tuple)):
                data[key] = list(value)
            elif isinstance(value, datetime.datetime):
                data[f"{key}_0"], data[f"{key}_1"] = (
                    value.date().isoformat(),
                    value.time().isoformat(),
                )
            else:
                data[key] = value
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_editions_list_shows_series_date_status_and_filters(staff_client):
    response = staff_client.get(url(Edition) + "?series__id__exact=1&year=2014")
    assert response.status_code == HTTPStatus.OK
    rows = list(response.context["cl"].result_list)
    assert {e.slug for e in rows} == {"2014-02", "2014-07"}
    assert "終了" in response.text  # the computed registration status column
    assert (
        staff_client.get(url(Edition) + "?facts_uncertain__exact=1").context["cl"].result_count == 3
    )


def test_edition_admin_refuses_bad_dates_and_fees_in_japanese(staff_client):
    edition = Edition.objects.get(series__slug="forum", slug="2017-07")
    change = url(Edition, "change", edition.pk)
    data = form_data(
        staff_client.get(change),
        end_date="2017-07-13",
        fee_general="-1",
        capacity="-5",
        registration_closes_at_0="2017-07-20",
        registration_closes_at_1="10:00",
    )
    response = staff_client.post(change, data)
    assert response.status_code == HTTPStatus.OK
    errors = response.context["adminform"].form.errors
    assert errors["end_date"] == ["最終日は開催日（初日）より後の日付にしてください。"]
    assert errors["fee_general"] == ["参加費は0円以上で入力してください。"]
    assert errors["capacity"] == ["定員は0以上の数で入力してください。"]
    edition.refresh_from_db()
    assert edition.end_date is None


def test_registration_closing_after_the_event_is_refused_in_the_admin(staff_client):
    edition = Edition.objects.get(series__slug="forum", slug="2017-07")
    change = url(Edition, "change", edition.pk)
    data = form_data(
        staff_client.get(change),
        registration_closes_at_0="2017-07-15",
        registration_closes_at_1="09:00",
    )
    response = staff_client.post(change, data)
    assert response.status_code == HTTPStatus.OK
    assert "申込締切が開催終了より後になっています。" in response.text


def test_staff_can_override_the_registration_status(staff_client):
    edition = Edition.objects.get(series__slug="forum", slug="2017-07")
    edition.start_date = datetime.date(2099, 7, 14)
    edition.save()
    change = url(Edition, "change", edition.pk)
    response = staff_client.post(
        change, form_data(staff_client.get(change), registration_status_override="full")
    )
    assert response.status_code == HTTPStatus.FOUND, response.context["adminform"].form.errors
    assert "満席" in staff_client.get("/ja/government/events/forum/2017-07/").text


def test_copy_as_next_years_draft(staff_client):
    source = Edition.objects.get(series__slug="forum", slug="2017-07")
    response = staff_client.post(
        url(Edition),
        {"action": "copy_as_next_year_draft", "_selected_action": [source.pk]},
        follow=True,
    )
    assert response.status_code == HTTPStatus.OK
    draft = Edition.objects.get(series__slug="forum", slug="2018-draft")
    assert draft.status == "hidden"
    assert (draft.start_date, draft.end_date, draft.start_time, draft.end_time) == (None,) * 4
    assert draft.registration_opens_at is None and draft.registration_closes_at is None
    assert draft.title_ja == source.title_ja and draft.title_en == source.title_en
    assert (draft.fee_general, draft.fee_member, draft.capacity) == (7000, 6000, 150)
    assert draft.participants_people is None and not draft.report_text
    sessions = list(draft.sessions.order_by("position"))
    assert [(s.kind, s.start_time, s.label_ja, s.title_en) for s in sessions] == [
        (s.kind, s.start_time, s.label_ja, s.title_en) for s in source.sessions.order_by("position")
    ]
    assert not Speaker.objects.filter(session__edition=draft).exists()
    assert client_404(staff_client, "/ja/government/events/forum/2018-draft/")
    # Copying again does not collide.
    staff_client.post(
        url(Edition), {"action": "copy_as_next_year_draft", "_selected_action": [source.pk]}
    )
    assert Edition.objects.filter(series__slug="forum", slug="2018-draft-2").exists()


def client_404(client, path):
    return client.get(path).status_code == HTTPStatus.NOT_FOUND


def photo_post(staff_client, upload):
    edition = Edition.objects.get(series__slug="forum", slug="2014-02")
    return staff_client.post(
        url(EditionPhoto, "add"),
        {
            "edition": edition.pk,
            "position": 0,
            "status": "published",
            "upload": upload,
            "alt_ja": "会場の様子",
            "alt_en": "The venue",
            "caption_ja": "鼎談",
        },
    )


def test_a_photo_uploaded_in_the_admin_is_stored_with_renditions(staff_client):
    response = photo_post(
        staff_client, SimpleUploadedFile("IMG_0001.JPG", image_bytes(size=(1000, 600)))
    )
    assert response.status_code == HTTPStatus.FOUND
    photo = EditionPhoto.objects.get()
    assert "IMG_0001" not in photo.image.name
    assert [r["width"] for r in photo.renditions] == [400, 800, 1000]
    assert all(default_storage.exists(r["webp"]) for r in photo.renditions)
    assert staff_client.get(url(EditionPhoto, "change", photo.pk)).status_code == HTTPStatus.OK


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("photo.jpg", b"just some text, not a picture", "このファイルは画像として読めません。"),
        ("bomb.png", png_bomb(20000, 20000), "画像の画素数が大きすぎます"),
    ],
)
def test_a_bad_upload_is_a_form_error_not_a_500(staff_client, name, data, message):
    response = photo_post(staff_client, SimpleUploadedFile(name, data))
    assert response.status_code == HTTPStatus.OK
    assert message in response.text
    assert not EditionPhoto.objects.exists()


def test_a_photo_needs_alt_text_in_both_languages(staff_client):
    edition = Edition.objects.get(series__slug="forum", slug="2014-02")
    response = staff_client.post(
        url(EditionPhoto, "add"),
        {
            "edition": edition.pk,
            "position": 0,
            "status": "published",
            "upload": SimpleUploadedFile("a.png", image_bytes(image_format="PNG")),
            "alt_ja": "会場",
        },
    )
    assert response.status_code == HTTPStatus.OK
    assert "画像の代替テキストを日本語と英語の両方で入力してください。" in response.text


def test_speakers_are_edited_inline_on_the_session_page(staff_client):
    session = Session.objects.get(edition__slug="2018-07", kind="dialogue")
    response = staff_client.get(url(Session, "change", session.pk))
    assert response.status_code == HTTPStatus.OK
    assert 'name="speakers-0-name_ja"' in response.text
    assert 'name="speakers-0-upload"' in response.text
    edition_page = staff_client.get(url(Edition, "change", session.edition_id)).text
    assert 'name="sessions-0-title_ja"' in edition_page
    assert url(Session, "change", session.pk) in edition_page  # link to edit its speakers


def test_a_pdf_flyer_can_be_uploaded_and_is_linked_from_the_page(staff_client):

    edition = Edition.objects.get(series__slug="forum", slug="2017-07")
    change = url(Edition, "change", edition.pk)
    data = form_data(
        staff_client.get(change), flyer_upload=SimpleUploadedFile("flyer.pdf", MINIMAL_PDF)
    )
    response = staff_client.post(change, data)
    assert response.status_code == HTTPStatus.FOUND, response.context["adminform"].form.errors
    edition.refresh_from_db()
    assert (
        edition.flyer.name.endswith(".pdf") and "flyer" not in edition.flyer.name.rsplit("/", 1)[1]
    )
    page = staff_client.get("/ja/government/events/forum/2017-07/").text
    assert f'<a href="/media/{edition.flyer.name}">チラシ（PDF、' in page


def test_publishing_a_draft_without_dates_is_refused_with_a_message(staff_client):
    source = Edition.objects.get(series__slug="forum", slug="2017-07")
    staff_client.post(
        url(Edition), {"action": "copy_as_next_year_draft", "_selected_action": [source.pk]}
    )
    draft = Edition.objects.get(slug="2018-draft")
    response = staff_client.post(
        url(Edition), {"action": "publish_editions", "_selected_action": [draft.pk]}, follow=True
    )
    assert "開催日がないなど入力に不足があるため公開しませんでした" in response.text
    draft.refresh_from_db()
    assert draft.status == "hidden"
    draft.start_date = datetime.date(2099, 7, 13)
    draft.save()
    staff_client.post(url(Edition), {"action": "publish_editions", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.status == "published"
    assert staff_client.get("/ja/government/events/forum/2018-draft/").status_code == HTTPStatus.OK

import smtplib
from http import HTTPStatus
from io import StringIO

import pytest
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command

from inquiries.models import Inquiry
from inquiries.services import MAX_ATTEMPTS, inquiry_deliver_mail
from tests.inquiries.conftest import submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def smtp_down(monkeypatch):
    def refuse(self, messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")

    monkeypatch.setattr(EmailBackend, "send_messages", refuse)
    return monkeypatch


def send_pending_mail() -> str:
    out = StringIO()
    call_command("send_pending_mail", stdout=out)
    return out.getvalue()


def test_both_mails_are_sent_after_the_inquiry_is_committed(
    client, content, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        submit(client)
    assert len(callbacks) == 1
    inquiry = Inquiry.objects.get()
    assert [message.to for message in mailoutbox] == [["staff@example.jp"], ["taro@example.jp"]]
    assert inquiry.notify_status == inquiry.reply_status == "sent"
    assert inquiry.notify_attempts == inquiry.reply_attempts == 1
    assert inquiry.notify_last_attempt_at and inquiry.reply_last_attempt_at
    assert inquiry.mail_claimed_until is None


def test_no_mail_is_attempted_before_the_commit(client, content, mailoutbox):
    submit(client)  # on_commit callbacks of a test transaction never run by themselves
    assert Inquiry.objects.count() == 1
    assert mailoutbox == []


def test_smtp_failure_keeps_the_inquiry_shows_the_complete_page_and_retries_later(
    client, content, mailoutbox, django_capture_on_commit_callbacks, smtp_down
):
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client)
    assert response.status_code == HTTPStatus.OK
    inquiry = Inquiry.objects.get()
    assert inquiry.reference in response.text
    assert inquiry.notify_status == inquiry.reply_status == "failed"
    assert inquiry.notify_attempts == inquiry.reply_attempts == 1
    assert inquiry.notify_error == "SMTPServerDisconnected: Connection unexpectedly closed"
    assert inquiry.notify_last_attempt_at is not None
    assert mailoutbox == []

    assert "sent: 0, failed: 2" in send_pending_mail()
    inquiry.refresh_from_db()
    assert inquiry.notify_attempts == 2

    smtp_down.undo()
    assert "sent: 2, failed: 0" in send_pending_mail()
    inquiry.refresh_from_db()
    assert inquiry.notify_status == inquiry.reply_status == "sent"
    assert inquiry.notify_attempts == 3
    assert inquiry.notify_error == ""
    assert len(mailoutbox) == 2
    assert "sent: 0, failed: 0" in send_pending_mail()
    assert len(mailoutbox) == 2


def test_a_missing_notify_address_is_a_failure_with_a_reason_not_a_lost_inquiry(
    client, content, mailoutbox, django_capture_on_commit_callbacks, settings
):
    settings.INQUIRY_NOTIFY_TO = []
    with django_capture_on_commit_callbacks(execute=True):
        assert submit(client).status_code == HTTPStatus.OK
    inquiry = Inquiry.objects.get()
    assert inquiry.notify_status == "failed"
    assert "INQUIRY_NOTIFY_TO is not set" in inquiry.notify_error
    assert inquiry.reply_status == "sent"
    settings.INQUIRY_NOTIFY_TO = ["staff@example.jp"]
    send_pending_mail()
    inquiry.refresh_from_db()
    assert inquiry.notify_status == "sent"
    assert [m.to for m in mailoutbox] == [["taro@example.jp"], ["staff@example.jp"]]


def test_retries_stop_after_the_maximum_number_of_attempts(client, content, smtp_down):
    submit(client)
    Inquiry.objects.update(
        notify_status="failed", notify_attempts=MAX_ATTEMPTS, reply_status="sent"
    )
    assert "sent: 0, failed: 0" in send_pending_mail()
    assert Inquiry.objects.get().notify_attempts == MAX_ATTEMPTS


def test_mail_claimed_by_another_sender_is_left_alone(client, content, mailoutbox):
    from datetime import timedelta

    from django.utils import timezone

    submit(client)
    inquiry = Inquiry.objects.get()
    Inquiry.objects.update(mail_claimed_until=timezone.now() + timedelta(minutes=1))
    assert inquiry_deliver_mail(inquiry_id=inquiry.pk) == {}
    assert "sent: 0" in send_pending_mail()
    assert mailoutbox == []
    Inquiry.objects.update(mail_claimed_until=timezone.now() - timedelta(seconds=1))
    assert "sent: 2" in send_pending_mail()


def test_mails_are_plain_utf8_text_with_fixed_subjects_and_no_input_in_headers(
    client, content, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        submit(
            client,
            name="悪意\r\nBcc: evil@example.com",
            organization="Subject: spam\r\nX-Evil: 1",
            message="本文\r\nBcc: evil@example.com",
        )
    inquiry = Inquiry.objects.get()
    notification, reply = mailoutbox
    assert notification.subject == f"【お問い合わせ】受付番号 {inquiry.reference}"
    assert reply.subject == (
        f"【日本NPOセンター】お問い合わせを受け付けました（受付番号：{inquiry.reference}）"
    )
    for message in mailoutbox:
        assert message.from_email == "noreply@example.jp"
        assert message.attachments == []
        assert not hasattr(message, "alternatives") or message.alternatives == []
        assert message.reply_to == []
        assert message.bcc == [] and message.cc == []
        mime = message.message()
        assert not mime.is_multipart()
        assert mime.get_content_type() == "text/plain"
        assert mime.get_content_charset() == "utf-8"
        assert "evil" not in str(dict(mime.items())).lower()
        assert "X-Evil" not in mime and "Bcc" not in mime
    assert reply.to == ["taro@example.jp"]
    assert "Bcc: evil@example.com" in notification.body  # in the body, where it is harmless


def test_auto_reply_echoes_nothing_the_sender_typed(
    client, content, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, name="宣伝 http://spam.example/", message="http://spam.example/ 安い")
    reply = mailoutbox[1]
    inquiry = Inquiry.objects.get()
    assert "spam.example" not in reply.body
    assert inquiry.reference in reply.body
    assert "講師派遣のご依頼" in reply.body
    assert "03-3510-0855" in reply.body


def test_auto_reply_is_in_the_language_of_the_form(
    client, content, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, language="en")
    notification, reply = mailoutbox
    assert reply.subject.startswith("[Japan NPO Center] We have received your inquiry")
    assert "Request for a lecturer" in reply.body
    assert "受付番号" not in reply.body
    assert "受付番号" in notification.body  # staff read Japanese


def test_notification_carries_the_whole_inquiry_and_the_admin_link(
    client, content, mailoutbox, django_capture_on_commit_callbacks, settings
):
    settings.SITE_URL = "https://www.example.jp"
    with django_capture_on_commit_callbacks(execute=True):
        submit(client)
    inquiry = Inquiry.objects.get()
    body = mailoutbox[0].body
    for value in ["○○市", "市民協働課", "山田 太郎", "ヤマダ タロウ", "taro@example.jp"]:
        assert value in body
    assert "03-1234-5678" in body
    assert "職員研修の講師をお願いできますか。\n日程は相談させてください。" in body
    assert f"https://www.example.jp/admin/inquiries/inquiry/{inquiry.pk}/change/" in body


def test_no_personal_data_reaches_the_logs(
    client, content, caplog, django_capture_on_commit_callbacks, smtp_down
):
    caplog.set_level("INFO")
    with django_capture_on_commit_callbacks(execute=True):
        submit(client)
    send_pending_mail()
    logged = caplog.text
    inquiry = Inquiry.objects.get()
    assert inquiry.reference in logged
    for personal in ["山田", "taro@example.jp", "○○市", "職員研修", "0312345678"]:
        assert personal not in logged


def test_file_backend_is_the_embedded_default(tmp_path):
    import os
    import subprocess
    import sys

    from django.conf import settings

    env = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "jnpoc_site.settings",
        "DJANGO_SECRET_KEY": "x" * 50,
        "DJANGO_VAR_DIR": str(tmp_path),
    }
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.EMAIL_BACKEND, s.EMAIL_FILE_PATH, s.EMAIL_TIMEOUT)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.core.mail.backends.filebased.EmailBackend",
        str(tmp_path / "mail"),
        "10",
    ]

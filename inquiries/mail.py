"""The two e-mails an inquiry causes: plain text, UTF-8, no HTML, no attachments.

Municipal mail passes through LGWAN 無害化, which strips HTML and attachments
(shared/reference/accessibility-and-forms.md §3.6). Subjects are fixed texts with the reference
number; nothing the visitor typed goes into a header except the auto-reply's validated
recipient address. The auto-reply echoes none of the visitor's text, so that the form cannot be
used to relay spam to a third party's address.
"""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext

from inquiries.models import Inquiry
from inquiries.normalize import format_phone
from pages.models import SiteSettings


def build(kind: str, inquiry: Inquiry) -> EmailMessage:
    return {"notify": notification, "reply": auto_reply}[kind](inquiry)


def notification(inquiry: Inquiry) -> EmailMessage:
    """To staff (INQUIRY_NOTIFY_TO), in Japanese: the whole inquiry and where to handle it."""
    if not settings.INQUIRY_NOTIFY_TO:
        raise ImproperlyConfigured("INQUIRY_NOTIFY_TO is not set: no staff address to notify.")
    with translation.override("ja"):
        admin_path = reverse("admin:inquiries_inquiry_change", args=[inquiry.pk])
        context = {
            "rows": notification_rows(inquiry),
            "admin_url": settings.SITE_URL + admin_path if settings.SITE_URL else "",
        }
        subject = gettext("【お問い合わせ】受付番号 %(reference)s") % {
            "reference": inquiry.reference
        }
        body = render_to_string("inquiries/mail/notification.txt", context)
    return EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, settings.INQUIRY_NOTIFY_TO)


NOTIFICATION_FIELDS = [
    "reference",
    "received_at",
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
    "theme_name",
    "language",
]


def notification_rows(inquiry: Inquiry) -> list[tuple[str, str]]:
    """(label, value) of every submitted field, labelled as in the admin."""
    values = {
        "received_at": formats.date_format(
            timezone.localtime(inquiry.received_at), "DATETIME_FORMAT"
        ),
        "category": inquiry.category.label_ja,
        "phone": format_phone(inquiry.phone),
        "language": inquiry.get_language_display(),
    }
    return [
        (
            str(Inquiry._meta.get_field(name).verbose_name),
            values.get(name, getattr(inquiry, name)),
        )
        for name in NOTIFICATION_FIELDS
    ]


def auto_reply(inquiry: Inquiry) -> EmailMessage:
    """To the sender, in the language of the form: the reference number and what happens next."""
    with translation.override(inquiry.language):
        site = SiteSettings.current()
        context = {"inquiry": inquiry, "site": site, "category": inquiry.category.label}
        subject = gettext("【%(site)s】お問い合わせを受け付けました（受付番号：%(reference)s）") % {
            "site": site.organisation_name,
            "reference": inquiry.reference,
        }
        body = render_to_string("inquiries/mail/auto_reply.txt", context)
    message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [inquiry.email])
    # RFC 3834: an automatic reply, so that vacation responders do not answer it.
    message.extra_headers["Auto-Submitted"] = "auto-replied"
    return message

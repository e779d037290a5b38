"""Inquiries as CSV for Excel: UTF-8 with a BOM (so Excel reads Japanese), CRLF line ends, and
no cell that Excel would run as a formula (CSV injection, OWASP)."""

import csv

from django.http import HttpResponse
from django.utils import formats, timezone

from inquiries.models import Inquiry
from inquiries.normalize import format_phone

# Excel starts a formula at these; tab and carriage return can hide one (OWASP CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

COLUMNS = [
    "reference",
    "received_at",
    "category",
    "status",
    "assignee",
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
    "is_spam",
    "notify_status",
    "reply_status",
    "internal_notes",
]


def safe_cell(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def header_row() -> list[str]:
    return [str(Inquiry._meta.get_field(name).verbose_name) for name in COLUMNS]


def inquiry_row(inquiry: Inquiry) -> list[str]:
    values = {
        "received_at": formats.date_format(timezone.localtime(inquiry.received_at), "Y-m-d H:i"),
        "category": inquiry.category.label_ja,
        "status": inquiry.get_status_display(),
        "assignee": inquiry.assignee.get_username() if inquiry.assignee else "",
        "phone": format_phone(inquiry.phone),
        "language": inquiry.get_language_display(),
        "is_spam": "1" if inquiry.is_spam else "",
        "notify_status": inquiry.get_notify_status_display(),
        "reply_status": inquiry.get_reply_status_display(),
    }
    return [safe_cell(values.get(name, getattr(inquiry, name, ""))) for name in COLUMNS]


def csv_response(queryset) -> HttpResponse:
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="inquiries-{stamp}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response, lineterminator="\r\n")
    writer.writerow(header_row())
    for inquiry in queryset.select_related("category", "assignee").iterator(chunk_size=500):
        writer.writerow(inquiry_row(inquiry))
    return response

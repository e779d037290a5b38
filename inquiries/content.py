"""How content/inquiries.yaml maps onto the inquiries models (see pages/content_loader.py)."""

from inquiries.models import InquiryCategory
from pages.content_loader import Kind

KINDS = {
    "categories": Kind(InquiryCategory, refs={"offering": "pages.supportoffering"}),
}

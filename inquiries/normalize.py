"""Lenient on input, strict on storage (shared/reference/accessibility-and-forms.md §3.2).

NFKC only for structured values (phone, e-mail, furigana): it would rewrite names and free text
(①→1, ㈱→(株)). Control characters go everywhere; line breaks and tabs survive in free text.
"""

import re
import unicodedata

# Every Cc character except tab and line feed, plus the line/paragraph separators and the
# bidirectional overrides that can disguise text in the admin.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_WHITESPACE = re.compile(r"\s+")
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30fc\uff0d\uff70"
_PHONE_NOISE = re.compile(f"[{re.escape(_DASHES)}\\s()（）]")
PHONE_PATTERN = re.compile(r"^0\d{9,10}$")
KATAKANA_PATTERN = re.compile(r"^[\u30a1-\u30fa\u30fc-\u30fe\u30fb ]+$")


def clean_text(value: str, *, multiline: bool = False) -> str:
    """Strip control characters; one line collapses its whitespace, free text keeps its lines."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    if multiline:
        return _CONTROL.sub("", value).strip()
    value = _CONTROL.sub("", value.replace("\n", " ").replace("\t", " "))
    return _WHITESPACE.sub(" ", value).strip()


def normalize_phone(value: str) -> str:
    """Full-width digits, any dash, spaces and brackets accepted; digits kept."""
    value = unicodedata.normalize("NFKC", clean_text(value))
    return _PHONE_NOISE.sub("", value)


def format_phone(digits: str) -> str:
    """Digits grouped where the grouping is certain; other landlines stay plain digits, since
    area codes run from 2 to 5 digits and a wrong hyphen would mislead."""
    if len(digits) == 11 and digits[:3] in {"020", "050", "060", "070", "080", "090"}:
        return f"{digits[:3]}-{digits[3:7]}-{digits[7:]}"
    if len(digits) == 10 and digits[:4] in {"0120", "0570", "0800"}:
        return f"{digits[:4]}-{digits[4:7]}-{digits[7:]}"
    if len(digits) == 10 and digits[:2] in {"03", "06"}:
        return f"{digits[:2]}-{digits[2:6]}-{digits[6:]}"
    return digits


def to_katakana(value: str) -> str:
    """Hiragana and half-width kana become full-width katakana; spaces collapse to one."""
    value = unicodedata.normalize("NFKC", clean_text(value))
    value = "".join(
        chr(ord(c) + 0x60) if "\u3041" <= c <= "\u3096" or c in "\u309d\u309e" else c for c in value
    )
    return _WHITESPACE.sub(" ", value).strip()


def normalize_email(value: str) -> str:
    return unicodedata.normalize("NFKC", clean_text(value)).strip()

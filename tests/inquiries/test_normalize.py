import pytest

from inquiries.normalize import (
    clean_text,
    format_phone,
    normalize_email,
    normalize_phone,
    to_katakana,
)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("０３－１２３４－５６７８", "0312345678"),
        ("03ー1234ー5678", "0312345678"),
        ("(03) 1234 5678", "0312345678"),
        ("０９０‐１２３４‐５６７８", "09012345678"),
        ("（０３）１２３４−５６７８", "0312345678"),
    ],
)
def test_phone_numbers_are_stored_as_digits(typed, stored):
    assert normalize_phone(typed) == stored


@pytest.mark.parametrize(
    ("digits", "shown"),
    [
        ("0312345678", "03-1234-5678"),
        ("0612345678", "06-1234-5678"),
        ("09012345678", "090-1234-5678"),
        ("0120123456", "0120-123-456"),
        ("0466123456", "0466123456"),  # area code length unknown: no guessed hyphen
        ("", ""),
    ],
)
def test_phone_numbers_are_shown_grouped_only_where_certain(digits, shown):
    assert format_phone(digits) == shown


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("やまだ　たろう", "ヤマダ タロウ"),
        ("ﾔﾏﾀﾞ ﾀﾛｳ", "ヤマダ タロウ"),
        ("ヤマダ  タロウ", "ヤマダ タロウ"),
        ("ゔぃおら", "ヴィオラ"),
    ],
)
def test_furigana_becomes_full_width_katakana(typed, stored):
    assert to_katakana(typed) == stored


def test_email_is_nfkc_normalised_and_trimmed():
    assert normalize_email("　ＴＡＲＯ＠ＥＸＡＭＰＬＥ．ＪＰ　") == "TARO@EXAMPLE.JP"


def test_control_characters_are_stripped_and_lines_kept_only_in_free_text():
    text = "一行目\x00\r\n\t二行目\x1b\u202e\x7f"
    assert clean_text(text, multiline=True) == "一行目\n\t二行目"
    assert clean_text(text) == "一行目 二行目"

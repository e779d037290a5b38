import re
import time
from unittest import mock

import pytest
from django.core import signing

from inquiries.forms import sign_started


@pytest.fixture(autouse=True)
def inquiry_settings(settings):
    """Mail goes to a known staff address; the time-trap is off unless a test turns it on."""
    settings.INQUIRY_NOTIFY_TO = ["staff@example.jp"]
    settings.DEFAULT_FROM_EMAIL = "noreply@example.jp"
    settings.INQUIRY_MIN_FILL_SECONDS = 0
    settings.INQUIRY_RATE_LIMIT = (5, 600)
    return settings


def started_seconds_ago(seconds: float) -> str:
    """The form's time-stamp as if the form had been opened `seconds` ago."""
    with mock.patch.object(signing.time, "time", return_value=time.time() - seconds):
        return sign_started()


VALID = {
    "category": "lecturers",
    "organization": "○○市",
    "department": "市民協働課",
    "name": "山田 太郎",
    "name_kana": "やまだ たろう",
    "email": "taro@example.jp",
    "phone": "０３－１２３４－５６７８",
    "message": "職員研修の講師をお願いできますか。\n日程は相談させてください。",
    "preferred_dates": "2027年2月の平日午後",
    "audience_size": "30名程度",
    "theme": "",
    "consent": "on",
    "website": "",
}


def form_data(**overrides):
    data = {**VALID, "started": sign_started()}
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def confirm_token(html: str) -> str:
    return re.search(r'name="token" value="([^"]+)"', html).group(1)


def submit(client, language="ja", **overrides):
    """The whole journey: form, input, confirm page, submit. Returns the complete page response."""
    client.get(f"/{language}/inquiry/")
    response = client.post(f"/{language}/inquiry/", form_data(**overrides))
    assert response.status_code == 302, response.text
    confirm = client.get(response["Location"])
    return client.post(
        f"/{language}/inquiry/confirm/", {"token": confirm_token(confirm.text)}, follow=True
    )

"""Whatever a visitor (or a robot) sends to any step, the answer is never a server error."""

import re
from http import HTTPStatus

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from tests.inquiries.conftest import VALID, confirm_token, form_data

FIELDS = [*VALID, "started"]

# Any text without surrogates (which cannot reach a view as UTF-8), control characters included.
any_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=60)
huge_text = st.builds(
    lambda chunk, times: chunk * times,
    st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=4),
    st.integers(min_value=1000, max_value=60_000),
)
control_text = st.text(st.characters(max_codepoint=0x9F, exclude_categories=["Cs"]), max_size=40)
arbitrary = st.one_of(any_text, control_text, huge_text)

# A valid form with a few fields replaced, so that many posts get through to the later steps.
corruptions = st.dictionaries(st.sampled_from(FIELDS), arbitrary, max_size=4)


@pytest.mark.django_db
@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    corrupt=corruptions,
    language=st.sampled_from(["ja", "en"]),
    token=arbitrary,
    category=arbitrary,
)
def test_no_input_at_any_step_gives_a_server_error(
    client, content, inquiry_settings, corrupt, language, token, category
):
    inquiry_settings.INQUIRY_RATE_LIMIT = None
    base = f"/{language}/inquiry/"
    assert client.get(base, {"category": category}).status_code == HTTPStatus.OK

    response = client.post(base, form_data(**corrupt))
    assert response.status_code in (HTTPStatus.OK, HTTPStatus.FOUND)
    event(f"input step answered {response.status_code}")
    if response.status_code == HTTPStatus.OK:  # refused: the summary must say why
        assert re.search(r"data-error-summary.*?<li><a href=\"#[\w-]+\">", response.text, re.S)
    if response.status_code == HTTPStatus.FOUND:
        confirm = client.get(base + "confirm/")
        assert confirm.status_code in (HTTPStatus.OK, HTTPStatus.FOUND)
        assert client.post(base + "confirm/", {"token": token}).status_code < 500
        if confirm.status_code == HTTPStatus.OK and 'name="token"' in confirm.text:
            sent = client.post(base + "confirm/", {"token": confirm_token(confirm.text)})
            event(f"submission answered {sent.status_code}")
            assert sent.status_code == HTTPStatus.FOUND
            assert client.get(base + "complete/").status_code == HTTPStatus.OK
    assert client.get(base).status_code == HTTPStatus.OK  # 修正する: the form with the draft

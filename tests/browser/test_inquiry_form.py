"""The inquiry form in a real browser: every state passes axe and the HTML checker, and the
whole journey works with the keyboard alone, with the focus always visible."""

import re

import pytest
import requests

from tests.browser.checks import axe_violations, html_errors
from tests.browser.conftest import (
    SEND_BUTTON,
    VALID,
    fill_form,
    screenshot,
    wait_out_the_time_trap,
)

FOCUS_IS_VISIBLE = """() => {
  const el = document.activeElement;
  const s = getComputedStyle(el);
  return el !== document.body && s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
}"""


def assert_accessible(page):
    assert axe_violations(page) == []


@pytest.mark.parametrize("language", ["ja", "en"])
def test_every_state_of_the_form_passes_axe(visit, live_site, language):
    page = visit.page
    page.goto(live_site.url(f"/{language}/inquiry/"))
    assert_accessible(page)
    screenshot(page, f"inquiry-1-empty-{language}")

    page.locator("#inquiry-submit").click()
    page.wait_for_load_state()
    assert page.title().startswith("エラー：" if language == "ja" else "Error: ")
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    assert_accessible(page)
    screenshot(page, f"inquiry-2-errors-{language}")

    fill_form(page, category="個別のご相談" if language == "ja" else "Individual consultation")
    wait_out_the_time_trap()
    page.locator("#inquiry-submit").click()
    assert page.url.endswith(f"/{language}/inquiry/confirm/")
    assert "03-1234-5678" in page.content()
    assert "ヤマダ タロウ" in page.content()
    assert_accessible(page)
    screenshot(page, f"inquiry-3-confirm-{language}")

    page.locator(SEND_BUTTON).click()
    assert page.url.endswith(f"/{language}/inquiry/complete/")
    assert re.search(r"\d{4}-\d{6}", page.inner_text("main"))
    assert_accessible(page)
    screenshot(page, f"inquiry-4-complete-{language}")
    assert visit.console_errors == []


def submit_directly(live_site, client_address, language="ja"):
    """One complete submission without a browser, from the given visitor address."""
    session = requests.Session()
    session.headers["X-Forwarded-For"] = client_address
    form_url = live_site.url(f"/{language}/inquiry/")
    form = session.get(form_url).text
    fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', form))
    wait_out_the_time_trap()
    category = re.search(r'name="category" value="([^"]+)"', form).group(1)
    response = session.post(
        form_url,
        data={**fields, **VALID, "category": category, "consent": "on", "website": ""},
        headers={"Referer": form_url},
    )
    confirm = response.text
    token = re.search(r'name="token" value="([^"]+)"', confirm).group(1)
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', confirm).group(1)
    return session.post(
        live_site.url(f"/{language}/inquiry/confirm/"),
        data={"csrfmiddlewaretoken": csrf, "token": token},
        headers={"Referer": response.url},
    )


def test_the_rate_limited_state_keeps_the_text_and_passes_axe(visit, live_site, client_address):
    for _ in range(5):  # INQUIRY_RATE_LIMIT: 5 per 10 minutes per client address
        assert submit_directly(live_site, client_address).status_code == 200
    page = visit.page
    page.goto(live_site.url("/ja/inquiry/"))
    fill_form(page)
    wait_out_the_time_trap()
    page.locator("#inquiry-submit").click()
    with page.expect_response(
        lambda r: r.request.method == "POST" and "/confirm/" in r.url
    ) as sent:
        page.locator(SEND_BUTTON).click()
    assert sent.value.status == 429
    page.wait_for_load_state()
    assert page.title().startswith("エラー：")
    assert page.locator("[name=message]").input_value() == VALID["message"]
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    assert_accessible(page)
    screenshot(page, "inquiry-5-rate-limited-ja")


def test_no_html_errors_in_any_state_of_the_form(live_site, client_address, tmp_path):
    pages = {}
    session = requests.Session()
    session.headers["X-Forwarded-For"] = client_address
    form_url = live_site.url("/ja/inquiry/")
    pages["empty"] = session.get(form_url).text
    fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', pages["empty"]))
    pages["errors"] = session.post(form_url, data=fields, headers={"Referer": form_url}).text
    category = re.search(r'name="category" value="([^"]+)"', pages["empty"]).group(1)
    wait_out_the_time_trap()
    confirm = session.post(
        form_url,
        data={**fields, **VALID, "category": category, "consent": "on", "website": ""},
        headers={"Referer": form_url},
    )
    pages["confirm"] = confirm.text
    token = re.search(r'name="token" value="([^"]+)"', confirm.text).group(1)
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', confirm.text).group(1)
    pages["complete"] = session.post(
        live_site.url("/ja/inquiry/confirm/"),
        data={"csrfmiddlewaretoken": csrf, "token": token},
        headers={"Referer": confirm.url},
    ).text
    for _ in range(5):
        submit_directly(live_site, client_address)
    limited = submit_directly(live_site, client_address)
    assert limited.status_code == 429
    pages["rate-limited"] = limited.text
    files = []
    for name, html in pages.items():
        files.append(tmp_path / f"inquiry-{name}.html")
        files[-1].write_text(html)
    assert "受付番号" in pages["complete"]
    assert html_errors(files) == []


def tab_to(page, selector: str, limit: int = 120) -> None:
    """Press Tab until the focused element matches the selector (keyboard only)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            assert page.evaluate(FOCUS_IS_VISIBLE), f"no visible focus on {selector}"
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_keyboard_only_journey_from_the_landing_page_to_a_sent_inquiry(visit, live_site):
    page = visit.page
    page.goto(live_site.url("/ja/government/"))
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")

    tab_to(page, "a[href^='/ja/inquiry/']")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    tab_to(page, "input[name=category]")
    page.keyboard.press("Space")  # the first category
    for name in ("organization", "name", "name_kana"):
        tab_to(page, f"[name={name}]")
        page.keyboard.type(VALID[name])
    tab_to(page, "[name=email]")
    page.keyboard.type("taro@")  # a mistake to correct
    tab_to(page, "[name=message]")
    page.keyboard.type("講師派遣についてのご相談です。")
    tab_to(page, "[name=consent]")
    page.keyboard.press("Space")
    wait_out_the_time_trap()
    tab_to(page, "#inquiry-submit")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.title().startswith("エラー：")
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    assert page.evaluate(FOCUS_IS_VISIBLE), "the focused error summary shows a focus ring"
    tab_to(page, ".error-summary a[href='#id_email']")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.name") == "email"
    assert page.locator("[name=message]").input_value() == "講師派遣についてのご相談です。"
    page.keyboard.press("Control+A")
    page.keyboard.type(VALID["email"])
    tab_to(page, "#inquiry-submit")
    page.keyboard.press("Enter")

    page.wait_for_url("**/ja/inquiry/confirm/")
    assert "taro@example.jp" in page.inner_text("main")
    tab_to(page, SEND_BUTTON)
    page.keyboard.press("Enter")
    page.wait_for_url("**/ja/inquiry/complete/")
    assert re.search(r"\d{4}-\d{6}", page.inner_text("main"))

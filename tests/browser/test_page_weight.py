"""Page weight on a first visit, measured by the browser: at most 60 KB transferred in at most
8 requests, all from our own origin; and nothing needs JavaScript, the inquiry form included."""

import re

import pytest

from tests.browser.conftest import (
    DESKTOP,
    SEND_BUTTON,
    fill_form,
    wait_out_the_time_trap,
)

BUDGET_BYTES = 60 * 1024
BUDGET_REQUESTS = 8
PAGES = [
    "/ja/government/",
    "/ja/government/stances/npo/",
    "/ja/government/events/forum/2017-07/",
    "/ja/inquiry/",
]


@pytest.mark.parametrize("path", PAGES)
def test_first_visit_stays_within_the_page_weight_budget(browser, live_site, path):
    context = browser.new_context(locale="ja-JP", viewport=DESKTOP)  # empty browser cache
    page = context.new_page()
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    requested, transferred = {}, {}
    session.on(
        "Network.requestWillBeSent",
        lambda e: requested.__setitem__(e["requestId"], e["request"]["url"]),
    )
    session.on(
        "Network.loadingFinished",
        lambda e: transferred.__setitem__(e["requestId"], e["encodedDataLength"]),
    )
    page.goto(live_site.url(path), wait_until="networkidle")
    context.close()

    urls = list(requested.values())
    total = sum(transferred.values())
    print(f"\n{path}: {len(urls)} requests, {total / 1024:.1f} KB transferred")
    assert all(url.startswith(live_site.base) for url in urls), urls
    assert len(urls) <= BUDGET_REQUESTS, urls
    assert total <= BUDGET_BYTES


def test_every_page_reads_without_javascript(browser, live_site):
    context = browser.new_context(locale="ja-JP", java_script_enabled=False)
    page = context.new_page()
    for path in PAGES:
        page.goto(live_site.url(path))
        assert page.locator("h1").first.is_visible()
    page.goto(live_site.url("/ja/government/"))
    assert "jncenter#jnpoc.ne.jp" in page.inner_text("main"), "the address is readable as written"
    context.close()


def test_the_inquiry_form_is_sent_without_javascript(browser, live_site, client_address):
    context = browser.new_context(
        locale="ja-JP",
        java_script_enabled=False,
        extra_http_headers={"X-Forwarded-For": client_address},
    )
    page = context.new_page()
    page.goto(live_site.url("/ja/inquiry/"))
    fill_form(page)
    wait_out_the_time_trap()
    with page.expect_navigation():
        page.locator("#inquiry-submit").click()
    assert page.url.endswith("/ja/inquiry/confirm/"), page.inner_text("main")
    with page.expect_navigation():
        page.locator(SEND_BUTTON).click()
    assert page.url.endswith("/ja/inquiry/complete/"), page.inner_text("main")
    assert re.search(r"\d{4}-\d{6}", page.inner_text("main"))
    context.close()

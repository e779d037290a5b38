"""Every public page, in both languages, passes axe (WCAG 2.x A/AA) and the Nu HTML Checker,
reflows at 320 px, survives 200 % text, has language attributes and prints cleanly."""

import re
from pathlib import Path

import pytest

from tests.browser.checks import axe_violations, html_errors
from tests.browser.conftest import screenshot

PROBES = Path(__file__).parent / "js"
OVERFLOWING_ELEMENTS = (PROBES / "overflowing_elements.js").read_text()
SMALL_TARGETS = (PROBES / "small_targets.js").read_text()

# Pages a visitor can reach that the sitemap does not list.
EXTRA_PAGES = ["/ja/government/no-such-page/", "/en/government/no-such-page/"]


@pytest.fixture(scope="module")
def public_paths(live_site):
    paths = live_site.sitemap_paths() + EXTRA_PAGES
    assert any(p.startswith("/ja/") for p in paths) and any(p.startswith("/en/") for p in paths)
    return paths


def test_no_axe_violations_on_any_public_page(visit, live_site, public_paths):
    failures = {}
    for path in public_paths:
        visit.page.goto(live_site.url(path))
        violations = axe_violations(visit.page)
        if violations:
            failures[path] = violations
    assert failures == {}
    assert visit.console_errors == [], "CSP violations and script errors show up here"


def test_no_html_errors_on_any_public_page(live_site, public_paths, tmp_path):
    files = []
    for index, path in enumerate(public_paths):
        target = tmp_path / f"{index:03d}-{re.sub(r'[^a-z0-9]+', '-', path)}.html"
        try:
            target.write_text(live_site.get_html(path))
        except Exception as error:  # a 404 page is still a page to validate
            target.write_text(error.read().decode())
        files.append(target)
    assert html_errors(files) == []


def test_pages_reflow_at_320_css_pixels_without_horizontal_scrolling(
    visit, live_site, public_paths
):
    visit.page.set_viewport_size({"width": 320, "height": 640})
    failures = {}
    for path in public_paths:
        visit.page.goto(live_site.url(path))
        overflow = visit.page.evaluate(OVERFLOWING_ELEMENTS, 320)
        if overflow:
            failures[path] = overflow
    assert failures == {}


def test_pages_still_work_with_text_at_200_percent(visit, live_site, public_paths):
    failures = {}
    for path in public_paths:
        visit.page.goto(live_site.url(path))
        visit.page.evaluate("document.documentElement.style.fontSize = '200%'")
        width = visit.page.viewport_size["width"]
        overflow = visit.page.evaluate(OVERFLOWING_ELEMENTS, width)
        h1_visible = visit.page.locator("h1").first.is_visible()
        if overflow or not h1_visible:
            failures[path] = overflow or "h1 not visible"
    assert failures == {}


def test_targets_are_at_least_24_by_24_pixels(visit, live_site, public_paths):
    failures = {}
    for path in public_paths:
        visit.page.goto(live_site.url(path))
        small = visit.page.evaluate(SMALL_TARGETS)
        if small:
            failures[path] = small
    assert failures == {}


def test_language_is_declared_on_the_page_and_on_the_language_switch(
    visit, live_site, public_paths
):
    for path in public_paths:
        visit.page.goto(live_site.url(path))
        language = path.split("/")[1]
        assert visit.page.get_attribute("html", "lang") == language, path
        switch = visit.page.locator(".language-switch a")
        assert switch.count() == 2
        for index in range(2):
            link = switch.nth(index)
            assert link.get_attribute("lang") == link.get_attribute("hreflang") in ("ja", "en")


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_the_content(visit, live_site):
    page = visit.page
    page.goto(live_site.url("/ja/government/"))
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    assert page.locator(".skip-link").bounding_box()["y"] >= 0, "visible when focused"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "a visible focus ring"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")


def test_every_link_and_control_shows_a_focus_ring(visit, live_site):
    page = visit.page
    page.goto(live_site.url("/ja/government/"))
    without_ring = []
    for _ in range(60):
        page.keyboard.press("Tab")
        ring = page.evaluate(
            """() => { const el = document.activeElement;
                 if (el === document.body) return true;  // focus left the page: end of the cycle
                 const s = getComputedStyle(el);
                 return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2; }"""
        )
        if not ring:
            without_ring.append(page.evaluate("document.activeElement.outerHTML.slice(0, 100)"))
    assert without_ring == []


def test_print_hides_navigation_and_spells_out_link_addresses(visit, live_site):
    page = visit.page
    page.goto(live_site.url("/ja/government/"))
    page.emulate_media(media="print")
    for selector in (".site-nav", ".language-switch", ".skip-link", ".toc", ".breadcrumbs"):
        for element in page.locator(selector).all():
            assert element.evaluate("el => getComputedStyle(el).display") == "none", selector
    after = page.locator("main p a[href^='/']").first.evaluate(
        "el => getComputedStyle(el, '::after').content"
    )
    assert "/ja/government/" in after


def test_screenshots_of_the_main_pages(visit, live_site):
    pages = {
        "landing-ja": "/ja/government/",
        "landing-en": "/en/government/",
        "stances-ja": "/ja/government/stances/",
        "stance-list-npo-ja": "/ja/government/stances/npo/",
        "events-ja": "/ja/government/events/",
        "series-forum-ja": "/ja/government/events/forum/",
        "membership-ja": "/ja/government/membership/",
        "accessibility-ja": "/ja/government/accessibility/",
        "not-found-ja": "/ja/government/no-such-page/",
    }
    for name, path in pages.items():
        visit.page.goto(live_site.url(path))
        screenshot(visit.page, name)
    from tests.browser.conftest import SCREENSHOTS

    assert len(list(SCREENSHOTS.glob("*-desktop.png"))) >= len(pages)

"""The judges are real: a deliberately broken page makes them report what is wrong."""

from tests.browser.checks import axe_violations, html_errors

BROKEN_PAGE = """<!DOCTYPE html>
<html>
<head><meta charset="utf-8"><title>Broken</title></head>
<body>
<main>
<form><input type="text" name="email"></form>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<p style="color:#bbb;background:#fff">Low contrast text</p>
<div><li>list item outside a list</li></div>
</main>
</body>
</html>"""


def test_axe_reports_a_missing_label_and_a_missing_lang(visit):
    visit.page.set_content(BROKEN_PAGE)
    rules = {violation["rule"] for violation in axe_violations(visit.page)}
    assert {"label", "html-has-lang", "image-alt", "color-contrast", "listitem"} <= rules


def test_the_html_checker_reports_invalid_markup(tmp_path):
    broken = tmp_path / "broken.html"
    broken.write_text(BROKEN_PAGE.replace("<title>Broken</title>", ""))
    errors = html_errors([broken])
    assert any("title" in error for error in errors), errors


def test_the_reflow_probe_finds_content_wider_than_the_viewport(visit):
    from tests.browser.test_accessibility import OVERFLOWING_ELEMENTS

    visit.page.set_viewport_size({"width": 320, "height": 640})
    wide_image = '<img src="data:," width="400" height="10" alt="">'
    visit.page.set_content(f'<html lang="en"><body><p>{wide_image}</p></body></html>')
    found = visit.page.evaluate(OVERFLOWING_ELEMENTS, 320)
    assert any("document is" in item for item in found), found


def test_the_target_size_probe_finds_a_tiny_button(visit):
    from tests.browser.test_accessibility import SMALL_TARGETS

    visit.page.set_content(
        '<html lang="en"><body><button type="button" class="tiny">x</button></body></html>'
    )
    visit.page.add_style_tag(content=".tiny { width: 12px; height: 12px; padding: 0 }")
    found = visit.page.evaluate(SMALL_TARGETS)
    assert any("tiny" in item for item in found), found

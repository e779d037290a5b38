"""Browser tests: Debian's Chromium driven by Playwright against the site served by gunicorn
with the production settings (CSP, hashed static files, whitenoise), exactly as it ships.

Chromium is /usr/bin/chromium (installed by .ci/run with apt; never downloaded). Without it the
browser tests are skipped on a developer's machine and fail in CI (CI=true).
"""

import itertools
import re
import secrets
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import sync_playwright

from tests.servers import fresh_database_url, gunicorn, manage, site_environment

CHROMIUM = "/usr/bin/chromium"
# The flags of shared/reference/accessibility-and-forms.md §4.2: as root in CI, and with no
# background traffic towards the vendor's servers (this machine has no internet).
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--mute-audio",
]
SCREENSHOTS = Path(__file__).parent / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 375, "height": 812}


def pytest_collection_modifyitems(config, items):
    if Path(CHROMIUM).exists():
        return
    if settings.CI:
        pytest.fail(f"{CHROMIUM} is missing; .ci/run installs it with apt (package chromium).")
    skip = pytest.mark.skip(reason=f"{CHROMIUM} is not installed (apt-get install chromium)")
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(skip)


@dataclass
class LiveSite:
    base: str
    env: dict

    def url(self, path: str) -> str:
        return self.base + path

    def get_html(self, path: str) -> str:
        with urllib.request.urlopen(self.url(path), timeout=10) as response:  # noqa: S310
            return response.read().decode()

    def sitemap_paths(self) -> list[str]:
        xml = self.get_html("/sitemap.xml")
        return sorted(
            {loc.removeprefix(self.base) for loc in re.findall(r"<loc>([^<]+)</loc>", xml)}
        )


@pytest.fixture(scope="session")
def live_site(tmp_path_factory):
    """The site as it ships: production settings, collected static files, two workers."""
    var_dir = tmp_path_factory.mktemp("browser-site")
    with fresh_database_url(var_dir, "browser") as database_url:
        env = site_environment(
            var_dir,
            DATABASE_URL=database_url,
            DJANGO_SETTINGS_MODULE="jnpoc_site.settings",
            DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
            DJANGO_STATIC_ROOT=str(var_dir / "static"),
            # A person takes longer than a second to fill the form; the time-trap still runs.
            INQUIRY_MIN_FILL_SECONDS="1",
            INQUIRY_NOTIFY_TO="staff@example.jp",
        )
        manage(env, "migrate", "--noinput")
        manage(env, "load_content")
        manage(env, "collectstatic", "--noinput")
        with gunicorn(env, workers=2) as base:
            yield LiveSite(base, env)


@pytest.fixture(scope="module")
def browser():
    # Module scope: Playwright's event loop must not outlive the browser tests, or Django's
    # async-safety check would trip in the database tests that run after them.
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield browser
        browser.close()


@dataclass
class Visit:
    """A browser tab on the live site that records what it should never see."""

    page: object
    outside_requests: list
    console_errors: list


_visitor_numbers = itertools.count(1)


@pytest.fixture
def client_address():
    """A visitor address of this test's own, passed by the (trusted, local) proxy header, so
    that the inquiry form's per-client rate limit counts each test separately. Counted, not
    random: two tests sharing an address would see each other's submissions and fail at random.
    """
    return f"2001:db8::{next(_visitor_numbers):x}"  # the documentation prefix (RFC 3849)


@pytest.fixture
def visit(browser, live_site, client_address):
    context = browser.new_context(
        locale="ja-JP", viewport=DESKTOP, extra_http_headers={"X-Forwarded-For": client_address}
    )
    page = context.new_page()
    outside, errors = [], []

    def only_our_origin(route):
        url = route.request.url
        if url.startswith(live_site.base) or url.startswith("data:"):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    page.route("**/*", only_our_origin)
    # Script errors, and what the Content-Security-Policy refused (inline code, other origins).
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "console",
        lambda message: (
            message.type == "error" and "Refused to" in message.text and errors.append(message.text)
        ),
    )
    yield Visit(page, outside, errors)
    context.close()
    assert outside == [], "no third-party requests"


def screenshot(page, name: str) -> None:
    """Desktop and mobile pictures of a page, for a person to look at after a run."""
    SCREENSHOTS.mkdir(exist_ok=True)
    for label, size in (("desktop", DESKTOP), ("mobile", MOBILE)):
        page.set_viewport_size(size)
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{label}.png"), full_page=True)
    page.set_viewport_size(DESKTOP)


# --- The inquiry form -------------------------------------------------------------------------

VALID = {
    "organization": "横浜市市民局",
    "name": "山田 太郎",
    "name_kana": "やまだ たろう",
    "email": "taro@example.jp",
    "phone": "０３－１２３４－５６７８",
    "message": "協働指針の改定について相談したいことがあります。\n日程のご都合を教えてください。",
}

# On the confirm page: 送信する posts; 修正する (a GET form) goes back with the values kept.
SEND_BUTTON = "form[method=post] button[type=submit]"


def fill_form(page, values=VALID, category="個別のご相談"):
    page.get_by_label(category).check()
    for name, value in values.items():
        page.locator(f"[name={name}]").fill(value)
    page.locator("[name=consent]").check()


def wait_out_the_time_trap():
    time.sleep(1.1)  # INQUIRY_MIN_FILL_SECONDS=1 on the browser site

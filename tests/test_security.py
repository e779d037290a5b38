"""Security headers, cookies, HTTPS and LAN modes, hosts, body limits and the admin lockout."""

import re
import subprocess
import sys
from datetime import timedelta
from http import HTTPStatus

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import User
from django.urls import reverse

pytestmark = pytest.mark.django_db

PUBLIC_PAGE = "/ja/government/"
ADMIN_LOGIN = "/admin/login/"


@pytest.fixture
def https_settings(settings):
    """The production mode: what a deployment with no DJANGO_HTTPS override runs."""
    settings.SECURE_SSL_REDIRECT = True
    settings.SESSION_COOKIE_SECURE = True
    settings.CSRF_COOKIE_SECURE = True
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    return settings


def assert_common_headers(response):
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    policy = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert not re.search(r"https?://", policy), "no third-party source"


@pytest.mark.parametrize(
    "url", [PUBLIC_PAGE, "/en/government/stances/npo/", "/ja/inquiry/", "/en/inquiry/", ADMIN_LOGIN]
)
def test_every_kind_of_page_sends_the_security_headers(client, content, https_settings, url):
    response = client.get(url, secure=True)
    assert response.status_code == HTTPStatus.OK
    assert_common_headers(response)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def test_admin_pages_send_the_headers_too(client, content, https_settings):
    admin = User.objects.create_superuser("admin", "a@example.jp", "a-long-test-password")
    client.force_login(admin)
    response = client.get("/admin/pages/page/", secure=True)
    assert response.status_code == HTTPStatus.OK
    assert_common_headers(response)


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>", re.I)


@pytest.mark.parametrize(
    "url", [PUBLIC_PAGE, "/en/government/membership/", "/ja/government/nope/", "/ja/inquiry/"]
)
def test_public_pages_need_no_inline_script_or_style(client, content, url):
    html = client.get(url).text
    assert not INLINE_SCRIPT.search(html)
    assert "<style" not in html
    assert " style=" not in html
    assert not re.search(r"\son[a-z]+=", html), "inline event handler"


def test_admin_change_form_needs_no_inline_script(client, content):
    from pages.models import Page

    client.force_login(
        User.objects.create_superuser("admin", "a@example.jp", "a-long-test-password")
    )
    html = client.get(reverse("admin:pages_page_change", args=[Page.objects.first().pk])).text
    assert not INLINE_SCRIPT.search(html)
    assert " style=" not in html


def test_csrf_and_session_cookies_are_secure_httponly_and_samesite(client, content, https_settings):
    response = client.get(ADMIN_LOGIN, secure=True)
    csrf = response.cookies["csrftoken"]
    assert csrf["secure"] and csrf["httponly"] and csrf["samesite"] == "Lax"
    User.objects.create_superuser("admin", "a@example.jp", "a-long-test-password")
    response = client.post(
        ADMIN_LOGIN,
        {"username": "admin", "password": "a-long-test-password", "next": "/admin/"},
        secure=True,
    )
    assert response.status_code == HTTPStatus.FOUND
    session = response.cookies["sessionid"]
    assert session["secure"] and session["httponly"] and session["samesite"] == "Lax"


def test_https_mode_redirects_plain_http_except_the_health_check(client, content, https_settings):
    response = client.get(PUBLIC_PAGE)
    assert response.status_code == HTTPStatus.MOVED_PERMANENTLY
    assert response["Location"] == "https://testserver/ja/government/"
    assert client.get("/healthz").status_code == HTTPStatus.OK


def test_behind_a_tls_proxy_the_forwarded_proto_header_is_believed(client, content, https_settings):
    https_settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    response = client.get(PUBLIC_PAGE, headers={"x-forwarded-proto": "https"})
    assert response.status_code == HTTPStatus.OK


def test_lan_mode_serves_plain_http_without_secure_cookies(client, content, settings):
    assert settings.SECURE_SSL_REDIRECT is False  # DJANGO_HTTPS=false in the test settings
    response = client.get(ADMIN_LOGIN)
    assert response.status_code == HTTPStatus.OK
    assert not response.cookies["csrftoken"]["secure"]
    assert "Strict-Transport-Security" not in response


def test_wrong_host_header_gets_400_not_500(client, content):
    response = client.get(PUBLIC_PAGE, headers={"host": "evil.example.com"})
    assert response.status_code == HTTPStatus.BAD_REQUEST


def test_oversized_request_body_is_refused_with_413(client, content, settings):
    settings.MAX_REQUEST_BYTES = 1000
    response = client.post(ADMIN_LOGIN, {"username": "x" * 2000, "password": "y"})
    assert response.status_code == HTTPStatus.REQUEST_ENTITY_TOO_LARGE


def test_oversized_form_fields_are_refused_with_400(client, content, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = client.post(ADMIN_LOGIN, {"username": "x" * 2000, "password": "y"})
    assert response.status_code == HTTPStatus.BAD_REQUEST


def test_malformed_content_length_is_refused_with_400(client, content):
    response = client.generic("POST", ADMIN_LOGIN, b"", CONTENT_LENGTH="abc")
    assert response.status_code == HTTPStatus.BAD_REQUEST


def login(client, password):
    return client.post(
        ADMIN_LOGIN,
        {"username": "sato", "password": password, "next": "/admin/"},
        REMOTE_ADDR="192.0.2.10",
    )


def test_six_wrong_passwords_lock_the_account_until_the_cool_off_passes(client, content, settings):
    User.objects.create_user("sato", password="the-right-password-123", is_staff=True)
    for _ in range(6):
        response = login(client, "wrong-password")
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "ログインを一時的に停止しています" in response.text
    assert '<html lang="ja"' in response.text

    response = login(client, "the-right-password-123")
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS, "locked even with the right one"
    assert "_auth_user_id" not in client.session

    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.first().attempt_time
        - settings.AXES_COOLOFF_TIME
        - timedelta(seconds=1)
    )
    response = login(client, "the-right-password-123")
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/admin/"


def test_lockout_is_per_username_and_address(client, content):
    User.objects.create_user("sato", password="the-right-password-123", is_staff=True)
    for _ in range(6):
        login(client, "wrong-password")
    other_address = client.post(
        ADMIN_LOGIN,
        {"username": "sato", "password": "the-right-password-123", "next": "/admin/"},
        REMOTE_ADDR="198.51.100.7",
    )
    assert other_address.status_code == HTTPStatus.FOUND


def test_non_staff_accounts_cannot_use_the_admin(client, content):
    User.objects.create_user("visitor", password="a-long-test-password")
    response = client.post(ADMIN_LOGIN, {"username": "visitor", "password": "a-long-test-password"})
    assert response.status_code == HTTPStatus.OK
    assert "_auth_user_id" not in client.session


def test_weak_passwords_are_refused(db):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    for weak in ["short1", "password1234", "123456789012"]:
        with pytest.raises(ValidationError):
            validate_password(weak)
    validate_password("correct horse battery staple")


def test_admin_path_comes_from_the_environment(tmp_path):
    code = (
        "import django; django.setup(); "
        "from django.urls import reverse; print(reverse('admin:index'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={
            "DJANGO_SETTINGS_MODULE": "jnpoc_site.test_settings",
            "DJANGO_ADMIN_PATH": "/staff-only/",
            "DJANGO_VAR_DIR": str(tmp_path),
            "PATH": "/usr/bin:/bin",
        },
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "/staff-only/"


def test_deploy_checks_pass_with_production_settings(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env={
            "DJANGO_SETTINGS_MODULE": "jnpoc_site.settings",
            "DJANGO_SECRET_KEY": "x9" * 30 + "a-long-random-production-key",
            "DJANGO_ALLOWED_HOSTS": "www.example.jp",
            "SITE_URL": "https://www.example.jp",
            "INQUIRY_NOTIFY_TO": "staff@example.jp",
            "DJANGO_VAR_DIR": str(tmp_path),
            "PATH": "/usr/bin:/bin",
        },
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_form_page_is_never_cached_and_sets_a_secure_csrf_cookie(
    client, content, https_settings
):
    response = client.get("/ja/inquiry/", secure=True)
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    csrf = response.cookies["csrftoken"]
    assert csrf["secure"] and csrf["httponly"] and csrf["samesite"] == "Lax"

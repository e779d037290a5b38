"""Logs and error reports carry no personal data."""

import json
import logging
import runpy

import pytest
from django.test import RequestFactory

from jnpoc_site.log import JsonFormatter, PersonalDataReporterFilter
from jnpoc_site.proxies import client_ip


def test_log_lines_are_json_with_extra_fields_but_never_the_request():
    request = RequestFactory().get("/ja/inquiry/?email=taro@example.jp")
    record = logging.makeLogRecord(
        {
            "name": "django.request",
            "levelname": "WARNING",
            "msg": "Not Found: %s",
            "args": (request.path,),
            "status_code": 404,
            "request": request,
        }
    )
    line = JsonFormatter().format(record)
    entry = json.loads(line)
    assert entry["message"] == "Not Found: /ja/inquiry/"
    assert entry["status_code"] == 404
    assert "taro@example.jp" not in line
    assert "request" not in entry


def test_error_reports_hide_form_values_cookies_and_addresses():
    request = RequestFactory().post(
        "/ja/inquiry/", {"name": "山田太郎", "email": "taro@example.jp"}, REMOTE_ADDR="203.0.113.5"
    )
    request.COOKIES["sessionid"] = "secret-session"
    report_filter = PersonalDataReporterFilter()
    assert set(report_filter.get_post_parameters(request).values()) == {
        report_filter.cleansed_substitute
    }
    assert report_filter.get_safe_cookies(request) == {
        "sessionid": report_filter.cleansed_substitute
    }
    meta = report_filter.get_safe_request_meta(request)
    assert meta["REMOTE_ADDR"] == report_filter.cleansed_substitute
    assert meta["PATH_INFO"] == "/ja/inquiry/"


def test_gunicorn_access_log_format_has_no_query_string_or_address(settings):
    conf = runpy.run_path(str(settings.BASE_DIR / "jnpoc_site" / "gunicorn.conf.py"))
    assert "%(U)s" in conf["access_log_format"]
    for leaky in ("%(r)s", "%(q)s", "%(h)s", "%(f)s", "%(a)s", "%({"):
        assert leaky not in conf["access_log_format"]


@pytest.mark.parametrize(
    ("remote", "forwarded", "trusted", "expected"),
    [
        ("203.0.113.5", "", ["127.0.0.1"], "203.0.113.5"),
        ("203.0.113.5", "198.51.100.1", ["127.0.0.1"], "203.0.113.5"),  # untrusted peer: ignored
        ("127.0.0.1", "198.51.100.1", ["127.0.0.1"], "198.51.100.1"),
        ("10.0.0.2", "6.6.6.6, 198.51.100.1, 10.0.0.9", ["10.0.0.0/8"], "198.51.100.1"),
        ("127.0.0.1", "", ["127.0.0.1"], "127.0.0.1"),
        ("::1", "2001:db8::7", ["::1"], "2001:db8::7"),
    ],
)
def test_client_address_believes_only_trusted_proxies(
    settings, remote, forwarded, trusted, expected
):
    settings.TRUSTED_PROXIES = trusted
    request = RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected

"""Settings come from the environment, with a safe embedded default and loud production failures."""

import os
import subprocess
import sys

from django.conf import settings

PRINT_SETTINGS = (
    "import django; django.setup(); from django.conf import settings as s; "
    "db = s.DATABASES['default']; print(s.DEBUG, db['ENGINE'], db['NAME'], s.ALLOWED_HOSTS)"
)


def run_settings(env_overrides, tmp_path):
    env = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "jnpoc_site.settings",
        "DJANGO_VAR_DIR": str(tmp_path),
        **env_overrides,
    }
    return subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )


def test_production_without_a_secret_key_refuses_to_start(tmp_path):
    result = run_settings({}, tmp_path)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set and DJANGO_DEBUG is off" in result.stderr


def test_a_local_key_file_under_var_is_used_when_present(tmp_path):
    (tmp_path / "secret_key").write_text("k" * 50)
    result = run_settings({}, tmp_path)
    assert result.returncode == 0, result.stderr
    debug, engine, name, hosts = result.stdout.split(" ", 3)
    assert debug == "False"
    assert engine == "django.db.backends.sqlite3"
    assert name == str(tmp_path / "db.sqlite3")


def test_database_url_selects_the_database(tmp_path):
    result = run_settings(
        {"DJANGO_SECRET_KEY": "x" * 50, "DATABASE_URL": "postgres://u@db.example:5432/site"},
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert "django.db.backends.postgresql site" in result.stdout


def test_allowed_hosts_and_debug_from_the_environment(tmp_path):
    result = run_settings(
        {"DJANGO_DEBUG": "true", "DJANGO_ALLOWED_HOSTS": "www.example.jp, example.jp"}, tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("True ")
    assert "['www.example.jp', 'example.jp']" in result.stdout


def test_a_malformed_boolean_is_reported_by_name(tmp_path):
    result = run_settings({"DJANGO_DEBUG": "maybe", "DJANGO_SECRET_KEY": "x" * 50}, tmp_path)
    assert result.returncode != 0
    assert "DJANGO_DEBUG must be a boolean" in result.stderr


def test_email_and_inquiry_settings_come_from_the_environment(tmp_path):
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_USE_TLS, s.EMAIL_TIMEOUT, "
        "s.DEFAULT_FROM_EMAIL, s.INQUIRY_NOTIFY_TO, s.INQUIRY_RATE_LIMIT, "
        "s.INQUIRY_MIN_FILL_SECONDS, s.INQUIRY_RETENTION_DAYS)"
    )
    env = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "jnpoc_site.settings",
        "DJANGO_VAR_DIR": str(tmp_path),
        "DJANGO_SECRET_KEY": "x" * 50,
        "EMAIL_HOST": "smtp.example.jp",
        "EMAIL_PORT": "465",
        "EMAIL_USE_TLS": "false",
        "DEFAULT_FROM_EMAIL": "web@example.jp",
        "INQUIRY_NOTIFY_TO": "a@example.jp, b@example.jp",
        "INQUIRY_RATE_LIMIT": "3/1h",
        "INQUIRY_MIN_FILL_SECONDS": "5",
        "INQUIRY_RETENTION_DAYS": "365",
    }
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "django.core.mail.backends.smtp.EmailBackend smtp.example.jp 465 False 10 "
        "web@example.jp ['a@example.jp', 'b@example.jp'] (3, 3600) 5 365"
    )


def test_inquiry_rate_limit_can_be_turned_off(tmp_path):
    result = run_settings({"DJANGO_SECRET_KEY": "x" * 50, "INQUIRY_RATE_LIMIT": "off"}, tmp_path)
    assert result.returncode == 0, result.stderr


def test_a_malformed_rate_limit_is_reported_by_name(tmp_path):
    for bad in ["5", "5/10x", "0/10m", "five per minute", "5/0m"]:
        result = run_settings({"DJANGO_SECRET_KEY": "x" * 50, "INQUIRY_RATE_LIMIT": bad}, tmp_path)
        assert result.returncode != 0, bad
        assert "INQUIRY_RATE_LIMIT must be a number of submissions per period" in result.stderr


def test_rate_limit_formats(monkeypatch):
    from jnpoc_site.env import env_rate_limit

    cases = {"5/10m": (5, 600), "10/m": (10, 60), "100 / 1d": (100, 86400), "1/30s": (1, 30)}
    for raw, expected in cases.items():
        monkeypatch.setenv("TEST_RATE", raw)
        assert env_rate_limit("TEST_RATE", "off") == expected
    monkeypatch.delenv("TEST_RATE")
    assert env_rate_limit("TEST_RATE", "5/10m") == (5, 600)

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

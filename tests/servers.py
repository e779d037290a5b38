"""Real gunicorn servers on throw-away sites, for tests that must cross process boundaries
and for the benchmark (bench/run.py). Nothing here needs Django's settings loaded."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from contextlib import contextmanager
from pathlib import Path

import dj_database_url

BIN = Path(sys.executable).parent
BASE_DIR = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def fresh_database_url(tmp_path, label):
    """A new, empty database of the kind the suite runs on (DATABASE_URL): PostgreSQL in
    CI's second run, an SQLite file otherwise."""
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        yield f"sqlite:///{tmp_path / f'{label}.sqlite3'}"
        return
    import psycopg

    db = dj_database_url.parse(os.environ["DATABASE_URL"])
    name = f"jnpoc_{label}_{uuid.uuid4().hex[:8]}"
    dsn = {
        "host": db["HOST"] or "127.0.0.1",
        "port": db["PORT"] or 5432,
        "user": db["USER"],
        "dbname": "postgres",
    }
    with psycopg.connect(**dsn, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgres://{db['USER']}@{dsn['host']}:{dsn['port']}/{name}"
    finally:
        with psycopg.connect(**dsn, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def site_environment(var_dir: Path, **overrides: str) -> dict[str, str]:
    """Environment of a throw-away site: its own SQLite file, keys and folders under var_dir."""
    env = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "jnpoc_site.test_settings",
        "DJANGO_VAR_DIR": str(var_dir),
        "DATABASE_URL": f"sqlite:///{var_dir / 'db.sqlite3'}",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_HTTPS": "false",
        "GUNICORN_ACCESS_LOG": "",
        "DJANGO_LOG_LEVEL": "WARNING",
    }
    env.update(overrides)
    return env


def manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def shell(env: dict[str, str], code: str) -> str:
    """Run Python code against a throw-away site; returns what it printed."""
    return manage(env, "shell", "--no-imports", "-c", code)


@contextmanager
def gunicorn(env: dict[str, str], *, workers: int = 1):
    """Serve the site with gunicorn (jnpoc_site/gunicorn.conf.py) on a free port; yields its
    base URL. Its log is var_dir/gunicorn-<port>.log."""
    port = free_port()
    server_env = {**env, "PORT": str(port), "HOST": "127.0.0.1", "WEB_CONCURRENCY": str(workers)}
    log = Path(env["DJANGO_VAR_DIR"]) / f"gunicorn-{port}.log"
    with log.open("w") as log_file:
        process = subprocess.Popen(
            [str(BIN / "gunicorn"), "--config", "jnpoc_site/gunicorn.conf.py"],
            cwd=BASE_DIR,
            env=server_env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_until_up(base, process, log)
            yield base
        finally:
            process.terminate()
            process.wait(timeout=20)


def _wait_until_up(base: str, process, log: Path, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited early:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"gunicorn did not come up in {timeout} s:\n{log.read_text()}")

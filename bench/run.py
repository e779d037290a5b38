"""Benchmark: how close do cached pages come to serving a prepared file? (`make bench`)

Starts gunicorn with the production settings and WEB_CONCURRENCY=2 on a throw-away copy of the
site (SQLite, the file cache, the shipped content), warms up, then measures with wrk (Debian's
load generator) in one run:

  a  a static file of the landing page's size, served by the same gunicorn and whitenoise
  b  /ja/government/ from the page cache
  c  /ja/government/ with the page cache disabled (a second gunicorn, PAGE_CACHE_ENABLED=false)
  d  an edition page (from the page cache)
  e  the empty inquiry form (never cached: it carries a CSRF token)

and prints requests/s, p50 and p99 latency, and the ratios b/a and d/a. Then it times the
uncached render of the events archive with 10, 100 and 1,000 editions (it must stay flat).
Not part of `make test`: it prints numbers, it does not judge them.
"""

import os
import platform
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # `python bench/run.py` from the project root

from tests.servers import gunicorn, manage, site_environment  # noqa: E402

DURATION = os.environ.get("BENCH_DURATION", "5s")
# Scenarios are measured in turn, round after round, and each figure is the median over the
# rounds: on a small shared machine this keeps a passing disturbance out of the ratios.
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
# Two connections per sync worker keep both workers busy without measuring a queue.
CONNECTIONS = os.environ.get("BENCH_CONNECTIONS", "4")
THREADS = os.environ.get("BENCH_THREADS", "2")
EDITION = "/ja/government/events/forum/2017-07/"
WORKERS = 2


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310
        return response.read()


def wrk(url: str) -> dict:
    output = subprocess.run(
        ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{DURATION}", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", output, flags=re.M))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": rate,
        "p50": to_ms(latency["50"]),
        "p99": to_ms(latency["99"]),
        "non_2xx": int(errors.group(1)) if errors else 0,
    }


def to_ms(value: str) -> float:
    number, unit = re.match(r"([\d.]+)(\w+)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def archive_render_times(env) -> list[tuple[int, float]]:
    """Median uncached render time of the events archive as the archive grows (past editions:
    upcoming ones are few, and all of them are listed)."""
    code = (
        "import statistics, time\n"
        "from django.test import Client\n"
        "from django.test.utils import override_settings\n"
        "from events.models import Edition\n"
        "from tests.events.factories import add_editions\n"
        "client = Client()\n"
        "have = Edition.objects.count()\n"
        "for target in (10, 100, 1000):\n"
        "    if target > have:\n"
        "        add_editions(target - have, sessions_each=10, first=have + 1, upcoming_every=0)\n"
        "        have = target\n"
        "    with override_settings(PAGE_CACHE_ENABLED=False):\n"
        "        client.get('/ja/government/events/')\n"
        "        times = []\n"
        "        for _ in range(15):\n"
        "            started = time.perf_counter()\n"
        "            assert client.get('/ja/government/events/').status_code == 200\n"
        "            times.append(time.perf_counter() - started)\n"
        "    print(Edition.objects.count(), statistics.median(times) * 1000)\n"
    )
    output = manage(
        {**env, "DJANGO_ALLOWED_HOSTS": "testserver"}, "shell", "--no-imports", "-c", code
    )
    return [(int(n), float(ms)) for n, ms in (line.split() for line in output.splitlines())]


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        model = re.search(r"model name\s*:\s*(.*)", Path("/proc/cpuinfo").read_text()).group(1)
        cpu = model.strip()
    except (OSError, AttributeError):
        pass
    return f"{os.cpu_count()} cores, {cpu}, Python {platform.python_version()}"


def main() -> None:
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed: apt-get install wrk")
    var_dir = Path(tempfile.mkdtemp(prefix="jnpoc-bench-"))
    env = site_environment(
        var_dir,
        DJANGO_SETTINGS_MODULE="jnpoc_site.settings",  # production settings, as shipped
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_STATIC_ROOT=str(var_dir / "static"),
        INQUIRY_NOTIFY_TO="staff@example.jp",
        GUNICORN_ACCESS_LOG="-",  # the access log on, as in production (into the log file)
    )
    print(f"Preparing a throw-away site in {var_dir} ...")
    manage(env, "migrate", "--noinput")
    manage(env, "load_content")
    manage(env, "collectstatic", "--noinput")

    results = {}
    with gunicorn(env, workers=WORKERS) as base:
        landing = fetch(base + "/ja/government/")
        # (a): a static file of the landing page's size, collected like every static file.
        static_copy = Path(env["DJANGO_STATIC_ROOT"]) / "bench" / "landing-copy.html"
        static_copy.parent.mkdir(parents=True, exist_ok=True)
        static_copy.write_bytes(landing)
    uncached_env = {**env, "PAGE_CACHE_ENABLED": "false"}
    with (
        gunicorn(env, workers=WORKERS) as base,
        gunicorn(uncached_env, workers=WORKERS) as uncached,
    ):
        scenarios = [
            ("a", "static file (whitenoise)", base + "/static/bench/landing-copy.html"),
            ("b", "/ja/government/ cached", base + "/ja/government/"),
            ("c", "/ja/government/ cache off", uncached + "/ja/government/"),
            ("d", f"{EDITION} cached", base + EDITION),
            ("e", "/ja/inquiry/ (empty form)", base + "/ja/inquiry/"),
        ]
        for _key, _name, url in scenarios:  # warm up: caches filled, workers imported
            for _ in range(20):
                fetch(url)
        runs = {key: [] for key, _name, _url in scenarios}
        for _round in range(ROUNDS):
            for key, _name, url in scenarios:
                runs[key].append(wrk(url))
        for key, name, url in scenarios:
            results[key] = {
                "name": name,
                "bytes": len(fetch(url)),
                **{
                    m: statistics.median(run[m] for run in runs[key]) for m in ("rps", "p50", "p99")
                },
                "non_2xx": sum(run["non_2xx"] for run in runs[key]),
            }

    print()
    print(f"Run {time.strftime('%Y-%m-%d %H:%M %Z')} on {machine()}")
    print(
        f"gunicorn sync workers: {WORKERS}; wrk -t{THREADS} -c{CONNECTIONS} -d{DURATION}, "
        f"plain HTTP; median of {ROUNDS} rounds"
    )
    print()
    print("| | scenario | bytes | requests/s | p50 ms | p99 ms | non-2xx |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for key, row in results.items():
        print(
            f"| {key} | {row['name']} | {row['bytes']:,} | {row['rps']:,.0f} | "
            f"{row['p50']:.2f} | {row['p99']:.2f} | {row['non_2xx']} |"
        )
    print()
    a = results["a"]["rps"]
    print(f"b/a = {results['b']['rps'] / a:.2f}   (target ≥ 0.90)")
    print(f"d/a = {results['d']['rps'] / a:.2f}")
    print(f"c/b = {results['c']['rps'] / results['b']['rps']:.2f}   (what the page cache saves)")
    served = {key: row for key, row in results.items() if key in "bde"}
    slowest = max(served, key=lambda key: served[key]["p99"])
    print(
        f"slowest served page p99 = {served[slowest]['p99']:.1f} ms ({slowest})   (target < 50 ms)"
    )
    print("(c is the landing page with the page cache turned off: what a visitor would wait for")
    print(" if every request rendered; with the cache on only the first request after a change")
    print(" does.)")
    print()
    print("Uncached render of /ja/government/events/ as the archive grows (median of 15):")
    for count, ms in archive_render_times(env):
        print(f"  {count:>5} editions: {ms:6.1f} ms")
    shutil.rmtree(var_dir, ignore_errors=True)


if __name__ == "__main__":
    main()

"""gunicorn settings, read from the environment (README.md, Settings). Used by `make run`."""

import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
wsgi_app = "jnpoc_site.wsgi:application"

# Sync workers: a content site with short requests. 2-4 per core; SQLite wants few writers.
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# Recycle workers now and then so that a slow leak never becomes an outage; not so often that
# a busy site pays for it (a cached page takes well under a millisecond).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "50000"))
max_requests_jitter = max_requests // 10
# Import Django once in the master: a new or recycled worker is a fork, not a half-second start.
# Nothing opens a database connection or a socket at import time, so nothing is shared.
preload_app = True

# Proxies whose X-Forwarded-Proto/-For headers are believed; the same list the site uses to
# find the client address (jnpoc_site/proxies.py).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# Access log on stdout as one JSON object per line. %(U)s is the path without the query
# string (a query may carry personal data); no client address, no referrer, no user agent.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
access_log_format = (
    '{"time": "%(t)s", "method": "%(m)s", "path": "%(U)s", "status": %(s)s, '
    '"bytes": %(B)s, "duration_ms": %(M)s}'
)
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")

# The control socket of gunicorn 27 is not needed: deployments signal the master process.
control_socket_disable = True

"""gunicorn settings, read from the environment (README.md, Settings). Used by `make run`."""

import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
wsgi_app = "jnpoc_site.wsgi:application"

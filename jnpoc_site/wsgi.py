"""WSGI entry point for gunicorn (see jnpoc_site/gunicorn.conf.py)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jnpoc_site.settings")

application = get_wsgi_application()

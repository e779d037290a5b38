"""Structured logs and error reports that carry no personal data."""

import json
import logging
from datetime import UTC, datetime

from django.views.debug import SafeExceptionReporterFilter

# Attributes every LogRecord has; anything else was passed in `extra=` and is logged as a field.
_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}
# Django attaches the request to django.request records; never serialise it (it holds the
# query string, cookies and form data).
_NEVER = {"request", "exc_info", "exc_text", "stack_info"}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD and key not in _NEVER:
                entry[key] = value if isinstance(value, (str, int, float, bool)) else str(value)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


class PersonalDataReporterFilter(SafeExceptionReporterFilter):
    """Error e-mails to ADMINS never include what a visitor typed or their cookies.

    The inquiry form carries names, addresses and messages; none of it belongs in a mailbox.
    """

    def get_post_parameters(self, request):
        if request is None:
            return {}
        return {key: self.cleansed_substitute for key in request.POST}

    def get_traceback_frame_variables(self, request, tb_frame):
        return [(name, self.cleansed_substitute) for name in tb_frame.f_locals]

    def get_safe_request_meta(self, request):
        keep = {"REQUEST_METHOD", "PATH_INFO", "SERVER_NAME", "SERVER_PORT", "wsgi.url_scheme"}
        return {
            key: (value if key in keep else self.cleansed_substitute)
            for key, value in request.META.items()
        }

    def get_safe_cookies(self, request):
        return {key: self.cleansed_substitute for key in request.COOKIES}

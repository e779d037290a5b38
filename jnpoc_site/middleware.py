"""Request plumbing that is not specific to one app."""

from django.conf import settings
from django.http import HttpResponse
from django.utils import translation


class RequestSizeLimitMiddleware:
    """Refuse a request body over MAX_REQUEST_BYTES with 413 before anything reads it.

    Django caps form fields (DATA_UPLOAD_MAX_MEMORY_SIZE) but streams uploaded files to disk
    whatever their size; this puts one ceiling on everything.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return HttpResponse("Bad Content-Length\n", status=400, content_type="text/plain")
        if length > settings.MAX_REQUEST_BYTES:
            return HttpResponse("Request body too large\n", status=413, content_type="text/plain")
        return self.get_response(request)


class AdminInJapaneseMiddleware:
    """Render the staff admin in Japanese whatever the browser asks for.

    The admin lives outside i18n_patterns, so LocaleMiddleware would follow Accept-Language;
    the Center's staff work in Japanese and every content field is shown in both languages anyway.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/" + settings.ADMIN_PATH

    def __call__(self, request):
        if request.path.startswith(self.admin_prefix):
            translation.activate("ja")
            request.LANGUAGE_CODE = "ja"
        return self.get_response(request)

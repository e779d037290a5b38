"""Request plumbing that is not specific to one app."""

from django.conf import settings
from django.utils import translation


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

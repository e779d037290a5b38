from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InquiriesConfig(AppConfig):
    name = "inquiries"
    verbose_name = _("お問い合わせ")

    def ready(self):
        from inquiries import checks  # noqa: F401  (registers the system checks)

from django.conf import settings
from django.core.checks import Warning, register


@register()
def notify_address_check(app_configs, **kwargs):
    if settings.INQUIRY_NOTIFY_TO:
        return []
    return [
        Warning(
            "INQUIRY_NOTIFY_TO is empty: inquiries are stored, but no staff member is notified "
            "(their notification stays 'failed' until it is set and send_pending_mail runs).",
            hint="Set INQUIRY_NOTIFY_TO to the staff address(es), comma-separated.",
            id="inquiries.W001",
        )
    ]

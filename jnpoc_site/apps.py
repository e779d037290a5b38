from django.apps import AppConfig, apps
from django.db.models.signals import post_delete, post_save


class SiteConfig(AppConfig):
    name = "jnpoc_site"
    verbose_name = "site"

    def ready(self):
        from jnpoc_site.page_cache import invalidate_pages_after_commit

        # Every save or delete of published content, whoever makes it (admin, content command,
        # shell), must make cached pages stale: a signal is the one place all of them pass.
        for model in content_models():
            for signal in (post_save, post_delete):
                signal.connect(
                    invalidate_pages_after_commit,
                    sender=model,
                    dispatch_uid=f"page-cache-{model._meta.label}",
                )


# Models whose rows appear on public pages. Inquiries and the loader's ledger do not; inquiry
# categories do (each support offering on the landing page links to the form with its own).
CONTENT_APPS = ("pages", "principles", "events")
NOT_CONTENT = {"pages.ContentSeed"}
ALSO_CONTENT = ("inquiries.InquiryCategory",)


def content_models():
    for label in CONTENT_APPS:
        for model in apps.get_app_config(label).get_models():
            if model._meta.label not in NOT_CONTENT:
                yield model
    for label in ALSO_CONTENT:
        yield apps.get_model(label)

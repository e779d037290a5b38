from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("ページ・セクション")

    def ready(self):
        from pages.staff_groups import sync_staff_groups_after_migrate

        # Once per migrate run (sender=self), after every table exists.
        post_migrate.connect(
            sync_staff_groups_after_migrate, sender=self, dispatch_uid="sync_staff_groups"
        )
